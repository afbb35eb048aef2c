// meibo-cli as a script sees it: exit statuses, one line on stderr, JSON on stdout, passphrase sources.

#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

using namespace meibo::test;

namespace {
const std::string kCli = MEIBO_CLI_PATH;
const std::string kPass = "correct horse battery staple";

struct Cli {
    TempDir dir;
    std::string vault = dir.file("r.meibo");
    std::string passFile = dir.file("pass.txt");
    Cli() { writeText(passFile, kPass + "\n"); }

    ProcessResult run(std::vector<std::string> args, const std::string& input = {}) const
    {
        args.insert(args.begin(), kCli);
        return runProcess(args, input);
    }
    ProcessResult init() const
    {
        return run({"-f", vault, "--passphrase-file", passFile, "init", "--org-name", "テスト株式会社", "--kdf-ops",
                    "1", "--kdf-mem-mib", "1", "--json"});
    }
};

int lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }
} // namespace

TEST_CASE("help and version", "[cli]")
{
    Cli c;
    auto r = c.run({"help"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("init [--org-name NAME]") != std::string::npos);
    CHECK(r.out.find("Exit status") != std::string::npos);
    r = c.run({"--version"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.rfind("meibo-cli ", 0) == 0);
}

TEST_CASE("wrong usage exits 2 and says where to look", "[cli]")
{
    Cli c;
    for (const auto& args : std::vector<std::vector<std::string>>{{}, {"no-such-command"}, {"init", "--bogus"}}) {
        const auto r = c.run(args);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("meibo-cli help") != std::string::npos);
    }
}

TEST_CASE("init prints the recovery key once and info needs no passphrase", "[cli]")
{
    Cli c;
    auto r = c.init();
    REQUIRE(r.exitCode == 0);
    const auto created = nlohmann::json::parse(r.out);
    CHECK(created["recovery_key"].get<std::string>().size() == 64);
    CHECK(created["weak_kdf"] == true);
    r = c.run({"-f", c.vault, "info", "--json"});
    REQUIRE(r.exitCode == 0);
    const auto info = nlohmann::json::parse(r.out);
    CHECK(info["format_version"] == 1);
    CHECK(info["kdf"]["algorithm"] == "argon2id13");
    CHECK(info["kdf"]["mem_limit_bytes"] == 1 << 20);
    CHECK(info["key_slots"].size() == 2);
    CHECK(info["file_size"].get<int>() % 4096 == 0);
    // A second init refuses and leaves the file alone.
    const auto before = readBytes(c.vault);
    r = c.init();
    CHECK(r.exitCode == 1);
    CHECK(lines(r.err) == 1);
    CHECK(r.err.find("never overwrites") != std::string::npos);
    CHECK(readBytes(c.vault) == before);
}

TEST_CASE("status reads the passphrase from a file, from stdin, or takes the recovery key", "[cli]")
{
    Cli c;
    auto r = c.init();
    REQUIRE(r.exitCode == 0);
    const std::string recovery = nlohmann::json::parse(r.out)["recovery_key"];

    r = c.run({"-f", c.vault, "--passphrase-file", c.passFile, "status", "--json"});
    REQUIRE(r.exitCode == 0);
    auto s = nlohmann::json::parse(r.out);
    CHECK(s["verified"] == true);
    CHECK(s["organization"] == "テスト株式会社");
    CHECK(s["opened_with"] == "officer");

    r = c.run({"-f", c.vault, "status", "--json"}, kPass + "\n");
    REQUIRE(r.exitCode == 0);
    CHECK(nlohmann::json::parse(r.out)["opened_with"] == "officer");

    writeText(c.dir.file("rk.txt"), recovery + "\n");
    r = c.run({"-f", c.vault, "--recovery-key-file", c.dir.file("rk.txt"), "status", "--json"});
    REQUIRE(r.exitCode == 0);
    CHECK(nlohmann::json::parse(r.out)["opened_with"] == "recovery");

    // The environment names the registry when -f does not.
    const auto e = runProcess({kCli, "--passphrase-file", c.passFile, "status", "--json"}, {},
                              {"MEIBO_FILE=" + c.vault});
    CHECK(e.exitCode == 0);
}

TEST_CASE("a wrong passphrase exits 1 with one line and changes nothing", "[cli]")
{
    Cli c;
    REQUIRE(c.init().exitCode == 0);
    const auto before = readBytes(c.vault);
    const auto r = c.run({"-f", c.vault, "status"}, "not the passphrase\n");
    CHECK(r.exitCode == 1);
    CHECK(lines(r.err) == 1);
    CHECK(r.err.find("passphrase does not open") != std::string::npos);
    CHECK(r.out.empty());
    CHECK(readBytes(c.vault) == before);
}

TEST_CASE("passwd and key slots from the command line", "[cli]")
{
    Cli c;
    REQUIRE(c.init().exitCode == 0);
    writeText(c.dir.file("new.txt"), "a brand new passphrase\n");
    auto r = c.run({"-f", c.vault, "--passphrase-file", c.passFile, "passwd", "--new-passphrase-file",
                    c.dir.file("new.txt")});
    REQUIRE(r.exitCode == 0);
    CHECK(c.run({"-f", c.vault, "--passphrase-file", c.passFile, "status"}).exitCode == 1);
    CHECK(c.run({"-f", c.vault, "--passphrase-file", c.dir.file("new.txt"), "status"}).exitCode == 0);

    writeText(c.dir.file("deputy.txt"), "the deputy's own passphrase\n");
    r = c.run({"-f", c.vault, "--passphrase-file", c.dir.file("new.txt"), "slot", "add", "deputy",
               "--new-passphrase-file", c.dir.file("deputy.txt")});
    REQUIRE(r.exitCode == 0);
    r = c.run({"-f", c.vault, "--passphrase-file", c.dir.file("deputy.txt"), "status", "--json"});
    REQUIRE(r.exitCode == 0);
    CHECK(nlohmann::json::parse(r.out)["opened_with"] == "deputy");
    r = c.run({"-f", c.vault, "slot", "list", "--json"});
    CHECK(nlohmann::json::parse(r.out)["key_slots"].size() == 3);

    writeText(c.dir.file("short.txt"), "short\n");
    r = c.run({"-f", c.vault, "--passphrase-file", c.dir.file("new.txt"), "passwd", "--new-passphrase-file",
               c.dir.file("short.txt")});
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("too short") != std::string::npos);
}

