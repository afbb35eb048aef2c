#pragma once

#include "meibo/core/ChangeSet.h"
#include "meibo/db/Vault.h"

#include <vector>

namespace meibo::db {

/// Change sets (変更届) in the registry: created as drafts, filled, then moved through the lawful
/// order; every transition is one transaction with an audit entry holding the set as it is then.
class ChangeSets {
public:
    explicit ChangeSets(Vault& vault);

    std::int64_t create(std::int64_t contractId, const core::Date& effective, const std::string& reason, bool late);
    core::ChangeSet get(std::int64_t id) const;
    std::vector<core::ChangeSet> list(std::int64_t contractId) const;

    /// Adds changes to a draft. Each is checked against the roster on the effective day: an
    /// incoming label must be free, a leaving or changed label must be on it.
    void addItems(std::int64_t id, const std::vector<core::ChangeItem>& items);

    /// Also refuses when another submitted or consented set of the contract touches the same people.
    void submit(std::int64_t id, const core::Date& on, const std::string& how);
    void consent(std::int64_t id, const core::Date& on, const std::string& by);
    void reject(std::int64_t id, const core::Date& on, const std::string& reason);
    void withdraw(std::int64_t id, const core::Date& on);
    /// Makes the consented changes part of the roster from workflow::applyDate; returns that day.
    core::Date apply(std::int64_t id);

    /// The roster on the day the set takes effect, without and with it (computed, never stored).
    struct Preview {
        core::Date on{};
        std::vector<core::RosterEntry> before;
        std::vector<core::RosterEntry> after;
    };
    Preview preview(std::int64_t id);

private:
    Vault& m_vault;
};

} // namespace meibo::db
