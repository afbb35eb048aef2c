#include "meibo/forms/JapaneseDate.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <memory>
#include <stdexcept>

namespace meibo::forms {

std::string japaneseDate(const core::Date& date)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale("ja_JP@calendar=japanese");
    // The era and year come from ICU's Japanese calendar; the day is taken at noon UTC so no time
    // zone can move it.
    std::unique_ptr<icu::Calendar> gregorian(icu::Calendar::createInstance(*icu::TimeZone::getGMT(), icu::Locale("en_US"), status));
    gregorian->clear();
    gregorian->set(static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())) - 1,
                   static_cast<int>(static_cast<unsigned>(date.day())), 12, 0, 0);
    const UDate when = gregorian->getTime(status);
    icu::SimpleDateFormat format(icu::UnicodeString::fromUTF8("Gy年M月d日"), locale, status);
    format.setTimeZone(*icu::TimeZone::getGMT());
    if (U_FAILURE(status))
        throw std::runtime_error("ICU cannot format Japanese-era dates");
    icu::UnicodeString text;
    format.format(when, text);
    std::string out;
    text.toUTF8String(out);
    return out;
}

} // namespace meibo::forms
