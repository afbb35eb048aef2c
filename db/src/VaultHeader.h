#pragma once

#include "meibo/db/SecureBuffer.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace meibo::db {

/// Sizes of the on-disk format (docs/vault-format.md).
inline constexpr std::uint32_t kHeaderSize = 4096;
inline constexpr std::uint32_t kPageSize = 4096;
inline constexpr std::uint32_t kReservedBytes = 40;       // nonce (24) + tag (16) per page
inline constexpr std::uint32_t kSealedBytes = kPageSize - kReservedBytes;
inline constexpr std::uint16_t kFormatVersion = 1;
inline constexpr int kSlotCount = 8;
inline constexpr std::size_t kSlotSize = 192;
inline constexpr std::size_t kSlotsOffset = 64;
inline constexpr std::size_t kChecksumOffset = 4048;     // BLAKE2b-128, unkeyed, over [0, 4048)
inline constexpr std::size_t kMacOffset = 4064;          // BLAKE2b-256 keyed, over [0, 4064)
inline constexpr std::size_t kKeySize = 32;
inline constexpr std::size_t kFileIdSize = 16;
inline constexpr std::size_t kSlotNameSize = 32;
inline constexpr char kMagic[8] = {'M', 'E', 'I', 'B', 'O', 'V', 'L', 'T'};

/// Argon2id costs. A new key slot (init, passwd, slot add) takes at most kMaxNewOps passes and
/// kMaxNewMemBytes; a header that asks for more than kMaxHeaderOps / kMaxHeaderMemBytes (well above,
/// room for a future default) is refused as damaged or tampered with before any key is derived.
inline constexpr std::uint64_t kMinOps = 1;
inline constexpr std::uint64_t kMinMemBytes = 8192;
inline constexpr std::uint64_t kMaxNewOps = 8;
inline constexpr std::uint64_t kMaxNewMemBytes = std::uint64_t{1} << 30;    // 1024 MiB
inline constexpr std::uint64_t kMaxHeaderOps = 32;
inline constexpr std::uint64_t kMaxHeaderMemBytes = std::uint64_t{4} << 30; // 4096 MiB

using FileId = std::array<std::uint8_t, kFileIdSize>;

enum class SlotKind : std::uint8_t { Empty = 0, Passphrase = 1, RecoveryKey = 2 };
enum class SlotKdf : std::uint8_t { None = 0, Argon2id13 = 1, Blake2b = 2 };

/// One key slot: the data key wrapped under a key derived from a passphrase or the recovery key.
struct KeySlot {
    SlotKind kind = SlotKind::Empty;
    SlotKdf kdf = SlotKdf::None;
    std::uint64_t opsLimit = 0;
    std::uint64_t memLimit = 0;
    std::array<std::uint8_t, 16> salt{};
    std::array<std::uint8_t, 24> nonce{};
    std::array<std::uint8_t, kKeySize + 16> wrappedKey{};
    std::string name;
};

enum class HeaderParseStatus { Ok, TooShort, BadMagic, NewerVersion, Damaged };
struct HeaderParseResult;

/// The parsed 4096-byte header. Parsing checks shape and the unkeyed checksum; the keyed MAC can
/// only be checked once a slot has given up the data key (verifyMac).
struct VaultHeader {
    std::uint16_t formatVersion = kFormatVersion;
    FileId fileId{};
    std::uint64_t generation = 0;
    std::int64_t createdUnix = 0;
    std::array<KeySlot, kSlotCount> slots{};

    /// Serialises and seals with the MAC keyed from dataKey.
    std::array<std::uint8_t, kHeaderSize> serialize(const SecureBuffer& dataKey) const;

    using ParseStatus = HeaderParseStatus;
    static HeaderParseResult parse(const std::uint8_t* bytes, std::size_t size);

    /// True when the keyed MAC of these exact bytes matches the data key.
    static bool verifyMac(const std::uint8_t* bytes, const SecureBuffer& dataKey);

    int findSlot(std::string_view name) const;
    int firstFreeSlot() const;
};

struct HeaderParseResult {
    HeaderParseStatus status;
    std::optional<VaultHeader> header;
    std::uint16_t foundVersion = 0;
    std::string problem; ///< for Damaged with an intact checksum: what in the header is impossible
};

/// Nullopt when Meibo accepts these costs for a new key slot, else the sentence that says the limits.
std::optional<std::string> checkNewKdf(std::uint64_t opsLimit, std::uint64_t memLimitBytes);

/// Derives the wrapping key of a slot and seals/opens the data key with it.
void wrapDataKey(KeySlot& slot, int slotIndex, const FileId& fileId, const SecureBuffer& dataKey,
                 const SecureBuffer& secret);
/// Returns the data key, or an empty buffer when the secret does not open this slot.
SecureBuffer unwrapDataKey(const KeySlot& slot, int slotIndex, const FileId& fileId, const SecureBuffer& secret);

/// Subkeys of the data key: 1 = header MAC, 2 = page encryption.
SecureBuffer deriveSubkey(const SecureBuffer& dataKey, std::uint64_t id);

/// The recovery key as shown to the officer: 52 base32 characters in groups of four.
std::string formatRecoveryKey(const SecureBuffer& key);
/// Parses what formatRecoveryKey printed (case, spaces and dashes ignored); empty when malformed.
SecureBuffer parseRecoveryKey(std::string_view text);

} // namespace meibo::db
