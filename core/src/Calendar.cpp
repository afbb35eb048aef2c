#include "meibo/core/Calendar.h"

namespace meibo::core {

namespace {

std::string basicDate(const Date& d)
{
    std::string iso = formatIsoDate(d); // YYYY-MM-DD
    iso.erase(7, 1);
    iso.erase(4, 1);
    return iso;
}

/// One content line, folded: at most 75 octets a line, a continuation starts with a space
/// (RFC 5545 3.1), and a UTF-8 sequence is never cut.
void addLine(std::string& out, const std::string& line)
{
    std::size_t start = 0;
    bool first = true;
    while (start < line.size()) {
        const std::size_t room = first ? 75 : 74; // the leading space of a continuation counts
        std::size_t end = std::min(line.size(), start + room);
        if (end < line.size())
            while (end > start && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80)
                --end; // back to the start of a character
        if (!first)
            out += ' ';
        out.append(line, start, end - start);
        out += "\r\n";
        start = end;
        first = false;
    }
    if (line.empty())
        out += "\r\n";
}

} // namespace

std::string icsEscape(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            out += "\\n";
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            continue; // control characters are not allowed in TEXT
        } else {
            out += c;
        }
    }
    return out;
}

std::string icsCalendar(const std::vector<CalendarEvent>& events, const std::string& stampUtc)
{
    std::string out;
    addLine(out, "BEGIN:VCALENDAR");
    addLine(out, "VERSION:2.0");
    addLine(out, "PRODID:-//Meibo//Meibo deadlines//JA");
    addLine(out, "CALSCALE:GREGORIAN");
    addLine(out, "METHOD:PUBLISH");
    addLine(out, "X-WR-CALNAME:" + icsEscape("Meibo 期限"));
    addLine(out, "X-WR-TIMEZONE:Asia/Tokyo");
    // Japan has kept +09:00 all year since 1951.
    addLine(out, "BEGIN:VTIMEZONE");
    addLine(out, "TZID:Asia/Tokyo");
    addLine(out, "BEGIN:STANDARD");
    addLine(out, "DTSTART:19700101T000000");
    addLine(out, "TZOFFSETFROM:+0900");
    addLine(out, "TZOFFSETTO:+0900");
    addLine(out, "TZNAME:JST");
    addLine(out, "END:STANDARD");
    addLine(out, "END:VTIMEZONE");
    for (const auto& e : events) {
        addLine(out, "BEGIN:VEVENT");
        addLine(out, "UID:" + e.uid);
        addLine(out, "DTSTAMP:" + stampUtc);
        addLine(out, "DTSTART;VALUE=DATE:" + basicDate(e.date));
        addLine(out, "DTEND;VALUE=DATE:" + basicDate(addDays(e.date, 1)));
        addLine(out, "SUMMARY:" + icsEscape(e.summary));
        if (!e.description.empty())
            addLine(out, "DESCRIPTION:" + icsEscape(e.description));
        addLine(out, "TRANSP:TRANSPARENT");
        addLine(out, "BEGIN:VALARM");
        addLine(out, "ACTION:DISPLAY");
        addLine(out, "DESCRIPTION:" + icsEscape(e.summary));
        addLine(out, "TRIGGER:-P7D");
        addLine(out, "END:VALARM");
        addLine(out, "END:VEVENT");
    }
    addLine(out, "END:VCALENDAR");
    return out;
}

} // namespace meibo::core
