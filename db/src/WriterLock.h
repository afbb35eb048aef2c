#pragma once

#include <string>

namespace meibo::db {

/// The one-writer rule: an exclusive flock(2) on `<registry>.lock`, held for as long as a writer
/// has the registry open. The file records who holds it, for the message the next writer sees.
class WriterLock {
public:
    WriterLock() = default;
    /// Takes the lock or throws Error(InUse) naming the process and user that hold it.
    static WriterLock acquire(const std::string& registryPath);
    /// Takes the lock if it is free; otherwise returns a lock that is not held.
    static WriterLock tryAcquire(const std::string& registryPath);
    ~WriterLock() { release(); }
    WriterLock(WriterLock&& other) noexcept;
    WriterLock& operator=(WriterLock&& other) noexcept;
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

    bool held() const noexcept { return m_fd >= 0; }
    void release() noexcept;

private:
    static WriterLock take(const std::string& registryPath, bool mustSucceed);
    int m_fd = -1;
};

} // namespace meibo::db
