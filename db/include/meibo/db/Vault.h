#pragma once

#include "meibo/db/SecureBuffer.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace meibo::db {

/// Argon2id cost of a passphrase slot.
struct KdfSettings {
    std::uint64_t opsLimit;
    std::uint64_t memLimitBytes;
    /// libsodium's MODERATE: 256 MiB, 3 passes (about 0.4–0.6 s on the reference machine).
    static KdfSettings standard();
    /// The smallest cost libsodium allows. Tests only: a registry made with it is easy to brute-force.
    static KdfSettings fastForTests();
};

/// What opens a registry: a passphrase, or the recovery key shown once at creation.
struct Secret {
    enum class Kind { Passphrase, RecoveryKey };
    Kind kind = Kind::Passphrase;
    SecureBuffer bytes;
    static Secret passphrase(std::string_view text);
    /// Parses the printed form (groups of four, case and dashes ignored); throws InvalidInput if malformed.
    static Secret recoveryKey(std::string_view text);
};

struct SlotInfo {
    int index = 0;
    std::string kind; ///< "passphrase" or "recovery-key"
    std::string name;
    std::string kdf;  ///< "argon2id13" or "blake2b"
    std::uint64_t opsLimit = 0;
    std::uint64_t memLimitBytes = 0;
};

/// What can be read from a registry without its passphrase.
struct VaultInfo {
    std::string path;
    int formatVersion = 0;
    std::string fileId; ///< hex
    std::uint64_t headerGeneration = 0;
    std::int64_t createdUnix = 0;
    std::uint64_t fileSize = 0;
    std::uint64_t pages = 0;
    bool hotJournal = false;     ///< an interrupted write left a journal that the next open replays
    bool pendingHeader = false;  ///< an interrupted key change left a new header to finish
    std::vector<SlotInfo> keySlots;
};

struct CreateOptions {
    std::string organizationName;
    KdfSettings kdf = KdfSettings::standard();
    std::string lowerVfs; ///< tests only: the VFS under the encrypting shim ("" = system default)
};

struct OpenOptions {
    bool readOnly = false;
    std::string lowerVfs;       ///< tests only
    bool writerLock = true;     ///< take the exclusive writer lock (<file>.lock)
    bool verifyPages = true;    ///< authenticate every page at open
};

/// The rules a new passphrase must meet (as `init`, `passwd` and `slot add` apply them): at least 8
/// characters, UTF-8 text without control characters. Throws core::Error(InvalidInput) with a
/// sentence in English and Japanese.
void checkNewPassphraseRules(const SecureBuffer& passphrase);

/// One encrypted registry file, open and unlocked. Moving is allowed, copying is not; the key is
/// wiped when the Vault closes.
class Vault {
public:
    /// Creates a new registry (refuses to overwrite) and returns the recovery key, shown once.
    static std::string create(const std::string& path, const SecureBuffer& passphrase, const CreateOptions& options);
    /// Reads the header only; needs no passphrase.
    static VaultInfo inspect(const std::string& path, const std::string& lowerVfs = {});
    /// Opens and verifies the registry: unlocks a key slot, replays a sound hot journal, authenticates
    /// every page, runs quick_check and pending migrations. Throws core::Error with a sentence for the user.
    static Vault open(const std::string& path, const Secret& secret, const OpenOptions& options = {});

    Vault(Vault&&) noexcept;
    Vault& operator=(Vault&&) noexcept;
    ~Vault();

    /// Closes the database, drops the key from the shim and wipes it.
    void close() noexcept;
    bool isOpen() const noexcept;

    const std::string& path() const;
    bool readOnly() const;
    /// The name of the key slot that opened the registry ("officer", "recovery", …).
    std::string openedSlot() const;
    VaultInfo info() const;
    int schemaVersion() const;

    /// Rewraps the data key of the slot that opened the registry (the first passphrase slot when the
    /// recovery key opened it). Pages are not re-encrypted. Crash-safe. Returns the slot's name.
    std::string changePassphrase(const SecureBuffer& newPassphrase, const KdfSettings& kdf = KdfSettings::standard());
    void addPassphraseSlot(std::string_view name, const SecureBuffer& passphrase,
                           const KdfSettings& kdf = KdfSettings::standard());
    /// Refuses to remove the last passphrase slot or the recovery slot.
    void removeSlot(std::string_view name);
    /// Replaces the recovery key; returns the new one (shown once).
    std::string rotateRecoveryKey();
    /// Whether `passphrase` opens one of the registry's passphrase slots (as of the header in
    /// memory). Runs Argon2id for each passphrase slot: off the GUI thread.
    bool checkPassphrase(const SecureBuffer& passphrase) const;

    /// `<file>.bak`: an encrypted copy that opens with the passphrases that were valid when it was written.
    std::string backupPath() const;
    /// Writes the backup now (SQLite's backup API through the encrypting layer, then an atomic rename).
    void backupNow();
    /// Where restoreFrom keeps the registry's contents as they were before the restore.
    std::string beforeRestorePath() const;
    /// Replaces the registry's contents by those of `backupFile` (a backup of this same registry:
    /// same file id, same schema version), in one SQLite transaction; the key slots stay as they are
    /// now. The contents before are first written to beforeRestorePath(). Throws core::Error and
    /// changes nothing when the file is not such a backup or does not authenticate.
    void restoreFrom(const std::string& backupFile);

    /// Rows per table, for `status`.
    std::vector<std::pair<std::string, std::int64_t>> tableCounts() const;
    std::string organizationName() const;

private:
    struct Impl;
    explicit Vault(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m;
    friend class VaultAccess;
};

} // namespace meibo::db
