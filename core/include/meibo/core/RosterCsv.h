#pragma once

#include "meibo/core/Csv.h"
#include "meibo/core/Error.h"
#include "meibo/core/Model.h"
#include "meibo/core/RosterFields.h"

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meibo::core {

/// One problem in a roster CSV: where (line and column) and what, in words that say how to fix it.
struct CsvIssue {
    int line = 0;
    std::string column;
    std::string message;
    std::string messageJa; ///< the same in Japanese (LANG=ja, the GUI, JSON "message_ja")
    std::string sheet{};   ///< .xlsx: the sheet's name (`line` is then its row)
    std::string cell{};    ///< .xlsx: the cell in A1 style ("C7"); empty for the whole row
    Fix fix{};             ///< what to do, per front end, when the sentence alone does not say it
};

/// The issue's sentence with its fix for `frontEnd`, in the language asked for (no place in front).
std::string issueText(const CsvIssue& issue, FrontEnd frontEnd, bool japanese);

/// One valid row of a roster CSV.
struct ImportRow : RosterRow {
    int line = 0;
    /// The `person_id` column: this row is that registered person (an update, or them joining this
    /// contract); empty: decided by the identity rule (core/PersonIdentity.h).
    std::optional<std::int64_t> personId;
    /// `new` in the person_id column: a person not yet registered, whoever else shares the name.
    bool newPerson = false;
};

/// The officer's reading of header cells, for a file whose headers are unusual: a header cell's text
/// (as the file has it, spaces trimmed) → the key of the field it holds (core/RosterFields.h),
/// `person_id`, or "" to ignore the column. Cells not named here are read by their names.
using ColumnMapping = std::map<std::string, std::string>;

/// Cells read from a file, the header row first, before any value is checked.
struct RosterTable {
    std::vector<CsvRecord> records; ///< `line`: the file's line, or the sheet's row
    std::string sheet;              ///< .xlsx: the sheet's name; messages then name sheet, row and cell,
                                    ///< and empty header cells are columns to ignore
};

struct RosterImport {
    std::vector<std::string> columns; ///< the columns the header names (an update keeps the others)
    std::vector<ImportRow> rows;
    std::vector<CsvIssue> issues; ///< every bad row and column; when not empty, nothing may be written
    std::string format;           ///< "csv", "tsv" or "xlsx"
    std::string encoding;         ///< the text encoding found ("UTF-8", "Shift_JIS (CP932)", "UTF-16LE" …)
    std::string sheet;            ///< .xlsx: the sheet read
    std::vector<std::string> notes;   ///< what was assumed (a default, columns ignored), in English
    std::vector<std::string> notesJa; ///< the same in Japanese
    /// What was read, for a preview (the GUI's import wizard): the header row first, then every row
    /// read, good or bad; empty when the file could not be read as a table.
    RosterTable table;
    /// Per cell of the header row: the field key it was read as, `person_id`, the combined
    /// パスポート番号及び国籍, or "" (ignored or unknown).
    std::vector<std::string> headerFields;
    std::vector<std::string> sheets; ///< .xlsx: every sheet of the workbook, in its order
};

/// The form's combined column of .xlsx rosters: passport number and nationality in one cell.
inline constexpr std::string_view kCombinedPassportColumn = "パスポート番号及び国籍";

/// The field a header cell names: the key, the Japanese name (spaces, line breaks and a trailing
/// ※ note ignored: `生年月日※5`); nullptr for others. `combined` is set for パスポート番号及び国籍.
const RosterField* rosterHeaderField(std::string_view name, bool* combined = nullptr);

/// A passport number and a nationality in one cell ("TZ1234567\nアメリカ合衆国", "TZ1234567 US"):
/// the text before the first line break or space, and the rest.
std::pair<std::string, std::string> splitPassportNationality(std::string_view cell);

/// Validates a table of cells as parseRosterCsv does (the same rules, the same messages); `mapping`
/// says what the header cells it names hold.
RosterImport parseRosterTable(const RosterTable& table, const Date& today, const ColumnMapping& mapping = {});

/// The columns of the roster CSV (docs/cli.md), in the order exports write them: the keys of
/// rosterFields(). A file may also name them by their Japanese names, and may have a `person_id`
/// column that says which registered person a row is.
std::vector<std::string> rosterCsvColumns();

/// Parses and validates a roster CSV: the encoding detected (decodeRosterText: UTF-8 with or without
/// BOM, CP932, UTF-16 with BOM), comma- or tab-separated (a header line with tabs and no comma),
/// RFC 4180 quoting (libcsv), CRLF, LF or CR line ends, header row required, columns in any order, unknown or repeated columns refused. Every cell
/// goes through its field's rule (core/RosterFields.h); `today` bounds birth dates.
RosterImport parseRosterCsv(std::string_view bytes, const Date& today, const ColumnMapping& mapping = {});

/// Parses a roster read as text already in UTF-8, with `delimiter` ',' or '\t'.
RosterImport parseRosterText(std::string_view utf8, char delimiter, const Date& today,
                             const ColumnMapping& mapping = {});

/// "line 4, column birth_date: …" (for .xlsx "sheet 名簿, cell F7 (birth_date): …") — one issue per
/// line of text (Japanese with `japanese`).
std::string formatIssues(const std::vector<CsvIssue>& issues, bool japanese = false, FrontEnd frontEnd = FrontEnd::Cli);

/// The roster as CSV with the same columns (UTF-8 with BOM, CRLF, every field quoted when needed).
/// With `withholdPersonal` (※5, core::personalDataWithheld) addresses and birth dates are empty.
std::string rosterToCsv(const std::vector<RosterEntry>& entries, bool withholdPersonal);

} // namespace meibo::core
