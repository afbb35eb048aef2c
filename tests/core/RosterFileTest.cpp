// Roster files as officers already have them: encodings, separators, line ends, headers in Japanese.
// The fixtures in tests/data/import were made by real clients: LibreOffice (CP932 CSV, "Unicode
// text" UTF-16LE with tabs) and iconv (UTF-16BE).

#include "meibo/core/RosterFile.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace meibo::core;
using namespace std::chrono;

namespace {
const Date kToday{year{2026}, month{11}, day{25}};

std::string fixture(const std::string& name)
{
    std::ifstream in(std::string(MEIBO_TEST_DATA) + "/import/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The three rows of roster-ja.csv, whatever the file's encoding.
void checkJapaneseRoster(const RosterImport& r)
{
    INFO(formatIssues(r.issues));
    REQUIRE(r.issues.empty());
    REQUIRE(r.rows.size() == 3);
    CHECK(r.rows[0].role == Role::Responsible);
    CHECK(r.rows[0].person.name == "経済 太郎");
    CHECK(r.rows[0].person.birthDate == Date{year{1970}, month{4}, day{1}});
    CHECK(r.rows[1].person.name == "髙橋 花子"); // a CP932 (IBM) extension character
    CHECK(r.rows[1].need == "調査～分析を担当");    // CP932's 0x8160 is U+FF5E
    CHECK(r.rows[1].reportsTo == "A");
    CHECK(r.rows[2].person.passportNo == "TZ1234567");
    CHECK(r.rows[2].person.nationality == "US");
    CHECK(r.rows[2].need == "英語文献の調査, 翻訳");
    CHECK(r.rows[2].line == 4);
    CHECK(r.columns.size() == 10);
}

std::string utf16le(const std::u16string& text)
{
    std::string out = "\xFF\xFE";
    for (char16_t c : text) {
        out += static_cast<char>(c & 0xFF);
        out += static_cast<char>(c >> 8);
    }
    return out;
}
} // namespace

TEST_CASE("a CSV saved by Japanese Excel (CP932) with Japanese headers is read, and its encoding named", "[file]")
{
    const RosterImport r = readRosterFile(fixture("roster-ja-cp932.csv"), {kToday, "roster.csv", {}, {}});
    checkJapaneseRoster(r);
    CHECK(r.encoding == "Shift_JIS (CP932)");
    CHECK(r.format == "csv");
}

TEST_CASE("Excel's Unicode text (UTF-16LE with BOM, tab-separated) and UTF-16BE are read", "[file]")
{
    RosterImport r = readRosterFile(fixture("roster-ja-utf16le.txt"), {kToday, "名簿.txt", {}, {}});
    checkJapaneseRoster(r);
    CHECK(r.encoding == "UTF-16LE");
    CHECK(r.format == "tsv");
    r = readRosterFile(fixture("roster-ja-utf16be.csv"), {kToday, "roster.csv", {}, {}});
    checkJapaneseRoster(r);
    CHECK(r.encoding == "UTF-16BE");
    // A tab-separated header is recognized by its tabs whatever the file's name.
    r = parseRosterCsv(utf16le(u"区分\t記号\t氏名\r\n業務従事者\tD\tx\r\n"), kToday);
    REQUIRE(r.issues.empty());
    CHECK(r.rows.at(0).label == "D");
}

TEST_CASE("UTF-8 with and without BOM is named as such", "[file]")
{
    RosterImport r = readRosterFile(fixture("roster-ja-utf8.csv"), {kToday, "roster.csv", {}, {}});
    checkJapaneseRoster(r);
    CHECK(r.encoding == "UTF-8");
    r = parseRosterCsv("\xEF\xBB\xBFrole,label,name\nworker,D,x\n", kToday);
    REQUIRE(r.issues.empty());
    CHECK(r.encoding == "UTF-8 (BOM)");
}

TEST_CASE("a file with CR line ends reports each problem on its own line", "[file]")
{
    RosterImport r = readRosterFile(fixture("roster-ja-cr.csv"), {kToday, "roster.csv", {}, {}});
    checkJapaneseRoster(r);
    r = parseRosterCsv("role,label,name,birth_date\rworker,D,x,1970-01-01\rworker,E,y,tomorrow\rworker,F,z,1971-13-01\r",
                       kToday);
    REQUIRE(r.issues.size() == 2);
    CHECK(r.issues[0].line == 3);
    CHECK(r.issues[1].line == 4);
    CHECK(r.issues[0].column == "birth_date");
}

TEST_CASE("Excel's empty trailing columns are ignored and said once", "[file]")
{
    const RosterImport r = parseRosterCsv("区分,記号,氏名,,\r\n業務従事者,D,x,,\r\n業務従事者,E,y,,\r\n", kToday);
    INFO(formatIssues(r.issues));
    REQUIRE(r.issues.empty());
    CHECK(r.rows.size() == 2);
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notesJa.at(0) == "見出しの右の空の列（2 列）は無視しました。");
}

TEST_CASE("text in no encoding Meibo reads is refused, naming what was found, in English and Japanese", "[file]")
{
    // EUC-JP: every byte pair also decodes in CP932, as half-width katakana; ICU's detector names it.
    const std::string eucJp = "role,label,name\nworker,D,\xB7\xD0\xB5\xEC\xA1\xA1\xC2\xC0\xCF\xBA\xA4\xCE\xA4\xA2\xA4\xEB\xC6\xFC"
                              "\xCB\xDC\xB8\xEC\xA4\xCE\xCA\xB8\xBE\xCF\xA4\xC7\xA4\xB9\xA1\xA3\n";
    RosterImport r = parseRosterCsv(eucJp, kToday);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.rows.empty());
    CHECK_THAT(r.issues[0].message, Catch::Contains("EUC-JP"));
    CHECK_THAT(r.issues[0].messageJa, Catch::Contains("EUC-JP"));
    CHECK_THAT(r.issues[0].messageJa, Catch::Contains("CSV UTF-8"));

