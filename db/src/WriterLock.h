#pragma once

#include <string>

namespace meibo::db {

/// The one-writer rule: an exclusive flock(2) on `<registry>.lock`, held for as long as a writer
/// has the registry open. A reader takes it shared for the moment of its open: then no writer is
/// live, and a journal on disk was left by a crashed one. The file records which writer holds it,
/// for the message the next writer sees. It is never followed through a symbolic link.
class WriterLock {
public:
    WriterLock() = default;
    /// Takes the lock exclusively, waiting while readers finish opening; throws Error(InUse) naming
    /// the process and user when another writer holds it.
    static WriterLock acquire(const std::string& registryPath);
    /// Takes the lock shared if no writer holds it; otherwise returns a lock that is not held.
    static WriterLock tryAcquireShared(const std::string& registryPath);
    ~WriterLock() { release(); }
    WriterLock(WriterLock&& other) noexcept;
    WriterLock& operator=(WriterLock&& other) noexcept;
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

    bool held() const noexcept { return m_fd >= 0; }
    void release() noexcept;

private:
    int m_fd = -1;
};

} // namespace meibo::db
