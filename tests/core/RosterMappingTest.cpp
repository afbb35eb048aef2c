// The officer's reading of unusual headings (core::ColumnMapping): what the GUI's import wizard and
// `import --column` pass to readRosterFile, and what the reader returns for a preview.

#include "meibo/core/RosterFile.h"

#include <catch2/catch.hpp>

using namespace meibo::core;
using namespace std::chrono;

namespace {
const Date kToday{year{2026}, month{11}, day{25}};

const std::string kUnusual = "区分,記号,お名前,生年月日,国籍,在留区分,報告先,必要性,備考\n"
                             "情報管理責任者,A,経済 太郎,1970-04-01,JP,日本国籍,,全体の責任者,社内メモ\n"
                             "業務従事者,B,髙橋 花子,1985-12-03,JP,日本国籍,A,分析を担当,\n";

RosterFileOptions options()
{
    RosterFileOptions o;
    o.today = kToday;
    o.fileName = "roster.csv";
    return o;
}
} // namespace

TEST_CASE("unusual headings are refused until the officer says what they hold", "[import][mapping]")
{
    RosterImport r = readRosterFile(kUnusual, options());
    CHECK(r.rows.empty());
    CHECK_THAT(formatIssues(r.issues, true), Catch::Contains("列名「お名前」は使えません"));
    CHECK_THAT(formatIssues(r.issues, true), Catch::Contains("見出しに必須の列「氏名」がありません"));
    // The header as read, each cell with the field it was read as: for the wizard's mapping page.
    REQUIRE(r.table.records.size() == 3);
    REQUIRE(r.headerFields.size() == 9);
    CHECK(r.headerFields[1] == "label");
    CHECK(r.headerFields[2].empty());
    CHECK(r.headerFields[8].empty());

    r = readRosterFile(kUnusual, options(), {{"お名前", "name"}, {"備考", ""}});
    INFO(formatIssues(r.issues));
    REQUIRE(r.issues.empty());
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[1].person.name == "髙橋 花子");
    CHECK(r.headerFields[2] == "name");
    CHECK(r.headerFields[8].empty());
    REQUIRE(r.notesJa.size() == 1);
    CHECK(r.notesJa[0] == "列「備考」は指定どおり取り込みません。");
    CHECK(r.notes[0] == "the column “備考” was ignored, as asked");
}

TEST_CASE("a heading may be mapped by a field's Japanese name, and a mapping to no field is refused", "[import][mapping]")
{
    RosterImport r = readRosterFile(kUnusual, options(), {{"お名前", "氏名"}, {"備考", "need"}});
    // 備考 mapped to the need: then 必要性 holds it twice.
    CHECK_THAT(formatIssues(r.issues, true), Catch::Contains("2回あります"));
    CHECK(r.rows.empty());

    r = readRosterFile(kUnusual, options(), {{"お名前", "氏名"}, {"備考", "remarks"}});
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].line == 1);
    CHECK(r.issues[0].messageJa.rfind("列「備考」の割り当て先「remarks」は列名ではありません。", 0) == 0);
}

TEST_CASE("a workbook's sheets are listed even when the reader asks for one to be chosen", "[import][mapping][xlsx]")
{
    // form4-two-sheets.xlsx: K1 and K2 hold rosters, メモ does not.
    std::string book;
    {
        std::FILE* f = std::fopen(MEIBO_TEST_DATA "/import/form4-two-sheets.xlsx", "rb");
        REQUIRE(f);
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;)
            book.append(buf, n);
        std::fclose(f);
    }
    RosterFileOptions o = options();
    o.fileName = "two.xlsx";
    RosterImport r = readRosterFile(book, o);
    CHECK(r.sheets == std::vector<std::string>{"K1", "K2", "メモ"});
    CHECK(r.table.records.empty());
    o.sheet = "K2";
    r = readRosterFile(book, o);
    CHECK(r.sheets.size() == 3);
    CHECK(r.sheet == "K2");
    CHECK(r.table.sheet == "K2");
    CHECK(r.table.records.size() == 6); // the header and five people
}
