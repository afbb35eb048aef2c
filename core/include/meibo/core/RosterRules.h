#pragma once

#include "meibo/core/Model.h"

#include <vector>

namespace meibo::core {

/// What the roster rules look at for one contract.
struct RosterFacts {
    Contract contract;
    Date asOf{};
    std::vector<RosterEntry> roster;      ///< on the roster on `asOf`, person data as of that day
    std::vector<RosterEntry> assignments; ///< every assignment ever, for rules over the whole period
    std::vector<SubcontractorLink> subcontractors;
};

/// The form-4 and structure rules (ids in docs/cli.md): one responsible person every day of the
/// period, passport and nationality (※4), deferred address and birth date (※5), subcontractors,
/// reporting lines, clause-4 disclosure, stated need, one passport number per person. Each finding says how to fix it.
std::vector<Finding> checkRoster(const RosterFacts& facts);

/// "D 山田花子" — how findings name a person.
std::string subjectOf(const RosterEntry& entry);

} // namespace meibo::core
