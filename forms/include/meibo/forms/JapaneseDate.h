#pragma once

#include "meibo/core/Date.h"

#include <string>

namespace meibo::forms {

/// A date in the Japanese era as documents print it (令和8年11月25日; the first year of an era is
/// 元年), through ICU's Japanese calendar.
std::string japaneseDate(const core::Date& date);

} // namespace meibo::forms
