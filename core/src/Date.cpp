#include "meibo/core/Date.h"

#include "meibo/core/Error.h"

#include <ctime>

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

std::optional<Date> parseDateInput(std::string_view text)
{
    if (auto iso = parseIsoDate(text))
        return iso;
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

Date requireIsoDate(std::string_view text, std::string_view field)
{
    if (auto date = parseIsoDate(text))
        return *date;
    throw Error(ErrorCode::InvalidInput,
                std::string(field) + ": \"" + std::string(text) +
                    "\" is not a date; write it as YYYY-MM-DD (for example 2026-11-25)",
                std::string(field));
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
