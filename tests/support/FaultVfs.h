#pragma once

#include <cstdint>

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
};

} // namespace meibo::test
