#pragma once

#include "meibo/db/SecureBuffer.h"

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include <string>

namespace meibo::db {

/// The audit log: one row per change, written in the change's own transaction, each row's hash
/// (keyed BLAKE2b-256) covering the previous row's hash, so an edited, inserted or deleted entry
/// breaks the chain. The head (last sequence number and hash) is kept in `meta` as well, so that
/// cutting entries off the end is found too.
class AuditLog {
public:
    AuditLog(SQLite::Database& db, const SecureBuffer& key, std::string officer, std::string osUser,
             std::string keySlot);

    /// Appends one entry; call inside the write transaction of the change it records.
    void append(const std::string& action, const std::string& entity, const nlohmann::json& before,
                const nlohmann::json& after);

    struct Verification {
        bool ok = true;
        std::int64_t entries = 0;
        std::string problem; ///< the first broken link, in words
    };
    static Verification verify(SQLite::Database& db, const SecureBuffer& key);

private:
    SQLite::Database& m_db;
    const SecureBuffer& m_key;
    std::string m_officer, m_osUser, m_keySlot;
};

} // namespace meibo::db
