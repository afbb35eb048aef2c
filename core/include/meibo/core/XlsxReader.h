#pragma once

// Reads the cells of an .xlsx workbook (Office Open XML SpreadsheetML) as text: libzip for the
// container, pugixml for the parts. For importing rosters; Meibo writes workbooks in forms/.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace meibo::core {

/// One cell's text: shared or inline strings as written, numbers as Excel stores them, numbers
/// formatted as dates (Excel's date serials) as ISO `YYYY-MM-DD`.
struct XlsxCell {
    std::string text;
    bool fromMerge = false; ///< copied from the top of a merged range above it (a merged 区分 cell)
};

/// A worksheet: rows by number (1 = the sheet's row 1), cells by column (0 = A).
struct XlsxSheet {
    std::string name;
    std::map<int, std::map<int, XlsxCell>> rows;
};

/// Every worksheet of a workbook, in the workbook's order. Throws Error(InvalidInput) with English
/// and Japanese sentences when the bytes are no workbook (not a ZIP, parts missing, broken XML).
std::vector<XlsxSheet> readXlsx(std::string_view bytes);

/// "A", "B" … "Z", "AA" … for a column number (0 = A).
std::string xlsxColumnName(int column);

} // namespace meibo::core
