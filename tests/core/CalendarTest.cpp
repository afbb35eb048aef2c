// The deadlines as an iCalendar file (RFC 5545): what a calendar program needs to read it.

#include "meibo/core/Calendar.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace meibo::core;

namespace {
std::vector<std::string> physicalLines(const std::string& ics)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t at = ics.find("\r\n"); at != std::string::npos; at = ics.find("\r\n", start)) {
        out.push_back(ics.substr(start, at - start));
        start = at + 2;
    }
    REQUIRE(start == ics.size()); // every line ends with CRLF, the last one too
    return out;
}

/// Unfolds continuation lines (a CRLF followed by a space) back into content lines.
std::vector<std::string> contentLines(const std::string& ics)
{
    std::vector<std::string> out;
    for (const auto& l : physicalLines(ics)) {
        if (!l.empty() && l[0] == ' ')
            out.back() += l.substr(1);
        else
            out.push_back(l);
    }
    return out;
}

bool validUtf8(const std::string& s)
{
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size())
            return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80)
                return false;
        i += n;
    }
    return true;
}
} // namespace

TEST_CASE("a deadline is an all-day event with a stable uid, a reminder and the Tokyo time zone")
{
    CalendarEvent e{"meibo-METI-1-report-20261031@meibo", *parseIsoDate("2026-10-31"),
                    "[METI-1] 実施状況報告書の提出期限", "status report for 2026-04-01 – 2026-09-30"};
    const std::string ics = icsCalendar({e}, "20260601T000000Z");
    const auto lines = contentLines(ics);
    auto has = [&](const std::string& l) { return std::find(lines.begin(), lines.end(), l) != lines.end(); };
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    CHECK(has("VERSION:2.0"));
    CHECK(has("TZID:Asia/Tokyo"));
    CHECK(has("TZOFFSETTO:+0900"));
    CHECK(has("UID:meibo-METI-1-report-20261031@meibo"));
    CHECK(has("DTSTAMP:20260601T000000Z"));
    CHECK(has("DTSTART;VALUE=DATE:20261031"));
    CHECK(has("DTEND;VALUE=DATE:20261101")); // the day after: a one-day event
    CHECK(has("SUMMARY:[METI-1] 実施状況報告書の提出期限"));
    CHECK(has("TRIGGER:-P7D"));
    CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT") == 1);
}

TEST_CASE("long Japanese lines fold at 75 octets without cutting a character")
{
    std::string summary;
    for (int i = 0; i < 40; ++i)
        summary += "情報取扱者名簿";
    const std::string ics = icsCalendar({{"u@meibo", *parseIsoDate("2026-12-31"), summary, ""}}, "20260601T000000Z");
    bool folded = false;
    for (const auto& l : physicalLines(ics)) {
        CHECK(l.size() <= 75);
        CHECK(validUtf8(l));
        folded = folded || (!l.empty() && l[0] == ' ');
    }
    CHECK(folded);
    const auto lines = contentLines(ics);
    CHECK(std::find(lines.begin(), lines.end(), "SUMMARY:" + summary) != lines.end()); // unfolds to the same text
}

TEST_CASE("text values escape commas, semicolons, backslashes and line breaks")
{
    CHECK(icsEscape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf");
    const std::string ics =
        icsCalendar({{"u@meibo", *parseIsoDate("2027-03-31"), "契約終了, 返却; 削除", "line 1\nline 2"}}, "20260601T000000Z");
    CHECK(ics.find("SUMMARY:契約終了\\, 返却\\; 削除\r\n") != std::string::npos);
    CHECK(ics.find("DESCRIPTION:line 1\\nline 2\r\n") != std::string::npos);
    CHECK(ics.find("\n\n") == std::string::npos);
}

TEST_CASE("a calendar with no deadline is still a valid calendar")
{
    const auto lines = contentLines(icsCalendar({}, "20260601T000000Z"));
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(std::find(lines.begin(), lines.end(), "BEGIN:VEVENT") == lines.end());
    CHECK(lines.back() == "END:VCALENDAR");
}
