// Hostile tests of meibo-cli as a whole program: what it leaves on disk for another user to read
// (traced with strace), what a process killed at any write, sync or rename of a command leaves
// behind (strace's fault injection), and bundles forged the ways a forger without the key can.

#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <regex>
#include <set>
#include <sys/stat.h>

using namespace meibo::test;
namespace fs = std::filesystem;

namespace {
const std::string kCli = MEIBO_CLI_PATH;
const std::string kStrace = "/usr/bin/strace";
const std::vector<std::string> kEnglish{"LC_ALL=", "LC_MESSAGES=", "LANG=C.UTF-8"};

bool haveStrace()
{
    if (exists(kStrace))
        return true;
    // build.sh test installs strace: in CI a missing one is a broken setup, not a reason to pass.
    if (std::getenv("CI"))
        FAIL("strace is not installed, and CI must run this test");
    WARN("strace is not installed: this test is skipped");
    return false;
}

std::string textOf(const std::string& path)
{
    const auto b = readBytes(path);
    return std::string(b.begin(), b.end());
}

unsigned modeOf(const std::string& path)
{
    struct stat st{};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

/// A registry made with the cheapest key derivation, holding one person (id 1).
struct Small {
    TempDir dir;
    std::string vault = dir.file("r.meibo");
    std::string pass = dir.file("pass.txt");
    std::string newPass = dir.file("new.txt");
    Small()
    {
        writeText(pass, "correct horse battery staple\n");
        writeText(newPass, "another passphrase 2\n");
        REQUIRE(cli({"init", "--kdf-ops", "1", "--kdf-mem-mib", "1", "--org-name", "Org"}).exitCode == 0);
        REQUIRE(cli({"person", "add", "--name", "経済 太郎", "--birth-date", "1970-04-01"}).exitCode == 0);
        REQUIRE(cli({"backup"}).exitCode == 0); // today's backup exists: every command below writes the same way
    }
    ProcessResult cli(std::vector<std::string> args, const std::string& passFile = {}) const
    {
        args.insert(args.begin(), {kCli, "-f", vault, "--passphrase-file", passFile.empty() ? pass : passFile});
        return runProcess(args, {}, kEnglish);
    }
    /// Runs the command under strace, killed (SIGKILL) at the `n`th call of `syscall`. True when it was.
    bool killedAt(const std::string& syscall, int n, std::vector<std::string> args) const
    {
        std::vector<std::string> argv{kStrace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=" + syscall, "-e",
                                      "inject=" + syscall + ":signal=SIGKILL:when=" + std::to_string(n),
                                      kCli,    "-f", vault, "--passphrase-file", pass};
        argv.insert(argv.end(), args.begin(), args.end());
        const auto r = runProcess(argv, {}, kEnglish);
        return r.exitCode == 128 + 9;
    }
    std::map<std::string, std::vector<std::uint8_t>> files() const
    {
        std::map<std::string, std::vector<std::uint8_t>> out;
        for (const auto& e : fs::directory_iterator(dir.path()))
            out[e.path().filename().string()] = readBytes(e.path().string());
        return out;
    }
    void restore(const std::map<std::string, std::vector<std::uint8_t>>& saved) const
    {
        for (const auto& e : fs::directory_iterator(dir.path()))
            fs::remove(e.path());
        for (const auto& [name, bytes] : saved) {
            writeBytes(dir.file(name), bytes);
            ::chmod(dir.file(name).c_str(), 0600);
        }
    }
};

/// After a kill: the registry opens — a read-only open may first ask for one writable open (a
/// journal to roll back), which must then succeed — and person 1 is named `before` or `after`.
void opensWithOldOrNew(const Small& s, const std::string& before, const std::string& after,
                       const std::string& passFile = {})
{
    auto shown = s.cli({"person", "show", "1", "--json"}, passFile);
    if (shown.exitCode != 0) {
        INFO(shown.err);
        CHECK(shown.err.find("open the registry once for writing") != std::string::npos);
        const auto writable = s.cli({"backup"}, passFile);
        INFO(writable.err);
        REQUIRE(writable.exitCode == 0);
        shown = s.cli({"person", "show", "1", "--json"}, passFile);
    }
    INFO(shown.err);
    REQUIRE(shown.exitCode == 0);
    const std::string name = nlohmann::json::parse(shown.out)["name"];
    CHECK((name == before || name == after));
    if (passFile.empty()) { // every page authenticated (the new passphrase costs a full derivation)
        const auto status = s.cli({"status"});
        INFO(status.err);
        CHECK(status.exitCode == 0);
    }
}

/// Kills `args` at every call of each of `syscalls` in turn (until the command runs through) and
/// checks what is left with `check`. Returns how many kills were made.
int killEverywhere(const Small& s, const std::vector<std::string>& syscalls, const std::vector<std::string>& args,
                   const std::function<void()>& check)
{
    const auto saved = s.files();
    int kills = 0;
    for (const auto& sys : syscalls) {
        for (int n = 1; n < 200; ++n) {
            s.restore(saved);
            const bool killed = s.killedAt(sys, n, args);
            INFO(sys << " #" << n << (killed ? " killed" : " ran through"));
            // A journal left behind holds no plaintext either.
            for (const auto& [name, bytes] : s.files())
                if (name.find("journal") != std::string::npos || name.find("newheader") != std::string::npos) {
                    INFO(name);
                    CHECK_FALSE(contains(bytes, "経済"));
                }
            if (!killed)
                break; // ran through: the plain case, tested elsewhere
            check();
            ++kills;
        }
    }
    s.restore(saved);
    return kills;
}
} // namespace

// ---- torn writes: a process killed at any write, sync or rename -----------------------------

TEST_CASE("hostile: a commit killed at any write, sync or unlink leaves the old or the new record", "[cli][hostile][torn]")
{
    if (!haveStrace())
        return;
    Small s;
    const int kills = killEverywhere(s, {"pwrite64", "fdatasync", "fsync", "unlink"},
                                     {"person", "set", "1", "name=経済 次郎"},
                                     [&] { opensWithOldOrNew(s, "経済 太郎", "経済 次郎"); });
    CHECK(kills > 10);
}

namespace {
/// Kills `passwd` at every call of `syscalls`: the registry opens with the old or the new passphrase.
void passwdKilledAt(const std::vector<std::string>& syscalls)
{
    Small s;
    // Each Argon2id derivation of the new passphrase costs the CLI's default (256 MiB): the new one is
    // tried only when the old one no longer opens.
    const auto check = [&] {
        const auto viaOld = s.cli({"person", "show", "1", "--json"});
        if (viaOld.exitCode == 0 || viaOld.err.find("open the registry once for writing") != std::string::npos)
            opensWithOldOrNew(s, "経済 太郎", "経済 太郎");
        else
            opensWithOldOrNew(s, "経済 太郎", "経済 太郎", s.newPass);
    };
    const int kills = killEverywhere(s, syscalls, {"passwd", "--new-passphrase-file", s.newPass}, check);
    CHECK(kills >= 2);
}
} // namespace

TEST_CASE("hostile: a passphrase change killed at any page write or rename opens with the old or the new passphrase",
          "[cli][hostile][torn]")
{
    if (haveStrace())
        passwdKilledAt({"pwrite64", "rename"});
}

TEST_CASE("hostile: a passphrase change killed at any sync or unlink opens with the old or the new passphrase",
          "[cli][hostile][torn]")
{
    if (haveStrace())
        passwdKilledAt({"fdatasync", "fsync", "unlink"});
}

TEST_CASE("hostile: a key slot added and killed at any step leaves a registry the officer can open",
          "[cli][hostile][torn]")
{
    if (!haveStrace())
        return;
    Small s;
    const int kills = killEverywhere(s, {"pwrite64", "fdatasync", "fsync", "rename", "unlink"},
                                     {"slot", "add", "deputy", "--new-passphrase-file", s.newPass},
                                     [&] { opensWithOldOrNew(s, "経済 太郎", "経済 太郎"); });
    CHECK(kills > 3);
}

// ---- plaintext: what another user of the machine could read ---------------------------------

TEST_CASE("hostile: no file the CLI leaves outside an export folder holds a name, and every file is owner-only",
          "[cli][hostile][plaintext]")
{
    if (!haveStrace())
        return;
    TempDir t;
    const std::string home = t.file("home"), tmp = t.file("tmp"), demo = t.file("demo"), exp = t.file("exp"),
                      rep = t.file("rep");
    fs::create_directories(home);
    fs::create_directories(tmp);
    const std::string vault = demo + "/demo.meibo", pass = demo + "/demo-passphrase.txt";
    const std::vector<std::string> env{"LC_ALL=", "LANG=C.UTF-8", "HOME=" + home, "TMPDIR=" + tmp,
                                       "XDG_CACHE_HOME=", "XDG_CONFIG_HOME=", "XDG_DATA_HOME=",
                                       "XDG_RUNTIME_DIR="};
    int step = 0;
    const auto traced = [&](std::vector<std::string> args) {
        const std::string trace = t.file("trace." + std::to_string(++step));
        std::vector<std::string> argv{"/bin/sh", "-c", "umask 022; exec \"$@\"", "sh", kStrace, "-f", "-qq", "-o",
                                      trace, "-e", "trace=openat,open,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat",
                                      kCli};
        argv.insert(argv.end(), args.begin(), args.end());
        const auto r = runProcess(argv, {}, env);
        INFO(args[0] << " " << r.err);
        CHECK((r.exitCode == 0 || r.exitCode == 3));
        return textOf(trace);
    };
    std::string traces = traced({"demo", demo});
    traces += traced({"-f", vault, "--passphrase-file", pass, "import", "--contract", "METI-2026-01",
                      std::string(MEIBO_TEST_DATA) + "/roster-sample.csv"});
    traces += traced({"-f", vault, "--passphrase-file", pass, "export", "--contract", "METI-2026-01", "--out", exp});
    traces += traced({"-f", vault, "--passphrase-file", pass, "backup"});
    traces += traced({"-f", vault, "--passphrase-file", pass, "inspect", exp, "--report", rep});

    // Every path a command created or renamed into place that is still there: owner-only.
    std::set<std::string> created;
    const std::regex call(R"re(^\d+\s+(openat|open|creat|mkdir|mkdirat|rename|renameat|renameat2|link|linkat)\((.*)\)\s+=\s+(-?\d+))re");
    const std::regex quoted(R"re("([^"]*)")re");
    std::istringstream lines(traces);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (!std::regex_search(line, m, call) || std::stoi(m[3]) < 0)
            continue;
        const std::string name = m[1], args = m[2];
        if (name.rfind("open", 0) == 0 && args.find("O_CREAT") == std::string::npos)
            continue;
        std::vector<std::string> paths;
        for (auto it = std::sregex_iterator(args.begin(), args.end(), quoted); it != std::sregex_iterator(); ++it)
            paths.push_back((*it)[1]);
        if (!paths.empty() && paths.back().rfind(t.path(), 0) == 0)
            created.insert(paths.back());
    }
    CHECK(created.count(vault) == 1);
    CHECK(created.count(rep) == 1); // its files are made relative to it (openat), walked below
    for (const auto& p : created) {
        if (!fs::exists(fs::symlink_status(p)))
            continue;
        INFO(p);
        CHECK((modeOf(p) & 077) == 0);
    }
    // The export and report folders hold personal data by design: owner-only, whatever the umask.
    for (const std::string& dir : {exp, rep}) {
        INFO(dir);
        CHECK(modeOf(dir) == 0700);
        for (const auto& e : fs::directory_iterator(dir)) {
            INFO(e.path().string());
            CHECK(modeOf(e.path().string()) == 0600);
        }
    }
    CHECK(textOf(rep + "/inspection.csv").find("経済 太郎") != std::string::npos); // the report names handlers

    // Outside them (the registry, its backups, lock, HOME, TMPDIR): no name, address or reading.
    for (const auto& e : fs::recursive_directory_iterator(t.path())) {
        const std::string p = e.path().string();
        if (!e.is_regular_file() || p.rfind(exp + "/", 0) == 0 || p.rfind(rep + "/", 0) == 0 ||
            p.rfind(demo + "/export-", 0) == 0 || p.rfind(t.file("trace."), 0) == 0)
            continue;
        INFO(p);
        const auto bytes = readBytes(p);
        for (const char* secret : {"経済 太郎", "産業 花子", "霞が関", "けいざい", "1970-04-01"})
            CHECK_FALSE(contains(bytes, secret));
    }
    // Nothing is left in TMPDIR but what Qt keeps for its runtime (owner-only, empty of files).
    for (const auto& e : fs::recursive_directory_iterator(tmp)) {
        INFO(e.path().string());
        CHECK((modeOf(e.path().string()) & 077) == 0);
        CHECK_FALSE(e.is_regular_file());
    }
}

// ---- verify: forgeries without the key ------------------------------------------------------

TEST_CASE("hostile: verify refuses another bundle's signature, a truncated signature, manifest or file, and no signature",
          "[cli][hostile][verify]")
{
    TempDir t;
    const std::string root = t.file("demo");
    REQUIRE(runProcess({kCli, "demo", root}, {}, kEnglish).exitCode == 0);
    const std::string bundle = root + "/export-2026-10-05";
    const std::string vault = root + "/demo.meibo", pass = root + "/demo-passphrase.txt";
    const std::string other = t.file("other");
    REQUIRE(runProcess({kCli, "-f", vault, "--passphrase-file", pass, "export", "--contract", "METI-2026-01", "--out",
                        other, "--as-of", "2026-11-01"},
                       {}, kEnglish)
                .exitCode == 0);
    REQUIRE(textOf(other + "/manifest.json") != textOf(bundle + "/manifest.json"));
    int n = 0;
    const auto forged = [&](const std::function<void(const std::string&)>& forge) {
        const std::string copy = t.file("forged" + std::to_string(++n));
        REQUIRE(runProcess({"/bin/cp", "-a", bundle, copy}).exitCode == 0);
        forge(copy);
        return copy;
    };
    const auto refused = [&](const std::string& dir, const std::string& named) {
        const auto r = runProcess({kCli, "verify", dir, "--json"}, {}, kEnglish);
        INFO(dir << ": " << r.err << r.out);
        CHECK(r.exitCode == 1);
        CHECK(r.out.find("Every file matches") == std::string::npos);
        CHECK((r.err + r.out).find(named) != std::string::npos);
        // With the registry's certificate to compare with, the same.
        const auto withRegistry = runProcess({kCli, "-f", vault, "--passphrase-file", pass, "verify", dir}, {}, kEnglish);
        CHECK(withRegistry.exitCode == 1);
    };
    const auto cut = [](const std::string& path, std::size_t keep) {
        auto b = readBytes(path);
        REQUIRE(b.size() > keep);
        b.resize(keep);
        writeBytes(path, b);
    };
    // The genuine signature of another (later) bundle by the same certificate.
    refused(forged([&](const std::string& d) {
                writeBytes(d + "/manifest.json.p7s", readBytes(other + "/manifest.json.p7s"));
            }),
            "signature");
    // That bundle's manifest and signature together, over this bundle's files: the files differ.
    refused(forged([&](const std::string& d) {
                writeBytes(d + "/manifest.json", readBytes(other + "/manifest.json"));
                writeBytes(d + "/manifest.json.p7s", readBytes(other + "/manifest.json.p7s"));
            }),
            "form4-roster.pdf");
    refused(forged([&](const std::string& d) { cut(d + "/manifest.json.p7s", 100); }), "signature");
    refused(forged([&](const std::string& d) { fs::remove(d + "/manifest.json.p7s"); }), "sign");
    refused(forged([&](const std::string& d) { cut(d + "/roster.csv", 10); }), "roster.csv");
    refused(forged([&](const std::string& d) { cut(d + "/form4-roster.pdf", 1000); }), "form4-roster.pdf");
    {
        const std::string d = forged([&](const std::string& d) { cut(d + "/manifest.json", 40); });
        const auto r = runProcess({kCli, "verify", d}, {}, kEnglish);
        INFO(r.err);
        CHECK(r.exitCode == 1);
        CHECK(r.err.find("manifest.json") != std::string::npos);
    }
}
