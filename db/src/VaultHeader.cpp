#include "VaultHeader.h"

#include "meibo/core/Error.h"
#include "Sodium.h"

#include <cstring>

namespace meibo::db {

namespace {
void putU16(std::uint8_t* p, std::uint16_t v) { p[0] = v & 0xff; p[1] = v >> 8; }
void putU32(std::uint8_t* p, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
void putU64(std::uint8_t* p, std::uint64_t v)
{
    for (int i = 0; i < 8; ++i)
        p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
std::uint16_t getU16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }
std::uint32_t getU32(const std::uint8_t* p)
{
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}
std::uint64_t getU64(const std::uint8_t* p)
{
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES] = {'M', 'e', 'i', 'b', 'o', 'K', 'e', 'y'};

void serializeSlot(const KeySlot& slot, std::uint8_t* p)
{
    std::memset(p, 0, kSlotSize);
    p[0] = static_cast<std::uint8_t>(slot.kind);
    p[1] = static_cast<std::uint8_t>(slot.kdf);
    putU64(p + 8, slot.opsLimit);
    putU64(p + 16, slot.memLimit);
    std::memcpy(p + 24, slot.salt.data(), 16);
    std::memcpy(p + 40, slot.nonce.data(), 24);
    std::memcpy(p + 64, slot.wrappedKey.data(), slot.wrappedKey.size());
    std::memcpy(p + 112, slot.name.data(), std::min(slot.name.size(), kSlotNameSize));
}

/// What makes a parsed slot impossible, in words; nullopt when it is one Meibo could have written
/// (within the header bounds, which lie well above what a new slot may take).
std::optional<std::string> slotProblem(const KeySlot& slot)
{
    switch (slot.kind) {
    case SlotKind::Empty:
        return std::nullopt;
    case SlotKind::Passphrase:
        if (slot.kdf != SlotKdf::Argon2id13)
            return std::string("is a passphrase slot without Argon2id");
        if (slot.opsLimit < kMinOps || slot.opsLimit > kMaxHeaderOps)
            return "asks Argon2id for " + std::to_string(slot.opsLimit) + " passes (Meibo accepts 1 to at most " +
                   std::to_string(kMaxHeaderOps) + ")";
        if (slot.memLimit < kMinMemBytes || slot.memLimit > kMaxHeaderMemBytes)
            return "asks Argon2id for " + std::to_string(slot.memLimit >> 20) + " MiB (" +
                   std::to_string(slot.memLimit) + " bytes) of memory (Meibo accepts 8 KiB to at most " +
                   std::to_string(kMaxHeaderMemBytes >> 20) + " MiB)";
        return std::nullopt;
    case SlotKind::RecoveryKey:
        if (slot.kdf != SlotKdf::Blake2b)
            return std::string("is a recovery-key slot with an unknown key derivation");
        return std::nullopt;
    }
    return "has an unknown kind (" + std::to_string(static_cast<int>(slot.kind)) + ")";
}

KeySlot parseSlot(const std::uint8_t* p)
{
    KeySlot slot;
    slot.kind = static_cast<SlotKind>(p[0]);
    slot.kdf = static_cast<SlotKdf>(p[1]);
    slot.opsLimit = getU64(p + 8);
    slot.memLimit = getU64(p + 16);
    std::memcpy(slot.salt.data(), p + 24, 16);
    std::memcpy(slot.nonce.data(), p + 40, 24);
    std::memcpy(slot.wrappedKey.data(), p + 64, slot.wrappedKey.size());
    const char* name = reinterpret_cast<const char*>(p + 112);
    slot.name.assign(name, strnlen(name, kSlotNameSize));
    return slot;
}

/// Associated data of a wrapped key: binds it to this file, this slot index and its KDF settings,
/// so a slot copied from another registry or with lowered cost no longer opens.
std::array<std::uint8_t, kFileIdSize + 1 + 40> slotAad(const KeySlot& slot, int index, const FileId& fileId)
{
    std::array<std::uint8_t, kFileIdSize + 1 + 40> ad{};
    std::memcpy(ad.data(), fileId.data(), kFileIdSize);
    ad[kFileIdSize] = static_cast<std::uint8_t>(index);
    std::uint8_t head[kSlotSize];
    serializeSlot(slot, head);
    std::memcpy(ad.data() + kFileIdSize + 1, head, 40); // kind, kdf, costs, salt
    return ad;
}

SecureBuffer wrappingKey(const KeySlot& slot, const SecureBuffer& secret)
{
    SecureBuffer key(kKeySize);
    switch (slot.kdf) {
    case SlotKdf::Argon2id13:
        if (slot.opsLimit < kMinOps || slot.memLimit < kMinMemBytes || slot.opsLimit > kMaxHeaderOps ||
            slot.memLimit > kMaxHeaderMemBytes)
            return {};
        if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char*>(secret.data()), secret.size(),
                          slot.salt.data(), slot.opsLimit, static_cast<std::size_t>(slot.memLimit),
                          crypto_pwhash_ALG_ARGON2ID13) != 0)
            throw core::Error(core::ErrorCode::Io,
                              "not enough memory for the passphrase check (" +
                                  std::to_string(slot.memLimit >> 20) + " MiB); close other programs and try again", std::string(), "パスフレーズの確認に必要なメモリ（" + std::to_string(slot.memLimit >> 20) + " MiB）が足りません。ほかのプログラムを閉じてからやり直してください。");
        return key;
    case SlotKdf::Blake2b: {
        // The recovery key is 256 random bits: no stretching needed, only domain separation.
        if (secret.size() != kKeySize)
            return {};
        crypto_generichash_state st;
        crypto_generichash_init(&st, secret.data(), secret.size(), key.size());
        static const char kLabel[] = "MeiboRecoveryWrap";
        crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(kLabel), sizeof kLabel - 1);
        crypto_generichash_update(&st, slot.salt.data(), slot.salt.size());
        crypto_generichash_final(&st, key.data(), key.size());
        return key;
    }
    case SlotKdf::None:
        break;
    }
    return {};
}
} // namespace

