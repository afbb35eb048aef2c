#include "DbTestSupport.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <catch2/catch.hpp>

namespace meibo::test {

std::string createVault(const std::string& path, const std::string& lowerVfs)
{
    db::CreateOptions options;
    options.organizationName = "テスト株式会社";
    options.kdf = db::KdfSettings::fastForTests();
    options.lowerVfs = lowerVfs;
    return db::Vault::create(path, db::SecureBuffer::fromString(kPass), options);
}

db::Vault openVault(const std::string& path, const std::string& pass, db::OpenOptions options)
{
    return db::Vault::open(path, db::Secret::passphrase(pass), options);
}

void insertRows(db::Vault& vault, int count, const std::string& text)
{
    try {
        db::VaultAccess::beforeWrite(vault);
        SQLite::Database& d = db::VaultAccess::database(vault);
        SQLite::Transaction tx(d);
        d.exec("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        SQLite::Statement ins(d, "INSERT INTO t (body) VALUES (?)");
        for (int i = 0; i < count; ++i) {
            ins.bind(1, text);
            ins.exec();
            ins.reset();
        }
        tx.commit();
    } catch (const core::Error&) {
        throw;
    } catch (const std::exception& e) {
        db::rethrowSqlite(e, "saving the test rows");
    }
}

std::int64_t countRows(db::Vault& vault)
{
    SQLite::Database& d = db::VaultAccess::database(vault);
    if (!d.tableExists("t"))
        return 0;
    return d.execAndGet("SELECT count(*) FROM t").getInt64();
}

core::Error captureError(const std::function<void()>& fn)
{
    try {
        fn();
    } catch (const core::Error& e) {
        return e;
    } catch (const std::exception& e) {
        FAIL("expected core::Error, got: " << e.what());
    }
    FAIL("expected an error, got none");
    throw std::logic_error("unreachable");
}

} // namespace meibo::test

#include <unistd.h>

namespace meibo::test {
bool leaveHotJournal(const std::string& path, int rows, const std::string& text)
{
    runInChild([&](int) {
        db::Vault vault = openVault(path);
        SQLite::Database& d = db::VaultAccess::database(vault);
        d.exec("PRAGMA cache_size = 4");
        d.exec("BEGIN IMMEDIATE");
        d.exec("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        SQLite::Statement ins(d, "INSERT INTO t (body) VALUES (?)");
        for (int i = 0; i < rows; ++i) {
            ins.bind(1, text);
            ins.exec();
            ins.reset();
        }
        ::_exit(0); // killed before COMMIT
    });
    return exists(path + "-journal");
}
} // namespace meibo::test
