// core::readWholeFile: the one reader of a file a person named, with its refusal in both languages.

#include "meibo/core/Error.h"
#include "meibo/core/Files.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace meibo::core;
namespace fs = std::filesystem;

namespace {
Error refusal(const std::string& path)
{
    try {
        readWholeFile(path, "the roster", "名簿");
    } catch (const Error& e) {
        return e;
    }
    FAIL("the file was read");
    throw;
}
} // namespace

TEST_CASE("a file is read whole, bytes as they are", "[files]")
{
    const fs::path dir = fs::temp_directory_path() / ("meibo-files-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string bytes("\xEF\xBB\xBF" "氏名\r\n\0x", 13);
    std::ofstream(dir / "a.csv", std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    CHECK(readWholeFile((dir / "a.csv").string(), "the roster", "名簿") == bytes);
    fs::remove_all(dir);
}

TEST_CASE("a missing file, a folder or an unreadable file is refused naming the file and the reason", "[files]")
{
    const fs::path dir = fs::temp_directory_path() / ("meibo-files-" + std::to_string(::getpid()));
    fs::create_directories(dir);

    const Error missing = refusal((dir / "none.csv").string());
    CHECK(missing.code() == ErrorCode::NotFound);
    CHECK(std::string(missing.what()).find("none.csv: there is no such file") != std::string::npos);
    CHECK(missing.messageJa().find("名簿「" + (dir / "none.csv").string() + "」を読めません（そのファイルはありません）") !=
          std::string::npos);

    const Error folder = refusal(dir.string());
    CHECK(folder.messageJa().find("フォルダーです") != std::string::npos);

    if (::geteuid() != 0) { // root reads anything
        std::ofstream(dir / "secret.csv") << "x";
        fs::permissions(dir / "secret.csv", fs::perms::none);
        CHECK(refusal((dir / "secret.csv").string()).messageJa().find("読み取る権限がありません") != std::string::npos);
    }
    fs::remove_all(dir);
}
