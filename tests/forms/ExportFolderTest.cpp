// The export folder as another local user would attack it: planted links, shared folders, a
// folder of theirs. Nothing of the roster may ever reach a file they can read.

#include "FormsTestSupport.h"

#include "meibo/core/Error.h"
#include "meibo/forms/Export.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

using namespace meibo;
using namespace meibo::test;

namespace {

const std::vector<forms::BundleFile> kFiles = {{"roster.csv", "role,label,name\r\n情報管理責任者,A,経済 太郎\r\n"},
                                               {"manifest.json", "{}\n"}};

mode_t modeOf(const std::string& path)
{
    struct stat st{};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

std::vector<std::string> namesIn(const std::string& dir)
{
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

/// The message of the core::Error `fn` throws ("" when it throws none).
template <typename Fn> std::string refusal(Fn&& fn)
{
    try {
        fn();
    } catch (const core::Error& e) {
        return e.what();
    }
    return {};
}

/// A file another user owns and could read: it must stay as it is.
struct Victim {
    TempDir dir;
    std::string path = dir.file("victim.txt");
    Victim() { writeText(path, "theirs\n"); }
    bool untouched() const { return readBytes(path) == std::vector<std::uint8_t>{'t', 'h', 'e', 'i', 'r', 's', '\n'}; }
};

} // namespace

TEST_CASE("planted links under the part or final names never receive the bundle", "[export]")
{
    for (const std::string planted : {"roster.csv.part", "roster.csv", "manifest.json.part"}) {
        INFO(planted);
        TempDir t;
        Victim victim;
        const std::string out = t.file("out");
        REQUIRE(::mkdir(out.c_str(), 0700) == 0);
        REQUIRE(::symlink(victim.path.c_str(), (out + "/" + planted).c_str()) == 0);
        const std::string message = refusal([&] { forms::writeBundle(out, kFiles); });
        CHECK(message.find("already holds files") != std::string::npos);
        CHECK(victim.untouched());
        CHECK(namesIn(out) == std::vector<std::string>{planted});
    }
}

TEST_CASE("a folder others can write, a link to a folder and a folder of another user are refused", "[export]")
{
    TempDir t;
    const std::string shared = t.file("shared");
    REQUIRE(::mkdir(shared.c_str(), 0700) == 0);
    REQUIRE(::chmod(shared.c_str(), 01777) == 0);
    std::string message = refusal([&] { forms::writeBundle(shared, kFiles); });
    CHECK(message.find("can be written by other users (mode 1777)") != std::string::npos);
    CHECK(modeOf(shared) == 01777);
    CHECK(namesIn(shared).empty());
    REQUIRE(::chmod(shared.c_str(), 0720) == 0);
    message = refusal([&] { forms::writeBundle(shared, kFiles); });
    CHECK(message.find("can be written by other users (mode 0720)") != std::string::npos);
    CHECK(message == refusal([&] { forms::checkExportFolder(shared); }));

    const std::string real = t.file("real");
    REQUIRE(::mkdir(real.c_str(), 0700) == 0);
    REQUIRE(::symlink(real.c_str(), t.file("link").c_str()) == 0);
    for (const std::string& link : {t.file("link"), t.file("link") + "/", t.file("link") + "//"}) {
        INFO(link);
        message = refusal([&] { forms::writeBundle(link, kFiles); });
        CHECK(message.find("is a symbolic link") != std::string::npos);
        CHECK(refusal([&] { forms::checkExportFolder(link); }).find("is a symbolic link") != std::string::npos);
        CHECK(namesIn(real).empty());
    }

    writeText(t.file("plain"), "mine\n");
    REQUIRE(::chmod(t.file("plain").c_str(), 0644) == 0);
    message = refusal([&] { forms::writeBundle(t.file("plain"), kFiles); });
    CHECK(message.find("is not a folder") != std::string::npos);
    CHECK(modeOf(t.file("plain")) == 0644);

    message = refusal([&] { forms::checkExportFolder(t.file("missing") + "/out"); });
    CHECK(message.find("does not exist") != std::string::npos);
    CHECK_FALSE(exists(t.file("missing")));

    if (::geteuid() != 0) {
        WARN("not root: a folder of another user cannot be made to test with");
        return;
    }
    const std::string foreign = t.file("foreign");
    REQUIRE(::mkdir(foreign.c_str(), 0700) == 0);
    REQUIRE(::chown(foreign.c_str(), 65534, 65534) == 0);
    message = refusal([&] { forms::writeBundle(foreign, kFiles); });
    CHECK(message.find("belongs to another user (uid 65534)") != std::string::npos);
    CHECK(modeOf(foreign) == 0700);
    CHECK(namesIn(foreign).empty());
}

TEST_CASE("the bundle is written owner-only, with no part or temporary file left", "[export]")
{
    TempDir t;
    const std::string out = t.file("out");
    REQUIRE(::mkdir(out.c_str(), 0700) == 0);
    REQUIRE(::chmod(out.c_str(), 0755) == 0); // one's own, readable by others: made 0700
    forms::writeBundle(out, kFiles);
    CHECK(modeOf(out) == 0700);
    CHECK(namesIn(out) == std::vector<std::string>{"manifest.json", "roster.csv"});
    CHECK(modeOf(out + "/roster.csv") == 0600);
    CHECK(modeOf(out + "/manifest.json") == 0600);
    const auto csv = readBytes(out + "/roster.csv");
    CHECK(std::string(csv.begin(), csv.end()) == kFiles[0].bytes);

    // A missing folder is made, 0700 whatever the umask.
    const mode_t old = ::umask(0);
    forms::writeBundle(t.file("new"), kFiles);
    ::umask(old);
    CHECK(modeOf(t.file("new")) == 0700);
    CHECK(modeOf(t.file("new") + "/roster.csv") == 0600);
}

TEST_CASE("a failed write removes what it wrote", "[export]")
{
    TempDir t;
    const std::string out = t.file("out");
    // The second name is not a plain name: refused after the first file was written.
    const std::vector<forms::BundleFile> files = {{"roster.csv", "x"}, {"../escape.csv", "y"}};
    CHECK_FALSE(refusal([&] { forms::writeBundle(out, files); }).empty());
    CHECK(namesIn(out).empty());
    CHECK_FALSE(exists(t.file("escape.csv")));
}

TEST_CASE("the XLSX goes through no named file: a planted temporary name receives nothing", "[export]")
{
    const auto input = sampleRosterInput();
    TempDir t;
    Victim victim;
    const std::string out = t.file("out");
    REQUIRE(::mkdir(out.c_str(), 0700) == 0);
    {
        const forms::ExportFolder folder(out);
        // Planted after the folder was checked (by the user's own other process, say).
        REQUIRE(::symlink(victim.path.c_str(), (out + "/.roster-xlsx.tmp").c_str()) == 0);
        const std::string xlsx = forms::rosterXlsx(input, folder);
        CHECK(xlsx.rfind("PK", 0) == 0);
        CHECK(xlsx.size() > 1000);
    }
    CHECK(victim.untouched());
    CHECK(namesIn(out) == std::vector<std::string>{".roster-xlsx.tmp"});
}

TEST_CASE("the XLSX is never written through a link planted before the export", "[export]")
{
    const auto input = sampleRosterInput();
    TempDir t;
    Victim victim;
    const std::string out = t.file("out");
    REQUIRE(::mkdir(out.c_str(), 0700) == 0);
    REQUIRE(::symlink(victim.path.c_str(), (out + "/.roster-xlsx.tmp").c_str()) == 0);
    const std::string message = refusal([&] { forms::rosterXlsx(input, out); });
    CHECK(message.find("already holds files") != std::string::npos);
    CHECK(victim.untouched());
}

TEST_CASE("every refusal of an export folder is also said in Japanese, naming the folder", "[export]")
{
    auto japanese = [](auto&& fn) {
        try {
            fn();
        } catch (const core::Error& e) {
            return e.messageJa();
        }
        return std::string();
    };
    TempDir t;
    const std::string shared = t.file("shared");
    REQUIRE(::mkdir(shared.c_str(), 0700) == 0);
    REQUIRE(::chmod(shared.c_str(), 01777) == 0);
    CHECK(japanese([&] { forms::checkExportFolder(shared); }) ==
          shared + " は他の利用者も書き込めるフォルダです（モード 1777）。出力したファイルを読まれたり差し替えられたりする"
                   "おそれがあるため、/tmp のような共有フォルダではなく自分の新しいフォルダを選んで出力してください。");
    REQUIRE(::symlink(t.path().c_str(), t.file("link").c_str()) == 0);
    CHECK(japanese([&] { forms::writeBundle(t.file("link"), kFiles); }).find(t.file("link") + " はシンボリックリンクです") == 0);
    writeText(t.file("plain"), "mine\n");
    CHECK(japanese([&] { forms::checkExportFolder(t.file("plain")); }) ==
          t.file("plain") + " はフォルダではありません。新しいフォルダか空のフォルダを選んで出力してください。");
    CHECK(japanese([&] { forms::checkExportFolder(t.file("missing") + "/out"); }) ==
          t.file("missing") + "/out を作れません。親のフォルダ " + t.file("missing") + " がありません。");
    CHECK(japanese([&] { forms::checkExportFolder(""); }) == "出力先のフォルダを選んでください。");
}
