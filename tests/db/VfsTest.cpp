// The encrypting shim's own rules, below the Vault.

#include "DbTestSupport.h"
#include "EncryptingVfs.h"

#include <sodium.h>

#include <catch2/catch.hpp>

#include <cstring>

using namespace meibo;
using namespace meibo::test;

namespace {
sqlite3_file* mainFile(db::Vault& v)
{
    sqlite3_file* f = nullptr;
    sqlite3_file_control(db::VaultAccess::database(v).getHandle(), "main", SQLITE_FCNTL_FILE_POINTER, &f);
    return f;
}
std::uint32_t be32(const std::uint8_t* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}
} // namespace

TEST_CASE("a write smaller than a page is read, modified and resealed", "[vfs]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    db::Vault v = openVault(path);
    insertRows(v, 20, "some rows");
    sqlite3_file* f = mainFile(v);
    REQUIRE(f);
    std::uint8_t before[4096], after[4096];
    REQUIRE(f->pMethods->xRead(f, before, 4096, 4096) == SQLITE_OK);
    const char patch[] = "patched in the middle of page two";
    REQUIRE(f->pMethods->xWrite(f, patch, sizeof patch, 4096 + 1000) == SQLITE_OK);
    REQUIRE(f->pMethods->xRead(f, after, 4096, 4096) == SQLITE_OK);
    CHECK(std::memcmp(after + 1000, patch, sizeof patch) == 0);
    CHECK(std::memcmp(after, before, 1000) == 0);
    CHECK(std::memcmp(after + 1000 + sizeof patch, before + 1000 + sizeof patch, 4096 - 1000 - sizeof patch) == 0);
    // Put it back so the close is clean.
    REQUIRE(f->pMethods->xWrite(f, before, 4096, 4096) == SQLITE_OK);
}

TEST_CASE("SQLite sees the reserved bytes of every page as zero", "[vfs]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    db::Vault v = openVault(path);
    sqlite3_file* f = mainFile(v);
    std::uint8_t page[4096];
    REQUIRE(f->pMethods->xRead(f, page, 4096, 0) == SQLITE_OK);
    CHECK(std::memcmp(page, "SQLite format 3", 16) == 0);
    CHECK(page[20] == 40); // reserved bytes per page in SQLite's own header
    for (int i = 4056; i < 4096; ++i)
        CHECK(page[i] == 0);
}

TEST_CASE("rewriting unchanged plaintext leaves the bytes on disk as they were", "[vfs]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    db::Vault v = openVault(path);
    insertRows(v, 20, "rows");
    const auto before = readBytes(path);
    sqlite3_file* f = mainFile(v);
    std::uint8_t page[4096];
    REQUIRE(f->pMethods->xRead(f, page, 4096, 4096) == SQLITE_OK);
    REQUIRE(f->pMethods->xWrite(f, page, 4096, 4096) == SQLITE_OK);
    CHECK(readBytes(path) == before);
    page[100] ^= 1; // a different plaintext gets a fresh nonce
    REQUIRE(f->pMethods->xWrite(f, page, 4096, 4096) == SQLITE_OK);
    const auto changed = readBytes(path);
    CHECK(std::memcmp(changed.data() + 8192 + 4056, before.data() + 8192 + 4056, 24) != 0);
    page[100] ^= 1;
    REQUIRE(f->pMethods->xWrite(f, page, 4096, 4096) == SQLITE_OK);
}

