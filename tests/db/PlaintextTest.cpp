// No plaintext reaches the disk: markers written to the registry are found in none of its files.

#include "DbTestSupport.h"

#include <catch2/catch.hpp>

using namespace meibo;
using namespace meibo::test;

TEST_CASE("personal data never reaches the disk in plaintext", "[plaintext]")
{
    const std::string ascii = "MARKER-PASSPORT-TZ1234567";
    const std::string japanese = "山田花子・東京都千代田区霞が関一丁目";
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    {
        db::Vault v = openVault(path);
        insertRows(v, 30, ascii + " " + japanese);
        v.backupNow();
    }
    REQUIRE(leaveHotJournal(path, 300, "IN-FLIGHT-" + ascii + japanese));
    const auto registry = readBytes(path);
    const auto journal = readBytes(path + "-journal");
    const auto backup = readBytes(path + ".bak");
    REQUIRE(journal.size() > 4096);
    for (const auto* file : {&registry, &journal, &backup}) {
        CHECK_FALSE(contains(*file, ascii));
        CHECK_FALSE(contains(*file, japanese));
        CHECK_FALSE(contains(*file, "IN-FLIGHT"));
        CHECK_FALSE(contains(*file, "テスト株式会社"));   // the organization name
        CHECK_FALSE(contains(*file, "SQLite format 3")); // not even SQLite's own header
        CHECK_FALSE(contains(*file, "CREATE TABLE"));    // nor the schema
    }
    // And the data is really there, behind the key.
    db::Vault v = openVault(path);
    CHECK(countRows(v) == 30);
}
