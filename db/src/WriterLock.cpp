#include "WriterLock.h"

#include "meibo/core/Error.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace meibo::db {

namespace {

constexpr int kReaderWaitTicks = 3000; // 30 s in steps of 10 ms

/// Opens (creating it 0600 when missing) the lock file, never through a symbolic link: one planted
/// by another user would otherwise have us truncate and write the file it points to. Returns -1
/// when the file cannot be opened and `mustSucceed` is false.
int openLockFile(const std::string& path, bool mustSucceed)
{
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int err = errno;
        if (err == ELOOP)
            throw core::Error(core::ErrorCode::IllegalState,
                              "the lock file " + path +
                                  " is a symbolic link, which Meibo never follows (someone may have put it there "
                                  "to make Meibo overwrite another file). Remove it, then try again; nothing was "
                                  "changed.",
                              path, "ロックファイル " + path + " がシンボリックリンクになっています（別のファイルを上書きさせる細工のおそれがあります）。削除してからやり直してください。何も変更していません。");
        if (!mustSucceed)
            return -1;
        throw core::Error(core::ErrorCode::Io, "cannot create the lock file " + path + ": " + std::strerror(err) +
                                                   "; the registry's folder must be writable to open it for writing",
                          path, "ロックファイル " + path + " を作れません。名簿ファイルのフォルダに書き込める必要があります。フォルダの権限を確かめてください。");
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw core::Error(core::ErrorCode::IllegalState,
                          "the lock file " + path + " is not a regular file. Remove it, then try again; nothing was "
                                                    "changed.",
                          path, "ロックファイル " + path + " が通常のファイルではありません。削除してからやり直してください。何も変更していません。");
    }
    return fd;
}

} // namespace

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

WriterLock WriterLock::acquire(const std::string& registryPath)
{
    const std::string path = registryPath + ".lock";
    WriterLock lock;
    const int fd = openLockFile(path, true);
    // A reader holds the lock shared only while it opens (seconds at most): wait for it. A writer
    // holds it exclusive for as long as it is open: say who it is at once.
    for (int waited = 0;; ++waited) {
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0)
            break;
        if (errno == EINTR)
            continue;
        const bool writer = ::flock(fd, LOCK_SH | LOCK_NB) != 0;
        if (!writer)
            ::flock(fd, LOCK_UN);
        if (writer || waited >= kReaderWaitTicks) {
            char holder[256] = {};
            const ssize_t n = ::pread(fd, holder, sizeof holder - 1, 0);
            ::close(fd);
            std::string who = n > 0 ? std::string(holder, static_cast<std::size_t>(n)) : std::string();
            while (!who.empty() && (who.back() == '\n' || who.back() == '\0'))
                who.pop_back();
            if (!writer)
                throw core::Error(core::ErrorCode::InUse,
                                  registryPath + " has been opening for reading in another program for " +
                                      std::to_string(kReaderWaitTicks / 100) +
                                      " seconds and keeps it from being opened for writing: close that "
                                      "program, then try again.",
                                  "file",
                                  registryPath + " を別のプログラムが" + std::to_string(kReaderWaitTicks / 100) +
                                      "秒以上読み取り中のため、書込み用に開けません。そのプログラムを閉じてから、"
                                      "もう一度試してください。");
            throw core::Error(core::ErrorCode::InUse,
                              registryPath + " is open for writing in another Meibo" +
                                  (who.empty() ? std::string() : " (" + who + ")") +
                                  ": close it there first, then try again.",
                              "file",
                              registryPath + " は別の Meibo で編集中です" +
                                  (who.empty() ? std::string() : "（" + who + "）") +
                                  "。そちらで閉じてから、もう一度試してください。");
        }
        ::usleep(10000);
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

WriterLock WriterLock::tryAcquireShared(const std::string& registryPath)
{
    WriterLock lock;
    int fd = -1;
    try {
        fd = openLockFile(registryPath + ".lock", false);
    } catch (const core::Error&) {
        return lock; // a reader goes on without it, and then does not replay or repair anything
    }
    if (fd < 0)
        return lock;
    if (::flock(fd, LOCK_SH | LOCK_NB) != 0) {
        ::close(fd);
        return lock;
    }
    lock.m_fd = fd; // a reader never writes the note: it belongs to the writers
    return lock;
}

} // namespace meibo::db
