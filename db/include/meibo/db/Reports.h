#pragma once

#include "meibo/core/Report.h"
#include "meibo/db/Vault.h"

#include <optional>
#include <vector>

namespace meibo::db {

/// Status reports (実施状況報告書) in the registry. A final report is frozen: changing it makes a new
/// draft revision and both are kept. Every write is one transaction with its audit entry.
class Reports {
public:
    explicit Reports(Vault& vault);

    /// A draft for the contract's period that ends on `periodEnd` (the scheduled period containing
    /// that day gives the start), starting from the answers of the latest earlier report. Refused
    /// when the period already has a report (its id is named) or the day is outside the contract.
    std::int64_t create(std::int64_t contractId, const core::Date& periodEnd);
    core::StatusReport get(std::int64_t id) const;
    /// Every report and revision of the contract, by period then revision.
    std::vector<core::StatusReport> list(std::int64_t contractId) const;

    struct SetResult {
        std::int64_t reportId = 0; ///< the report that changed: a new revision when `id` was final
        bool newRevision = false;
    };
    /// Sets one item, written as core::parseReportItem reads it ("15.1" or "15)(1)"); an unknown item
    /// is refused before anything is read or written. On a final report the change goes into its
    /// open draft revision, made now if there is none.
    SetResult set(std::int64_t id, const std::string& item, core::ItemStatus status, const std::string& text);
    /// Finalizes, recording the registry's audit-chain head; throws listing every gap.
    void finalize(std::int64_t id, const core::Date& on);
    /// A new draft revision of a final report (the existing open revision if there is one).
    std::int64_t revise(std::int64_t id);

private:
    Vault& m_vault;
};

} // namespace meibo::db
