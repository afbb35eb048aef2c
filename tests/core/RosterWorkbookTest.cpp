// The 様式4 workbook as officers keep it (.xlsx): title rows, merged 区分, Excel date serials and 和暦
// text, the combined passport/nationality column, the ※ notes below, several sheets. form4*.xlsx are
// hand-made SpreadsheetML (make-form4-xlsx.py); roster-ja-libreoffice.xlsx is LibreOffice's own.

#include "meibo/core/RosterFile.h"
#include "meibo/core/XlsxReader.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace meibo::core;
using namespace std::chrono;

namespace {
const Date kToday{year{2026}, month{11}, day{25}};
const Date kStart{year{2026}, month{4}, day{1}};

std::string fixture(const std::string& name)
{
    std::ifstream in(std::string(MEIBO_TEST_DATA) + "/import/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

RosterFileOptions options(const std::string& file, const std::string& sheet = {})
{
    RosterFileOptions o;
    o.today = kToday;
    o.fileName = file;
    o.sheet = sheet;
    o.contractStart = kStart;
    return o;
}
} // namespace

TEST_CASE("a 様式4 workbook laid out as an officer keeps it is read exactly", "[xlsx]")
{
    const RosterImport r = readRosterFile(fixture("form4.xlsx"), options("form4.xlsx"));
    INFO(formatIssues(r.issues));
    REQUIRE(r.issues.empty());
    CHECK(r.format == "xlsx");
    CHECK(r.sheet == "様式4");
    REQUIRE(r.rows.size() == 5); // title rows, the empty row 9 and the ※ notes are no rows
    const ImportRow& a = r.rows[0];
    CHECK(a.line == 5);
    CHECK(a.role == Role::Responsible);
    CHECK(a.person.name == "経済　太郎");
    CHECK(a.person.address == "東京都千代田区霞が関1-3-1"); // heading "個人住所\n※5"
    CHECK(a.person.birthDate == Date{year{1970}, month{4}, day{1}}); // serial 25659, date style 14
    CHECK(r.rows[1].person.birthDate == Date{year{1980}, month{7}, day{20}}); // 昭和55年7月20日 as text
    const ImportRow& c = r.rows[2];
    CHECK(c.role == Role::Worker);
    CHECK(c.person.birthDate == Date{year{1990}, month{2}, day{14}}); // serial in a 和暦 (ggge) format
    CHECK(c.person.passportNo == "TZ1234567");
    CHECK(c.person.nationality == "US");
    const ImportRow& d = r.rows[3];
    CHECK(d.line == 8);
    CHECK(d.role == Role::Worker); // 区分 merged over A7:A10
    CHECK(d.label == "D");         // full-width Ｄ
    CHECK(d.person.birthDate == Date{year{1985}, month{1}, day{15}}); // S60.1.15
    CHECK(d.person.passportNo == "M12345678");
    CHECK(d.person.nationality == "KR");
    CHECK(r.rows[4].line == 10);
    CHECK(r.rows[4].role == Role::Worker);
    CHECK(r.rows[4].person.birthDate == Date{year{1992}, month{3}, day{4}});
    // What the form lacks: valid_from is the contract's start, and said so.
    for (const ImportRow& row : r.rows)
        CHECK(row.validFrom == kStart);
    CHECK(std::find(r.columns.begin(), r.columns.end(), "valid_from") != r.columns.end());
    REQUIRE(r.notesJa.size() == 1);
    CHECK_THAT(r.notesJa[0], Catch::Contains("2026-04-01"));
}

TEST_CASE("a workbook LibreOffice made from a CSV is read, its dates from Excel serials", "[xlsx]")
{
    const RosterImport r = readRosterFile(fixture("roster-ja-libreoffice.xlsx"), options("roster.xlsx"));
    INFO(formatIssues(r.issues));
    REQUIRE(r.issues.empty());
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[0].person.birthDate == Date{year{1970}, month{4}, day{1}});
    CHECK(r.rows[1].person.name == "髙橋 花子");
    CHECK(r.rows[2].person.nationality == "US");
    CHECK(r.rows[2].line == 4);
}

TEST_CASE("several roster sheets need --sheet, and the sheets are listed when it is missing or wrong", "[xlsx]")
{
    const std::string book = fixture("form4-two-sheets.xlsx");
    RosterImport r = readRosterFile(book, options("two.xlsx"));
    REQUIRE(r.issues.size() == 1);
    CHECK(r.rows.empty());
    // The command line names its option; the GUI, where the sheet is chosen in the window, does not.
    CHECK_THAT(issueText(r.issues[0], FrontEnd::Cli, false), Catch::Contains("--sheet"));
    CHECK_THAT(issueText(r.issues[0], FrontEnd::Cli, true), Catch::Contains("--sheet シート名"));
    CHECK_THAT(issueText(r.issues[0], FrontEnd::Gui, false), !Catch::Contains("--"));
    CHECK_THAT(issueText(r.issues[0], FrontEnd::Gui, true), Catch::Contains("この契約の名簿のシートを選んでください"));
    CHECK_THAT(r.issues[0].messageJa, Catch::Contains("名簿のシートが複数あります（「K1」、「K2」）"));

    r = readRosterFile(book, options("two.xlsx", "K3"));
    REQUIRE(r.issues.size() == 1);
    CHECK_THAT(r.issues[0].messageJa, Catch::Contains("「K1」、「K2」、「メモ」"));

    r = readRosterFile(book, options("two.xlsx", "メモ"));
    REQUIRE(r.issues.size() == 1);
    CHECK_THAT(r.issues[0].messageJa, Catch::Contains("見出し行がありません"));

    r = readRosterFile(book, options("two.xlsx", "K2"));
    INFO(formatIssues(r.issues));
    REQUIRE(r.issues.empty());
    CHECK(r.sheet == "K2");
    CHECK(r.rows.size() == 5);
}

TEST_CASE("a bad value in a workbook is refused by sheet, row and A1 cell, in Japanese too", "[xlsx]")
{
    // The same cells as form4.xlsx, with a birth date that is no day and a country that is none.
    std::vector<XlsxSheet> sheets = readXlsx(fixture("form4.xlsx"));
    REQUIRE(sheets.size() == 1);
    RosterTable table;
    table.sheet = "様式4";
    table.records.push_back({4, {"区分", "記号", "氏名", "生年月日", "パスポート番号及び国籍"}});
    table.records.push_back({7, {"業務従事者", "C", "x", "昭和64年2月1日", "TZ1234567\nアトランティス"}});
    const RosterImport r = parseRosterTable(table, kToday);
    REQUIRE(r.issues.size() == 2);
    CHECK(r.issues[0].cell == "D7");
    CHECK(r.issues[0].column == "birth_date");
    CHECK(r.issues[1].cell == "E7");
    CHECK(r.issues[1].column == "nationality");
    const std::string ja = formatIssues(r.issues, true);
    CHECK_THAT(ja, Catch::Contains("シート「様式4」D7セル（生年月日）："));
    CHECK_THAT(ja, Catch::Contains("シート「様式4」E7セル（国籍）："));
    CHECK_THAT(formatIssues(r.issues), Catch::Contains("sheet 様式4, cell D7 (birth_date): "));
}

TEST_CASE("what is no workbook is refused in a sentence, in Japanese too", "[xlsx]")
{
    RosterImport r = readRosterFile(std::string("PK\x03\x04garbage", 11), options("roster.xlsx"));
    REQUIRE(r.issues.size() == 1);
    CHECK_THAT(r.issues[0].message, Catch::Contains("not a workbook"));
    CHECK_THAT(r.issues[0].messageJa, Catch::Contains("Excel のブック（.xlsx）として読めません"));
    r = readRosterFile(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), options("roster.xls"));
    REQUIRE(r.issues.size() == 1);
    CHECK_THAT(r.issues[0].messageJa, Catch::Contains(".xls"));
}
