// libFuzzer harness for the registry's 4,096-byte header (db/src/VaultHeader): the one part of a
// registry read before any key is known. Two inputs in one: the bytes as they are (most fail the
// checksum), and the same bytes made into a header whose checksum is right — what a tamperer or a
// bit-rot survivor would present. Oracles: no crash, leak or undefined behaviour; a parsed header
// serialises back to a header that parses to the same fields; unwrapping a slot with a wrong secret
// never yields a key. The recovery-key parser is fed the bytes as text, too.

#include "FuzzSupport.h"

#include "VaultHeader.h"

#include <sodium.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

using namespace meibo::db;
using meibo::fuzz::fail;

namespace {

bool sameSlot(const KeySlot& a, const KeySlot& b)
{
    return a.kind == b.kind && a.kdf == b.kdf && a.opsLimit == b.opsLimit && a.memLimit == b.memLimit &&
           a.salt == b.salt && a.nonce == b.nonce && a.wrappedKey == b.wrappedKey && a.name == b.name;
}

void check(const std::uint8_t* bytes, std::size_t size)
{
    const HeaderParseResult r = VaultHeader::parse(bytes, size);
    if ((r.status == HeaderParseStatus::Ok) != r.header.has_value())
        fail("parse: status and header disagree");
    if (!r.header)
        return;
    const VaultHeader& h = *r.header;
    SecureBuffer key(kKeySize);
    std::memset(key.data(), 7, key.size());
    const auto again = h.serialize(key);
    const HeaderParseResult r2 = VaultHeader::parse(again.data(), again.size());
    if (!r2.header)
        fail("a parsed header, serialised again, does not parse");
    const VaultHeader& h2 = *r2.header;
    if (h2.formatVersion != h.formatVersion || h2.fileId != h.fileId || h2.generation != h.generation ||
        h2.createdUnix != h.createdUnix)
        fail("a parsed header, serialised again, parses to other fields");
    for (int i = 0; i < kSlotCount; ++i)
        if (!sameSlot(h.slots[i], h2.slots[i]))
            fail("a key slot, serialised again, parses to other fields");
    if (!VaultHeader::verifyMac(again.data(), key))
        fail("serialize wrote a MAC that verifyMac refuses");
    for (int i = 0; i < kSlotCount; ++i) {
        const KeySlot& slot = h.slots[i];
        // Argon2id at a cost chosen by the input runs for minutes (issue 12, "Bad headers", is
        // bounding it): only cheap slots are unwrapped here.
        if (slot.kdf == SlotKdf::Argon2id13 && (slot.opsLimit > 3 || slot.memLimit > (std::uint64_t{1} << 20)))
            continue;
        const SecureBuffer wrong = SecureBuffer::fromString(slot.kdf == SlotKdf::Blake2b
                                                                ? std::string(kKeySize, 'x')
                                                                : std::string("not the passphrase"));
        if (!unwrapDataKey(slot, i, h.fileId, wrong).empty())
            fail("a wrong secret unwrapped a data key");
        (void)h.findSlot(slot.name);
    }
    (void)h.firstFreeSlot();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    check(data, size);

    // The same bytes as a header with a correct checksum.
    std::array<std::uint8_t, kHeaderSize> h{};
    std::memcpy(h.data(), data, std::min<std::size_t>(size, kHeaderSize));
    std::memcpy(h.data(), kMagic, sizeof kMagic);
    const std::uint8_t shape[12] = {kFormatVersion & 0xff, kFormatVersion >> 8, kHeaderSize & 0xff, kHeaderSize >> 8,
                                    kPageSize & 0xff, (kPageSize >> 8) & 0xff, 0, 0, kReservedBytes, 0, kSlotCount, 0};
    if (size < 20)
        std::memcpy(h.data() + 8, shape, sizeof shape); // short inputs: the shape of a real header
    crypto_generichash(h.data() + kChecksumOffset, 16, h.data(), kChecksumOffset, nullptr, 0);
    check(h.data(), h.size());

    const std::string text(reinterpret_cast<const char*>(data), std::min<std::size_t>(size, 256));
    const SecureBuffer recovery = parseRecoveryKey(text);
    if (!recovery.empty()) {
        if (recovery.size() != kKeySize)
            fail("parseRecoveryKey returned a key of the wrong size");
        const SecureBuffer back = parseRecoveryKey(formatRecoveryKey(recovery));
        if (back.size() != kKeySize || std::memcmp(back.data(), recovery.data(), kKeySize) != 0)
            fail("formatRecoveryKey then parseRecoveryKey does not give the key back");
    }
    return 0;
}
