#include "meibo/db/Vault.h"

#include "EncryptingVfs.h"
#include "RegistrySupport.h"
#include "Schema.h"
#include "Sodium.h"
#include "VaultAccess.h"
#include "VaultHeader.h"
#include "WriterLock.h"

#include "meibo/core/Date.h"
#include "meibo/core/Error.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace meibo::db {

using core::Error;
using core::ErrorCode;
using core::Fix;

namespace {

const char* lowerName(const std::string& lower) { return lower.empty() ? nullptr : lower.c_str(); }

std::string hex(const std::uint8_t* p, std::size_t n)
{
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), p, n);
    out.resize(n * 2);
    return out;
}

std::string parentDir(const std::string& path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : slash == 0 ? std::string("/") : path.substr(0, slash);
}

bool fileExists(const std::string& path)
{
    struct stat st{};
    return ::stat(path.c_str(), &st) == 0;
}

void syncDir(const std::string& path)
{
    const int fd = ::open(parentDir(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

std::string osError(int err)
{
    switch (err) {
    case EACCES:
    case EPERM: return "permission denied: choose a folder you can write to";
    case ENOSPC:
    case EDQUOT: return "the disk is full: free some space and try again";
    case EROFS: return "the folder is on a read-only file system";
    case ENOENT: return "the folder does not exist";
    default: return std::strerror(err);
    }
}

/// A file opened through the lower VFS (so tests can put a fault-injecting VFS underneath).
class LowerFile {
public:
    LowerFile(const char* vfsName, const std::string& path, int flags)
        : m_vfs(sqlite3_vfs_find(vfsName)), m_mem(new char[static_cast<std::size_t>(m_vfs->szOsFile)]())
    {
        int out = 0;
        m_rc = m_vfs->xOpen(m_vfs, path.c_str(), file(), flags, &out);
        if (m_rc != SQLITE_OK && file()->pMethods) {
            file()->pMethods->xClose(file());
            file()->pMethods = nullptr;
        }
    }
    ~LowerFile()
    {
        if (file()->pMethods)
            file()->pMethods->xClose(file());
    }
    LowerFile(const LowerFile&) = delete;
    LowerFile& operator=(const LowerFile&) = delete;

    bool ok() const { return m_rc == SQLITE_OK; }
    sqlite3_int64 size()
    {
        sqlite3_int64 s = 0;
        file()->pMethods->xFileSize(file(), &s);
        return s;
    }
    int read(void* buf, int n, sqlite3_int64 off) { return file()->pMethods->xRead(file(), buf, n, off); }
    int write(const void* buf, int n, sqlite3_int64 off) { return file()->pMethods->xWrite(file(), buf, n, off); }
    int sync() { return file()->pMethods->xSync(file(), SQLITE_SYNC_FULL); }
    int truncate(sqlite3_int64 n) { return file()->pMethods->xTruncate(file(), n); }

private:
    sqlite3_file* file() const { return reinterpret_cast<sqlite3_file*>(m_mem.get()); }
    sqlite3_vfs* m_vfs;
    std::unique_ptr<char[]> m_mem;
    int m_rc = SQLITE_ERROR;
};

std::string pendingHeaderPath(const std::string& full) { return full + ".newheader"; }

struct HeaderCandidate {
    std::array<std::uint8_t, kHeaderSize> bytes{};
    VaultHeader header;
    bool pending = false; // from <file>.newheader: an interrupted key change
};

struct RawHeader {
    bool present = false;
    std::vector<std::uint8_t> bytes;
    sqlite3_int64 fileSize = 0;
};

RawHeader readRaw(const char* lower, const std::string& path)
{
    RawHeader raw;
    LowerFile f(lower, path, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB);
    if (!f.ok())
        return raw;
    raw.present = true;
    raw.fileSize = f.size();
    raw.bytes.resize(static_cast<std::size_t>(std::min<sqlite3_int64>(raw.fileSize, kHeaderSize)));
    if (!raw.bytes.empty() && f.read(raw.bytes.data(), static_cast<int>(raw.bytes.size()), 0) != SQLITE_OK)
        raw.bytes.clear();
    return raw;
}

/// What to do when there is no registry at the path given.
Fix noRegistryFix()
{
    return Fix{"Create one (File ▸ New registry), or open the right file (File ▸ Open registry).",
               "新しく作成する（ファイル ▸ 新しい名簿ファイル）か、正しいファイルを開いて（ファイル ▸ 名簿ファイルを開く）ください。",
               "Create one with `meibo-cli init`, or give its path with -f.",
               "`meibo-cli init` で作成するか、-f でパスを指定してください。"};
}

/// Reads the header and any pending one; orders the candidates to try; throws when none parses.
std::vector<HeaderCandidate> loadHeaders(const char* lower, const std::string& full, sqlite3_int64* fileSize)
{
    const RawHeader main = readRaw(lower, full);
    if (!main.present)
        throw Error(ErrorCode::NotFound, "there is no registry at " + full, "file",
                    full + " に名簿ファイルがありません。", noRegistryFix());
    *fileSize = main.fileSize;
    const auto parsedMain = VaultHeader::parse(main.bytes.data(), main.bytes.size());
    std::vector<HeaderCandidate> out;
    const RawHeader side = readRaw(lower, pendingHeaderPath(full));
    if (side.present && side.bytes.size() == kHeaderSize) {
        auto parsedSide = VaultHeader::parse(side.bytes.data(), side.bytes.size());
        if (parsedSide.status == VaultHeader::ParseStatus::Ok &&
            (parsedMain.status != VaultHeader::ParseStatus::Ok ||
             parsedSide.header->generation > parsedMain.header->generation)) {
            HeaderCandidate c;
            std::memcpy(c.bytes.data(), side.bytes.data(), kHeaderSize);
            c.header = std::move(*parsedSide.header);
            c.pending = true;
            out.push_back(std::move(c));
        }
    }
    if (parsedMain.status == VaultHeader::ParseStatus::Ok) {
        HeaderCandidate c;
        std::memcpy(c.bytes.data(), main.bytes.data(), kHeaderSize);
        c.header = *parsedMain.header;
        out.push_back(std::move(c));
    }
    if (!out.empty())
        return out;
    const std::string unchanged = " The file was not changed.";
    switch (parsedMain.status) {
    case VaultHeader::ParseStatus::TooShort:
        if (main.fileSize >= static_cast<sqlite3_int64>(sizeof kMagic))
            throw Error(ErrorCode::Damaged,
                        full + " is cut short: " + std::to_string(main.fileSize) +
                            " bytes, but a registry starts with a 4096-byte header. Restore it from " + full +
                            ".bak or another copy." + unchanged,
                        "byte " + std::to_string(main.fileSize), full + " は途中で切れています（" + std::to_string(main.fileSize) + " バイト。名簿ファイルは 4096 バイトのヘッダーで始まります）。ファイルは変更していません。" + full + ".bak か別のコピーから復元してください。");
        [[fallthrough]];
    case VaultHeader::ParseStatus::BadMagic:
        throw Error(ErrorCode::NotARegistry,
                    full + " is not a Meibo registry (it does not start with the registry signature MEIBOVLT)." +
                        unchanged,
                    "byte 0", full + " は Meibo の名簿ファイルではありません（先頭に名簿ファイルの印 MEIBOVLT がありません）。ファイルは変更していません。");
    case VaultHeader::ParseStatus::NewerVersion:
        throw Error(ErrorCode::UnsupportedVersion,
                    full + " was written by a newer Meibo (format " + std::to_string(parsedMain.foundVersion) +
                        "; this Meibo reads format " + std::to_string(kFormatVersion) + "). Update Meibo." +
                        unchanged,
                    "byte 8", full + " は新しい版の Meibo で作られています（形式 " + std::to_string(parsedMain.foundVersion) + "。この Meibo が読めるのは形式 " + std::to_string(kFormatVersion) + " まで）。Meibo を更新してください。ファイルは変更していません。");
    case VaultHeader::ParseStatus::Damaged:
        if (!parsedMain.problem.empty())
            throw Error(ErrorCode::Damaged,
                        "the header of " + full + " is damaged or was tampered with: " + parsedMain.problem +
                            ". Meibo did not try the passphrase. Restore it from " + full + ".bak or another copy." +
                            unchanged,
                        "bytes 0–4095", full + " のヘッダーが壊れているか、書き換えられています。パスフレーズは試していません。ファイルは変更していません。" + full + ".bak か別のコピーから復元してください。");
        break;
    case VaultHeader::ParseStatus::Ok:
        break;
    }
    throw Error(ErrorCode::Damaged,
                "the header of " + full + " is damaged (its checksum at byte 4048 does not match). Restore it from " +
                    full + ".bak or another copy." + unchanged,
                "bytes 0–4095", full + " のヘッダーが壊れています（検査値が一致しません）。ファイルは変更していません。" + full + ".bak か別のコピーから復元してください。");
}

std::string describeAuthFailure(const std::string& fallback)
{
    if (auto f = vfs::lastAuthFailure()) {
        if (f->journal)
            return "the journal " + f->path + " failed authentication at byte " + std::to_string(f->location);
        return "page " + std::to_string(f->location) + " (bytes " +
               std::to_string(kHeaderSize + (f->location - 1) * kPageSize) + "–" +
               std::to_string(kHeaderSize + f->location * kPageSize - 1) + ") failed authentication";
    }
    return fallback;
}

/// secure_delete must stay ON: with it OFF, SQLite leaves a page freed in the transaction that
/// dirtied it unwritten, and the file keeps a hole there that the shim (rightly) cannot tell from a
/// zeroed page. No statement on a registry's connection may change it.
int guardPragmas(void*, int action, const char* arg1, const char* arg2, const char*, const char*)
{
    if (action == SQLITE_PRAGMA && arg1 && arg2 && sqlite3_stricmp(arg1, "secure_delete") == 0)
        return SQLITE_DENY;
    return SQLITE_OK;
}

void applyPragmas(SQLite::Database& db, bool readOnly)
{
    sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    db.exec("PRAGMA temp_store = MEMORY");  // no temp files: they would bypass the encryption
    db.exec("PRAGMA mmap_size = 0");
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA cell_size_check = ON");
    if (!readOnly) {
        db.exec("PRAGMA secure_delete = ON");
        db.exec("PRAGMA synchronous = EXTRA"); // a returned commit survives power loss
        const std::string mode = db.execAndGet("PRAGMA journal_mode = DELETE").getString();
        if (mode != "delete")
            throw Error(ErrorCode::Internal, "the registry could not be put in rollback-journal mode");
    }
    sqlite3_set_authorizer(db.getHandle(), guardPragmas, nullptr);
}

} // namespace

// ---- settings and secrets ---------------------------------------------------------------------

namespace {
/// A new passphrase must be text that can be typed again: valid UTF-8 without control characters.
/// A passphrase file saved as UTF-16 (Notepad's "Unicode") or one with a NUL would otherwise
/// become a passphrase no keyboard reproduces.
void checkNewPassphrase(const SecureBuffer& passphrase, const char* where)
{
    if (passphrase.empty())
        throw Error(ErrorCode::InvalidInput, std::string("the ") + where + " is empty", where);
    const std::uint8_t* p = passphrase.data();
    const std::size_t n = passphrase.size();
    std::size_t character = 0;
    for (std::size_t i = 0; i < n; ++character) {
        const std::uint8_t b = p[i];
        std::size_t len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
        std::uint32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
        bool valid = len != 0 && i + len <= n;
        for (std::size_t k = 1; valid && k < len; ++k) {
            valid = (p[i + k] & 0xC0) == 0x80;
            cp = (cp << 6) | (p[i + k] & 0x3Fu);
        }
        // No overlong forms, no surrogates, nothing past U+10FFFF.
        valid = valid && !(len == 2 && cp < 0x80) && !(len == 3 && cp < 0x800) && !(len == 4 && cp < 0x10000) &&
                !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF;
        if (!valid)
            throw Error(ErrorCode::InvalidInput,
                        std::string("the ") + where + " is not UTF-8 text (at character " + std::to_string(character + 1) +
                            "); a passphrase file saved as UTF-16 or \"Unicode\" (as Notepad may) must be saved "
                            "as UTF-8. Nothing was changed",
                        where,
                        "パスフレーズが UTF-8 の文字列ではありません（" + std::to_string(character + 1) +
                            "文字目）。UTF-16（メモ帳の「Unicode」）で保存したパスフレーズファイルは UTF-8 "
                            "で保存し直してください。何も変更していません。");
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
            throw Error(ErrorCode::InvalidInput,
                        std::string("the ") + where + " contains a control character (" +
                            (cp == 0 ? std::string("a NUL byte") : cp == 9 ? std::string("a tab") : "code " + std::to_string(cp)) +
                            ") at character " + std::to_string(character + 1) +
                            ", which cannot be typed at the passphrase prompt: use letters, digits, spaces and "
                            "punctuation only. Nothing was changed",
                        where,
                        "パスフレーズの " + std::to_string(character + 1) +
                            "文字目に制御文字（NUL やタブなど）があり、入力欄から打ち込めません。文字・数字・"
                            "空白・記号だけを使ってください。何も変更していません。");
        i += len;
    }
}
} // namespace

void checkNewPassphraseRules(const SecureBuffer& passphrase)
{
    checkNewPassphrase(passphrase, "passphrase");
    std::size_t characters = 0;
    for (std::size_t i = 0; i < passphrase.size(); ++i)
        characters += (passphrase.data()[i] & 0xC0) != 0x80;
    if (characters < 8)
        throw Error(ErrorCode::InvalidInput,
                    "the passphrase is too short: use at least 8 characters (a few words are best)", "passphrase",
                    "パスフレーズが短すぎます。8文字以上にしてください（いくつかの単語を並べると覚えやすく、"
                    "推測されにくくなります）。");
}

KdfSettings KdfSettings::standard()
{
    return {crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE};
}
KdfSettings KdfSettings::fastForTests()
{
    return {crypto_pwhash_argon2id_OPSLIMIT_MIN, 8192};
}

Secret Secret::passphrase(std::string_view text)
{
    if (text.empty())
        throw Error(ErrorCode::InvalidInput, "the passphrase is empty", "passphrase", "パスフレーズを入力してください。");
    return Secret{Kind::Passphrase, SecureBuffer::fromString(text)};
}

Secret Secret::recoveryKey(std::string_view text)
{
    SecureBuffer key = parseRecoveryKey(text);
    if (key.empty())
        throw Error(ErrorCode::InvalidInput,
                    "the recovery key is malformed: it is 52 letters and digits (A–Z, 2–7) in groups of four, "
                    "as printed when the registry was created",
                    "recovery key",
                    "回復キーの形式が正しくありません。回復キーは名簿ファイルを作成したときに印刷した、4文字ずつに区切られた "
                    "52 文字の英字と数字（A～Z、2～7）です。");
    return Secret{Kind::RecoveryKey, std::move(key)};
}

// ---- Impl -------------------------------------------------------------------------------------

struct Vault::Impl {
    std::string path;  // full path
    std::string lower; // lower VFS name ("" = default)
    bool readOnly = false;
    WriterLock lock;
    HeaderCandidate header;
    SecureBuffer dataKey;
    int slotIndex = -1;
    std::shared_ptr<vfs::PageKey> pageKey;
    std::unique_ptr<SQLite::Database> db;
    std::string backupCheckedOn; // ISO date of the last daily-backup check
    SecureBuffer auditKey;

    ~Impl() { shutdown(); }

    void shutdown() noexcept
    {
        db.reset();
        if (pageKey)
            vfs::unregisterKey(path);
        pageKey.reset();
        dataKey.clear();
        auditKey.clear();
        lock.release();
    }

    void requireWritable(const char* what) const
    {
        if (readOnly)
            throw Error(ErrorCode::IllegalState,
                        std::string("the registry is open read-only; ") + what + " needs it open for writing", "",
                        "名簿ファイルを読み取り専用で開いているため、変更できません。書き込みできる状態で開き直してください。");
    }

    /// Writes a new header crash-safely: first the complete copy beside the file, then in place,
    /// then the copy is removed. A kill at any moment leaves the old or the new header usable.
    void writeHeader(VaultHeader next)
    {
        requireWritable("changing keys");
        next.generation = header.header.generation + 1;
        const auto bytes = next.serialize(dataKey);
        const std::string side = pendingHeaderPath(path);
        const int fd = ::open(side.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
            throw Error(ErrorCode::Io, "cannot write " + side + ": " + osError(errno), std::string(), "鍵の変更を書き込めません（" + side + "）。名簿ファイルは変更していません。ディスクの空きと権限を確かめてください。");
        ::close(fd);
        {
            LowerFile f(lowerName(lower), side, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MAIN_DB);
            if (!f.ok() || f.write(bytes.data(), kHeaderSize, 0) != SQLITE_OK || f.sync() != SQLITE_OK)
                throw Error(ErrorCode::Io, "cannot write " + side + ": " + osError(errno) +
                                               ". The registry was not changed", std::string(), "鍵の変更を書き込めません（" + side + "）。名簿ファイルは変更していません。ディスクの空きと権限を確かめてください。");
        }
        syncDir(side);
        {
            LowerFile f(lowerName(lower), path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MAIN_DB);
            if (!f.ok() || f.write(bytes.data(), kHeaderSize, 0) != SQLITE_OK || f.sync() != SQLITE_OK)
                throw Error(ErrorCode::Io, "cannot rewrite the header of " + path +
                                               "; the new header is kept in " + side + " and used at the next open", std::string(), path + " のヘッダーを書き換えられません。新しいヘッダーは " + side + " に保存してあり、次に開くときに使われます。");
        }
        sqlite3_vfs* v = sqlite3_vfs_find(lowerName(lower));
        v->xDelete(v, side.c_str(), 1);
        header.bytes = bytes;
        header.header = std::move(next);
        header.pending = false;
    }

    void dailyBackup()
    {
        const std::string today = core::formatIsoDate(core::todayLocal());
        if (backupCheckedOn == today)
            return;
        struct stat st{};
        bool fresh = false;
        if (::stat((path + ".bak").c_str(), &st) == 0) {
            std::tm local{};
            localtime_r(&st.st_mtime, &local);
            char day[16];
            std::strftime(day, sizeof day, "%Y-%m-%d", &local);
            fresh = today == day;
        }
        if (!fresh)
            backup();
        backupCheckedOn = today;
    }

    void backup() { backupTo(path + ".bak"); }

    /// Writes an encrypted copy of the registry to `bak` (through `<bak>.tmp` and an atomic rename).
    void backupTo(const std::string& bak)
    {
        const std::string tmp = bak + ".tmp";
        ::unlink(tmp.c_str());
        ::unlink((tmp + "-journal").c_str());
        const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
            throw Error(ErrorCode::Io, "cannot write the backup " + tmp + ": " + osError(errno), std::string(), "バックアップ " + tmp + " を書き込めません。ディスクの空きと権限を確かめてください。名簿ファイルは変更していません。");
        const bool written = ::write(fd, header.bytes.data(), kHeaderSize) == static_cast<ssize_t>(kHeaderSize) &&
                             ::fsync(fd) == 0;
        const int err = errno;
        ::close(fd);
        if (!written) {
            ::unlink(tmp.c_str());
            throw Error(ErrorCode::Io, "cannot write the backup " + tmp + ": " + osError(err), std::string(), "バックアップ " + tmp + " を書き込めません。ディスクの空きと権限を確かめてください。名簿ファイルは変更していません。");
        }
        const std::string tmpFull = vfs::fullPathname(lowerName(lower), tmp);
        vfs::registerKey(tmpFull, pageKey);
        try {
            SQLite::Database dst(tmp, SQLite::OPEN_READWRITE, 5000, vfs::shimName(lowerName(lower)));
            int reserve = static_cast<int>(kReservedBytes);
            sqlite3_file_control(dst.getHandle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
            applyPragmas(dst, false);
            SQLite::Backup b(dst, *db);
            b.executeStep(-1);
        } catch (const std::exception& e) {
            vfs::unregisterKey(tmpFull);
            ::unlink(tmp.c_str());
            ::unlink((tmp + "-journal").c_str());
            rethrowSqlite(e, "writing the backup");
        }
        vfs::unregisterKey(tmpFull);
        if (::rename(tmp.c_str(), bak.c_str()) != 0) {
            const int e = errno;
            ::unlink(tmp.c_str());
            throw Error(ErrorCode::Io, "cannot write the backup " + bak + ": " + osError(e), std::string(), "バックアップ " + bak + " を書き込めません。ディスクの空きと権限を確かめてください。名簿ファイルは変更していません。");
        }
        syncDir(bak);
    }
};

Vault::Vault(std::unique_ptr<Impl> impl) : m(std::move(impl)) {}
Vault::Vault(Vault&&) noexcept = default;
Vault& Vault::operator=(Vault&&) noexcept = default;
Vault::~Vault() = default;

void Vault::close() noexcept
{
    if (m)
        m->shutdown();
    m.reset();
}

bool Vault::isOpen() const noexcept { return m && m->db; }

// ---- create -----------------------------------------------------------------------------------

std::string Vault::create(const std::string& path, const SecureBuffer& passphrase, const CreateOptions& options)
{
    ensureSodium();
    checkNewPassphrase(passphrase, "passphrase");
    if (auto problem = checkNewKdf(options.kdf.opsLimit, options.kdf.memLimitBytes))
        throw Error(ErrorCode::InvalidInput, *problem + "; nothing was created", "kdf");
    const char* lower = lowerName(options.lowerVfs);
    const std::string full = vfs::fullPathname(lower, path);
    if (fileExists(full))
        throw Error(ErrorCode::AlreadyExists,
                    full + " already exists: Meibo never overwrites a registry. Choose another file name.", full,
                    full + " はすでにあります。既存の名簿ファイルは上書きしません。別のファイル名にしてください。");
    const std::string dir = parentDir(full);
    struct stat st{};
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        throw Error(ErrorCode::NotFound, "cannot create " + full + ": the folder " + dir + " does not exist", dir,
                    full + " を作成できません。フォルダー " + dir + " がありません。");

    SecureBuffer dataKey(kKeySize);
    randombytes_buf(dataKey.data(), dataKey.size());
    SecureBuffer recovery(kKeySize);
    randombytes_buf(recovery.data(), recovery.size());

    VaultHeader h;
    randombytes_buf(h.fileId.data(), h.fileId.size());
    h.generation = 1;
    h.createdUnix = static_cast<std::int64_t>(std::time(nullptr));
    h.slots[0].kind = SlotKind::Passphrase;
    h.slots[0].kdf = SlotKdf::Argon2id13;
    h.slots[0].opsLimit = options.kdf.opsLimit;
    h.slots[0].memLimit = options.kdf.memLimitBytes;
    h.slots[0].name = "officer";
    wrapDataKey(h.slots[0], 0, h.fileId, dataKey, passphrase);
    h.slots[1].kind = SlotKind::RecoveryKey;
    h.slots[1].kdf = SlotKdf::Blake2b;
    h.slots[1].name = "recovery";
    wrapDataKey(h.slots[1], 1, h.fileId, dataKey, recovery);
    const auto bytes = h.serialize(dataKey);

    // Build the registry under a temporary name and rename it into place: a crash leaves no half file.
    const std::string tmp = full + ".creating";
    ::unlink(tmp.c_str());
    ::unlink((tmp + "-journal").c_str());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Error(ErrorCode::Io, "cannot create " + full + ": " + osError(errno), std::string(), full + " を作れません。フォルダの場所と権限、ディスクの空きを確かめてください。");
    const bool written =
        ::write(fd, bytes.data(), kHeaderSize) == static_cast<ssize_t>(kHeaderSize) && ::fsync(fd) == 0;
    const int writeErr = errno;
    ::close(fd);
    auto cleanup = [&] {
        ::unlink(tmp.c_str());
        ::unlink((tmp + "-journal").c_str());
    };
    if (!written) {
        cleanup();
        throw Error(ErrorCode::Io, "cannot create " + full + ": " + osError(writeErr), std::string(), full + " を作れません。フォルダの場所と権限、ディスクの空きを確かめてください。");
    }

    const std::string tmpFull = vfs::fullPathname(lower, tmp);
    auto pageKey = std::make_shared<vfs::PageKey>();
    pageKey->fileId = h.fileId;
    pageKey->key = deriveSubkey(dataKey, 2);
    vfs::registerKey(tmpFull, pageKey);
    try {
        SQLite::Database db(tmp, SQLite::OPEN_READWRITE, 5000, vfs::shimName(lower));
        int reserve = static_cast<int>(kReservedBytes);
        sqlite3_file_control(db.getHandle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
        db.exec("PRAGMA page_size = " + std::to_string(kPageSize));
        applyPragmas(db, false);
        migrate(db, nullptr);
        SQLite::Statement set(db, "UPDATE organization SET name = ? WHERE id = 1");
        set.bind(1, options.organizationName);
        set.exec();
        int actual = -1;
        sqlite3_file_control(db.getHandle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &actual);
        if (actual != static_cast<int>(kReservedBytes))
            throw Error(ErrorCode::Internal, "SQLite did not reserve the 40 bytes per page the encryption needs");
    } catch (const Error&) {
        vfs::unregisterKey(tmpFull);
        cleanup();
        throw;
    } catch (const std::exception& e) {
        vfs::unregisterKey(tmpFull);
        cleanup();
        rethrowSqlite(e, "creating the registry");
    }
    vfs::unregisterKey(tmpFull);
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, full.c_str(), RENAME_NOREPLACE) != 0) {
        const int err = errno;
        cleanup();
        if (err == EEXIST)
            throw Error(ErrorCode::AlreadyExists, full + " already exists: Meibo never overwrites a registry.", full,
                        full + " はすでにあります。既存の名簿ファイルは上書きしません。");
        throw Error(ErrorCode::Io, "cannot create " + full + ": " + osError(err), std::string(), full + " を作れません。フォルダの場所と権限、ディスクの空きを確かめてください。");
    }
    syncDir(full);
    return formatRecoveryKey(recovery);
}

// ---- inspect ----------------------------------------------------------------------------------

VaultInfo Vault::inspect(const std::string& path, const std::string& lowerVfs)
{
    ensureSodium();
    const char* lower = lowerName(lowerVfs);
    const std::string full = vfs::fullPathname(lower, path);
    sqlite3_int64 size = 0;
    const auto candidates = loadHeaders(lower, full, &size);
    const VaultHeader& h = candidates.front().header;
    VaultInfo info;
    info.path = full;
    info.formatVersion = h.formatVersion;
    info.fileId = hex(h.fileId.data(), h.fileId.size());
    info.headerGeneration = h.generation;
    info.createdUnix = h.createdUnix;
    info.fileSize = static_cast<std::uint64_t>(size);
    info.pages = size > kHeaderSize ? static_cast<std::uint64_t>(size - kHeaderSize) / kPageSize : 0;
    info.hotJournal = fileExists(full + "-journal");
    info.pendingHeader = candidates.front().pending;
    for (int i = 0; i < kSlotCount; ++i) {
        const KeySlot& s = h.slots[i];
        if (s.kind == SlotKind::Empty)
            continue;
        SlotInfo si;
        si.index = i;
        si.kind = s.kind == SlotKind::Passphrase ? "passphrase" : "recovery-key";
        si.name = s.name;
        si.kdf = s.kdf == SlotKdf::Argon2id13 ? "argon2id13" : "blake2b";
        si.opsLimit = s.opsLimit;
        si.memLimitBytes = s.memLimit;
        info.keySlots.push_back(std::move(si));
    }
    return info;
}

VaultInfo Vault::info() const
{
    VaultInfo i = inspect(m->path, m->lower);
    return i;
}

// ---- open -------------------------------------------------------------------------------------

Vault Vault::open(const std::string& path, const Secret& secret, const OpenOptions& options)
{
    ensureSodium();
    auto impl = std::make_unique<Impl>();
    impl->lower = options.lowerVfs;
    impl->readOnly = options.readOnly;
    const char* lower = lowerName(impl->lower);
    impl->path = vfs::fullPathname(lower, path);
    const std::string& full = impl->path;
    if (!fileExists(full))
        throw Error(ErrorCode::NotFound, "there is no registry at " + full, "file",
                    full + " に名簿ファイルがありません。", noRegistryFix());

    // Writers hold <file>.lock exclusively for as long as they are open. A reader takes it shared
    // only for the moment of the open (a writer waits for that moment to pass): with it, a journal
    // on disk is known to be left by a crashed writer (not a live one) and is checked before
    // anything reads it. A reader never writes: it cannot replay a hot
    // journal (it says so) and uses a pending key change without putting it in place.
    if (options.writerLock) {
        if (!options.readOnly)
            impl->lock = WriterLock::acquire(full);
        else
            impl->lock = WriterLock::tryAcquireShared(full);
    }

    sqlite3_int64 fileSize = 0;
    const auto candidates = loadHeaders(lower, full, &fileSize);

    // Unlock: try each slot of the secret's kind; the header's keyed MAC must then match.
    bool macFailed = false;
    for (const HeaderCandidate& c : candidates) {
        for (int i = 0; i < kSlotCount && impl->slotIndex < 0; ++i) {
            const KeySlot& slot = c.header.slots[i];
            const SlotKind wanted =
                secret.kind == Secret::Kind::Passphrase ? SlotKind::Passphrase : SlotKind::RecoveryKey;
            if (slot.kind != wanted)
                continue;
            SecureBuffer key = unwrapDataKey(slot, i, c.header.fileId, secret.bytes);
            if (key.empty())
                continue;
            if (!VaultHeader::verifyMac(c.bytes.data(), key)) {
                macFailed = true;
                continue;
            }
            impl->dataKey = std::move(key);
            impl->slotIndex = i;
            impl->header = c;
        }
        if (impl->slotIndex >= 0)
            break;
    }
    if (impl->slotIndex < 0) {
        if (macFailed)
            throw Error(ErrorCode::Damaged, "the header of " + full +
                                                " failed authentication: it was changed outside Meibo. Restore it "
                                                "from " + full + ".bak or another copy. The file was not changed.",
                        "bytes 0–4095", full + " のヘッダーの認証に失敗しました。Meibo の外で書き換えられています。ファイルは変更していません。" + full + ".bak か別のコピーから復元してください。");
        if (secret.kind == Secret::Kind::RecoveryKey)
            throw Error(ErrorCode::WrongSecret,
                        "the recovery key does not open " + full +
                            ": check it against the one printed when the registry was created. The file was not "
                            "changed.",
                        "recovery-key",
                        "回復キーが一致しないため、" + full +
                            " を開けません。登録簿を作成したときに印刷した回復キーと照らし合わせてください。ファイルは"
                            "変更されていません。");
        throw Error(ErrorCode::WrongSecret,
                    "the passphrase does not open " + full +
                        ": check it (Caps Lock, input mode). The file was not changed.",
                    "passphrase",
                    "パスフレーズが一致しないため、" + full +
                        " を開けません。Caps Lock や入力モード（全角・半角）を確かめてください。ファイルは変更されて"
                        "いません。",
                    Fix{"If the passphrase is lost, tick \"Use the recovery key instead\" and type the recovery key.",
                        "パスフレーズが分からない場合は「回復キーを使う」を選び、回復キーを入力してください。",
                        "If the passphrase is lost, open with the recovery key (--recovery-key-file FILE).",
                        "パスフレーズが分からない場合は回復キーで開いてください（--recovery-key-file ファイル）。"});
    }

    const bool mayRepair = impl->lock.held();
    const std::string side = pendingHeaderPath(full);
    if (mayRepair && !options.readOnly && fileExists(side)) {
        if (impl->header.pending) {
            // Finish the interrupted key change: the new header goes in place.
            LowerFile f(lower, full, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MAIN_DB);
            if (!f.ok() || f.write(impl->header.bytes.data(), kHeaderSize, 0) != SQLITE_OK || f.sync() != SQLITE_OK)
                throw Error(ErrorCode::Io, "cannot finish the interrupted key change in " + full + ": " +
                                               osError(errno), std::string(), "中断された鍵の変更を " + full + " で完了できません。ディスクの空きと権限を確かめてから、もう一度開いてください。");
            impl->header.pending = false;
        }
        sqlite3_vfs* v = sqlite3_vfs_find(lower);
        v->xDelete(v, side.c_str(), 1);
    }

    impl->pageKey = std::make_shared<vfs::PageKey>();
    impl->pageKey->fileId = impl->header.header.fileId;
    impl->pageKey->key = deriveSubkey(impl->dataKey, 2);

    const bool hadJournal = fileExists(full + "-journal");
    if (!hadJournal)
        if (auto problem = vfs::precheckMainFile(lower, full, *impl->pageKey))
            throw Error(ErrorCode::Damaged,
                        full + " is damaged: " + *problem + ". It was not changed; restore it from " + full +
                            ".bak or another copy.",
                        *problem, full + " は壊れています。ファイルは変更していません。" + full + ".bak か別のコピーから復元してください。");
    if (mayRepair) {
        if (auto problem = vfs::checkHotJournal(lower, full + "-journal", *impl->pageKey))
            throw Error(ErrorCode::Damaged, *problem +
                                                ". Meibo did not replay it, so the registry was not changed. Restore "
                                                "from " + full + ".bak, or keep both files and ask for help.",
                        "journal", "中断された書き込みの記録（ジャーナル）が壊れているため再生しませんでした。名簿ファイルは変更していません。" + full + ".bak から復元するか、両方のファイルを残して相談してください。");
    }
    vfs::registerKey(full, impl->pageKey);

    vfs::clearLastAuthFailure();
    try {
        impl->db = std::make_unique<SQLite::Database>(
            full, options.readOnly ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE, 5000, vfs::shimName(lower));
        applyPragmas(*impl->db, options.readOnly);
        // The first read replays a hot journal; the file's shape is checked again after that.
        SQLite::Transaction read(*impl->db);
        impl->db->execAndGet("SELECT count(*) FROM sqlite_schema");
        if (hadJournal)
            if (auto problem = vfs::precheckMainFile(lower, full, *impl->pageKey))
                throw Error(ErrorCode::Damaged,
                            full + " is damaged: " + *problem + ". Restore it from " + full + ".bak or another copy.",
                            *problem, full + " は壊れています。ファイルは変更していません。" + full + ".bak か別のコピーから復元してください。");
        // Every page's tag is checked on the other core while quick_check walks the b-trees here;
        // both run in one read transaction, which holds the file still.
        impl->db->exec("PRAGMA cache_size = -65536"); // quick_check revisits pages: keep them decrypted once
        std::optional<std::string> authProblem;
        std::vector<std::uint64_t> damagedFreePages;
        std::string check;
        if (options.verifyPages) {
            vfs::ParallelPageCheck pages(impl->db->getHandle(), lower);
            try {
                check = impl->db->execAndGet("PRAGMA quick_check(1)").getString();
            } catch (const SQLite::Exception&) {
                check = "unreadable";
            }
            authProblem = pages.finish();
            damagedFreePages = pages.damagedFreePages();
        } else {
            check = impl->db->execAndGet("PRAGMA quick_check(1)").getString();
        }
        impl->db->exec("PRAGMA cache_size = -8192");
        sqlite3_db_release_memory(impl->db->getHandle());
        if (authProblem)
            throw Error(ErrorCode::Damaged,
                        full + " is damaged: " + *authProblem + ". It was not changed; restore it from " + full +
                            ".bak or another copy.",
                        *authProblem, full + " は壊れています。ファイルは変更していません。" + full + ".bak か別のコピーから復元してください。");
        if (check != "ok") {
            if (vfs::lastAuthFailure())
                throw Error(ErrorCode::Damaged,
                            full + " is damaged: " + describeAuthFailure("a page failed authentication") +
                                ". It was not changed; restore it from " + full + ".bak or another copy.", std::string(), full + " は壊れています。ファイルは変更していません。" + full + ".bak か別のコピーから復元してください。");
            std::replace(check.begin(), check.end(), '\n', ' ');
            throw Error(ErrorCode::Damaged, full + " failed SQLite's quick_check (" + check +
                                                "). It was not changed; restore it from " + full + ".bak.", std::string(), full + " は壊れています。ファイルは変更していません。" + full + ".bak か別のコピーから復元してください。");
        }
        read.commit();
        if (!damagedFreePages.empty() && !options.readOnly) {
            // Free pages hold no data, but the backup API copies them: seal them again (as zeros,
            // what secure_delete leaves in a free page). A reader leaves them; it never reads them.
            impl->db->exec("BEGIN EXCLUSIVE");
            const int rc = vfs::resealFreePages(impl->db->getHandle(), damagedFreePages);
            impl->db->exec("COMMIT");
            if (rc != SQLITE_OK)
                throw Error(ErrorCode::Io, "cannot rewrite the free pages of " + full +
                                               " that a power cut left half written (SQLite error " +
                                               std::to_string(rc) + "); check the disk, then open it again", std::string(), "停電で書きかけになった " + full + " の空きページを書き直せません。ディスクを確かめてから、もう一度開いてください。");
        }
    } catch (const Error&) {
        throw;
    } catch (const SQLite::Exception& e) {
        // Reading the schema can report a failed page as a plain I/O error; the shim knows better.
        if (e.getExtendedErrorCode() == SQLITE_IOERR_DATA ||
            (e.getErrorCode() == SQLITE_IOERR && vfs::lastAuthFailure()))
            throw Error(ErrorCode::Damaged,
                        full + " is damaged: " + describeAuthFailure("a page failed authentication") +
                            ". It was not changed; restore it from " + full + ".bak or another copy.", std::string(), full + " は壊れています。ファイルは変更していません。" + full + ".bak か別のコピーから復元してください。");
        if (e.getErrorCode() == SQLITE_CORRUPT || e.getErrorCode() == SQLITE_NOTADB)
            throw Error(ErrorCode::Damaged, full + " is damaged (" + e.what() +
                                                "). It was not changed; restore it from " + full + ".bak.", std::string(), full + " は壊れています。ファイルは変更していません。" + full + ".bak か別のコピーから復元してください。");
        if (e.getExtendedErrorCode() == SQLITE_READONLY_ROLLBACK)
            throw Error(ErrorCode::IllegalState, "an interrupted write left " + full +
                                                     "-journal; open the registry once for writing to finish it", std::string(), "中断された書き込みが " + full + "-journal に残っています。読み取り専用ではなく、書き込みできる状態で一度開くと完了します。");
        rethrowSqlite(e, "opening the registry");
    }
    if (options.readOnly) {
        const int version = impl->db->execAndGet("PRAGMA user_version").getInt();
        if (version < latestSchemaVersion())
            throw Error(ErrorCode::IllegalState, full + " needs an upgrade (schema " + std::to_string(version) +
                                                     "); open it once for writing", std::string(), full + " は更新が必要です（スキーマ " + std::to_string(version) + "）。読み取り専用ではなく、書き込みできる状態で一度開いてください。");
        if (version > latestSchemaVersion())
            throw Error(ErrorCode::UnsupportedVersion, full + " was written by a newer Meibo (schema " +
                                                           std::to_string(version) + "). Update Meibo.", std::string(), full + " は新しい版の Meibo で作られています（スキーマ " + std::to_string(version) + "）。Meibo を更新してください。");
        impl->lock.release();
    } else {
        Impl* raw = impl.get();
        try {
            migrate(*impl->db, [raw](int from, int) {
                if (from > 0)
                    raw->backup(); // an upgrade never runs without a copy of what it upgrades
            });
        } catch (const Error&) {
            throw;
        } catch (const std::exception& e) {
            rethrowSqlite(e, "upgrading the registry");
        }
    }
    return Vault(std::move(impl));
}

// ---- accessors and key slots ------------------------------------------------------------------

const std::string& Vault::path() const { return m->path; }
bool Vault::readOnly() const { return m->readOnly; }
std::string Vault::openedSlot() const { return m->header.header.slots[m->slotIndex].name; }
int Vault::schemaVersion() const { return m->db->execAndGet("PRAGMA user_version").getInt(); }
std::string Vault::backupPath() const { return m->path + ".bak"; }

void Vault::backupNow()
{
    m->requireWritable("a backup");
    m->backup();
}

std::string Vault::changePassphrase(const SecureBuffer& newPassphrase, const KdfSettings& kdf)
{
    checkNewPassphrase(newPassphrase, "new passphrase");
    if (auto problem = checkNewKdf(kdf.opsLimit, kdf.memLimitBytes))
        throw Error(ErrorCode::InvalidInput, *problem + "; the passphrase was not changed", "kdf");
    VaultHeader next = m->header.header;
    int index = m->slotIndex;
    if (next.slots[index].kind != SlotKind::Passphrase) {
        index = -1;
        for (int i = 0; i < kSlotCount && index < 0; ++i)
            if (next.slots[i].kind == SlotKind::Passphrase)
                index = i;
        if (index < 0) {
            index = next.firstFreeSlot();
            next.slots[index].name = "officer";
        }
    }
    KeySlot& slot = next.slots[index];
    slot.kind = SlotKind::Passphrase;
    slot.kdf = SlotKdf::Argon2id13;
    slot.opsLimit = kdf.opsLimit;
    slot.memLimit = kdf.memLimitBytes;
    wrapDataKey(slot, index, next.fileId, m->dataKey, newPassphrase);
    const std::string name = slot.name;
    m->writeHeader(std::move(next));
    return name;
}

void Vault::addPassphraseSlot(std::string_view name, const SecureBuffer& passphrase, const KdfSettings& kdf)
{
    if (name.empty() || name.size() > kSlotNameSize)
        throw Error(ErrorCode::InvalidInput, "a key slot name has 1 to 32 bytes", "name",
                    "鍵スロットの名前は1〜32バイト（半角32文字、全角10文字程度）にしてください。");
    checkNewPassphrase(passphrase, "passphrase");
    if (auto problem = checkNewKdf(kdf.opsLimit, kdf.memLimitBytes))
        throw Error(ErrorCode::InvalidInput, *problem + "; no slot was added", "kdf");
    VaultHeader next = m->header.header;
    if (next.findSlot(name) >= 0)
        throw Error(ErrorCode::AlreadyExists, "a key slot named \"" + std::string(name) + "\" already exists",
                    "name", "「" + std::string(name) + "」という名前の鍵スロットはすでにあります。別の名前にしてください。");
    const int index = next.firstFreeSlot();
    if (index < 0)
        throw Error(ErrorCode::IllegalState, "all 8 key slots are in use: remove one first", {},
                    "鍵スロット8個がすべて使われています。先に1つ削除してください。");
    KeySlot& slot = next.slots[index];
    slot.kind = SlotKind::Passphrase;
    slot.kdf = SlotKdf::Argon2id13;
    slot.opsLimit = kdf.opsLimit;
    slot.memLimit = kdf.memLimitBytes;
    slot.name = std::string(name);
    wrapDataKey(slot, index, next.fileId, m->dataKey, passphrase);
    m->writeHeader(std::move(next));
}

void Vault::removeSlot(std::string_view name)
{
    VaultHeader next = m->header.header;
    const int index = next.findSlot(name);
    if (index < 0)
        throw Error(ErrorCode::NotFound, "there is no key slot named \"" + std::string(name) + "\"", "name",
                    "「" + std::string(name) + "」という名前の鍵スロットはありません。");
    if (next.slots[index].kind == SlotKind::RecoveryKey)
        throw Error(ErrorCode::IllegalState,
                    "the recovery slot cannot be removed (it is what saves a forgotten passphrase)", "name",
                    "回復キーの鍵スロットは削除できません（パスフレーズを忘れたときに登録簿を開く唯一の手段です）。",
                    Fix{"Make a new recovery key instead.", "代わりに新しい回復キーを作成してください。",
                        "Replace the key with `meibo-cli slot rotate-recovery` instead.",
                        "代わりに `meibo-cli slot rotate-recovery` で回復キーを作り直してください。"});
    int passphrases = 0;
    for (const KeySlot& s : next.slots)
        passphrases += s.kind == SlotKind::Passphrase;
    if (passphrases <= 1)
        throw Error(ErrorCode::IllegalState,
                    "\"" + std::string(name) + "\" is the last passphrase slot; add another before removing it", {},
                    "「" + std::string(name) + "」は最後のパスフレーズのスロットです。別のスロットを追加してから"
                                               "削除してください。");
    if (index == m->slotIndex)
        throw Error(ErrorCode::IllegalState,
                    "\"" + std::string(name) + "\" is the slot this session was opened with; open with another "
                                               "passphrase to remove it",
                    {},
                    "「" + std::string(name) + "」はいま登録簿を開いているスロットです。削除するには、別のパスフレーズで"
                                               "開き直してください。");
    next.slots[index] = KeySlot{};
    m->writeHeader(std::move(next));
}

std::string Vault::rotateRecoveryKey()
{
    VaultHeader next = m->header.header;
    int index = -1;
    for (int i = 0; i < kSlotCount; ++i)
        if (next.slots[i].kind == SlotKind::RecoveryKey)
            index = i;
    if (index < 0)
        index = next.firstFreeSlot();
    if (index < 0)
        throw Error(ErrorCode::IllegalState, "all 8 key slots are in use: remove one first", {},
                    "鍵スロット8個がすべて使われています。先に1つ削除してください。");
    SecureBuffer recovery(kKeySize);
    randombytes_buf(recovery.data(), recovery.size());
    KeySlot& slot = next.slots[index];
    slot = KeySlot{};
    slot.kind = SlotKind::RecoveryKey;
    slot.kdf = SlotKdf::Blake2b;
    slot.name = "recovery";
    wrapDataKey(slot, index, next.fileId, m->dataKey, recovery);
    m->writeHeader(std::move(next));
    return formatRecoveryKey(recovery);
}

bool Vault::checkPassphrase(const SecureBuffer& passphrase) const
{
    const VaultHeader& h = m->header.header;
    for (int i = 0; i < kSlotCount; ++i) {
        if (h.slots[i].kind != SlotKind::Passphrase)
            continue;
        SecureBuffer key = unwrapDataKey(h.slots[i], i, h.fileId, passphrase);
        if (!key.empty() && key.size() == m->dataKey.size() &&
            sodium_memcmp(key.data(), m->dataKey.data(), key.size()) == 0)
            return true;
    }
    return false;
}

std::string Vault::beforeRestorePath() const { return m->path + ".before-restore"; }

void Vault::restoreFrom(const std::string& backupFile)
{
    m->requireWritable("restoring a backup");
    const char* lower = lowerName(m->lower);
    const std::string source = vfs::fullPathname(lower, backupFile);
    if (source == m->path)
        throw Error(ErrorCode::InvalidInput, "choose a backup file, not the registry itself", "backup",
                    "登録簿そのものではなく、バックアップのファイルを選んでください。");
    VaultInfo theirs;
    try {
        theirs = inspect(source, m->lower);
    } catch (const Error& e) {
        throw Error(e.code(), std::string(e.what()) + "; the registry was not changed", "backup",
                    source + " はこの登録簿のバックアップとして読めません（Meibo の登録簿ではないか、壊れています）。"
                             "登録簿は変更していません。");
    }
    if (theirs.fileId != hex(m->header.header.fileId.data(), m->header.header.fileId.size()))
        throw Error(ErrorCode::InvalidInput,
                    source + " is a backup of another registry (its file id differs); only a backup of this "
                             "registry can be restored into it. The registry was not changed",
                    "backup",
                    source + " は別の登録簿のバックアップです（ファイル ID が異なります）。この登録簿のバックアップ"
                             "だけを戻せます。登録簿は変更していません。");
    // The backup shares the data key, so its pages open with this session's page key.
    vfs::registerKey(source, m->pageKey);
    std::string replacedHead, restoredHead;
    struct Unregister {
        std::string path;
        ~Unregister() { vfs::unregisterKey(path); }
    } unregister{source};
    try {
        SQLite::Database from(source, SQLite::OPEN_READONLY, 5000, vfs::shimName(lower));
        applyPragmas(from, true);
        const int theirVersion = from.execAndGet("PRAGMA user_version").getInt();
        const int ourVersion = m->db->execAndGet("PRAGMA user_version").getInt();
        if (theirVersion != ourVersion)
            throw Error(ErrorCode::UnsupportedVersion,
                        source + " was written by another version of Meibo (schema " + std::to_string(theirVersion) +
                            ", this registry " + std::to_string(ourVersion) +
                            "): open it on its own instead. The registry was not changed",
                        "backup",
                        source + " は別の版の Meibo が書いたバックアップです（スキーマ " + std::to_string(theirVersion) +
                            "、この登録簿は " + std::to_string(ourVersion) +
                            "）。戻すのではなく、そのファイルを直接開いてください。登録簿は変更していません。");
        const std::string check = from.execAndGet("PRAGMA quick_check").getString();
        if (check != "ok")
            throw Error(ErrorCode::Damaged,
                        source + " failed SQLite's quick_check (" + check + "); the registry was not changed",
                        "backup", source + " は壊れています（整合性の検査に失敗しました）。登録簿は変更していません。");
        replacedHead = detail::auditHeadOf(*m->db);
        restoredHead = detail::auditHeadOf(from);
        m->backupTo(beforeRestorePath());
        SQLite::Backup b(*m->db, from);
        b.executeStep(-1);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        rethrowSqlite(e, "restoring the backup");
    }
    // The restored log would otherwise read as if the later entries had never been: the restore
    // is the next entry of the restored chain, naming the head it replaced and where that is kept.
    detail::write(*this, "recording the restore", [&](SQLite::Database&, AuditLog& audit) {
        audit.append("vault.restore", "registry", {{"audit_head", replacedHead}},
                     {{"audit_head", restoredHead}, {"backup", source}, {"before_restore", beforeRestorePath()}});
    });
}

std::vector<std::pair<std::string, std::int64_t>> Vault::tableCounts() const
{
    std::vector<std::pair<std::string, std::int64_t>> out;
    std::vector<std::string> names;
    SQLite::Statement q(*m->db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                "ORDER BY name");
    while (q.executeStep())
        names.push_back(q.getColumn(0).getString());
    for (const std::string& name : names) {
        // Table names come from sqlite_schema, not from the user; quoted all the same.
        SQLite::Statement c(*m->db, "SELECT count(*) FROM \"" + name + "\"");
        c.executeStep();
        out.emplace_back(name, c.getColumn(0).getInt64());
    }
    return out;
}

std::string Vault::organizationName() const
{
    return m->db->execAndGet("SELECT name FROM organization WHERE id = 1").getString();
}

// ---- VaultAccess ------------------------------------------------------------------------------

SQLite::Database& VaultAccess::database(Vault& vault) { return *vault.m->db; }
const SQLite::Database& VaultAccess::database(const Vault& vault) { return *vault.m->db; }

const SecureBuffer& VaultAccess::auditKey(Vault& vault)
{
    if (vault.m->auditKey.empty())
        vault.m->auditKey = deriveSubkey(vault.m->dataKey, 3);
    return vault.m->auditKey;
}

void VaultAccess::beforeWrite(Vault& vault)
{
    vault.m->requireWritable("this change");
    vault.m->dailyBackup();
}

void rethrowSqlite(const std::exception& e, std::string_view doing)
{
    const auto* se = dynamic_cast<const SQLite::Exception*>(&e);
    const std::string what = std::string(doing);
    if (!se)
        throw Error(ErrorCode::Internal, what + " failed: " + e.what(), "",
                    "処理の途中で予期しない問題が起きました。何も変更していません。");
    switch (se->getErrorCode()) {
    case SQLITE_FULL:
        throw Error(ErrorCode::Io,
                    "the disk is full (" + what + "): free some space and try again. Nothing was changed; what was "
                                                  "saved before is intact",
                    "", "ディスクがいっぱいです。空きを作ってからやり直してください。何も変更しておらず、保存済みの内容は無事です。");
    case SQLITE_READONLY:
        throw Error(ErrorCode::Io, what + " failed: the registry or its folder is read-only", "",
                    "名簿ファイルまたはそのフォルダーが読み取り専用のため、保存できません。");
    case SQLITE_CANTOPEN:
        throw Error(ErrorCode::Io,
                    what + " failed: cannot create files next to the registry (its journal); check that its folder "
                           "is writable",
                    "", "名簿ファイルの横に作業用のファイルを作れません。フォルダーに書き込めるか確かめてください。");
    case SQLITE_AUTH:
        // The shim opens only files it holds a key for, looked up by SQLite's name for the file.
        throw Error(ErrorCode::Io,
                    what + " failed: the registry's path changed while Meibo opened it (a symbolic link replaced or "
                           "moved?). Open it again by its real path",
                    "", "開いている間に名簿ファイルの場所が変わりました。実際の場所から開き直してください。");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw Error(ErrorCode::InUse, what + " failed: another program is using the registry; try again", "",
                    "他のプログラムが名簿ファイルを使っています。しばらくしてからやり直してください。");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        throw Error(ErrorCode::Damaged, what + " failed: the registry is damaged (" + e.what() + ")", "",
                    "名簿ファイルが壊れています。バックアップから復元してください。");
    case SQLITE_IOERR:
        if (se->getExtendedErrorCode() == SQLITE_IOERR_DATA || vfs::lastAuthFailure())
            throw Error(ErrorCode::Damaged,
                        what + " failed: " + describeAuthFailure("a page failed authentication") +
                            " (the file was changed outside Meibo)",
                        "", "名簿ファイルが Meibo の外で変更されたため、内容を確かめられません。バックアップから復元してください。");
        throw Error(ErrorCode::Io,
                    what + " failed: the operating system reported an I/O error (" + e.what() +
                        "); check the disk, then try again",
                    "", "ディスクの読み書きで問題が起きました。ディスクを確かめてからやり直してください。");
    default:
        throw Error(ErrorCode::Io, what + " failed: " + e.what(), "",
                    "名簿ファイルの読み書きに失敗しました。何も変更していません。");
    }
}

} // namespace meibo::db
