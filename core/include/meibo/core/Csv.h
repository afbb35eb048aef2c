#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace meibo::core {

/// One record of a CSV file, with the physical line it starts on (for messages).
struct CsvRecord {
    int line = 0;
    std::vector<std::string> fields;
};

/// A CSV file read into records, or the one reason it could not be read.
struct CsvRead {
    std::vector<CsvRecord> records;
    int errorLine = 0;
    std::string error; ///< empty when the file was read
};

/// Reads RFC 4180 CSV (libcsv, strict): UTF-8 with or without BOM, CRLF or LF. Quoting errors and
/// text that is not UTF-8 come back as `error` naming the line. Every field goes through
/// csvRestoredCell, so a file csvLine wrote reads back to the values it was given.
CsvRead readCsv(std::string_view bytes);

/// One CSV line (RFC 4180: a field is quoted when it holds a comma, quote or line break), CRLF-ended.
/// Every field goes through csvSafeCell first: no cell starts a formula in a spreadsheet.
std::string csvLine(const std::vector<std::string>& fields);

/// True when a spreadsheet (Excel, LibreOffice Calc) would take a cell with this text for a
/// formula: it starts with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP's list).
bool csvCellStartsFormula(std::string_view cell);

/// The cell as written to CSV: an apostrophe in front when it would start a formula, read as text
/// by spreadsheets (OWASP's advice). Apostrophes already in front of such a cell get one more, so
/// that csvRestoredCell gives back exactly the value.
std::string csvSafeCell(std::string cell);

/// The inverse of csvSafeCell: one apostrophe removed from `'=…` (`''=…` → `'=…`); any other
/// cell is left as it is.
std::string csvRestoredCell(std::string cell);

/// True when `s` is well-formed UTF-8.
bool isUtf8(std::string_view s);

} // namespace meibo::core
