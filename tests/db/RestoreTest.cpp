// Restoring a registry from its backup (Vault::restoreFrom), checking a passphrase against the open
// registry (Vault::checkPassphrase) and the rules for a new passphrase (checkNewPassphraseRules).

#include "DbTestSupport.h"

#include <catch2/catch.hpp>

using namespace meibo;
using namespace meibo::test;
using core::ErrorCode;

TEST_CASE("a backup is restored into the open registry, which keeps today's key slots", "[vault][restore]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    {
        db::Vault v = openVault(path);
        insertRows(v, 3, "before the backup");
        v.backupNow();
        insertRows(v, 2, "after the backup");
        // The passphrase changes after the backup: the restored registry still opens with the new one.
        v.changePassphrase(db::SecureBuffer::fromString("a brand new passphrase"), db::KdfSettings::fastForTests());
        REQUIRE(countRows(v) == 5);
        v.restoreFrom(v.backupPath());
        CHECK(countRows(v) == 3);
        CHECK(exists(v.beforeRestorePath()));
    }
    db::Vault again = openVault(path, "a brand new passphrase");
    CHECK(countRows(again) == 3);
    // What was there before the restore is kept, and opens with the passphrase of that moment.
    db::Vault before = openVault(path + ".before-restore", "a brand new passphrase");
    CHECK(countRows(before) == 5);
}

TEST_CASE("restoring refuses what is not a backup of this registry and changes nothing", "[vault][restore]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    const std::string other = dir.file("other.meibo");
    createVault(path);
    createVault(other);
    writeText(dir.file("junk.bak"), std::string(8192, 'x'));
    db::Vault v = openVault(path);
    insertRows(v, 2, "kept");

    auto e = captureError([&] { v.restoreFrom(other); });
    CHECK(e.code() == ErrorCode::InvalidInput);
    CHECK(e.messageJa().find("別の登録簿") != std::string::npos);
    e = captureError([&] { v.restoreFrom(dir.file("junk.bak")); });
    CHECK(e.messageJa().find("変更していません") != std::string::npos);
    e = captureError([&] { v.restoreFrom(dir.file("missing.bak")); });
    CHECK(e.code() == ErrorCode::NotFound);
    e = captureError([&] { v.restoreFrom(path); });
    CHECK(e.code() == ErrorCode::InvalidInput);
    CHECK(countRows(v) == 2);
    CHECK(!exists(v.beforeRestorePath()));
}

TEST_CASE("a passphrase is checked against the open registry's slots", "[vault]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    db::Vault v = openVault(path);
    CHECK(v.checkPassphrase(db::SecureBuffer::fromString(kPass)));
    CHECK(!v.checkPassphrase(db::SecureBuffer::fromString("not it at all")));
    v.addPassphraseSlot("deputy", db::SecureBuffer::fromString("the deputy's own"), db::KdfSettings::fastForTests());
    CHECK(v.checkPassphrase(db::SecureBuffer::fromString("the deputy's own")));
}

TEST_CASE("a new passphrase has 8 characters or more and is typable UTF-8", "[vault]")
{
    CHECK_NOTHROW(db::checkNewPassphraseRules(db::SecureBuffer::fromString("合言葉はやまかわ")));
    auto e = captureError([] { db::checkNewPassphraseRules(db::SecureBuffer::fromString("合言葉は山")); });
    CHECK(e.code() == ErrorCode::InvalidInput);
    CHECK(e.messageJa().find("8文字以上") != std::string::npos);
    e = captureError([] { db::checkNewPassphraseRules(db::SecureBuffer::fromString("tab\tinside it")); });
    CHECK(e.messageJa().find("制御文字") != std::string::npos);
    e = captureError([] { db::checkNewPassphraseRules(db::SecureBuffer::fromString("\xff\xfe\x41\x00long enough")); });
    CHECK(e.messageJa().find("UTF-8") != std::string::npos);
}
