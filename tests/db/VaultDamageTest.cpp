// Every way a registry file can be wrong: each gives one clear error and leaves the file as it was.

#include "DbTestSupport.h"
#include "FaultVfs.h"

#include <sodium.h>

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

using namespace meibo;
using namespace meibo::test;
using core::ErrorCode;

namespace {
std::string message(const core::Error& e) { return e.message(core::FrontEnd::Cli, false); }

/// A registry with a few pages of rows, closed.
std::string makeRegistry(TempDir& dir, int rows = 40)
{
    const std::string path = dir.file("r.meibo");
    createVault(path);
    db::Vault v = openVault(path);
    insertRows(v, rows, std::string(200, 'x'));
    v.close();
    ::unlink((path + ".bak").c_str());
    return path;
}
} // namespace

TEST_CASE("a missing registry says how to create one", "[damage]")
{
    TempDir dir;
    const auto e = captureError([&] { openVault(dir.file("none.meibo")); });
    CHECK(e.code() == ErrorCode::NotFound);
    CHECK(message(e).find("meibo-cli init") != std::string::npos);
    CHECK_FALSE(exists(dir.file("none.meibo")));
}

TEST_CASE("a file that is not a registry is refused untouched", "[damage]")
{
    TempDir dir;
    SECTION("a text file")
    {
        writeText(dir.file("x"), "hello, this is not a registry at all, just text that is long enough");
    }
    SECTION("a plain SQLite database")
    {
        std::vector<std::uint8_t> bytes(8192, 0);
        const char head[] = "SQLite format 3";
        std::copy(head, head + sizeof head, bytes.begin());
        writeBytes(dir.file("x"), bytes);
    }
    SECTION("an empty file") { writeText(dir.file("x"), ""); }
    const auto before = readBytes(dir.file("x"));
    const auto e = captureError([&] { openVault(dir.file("x")); });
    CHECK(e.code() == ErrorCode::NotARegistry);
    CHECK(message(e).find("not a Meibo registry") != std::string::npos);
    CHECK(readBytes(dir.file("x")) == before);
}

TEST_CASE("a registry from a newer format is refused untouched", "[damage]")
{
    TempDir dir;
    const std::string path = makeRegistry(dir);
    auto bytes = readBytes(path);
    bytes[8] = 2; // format version 2, checksum made to match as a newer Meibo would write it
    crypto_generichash(bytes.data() + 4048, 16, bytes.data(), 4048, nullptr, 0);
    writeBytes(path, bytes);
    const auto e = captureError([&] { openVault(path); });
    CHECK(e.code() == ErrorCode::UnsupportedVersion);
    CHECK(message(e).find("format 2") != std::string::npos);
    CHECK(message(e).find("Update Meibo") != std::string::npos);
    CHECK(readBytes(path) == bytes);
}

TEST_CASE("a registry cut short anywhere is reported and left as it is", "[damage]")
{
    TempDir dir;
    const std::string path = makeRegistry(dir);
    const auto full = readBytes(path);
    REQUIRE(full.size() >= 4096 * 4);
    const std::vector<std::size_t> cuts = {9, 100, 4095, 4096, 4096 + 1, 4096 + 2048, 8192, 8192 + 77,
                                           full.size() - 4096, full.size() - 1};
    for (std::size_t cut : cuts) {
        INFO("cut at " << cut);
        writeBytes(path, std::vector<std::uint8_t>(full.begin(), full.begin() + static_cast<long>(cut)));
        const auto e = captureError([&] { openVault(path); });
        CHECK(e.code() == ErrorCode::Damaged);
        INFO(message(e));
        CHECK((message(e).find("cut short") != std::string::npos ||
               message(e).find("no database pages") != std::string::npos));
        CHECK(readBytes(path).size() == cut);
    }
}

TEST_CASE("one byte flipped anywhere in the header is caught before anything is written", "[damage]")
{
    TempDir dir;
    const std::string path = makeRegistry(dir, 5);
    const auto good = readBytes(path);
    for (std::size_t pos = 0; pos < 4096; pos += 13) {
        INFO("byte " << pos);
        auto bad = good;
        bad[pos] ^= 0x20;
        writeBytes(path, bad);
        const auto e = captureError([&] { openVault(path); });
        CHECK((e.code() == ErrorCode::Damaged || e.code() == ErrorCode::NotARegistry));
        CHECK(readBytes(path) == bad);
    }
    // The MAC at the end: only the data key can check it.
    auto bad = good;
    bad[4095] ^= 1;
    writeBytes(path, bad);
    const auto e = captureError([&] { openVault(path); });
    CHECK(e.code() == ErrorCode::Damaged);
    CHECK(message(e).find("failed authentication") != std::string::npos);
}

