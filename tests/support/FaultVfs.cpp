#include "FaultVfs.h"

#include <sqlite3.h>

#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

namespace meibo::test {

namespace {

struct Undo {
    std::int64_t offset;
    std::vector<std::uint8_t> old; // bytes that were there (within the old size)
    std::int64_t oldSize;
    std::int64_t length = 0;       // bytes written (0 for a truncate)
};

constexpr std::int64_t kSector = 512;

struct State {
    std::mutex mutex;
    std::int64_t budget = -1;
    std::int64_t crashAfter = -1;
    std::int64_t ops = 0;
    bool crashed = false;
    std::map<std::string, std::vector<Undo>> unsynced;            // path -> undo log since last sync
    std::map<std::string, std::vector<std::uint8_t>> resurrect;   // deleted without dir sync
    FaultVfs::WriteMatch tearMatch;
    int tearOccurrence = 0;
    std::uint64_t tearKeep = 0;
    bool tore = false;
    std::string tornPath;
    std::int64_t tornOffset = -1;
};

State& state()
{
    static State s;
    return s;
}

sqlite3_vfs* g_lower = nullptr;
sqlite3_vfs g_vfs;

struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;
    std::string* path;
};

FaultFile* ff(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f); }
constexpr std::size_t realOffset() { return (sizeof(FaultFile) + 15) & ~std::size_t{15}; }

// Counts one mutating operation; returns false when the power is (now) out.
bool tick(State& s)
{
    if (s.crashed)
        return false;
    if (s.crashAfter >= 0 && s.ops >= s.crashAfter) {
        s.crashed = true;
        return false;
    }
    ++s.ops;
    return true;
}

std::int64_t sizeOf(sqlite3_file* real)
{
    sqlite3_int64 n = 0;
    real->pMethods->xFileSize(real, &n);
    return n;
}

std::vector<std::uint8_t> readRange(sqlite3_file* real, std::int64_t off, std::int64_t n)
{
    std::vector<std::uint8_t> out(static_cast<std::size_t>(std::max<std::int64_t>(n, 0)));
    if (n > 0)
        real->pMethods->xRead(real, out.data(), static_cast<int>(n), off);
    return out;
}

int fClose(sqlite3_file* f)
{
    const int rc = ff(f)->real->pMethods->xClose(ff(f)->real);
    delete ff(f)->path;
    return rc;
}
int fRead(sqlite3_file* f, void* buf, int n, sqlite3_int64 off)
{
    if (state().crashed)
        return SQLITE_IOERR_READ;
    return ff(f)->real->pMethods->xRead(ff(f)->real, buf, n, off);
}
int fWrite(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off)
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    if (!tick(s))
        return SQLITE_IOERR_WRITE;
    sqlite3_file* real = ff(f)->real;
    const std::int64_t size = sizeOf(real);
    const std::int64_t growth = std::max<std::int64_t>(0, off + n - size);
    if (s.budget >= 0) {
        if (growth > s.budget)
            return SQLITE_FULL;
        s.budget -= growth;
    }
    const std::int64_t keep = std::min<std::int64_t>(off + n, size) - off;
    if (s.tearMatch && s.tearMatch(*ff(f)->path, off, n) && s.tearOccurrence-- == 0) {
        // The power goes out in the middle of this write: only the chosen sectors reach the disk.
        const auto* bytes = static_cast<const std::uint8_t*>(buf);
        const std::int64_t first = off / kSector;
        for (std::int64_t sector = first; sector * kSector < off + n; ++sector) {
            if (!((s.tearKeep >> (sector - first)) & 1))
                continue;
            const std::int64_t from = std::max<std::int64_t>(off, sector * kSector);
            const std::int64_t to = std::min<std::int64_t>(off + n, (sector + 1) * kSector);
            real->pMethods->xWrite(real, bytes + (from - off), static_cast<int>(to - from), from);
        }
        s.tearMatch = nullptr;
        s.tore = true;
        s.tornPath = *ff(f)->path;
        s.tornOffset = off;
        s.crashed = true;
        return SQLITE_IOERR_WRITE;
    }
    s.unsynced[*ff(f)->path].push_back(Undo{off, readRange(real, off, keep), size, n});
    return real->pMethods->xWrite(real, buf, n, off);
}
int fTruncate(sqlite3_file* f, sqlite3_int64 n)
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    if (!tick(s))
        return SQLITE_IOERR_TRUNCATE;
    sqlite3_file* real = ff(f)->real;
    const std::int64_t size = sizeOf(real);
    s.unsynced[*ff(f)->path].push_back(Undo{n, readRange(real, n, size - n), size});
    return real->pMethods->xTruncate(real, n);
}
int fSync(sqlite3_file* f, int flags)
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    if (!tick(s))
        return SQLITE_IOERR_FSYNC;
    const int rc = ff(f)->real->pMethods->xSync(ff(f)->real, flags);
    if (rc == SQLITE_OK)
        s.unsynced.erase(*ff(f)->path);
    return rc;
}
int fFileSize(sqlite3_file* f, sqlite3_int64* n) { return ff(f)->real->pMethods->xFileSize(ff(f)->real, n); }
int fLock(sqlite3_file* f, int l) { return ff(f)->real->pMethods->xLock(ff(f)->real, l); }
int fUnlock(sqlite3_file* f, int l) { return ff(f)->real->pMethods->xUnlock(ff(f)->real, l); }
int fCheck(sqlite3_file* f, int* o) { return ff(f)->real->pMethods->xCheckReservedLock(ff(f)->real, o); }
int fControl(sqlite3_file* f, int op, void* a) { return ff(f)->real->pMethods->xFileControl(ff(f)->real, op, a); }
int fSector(sqlite3_file* f) { return ff(f)->real->pMethods->xSectorSize(ff(f)->real); }
int fDevice(sqlite3_file* f) { return ff(f)->real->pMethods->xDeviceCharacteristics(ff(f)->real); }

