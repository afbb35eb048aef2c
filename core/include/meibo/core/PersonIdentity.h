#pragma once

// Who a row is, and which days of a person's record may still change: the two rules that keep the
// record of who could handle what on which day from being rewritten. db asks them on every path
// that writes a person (import, `person set`, the GUI, change sets); they live here once.

#include "meibo/core/Model.h"
#include "meibo/core/RosterCsv.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace meibo::core {

/// A registered person as the identity rule sees them.
struct KnownPerson {
    std::int64_t id = 0;
    PersonData person;                  ///< their latest record
    std::vector<std::string> contracts; ///< codes of the contracts they are on (for messages)
};

/// The answer of the identity rule: a new person, or this registered one.
struct Identity {
    bool isNew = true;
    std::int64_t personId = 0;
};

/// What an import or a joining row may be matched against.
struct IdentityCandidates {
    /// The person holding the row's label on this contract over an overlapping period, if any.
    std::optional<KnownPerson> labelHolder;
    /// The person named by the row's person_id column, when it has one (nullopt: no such person).
    std::optional<KnownPerson> byId;
    /// Registered people with the row's name and (non-empty) date of birth, the label holder excepted.
    std::vector<KnownPerson> sameNameAndBirth;
};

/// The identity rule. A row is an existing person only when that is unmistakable:
/// - its person_id names them (and the label, if held on this contract, is theirs); or
/// - it holds the label of the same person on this contract: the same name, and the same date of
///   birth where both have one (a date filled in later, ※5, is the same person);
/// - a registered person with the same name and date of birth on other contracts is linked only
///   when `linkExisting` says so, or the person_id column names them: otherwise refused, offering
///   both ways. Without a date of birth nobody is merged.
/// A label that now names somebody else is refused with a sentence that names both people and
/// says how to end one and add the other. Throws Error(InvalidInput) in English and Japanese.
Identity identify(const ImportRow& row, const IdentityCandidates& candidates, bool linkExisting,
                  const std::string& contractCode);

/// The same name and date of birth: the test the rule applies (names compared after tidying).
bool samePerson(const PersonData& a, const PersonData& b);

/// A stretch of days on which a roster the ministry agreed to showed the person.
struct AgreedShowing {
    std::int64_t contractId = 0;
    std::string contractCode;
    Date consentedOn{};
    std::optional<Date> from; ///< the assignment's first day (open = since the beginning)
    std::optional<Date> to;   ///< its last day (open = still on it)
};

/// The history rule: nothing rewrites a day on which an agreed roster showed the person. Throws
/// Error(IllegalState) when changing their record over [from, to] (an open end unbounded) would,
/// naming the contract whose consent blocks it and what to do instead. `changingContract`: the
/// contract whose own consented change set makes the change (its roster may change that way).
void requireHistoryOpen(const std::string& personName, const std::vector<AgreedShowing>& showings,
                        const std::optional<Date>& from, const std::optional<Date>& to,
                        std::optional<std::int64_t> changingContract = std::nullopt);

} // namespace meibo::core
