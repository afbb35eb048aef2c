#include "meibo/core/Date.h"
#include "meibo/core/Error.h"

#include <catch2/catch.hpp>

using namespace meibo::core;
using namespace std::chrono;

TEST_CASE("an ISO date is read strictly", "[date]")
{
    CHECK(parseIsoDate("2026-11-25") == Date{year{2026}, month{11}, day{25}});
    CHECK(parseIsoDate("2028-02-29").has_value());
    CHECK_FALSE(parseIsoDate("2026-02-29").has_value()); // not a leap year
    CHECK_FALSE(parseIsoDate("2026-13-01").has_value());
    CHECK_FALSE(parseIsoDate("2026-1-01").has_value());
    CHECK_FALSE(parseIsoDate("2026/11/25").has_value());
    CHECK_FALSE(parseIsoDate("20261125").has_value());
    CHECK_FALSE(parseIsoDate(" 2026-11-25").has_value());
    CHECK_FALSE(parseIsoDate("1899-12-31").has_value());
    CHECK_FALSE(parseIsoDate("").has_value());
}

TEST_CASE("a bad date names the field and the expected form", "[date]")
{
    try {
        requireIsoDate("2026-02-30", "valid_from");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::InvalidInput);
        CHECK(e.where() == "valid_from");
        CHECK(std::string(e.what()).find("YYYY-MM-DD") != std::string::npos);
    }
}

TEST_CASE("dates format back and count days", "[date]")
{
    const Date a{year{2026}, month{3}, day{31}};
    CHECK(formatIsoDate(a) == "2026-03-31");
    CHECK(daysBetween(a, Date{year{2026}, month{4}, day{30}}) == 30);
    CHECK(daysBetween(Date{year{2026}, month{4}, day{30}}, a) == -30);
}
