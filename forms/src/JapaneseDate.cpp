#include "meibo/forms/JapaneseDate.h"

#include "meibo/core/Error.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <map>
#include <memory>
#include <stdexcept>

namespace meibo::forms {

namespace {

/// ICU's calendar and formatter, made once per thread (making them costs about half a millisecond,
/// which a 1,000-person roster paid for every birth date), and the dates already formatted.
struct Formatter {
    std::unique_ptr<icu::Calendar> gregorian;
    std::unique_ptr<icu::SimpleDateFormat> format;
    std::map<int, std::string> done;

    Formatter()
    {
        UErrorCode status = U_ZERO_ERROR;
        gregorian.reset(icu::Calendar::createInstance(*icu::TimeZone::getGMT(), icu::Locale("en_US"), status));
        format = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8("Gy年M月d日"),
                                                         icu::Locale("ja_JP@calendar=japanese"), status);
        if (U_FAILURE(status) || !gregorian)
            throw core::Error(core::ErrorCode::Internal, "ICU cannot format Japanese-era dates");
        format->setTimeZone(*icu::TimeZone::getGMT());
    }
};

} // namespace

std::string japaneseDate(const core::Date& date)
{
    thread_local Formatter f;
    const int y = static_cast<int>(date.year());
    const int m = static_cast<int>(static_cast<unsigned>(date.month()));
    const int d = static_cast<int>(static_cast<unsigned>(date.day()));
    const int key = y * 10000 + m * 100 + d;
    if (auto it = f.done.find(key); it != f.done.end())
        return it->second;
    // The era and year come from ICU's Japanese calendar; the day is taken at noon UTC so no time
    // zone can move it.
    UErrorCode status = U_ZERO_ERROR;
    f.gregorian->clear();
    f.gregorian->set(y, m - 1, d, 12, 0, 0);
    const UDate when = f.gregorian->getTime(status);
    if (U_FAILURE(status))
        throw core::Error(core::ErrorCode::Internal, "ICU cannot format Japanese-era dates");
    icu::UnicodeString text;
    f.format->format(when, text);
    std::string out;
    text.toUTF8String(out);
    f.done.emplace(key, out);
    return out;
}

} // namespace meibo::forms
