#include "meibo/db/Paths.h"

#include "meibo/core/Error.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>

namespace meibo::db {

std::string defaultRegistryPath()
{
    if (const char* file = std::getenv("MEIBO_FILE"); file && *file)
        return file;
    std::string base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::string(home) + "/.local/share";
    else
        base = ".";
    return base + "/meibo/registry.meibo";
}

void ensureParentFolder(const std::string& path)
{
    const auto slash = path.rfind('/');
    if (slash == std::string::npos || slash == 0)
        return;
    const std::string dir = path.substr(0, slash);
    struct stat st{};
    if (::stat(dir.c_str(), &st) == 0)
        return;
    ensureParentFolder(dir);
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        throw core::Error(core::ErrorCode::Io, "cannot create the folder " + dir + ": " + std::strerror(errno), std::string(), "フォルダ " + dir + " を作れません。場所と権限を確かめてください。");
}

} // namespace meibo::db
