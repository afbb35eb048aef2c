#include "meibo/core/RosterCsv.h"
#include "meibo/core/Vocabulary.h"

#include <catch2/catch.hpp>

using namespace meibo::core;
using namespace std::chrono;

namespace {
const Date kToday{year{2026}, month{11}, day{25}};
const std::string kHeader = "role,label,name,address,birth_date,nationality,residence_status,passport_no,reports_to,need\n";

bool hasIssue(const RosterImport& r, int line, const std::string& column)
{
    for (const auto& i : r.issues)
        if (i.line == line && i.column == column)
            return true;
    return false;
}
} // namespace

TEST_CASE("a roster CSV with BOM, CRLF, quoted commas and newlines and Japanese text is read", "[csv]")
{
    const std::string csv = "\xEF\xBB\xBF"
                            "role,label,name,address,need\r\n"
                            "情報管理責任者,A,経済 太郎,\"東京都千代田区霞が関1-3-1, 本館\",全責任を負うため\r\n"
                            "worker,d,\"Carter, Emily\",\"1 Main St\r\nApt 2\",\"調査を \"\"担当\"\"\"\r\n";
    const RosterImport r = parseRosterCsv(csv, kToday);
    REQUIRE(r.issues.empty());
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].role == Role::Responsible);
    CHECK(r.rows[0].person.address == "東京都千代田区霞が関1-3-1, 本館");
    CHECK(r.rows[1].label == "D"); // upper-cased
    CHECK(r.rows[1].person.name == "Carter, Emily");
    CHECK(r.rows[1].person.address == "1 Main St\nApt 2"); // a line break kept, as LF
    CHECK(r.rows[1].need == "調査を \"担当\"");
    CHECK(r.rows[1].line == 3);
    CHECK(r.columns.size() == 5);
}

TEST_CASE("columns may come in any order and aliases are accepted", "[csv]")
{
    const RosterImport r = parseRosterCsv(
        "name,residence_status,label,role,nationality\n山田 花子,special-permanent,b,manager,KOR\n", kToday);
    REQUIRE(r.issues.empty());
    CHECK(r.rows[0].role == Role::Manager);
    CHECK(r.rows[0].person.residenceStatus == ResidenceStatus::SpecialPermanent);
    CHECK(r.rows[0].person.nationality == "KR"); // alpha-3 to alpha-2
}

TEST_CASE("an unknown column, an empty file and a header without rows are refused", "[csv]")
{
    auto r = parseRosterCsv("role,label,name,shoe_size\n業務従事者,D,x,27\n", kToday);
    CHECK(r.rows.empty());
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].column == "shoe_size");
    CHECK(r.issues[0].message.find("unknown column") != std::string::npos);

    r = parseRosterCsv("", kToday);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].message.find("empty") != std::string::npos);

    r = parseRosterCsv("role,label,name\r\n", kToday);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].message.find("no rows") != std::string::npos);

    r = parseRosterCsv("label,name\nA,x\n", kToday);
    CHECK(hasIssue(r, 1, "role"));
}

TEST_CASE("every bad row is reported by line and column", "[csv]")
{
    const std::string csv = kHeader +
                            "情報管理責任者,A,経済 太郎,,1970-04-01,JP,日本国籍,,,need\n"   // line 2: fine
                            "社長,B,x,,1970-13-01,JP,日本国籍,,,need\n"                       // 3: role, birth_date
                            "業務従事者,A,y,,,XX,宇宙人,AB,,need\n"                           // 4: label dup, nationality, status, passport
                            "業務従事者,C,,,,,,,C,need\n"                                     // 5: name, reports_to self
                            "業務従事者,D,z,,2030-01-01,,,,,need\n"                           // 6: birth in future
                            "業務従事者,E,w\n";                                               // 7: field count
    const RosterImport r = parseRosterCsv(csv, kToday);
    CHECK(r.rows.size() == 1);
    CHECK(hasIssue(r, 3, "role"));
    CHECK(hasIssue(r, 3, "birth_date"));
    CHECK(hasIssue(r, 4, "label"));
    CHECK(hasIssue(r, 4, "nationality"));
    CHECK(hasIssue(r, 4, "residence_status"));
    CHECK(hasIssue(r, 4, "passport_no"));
    CHECK(hasIssue(r, 5, "name"));
    CHECK(hasIssue(r, 5, "reports_to"));
    CHECK(hasIssue(r, 6, "birth_date"));
    CHECK(hasIssue(r, 7, ""));
    const std::string text = formatIssues(r.issues);
    CHECK(text.find("line 4, column label: the label A is already used on line 2") != std::string::npos);
}

TEST_CASE("a valid_to before valid_from and broken quoting are refused", "[csv]")
{
    auto r = parseRosterCsv("role,label,name,valid_from,valid_to\nworker,D,x,2026-05-01,2026-04-30\n", kToday);
    CHECK(hasIssue(r, 2, "valid_to"));
    r = parseRosterCsv("role,label,name\nworker,D,\"unterminated\n", kToday);
    REQUIRE_FALSE(r.issues.empty());
    CHECK(r.issues[0].message.find("quote") != std::string::npos);
    r = parseRosterCsv(std::string("role,label,name\nworker,D,\xff\xfe\n"), kToday);
    REQUIRE_FALSE(r.issues.empty());
    CHECK(r.issues[0].message.find("UTF-8") != std::string::npos);
}

TEST_CASE("the roster exports back to the same columns", "[csv]")
{
    RosterEntry e;
    e.label = "D";
    e.role = Role::Worker;
    e.person.name = "Carter, Emily";
    e.person.nationality = "US";
    e.person.residenceStatus = ResidenceStatus::Other;
    e.person.passportNo = "X12345678";
    e.reportsTo = "B";
    const std::string csv = rosterToCsv({e}, false);
    CHECK(csv.rfind("\xEF\xBB\xBFrole,label,name,", 0) == 0);
    const RosterImport back = parseRosterCsv(csv, kToday);
    REQUIRE(back.issues.empty());
    REQUIRE(back.rows.size() == 1);
    CHECK(back.rows[0].person.name == "Carter, Emily");
    CHECK(back.rows[0].person.passportNo == "X12345678");
    CHECK(back.rows[0].reportsTo == "B");
}

TEST_CASE("vocabulary: roles, residence status, countries, passports, labels", "[vocabulary]")
{
    CHECK(parseRole("再委託先") == Role::Subcontractor);
    CHECK(parseRole("Responsible") == Role::Responsible);
    CHECK_FALSE(parseRole("boss"));
    CHECK(passportRequired(ResidenceStatus::SpecialPermanent));
    CHECK(passportRequired(ResidenceStatus::Other));
    CHECK_FALSE(passportRequired(ResidenceStatus::Japanese));
    CHECK_FALSE(passportRequired(ResidenceStatus::Permanent));
    CHECK(normalizeCountry("jpn") == std::string("JP"));
    CHECK(normalizeCountry("US") == std::string("US"));
    CHECK_FALSE(normalizeCountry("XX"));
    CHECK(countryNameJa("JP") == "日本");
    CHECK(countryNameJa("US") == "アメリカ合衆国");
    CHECK(normalizePassport("tz 123 4567") == std::string("TZ1234567"));
    CHECK_FALSE(normalizePassport("12"));
    CHECK_FALSE(normalizePassport("AB#12345"));
    CHECK(normalizeLabel("f1") == std::string("F1"));
    CHECK_FALSE(normalizeLabel("1A"));
}