TEST_CASE("one byte flipped in any page is caught at open and named", "[damage]")
{
    TempDir dir;
    const std::string path = makeRegistry(dir);
    const auto good = readBytes(path);
    const std::size_t pages = (good.size() - 4096) / 4096;
    for (std::size_t page = 0; page < pages; ++page) {
        for (std::size_t at : {std::size_t{0}, std::size_t{1777}, std::size_t{4055}, std::size_t{4060},
                               std::size_t{4095}}) {
            const std::size_t pos = 4096 + page * 4096 + at;
            INFO("page " << page + 1 << " byte " << pos);
            auto bad = good;
            bad[pos] ^= 0x01;
            writeBytes(path, bad);
            const auto e = captureError([&] { openVault(path); });
            CHECK(e.code() == ErrorCode::Damaged);
            CHECK(message(e).find("page " + std::to_string(page + 1) + " ") != std::string::npos);
            CHECK(readBytes(path) == bad);
        }
    }
    writeBytes(path, good);
    CHECK_NOTHROW(openVault(path));
}

TEST_CASE("a page of zeros is damage, not an empty page", "[damage]")
{
    TempDir dir;
    const std::string path = makeRegistry(dir);
    auto bytes = readBytes(path);
    std::fill(bytes.begin() + 4096 + 4096, bytes.begin() + 4096 + 8192, 0);
    writeBytes(path, bytes);
    const auto e = captureError([&] { openVault(path); });
    CHECK(e.code() == ErrorCode::Damaged);
    CHECK(message(e).find("page 2 ") != std::string::npos);
}

TEST_CASE("a hot journal is replayed through the encryption", "[damage][journal]")
{
    TempDir dir;
    const std::string path = makeRegistry(dir, 10);
    REQUIRE(leaveHotJournal(path, 400, std::string(500, 'y')));
    CHECK(db::Vault::inspect(path).hotJournal);
    db::Vault v = openVault(path);
    CHECK(countRows(v) == 10);
    CHECK_FALSE(exists(path + "-journal"));
}

TEST_CASE("a hot journal with a flipped byte is refused and both files are left as they were", "[damage][journal]")
{
    TempDir dir;
    const std::string path = makeRegistry(dir, 10);
    REQUIRE(leaveHotJournal(path, 400, std::string(500, 'y')));
    auto journal = readBytes(path + "-journal");
    REQUIRE(journal.size() > 512 + 4104);
    journal[512 + 4 + 100] ^= 0x40; // inside the first page image
    writeBytes(path + "-journal", journal);
    const auto registry = readBytes(path);
    const auto e = captureError([&] { openVault(path); });
    CHECK(e.code() == ErrorCode::Damaged);
    CHECK(message(e).find("journal") != std::string::npos);
    CHECK(message(e).find("byte 516") != std::string::npos);
    CHECK(readBytes(path) == registry);
    CHECK(readBytes(path + "-journal") == journal);
}

TEST_CASE("a full disk during a commit loses nothing that was committed", "[damage][disk-full]")
{
    FaultVfs& fault = FaultVfs::instance();
    fault.reset();
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path, FaultVfs::kName);
    db::OpenOptions options;
    options.lowerVfs = FaultVfs::kName;
    for (std::int64_t budget : {0, 1000, 4096, 20000, 60000}) {
        INFO("budget " << budget);
        std::int64_t committed = 0;
        std::vector<std::uint8_t> before;
        {
            db::Vault v = openVault(path, kPass, options);
            v.backupNow();
            insertRows(v, 10, "committed before the disk fills");
            committed = countRows(v);
            before = readBytes(path);
            fault.setSpaceBudget(budget);
            const auto e = captureError([&] { insertRows(v, 2000, std::string(300, 'z')); });
            CHECK(e.code() == ErrorCode::Io);
            CHECK(message(e).find("disk is full") != std::string::npos);
            fault.setSpaceBudget(-1);
            CHECK(countRows(v) == committed);
        }
        CHECK(readBytes(path) == before);
        db::Vault again = openVault(path, kPass, options);
        CHECK(countRows(again) == committed);
    }
    fault.reset();
}

TEST_CASE("an unwritable folder gives a message that says so", "[damage]")
{
    TempDir dir;
    ::chmod(dir.path().c_str(), 0755); // the child must reach the folder, only not write in it
    const std::string locked = dir.file("locked");
    REQUIRE(::mkdir(locked.c_str(), 0755) == 0);
    // Root ignores permissions: drop to nobody in a child process for the attempt.
    const ChildResult r = runInChild([&](int fd) {
        if (::getuid() == 0) {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                ::_exit(3);
        } else {
            ::chmod(locked.c_str(), 0500);
        }
        try {
            createVault(locked + "/r.meibo");
            ::_exit(4);
        } catch (const core::Error& e) {
            const std::string m = e.what();
            if (::write(fd, m.data(), m.size()) < 0)
                ::_exit(5);
        }
    });
    ::chmod(locked.c_str(), 0755);
    CHECK(WIFEXITED(r.status));
    CHECK(WEXITSTATUS(r.status) == 0);
    CHECK(r.output.find("permission denied") != std::string::npos);
    CHECK_FALSE(exists(locked + "/r.meibo"));
    CHECK_FALSE(exists(locked + "/r.meibo.creating"));
}

