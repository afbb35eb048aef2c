#include "meibo/core/Files.h"

#include "meibo/core/Error.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace meibo::core {

void throwUnreadable(const std::string& path, std::string_view whatEn, std::string_view whatJa)
{
    const int err = errno;
    std::error_code ec;
    const bool folder = std::filesystem::is_directory(path, ec);
    std::string en, ja;
    if (folder) {
        en = "it is a folder, not a file";
        ja = "ファイルではなくフォルダーです";
    } else if (err == ENOENT || err == ENOTDIR) {
        en = "there is no such file";
        ja = "そのファイルはありません";
    } else if (err == EACCES || err == EPERM) {
        en = "you may not read it (permission denied)";
        ja = "読み取る権限がありません";
    } else {
        en = err ? std::strerror(err) : "it could not be read";
        ja = "読み取れませんでした";
    }
    throw Error(ErrorCode::NotFound,
                "cannot read " + std::string(whatEn) + " " + path + ": " + en + "; check the file's name and place",
                path,
                std::string(whatJa) + "「" + path + "」を読めません（" + ja + "）。ファイルの名前と場所を確かめてください。");
}

std::string readWholeFile(const std::string& path, std::string_view whatEn, std::string_view whatJa)
{
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    std::error_code ec;
    if (!in || std::filesystem::is_directory(path, ec))
        throwUnreadable(path, whatEn, whatJa);
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad())
        throwUnreadable(path, whatEn, whatJa);
    return bytes;
}

} // namespace meibo::core
