// Torn writes beneath the encryption: a power cut in the middle of a write leaves some 512-byte
// sectors of it new and the rest old. SQLite's rollback journal is built for that; the encrypting
// shim must not turn such a state into "damaged". Every test runs the production shim over a fault
// layer (FaultVfs) that tears writes at 512-byte granularity.

#include "AuditLog.h"
#include "DbTestSupport.h"
#include "EncryptingVfs.h"
#include "FaultVfs.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <random>

using namespace meibo;
using namespace meibo::test;

namespace {

int iterations(int normal)
{
    if (const char* env = std::getenv("MEIBO_CRASH_ITERATIONS"))
        return std::max(1, std::atoi(env));
    return normal;
}

db::OpenOptions throughFaults()
{
    db::OpenOptions o;
    o.lowerVfs = FaultVfs::kName;
    return o;
}

/// The workload of the loop: commit n inserts row n (sizes that need overflow pages now and then),
/// every 7th rewrites a fifth of the rows, every 11th deletes an old row and every 13th a batch, so
/// pages are freed and free pages are reused; each commit carries its audit entry. `model` is what the table must hold.
using Model = std::map<std::int64_t, std::string>;

std::string bodyOf(std::int64_t n)
{
    return std::string(static_cast<std::size_t>(100 + (n * 37) % 5000), static_cast<char>('a' + n % 26));
}

void applyToModel(Model& model, std::int64_t n)
{
    model[n] = bodyOf(n);
    if (n % 7 == 0)
        for (auto& [id, body] : model)
            if (id % 5 == n % 5)
                body += 'u';
    if (n % 11 == 0)
        model.erase(n - 10);
    if (n % 13 == 0)
        for (auto it = model.begin(); it != model.end();)
            it = it->first < n - 20 && it->first % 3 == 0 ? model.erase(it) : std::next(it);
}

void commitOne(db::Vault& v, std::int64_t n)
{
    SQLite::Database& d = db::VaultAccess::database(v);
    db::AuditLog audit(d, db::VaultAccess::auditKey(v), "tester", "tester", "officer");
    SQLite::Transaction tx(d);
    SQLite::Statement ins(d, "INSERT INTO t (id, body) VALUES (?, ?)");
    ins.bind(1, n);
    ins.bind(2, bodyOf(n));
    ins.exec();
    if (n % 7 == 0)
        d.exec("UPDATE t SET body = body || 'u' WHERE id % 5 = " + std::to_string(n % 5));
    if (n % 11 == 0)
        d.exec("DELETE FROM t WHERE id = " + std::to_string(n - 10));
    if (n % 13 == 0) // a batch goes: its overflow pages join the free list, to be reused later
        d.exec("DELETE FROM t WHERE id < " + std::to_string(n - 20) + " AND id % 3 = 0");
    audit.append("test.commit", "t/" + std::to_string(n), nullptr, {{"n", n}});
    tx.commit();
}

std::uint32_t be32(const std::uint8_t* p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

/// The free-list leaf pages of an open registry, read through the shim (authenticated).
std::vector<std::uint32_t> freeLeaves(db::Vault& v)
{
    sqlite3_file* f = nullptr;
    sqlite3_file_control(db::VaultAccess::database(v).getHandle(), "main", SQLITE_FCNTL_FILE_POINTER, &f);
    std::vector<std::uint32_t> out;
    std::uint8_t page[4096];
    REQUIRE(f->pMethods->xRead(f, page, 4096, 0) == SQLITE_OK);
    for (std::uint32_t trunk = be32(page + 32); trunk != 0;) {
        REQUIRE(f->pMethods->xRead(f, page, 4096, (trunk - 1) * sqlite3_int64{4096}) == SQLITE_OK);
        const std::uint32_t n = be32(page + 4);
        for (std::uint32_t i = 0; i < n; ++i)
            out.push_back(be32(page + 8 + 4 * i));
        trunk = be32(page);
    }
    return out;
}

Model tableOf(db::Vault& v)
{
    Model out;
    SQLite::Statement q(db::VaultAccess::database(v), "SELECT id, body FROM t ORDER BY id");
    while (q.executeStep())
        out[q.getColumn(0).getInt64()] = q.getColumn(1).getString();
    return out;
}

} // namespace

TEST_CASE("a torn page 1 under an intact hot journal is rolled back, not called damaged", "[crash][torn]")
{
    FaultVfs& fault = FaultVfs::instance();
    fault.reset();
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path, FaultVfs::kName);
    const std::string full = db::vfs::fullPathname(FaultVfs::kName, path);
    std::vector<std::uint8_t> before;
    {
        db::Vault v = openVault(path, kPass, throughFaults());
        insertRows(v, 30, std::string(300, 'a'));
        v.backupNow();
        before = readBytes(path);
        // The power goes out while SQLite overwrites page 1 after syncing the journal: the first
        // 512-byte sector of the new page 1 is on disk, the other seven are the old ones.
        fault.setTear([&](const std::string& p, std::int64_t offset, int) { return p == full && offset == 4096; }, 0,
                      0b1);
        const auto e = captureError([&] { insertRows(v, 30, std::string(300, 'b')); });
        CHECK(fault.tore());
    }
    fault.recover();
    REQUIRE(exists(path + "-journal"));
    const auto torn = readBytes(path);
    REQUIRE(torn.size() >= 8192);
    CHECK(std::equal(torn.begin() + 4096 + 512, torn.begin() + 8192, before.begin() + 4096 + 512));
    CHECK_FALSE(std::equal(torn.begin() + 4096, torn.begin() + 4096 + 512, before.begin() + 4096));

