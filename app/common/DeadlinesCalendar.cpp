#include "DeadlinesCalendar.h"

#include "meibo/core/Calendar.h"
#include "meibo/core/Error.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

namespace meibo::app {

namespace {
std::string utcStamp()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

core::Error cannotWrite(const std::string& path, const char* why, const char* whyJa)
{
    return core::Error(core::ErrorCode::Io, "cannot write " + path + why + ": nothing was written", path,
                       path + " に書き込めません" + whyJa + "。何も書き込まれていません。");
}
} // namespace

std::vector<db::Deadline> deadlinesWithin(db::Vault& vault, const core::Date& today, int withinDays)
{
    std::vector<db::Deadline> out;
    if (vault.schemaVersion() < 5) // registries older than the report schedule have none
        return out;
    for (auto& d : db::upcomingDeadlines(vault, today))
        if (withinDays < 0 || core::daysBetween(today, d.due) <= withinDays)
            out.push_back(std::move(d));
    return out;
}

void writeDeadlinesIcs(const std::string& path, const std::vector<db::Deadline>& deadlines)
{
    const std::string text = core::icsCalendar(db::deadlineEvents(deadlines), utcStamp());
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        throw cannotWrite(path, " (choose a folder you can write to)", "（書き込めるフォルダーを選んでください）");
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) {
            ::close(fd);
            ::unlink(tmp.c_str());
            throw cannotWrite(path, " (is the disk full?)", "（ディスクの空き容量を確認してください）");
        }
        done += std::size_t(n);
    }
    const bool synced = ::fsync(fd) == 0;
    if (::close(fd) != 0 || !synced || std::rename(tmp.c_str(), path.c_str()) != 0) {
        ::unlink(tmp.c_str());
        throw cannotWrite(path, "", "");
    }
}

} // namespace meibo::app
