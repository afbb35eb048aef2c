#pragma once

#include "meibo/core/Model.h"

#include <string>
#include <string_view>
#include <vector>

namespace meibo::core {

/// One problem in a roster CSV: where (line and column) and what, in words that say how to fix it.
struct CsvIssue {
    int line = 0;
    std::string column;
    std::string message;
};

/// One valid row of a roster CSV.
struct ImportRow {
    int line = 0;
    Role role = Role::Worker;
    std::string label;
    PersonData person;
    std::string need;
    std::string reportsTo;
    std::optional<Date> validFrom;
    std::optional<Date> validTo;
};

struct RosterImport {
    std::vector<std::string> columns; ///< the columns the header names (an update keeps the others)
    std::vector<ImportRow> rows;
    std::vector<CsvIssue> issues; ///< every bad row and column; when not empty, nothing may be written
};

/// The columns of the roster CSV (docs/cli.md), in the order exports write them; `track_record`
/// (実績, clause 4) is accepted as well, beyond the interface's columns.
const std::vector<std::string>& rosterCsvColumns();

/// Parses and validates a roster CSV: UTF-8 with or without BOM, RFC 4180 quoting (libcsv), CRLF or
/// LF, header row required, columns in any order, unknown or repeated columns refused. `today`
/// bounds birth dates.
RosterImport parseRosterCsv(std::string_view bytes, const Date& today);

/// "line 4, column birth_date: …" — one issue per line of text.
std::string formatIssues(const std::vector<CsvIssue>& issues);

/// The roster as CSV with the same columns (UTF-8 with BOM, CRLF, every field quoted when needed).
std::string rosterToCsv(const std::vector<RosterEntry>& entries);

} // namespace meibo::core
