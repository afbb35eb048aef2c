#pragma once

#include "meibo/db/Vault.h"

#include <SQLiteCpp/Database.h>

namespace meibo::db {

/// The db library's own door into an open Vault: repositories and migrations use it; nothing
/// outside db/ (and its tests) includes this header.
class VaultAccess {
public:
    static SQLite::Database& database(Vault& vault);
    static const SQLite::Database& database(const Vault& vault);
    /// Call before the first write of a transaction: refuses on read-only opens and writes the
    /// day's backup first.
    static void beforeWrite(Vault& vault);
    /// The key of the audit chain (subkey 3 of the data key).
    static const SecureBuffer& auditKey(Vault& vault);
};

/// Translates an SQLite failure into a sentence for the user (disk full, read-only, damaged …).
[[noreturn]] void rethrowSqlite(const std::exception& e, std::string_view doing);

} // namespace meibo::db
