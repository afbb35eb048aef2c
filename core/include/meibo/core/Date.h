#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace meibo::core {

using Date = std::chrono::year_month_day;

/// Parses a strict ISO 8601 calendar date `YYYY-MM-DD` (no time, no week dates); returns nullopt
/// for anything else, including dates that do not exist (2026-02-29) and years outside 1900–2199.
std::optional<Date> parseIsoDate(std::string_view text);

/// A date as people type it: ISO `2026-06-01`, `2026/6/1`, `2026.6.1`, `2026年6月1日`, 和暦 by era
/// name or initial (`昭和45年4月1日`, `S45.4.1`, `R8.4.1`, `平成元年1月8日`, through ICU's Japanese
/// calendar; the day must lie in the era named), with ASCII or full-width digits and letters. The one parser behind every date a person enters (fields, imports, options).
std::optional<Date> parseDateInput(std::string_view text);
/// Like parseDateInput, but throws Error(InvalidInput) whose `where` is `field` and whose sentence, in
/// English and Japanese, names no key: it quotes the text and shows the forms that are understood.
Date requireDate(std::string_view text, std::string_view field);
/// Like parseIsoDate, but throws Error(InvalidInput) naming `field` when the text is not a date.
Date requireIsoDate(std::string_view text, std::string_view field);

/// `YYYY-MM-DD`.
std::string formatIsoDate(const Date& date);

/// Days from a to b (negative when b is before a).
int daysBetween(const Date& a, const Date& b);

/// `d` plus `days` days (negative goes back).
Date addDays(const Date& d, int days);

/// `d` plus `months` calendar months, the day clamped to the end of a shorter month (8/31 + 6 → 2/28).
Date addMonths(const Date& d, int months);

/// Today's date in the local time zone.
Date todayLocal();

} // namespace meibo::core
