#pragma once

#include "meibo/core/Model.h"
#include "meibo/core/RosterFields.h"

#include <string>
#include <string_view>
#include <vector>

namespace meibo::core {

/// One problem in a roster CSV: where (line and column) and what, in words that say how to fix it.
struct CsvIssue {
    int line = 0;
    std::string column;
    std::string message;
    std::string messageJa; ///< the same in Japanese (LANG=ja, the GUI, JSON "message_ja")
};

/// One valid row of a roster CSV.
struct ImportRow : RosterRow {
    int line = 0;
    /// The `person_id` column: this row is that registered person (an update, or them joining this
    /// contract); empty: decided by the identity rule (core/PersonIdentity.h).
    std::optional<std::int64_t> personId;
    /// `new` in the person_id column: a person not yet registered, whoever else shares the name.
    bool newPerson = false;
};

struct RosterImport {
    std::vector<std::string> columns; ///< the columns the header names (an update keeps the others)
    std::vector<ImportRow> rows;
    std::vector<CsvIssue> issues; ///< every bad row and column; when not empty, nothing may be written
};

/// The columns of the roster CSV (docs/cli.md), in the order exports write them: the keys of
/// rosterFields(). A file may also name them by their Japanese names, and may have a `person_id`
/// column that says which registered person a row is.
std::vector<std::string> rosterCsvColumns();

/// Parses and validates a roster CSV: UTF-8 with or without BOM, RFC 4180 quoting (libcsv), CRLF or
/// LF, header row required, columns in any order, unknown or repeated columns refused. Every cell
/// goes through its field's rule (core/RosterFields.h); `today` bounds birth dates.
RosterImport parseRosterCsv(std::string_view bytes, const Date& today);

/// "line 4, column birth_date: …" — one issue per line of text (Japanese with `japanese`).
std::string formatIssues(const std::vector<CsvIssue>& issues, bool japanese = false);

/// The roster as CSV with the same columns (UTF-8 with BOM, CRLF, every field quoted when needed).
/// With `withholdPersonal` (※5, core::personalDataWithheld) addresses and birth dates are empty.
std::string rosterToCsv(const std::vector<RosterEntry>& entries, bool withholdPersonal);

} // namespace meibo::core
