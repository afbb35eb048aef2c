#pragma once

#include "meibo/core/Calendar.h"
#include "meibo/core/Model.h"
#include "meibo/db/Vault.h"

#include <vector>

namespace meibo::db {

/// Every rule over one contract on a day: roster and structure, change sets, report schedule and
/// the evidence registers — what `meibo-cli check` prints and the GUI's dashboard counts.
std::vector<core::Finding> checkContract(Vault& vault, const core::Contract& contract, const core::Date& asOf);

/// A date the officer must act by.
struct Deadline {
    std::string contract;
    std::string kind; ///< "report", "change-consent", "contract-end"
    core::Date due{};
    std::string what;
    std::string whatJa;             ///< the same in Japanese
    std::int64_t changeSetId = 0;   ///< for "change-consent"
};
/// Per contract: the next status report not yet final, change sets waiting for consent (their
/// effective day), and the contract's end (return and deletion of information), soonest first.
std::vector<Deadline> upcomingDeadlines(Vault& vault, const core::Date& asOf);

/// The deadlines as calendar events (summary in Japanese with the contract's code, the English
/// sentence as the description; uids stable across exports), for core::icsCalendar.
std::vector<core::CalendarEvent> deadlineEvents(const std::vector<Deadline>& deadlines);

} // namespace meibo::db
