#include "meibo/forms/JapaneseDate.h"

#include <catch2/catch.hpp>

using namespace meibo;
using namespace std::chrono;

TEST_CASE("dates print in the Japanese era, the first year as 元年", "[date][forms]")
{
    CHECK(forms::japaneseDate(core::Date{year{2026}, month{11}, day{25}}) == "令和8年11月25日");
    CHECK(forms::japaneseDate(core::Date{year{2019}, month{5}, day{1}}) == "令和元年5月1日");
    CHECK(forms::japaneseDate(core::Date{year{2019}, month{4}, day{30}}) == "平成31年4月30日");
    CHECK(forms::japaneseDate(core::Date{year{1970}, month{4}, day{1}}) == "昭和45年4月1日");
}
