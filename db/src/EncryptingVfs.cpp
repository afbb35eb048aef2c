// The encrypting VFS shim: SQLite's pages are sealed one by one with XChaCha20-Poly1305 on their
// way to the system VFS, so SQLite keeps its own locking, journaling and durability.
// docs/vault-format.md describes the bytes; docs/architecture.md why it is shaped this way.

#include "EncryptingVfs.h"

#include "Sodium.h"

#include <cstring>
#include <map>
#include <mutex>
#include <new>
#include <set>
#include <thread>
#include <vector>

namespace meibo::db::vfs {

namespace {

constexpr char kDomainPage = 'P';
constexpr char kDomainJournal = 'J';
constexpr std::uint8_t kJournalMagic[8] = {0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7};

// ---- key table --------------------------------------------------------------------------------

std::mutex& keyMutex()
{
    static std::mutex m;
    return m;
}
std::map<std::string, std::shared_ptr<const PageKey>>& keyTable()
{
    static std::map<std::string, std::shared_ptr<const PageKey>> t;
    return t;
}
std::shared_ptr<const PageKey> findKey(const std::string& path)
{
    std::lock_guard lock(keyMutex());
    auto it = keyTable().find(path);
    return it == keyTable().end() ? nullptr : it->second;
}

thread_local std::optional<AuthFailure> t_lastFailure;

// ---- sealing ----------------------------------------------------------------------------------

std::array<std::uint8_t, 1 + kFileIdSize + 8> associatedData(char domain, const FileId& fileId, std::uint64_t loc)
{
    std::array<std::uint8_t, 1 + kFileIdSize + 8> ad{};
    ad[0] = static_cast<std::uint8_t>(domain);
    std::memcpy(ad.data() + 1, fileId.data(), kFileIdSize);
    for (int i = 0; i < 8; ++i)
        ad[1 + kFileIdSize + i] = static_cast<std::uint8_t>(loc >> (8 * i));
    return ad;
}

std::uint32_t readBe32(const std::uint8_t* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

// ---- the shim's file object -------------------------------------------------------------------

/// Per page: the nonce and tag it has on disk now, and those it had when the current write
/// transaction began. Writing back the same plaintext (a rollback, an unchanged page) reuses that
/// nonce, so the bytes on disk come back exactly as they were. Whether the plaintext is the same is
/// decided by sealing it with the remembered nonce and comparing the tag: equal tags mean equal
/// plaintext (a Poly1305 collision is negligible), and a candidate that differs is thrown away
/// unwritten, so one nonce never seals two different plaintexts on disk.
struct PageMemo {
    std::array<std::uint8_t, kReservedBytes> current{};
    std::array<std::uint8_t, kReservedBytes> base{};
    std::uint64_t currentEpoch = 0; // the write transaction that last wrote `current`
    bool hasCurrent = false;
    bool hasBase = false;
};

struct ShimFile {
    sqlite3_file base;   // must be first: SQLite sees a ShimFile as a sqlite3_file
    sqlite3_file* real;  // the lower VFS's file, allocated right after this struct
    sqlite3_vfs* lower = nullptr;
    std::shared_ptr<const PageKey> key;
    std::string path;
    std::int64_t journalHeader = 0; // offset of the journal header SQLite read last
    int lockLevel = SQLITE_LOCK_NONE;
    std::uint64_t txEpoch = 1;      // counts write transactions (RESERVED locks taken)
    bool tagsCheckedElsewhere = false;
    std::vector<PageMemo> memo;     // by page index

    PageMemo& memoFor(std::uint64_t index)
    {
        if (index >= memo.size())
            memo.resize(static_cast<std::size_t>(index + 1 + index / 4));
        return memo[static_cast<std::size_t>(index)];
    }
};

constexpr std::size_t realOffset() { return (sizeof(ShimFile) + 15) & ~std::size_t{15}; }

sqlite3_vfs* lowerOf(sqlite3_vfs* vfs) { return static_cast<sqlite3_vfs*>(vfs->pAppData); }
ShimFile* shim(sqlite3_file* f) { return reinterpret_cast<ShimFile*>(f); }

void noteFailure(const ShimFile* f, bool journal, std::uint64_t location)
{
    t_lastFailure = AuthFailure{f->path, journal, location};
}

int shimClose(sqlite3_file* file)
{
    ShimFile* f = shim(file);
    int rc = SQLITE_OK;
    if (f->real->pMethods)
        rc = f->real->pMethods->xClose(f->real);
    f->~ShimFile();
    return rc;
}

bool hotJournalBeside(const ShimFile* f)
{
    int exists = 0;
    const std::string journal = f->path + "-journal";
    return f->lower && f->lower->xAccess(f->lower, journal.c_str(), SQLITE_ACCESS_EXISTS, &exists) == SQLITE_OK &&
           exists;
}

// Reads and opens page `index` (0-based) of the main file into `plain`.
// Returns SQLITE_OK, SQLITE_IOERR_SHORT_READ (page wholly past the end: zeros), or an error.
int readMainPage(ShimFile* f, std::uint64_t index, std::uint8_t* plain)
{
    std::uint8_t sealed[kPageSize];
    const sqlite3_int64 offset = static_cast<sqlite3_int64>(kHeaderSize + index * kPageSize);
    int rc = f->real->pMethods->xRead(f->real, sealed, kPageSize, offset);
    if (rc == SQLITE_IOERR_SHORT_READ) {
        sqlite3_int64 size = 0;
        if (f->real->pMethods->xFileSize(f->real, &size) == SQLITE_OK && size <= offset) {
            std::memset(plain, 0, kPageSize);
            return SQLITE_IOERR_SHORT_READ;
        }
        noteFailure(f, false, index + 1); // a page cut short: the file was truncated mid-page
        return SQLITE_IOERR_DATA;
    }
    if (rc != SQLITE_OK)
        return rc;
    if (index == 0 && f->lockLevel == SQLITE_LOCK_NONE && !f->tagsCheckedElsewhere &&
        !verifyPage(sealed, kDomainPage, f->key->fileId, 1, f->key->key) && hotJournalBeside(f)) {
        // SQLite peeks at page 1's first 100 bytes while opening, before it takes a lock and plays
        // a hot journal back. After a power cut in the middle of writing page 1 that page is torn
        // and the journal holds its old image. The peek only guesses the page size, and SQLite
        // reads page 1 again (authenticated) once the rollback is done: answer it with zeros, which
        // SQLite takes for "no header yet", instead of failing the open and losing the rollback.
        std::memset(plain, 0, kPageSize);
        return SQLITE_OK;
    }
    if (f->tagsCheckedElsewhere) {
        // During the open only: a ParallelPageCheck is checking every tag on the other core, and
        // the open fails unless it finds them all intact.
        decryptUnchecked(sealed, plain, f->key->key);
    } else if (!openPage(sealed, plain, kDomainPage, f->key->fileId, index + 1, f->key->key)) {
        // A page of zeros (never written, or zeroed) fails authentication like any other damage.
        noteFailure(f, false, index + 1);
        return SQLITE_IOERR_DATA;
    }
    PageMemo& memo = f->memoFor(index);
    std::memcpy(memo.current.data(), sealed + kSealedBytes, kReservedBytes);
    memo.hasCurrent = true;
    return SQLITE_OK;
}

int mainRead(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset)
{
    ShimFile* f = shim(file);
    auto* dst = static_cast<std::uint8_t*>(out);
    bool shortRead = false;
    std::uint8_t plain[kPageSize];
    std::int64_t pos = offset;
    const std::int64_t end = offset + amount;
    while (pos < end) {
        const std::uint64_t index = static_cast<std::uint64_t>(pos) / kPageSize;
        const std::int64_t inPage = pos % kPageSize;
        const std::int64_t n = std::min<std::int64_t>(kPageSize - inPage, end - pos);
        const int rc = readMainPage(f, index, plain);
        if (rc == SQLITE_IOERR_SHORT_READ)
            shortRead = true;
        else if (rc != SQLITE_OK)
            return rc;
        std::memcpy(dst + (pos - offset), plain + inPage, static_cast<std::size_t>(n));
        pos += n;
    }
    sodium_memzero(plain, sizeof plain);
    return shortRead ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

int mainWrite(sqlite3_file* file, const void* in, int amount, sqlite3_int64 offset)
{
    ShimFile* f = shim(file);
    const auto* src = static_cast<const std::uint8_t*>(in);
    std::uint8_t page[kPageSize];
    std::int64_t pos = offset;
    const std::int64_t end = offset + amount;
    while (pos < end) {
        const std::uint64_t index = static_cast<std::uint64_t>(pos) / kPageSize;
        const std::int64_t inPage = pos % kPageSize;
        const std::int64_t n = std::min<std::int64_t>(kPageSize - inPage, end - pos);
        if (n != kPageSize) {
            // Smaller than a page (crash simulators, other VFS layers): read, modify, reseal.
            const int rc = readMainPage(f, index, page);
            if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
                return rc;
        }
        std::memcpy(page + inPage, src + (pos - offset), static_cast<std::size_t>(n));
        PageMemo& memo = f->memoFor(index);
        if (memo.currentEpoch != f->txEpoch) {
            memo.base = memo.current; // the page as it was before this transaction's first write
            memo.hasBase = memo.hasCurrent;
            memo.currentEpoch = f->txEpoch;
        }
        bool sealed = false;
        for (const auto* candidate : {memo.hasBase ? &memo.base : nullptr, memo.hasCurrent ? &memo.current : nullptr}) {
            if (!candidate || sealed)
                continue;
            std::uint8_t trial[kPageSize];
            std::memcpy(trial, page, kSealedBytes);
            sealPageWithNonce(trial, kDomainPage, f->key->fileId, index + 1, f->key->key, candidate->data());
            if (sodium_memcmp(trial + kSealedBytes, candidate->data(), kReservedBytes) == 0) {
                std::memcpy(page, trial, kPageSize);
                sealed = true;
            }
            sodium_memzero(trial, kSealedBytes);
        }
        if (!sealed)
            sealPage(page, kDomainPage, f->key->fileId, index + 1, f->key->key);
        std::memcpy(memo.current.data(), page + kSealedBytes, kReservedBytes);
        memo.hasCurrent = true;
        const int rc = f->real->pMethods->xWrite(f->real, page, kPageSize,
                                                 static_cast<sqlite3_int64>(kHeaderSize + index * kPageSize));
        if (rc != SQLITE_OK)
            return rc;
        pos += n;
    }
    return SQLITE_OK;
}

int mainTruncate(sqlite3_file* file, sqlite3_int64 size)
{
    ShimFile* f = shim(file);
    return f->real->pMethods->xTruncate(f->real, size + kHeaderSize);
}

int mainFileSize(sqlite3_file* file, sqlite3_int64* size)
{
    ShimFile* f = shim(file);
    sqlite3_int64 real = 0;
    const int rc = f->real->pMethods->xFileSize(f->real, &real);
    *size = real > kHeaderSize ? real - kHeaderSize : 0;
    return rc;
}

// Journal page images are sealed with their byte offset in the journal as associated data. A record
// that fails authentication comes back as filler that SQLite's own record checksum rejects, so a torn
// record ends playback exactly as it does for plain SQLite instead of making the registry unopenable.
int journalRead(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset)
{
    ShimFile* f = shim(file);
    const int rc = f->real->pMethods->xRead(f->real, out, amount, offset);
    if (amount == 8 && rc == SQLITE_OK && std::memcmp(out, kJournalMagic, 8) == 0)
        f->journalHeader = offset;
    if (amount != static_cast<int>(kPageSize) || rc != SQLITE_OK)
        return rc;
    std::uint8_t sealed[kPageSize];
    std::memcpy(sealed, out, kPageSize);
    auto* plain = static_cast<std::uint8_t*>(out);
    if (openPage(sealed, plain, kDomainJournal, f->key->fileId, static_cast<std::uint64_t>(offset), f->key->key))
        return SQLITE_OK;
    noteFailure(f, true, static_cast<std::uint64_t>(offset));
    std::memset(plain, 0, kPageSize);
    // SQLite's checksum of a zero page is the header's nonce; make sure the stored checksum differs.
    std::uint8_t nonce[4] = {0, 0, 0, 0}, stored[4] = {0, 0, 0, 0};
    f->real->pMethods->xRead(f->real, nonce, 4, f->journalHeader + 12);
    f->real->pMethods->xRead(f->real, stored, 4, offset + kPageSize);
    if (readBe32(nonce) == readBe32(stored))
        plain[kPageSize - 200] = 1;
    return SQLITE_OK;
}

int journalWrite(sqlite3_file* file, const void* in, int amount, sqlite3_int64 offset)
{
    ShimFile* f = shim(file);
    if (amount != static_cast<int>(kPageSize))
        return f->real->pMethods->xWrite(f->real, in, amount, offset); // record headers, checksums
    std::uint8_t page[kPageSize];
    std::memcpy(page, in, kPageSize);
    sealPage(page, kDomainJournal, f->key->fileId, static_cast<std::uint64_t>(offset), f->key->key);
    return f->real->pMethods->xWrite(f->real, page, kPageSize, offset);
}

int passTruncate(sqlite3_file* file, sqlite3_int64 size)
{
    return shim(file)->real->pMethods->xTruncate(shim(file)->real, size);
}
int passFileSize(sqlite3_file* file, sqlite3_int64* size)
{
    return shim(file)->real->pMethods->xFileSize(shim(file)->real, size);
}
int passSync(sqlite3_file* file, int flags) { return shim(file)->real->pMethods->xSync(shim(file)->real, flags); }
int passLock(sqlite3_file* file, int level) { return shim(file)->real->pMethods->xLock(shim(file)->real, level); }
int passUnlock(sqlite3_file* file, int level)
{
    return shim(file)->real->pMethods->xUnlock(shim(file)->real, level);
}
int mainLock(sqlite3_file* file, int level)
{
    ShimFile* f = shim(file);
    const int rc = f->real->pMethods->xLock(f->real, level);
    if (rc == SQLITE_OK) {
        if (level >= SQLITE_LOCK_RESERVED && f->lockLevel < SQLITE_LOCK_RESERVED)
            ++f->txEpoch; // a write transaction begins
        f->lockLevel = std::max(f->lockLevel, level);
    }
    return rc;
}
int mainUnlock(sqlite3_file* file, int level)
{
    ShimFile* f = shim(file);
    const int rc = f->real->pMethods->xUnlock(f->real, level);
    f->lockLevel = std::min(f->lockLevel, level);
    return rc;
}
int passCheckReserved(sqlite3_file* file, int* out)
{
    return shim(file)->real->pMethods->xCheckReservedLock(shim(file)->real, out);
}

int shimFileControl(sqlite3_file* file, int op, void* arg)
{
    switch (op) {
    case SQLITE_FCNTL_SIZE_HINT:
    case SQLITE_FCNTL_CHUNK_SIZE:
        return SQLITE_OK; // growing the file ahead would leave zero gaps that fail authentication
    case SQLITE_FCNTL_MMAP_SIZE:
        if (arg)
            *static_cast<sqlite3_int64*>(arg) = 0; // every read must pass through the shim
        return SQLITE_OK;
    default:
        return shim(file)->real->pMethods->xFileControl(shim(file)->real, op, arg);
    }
}

// A 512-byte sector keeps SQLite's journal headers at 512 bytes, so a 4096-byte write to the
// journal is always a page image (with 4096-byte sectors the headers would be page-sized too).
int shimSectorSize(sqlite3_file*) { return 512; }
int shimDeviceCharacteristics(sqlite3_file*) { return SQLITE_IOCAP_POWERSAFE_OVERWRITE; }

const sqlite3_io_methods kMainMethods = {
    1, shimClose, mainRead, mainWrite, mainTruncate, passSync, mainFileSize, mainLock, mainUnlock,
    passCheckReserved, shimFileControl, shimSectorSize, shimDeviceCharacteristics,
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};

const sqlite3_io_methods kJournalMethods = {
    1, shimClose, journalRead, journalWrite, passTruncate, passSync, passFileSize, passLock, passUnlock,
    passCheckReserved, shimFileControl, shimSectorSize, shimDeviceCharacteristics,
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};

// ---- the VFS ----------------------------------------------------------------------------------

int shimOpen(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* outFlags)
{
    file->pMethods = nullptr;
    constexpr int kTypeMask = SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_TEMP_DB | SQLITE_OPEN_TRANSIENT_DB |
                              SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_TEMP_JOURNAL | SQLITE_OPEN_SUBJOURNAL |
                              SQLITE_OPEN_SUPER_JOURNAL | SQLITE_OPEN_WAL;
    const int type = flags & kTypeMask;
    // Only the registry and its rollback journal: temp files, statement journals and WAL would
    // put plaintext on disk (temp_store=MEMORY keeps SQLite from asking for them).
    if (!name || (type != SQLITE_OPEN_MAIN_DB && type != SQLITE_OPEN_MAIN_JOURNAL))
        return SQLITE_CANTOPEN;
    std::string dbPath = name;
    if (type == SQLITE_OPEN_MAIN_JOURNAL) {
        static const std::string kSuffix = "-journal";
        if (dbPath.size() <= kSuffix.size() || dbPath.compare(dbPath.size() - kSuffix.size(), kSuffix.size(), kSuffix))
            return SQLITE_CANTOPEN;
        dbPath.resize(dbPath.size() - kSuffix.size());
    }
    auto key = findKey(dbPath);
    if (!key)
        return SQLITE_AUTH; // no key registered for this file: never read it as plaintext

    sqlite3_vfs* lower = lowerOf(vfs);
    auto* f = new (file) ShimFile{};
    f->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + realOffset());
    std::memset(f->real, 0, static_cast<std::size_t>(lower->szOsFile));
    f->key = std::move(key);
    f->path = name;
    f->lower = lower;
    const int rc = lower->xOpen(lower, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        if (f->real->pMethods)
            f->real->pMethods->xClose(f->real);
        f->~ShimFile();
        file->pMethods = nullptr;
        return rc;
    }
    if (type == SQLITE_OPEN_MAIN_DB) {
        // The header must be there and name the same file id as the key.
        std::uint8_t head[20 + kFileIdSize];
        if (f->real->pMethods->xRead(f->real, head, sizeof head, 0) != SQLITE_OK ||
            std::memcmp(head, kMagic, sizeof kMagic) != 0 ||
            std::memcmp(head + 20, f->key->fileId.data(), kFileIdSize) != 0) {
            f->real->pMethods->xClose(f->real);
            f->~ShimFile();
            file->pMethods = nullptr;
            return SQLITE_NOTADB;
        }
    }
    file->pMethods = type == SQLITE_OPEN_MAIN_DB ? &kMainMethods : &kJournalMethods;
    return SQLITE_OK;
}

int shimDelete(sqlite3_vfs* vfs, const char* name, int syncDir)
{
    return lowerOf(vfs)->xDelete(lowerOf(vfs), name, syncDir);
}
int shimAccess(sqlite3_vfs* vfs, const char* name, int flags, int* out)
{
    return lowerOf(vfs)->xAccess(lowerOf(vfs), name, flags, out);
}
int shimFullPathname(sqlite3_vfs* vfs, const char* name, int n, char* out)
{
    return lowerOf(vfs)->xFullPathname(lowerOf(vfs), name, n, out);
}
void* shimDlOpen(sqlite3_vfs*, const char*) { return nullptr; } // no extensions, ever
void shimDlError(sqlite3_vfs*, int n, char* out)
{
    sqlite3_snprintf(n, out, "loadable extensions are disabled in Meibo registries");
}
void (*shimDlSym(sqlite3_vfs*, void*, const char*))(void) { return nullptr; }
void shimDlClose(sqlite3_vfs*, void*) {}
int shimRandomness(sqlite3_vfs* vfs, int n, char* out) { return lowerOf(vfs)->xRandomness(lowerOf(vfs), n, out); }
int shimSleep(sqlite3_vfs* vfs, int us) { return lowerOf(vfs)->xSleep(lowerOf(vfs), us); }
int shimCurrentTime(sqlite3_vfs* vfs, double* out) { return lowerOf(vfs)->xCurrentTime(lowerOf(vfs), out); }
int shimGetLastError(sqlite3_vfs* vfs, int n, char* out)
{
    return lowerOf(vfs)->xGetLastError ? lowerOf(vfs)->xGetLastError(lowerOf(vfs), n, out) : 0;
}
int shimCurrentTimeInt64(sqlite3_vfs* vfs, sqlite3_int64* out)
{
    sqlite3_vfs* lower = lowerOf(vfs);
    if (lower->iVersion >= 2 && lower->xCurrentTimeInt64)
        return lower->xCurrentTimeInt64(lower, out);
    double now = 0;
    const int rc = lower->xCurrentTime(lower, &now);
    *out = static_cast<sqlite3_int64>(now * 86400000.0);
    return rc;
}

struct Registered {
    sqlite3_vfs vfs;
    std::string name;
};

} // namespace

void sealPage(std::uint8_t* page, char domain, const FileId& fileId, std::uint64_t location, const SecureBuffer& key)
{
    sealPageWithNonce(page, domain, fileId, location, key, nullptr);
}

void sealPageWithNonce(std::uint8_t* page, char domain, const FileId& fileId, std::uint64_t location,
                       const SecureBuffer& key, const std::uint8_t* nonceToReuse)
{
    std::uint8_t* nonce = page + kSealedBytes;
    std::uint8_t* tag = nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    if (nonceToReuse)
        std::memcpy(nonce, nonceToReuse, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    else
        randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    const auto ad = associatedData(domain, fileId, location);
    crypto_aead_xchacha20poly1305_ietf_encrypt_detached(page, tag, nullptr, page, kSealedBytes, ad.data(), ad.size(),
                                                        nullptr, nonce, key.data());
}

// XChaCha20-Poly1305 (IETF) encrypts with the XChaCha20 keystream from block counter 1 (block 0
// keys Poly1305), so this is the AEAD's decryption without the tag check.
void decryptUnchecked(const std::uint8_t* sealed, std::uint8_t* plain, const SecureBuffer& key)
{
    crypto_stream_xchacha20_xor_ic(plain, sealed, kSealedBytes, sealed + kSealedBytes, 1, key.data());
    std::memset(plain + kSealedBytes, 0, kReservedBytes);
}

bool verifyPage(const std::uint8_t* sealed, char domain, const FileId& fileId, std::uint64_t location,
                const SecureBuffer& key)
{
    const std::uint8_t* nonce = sealed + kSealedBytes;
    const std::uint8_t* tag = nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    const auto ad = associatedData(domain, fileId, location);
    // With no output buffer libsodium checks the tag and stops: half the cost of decrypting.
    return crypto_aead_xchacha20poly1305_ietf_decrypt_detached(nullptr, nullptr, sealed, kSealedBytes, tag, ad.data(),
                                                               ad.size(), nonce, key.data()) == 0;
}

bool openPage(const std::uint8_t* sealed, std::uint8_t* plain, char domain, const FileId& fileId,
              std::uint64_t location, const SecureBuffer& key)
{
    const std::uint8_t* nonce = sealed + kSealedBytes;
    const std::uint8_t* tag = nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    const auto ad = associatedData(domain, fileId, location);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(plain, nullptr, sealed, kSealedBytes, tag, ad.data(),
                                                            ad.size(), nonce, key.data()) != 0) {
        std::memset(plain, 0, kPageSize);
        return false;
    }
    std::memset(plain + kSealedBytes, 0, kReservedBytes); // SQLite sees its reserved bytes as zero
    return true;
}

void registerKey(const std::string& fullPath, std::shared_ptr<const PageKey> key)
{
    std::lock_guard lock(keyMutex());
    keyTable()[fullPath] = std::move(key);
}

void unregisterKey(const std::string& fullPath)
{
    std::lock_guard lock(keyMutex());
    keyTable().erase(fullPath);
}

const char* shimName(const char* lowerVfs)
{
    static std::mutex m;
    static std::map<std::string, std::unique_ptr<Registered>> registered;
    ensureSodium();
    std::lock_guard lock(m);
    const std::string lowerName = lowerVfs ? lowerVfs : "";
    auto it = registered.find(lowerName);
    if (it != registered.end())
        return it->second->name.c_str();
    sqlite3_vfs* lower = sqlite3_vfs_find(lowerVfs);
    if (!lower)
        return nullptr;
    auto r = std::make_unique<Registered>();
    r->name = lowerName.empty() ? "meibo" : "meibo+" + lowerName;
    sqlite3_vfs& v = r->vfs;
    std::memset(&v, 0, sizeof v);
    v.iVersion = 2;
    v.szOsFile = static_cast<int>(realOffset()) + lower->szOsFile;
    v.mxPathname = lower->mxPathname;
    v.zName = r->name.c_str();
    v.pAppData = lower;
    v.xOpen = shimOpen;
    v.xDelete = shimDelete;
    v.xAccess = shimAccess;
    v.xFullPathname = shimFullPathname;
    v.xDlOpen = shimDlOpen;
    v.xDlError = shimDlError;
    v.xDlSym = shimDlSym;
    v.xDlClose = shimDlClose;
    v.xRandomness = shimRandomness;
    v.xSleep = shimSleep;
    v.xCurrentTime = shimCurrentTime;
    v.xGetLastError = shimGetLastError;
    v.xCurrentTimeInt64 = shimCurrentTimeInt64;
    if (sqlite3_vfs_register(&v, 0) != SQLITE_OK)
        return nullptr;
    const char* name = r->name.c_str();
    registered.emplace(lowerName, std::move(r));
    return name;
}

std::string fullPathname(const char* lowerVfs, const std::string& path)
{
    sqlite3_vfs* lower = sqlite3_vfs_find(lowerVfs);
    std::string out(static_cast<std::size_t>(lower->mxPathname) + 1, '\0');
    // SQLITE_OK_SYMLINK (a path through a symbolic link) is success too: the name comes back
    // resolved, which is the name SQLite opens the file under and the shim looks its key up by.
    if ((lower->xFullPathname(lower, path.c_str(), lower->mxPathname + 1, out.data()) & 0xff) != SQLITE_OK)
        return path;
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::optional<AuthFailure> lastAuthFailure() { return t_lastFailure; }
void clearLastAuthFailure() { t_lastFailure.reset(); }

namespace {
/// The free-list leaf pages, read from page 1 and the trunk pages through the shim (authenticated).
/// A trunk that cannot be read ends the walk: its leaves are then not known to be free.
std::set<std::uint64_t> freeListLeaves(ShimFile* f)
{
    std::set<std::uint64_t> leaves;
    std::uint8_t page[kPageSize];
    if (readMainPage(f, 0, page) != SQLITE_OK)
        return leaves;
    const std::uint32_t total = readBe32(page + 36);
    std::uint32_t trunk = readBe32(page + 32);
    constexpr std::uint32_t kMaxLeaves = (kSealedBytes / 4) - 2;
    for (std::uint32_t trunks = 0; trunk != 0 && trunks <= total; ++trunks) {
        if (readMainPage(f, trunk - 1, page) != SQLITE_OK)
            break;
        const std::uint32_t n = readBe32(page + 4);
        if (n > kMaxLeaves)
            break;
        for (std::uint32_t i = 0; i < n; ++i)
            leaves.insert(readBe32(page + 8 + 4 * i));
        trunk = readBe32(page);
    }
    sodium_memzero(page, sizeof page);
    return leaves;
}

ShimFile* mainShimFile(sqlite3* db)
{
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK || !file ||
        file->pMethods != &kMainMethods)
        return nullptr;
    return shim(file);
}
} // namespace

ParallelPageCheck::ParallelPageCheck(sqlite3* db, const char* lowerVfs) : m_db(db)
{
    ShimFile* f = mainShimFile(db);
    if (!f) {
        m_problem = "the registry is not open through the encrypting layer";
        return;
    }
    std::shared_ptr<const PageKey> key = f->key;
    const std::string path = f->path;
    sqlite3_vfs* lower = sqlite3_vfs_find(lowerVfs);
    m_thread = std::thread([this, key, path, lower] {
        // Its own handle through the lower VFS: reads only, under the connection's shared lock.
        std::unique_ptr<char[]> mem(new char[static_cast<std::size_t>(lower->szOsFile)]());
        auto* file = reinterpret_cast<sqlite3_file*>(mem.get());
        int outFlags = 0;
        if (lower->xOpen(lower, path.c_str(), file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &outFlags) !=
            SQLITE_OK) {
            if (file->pMethods)
                file->pMethods->xClose(file);
            m_problem = "the registry cannot be read a second time for checking";
            return;
        }
        sqlite3_int64 size = 0;
        file->pMethods->xFileSize(file, &size);
        const std::uint64_t pages = size > kHeaderSize ? static_cast<std::uint64_t>(size - kHeaderSize) / kPageSize : 0;
        const std::uint64_t lockPage = lockBytePage();
        std::vector<std::uint8_t> chunk(kPageSize * 64);
        for (std::uint64_t first = 0; first < pages && !m_problem; first += 64) {
            const std::uint64_t n = std::min<std::uint64_t>(64, pages - first);
            const auto offset = static_cast<sqlite3_int64>(kHeaderSize + first * kPageSize);
            if (file->pMethods->xRead(file, chunk.data(), static_cast<int>(n * kPageSize), offset) != SQLITE_OK) {
                m_problem = "the registry could not be read at byte " + std::to_string(offset);
                break;
            }
            for (std::uint64_t i = 0; i < n; ++i) {
                const std::uint64_t page = first + i + 1;
                if (page != lockPage &&
                    !verifyPage(chunk.data() + i * kPageSize, kDomainPage, key->fileId, page, key->key))
                    m_bad.push_back(page);
            }
        }
        file->pMethods->xClose(file);
    });
    f->tagsCheckedElsewhere = true;
}

ParallelPageCheck::~ParallelPageCheck() { finish(); }

std::optional<std::string> ParallelPageCheck::finish()
{
    if (m_thread.joinable())
        m_thread.join();
    if (ShimFile* f = m_db ? mainShimFile(m_db) : nullptr) {
        f->tagsCheckedElsewhere = false;
        if (!m_problem && !m_bad.empty()) {
            const std::set<std::uint64_t> leaves = freeListLeaves(f);
            for (std::uint64_t page : m_bad) {
                if (leaves.count(page)) {
                    m_freeBad.push_back(page);
                    continue;
                }
                const std::uint64_t at = kHeaderSize + (page - 1) * kPageSize;
                m_badPage = page;
                m_problem = "page " + std::to_string(page) + " (bytes " + std::to_string(at) + "–" +
                            std::to_string(at + kPageSize - 1) + ") failed authentication";
                break;
            }
        }
        if (m_problem && m_badPage)
            noteFailure(f, false, m_badPage);
    }
    m_db = nullptr;
    return m_problem;
}

int resealFreePages(sqlite3* db, const std::vector<std::uint64_t>& pages)
{
    ShimFile* f = mainShimFile(db);
    if (!f)
        return SQLITE_MISUSE;
    if (f->lockLevel < SQLITE_LOCK_EXCLUSIVE)
        return SQLITE_LOCKED;
    std::uint8_t zeros[kPageSize] = {};
    for (std::uint64_t page : pages) {
        const int rc = mainWrite(&f->base, zeros, kPageSize, static_cast<sqlite3_int64>((page - 1) * kPageSize));
        if (rc != SQLITE_OK)
            return rc;
    }
    return f->real->pMethods->xSync(f->real, SQLITE_SYNC_FULL);
}

std::uint64_t lockBytePage()
{
    // SQLite reports where its lock bytes are (1 GiB unless a test moved them) without changing it
    // when asked with 0.
    const int pending = sqlite3_test_control(SQLITE_TESTCTRL_PENDING_BYTE, 0u);
    const std::uint64_t at = pending > 0 ? static_cast<std::uint64_t>(pending) : 0x40000000u;
    return at / kPageSize + 1;
}

std::optional<std::string> precheckMainFile(const char* lowerVfs, const std::string& path, const PageKey& key)
{
    sqlite3_vfs* lower = sqlite3_vfs_find(lowerVfs);
    std::unique_ptr<char[]> mem(new char[static_cast<std::size_t>(lower->szOsFile)]());
    auto* file = reinterpret_cast<sqlite3_file*>(mem.get());
    int outFlags = 0;
    if (lower->xOpen(lower, path.c_str(), file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &outFlags) != SQLITE_OK) {
        if (file->pMethods)
            file->pMethods->xClose(file);
        return "the file cannot be read";
    }
    std::optional<std::string> problem;
    sqlite3_int64 size = 0;
    file->pMethods->xFileSize(file, &size);
    std::uint8_t sealed[kPageSize], plain[kPageSize];
    if (size <= kHeaderSize)
        problem = "the file holds a header but no database pages (it was cut after byte " + std::to_string(size) + ")";
    else if ((size - kHeaderSize) % kPageSize != 0)
        problem = "the file is cut short: " + std::to_string(size) +
                  " bytes is not the 4096-byte header plus whole 4096-byte pages (the last page is cut at byte " +
                  std::to_string(size) + ")";
    else if (file->pMethods->xRead(file, sealed, kPageSize, kHeaderSize) != SQLITE_OK ||
             !openPage(sealed, plain, kDomainPage, key.fileId, 1, key.key))
        problem = "page 1 (bytes 4096–8191) failed authentication";
    else {
        const std::uint64_t pages = static_cast<std::uint64_t>(size - kHeaderSize) / kPageSize;
        const std::uint32_t expected = readBe32(plain + 28);
        if (expected > pages)
            problem = "the file is cut short: the database has " + std::to_string(expected) + " pages, the file " +
                      std::to_string(pages) + " (it ends at byte " + std::to_string(size) + ")";
    }
    sodium_memzero(plain, sizeof plain);
    file->pMethods->xClose(file);
    return problem;
}

std::optional<std::string> checkHotJournal(const char* lowerVfs, const std::string& journalPath, const PageKey& key)
{
    sqlite3_vfs* lower = sqlite3_vfs_find(lowerVfs);
    int exists = 0;
    if (lower->xAccess(lower, journalPath.c_str(), SQLITE_ACCESS_EXISTS, &exists) != SQLITE_OK || !exists)
        return std::nullopt;
    std::unique_ptr<char[]> mem(new char[static_cast<std::size_t>(lower->szOsFile)]());
    auto* file = reinterpret_cast<sqlite3_file*>(mem.get());
    int outFlags = 0;
    if (lower->xOpen(lower, journalPath.c_str(), file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_JOURNAL, &outFlags) !=
        SQLITE_OK) {
        if (file->pMethods)
            file->pMethods->xClose(file);
        return "the journal " + journalPath + " left by an interrupted write cannot be read";
    }
    std::optional<std::string> problem;
    sqlite3_int64 size = 0;
    file->pMethods->xFileSize(file, &size);
    std::uint8_t head[28];
    std::uint8_t sealed[kPageSize], plain[kPageSize];
    std::int64_t off = 0;
    std::uint32_t sector = 512;
    bool first = true;
    while (!problem && off + 28 <= size) {
        if (file->pMethods->xRead(file, head, sizeof head, off) != SQLITE_OK || std::memcmp(head, kJournalMagic, 8))
            break; // no further segment: SQLite stops here too
        std::int64_t records = readBe32(head + 8);
        if (first) {
            sector = readBe32(head + 20);
            if (sector < 32 || sector > 65536 || (sector & (sector - 1)))
                break; // SQLite ignores such a journal as well
            first = false;
        }
        std::int64_t rec = off + sector;
        if (records == 0xffffffff)
            records = (size - rec) / (kPageSize + 8);
        for (std::int64_t i = 0; i < records && rec + kPageSize + 8 <= size; ++i, rec += kPageSize + 8) {
            if (file->pMethods->xRead(file, sealed, kPageSize, rec + 4) != SQLITE_OK ||
                !openPage(sealed, plain, kDomainJournal, key.fileId, static_cast<std::uint64_t>(rec + 4), key.key)) {
                problem = "the journal left by an interrupted write (" + journalPath + ") is damaged at byte " +
                          std::to_string(rec + 4);
                break;
            }
        }
        off = ((rec + sector - 1) / sector) * sector;
    }
    sodium_memzero(plain, sizeof plain);
    file->pMethods->xClose(file);
    return problem;
}

} // namespace meibo::db::vfs