std::array<std::uint8_t, kHeaderSize> VaultHeader::serialize(const SecureBuffer& dataKey) const
{
    std::array<std::uint8_t, kHeaderSize> out{};
    std::memcpy(out.data(), kMagic, sizeof kMagic);
    putU16(out.data() + 8, formatVersion);
    putU16(out.data() + 10, static_cast<std::uint16_t>(kHeaderSize));
    putU32(out.data() + 12, kPageSize);
    putU16(out.data() + 16, static_cast<std::uint16_t>(kReservedBytes));
    putU16(out.data() + 18, static_cast<std::uint16_t>(kSlotCount));
    std::memcpy(out.data() + 20, fileId.data(), kFileIdSize);
    putU64(out.data() + 36, generation);
    putU64(out.data() + 44, static_cast<std::uint64_t>(createdUnix));
    for (int i = 0; i < kSlotCount; ++i)
        serializeSlot(slots[i], out.data() + kSlotsOffset + i * kSlotSize);
    crypto_generichash(out.data() + kChecksumOffset, 16, out.data(), kChecksumOffset, nullptr, 0);
    const SecureBuffer macKey = deriveSubkey(dataKey, 1);
    crypto_generichash(out.data() + kMacOffset, 32, out.data(), kMacOffset, macKey.data(), macKey.size());
    return out;
}

HeaderParseResult VaultHeader::parse(const std::uint8_t* bytes, std::size_t size)
{
    ensureSodium();
    if (size < sizeof kMagic || std::memcmp(bytes, kMagic, sizeof kMagic) != 0)
        return {size < sizeof kMagic ? ParseStatus::TooShort : ParseStatus::BadMagic, std::nullopt, 0, {}};
    if (size < kHeaderSize)
        return {ParseStatus::TooShort, std::nullopt, 0, {}};
    const std::uint16_t version = getU16(bytes + 8);
    std::uint8_t check[16];
    crypto_generichash(check, sizeof check, bytes, kChecksumOffset, nullptr, 0);
    const bool intact = sodium_memcmp(check, bytes + kChecksumOffset, sizeof check) == 0;
    if (version > kFormatVersion && intact)
        return {ParseStatus::NewerVersion, std::nullopt, version, {}};
    if (!intact || version != kFormatVersion || getU16(bytes + 10) != kHeaderSize || getU32(bytes + 12) != kPageSize ||
        getU16(bytes + 16) != kReservedBytes || getU16(bytes + 18) != kSlotCount)
        return {ParseStatus::Damaged, std::nullopt, version, {}};
    VaultHeader h;
    h.formatVersion = version;
    std::memcpy(h.fileId.data(), bytes + 20, kFileIdSize);
    h.generation = getU64(bytes + 36);
    h.createdUnix = static_cast<std::int64_t>(getU64(bytes + 44));
    for (int i = 0; i < kSlotCount; ++i) {
        h.slots[i] = parseSlot(bytes + kSlotsOffset + i * kSlotSize);
        if (auto problem = slotProblem(h.slots[i]))
            return {ParseStatus::Damaged, std::nullopt, version,
                    "key slot " + std::to_string(i) + " (bytes " + std::to_string(kSlotsOffset + i * kSlotSize) + "–" +
                        std::to_string(kSlotsOffset + (i + 1) * kSlotSize - 1) + ") " + *problem};
    }
    return {ParseStatus::Ok, std::move(h), version, {}};
}

