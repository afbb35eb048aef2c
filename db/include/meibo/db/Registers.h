#pragma once

#include "meibo/core/Registers.h"
#include "meibo/db/Vault.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meibo::db {

/// The evidence registers (training, software, cloud, incident, information, audit): entries are
/// added, edited and ended — never deleted — each in one transaction with its audit entry.
class Registers {
public:
    explicit Registers(Vault& vault);

    /// Checks the fields for the kind (and, for training, that the person's label is on the
    /// contract's roster at some time); returns the new entry's id.
    std::int64_t add(const std::string& kind, std::int64_t contractId, std::map<std::string, std::string> fields);
    /// Several entries of one kind at once (a training's participants): all or none, each checked
    /// as `add` checks it; returns their ids in order.
    std::vector<std::int64_t> addAll(const std::string& kind, std::int64_t contractId,
                                     std::vector<std::map<std::string, std::string>> entries);
    /// Changes the named fields (an empty value clears an optional field).
    void edit(std::int64_t id, const std::map<std::string, std::string>& changes);
    /// Marks the entry over on `on` (software removed, service stopped, incident closed …).
    void end(std::int64_t id, const core::Date& on, const std::string& note);
    core::RegisterEntry get(std::int64_t id) const;
    /// Entries of one kind ("" = every kind) of a contract, oldest first.
    std::vector<core::RegisterEntry> list(std::int64_t contractId, const std::string& kind = {}) const;

    /// Dates the contract's software entries from an end-of-life list: all or nothing; returns the
    /// matches written.
    std::vector<core::EolMatch> importEol(std::int64_t contractId, const core::EolImport& eol);

private:
    Vault& m_vault;
};

} // namespace meibo::db
