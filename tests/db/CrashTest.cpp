// Crash consistency: a writer killed at random moments, and power lost at random points (unsynced
// writes dropped by a fault-injecting VFS under the encrypting shim). After each, the registry must
// open, pass integrity_check, and hold exactly the committed transactions.

#include "DbTestSupport.h"
#include "FaultVfs.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <catch2/catch.hpp>

#include <csignal>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

using namespace meibo;
using namespace meibo::test;

namespace {

int iterations(int normal)
{
    if (const char* env = std::getenv("MEIBO_CRASH_ITERATIONS"))
        return std::max(1, std::atoi(env));
    return normal;
}

void commitOne(SQLite::Database& d, std::int64_t n)
{
    SQLite::Transaction tx(d);
    SQLite::Statement ins(d, "INSERT INTO t (id, body) VALUES (?, ?)");
    ins.bind(1, static_cast<std::int64_t>(n));
    ins.bind(2, std::string(static_cast<std::size_t>(100 + (n * 37) % 3000), static_cast<char>('a' + n % 26)));
    ins.exec();
    if (n % 7 == 0) // some transactions also rewrite and delete, so pages move and free up
        d.exec("UPDATE t SET body = body || 'u' WHERE id % 5 = " + std::to_string(n % 5));
    if (n % 11 == 0)
        d.exec("DELETE FROM t WHERE id = " + std::to_string(n - 10));
    tx.commit();
}

/// What the table must hold after committing 1..n: ids 1..n less the deleted ones.
std::int64_t expectedRows(std::int64_t n)
{
    std::int64_t rows = 0;
    for (std::int64_t i = 1; i <= n; ++i)
        ++rows;
    for (std::int64_t i = 11; i <= n; i += 11)
        if (i - 10 >= 1)
            --rows;
    return rows;
}

std::int64_t maxId(db::Vault& v)
{
    return db::VaultAccess::database(v).execAndGet("SELECT coalesce(max(id), 0) FROM t").getInt64();
}

void prepare(const std::string& path, const std::string& lower = {})
{
    createVault(path, lower);
    db::OpenOptions o;
    o.lowerVfs = lower;
    db::Vault v = openVault(path, kPass, o);
    db::VaultAccess::database(v).exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    v.backupNow();
}

void checkConsistent(const std::string& path, std::int64_t lastReported, const std::string& lower = {})
{
    db::OpenOptions o;
    o.lowerVfs = lower;
    db::Vault v = openVault(path, kPass, o); // authenticates every page, quick_check
    SQLite::Database& d = db::VaultAccess::database(v);
    CHECK(d.execAndGet("PRAGMA integrity_check").getString() == "ok");
    const std::int64_t top = maxId(v);
    // The commit in flight when the crash came may or may not have landed; nothing else may differ.
    CHECK((top == lastReported || top == lastReported + 1));
    CHECK(d.execAndGet("SELECT count(*) FROM t").getInt64() == expectedRows(top));
}

} // namespace

TEST_CASE("a writer killed at random moments never damages the registry", "[crash][kill]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    prepare(path);
    std::mt19937 rng(20261125);
    std::int64_t committed = 0;
    const int rounds = iterations(200);
    for (int round = 0; round < rounds; ++round) {
        int fds[2];
        REQUIRE(::pipe(fds) == 0);
        const pid_t pid = ::fork();
        if (pid == 0) {
            ::close(fds[0]);
            try {
                db::Vault v = openVault(path);
                SQLite::Database& d = db::VaultAccess::database(v);
                for (std::int64_t n = maxId(v) + 1;; ++n) {
                    commitOne(d, n);
                    if (::write(fds[1], &n, sizeof n) != sizeof n)
                        ::_exit(2);
                }
            } catch (...) {
                ::_exit(1);
            }
        }
        ::close(fds[1]);
        // Let it commit a while, then kill it wherever it is.
        std::int64_t n = 0;
        const int wanted = 1 + static_cast<int>(rng() % 6);
        for (int got = 0; got < wanted && ::read(fds[0], &n, sizeof n) == sizeof n; ++got)
            committed = n;
        ::usleep(static_cast<useconds_t>(rng() % 4000));
        ::kill(pid, SIGKILL);
        while (::read(fds[0], &n, sizeof n) == sizeof n)
            committed = n;
        ::close(fds[0]);
        int status = 0;
        ::waitpid(pid, &status, 0);
        REQUIRE(WIFSIGNALED(status));
        INFO("round " << round << ", last reported commit " << committed);
        checkConsistent(path, committed);
        db::Vault v = openVault(path);
        committed = maxId(v);
    }
    CHECK(committed > rounds);
}

TEST_CASE("power lost at any point keeps exactly the committed transactions", "[crash][power]")
{
    FaultVfs& fault = FaultVfs::instance();
    fault.reset();
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    prepare(path, FaultVfs::kName);
    std::mt19937 rng(4242);
    db::OpenOptions o;
    o.lowerVfs = FaultVfs::kName;
    const int rounds = iterations(300);
    int crashesSeen = 0;
    for (int round = 0; round < rounds; ++round) {
        std::int64_t committed = 0;
        {
            db::Vault v = openVault(path, kPass, o);
            committed = maxId(v);
            fault.setCrashAfter(static_cast<std::int64_t>(rng() % 120));
            try {
                SQLite::Database& d = db::VaultAccess::database(v);
                for (std::int64_t n = committed + 1; n < committed + 40; ++n) {
                    commitOne(d, n);
                    committed = n;
                }
            } catch (const std::exception&) {
            }
            crashesSeen += fault.crashed();
        } // the connection goes down with the power still out
        fault.recover();
        INFO("round " << round << ", last returned commit " << committed);
        checkConsistent(path, committed, FaultVfs::kName);
    }
    CHECK(crashesSeen > rounds / 2);
    fault.reset();
}

TEST_CASE("a key change killed at any moment leaves a registry that opens with the old or the new passphrase",
          "[crash][header]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    prepare(path);
    {
        db::Vault v = openVault(path);
        insertRows(v, 10, "rows that must survive");
    }
    std::mt19937 rng(7);
    const std::string a = kPass, b = "the other passphrase";
    const int rounds = iterations(60);
    for (int round = 0; round < rounds; ++round) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            try {
                for (;;) {
                    std::string current = a;
                    db::Vault v = [&] {
                        try {
                            return openVault(path, a);
                        } catch (const core::Error&) {
                            current = b;
                            return openVault(path, b);
                        }
                    }();
                    v.changePassphrase(db::SecureBuffer::fromString(current == a ? b : a),
                                       db::KdfSettings::fastForTests());
                }
            } catch (...) {
                ::_exit(1);
            }
        }
        ::usleep(static_cast<useconds_t>(rng() % 20000));
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        INFO("round " << round);
        bool opened = false;
        for (const std::string& pass : {a, b}) {
            try {
                db::Vault v = openVault(path, pass);
                CHECK(countRows(v) == 10);
                opened = true;
                break;
            } catch (const core::Error& e) {
                CHECK(e.code() == core::ErrorCode::WrongSecret);
            }
        }
        CHECK(opened);
    }
}