std::optional<std::string> checkNewKdf(std::uint64_t opsLimit, std::uint64_t memLimitBytes)
{
    if (opsLimit < kMinOps || opsLimit > kMaxNewOps || memLimitBytes < kMinMemBytes || memLimitBytes > kMaxNewMemBytes)
        return "the passphrase check settings are out of range: " + std::to_string(kMinOps) + " to at most " +
               std::to_string(kMaxNewOps) + " passes, and 8 KiB to at most " + std::to_string(kMaxNewMemBytes >> 20) +
               " MiB of memory (the default is 3 passes and 256 MiB)";
    return std::nullopt;
}

bool VaultHeader::verifyMac(const std::uint8_t* bytes, const SecureBuffer& dataKey)
{
    const SecureBuffer macKey = deriveSubkey(dataKey, 1);
    std::uint8_t mac[32];
    crypto_generichash(mac, sizeof mac, bytes, kMacOffset, macKey.data(), macKey.size());
    return sodium_memcmp(mac, bytes + kMacOffset, sizeof mac) == 0;
}

int VaultHeader::findSlot(std::string_view name) const
{
    for (int i = 0; i < kSlotCount; ++i)
        if (slots[i].kind != SlotKind::Empty && slots[i].name == name)
            return i;
    return -1;
}

int VaultHeader::firstFreeSlot() const
{
    for (int i = 0; i < kSlotCount; ++i)
        if (slots[i].kind == SlotKind::Empty)
            return i;
    return -1;
}

void wrapDataKey(KeySlot& slot, int slotIndex, const FileId& fileId, const SecureBuffer& dataKey,
                 const SecureBuffer& secret)
{
    ensureSodium();
    randombytes_buf(slot.salt.data(), slot.salt.size());
    randombytes_buf(slot.nonce.data(), slot.nonce.size());
    const SecureBuffer key = wrappingKey(slot, secret);
    if (key.empty())
        throw core::Error(core::ErrorCode::InvalidInput, "the key slot settings are not valid");
    const auto ad = slotAad(slot, slotIndex, fileId);
    unsigned long long outLen = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(slot.wrappedKey.data(), &outLen, dataKey.data(), dataKey.size(),
                                               ad.data(), ad.size(), nullptr, slot.nonce.data(), key.data());
}

SecureBuffer unwrapDataKey(const KeySlot& slot, int slotIndex, const FileId& fileId, const SecureBuffer& secret)
{
    ensureSodium();
    const SecureBuffer key = wrappingKey(slot, secret);
    if (key.empty())
        return {};
    const auto ad = slotAad(slot, slotIndex, fileId);
    SecureBuffer dataKey(kKeySize);
    unsigned long long outLen = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(dataKey.data(), &outLen, nullptr, slot.wrappedKey.data(),
                                                   slot.wrappedKey.size(), ad.data(), ad.size(), slot.nonce.data(),
                                                   key.data()) != 0 ||
        outLen != kKeySize)
        return {};
    return dataKey;
}

SecureBuffer deriveSubkey(const SecureBuffer& dataKey, std::uint64_t id)
{
    ensureSodium();
    SecureBuffer sub(kKeySize);
    crypto_kdf_derive_from_key(sub.data(), sub.size(), id, kKdfContext, dataKey.data());
    return sub;
}

namespace {
constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
}

std::string formatRecoveryKey(const SecureBuffer& key)
{
    std::string chars;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (std::size_t i = 0; i < key.size(); ++i) {
        buffer = (buffer << 8) | key.data()[i];
        bits += 8;
        while (bits >= 5) {
            chars += kBase32[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0)
        chars += kBase32[(buffer << (5 - bits)) & 31];
    std::string out;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        if (i && i % 4 == 0)
            out += '-';
        out += chars[i];
    }
    sodium_memzero(chars.data(), chars.size());
    return out;
}

SecureBuffer parseRecoveryKey(std::string_view text)
{
    SecureBuffer key(kKeySize);
    std::uint32_t buffer = 0;
    int bits = 0;
    std::size_t n = 0, chars = 0;
    for (char c : text) {
        if (c == '-' || c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
        const char* pos = std::strchr(kBase32, c);
        if (!pos || !*pos)
            return {};
        buffer = (buffer << 5) | static_cast<std::uint32_t>(pos - kBase32);
        bits += 5;
        ++chars;
        if (bits >= 8) {
            if (n == kKeySize)
                return {};
            key.data()[n++] = static_cast<std::uint8_t>(buffer >> (bits - 8));
            bits -= 8;
        }
    }
    if (n != kKeySize || chars != 52)
        return {};
    return key;
}

} // namespace meibo::db
