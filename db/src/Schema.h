#pragma once

#include <SQLiteCpp/Database.h>

#include <functional>

namespace meibo::db {

/// The schema version this build writes; PRAGMA user_version holds the registry's.
int latestSchemaVersion();

/// Applies every migration above the registry's version, each in its own transaction.
/// `beforeFirst` runs once before the first one (the Vault writes its backup there).
void migrate(SQLite::Database& db, const std::function<void(int from, int to)>& beforeFirst);

} // namespace meibo::db