    db::Vault v = openVault(path, kPass, throughFaults());
    CHECK(countRows(v) == 30);
    CHECK(db::VaultAccess::database(v).execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK_FALSE(exists(path + "-journal"));
    v.close();
    CHECK(readBytes(path).size() == before.size()); // the pages the commit added are gone again
    fault.reset();
}

TEST_CASE("a torn write to a reused free page (which SQLite does not journal) is not called damaged",
          "[crash][torn]")
{
    FaultVfs& fault = FaultVfs::instance();
    fault.reset();
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path, FaultVfs::kName);
    const std::string full = db::vfs::fullPathname(FaultVfs::kName, path);
    std::vector<std::uint32_t> leaves;
    {
        db::Vault v = openVault(path, kPass, throughFaults());
        insertRows(v, 20, std::string(3000, 'a'));
        db::VaultAccess::database(v).exec("DELETE FROM t WHERE id > 5");
        leaves = freeLeaves(v);
        REQUIRE(leaves.size() >= 5);
        v.backupNow();
        // The next commit takes pages from the free list. SQLite writes them without journaling
        // their old content (a free page holds nothing), so a tear there is not rolled back.
        const std::set<std::int64_t> offsets = [&] {
            std::set<std::int64_t> o;
            for (std::uint32_t p : leaves)
                o.insert(4096 + (std::int64_t{p} - 1) * 4096);
            return o;
        }();
        fault.setTear([&, offsets](const std::string& p, std::int64_t offset, int) {
            return p == full && offsets.count(offset) > 0;
        }, 1, 0b11);
        captureError([&] { insertRows(v, 10, std::string(3000, 'b')); });
        REQUIRE(fault.tore());
    }
    INFO("torn at byte " << fault.tornOffset());
    fault.recover();
    SECTION("opened for writing: the torn free page is sealed again and the backup API reads it")
    {
        db::Vault v = openVault(path, kPass, throughFaults());
        CHECK(countRows(v) == 5);
        CHECK(db::VaultAccess::database(v).execAndGet("PRAGMA integrity_check").getString() == "ok");
        CHECK(freeLeaves(v).size() == leaves.size());
        v.backupNow();
        v.close();
        CHECK_NOTHROW(openVault(path, kPass, throughFaults()));
        CHECK_NOTHROW(openVault(path + ".bak", kPass, throughFaults()));
    }
    SECTION("a page that is not free stays damage")
    {
        {
            db::Vault v = openVault(path, kPass, throughFaults());
        }
        auto bytes = readBytes(path);
        bytes[4096 + 4096 + 100] ^= 1; // page 2: the table's root
        writeBytes(path, bytes);
        const auto e = captureError([&] { openVault(path, kPass, throughFaults()); });
        CHECK(e.code() == core::ErrorCode::Damaged);
        CHECK(std::string(e.what()).find("page 2 ") != std::string::npos);
        CHECK(readBytes(path) == bytes);
    }
    fault.reset();
}