TEST_CASE("demo makes a registry that opens and says what to try", "[cli]")
{
    Cli c;
    const std::string dir = c.dir.file("demo");
    auto r = c.run({"demo", dir});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("report show 1") != std::string::npos);
    CHECK(r.out.find("status report") != std::string::npos);
    r = c.run({"-f", dir + "/demo.meibo", "--passphrase-file", dir + "/demo-passphrase.txt", "status", "--json"});
    CHECK(r.exitCode == 0);
}

TEST_CASE("a new passphrase that is not UTF-8 text or holds a control character is refused", "[cli][passphrase]")
{
    Cli c;
    // Notepad's "Unicode": UTF-16 little-endian with a byte-order mark.
    std::string utf16 = "\xFF\xFE";
    for (char ch : std::string("a passphrase from Notepad\r\n")) {
        utf16 += ch;
        utf16 += '\0';
    }
    writeText(c.dir.file("utf16.txt"), utf16);
    auto r = c.run({"-f", c.vault, "--passphrase-file", c.dir.file("utf16.txt"), "init", "--kdf-ops", "1",
                    "--kdf-mem-mib", "1"});
    CHECK(r.exitCode != 0);
    CHECK(lines(r.err) == 1);
    CHECK(r.err.find("not UTF-8 text") != std::string::npos);
    CHECK(r.err.find("UTF-16") != std::string::npos);
    CHECK_FALSE(exists(c.vault));

    REQUIRE(c.init().exitCode == 0);
    const auto before = readBytes(c.vault);
    writeText(c.dir.file("nul.txt"), std::string("a passphrase\0with a NUL\n", 24));
    r = c.run({"-f", c.vault, "--passphrase-file", c.passFile, "passwd", "--new-passphrase-file",
               c.dir.file("nul.txt")});
    CHECK(r.exitCode != 0);
    CHECK(lines(r.err) == 1);
    CHECK(r.err.find("control character (a NUL byte)") != std::string::npos);
    CHECK(readBytes(c.vault) == before);
    CHECK(c.run({"-f", c.vault, "--passphrase-file", c.passFile, "status"}).exitCode == 0);
}