const sqlite3_io_methods kMethods = {1,      fClose, fRead,  fWrite,   fTruncate, fSync,  fFileSize,
                                     fLock,  fUnlock, fCheck, fControl, fSector,   fDevice, nullptr,
                                     nullptr, nullptr, nullptr, nullptr, nullptr};

int vOpen(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* outFlags)
{
    auto* file = ff(f);
    file->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + realOffset());
    std::memset(file->real, 0, static_cast<std::size_t>(g_lower->szOsFile));
    f->pMethods = nullptr;
    if (state().crashed)
        return SQLITE_CANTOPEN;
    const int rc = g_lower->xOpen(g_lower, name, file->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        if (file->real->pMethods)
            file->real->pMethods->xClose(file->real);
        return rc;
    }
    file->path = new std::string(name ? name : "");
    f->pMethods = &kMethods;
    return SQLITE_OK;
}
int vDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    State& s = state();
    {
        std::lock_guard lock(s.mutex);
        if (!tick(s))
            return SQLITE_IOERR_DELETE;
        if (!syncDir) {
            // Not durable until the directory is synced: at power loss the file comes back as its
            // last synced content.
            std::vector<std::uint8_t> content;
            const int fd = ::open(name, O_RDONLY);
            if (fd >= 0) {
                char buf[65536];
                ssize_t n;
                while ((n = ::read(fd, buf, sizeof buf)) > 0)
                    content.insert(content.end(), buf, buf + n);
                ::close(fd);
            }
            auto& undo = s.unsynced[name];
            for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
                content.resize(static_cast<std::size_t>(std::max<std::int64_t>(
                    static_cast<std::int64_t>(content.size()), it->offset + static_cast<std::int64_t>(it->old.size()))));
                std::copy(it->old.begin(), it->old.end(), content.begin() + it->offset);
                content.resize(static_cast<std::size_t>(it->oldSize));
            }
            s.resurrect[name] = std::move(content);
        } else {
            s.resurrect.erase(name);
        }
        s.unsynced.erase(name);
    }
    return g_lower->xDelete(g_lower, name, syncDir);
}
int vAccess(sqlite3_vfs*, const char* n, int f, int* o) { return g_lower->xAccess(g_lower, n, f, o); }
int vFull(sqlite3_vfs*, const char* n, int k, char* o) { return g_lower->xFullPathname(g_lower, n, k, o); }
int vRandom(sqlite3_vfs*, int n, char* o) { return g_lower->xRandomness(g_lower, n, o); }
int vSleep(sqlite3_vfs*, int us) { return g_lower->xSleep(g_lower, us); }
int vTime(sqlite3_vfs*, double* o) { return g_lower->xCurrentTime(g_lower, o); }
int vLastError(sqlite3_vfs*, int n, char* o) { return g_lower->xGetLastError(g_lower, n, o); }
int vTime64(sqlite3_vfs*, sqlite3_int64* o) { return g_lower->xCurrentTimeInt64(g_lower, o); }

} // namespace

