// With LANG=ja the command line speaks Japanese where a person meets it first: a file that cannot be
// read (the roster, the passphrase file), a register or a field that does not exist. Each refusal
// changes nothing.

#include "TestSupport.h"

#include <catch2/catch.hpp>

using namespace meibo::test;

namespace {
const std::string kCli = MEIBO_CLI_PATH;
const std::vector<std::string> kJapanese{"LC_ALL=", "LC_MESSAGES=", "LANG=ja_JP.UTF-8"};
const std::vector<std::string> kEnglish{"LC_ALL=", "LC_MESSAGES=", "LANG=C.UTF-8"};

struct Registry {
    TempDir dir;
    std::string vault = dir.file("r.meibo");
    std::string pass = dir.file("pass.txt");
    Registry()
    {
        writeText(pass, "correct horse battery staple\n");
        REQUIRE(run({"init", "--kdf-ops", "1", "--kdf-mem-mib", "1", "--org-name", "株式会社サンプル"}).exitCode == 0);
        REQUIRE(run({"contract", "add", "--code", "K1", "--title", "調査", "--start", "2026-04-01", "--end",
                     "2027-03-31"})
                    .exitCode == 0);
    }
    ProcessResult run(std::vector<std::string> args, std::vector<std::string> env = kEnglish) const
    {
        args.insert(args.begin(), {kCli, "-f", vault, "--passphrase-file", pass});
        return runProcess(args, {}, env);
    }
    std::string roster() const { return run({"roster", "--contract", "K1", "--json"}).out; }
};
} // namespace

TEST_CASE("a roster file that is not there is refused naming it, in the person's language", "[cli][messages]")
{
    Registry r;
    const std::string before = r.roster();
    const std::string missing = r.dir.file("名簿.csv");
    const auto ja = r.run({"import", "--contract", "K1", missing}, kJapanese);
    CHECK(ja.exitCode == 1);
    CHECK(ja.err.find("名簿「" + missing + "」を読めません（そのファイルはありません）") != std::string::npos);
    CHECK(ja.err.find("cannot read") == std::string::npos);
    const auto en = r.run({"import", "--contract", "K1", missing});
    CHECK(en.err.find("cannot read the roster " + missing + ": there is no such file") != std::string::npos);
    const auto folder = r.run({"import", "--contract", "K1", r.dir.path()}, kJapanese);
    CHECK(folder.err.find("フォルダーです") != std::string::npos);
    CHECK(r.roster() == before);
}

TEST_CASE("a passphrase file that is not there is refused in Japanese", "[cli][messages]")
{
    Registry r;
    const std::string missing = r.dir.file("none.txt");
    const auto ja = runProcess({kCli, "-f", r.vault, "--passphrase-file", missing, "roster", "--contract", "K1"}, {},
                               kJapanese);
    CHECK(ja.exitCode == 1);
    CHECK(ja.err.find("パスフレーズのファイル「" + missing + "」を読めません") != std::string::npos);
}

TEST_CASE("a register or a register field that does not exist is refused in Japanese, listing what exists", "[cli][messages]")
{
    Registry r;
    const auto kind = r.run({"register", "add", "tranining", "--contract", "K1", "name=x"}, kJapanese);
    CHECK(kind.exitCode != 0);
    CHECK(kind.err.find("「tranining」という台帳はありません。台帳は ") != std::string::npos);
    CHECK(kind.err.find("training") != std::string::npos);
    const auto field = r.run({"register", "add", "training", "--contract", "K1", "colour=red"}, kJapanese);
    CHECK(field.exitCode != 0);
    CHECK(field.err.find("項目「colour」はありません") != std::string::npos);
    CHECK(r.run({"register", "list", "--contract", "K1"}).out.find("colour") == std::string::npos);
}
