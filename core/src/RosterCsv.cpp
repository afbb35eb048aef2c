#include "meibo/core/RosterCsv.h"

#include "meibo/core/Vocabulary.h"

#include <csv.h>

#include <algorithm>
#include <map>
#include <set>

namespace meibo::core {

namespace {

struct Record {
    int line = 0;
    std::vector<std::string> fields;
};

struct ParseState {
    std::vector<Record> records;
    Record current;
    int line = 1;        // physical line being fed
    bool rowStarted = false;
};

void onField(void* data, std::size_t len, void* state)
{
    auto* s = static_cast<ParseState*>(state);
    if (!s->rowStarted) {
        s->current.line = s->line;
        s->rowStarted = true;
    }
    s->current.fields.emplace_back(data ? static_cast<const char*>(data) : "", data ? len : 0);
}

void onRow(int, void* state)
{
    auto* s = static_cast<ParseState*>(state);
    s->records.push_back(std::move(s->current));
    s->current = Record{};
    s->rowStarted = false;
}

bool isUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size() + (extra == 0 ? 1 : 0))
            return false;
        for (int k = 1; k <= extra; ++k)
            if ((static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) >> 6) != 2)
                return false;
        i += static_cast<std::size_t>(extra) + 1;
    }
    return true;
}

std::string quote(const std::string& field)
{
    if (field.find_first_of(",\"\r\n") == std::string::npos)
        return field;
    std::string out = "\"";
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace

const std::vector<std::string>& rosterCsvColumns()
{
    static const std::vector<std::string> columns = {
        "role",         "label",       "name",     "name_kana",        "address",     "birth_date",
        "department",   "title",       "nationality", "residence_status", "passport_no", "organization",
        "reports_to",   "need",        "valid_from", "valid_to",  "track_record"};
    return columns;
}

RosterImport parseRosterCsv(std::string_view bytes, const Date& today)
{
    RosterImport result;
    auto issue = [&](int line, std::string column, std::string message) {
        result.issues.push_back({line, std::move(column), std::move(message)});
    };
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF")
        bytes.remove_prefix(3);
    if (!isUtf8(bytes)) {
        issue(1, {}, "the file is not UTF-8 text: save it as “CSV UTF-8” and import again");
        return result;
    }

    csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    ParseState state;
    // Fed line by line, so every record knows the line it starts on.
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        std::size_t end = bytes.find('\n', pos);
        end = end == std::string_view::npos ? bytes.size() : end + 1;
        if (csv_parse(&parser, bytes.data() + pos, end - pos, onField, onRow, &state) != end - pos) {
            issue(state.line, {}, std::string("the CSV quoting is broken (") + csv_strerror(csv_error(&parser)) +
                                      "): a quote inside a field must be doubled (\"\")");
            csv_free(&parser);
            return result;
        }
        pos = end;
        ++state.line;
    }
    if (csv_fini(&parser, onField, onRow, &state) != 0) {
        issue(state.line - 1, {}, "the file ends inside a quoted field: a closing quote (\") is missing");
        csv_free(&parser);
        return result;
    }
    csv_free(&parser);

    if (state.records.empty()) {
        issue(1, {}, "the file is empty: it needs a header row naming the columns (role,label,name,…)");
        return result;
    }
    // Header.
    const Record& header = state.records.front();
    std::map<std::string, std::size_t> column;
    const auto& known = rosterCsvColumns();
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        std::string name = header.fields[i];
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        if (std::find(known.begin(), known.end(), name) == known.end())
            issue(header.line, header.fields[i],
                  "unknown column “" + header.fields[i] + "”: the columns are role, label, name, name_kana, address, "
                  "birth_date, department, title, nationality, residence_status, passport_no, organization, "
                  "reports_to, need, valid_from, valid_to, track_record");
        else if (column.count(name))
            issue(header.line, name, "the column “" + name + "” appears twice");
        else {
            column[name] = i;
            result.columns.push_back(name);
        }
    }
    for (const char* required : {"role", "label", "name"})
        if (!column.count(required))
            issue(header.line, required, std::string("the header has no “") + required + "” column, which is required");
    if (!result.issues.empty())
        return result;
    if (state.records.size() == 1) {
        issue(header.line, {}, "the file has a header but no rows");
        return result;
    }

    std::map<std::string, int> labels; // label -> line
    for (std::size_t r = 1; r < state.records.size(); ++r) {
        const Record& rec = state.records[r];
        const int line = rec.line;
        if (rec.fields.size() != header.fields.size()) {
            issue(line, {}, "this row has " + std::to_string(rec.fields.size()) + " fields, the header " +
                                std::to_string(header.fields.size()) + ": check for a missing or extra comma");
            continue;
        }
        auto get = [&](const char* name) -> std::string {
            auto it = column.find(name);
            return it == column.end() ? std::string() : rec.fields[it->second];
        };
        const std::size_t before = result.issues.size();
        ImportRow row;
        row.line = line;
        if (auto role = parseRole(get("role")))
            row.role = *role;
        else
            issue(line, "role", "“" + get("role") + "” is not a role: write 情報管理責任者, 情報取扱管理者, 業務従事者 or "
                                                        "再委託先 (or responsible, manager, worker, subcontractor)");
        if (auto label = normalizeLabel(get("label"))) {
            row.label = *label;
            if (auto seen = labels.find(row.label); seen != labels.end())
                issue(line, "label", "the label " + row.label + " is already used on line " +
                                         std::to_string(seen->second) + ": each person needs their own label");
            else
                labels[row.label] = line;
        } else {
            issue(line, "label", "“" + get("label") + "” is not a label: use A, B, C … (letters and digits, "
                                                          "starting with a letter, at most 8)");
        }
        row.person.name = get("name");
        if (row.person.name.empty())
            issue(line, "name", "the name is empty; every row needs the person's full name (氏名)");
        row.person.nameKana = get("name_kana");
        row.person.address = get("address");
        if (const std::string text = get("birth_date"); !text.empty()) {
            auto d = parseIsoDate(text);
            if (!d)
                issue(line, "birth_date", "“" + text + "” is not a date: write YYYY-MM-DD");
            else if (*d >= today || daysBetween(*d, today) > 125 * 366)
                issue(line, "birth_date", "“" + text + "” is not a plausible date of birth");
            else
                row.person.birthDate = d;
        }
        row.person.department = get("department");
        row.person.title = get("title");
        if (const std::string text = get("nationality"); !text.empty()) {
            if (auto code = normalizeCountry(text))
                row.person.nationality = *code;
            else
                issue(line, "nationality", "“" + text + "” is not an ISO 3166 country code: write JP, US, CN … "
                                                        "(two letters) or JPN, USA, CHN … (three)");
        }
        if (const std::string text = get("residence_status"); !text.empty()) {
            if (auto status = parseResidenceStatus(text))
                row.person.residenceStatus = status;
            else
                issue(line, "residence_status", "“" + text + "” is not a residence status: write 日本国籍, 永住者, "
                                                             "特別永住者 or その他");
        }
        if (const std::string text = get("passport_no"); !text.empty()) {
            if (auto p = normalizePassport(text))
                row.person.passportNo = *p;
            else
                issue(line, "passport_no", "“" + text + "” is not a plausible passport number (6–12 letters and "
                                                        "digits)");
        }
        row.person.organization = get("organization");
        if (const std::string text = get("reports_to"); !text.empty()) {
            if (auto l = normalizeLabel(text))
                row.reportsTo = *l;
            else
                issue(line, "reports_to", "“" + text + "” is not a label");
        }
        if (!row.reportsTo.empty() && row.reportsTo == row.label)
            issue(line, "reports_to", "a person cannot report to themselves");
        row.need = get("need");
        row.person.trackRecord = get("track_record");
        for (const char* name : {"valid_from", "valid_to"}) {
            const std::string text = get(name);
            if (text.empty())
                continue;
            if (auto d = parseIsoDate(text))
                (std::string(name) == "valid_from" ? row.validFrom : row.validTo) = d;
            else
                issue(line, name, "“" + text + "” is not a date: write YYYY-MM-DD");
        }
        if (row.validFrom && row.validTo && *row.validTo < *row.validFrom)
            issue(line, "valid_to", "valid_to (" + formatIsoDate(*row.validTo) + ") is before valid_from (" +
                                        formatIsoDate(*row.validFrom) + ")");
        if (result.issues.size() == before)
            result.rows.push_back(std::move(row));
    }
    return result;
}