TEST_CASE("a torn journal record comes back as filler that SQLite's checksum rejects", "[vfs][journal]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    {
        db::Vault v = openVault(path);
        insertRows(v, 10, "base");
    }
    REQUIRE(leaveHotJournal(path, 400, std::string(500, 'j')));
    auto journal = readBytes(path + "-journal");
    const std::size_t record = 512; // first record: page number (4), image (4096), checksum (4)
    journal[record + 4 + 3000] ^= 0xff;
    writeBytes(path + "-journal", journal);

    // Open the journal through the shim, as SQLite's playback would, with the registry's page key.
    const auto head = readBytes(path);
    const auto parsed = db::VaultHeader::parse(head.data(), 4096);
    REQUIRE(parsed.header);
    db::SecureBuffer dataKey =
        db::unwrapDataKey(parsed.header->slots[0], 0, parsed.header->fileId, db::SecureBuffer::fromString(kPass));
    REQUIRE_FALSE(dataKey.empty());
    auto key = std::make_shared<db::vfs::PageKey>();
    key->fileId = parsed.header->fileId;
    key->key = db::deriveSubkey(dataKey, 2);
    const std::string full = db::vfs::fullPathname(nullptr, path);
    db::vfs::registerKey(full, key);
    sqlite3_vfs* shim = sqlite3_vfs_find(db::vfs::shimName());
    std::vector<char> mem(static_cast<std::size_t>(shim->szOsFile));
    auto* jf = reinterpret_cast<sqlite3_file*>(mem.data());
    int out = 0;
    REQUIRE(shim->xOpen(shim, (full + "-journal").c_str(), jf, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_JOURNAL,
                        &out) == SQLITE_OK);
    std::uint8_t magic[8], page[4096];
    REQUIRE(jf->pMethods->xRead(jf, magic, 8, 0) == SQLITE_OK);
    const std::uint32_t nonce = be32(journal.data() + 12);
    auto checksum = [&](const std::uint8_t* p) {
        std::uint32_t c = nonce;
        for (int i = 4096 - 200; i > 0; i -= 200)
            c += p[i];
        return c;
    };
    // The damaged record: no I/O error, and a checksum that cannot match.
    REQUIRE(jf->pMethods->xRead(jf, page, 4096, record + 4) == SQLITE_OK);
    CHECK(checksum(page) != be32(journal.data() + record + 4 + 4096));
    // An intact record decrypts to exactly the image SQLite checksummed.
    const std::size_t second = record + 4104;
    REQUIRE(jf->pMethods->xRead(jf, page, 4096, second + 4) == SQLITE_OK);
    CHECK(checksum(page) == be32(journal.data() + second + 4 + 4096));
    jf->pMethods->xClose(jf);
    db::vfs::unregisterKey(full);
}

TEST_CASE("the shim opens nothing but a keyed registry and its journal", "[vfs]")
{
    TempDir dir;
    sqlite3* raw = nullptr;
    // No key registered for this file: refused, never read as plaintext.
    const int rc = sqlite3_open_v2(dir.file("plain.db").c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                   db::vfs::shimName());
    CHECK(rc != SQLITE_OK);
    sqlite3_close(raw);
    CHECK_FALSE(exists(dir.file("plain.db")));

    const std::string path = dir.file("r.meibo");
    createVault(path);
    db::Vault v = openVault(path);
    SQLite::Database& d = db::VaultAccess::database(v);
    // WAL needs shared memory the shim does not offer: the mode stays a rollback journal.
    CHECK(d.execAndGet("PRAGMA journal_mode = WAL").getString() == "delete");
    CHECK(d.execAndGet("PRAGMA temp_store").getInt() == 2);
    // A temp table lives in memory (temp_store=MEMORY): no file is asked for.
    d.exec("CREATE TEMP TABLE scratch (x)");
    d.exec("INSERT INTO scratch VALUES (randomblob(100000))");
    CHECK(d.execAndGet("SELECT count(*) FROM scratch").getInt() == 1);
}

TEST_CASE("decrypting without the tag check yields exactly the AEAD's plaintext", "[vfs]")
{
    db::SecureBuffer key(32);
    randombytes_buf(key.data(), key.size());
    db::FileId id{};
    randombytes_buf(id.data(), id.size());
    std::uint8_t page[4096], plain[4096], unchecked[4096];
    randombytes_buf(page, 4056);
    std::memset(page + 4056, 0, 40);
    std::uint8_t original[4096];
    std::memcpy(original, page, sizeof page);
    db::vfs::sealPage(page, 'P', id, 7, key);
    REQUIRE(db::vfs::openPage(page, plain, 'P', id, 7, key));
    db::vfs::decryptUnchecked(page, unchecked, key);
    CHECK(std::memcmp(plain, original, 4096) == 0);
    CHECK(std::memcmp(unchecked, plain, 4096) == 0);
    CHECK(db::vfs::verifyPage(page, 'P', id, 7, key));
    CHECK_FALSE(db::vfs::verifyPage(page, 'P', id, 8, key)); // another page number
    CHECK_FALSE(db::vfs::verifyPage(page, 'J', id, 7, key)); // another domain
    page[17] ^= 1;
    CHECK_FALSE(db::vfs::verifyPage(page, 'P', id, 7, key));
}

