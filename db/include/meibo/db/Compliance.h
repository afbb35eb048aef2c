#pragma once

#include "meibo/core/Model.h"
#include "meibo/db/Vault.h"

#include <map>
#include <optional>
#include <string>

namespace meibo::db {

/// The compliance methods of a contract (clause 1's 確認書類): for "1" the security structure and
/// for each of "2" … "17" how the company complies. Kept with effective dates: once the ministry
/// has agreed to the contract's structure (the roster consent date), they change only through a
/// change set, like the roster.
class Compliance {
public:
    explicit Compliance(Vault& vault);

    /// The methods in force on `asOf` (the latest when no day is given), by item.
    std::map<std::string, std::string> methods(std::int64_t contractId, std::optional<core::Date> asOf = {}) const;
    /// Sets (or clears, with "") one item's method directly; refused once agreed (use a change set).
    void set(std::int64_t contractId, const std::string& item, const std::string& method);

private:
    Vault& m_vault;
};

/// "1" … "17": the items a method may be written for.
bool isComplianceItem(const std::string& item);

} // namespace meibo::db