    // Bytes that are no character in UTF-8 or CP932 (0x85 0x40 is unassigned in CP932), on line 3.
    r = parseRosterCsv("role,label,name\nworker,D,x\nworker,E,\x85\x40\n", kToday);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].line == 3);
    CHECK_THAT(r.issues[0].message, Catch::Contains("neither UTF-8 nor Shift_JIS (CP932)"));
    CHECK_THAT(r.issues[0].messageJa, Catch::Contains("UTF-8 でも Shift_JIS（CP932）でもありません"));

    // A UTF-16 BOM with a cut-off last character.
    r = parseRosterCsv(std::string("\xFF\xFEr\0o\0l", 7), kToday);
    REQUIRE(r.issues.size() == 1);
    CHECK_THAT(r.issues[0].messageJa, Catch::Contains("UTF-16LE"));

    // UTF-16 without its byte order mark: NUL bytes.
    r = parseRosterCsv(std::string("r\0o\0l\0e\0", 8), kToday);
    REQUIRE(r.issues.size() == 1);
    CHECK_THAT(r.issues[0].message, Catch::Contains("UTF-16"));

    // A UTF-8 BOM followed by something else.
    r = parseRosterCsv("\xEF\xBB\xBFrole,label,name\nworker,D,\x82\xA0\n", kToday);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].line == 2);
    CHECK_THAT(r.issues[0].messageJa, Catch::Contains("バイト順マーク"));
}

TEST_CASE("broken quoting is explained in a sentence, not in libcsv's words", "[file]")
{
    const RosterImport r = parseRosterCsv("role,label,name\nworker,D,ab\"c\n", kToday);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].line == 2);
    CHECK(r.issues[0].message.find("strict") == std::string::npos);
    CHECK_THAT(r.issues[0].message, Catch::Contains("written twice"));
    CHECK_THAT(r.issues[0].messageJa, Catch::Contains("2つ重ねて"));
}
