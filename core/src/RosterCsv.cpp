#include "meibo/core/RosterCsv.h"

#include "meibo/core/Csv.h"
#include "meibo/core/Vocabulary.h"

#include <algorithm>
#include <map>
#include <set>

namespace meibo::core {


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
    CsvRead read = readCsv(bytes);
    if (!read.error.empty()) {
        issue(read.errorLine, {}, read.error);
        return result;
    }
    const std::vector<CsvRecord>& records = read.records;

    if (records.empty()) {
        issue(1, {}, "the file is empty: it needs a header row naming the columns (role,label,name,…)");
        return result;
    }
    // Header.
    const CsvRecord& header = records.front();
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
    if (records.size() == 1) {
        issue(header.line, {}, "the file has a header but no rows");
        return result;
    }

    std::map<std::string, int> labels; // label -> line
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& rec = records[r];
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
    out += csvLine(rosterCsvColumns());
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
        out += csvLine(fields);
    }
    return out;
}

} // namespace meibo::core
