// Values as people type them: full-width digits and letters, 和暦, countries by name. Every field
// and option takes them through the one parser of each kind (parseDateInput, normalizeCountry …).

#include "meibo/core/Date.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/Vocabulary.h"

#include <catch2/catch.hpp>

using namespace meibo::core;
using namespace std::chrono;

namespace {
Date ymd(int y, unsigned m, unsigned d) { return Date{year{y}, month{m}, day{d}}; }
const Date kToday = ymd(2026, 11, 25);
} // namespace

TEST_CASE("和暦 dates by era name or initial are read through ICU's Japanese calendar", "[date]")
{
    CHECK(parseDateInput("昭和45年4月1日") == ymd(1970, 4, 1));
    CHECK(parseDateInput("S45.4.1") == ymd(1970, 4, 1));
    CHECK(parseDateInput("s45/4/1") == ymd(1970, 4, 1));
    CHECK(parseDateInput("R8.4.1") == ymd(2026, 4, 1));
    CHECK(parseDateInput("令和8年4月1日") == ymd(2026, 4, 1));
    CHECK(parseDateInput("令和元年5月1日") == ymd(2019, 5, 1));
    CHECK(parseDateInput("平成元年1月8日") == ymd(1989, 1, 8));
    CHECK(parseDateInput("H元.1.8") == ymd(1989, 1, 8));
    CHECK(parseDateInput("平成31年4月30日") == ymd(2019, 4, 30));
    CHECK(parseDateInput("大正15年12月24日") == ymd(1926, 12, 24));
    CHECK(parseDateInput("明治45年7月29日") == ymd(1912, 7, 29));
    // Full-width, and the era's square sign (㍼ is 昭和 under NFKC).
    CHECK(parseDateInput("昭和４５年４月１日") == ymd(1970, 4, 1));
    CHECK(parseDateInput("Ｓ４５．４．１") == ymd(1970, 4, 1));
    CHECK(parseDateInput("㍼45年4月1日") == ymd(1970, 4, 1));
}

TEST_CASE("a 和暦 date outside its era or the calendar is refused", "[date]")
{
    CHECK_FALSE(parseDateInput("昭和64年1月8日")); // 平成元年1月8日
    CHECK_FALSE(parseDateInput("平成31年5月1日")); // 令和元年
    CHECK_FALSE(parseDateInput("昭和99年1月1日"));
    CHECK_FALSE(parseDateInput("令和8年2月30日"));
    CHECK_FALSE(parseDateInput("昭和0年1月1日"));
    CHECK_FALSE(parseDateInput("X45.4.1"));
    CHECK_FALSE(parseDateInput("S45.4"));
    CHECK_FALSE(parseDateInput("S45.4.1.2"));
    CHECK_FALSE(parseDateInput("元年"));
    CHECK_FALSE(parseDateInput("明治30年1月1日")); // before 1900
}

TEST_CASE("full-width and Excel-style Gregorian dates are read", "[date]")
{
    CHECK(parseDateInput("１９９０年１月２日") == ymd(1990, 1, 2));
    CHECK(parseDateInput("1970/4/1") == ymd(1970, 4, 1));
    CHECK(parseDateInput("２０２６／６／１") == ymd(2026, 6, 1));
}

TEST_CASE("a country is an ISO code or its Japanese or English name", "[vocabulary]")
{
    CHECK(normalizeCountry("日本") == "JP");
    CHECK(normalizeCountry("韓国") == "KR");
    CHECK(normalizeCountry("アメリカ合衆国") == "US");
    CHECK(normalizeCountry("United States") == "US");
    CHECK(normalizeCountry("united states") == "US");
    CHECK(normalizeCountry("中国") == "CN");
    CHECK(normalizeCountry("米国") == "US");
    CHECK(normalizeCountry("ＪＰ") == "JP");
    CHECK(normalizeCountry("ｕｓａ") == "US");
    CHECK(normalizeCountry("Vietnam") == "VN");
    CHECK_FALSE(normalizeCountry("Atlantis"));
    CHECK_FALSE(normalizeCountry("アトランティス"));
}

TEST_CASE("full-width codes are folded, names and addresses are kept as typed", "[csv]")
{
    const RosterImport r = parseRosterCsv(
        "区分,記号,氏名,個人住所,生年月日,国籍,在留区分,パスポート番号,報告先,従事開始日\n"
        "業務従事者,Ｂ,Ｅｍｉｌｙ　Ｃａｒｔｅｒ,東京都千代田区霞が関１－３－１,１９９０/２/１４,アメリカ合衆国,その他,ＴＺ１２３４５６７,Ａ,R8.4.1\n"
        "情報管理責任者,A,経済 太郎,,昭和45年4月1日,日本,日本国籍,,,2026年4月1日\n",
        kToday);
    INFO(formatIssues(r.issues));
    REQUIRE(r.issues.empty());
    REQUIRE(r.rows.size() == 2);
    const ImportRow& b = r.rows[0];
    CHECK(b.label == "B");
    CHECK(b.person.name == "Ｅｍｉｌｙ　Ｃａｒｔｅｒ");         // a name is the person's own
    CHECK(b.person.address == "東京都千代田区霞が関１－３－１"); // so is an address
    CHECK(b.person.birthDate == ymd(1990, 2, 14));
    CHECK(b.person.nationality == "US");
    CHECK(b.person.passportNo == "TZ1234567");
    CHECK(b.reportsTo == "A");
    CHECK(b.validFrom == ymd(2026, 4, 1));
    CHECK(r.rows[1].person.birthDate == ymd(1970, 4, 1));
    CHECK(r.rows[1].person.nationality == "JP");
}

TEST_CASE("a country or date that is not one is refused with what to write, in Japanese too", "[csv]")
{
    const RosterImport r =
        parseRosterCsv("区分,記号,氏名,生年月日,国籍\n業務従事者,B,x,昭和64年2月1日,アトランティス\n", kToday);
    REQUIRE(r.issues.size() == 2);
    CHECK(r.issues[0].column == "birth_date");
    CHECK_THAT(r.issues[0].messageJa, Catch::Contains("昭和45年4月1日"));
    CHECK(r.issues[1].column == "nationality");
    CHECK_THAT(r.issues[1].messageJa, Catch::Contains("アメリカ合衆国"));
    CHECK_THAT(formatIssues(r.issues, true), Catch::Contains("2行目・国籍列："));
}
