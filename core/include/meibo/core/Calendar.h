#pragma once

#include "meibo/core/Date.h"

#include <string>
#include <vector>

namespace meibo::core {

/// One day in the officer's calendar: a deadline, as an all-day event.
struct CalendarEvent {
    std::string uid;         ///< stable across exports, so a calendar updates the event instead of adding it again
    Date date{};
    std::string summary;
    std::string description;
};

/// The events as an iCalendar file (RFC 5545): CRLF lines folded at 75 octets (never inside a
/// UTF-8 character), TEXT values escaped, all-day events (DTSTART;VALUE=DATE, DTEND the day after)
/// with a reminder the week before, and the Asia/Tokyo time zone (JST, +09:00, no daylight time)
/// named for the calendar. `stampUtc` is DTSTAMP, "YYYYMMDDTHHMMSSZ".
std::string icsCalendar(const std::vector<CalendarEvent>& events, const std::string& stampUtc);

/// A TEXT value escaped for iCalendar: backslash, semicolon, comma, and line breaks as \n.
std::string icsEscape(const std::string& text);

} // namespace meibo::core
