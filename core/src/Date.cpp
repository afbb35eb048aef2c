#include "meibo/core/Date.h"

#include "meibo/core/Error.h"
#include "meibo/core/Vocabulary.h"

#include <unicode/calendar.h>
#include <unicode/timezone.h>

#include <array>
#include <ctime>
#include <memory>
#include <mutex>

namespace meibo::core {

namespace {
bool readDigits(std::string_view text, std::size_t pos, std::size_t count, int& out)
{
    out = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}
} // namespace

std::optional<Date> parseIsoDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!readDigits(text, 0, 4, y) || !readDigits(text, 5, 2, m) || !readDigits(text, 8, 2, d))
        return std::nullopt;
    if (y < 1900 || y > 2199)
        return std::nullopt;
    const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok())
        return std::nullopt;
    return date;
}

namespace {

struct Era {
    std::string_view name;
    char initial;
    Date inside; ///< a day of the era, to ask ICU for its number
};
// The eras a person alive in 1900–2199 was born or works in.
constexpr std::array<Era, 5> kEras{{
    {"明治", 'M', Date{std::chrono::year{1900}, std::chrono::month{1}, std::chrono::day{1}}},
    {"大正", 'T', Date{std::chrono::year{1920}, std::chrono::month{1}, std::chrono::day{1}}},
    {"昭和", 'S', Date{std::chrono::year{1950}, std::chrono::month{1}, std::chrono::day{1}}},
    {"平成", 'H', Date{std::chrono::year{2000}, std::chrono::month{1}, std::chrono::day{1}}},
    {"令和", 'R', Date{std::chrono::year{2020}, std::chrono::month{1}, std::chrono::day{1}}},
}};

constexpr double kMsPerDay = 86400000.0;

/// ICU's Japanese calendar in UTC, so that a UDate is a whole number of days.
std::unique_ptr<icu::Calendar> japaneseCalendar()
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> cal(
        icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), icu::Locale("ja_JP@calendar=japanese"), status));
    if (U_FAILURE(status))
        return nullptr;
    return cal;
}

/// The era's number in ICU's Japanese calendar (明治 = 232 …), asked of ICU once.
int eraNumber(std::size_t era)
{
    static std::array<int, kEras.size()> numbers{};
    static std::once_flag once;
    std::call_once(once, [] {
        auto cal = japaneseCalendar();
        for (std::size_t i = 0; i < kEras.size(); ++i) {
            UErrorCode status = U_ZERO_ERROR;
            numbers[i] = -1;
            if (!cal)
                continue;
            cal->setTime(std::chrono::sys_days{kEras[i].inside}.time_since_epoch().count() * kMsPerDay, status);
            const int n = cal->get(UCAL_ERA, status);
            if (U_SUCCESS(status))
                numbers[i] = n;
        }
    });
    return numbers[era];
}

/// 和暦: `昭和45年4月1日`, `S45.4.1`, `R8/4/1`, `平成元年1月8日` (text already NFKC-folded). The date
/// must lie in the era it names (昭和64年2月1日 is 平成 and refused).
std::optional<Date> parseJapaneseEra(std::string_view text)
{
    std::optional<std::size_t> era;
    for (std::size_t i = 0; i < kEras.size() && !era; ++i) {
        if (text.substr(0, kEras[i].name.size()) == kEras[i].name) {
            era = i;
            text.remove_prefix(kEras[i].name.size());
        } else if (!text.empty() && (text[0] == kEras[i].initial || text[0] == kEras[i].initial + ('a' - 'A'))) {
            era = i;
            text.remove_prefix(1);
        }
    }
    if (!era)
        return std::nullopt;
    int parts[3] = {0, 0, 0};
    for (int n = 0; n < 3; ++n) {
        std::size_t digits = 0;
        if (n == 0 && text.substr(0, 3) == "元") {
            parts[0] = 1;
            digits = 1;
            text.remove_prefix(3);
        }
        while (!text.empty() && text[0] >= '0' && text[0] <= '9' && digits < 2) {
            parts[n] = parts[n] * 10 + (text[0] - '0');
            ++digits;
            text.remove_prefix(1);
        }
        if (digits == 0)
            return std::nullopt;
        if (n < 2) {
            const std::string_view unit = n == 0 ? "年" : "月";
            if (text.substr(0, unit.size()) == unit)
                text.remove_prefix(unit.size());
            else if (!text.empty() && (text[0] == '.' || text[0] == '/' || text[0] == '-'))
                text.remove_prefix(1);
            else
                return std::nullopt;
        }
    }
    if (text == "日")
        text.remove_prefix(text.size());
    if (!text.empty() || parts[0] < 1 || parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > 31)
        return std::nullopt;
    const int number = eraNumber(*era);
    auto cal = japaneseCalendar();
    if (!cal || number < 0)
        return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    cal->clear();
    cal->setLenient(false);
    cal->set(UCAL_ERA, number);
    cal->set(UCAL_YEAR, parts[0]);
    cal->set(UCAL_MONTH, parts[1] - 1);
    cal->set(UCAL_DATE, parts[2]);
    const UDate when = cal->getTime(status);
    if (U_FAILURE(status))
        return std::nullopt;
    // Read back: a day past the era's end (昭和64年1月8日) comes back in the next era.
    if (cal->get(UCAL_ERA, status) != number || cal->get(UCAL_YEAR, status) != parts[0] || U_FAILURE(status))
        return std::nullopt;
    const Date date{std::chrono::sys_days{std::chrono::days{static_cast<long>(when / kMsPerDay)}}};
    if (!date.ok() || date.year() < std::chrono::year{1900} || date.year() > std::chrono::year{2199})
        return std::nullopt;
    return date;
}

} // namespace