FaultVfs& FaultVfs::instance()
{
    static FaultVfs vfs;
    static std::once_flag once;
    std::call_once(once, [] {
        g_lower = sqlite3_vfs_find(nullptr);
        std::memset(&g_vfs, 0, sizeof g_vfs);
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = static_cast<int>(realOffset()) + g_lower->szOsFile;
        g_vfs.mxPathname = g_lower->mxPathname;
        g_vfs.zName = kName;
        g_vfs.xOpen = vOpen;
        g_vfs.xDelete = vDelete;
        g_vfs.xAccess = vAccess;
        g_vfs.xFullPathname = vFull;
        g_vfs.xRandomness = vRandom;
        g_vfs.xSleep = vSleep;
        g_vfs.xCurrentTime = vTime;
        g_vfs.xGetLastError = vLastError;
        g_vfs.xCurrentTimeInt64 = vTime64;
        sqlite3_vfs_register(&g_vfs, 0);
    });
    return vfs;
}

void FaultVfs::reset()
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.budget = -1;
    s.crashAfter = -1;
    s.ops = 0;
    s.crashed = false;
    s.unsynced.clear();
    s.resurrect.clear();
    s.tearMatch = nullptr;
    s.tore = false;
    s.tornPath.clear();
    s.tornOffset = -1;
}

void FaultVfs::setSpaceBudget(std::int64_t bytes)
{
    std::lock_guard lock(state().mutex);
    state().budget = bytes;
}

void FaultVfs::setCrashAfter(std::int64_t ops)
{
    std::lock_guard lock(state().mutex);
    state().crashAfter = ops;
    state().ops = 0;
}

bool FaultVfs::crashed() const { return state().crashed; }

void FaultVfs::setTear(WriteMatch match, int occurrence, std::uint64_t keepSectors)
{
    std::lock_guard lock(state().mutex);
    state().tearMatch = std::move(match);
    state().tearOccurrence = occurrence;
    state().tearKeep = keepSectors;
    state().tore = false;
    state().tornPath.clear();
    state().tornOffset = -1;
}

bool FaultVfs::tore() const { return state().tore; }
std::string FaultVfs::tornPath() const { return state().tornPath; }
std::int64_t FaultVfs::tornOffset() const { return state().tornOffset; }

void FaultVfs::recoverScattered(std::uint32_t seed)
{
    State& s = state();
    {
        std::lock_guard lock(s.mutex);
        std::mt19937 rng(seed);
        for (auto& [path, undo] : s.unsynced) {
            const int fd = ::open(path.c_str(), O_RDWR);
            if (fd < 0)
                continue;
            // Newest first, so that a sector written twice ends as the original, the first or the
            // second version, as a disk can leave it.
            for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
                if (it->length == 0) { // a truncate: undone whole
                    if (!it->old.empty() && ::pwrite(fd, it->old.data(), it->old.size(), it->offset) < 0) {
                    }
                    continue;
                }
                const std::int64_t end = it->offset + it->length;
                for (std::int64_t sector = it->offset / kSector; sector * kSector < end; ++sector) {
                    if (rng() % 2)
                        continue; // this sector landed
                    const std::int64_t from = std::max(it->offset, sector * kSector);
                    const std::int64_t to = std::min(end, (sector + 1) * kSector);
                    // Within the old size the old bytes come back; past it the file keeps its
                    // new length (the size reached the disk) but the data did not: zeros.
                    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(to - from), 0);
                    const std::int64_t oldEnd = it->offset + static_cast<std::int64_t>(it->old.size());
                    for (std::int64_t i = from; i < std::min(to, oldEnd); ++i)
                        bytes[static_cast<std::size_t>(i - from)] = it->old[static_cast<std::size_t>(i - it->offset)];
                    if (::pwrite(fd, bytes.data(), bytes.size(), from) < 0) {
                    }
                }
            }
            ::close(fd);
        }
        s.unsynced.clear();
    }
    recover(); // deletes that were not made durable come back; the state is reset
}
std::int64_t FaultVfs::mutatingOps() const { return state().ops; }

void FaultVfs::recover()
{
    State& s = state();
    std::lock_guard lock(s.mutex);
    for (auto& [path, undo] : s.unsynced) {
        const int fd = ::open(path.c_str(), O_RDWR);
        if (fd < 0)
            continue;
        for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
            if (!it->old.empty() && ::pwrite(fd, it->old.data(), it->old.size(), it->offset) < 0) {
            }
            if (::ftruncate(fd, it->oldSize) != 0) {
            }
        }
        ::close(fd);
    }
    for (auto& [path, content] : s.resurrect) {
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            if (!content.empty() && ::write(fd, content.data(), content.size()) < 0) {
            }
            ::close(fd);
        }
    }
    s.unsynced.clear();
    s.resurrect.clear();
    s.crashed = false;
    s.crashAfter = -1;
    s.ops = 0;
    s.tearMatch = nullptr; // a tear that did not happen is not left armed
}

} // namespace meibo::test
