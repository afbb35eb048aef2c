#include "meibo/core/RosterCsv.h"

#include "meibo/core/Csv.h"
#include "meibo/core/Error.h"
#include "meibo/core/RosterFile.h"
#include "meibo/core/Text.h"

#include <map>

namespace meibo::core {

namespace {

const std::string kPersonIdColumn = "person_id";

std::string columnList()
{
    std::string out;
    for (const RosterField& f : rosterFields())
        out += (out.empty() ? "" : ", ") + std::string(f.key);
    return out + " (or their Japanese names), and person_id";
}

std::string columnListJa()
{
    std::string out;
    for (const RosterField& f : rosterFields())
        out += (out.empty() ? "" : "、") + std::string(f.labelJa);
    return out + "（または英語の列名）と person_id";
}

} // namespace

std::vector<std::string> rosterCsvColumns()
{
    std::vector<std::string> out;
    for (const RosterField& f : rosterFields())
        out.emplace_back(f.key);
    return out;
}

namespace {

/// "A", "B" … "Z", "AA" …: a spreadsheet's column name (0 = A).
std::string columnName(std::size_t index)
{
    std::string out;
    for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
}

/// A header cell as a person wrote it, without spaces, line breaks and a trailing ※ note.
std::string headerName(std::string_view cell)
{
    std::string out;
    for (std::size_t i = 0; i < cell.size();) {
        const auto c = static_cast<unsigned char>(cell[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
            continue;
        }
        if (cell.compare(i, 3, "\u3000") == 0) {
            i += 3;
            continue;
        }
        if (cell.compare(i, 3, "※") == 0)
            break;
        out += cell[i++];
    }
    return out;
}

} // namespace

const RosterField* rosterHeaderField(std::string_view name, bool* combined)
{
    const std::string tidy = headerName(name);
    if (combined)
        *combined = tidy == kCombinedPassportColumn || tidy == "パスポート番号・国籍" || tidy == "パスポート番号／国籍";
    if (combined && *combined)
        return &rosterField("passport_no");
    return tidy.empty() ? nullptr : findRosterField(tidy);
}

std::pair<std::string, std::string> splitPassportNationality(std::string_view cell)
{
    const std::string text = tidyText(cell);
    std::size_t cut = text.find('\n');
    std::size_t skip = 1;
    if (cut == std::string::npos) {
        cut = text.find(' ');
        const std::size_t wide = text.find("\u3000");
        if (wide != std::string::npos && (cut == std::string::npos || wide < cut)) {
            cut = wide;
            skip = 3;
        }
    }
    if (cut == std::string::npos)
        return {text, {}};
    return {tidyText(text.substr(0, cut)), tidyText(text.substr(cut + skip))};
}

RosterImport parseRosterCsv(std::string_view bytes, const Date& today, const ColumnMapping& mapping)
{
    const DecodedText text = decodeRosterText(bytes);
    if (!text.error.empty()) {
        RosterImport result;
        result.format = "csv";
        result.issues.push_back({text.errorLine, {}, text.error, text.errorJa, {}, {}});
        return result;
    }
    // A header line with tabs and no comma is tab-separated (Excel's "Unicode text").
    const std::string_view first = std::string_view(text.utf8).substr(0, text.utf8.find('\n'));
    const bool tabs = first.find('\t') != std::string_view::npos && first.find(',') == std::string_view::npos;
    RosterImport result = parseRosterText(text.utf8, tabs ? '\t' : ',', today, mapping);
    result.encoding = text.encoding;
    return result;
}

RosterImport parseRosterText(std::string_view utf8, char delimiter, const Date& today, const ColumnMapping& mapping)
{
    CsvRead read = readCsv(utf8, delimiter);
    if (!read.error.empty()) {
        RosterImport result;
        result.format = delimiter == '\t' ? "tsv" : "csv";
        result.issues.push_back(
            {read.errorLine, {}, read.error, read.errorJa.empty() ? read.error : read.errorJa, {}, {}});
        return result;
    }
    RosterTable table;
    table.records = std::move(read.records);
    RosterImport result = parseRosterTable(table, today, mapping);
    result.format = delimiter == '\t' ? "tsv" : "csv";
    return result;
}

RosterImport parseRosterTable(const RosterTable& table, const Date& today, const ColumnMapping& mapping)
{
    RosterImport result;
    const bool sheet = !table.sheet.empty();
    result.sheet = table.sheet;
    result.table = table;
    auto issueAt = [&](int line, std::optional<std::size_t> col, std::string column, std::string message,
                       std::string messageJa) {
        CsvIssue i{line, std::move(column), std::move(message), std::move(messageJa), table.sheet, {}};
        if (sheet && col)
            i.cell = columnName(*col) + std::to_string(line);
        result.issues.push_back(std::move(i));
    };
    auto issue = [&](int line, std::string column, std::string message, std::string messageJa) {
        issueAt(line, std::nullopt, std::move(column), std::move(message), std::move(messageJa));
    };
    const std::vector<CsvRecord>& records = table.records;
    if (records.empty()) {
        issue(1, {}, "the file is empty: it needs a header row naming the columns (role,label,name,…)",
              "ファイルが空です。1行目に列名（区分、記号、氏名…）の見出しが必要です。");
        return result;
    }

    // Header: each column is a field (by key or Japanese name), person_id, or an empty trailing
    // column as spreadsheets leave them.
    const CsvRecord& header = records.front();
    std::vector<const RosterField*> fieldOf(header.fields.size(), nullptr);
    std::optional<std::size_t> personIdColumn;
    std::optional<std::size_t> combinedColumn; // パスポート番号及び国籍
    std::map<std::string, bool> seen;
    std::size_t width = header.fields.size();
    while (width > 0 && tidyText(header.fields[width - 1]).empty())
        --width;
    result.headerFields.assign(header.fields.size(), std::string());
    if (!sheet && width < header.fields.size()) {
        // Excel and Calc save the empty columns right of a table as empty fields: say it once.
        result.notes.push_back(std::to_string(header.fields.size() - width) +
                               " empty column(s) right of the header were ignored");
        result.notesJa.push_back("見出しの右の空の列（" + std::to_string(header.fields.size() - width) +
                                 " 列）は無視しました。");
    }
    for (std::size_t i = 0; i < width; ++i) {
        const std::string name = tidyText(header.fields[i]);
        if (sheet && name.empty())
            continue; // a sheet's empty header cell: a margin or the second half of a merged heading
        bool combined = false;
        const RosterField* f = nullptr;
        bool personId = name == kPersonIdColumn;
        if (auto m = mapping.find(name); m != mapping.end()) {
            // The officer's reading of this header cell (the wizard's mapping, `import --column`).
            if (m->second.empty()) {
                result.notes.push_back("the column “" + name + "” was ignored, as asked");
                result.notesJa.push_back("列「" + name + "」は指定どおり取り込みません。");
                continue;
            }
            personId = m->second == kPersonIdColumn;
            f = personId ? nullptr : rosterHeaderField(m->second, &combined);
            if (!f && !personId) {
                issueAt(header.line, i, name,
                        "the column “" + name + "” was mapped to “" + m->second + "”, which is no column: the columns are " +
                            columnList(),
                        "列「" + name + "」の割り当て先「" + m->second + "」は列名ではありません。列名は " +
                            columnListJa() + " です。");
                continue;
            }
        } else {
            f = rosterHeaderField(name, &combined);
        }
        const std::string key = combined   ? std::string(kCombinedPassportColumn)
                                : f        ? std::string(f->key)
                                : personId ? kPersonIdColumn
                                           : std::string();
        if (key.empty()) {
            issueAt(header.line, i, name, "unknown column “" + name + "”: the columns are " + columnList(),
                    "列名「" + name + "」は使えません。列名は " + columnListJa() + " です。");
            continue;
        }
        const std::vector<std::string> keys =
            combined ? std::vector<std::string>{"passport_no", "nationality"} : std::vector<std::string>{key};
        bool twice = false;
        for (const std::string& k : keys)
            twice = twice || seen[k];
        if (twice) {
            issueAt(header.line, i, key, "the column “" + key + "” appears twice",
                    "列「" + (f && !combined ? std::string(f->labelJa) : key) + "」が2回あります。");
            continue;
        }
        for (const std::string& k : keys)
            seen[k] = true;
        result.headerFields[i] = key;
        if (combined) {
            combinedColumn = i;
            result.columns.emplace_back("passport_no");
            result.columns.emplace_back("nationality");
        } else if (f) {
            fieldOf[i] = f;
            result.columns.push_back(key);
        } else {
            personIdColumn = i;
        }
    }
    for (const RosterField& f : rosterFields())
        if (f.required && !seen[std::string(f.key)])
            issue(header.line, std::string(f.key),
                  "the header has no “" + std::string(f.key) + "” (" + std::string(f.labelJa) +
                      ") column, which is required",
                  "見出しに必須の列「" + std::string(f.labelJa) + "」がありません。");
    if (!result.issues.empty())
        return result;
    if (records.size() == 1) {
        issue(header.line, {}, "the file has a header but no rows", "見出しだけで、データの行がありません。");
        return result;
    }

    const FieldContext context{today};
    std::map<std::string, int> labels; // label -> line
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& rec = records[r];
        const int line = rec.line;
        // Empty cells past the header's width (a spreadsheet's trailing columns) are not an error.
        std::size_t used = rec.fields.size();
        while (used > width && tidyText(rec.fields[used - 1]).empty())
            --used;
        if (!sheet && used != width && rec.fields.size() != header.fields.size()) {
            issue(line, {},
                  "this row has " + std::to_string(rec.fields.size()) + " fields, the header " +
                      std::to_string(header.fields.size()) + ": check for a missing or extra comma",
                  "この行の項目数（" + std::to_string(rec.fields.size()) + "）が見出し（" +
                      std::to_string(header.fields.size()) + "）と違います。カンマの過不足を確かめてください。");
            continue;
        }
        const std::size_t before = result.issues.size();
        ImportRow row;
        row.line = line;
        auto set = [&](const RosterField& f, std::size_t c, std::string_view text) {
            try {
                setRosterField(row, f, text, context);
            } catch (const Error& e) {
                issueAt(line, c, e.where(), e.what(), e.messageJa()); // the line and column say where
            }
        };
        for (std::size_t c = 0; c < width && c < rec.fields.size(); ++c) {
            if (personIdColumn && c == *personIdColumn) {
                const std::string text = tidyText(rec.fields[c]);
                if (text.empty())
                    continue;
                if (text == "new" || text == "NEW" || text == "新規") {
                    row.newPerson = true;
                    continue;
                }
                std::int64_t id = 0;
                bool ok = text.size() <= 18;
                for (char ch : text)
                    ok = ok && ch >= '0' && ch <= '9';
                if (ok)
                    id = std::stoll(text);
                if (!ok || id <= 0)
                    issueAt(line, c, kPersonIdColumn,
                            "“" + text + "” is not a person id (a number from `person list`, or new)",
                            "「" + text + "」は人の番号（person list の番号）でも new でもありません。");
                else
                    row.personId = id;
                continue;
            }
            if (combinedColumn && c == *combinedColumn) {
                std::string cell = rec.fields[c];
                // A heading merged over two columns: the passport number left, the nationality right.
                if (sheet && c + 1 < rec.fields.size() && c + 1 < header.fields.size() &&
                    tidyText(header.fields[c + 1]).empty() && !tidyText(rec.fields[c + 1]).empty())
                    cell = tidyText(cell) + "\n" + tidyText(rec.fields[c + 1]);
                if (auto problem = checkText(cell, 64, true)) {
                    issueAt(line, c, "passport_no", problem->message, problem->messageJa);
                    continue;
                }
                const auto [passport, nationality] = splitPassportNationality(cell);
                set(rosterField("passport_no"), c, passport);
                set(rosterField("nationality"), c, nationality);
                continue;
            }
            if (fieldOf[c])
                set(*fieldOf[c], c, rec.fields[c]);
        }
        if (!row.label.empty()) {
            if (auto dup = labels.find(row.label); dup != labels.end())
                issue(line, "label",
                      "the label " + row.label + " is already used on " + (sheet ? "row " : "line ") +
                          std::to_string(dup->second) + ": each person needs their own label",
                      "記号 " + row.label + " は " + std::to_string(dup->second) +
                          " 行目で使われています。一人に一つの記号を付けてください。");
            else
                labels[row.label] = line;
        }
        if (!row.reportsTo.empty() && row.reportsTo == row.label)
            issue(line, "reports_to", "a person cannot report to themselves", "自分自身を報告先にはできません。");
        if (row.validFrom && row.validTo && *row.validTo < *row.validFrom)
            issue(line, "valid_to",
                  formatIsoDate(*row.validTo) + " is before valid_from (" + formatIsoDate(*row.validFrom) + ")",
                  formatIsoDate(*row.validTo) + " が従事開始日（" + formatIsoDate(*row.validFrom) + "）より前です。");
        if (result.issues.size() == before)
            result.rows.push_back(std::move(row));
    }
    return result;
}

std::string issueText(const CsvIssue& issue, FrontEnd frontEnd, bool japanese)
{
    return withFix(japanese && !issue.messageJa.empty() ? issue.messageJa : issue.message, issue.fix, frontEnd, japanese);
}

std::string formatIssues(const std::vector<CsvIssue>& issues, bool japanese, FrontEnd frontEnd)
{
    std::string out;
    for (const CsvIssue& i : issues) {
        const RosterField* f = i.column.empty() ? nullptr : findRosterField(i.column);
        if (japanese) {
            if (!i.sheet.empty())
                out +=
                    "シート「" + i.sheet + "」" + (i.cell.empty() ? std::to_string(i.line) + "行目" : i.cell + "セル");
            else
                out += std::to_string(i.line) + "行目";
            if (!i.column.empty())
                out += (i.cell.empty() ? "・" : "（") + (f ? std::string(f->labelJa) : i.column) +
                       (i.cell.empty() ? "列" : "）");
            out += "：" + issueText(i, frontEnd, true) + "\n";
            continue;
        }
        if (!i.sheet.empty()) {
            out += "sheet " + i.sheet + ", " + (i.cell.empty() ? "row " + std::to_string(i.line) : "cell " + i.cell);
            if (!i.column.empty())
                out += i.cell.empty() ? ", column " + i.column : " (" + i.column + ")";
        } else {
            out += "line " + std::to_string(i.line);
            if (!i.column.empty())
                out += ", column " + i.column;
        }
        out += ": " + issueText(i, frontEnd, false) + "\n";
    }
    return out;
}

std::string rosterToCsv(const std::vector<RosterEntry>& entries, bool withholdPersonal)
{
    std::string out = "\xEF\xBB\xBF";
    out += csvLine(rosterCsvColumns());
    std::vector<std::string> values;
    for (const RosterEntry& e : entries) {
        values.clear();
        for (const RosterField& f : rosterFields())
            values.push_back(fieldText(e, f, withholdPersonal));
        out += csvLine(values);
    }
    return out;
}

} // namespace meibo::core