TEST_CASE("writes torn at any sector of page 1, a middle page or the journal never leave a damaged registry",
          "[crash][torn][loop]")
{
    FaultVfs& fault = FaultVfs::instance();
    fault.reset();
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path, FaultVfs::kName);
    const std::string full = db::vfs::fullPathname(FaultVfs::kName, path);
    const std::string journal = full + "-journal";
    Model model;
    std::int64_t committed = 0;
    {
        db::Vault v = openVault(path, kPass, throughFaults());
        db::VaultAccess::database(v).exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        for (committed = 1; committed <= 40; ++committed) {
            commitOne(v, committed);
            applyToModel(model, committed);
        }
        --committed;
        v.backupNow();
    }
    std::mt19937 rng(1212);
    const int rounds = iterations(200); // MEIBO_CRASH_ITERATIONS=1000 for the long run
    std::map<std::string, int> tears; // target -> rounds in which the tear happened
    int rolledBack = 0, landed = 0;
    for (int round = 0; round < rounds; ++round) {
        db::Vault v = openVault(path, kPass, throughFaults());
        int target = static_cast<int>(rng() % 4);
        std::set<std::int64_t> freeOffsets;
        if (target == 3) {
            for (std::uint32_t p : freeLeaves(v))
                freeOffsets.insert(4096 + (std::int64_t{p} - 1) * 4096);
            if (freeOffsets.empty())
                target = 1;
        }
        const std::string targetName = target == 0   ? "page 1"
                                       : target == 1 ? "a middle page"
                                       : target == 2 ? "the journal"
                                                     : "a reused free page";
        FaultVfs::WriteMatch match;
        if (target == 0)
            match = [&](const std::string& p, std::int64_t offset, int) { return p == full && offset == 4096; };
        else if (target == 1)
            match = [&](const std::string& p, std::int64_t offset, int) { return p == full && offset > 4096; };
        else if (target == 2)
            match = [&](const std::string& p, std::int64_t, int) { return p == journal; };
        else
            match = [&, freeOffsets](const std::string& p, std::int64_t offset, int) {
                return p == full && freeOffsets.count(offset) > 0;
            };
        // A random proper part of the write lands: some of its sectors, never none or all.
        std::uint64_t keep = rng() & 0x1ff;
        if (keep == 0 || keep == 0x1ff)
            keep = 0b10101;
        const int occurrence = static_cast<int>(rng() % (target == 0 ? 4 : target == 3 ? 2 : 25));
        INFO("round " << round << ": tear the write number " << occurrence << " to " << targetName
                      << ", sectors kept " << keep);

        Model after = model;
        {
            fault.setTear(match, occurrence, keep);
            try {
                for (int i = 0; i < 8 && !fault.tore(); ++i) {
                    commitOne(v, committed + 1);
                    ++committed;
                    applyToModel(model, committed);
                }
            } catch (const std::exception&) {
            }
            after = model;
            applyToModel(after, committed + 1);
            v.close(); // the connection goes down with the power still out
        }
        if (fault.tore())
            ++tears[targetName];
        const bool tore = fault.tore();
        fault.recoverScattered(static_cast<std::uint32_t>(rng()));

        v = [&] {
            try {
                return openVault(path, kPass, throughFaults());
            } catch (const core::Error& e) {
                FAIL("the registry did not open after the tear: " << e.what());
                throw;
            }
        }();
        SQLite::Database& d = db::VaultAccess::database(v);
        CHECK(d.execAndGet("PRAGMA integrity_check").getString() == "ok");
        const auto chain = db::AuditLog::verify(d, db::VaultAccess::auditKey(v));
        CHECK(chain.ok);
        INFO(chain.problem);
        const Model now = tableOf(v);
        const bool isBefore = now == model, isAfter = now == after;
        CHECK((isBefore || isAfter));
        if (isAfter && !isBefore) {
            ++committed;
            model = after;
            landed += tore;
        } else {
            rolledBack += tore;
        }
        if (round % 50 == 49)
            v.backupNow(); // the backup API reads every page, free ones included
    }
    for (const auto& [name, n] : tears)
        WARN(n << " rounds tore a write to " << name);
    WARN(rounds << " rounds; the registry opened after every one, integrity_check ok, audit chain intact; "
                << rolledBack << " came back as before the torn commit, " << landed
                << " with the torn commit complete; none damaged");
    CHECK(tears["page 1"] > 0);
    CHECK(tears["a middle page"] > 0);
    CHECK(tears["the journal"] > 0);
    CHECK(tears["a reused free page"] > 0);
    fault.reset();
}
