#pragma once

#include "TestSupport.h"
#include "VaultAccess.h"

#include "meibo/core/Error.h"
#include "meibo/db/Vault.h"

#include <functional>
#include <string>

namespace meibo::test {

inline const std::string kPass = "correct horse battery staple";

/// A registry with the tests' cheap KDF; returns the recovery key.
std::string createVault(const std::string& path, const std::string& lowerVfs = {});
db::Vault openVault(const std::string& path, const std::string& pass = kPass, db::OpenOptions options = {});

/// Appends `count` rows of `text` to a test table (created on first use), in one transaction.
void insertRows(db::Vault& vault, int count, const std::string& text);
std::int64_t countRows(db::Vault& vault);

/// The core::Error `fn` throws (fails the test when it throws nothing or something else).
core::Error captureError(const std::function<void()>& fn);

} // namespace meibo::test

namespace meibo::test {
/// Leaves `path` as a writer killed mid-transaction leaves it: a child process inserts `rows` rows of
/// `text` with a tiny page cache (so changed pages spill into the file under a synced journal) and
/// exits without committing. Returns true when a journal was left behind.
bool leaveHotJournal(const std::string& path, int rows, const std::string& text);
}