TEST_CASE("the lock-byte page SQLite never writes is not taken for damage", "[vfs][lock-byte]")
{
    // SQLite keeps its lock bytes at 1 GiB and never writes the page that holds them: a registry
    // past 1 GiB has a hole there. Reaching 1 GiB takes too long for a test, so a child process
    // moves SQLite's lock bytes to 256 KiB (page 65) before it opens anything, as SQLite's own
    // tests do, and grows a registry past that page.
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    const ChildResult r = runInChild([&](int fd) {
        std::string out;
        try {
            sqlite3_test_control(SQLITE_TESTCTRL_PENDING_BYTE, 0x40000u);
            if (db::vfs::lockBytePage() != 65)
                throw std::runtime_error("SQLite did not move its lock bytes");
            createVault(path);
            {
                db::Vault v = openVault(path);
                insertRows(v, 200, std::string(2000, 'x'));
            }
            const auto bytes = readBytes(path);
            const std::size_t at = 4096 + 64 * 4096;
            if (bytes.size() < at + 8192 ||
                !std::all_of(bytes.begin() + static_cast<long>(at), bytes.begin() + static_cast<long>(at + 4096),
                             [](std::uint8_t b) { return b == 0; }))
                throw std::runtime_error("page 65 is not the hole this test is about");
            db::Vault v = openVault(path); // checks every page's tag
            out = db::VaultAccess::database(v).execAndGet("PRAGMA integrity_check").getString();
            out += " " + std::to_string(countRows(v));
            v.backupNow(); // the backup API skips the page too
            v.close();
            db::Vault b = openVault(path + ".bak");
            out += " " + std::to_string(countRows(b));
        } catch (const std::exception& e) {
            out = e.what();
        }
        if (::write(fd, out.data(), out.size()) < 0)
            ::_exit(5);
    });
    CHECK(WIFEXITED(r.status));
    CHECK(r.output == "ok 200 200");
}

namespace {
/// Pages allocated and freed in one transaction: with secure_delete OFF, SQLite never writes them
/// (it skips a dirty page that became free), so the file keeps a hole of zeros there.
void allocateAndFreeInOneTransaction(SQLite::Database& d)
{
    d.exec("BEGIN");
    d.exec("CREATE TABLE IF NOT EXISTS big (id INTEGER PRIMARY KEY, body BLOB)");
    d.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60) "
           "INSERT INTO big (body) SELECT randomblob(3000) FROM n");
    // One row at a time: a statement that cannot fail half-way runs without a statement journal,
    // the case in which SQLite skips writing the freed pages.
    for (int id = 2; id <= 60; id += 2)
        d.exec("DELETE FROM big WHERE id = " + std::to_string(id));
    d.exec("COMMIT");
    d.exec("PRAGMA shrink_memory"); // what comes next reads the pages from the file, not the cache
    d.exec("INSERT INTO big (body) VALUES (randomblob(100))"); // reuses free pages
    d.exec("PRAGMA shrink_memory");
}
} // namespace

TEST_CASE("secure_delete stays ON, so every page in the file is one SQLite wrote", "[vfs][secure-delete]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    db::Vault v = openVault(path);
    SQLite::Database& d = db::VaultAccess::database(v);
    CHECK(d.execAndGet("PRAGMA secure_delete").getInt() == 1);
    const auto before = readBytes(path);
    for (const char* off : {"PRAGMA secure_delete = OFF", "PRAGMA main.secure_delete = 0", "PRAGMA secure_delete = FAST"}) {
        INFO(off);
        CHECK_THROWS_WITH(d.exec(off), Catch::Contains("not authorized"));
        CHECK(d.execAndGet("PRAGMA secure_delete").getInt() == 1);
    }
    CHECK(readBytes(path) == before);

    SECTION("free pages reused, and copied by the backup API, authenticate")
    {
        allocateAndFreeInOneTransaction(d);
        CHECK(d.execAndGet("PRAGMA freelist_count").getInt() > 0);
        v.backupNow();
        v.close();
        db::Vault again = openVault(path);
        CHECK(db::VaultAccess::database(again).execAndGet("PRAGMA integrity_check").getString() == "ok");
        db::Vault backup = openVault(path + ".bak");
        CHECK(db::VaultAccess::database(backup).execAndGet("SELECT count(*) FROM big").getInt() == 31);
    }
    SECTION("what OFF would do: SQLite leaves pages unwritten and the shim refuses to read them")
    {
        // Only to show why the setting is enforced: lift the guard on this connection.
        sqlite3_set_authorizer(d.getHandle(), nullptr, nullptr);
        d.exec("PRAGMA secure_delete = OFF");
        allocateAndFreeInOneTransaction(d);
        db::vfs::clearLastAuthFailure();
        captureError([&] { v.backupNow(); });
        const auto failure = db::vfs::lastAuthFailure();
        REQUIRE(failure);
        CHECK_FALSE(failure->journal); // a page of the registry that SQLite never wrote
    }
}