std::optional<Date> parseDateInput(std::string_view typed)
{
    if (auto iso = parseIsoDate(typed))
        return iso;
    // Full-width digits, letters and signs as ASCII (NFKC; ㍼ becomes 昭和 too).
    const std::string folded = foldWidth(typed);
    const std::string_view text = folded;
    if (auto era = parseJapaneseEra(text))
        return era;
    // Full-width digits (U+FF10–FF19) and separators become ASCII; 年 and 月 become separators, 日 ends.
    std::string ascii;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBC) {
            const auto c2 = static_cast<unsigned char>(text[i + 2]);
            if (c2 >= 0x90 && c2 <= 0x99) {
                ascii += static_cast<char>('0' + (c2 - 0x90));
                i += 3;
                continue;
            }
            if (c2 == 0x8F || c2 == 0x8D || c2 == 0x8E) { // ／ － ．
                ascii += '/';
                i += 3;
                continue;
            }
        }
        if (text.compare(i, 3, "年") == 0 || text.compare(i, 3, "月") == 0) {
            ascii += '/';
            i += 3;
            continue;
        }
        if (text.compare(i, 3, "日") == 0 && i + 3 == text.size()) {
            i += 3;
            continue;
        }
        ascii += (c == '-' || c == '.') ? '/' : static_cast<char>(c);
        ++i;
    }
    int parts[3] = {0, 0, 0};
    int n = 0;
    std::size_t digits = 0;
    for (char ch : ascii) {
        if (ch >= '0' && ch <= '9') {
            if (++digits > (n == 0 ? 4u : 2u))
                return std::nullopt;
            parts[n] = parts[n] * 10 + (ch - '0');
        } else if (ch == '/' && digits > 0 && n < 2) {
            ++n;
            digits = 0;
        } else {
            return std::nullopt;
        }
    }
    if (n != 2 || digits == 0 || parts[0] < 1900 || parts[0] > 2199)
        return std::nullopt;
    const Date date{std::chrono::year{parts[0]}, std::chrono::month{static_cast<unsigned>(parts[1])},
                    std::chrono::day{static_cast<unsigned>(parts[2])}};
    return date.ok() ? std::optional<Date>(date) : std::nullopt;
}

Date requireDate(std::string_view text, std::string_view field)
{
    if (auto date = parseDateInput(text))
        return *date;
    throw Error(ErrorCode::InvalidInput,
                "“" + std::string(text) +
                    "” is not a date; write it as 2026-06-01, 2026/6/1, 2026年6月1日 or 令和8年6月1日",
                std::string(field),
                "「" + std::string(text) +
                    "」は日付として読めません。2026-06-01、2026/6/1、2026年6月1日、令和8年6月1日 のように入力してください。");
}

Date requireIsoDate(std::string_view text, std::string_view field)
{
    if (auto date = parseIsoDate(text))
        return *date;
    throw Error(ErrorCode::InvalidInput,
                std::string(field) + ": \"" + std::string(text) +
                    "\" is not a date; write it as YYYY-MM-DD (for example 2026-11-25)",
                std::string(field),
                "「" + std::string(text) + "」は日付として読めません。2026-11-25 のように 年-月-日 で書いてください。");
}

std::string formatIsoDate(const Date& date)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buf;
}

int daysBetween(const Date& a, const Date& b)
{
    return static_cast<int>((std::chrono::sys_days{b} - std::chrono::sys_days{a}).count());
}

Date todayLocal()
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{std::chrono::year{local.tm_year + 1900}, std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)},
                std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
}

Date addDays(const Date& d, int days) { return Date{std::chrono::sys_days{d} + std::chrono::days{days}}; }

Date addMonths(const Date& d, int months)
{
    const std::chrono::year_month ym = std::chrono::year_month{d.year(), d.month()} + std::chrono::months{months};
    const std::chrono::day last = std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}}.day();
    return Date{ym.year(), ym.month(), d.day() > last ? last : d.day()};
}

} // namespace meibo::core
