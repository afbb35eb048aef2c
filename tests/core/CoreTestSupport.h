#pragma once

// Fixtures shared by the core tests: dates and a clean roster that tests break one thing at a time.

#include "meibo/core/RosterRules.h"

#include <string>

namespace meibo::core::test {

inline Date d(int y, unsigned m, unsigned dd)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{dd}};
}

/// A person with every field form 4 and clause 4 ask for, on the roster from 2026-04-01.
inline RosterEntry cleanEntry(const std::string& label, Role role, const std::string& reportsTo = {})
{
    RosterEntry e;
    e.label = label;
    e.role = role;
    e.reportsTo = reportsTo;
    e.person.name = "Person " + label;
    e.person.address = "東京都千代田区";
    e.person.birthDate = d(1980, 1, 1);
    e.person.department = "調査部";
    e.person.nationality = "JP";
    e.person.residenceStatus = ResidenceStatus::Japanese;
    e.person.trackRecord = "調査10件";
    e.need = "調査を担当";
    e.qualifications = 1;
    e.validFrom = d(2026, 4, 1);
    return e;
}

/// A clean two-person roster (A responsible, B manager under A) on 2026-06-01 of a one-year contract.
inline RosterFacts cleanRosterFacts()
{
    RosterFacts f;
    f.contract.code = "C1";
    f.contract.start = d(2026, 4, 1);
    f.contract.end = d(2027, 3, 31);
    f.asOf = d(2026, 6, 1);
    f.roster = {cleanEntry("A", Role::Responsible), cleanEntry("B", Role::Manager, "A")};
    f.assignments = f.roster;
    return f;
}

} // namespace meibo::core::test
