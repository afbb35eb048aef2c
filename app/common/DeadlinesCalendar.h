#pragma once

#include "meibo/core/Date.h"
#include "meibo/db/Checks.h"

#include <string>
#include <vector>

namespace meibo::app {

/// The deadlines due within `withinDays` of `today` (all of them when negative), soonest first.
std::vector<db::Deadline> deadlinesWithin(db::Vault& vault, const core::Date& today, int withinDays = -1);

/// Writes `deadlines` to `path` as an iCalendar file (core::icsCalendar over db::deadlineEvents):
/// 0600, through a temporary file renamed over the target; throws core::Error (Io) with a sentence,
/// leaving nothing behind. What `meibo-cli deadlines --ics` and the GUI's File menu write.
void writeDeadlinesIcs(const std::string& path, const std::vector<db::Deadline>& deadlines);

} // namespace meibo::app
