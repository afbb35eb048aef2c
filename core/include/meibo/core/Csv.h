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
/// text that is not UTF-8 come back as `error` naming the line.
CsvRead readCsv(std::string_view bytes);

/// One CSV line (RFC 4180: a field is quoted when it holds a comma, quote or line break), CRLF-ended.
std::string csvLine(const std::vector<std::string>& fields);

/// True when `s` is well-formed UTF-8.
bool isUtf8(std::string_view s);

} // namespace meibo::core
