#pragma once

#include "VaultHeader.h"

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace meibo::db::vfs {

/// The page key of one registry file and the file id that every page's associated data carries.
struct PageKey {
    FileId fileId{};
    SecureBuffer key; // XChaCha20-Poly1305 key, subkey 2 of the data key
};

/// Registers the page key for a database file. The shim looks keys up by the full path SQLite
/// hands it (and strips "-journal" for the rollback journal): keys never travel in a file name or URI.
void registerKey(const std::string& fullPath, std::shared_ptr<const PageKey> key);
void unregisterKey(const std::string& fullPath);

/// Registers (once) the encrypting VFS over `lowerVfs` (nullptr = the system default) and returns
/// its name, for sqlite3_open_v2.
const char* shimName(const char* lowerVfs = nullptr);

/// The full path of `path` as the lower VFS spells it (what xOpen will receive).
std::string fullPathname(const char* lowerVfs, const std::string& path);

/// The last page that failed authentication on this thread, for error messages.
struct AuthFailure {
    std::string path;
    bool journal = false;
    std::uint64_t location = 0; // page number (main file) or byte offset (journal)
};
std::optional<AuthFailure> lastAuthFailure();
void clearLastAuthFailure();

/// Checks the tag of every page of an open registry on a second thread while the connection reads
/// on (the open runs quick_check meanwhile). Until finish(), that connection's page reads decrypt
/// without checking tags themselves: the open must fail when finish() reports a problem. Construct
/// it inside the read transaction that holds the file still.
///
/// Two kinds of page are not SQLite's data and are not held against the file: the lock-byte page
/// (SQLite never writes it; it is a hole at the 1 GiB offset) and free-list leaf pages, named by the
/// authenticated free-list trunk pages. SQLite reuses a free page without journaling its old
/// content, so a power cut in the middle of that write leaves it torn after the rollback.
class ParallelPageCheck {
public:
    ParallelPageCheck(sqlite3* db, const char* lowerVfs);
    ~ParallelPageCheck();
    ParallelPageCheck(const ParallelPageCheck&) = delete;
    ParallelPageCheck& operator=(const ParallelPageCheck&) = delete;
    /// Waits for the check; nullopt when every page that holds data is intact, else a sentence
    /// naming the first bad one.
    std::optional<std::string> finish();
    /// After finish(): the free-list leaf pages that failed authentication (see resealFreePages).
    const std::vector<std::uint64_t>& damagedFreePages() const { return m_freeBad; }

private:
    sqlite3* m_db;
    std::thread m_thread;
    std::optional<std::string> m_problem;
    std::uint64_t m_badPage = 0;
    std::vector<std::uint64_t> m_bad;     // every page that failed, in order (filled by the thread)
    std::vector<std::uint64_t> m_freeBad; // those of them that are free-list leaves
};

/// Writes a sealed page of zeros over each of these free-list leaf pages of an open registry, then
/// syncs. The caller holds an exclusive lock (BEGIN EXCLUSIVE). Returns an SQLite result code.
int resealFreePages(sqlite3* db, const std::vector<std::uint64_t>& pages);

/// The page number SQLite reserves for its lock bytes (the page at PENDING_BYTE, 1 GiB): SQLite
/// never writes it, so it is never sealed.
std::uint64_t lockBytePage();

/// Before SQLite opens the file: its size is the header plus whole pages, page 1 authenticates, and
/// the page count SQLite recorded in page 1 is there. Skip it while a hot journal is pending (the
/// rollback may still change all three). Returns a sentence naming the problem, or nullopt.
std::optional<std::string> precheckMainFile(const char* lowerVfs, const std::string& path, const PageKey& key);

/// Checks the rollback journal an interrupted writer left: every page record that SQLite would play
/// back must authenticate. Returns nullopt when the journal is absent or sound, else a sentence
/// naming the byte offset of the first bad record. Torn records past the counted ones are ignored,
/// as SQLite ignores them.
std::optional<std::string> checkHotJournal(const char* lowerVfs, const std::string& journalPath,
                                           const PageKey& key);

/// Seals / opens one 4096-byte page image in place (used by the shim and by tests).
void sealPage(std::uint8_t* page, char domain, const FileId& fileId, std::uint64_t location, const SecureBuffer& key);
/// Same, with the nonce given (only ever for the same plaintext it sealed before), or fresh when null.
void sealPageWithNonce(std::uint8_t* page, char domain, const FileId& fileId, std::uint64_t location,
                       const SecureBuffer& key, const std::uint8_t* nonceToReuse);
/// Decrypts without checking the tag (only while a ParallelPageCheck checks it).
void decryptUnchecked(const std::uint8_t* sealed, std::uint8_t* plain, const SecureBuffer& key);
/// Checks a sealed page's tag without decrypting it.
bool verifyPage(const std::uint8_t* sealed, char domain, const FileId& fileId, std::uint64_t location,
                const SecureBuffer& key);
bool openPage(const std::uint8_t* sealed, std::uint8_t* plain, char domain, const FileId& fileId,
              std::uint64_t location, const SecureBuffer& key);

} // namespace meibo::db::vfs
