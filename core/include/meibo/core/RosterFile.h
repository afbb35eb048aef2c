#pragma once

// Roster files as officers already have them: a CSV saved by Japanese Excel (CP932), Excel's
// "Unicode text" (UTF-16LE, tab-separated), UTF-8 with or without BOM, and the 様式4 workbook
// (.xlsx). Every path ends in parseRosterTable (core/RosterCsv.h): one set of rules and messages.

#include "meibo/core/RosterCsv.h"

#include <optional>
#include <string>
#include <string_view>

namespace meibo::core {

/// Text bytes converted to UTF-8, with the encoding found; or why they were refused.
struct DecodedText {
    std::string utf8;     ///< LF line ends (CRLF and lone CR become LF), no BOM
    std::string encoding; ///< "UTF-8", "UTF-8 (BOM)", "Shift_JIS (CP932)", "UTF-16LE", "UTF-16BE"
    int errorLine = 0;
    std::string error; ///< empty when the text was read; else what was found and what to do
    std::string errorJa;
};

/// Detects and converts the encoding of a text file: a BOM (UTF-8, UTF-16LE/BE) decides; else UTF-8
/// when the bytes are UTF-8; else CP932 (Windows' Shift_JIS, Japanese Excel's "CSV") when every byte
/// sequence is a CP932 character and ICU's detector does not name another encoding with confidence.
DecodedText decodeRosterText(std::string_view bytes);

/// What readRosterFile needs besides the bytes.
struct RosterFileOptions {
    Date today{};               ///< bounds birth dates
    std::string fileName;       ///< its extension chooses the format: .xlsx, .txt/.tsv (tabs), else CSV
    std::string sheet;          ///< .xlsx: the sheet to read (needed when several hold a roster)
    std::optional<Date> contractStart; ///< .xlsx: valid_from of every row when the sheet has no such column
};

/// Reads a roster file of any of the formats above and validates it (all rows or none). `columns`:
/// the officer's reading of unusual header cells (`import --column`, the GUI's import wizard).
RosterImport readRosterFile(std::string_view bytes, const RosterFileOptions& options, const ColumnMapping& columns = {});

} // namespace meibo::core