TEST_CASE("a header that asks for an absurd passphrase cost is refused at once as damaged", "[damage][header]")
{
    // Someone raised the Argon2id cost of the officer's slot and fixed the checksum up: without a
    // bound the open would run for hours or ask for 8 GiB. It must stop before deriving anything.
    TempDir dir;
    const std::string path = makeRegistry(dir, 5);
    const auto good = readBytes(path);
    struct Case {
        const char* name;
        std::size_t offset; // within slot 0
        std::uint64_t value;
        const char* says;
    };
    for (const Case& c : {Case{"ops 2^32-1", 8, 0xffffffffull, "4294967295 passes"},
                          Case{"memory 8 GiB", 16, 8ull << 30, "8192 MiB"},
                          Case{"ops 0", 8, 0, "0 passes"}}) {
        INFO(c.name);
        auto bad = good;
        for (int i = 0; i < 8; ++i)
            bad[64 + c.offset + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(c.value >> (8 * i));
        crypto_generichash(bad.data() + 4048, 16, bad.data(), 4048, nullptr, 0);
        writeBytes(path, bad);
        const auto e = captureError([&] { openVault(path); });
        CHECK(e.code() == ErrorCode::Damaged);
        CHECK(message(e).find("damaged or was tampered with") != std::string::npos);
        CHECK(message(e).find(c.says) != std::string::npos);
        CHECK(message(e).find(".bak") != std::string::npos);
        const auto info = captureError([&] { db::Vault::inspect(path); });
        CHECK(info.code() == ErrorCode::Damaged);
        CHECK(readBytes(path) == bad);
    }
}

TEST_CASE("init, passwd and slot add refuse a passphrase cost beyond what Meibo allows", "[damage][header]")
{
    TempDir dir;
    db::CreateOptions options;
    options.kdf = {9, 8192};
    auto e = captureError([&] { db::Vault::create(dir.file("a.meibo"), db::SecureBuffer::fromString(kPass), options); });
    CHECK(e.code() == ErrorCode::InvalidInput);
    CHECK(message(e).find("at most 8 passes") != std::string::npos);
    CHECK_FALSE(exists(dir.file("a.meibo")));
    options.kdf = {1, (std::uint64_t{1} << 30) + 1};
    e = captureError([&] { db::Vault::create(dir.file("a.meibo"), db::SecureBuffer::fromString(kPass), options); });
    CHECK(e.code() == ErrorCode::InvalidInput);
    CHECK(message(e).find("1024 MiB") != std::string::npos);
    CHECK_FALSE(exists(dir.file("a.meibo")));

    const std::string path = makeRegistry(dir, 5);
    const auto before = readBytes(path);
    db::Vault v = openVault(path);
    e = captureError([&] { v.changePassphrase(db::SecureBuffer::fromString("another passphrase"), {100, 8192}); });
    CHECK(e.code() == ErrorCode::InvalidInput);
    e = captureError(
        [&] { v.addPassphraseSlot("deputy", db::SecureBuffer::fromString("another passphrase"), {1, 1ull << 33}); });
    CHECK(e.code() == ErrorCode::InvalidInput);
    v.close();
    CHECK(readBytes(path) == before);
}

TEST_CASE("every damaged, cut or foreign file is explained in Japanese too, saying nothing was changed", "[damage]")
{
    TempDir dir;
    const std::string path = makeRegistry(dir, 5);
    const auto good = readBytes(path);
    std::vector<std::pair<std::string, std::vector<std::uint8_t>>> cases;
    cases.emplace_back("cut in the header", std::vector<std::uint8_t>(good.begin(), good.begin() + 100));
    cases.emplace_back("cut in the pages", std::vector<std::uint8_t>(good.begin(), good.begin() + 8192 + 77));
    auto header = good;
    header[300] ^= 0x20;
    cases.emplace_back("a header byte flipped", header);
    auto page = good;
    page[4096 + 4096 + 100] ^= 0x01;
    cases.emplace_back("a page byte flipped", page);
    cases.emplace_back("not a registry", std::vector<std::uint8_t>(8192, 'x'));
    for (const auto& [what, bytes] : cases) {
        INFO(what);
        writeBytes(path, bytes);
        const auto e = captureError([&] { openVault(path); });
        INFO(message(e));
        CHECK(!e.messageJa().empty());
        CHECK(e.messageJa().find(path) != std::string::npos);
        CHECK(e.messageJa().find("変更していません") != std::string::npos);
        CHECK(readBytes(path) == bytes);
    }
}
