#include "WriterLock.h"

#include "meibo/core/Error.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <unistd.h>
#include <utility>

namespace meibo::db {

WriterLock::WriterLock(WriterLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept
{
    if (this != &other) {
        release();
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

void WriterLock::release() noexcept
{
    if (m_fd >= 0)
        ::close(m_fd); // closing drops the flock; the file stays (unlinking it would race)
    m_fd = -1;
}

WriterLock WriterLock::acquire(const std::string& registryPath) { return take(registryPath, true); }
WriterLock WriterLock::tryAcquire(const std::string& registryPath) { return take(registryPath, false); }

WriterLock WriterLock::take(const std::string& registryPath, bool mustSucceed)
{
    const std::string path = registryPath + ".lock";
    WriterLock lock;
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (!mustSucceed)
            return lock;
        throw core::Error(core::ErrorCode::Io, "cannot create the lock file " + path + ": " + std::strerror(errno) +
                                                   "; the registry's folder must be writable to open it for writing");
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char holder[256] = {};
        const ssize_t n = ::pread(fd, holder, sizeof holder - 1, 0);
        ::close(fd);
        if (!mustSucceed)
            return lock;
        std::string who = n > 0 ? std::string(holder, static_cast<std::size_t>(n)) : std::string();
        while (!who.empty() && (who.back() == '\n' || who.back() == '\0'))
            who.pop_back();
        throw core::Error(core::ErrorCode::InUse,
                          registryPath + " is open for writing in another Meibo" +
                              (who.empty() ? std::string() : " (" + who + ")") +
                              ": close it there first. Reading is still possible with --read-only.");
    }
    // Record who holds it, for the message the next writer gets.
    const passwd* pw = ::getpwuid(::getuid());
    char when[32];
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M", &local);
    const std::string who = "process " + std::to_string(::getpid()) + " of user " +
                            (pw ? pw->pw_name : std::to_string(::getuid())) + ", since " + when + "\n";
    if (::ftruncate(fd, 0) == 0 && ::pwrite(fd, who.data(), who.size(), 0) < 0) {
        // The note is only for messages; the lock itself is what counts.
    }
    lock.m_fd = fd;
    return lock;
}

} // namespace meibo::db
