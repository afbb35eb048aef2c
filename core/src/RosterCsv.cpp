#include "meibo/core/RosterCsv.h"

#include "meibo/core/Csv.h"
#include "meibo/core/Error.h"
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

RosterImport parseRosterCsv(std::string_view bytes, const Date& today)
{
    RosterImport result;
    auto issue = [&](int line, std::string column, std::string message, std::string messageJa) {
        result.issues.push_back({line, std::move(column), std::move(message), std::move(messageJa)});
    };
    CsvRead read = readCsv(bytes);
    if (!read.error.empty()) {
        issue(read.errorLine, {}, read.error, "CSV として読めません：" + read.error);
        return result;
    }
    const std::vector<CsvRecord>& records = read.records;
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
    std::map<std::string, bool> seen;
    std::size_t width = header.fields.size();
    while (width > 0 && tidyText(header.fields[width - 1]).empty())
        --width;
    for (std::size_t i = 0; i < width; ++i) {
        const std::string name = tidyText(header.fields[i]);
        const RosterField* f = findRosterField(name);
        const std::string key = f ? std::string(f->key) : name == kPersonIdColumn ? kPersonIdColumn : std::string();
        if (key.empty()) {
            issue(header.line, name,
                  "unknown column “" + name + "”: the columns are " + columnList(),
                  "列名「" + name + "」は使えません。列名は " + columnListJa() + " です。");
            continue;
        }
        if (seen[key]) {
            issue(header.line, key, "the column “" + key + "” appears twice",
                  "列「" + (f ? std::string(f->labelJa) : key) + "」が2回あります。");
            continue;
        }
        seen[key] = true;
        if (f) {
            fieldOf[i] = f;
            result.columns.push_back(key);
        } else {
            personIdColumn = i;
        }
    }
    for (const RosterField& f : rosterFields())
        if (f.required && !seen[std::string(f.key)])
            issue(header.line, std::string(f.key),
                  "the header has no “" + std::string(f.key) + "” column, which is required",
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
        if (used != width && rec.fields.size() != header.fields.size()) {
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
                    issue(line, kPersonIdColumn, "“" + text + "” is not a person id (a number from `person list`, or new)",
                          "「" + text + "」は人の番号（person list の番号）でも new でもありません。");
                else
                    row.personId = id;
                continue;
            }
            if (!fieldOf[c])
                continue;
            try {
                setRosterField(row, *fieldOf[c], rec.fields[c], context);
            } catch (const Error& e) {
                // The line and column say where: the sentence without its field prefix.
                auto unprefixed = [](std::string text, const std::string& prefix) {
                    return text.rfind(prefix, 0) == 0 ? text.substr(prefix.size()) : text;
                };
                issue(line, e.where(), unprefixed(e.what(), e.where() + ": "),
                      unprefixed(e.messageJa(), std::string(fieldOf[c]->labelJa) + "："));
            }
        }
        if (!row.label.empty()) {
            if (auto dup = labels.find(row.label); dup != labels.end())
                issue(line, "label",
                      "the label " + row.label + " is already used on line " + std::to_string(dup->second) +
                          ": each person needs their own label",
                      "記号 " + row.label + " は " + std::to_string(dup->second) + " 行目で使われています。一人に一つの記号を付けてください。");
            else
                labels[row.label] = line;
        }
        if (!row.reportsTo.empty() && row.reportsTo == row.label)
            issue(line, "reports_to", "a person cannot report to themselves", "自分自身を報告先にはできません。");
        if (row.validFrom && row.validTo && *row.validTo < *row.validFrom)
            issue(line, "valid_to",
                  formatIsoDate(*row.validTo) + " is before valid_from (" + formatIsoDate(*row.validFrom) + ")",
                  formatIsoDate(*row.validTo) + " が従事開始日（" + formatIsoDate(*row.validFrom) +
                      "）より前です。");
        if (result.issues.size() == before)
            result.rows.push_back(std::move(row));
    }
    return result;
}

std::string formatIssues(const std::vector<CsvIssue>& issues, bool japanese)
{
    std::string out;
    for (const CsvIssue& i : issues) {
        if (japanese) {
            out += std::to_string(i.line) + "行目";
            if (!i.column.empty()) {
                const RosterField* f = findRosterField(i.column);
                out += "・" + (f ? std::string(f->labelJa) : i.column) + "列";
            }
            out += "：" + (i.messageJa.empty() ? i.message : i.messageJa) + "\n";
            continue;
        }
        out += "line " + std::to_string(i.line);
        if (!i.column.empty())
            out += ", column " + i.column;
        out += ": " + i.message + "\n";
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
