#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace meibo::test {

/// A passthrough VFS over the system one that can (1) run out of disk space after a byte budget,
/// and (2) simulate power loss: every write and truncate since a file's last sync is undone at
/// recover(), and deletes made without a directory sync come back. It sits *under* the encrypting
/// shim, so the shim and SQLite are tested together against the failures of the layer below.
class FaultVfs {
public:
    static constexpr const char* kName = "meibo-faulty";
    /// Registers the VFS (once) and returns it, with no faults armed.
    static FaultVfs& instance();

    void reset();                          ///< disarm everything, forget unsynced state
    void setSpaceBudget(std::int64_t bytes); ///< growth allowed before SQLITE_FULL; -1 = unlimited
    void setCrashAfter(std::int64_t ops);  ///< after this many writes/syncs/truncates/deletes, "lose power"
    bool crashed() const;
    std::int64_t mutatingOps() const;
    /// After a crash (or at any time): put every file back to what its last sync made durable.
    void recover();

    /// Which writes a tear may hit: the file's path, the byte offset and length of the write.
    using WriteMatch = std::function<bool(const std::string& path, std::int64_t offset, int amount)>;
    /// Tears one write, as a power cut in the middle of it does on a disk with 512-byte sectors: the
    /// `occurrence`-th write (from 0) that `match` accepts lands only the sectors whose bit is set in
    /// `keepSectors` (bit 0 = the sector that holds its first byte; sectors are aligned to the file),
    /// the rest keep what was there; then the power is out, as after setCrashAfter.
    void setTear(WriteMatch match, int occurrence, std::uint64_t keepSectors);
    bool tore() const;                      ///< whether the armed tear happened
    std::string tornPath() const;           ///< the file and offset the tear hit
    std::int64_t tornOffset() const;
    /// Like recover(), but each write made since its file's last sync lands or not sector by sector,
    /// at random (seeded): what a disk that reorders its queue leaves after a power cut. The torn
    /// write stays as it tore.
    void recoverScattered(std::uint32_t seed);
};

} // namespace meibo::test