std::string formatIssues(const std::vector<CsvIssue>& issues)
{
    std::string out;
    for (const CsvIssue& i : issues) {
        out += "line " + std::to_string(i.line);
        if (!i.column.empty())
            out += ", column " + i.column;
        out += ": " + i.message + "\n";
    }
    return out;
}

std::string rosterToCsv(const std::vector<RosterEntry>& entries)
{
    std::string out = "\xEF\xBB\xBF";
    const auto& cols = rosterCsvColumns();
    for (std::size_t i = 0; i < cols.size(); ++i)
        out += (i ? "," : "") + cols[i];
    out += "\r\n";
    for (const RosterEntry& e : entries) {
        const std::vector<std::string> fields = {
            roleName(e.role),
            e.label,
            e.person.name,
            e.person.nameKana,
            e.person.address,
            e.person.birthDate ? formatIsoDate(*e.person.birthDate) : "",
            e.person.department,
            e.person.title,
            e.person.nationality,
            e.person.residenceStatus ? residenceStatusName(*e.person.residenceStatus) : "",
            e.person.passportNo,
            e.person.organization,
            e.reportsTo,
            e.need,
            e.validFrom ? formatIsoDate(*e.validFrom) : "",
            e.validTo ? formatIsoDate(*e.validTo) : "",
            e.person.trackRecord};
        for (std::size_t i = 0; i < fields.size(); ++i)
            out += (i ? "," : "") + quote(fields[i]);
        out += "\r\n";
    }
    return out;
}

} // namespace meibo::core
