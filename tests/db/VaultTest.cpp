#include "DbTestSupport.h"
#include "WriterLock.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace meibo;
using namespace meibo::test;
using core::ErrorCode;
using core::FrontEnd;

TEST_CASE("a new registry opens with its passphrase and knows its organization", "[vault]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    db::Vault v = openVault(path);
    CHECK(v.organizationName() == "テスト株式会社");
    CHECK(v.openedSlot() == "officer");
    CHECK(v.schemaVersion() >= 1);
    struct stat st{};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(st.st_size % 4096 == 0);
}

TEST_CASE("creating refuses to overwrite an existing file", "[vault]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    writeText(path, "someone's file");
    const auto e = captureError([&] { createVault(path); });
    CHECK(e.code() == ErrorCode::AlreadyExists);
    CHECK(std::string(e.what()).find("never overwrites") != std::string::npos);
    CHECK(readBytes(path) == std::vector<std::uint8_t>{'s', 'o', 'm', 'e', 'o', 'n', 'e', '\'', 's', ' ', 'f',
                                                        'i', 'l', 'e'});
}

TEST_CASE("a wrong passphrase is refused and changes nothing", "[vault]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    const auto before = readBytes(path);
    const auto e = captureError([&] { openVault(path, "wrong passphrase"); });
    CHECK(e.code() == ErrorCode::WrongSecret);
    CHECK(std::string(e.what()).find("passphrase does not open") != std::string::npos);
    // What to do is said per front end: the command line names its option, the GUI its checkbox.
    CHECK(e.message(FrontEnd::Cli, false).find("--recovery-key-file") != std::string::npos);
    CHECK(e.message(FrontEnd::Gui, false).find("Use the recovery key instead") != std::string::npos);
    CHECK(e.message(FrontEnd::Gui, true).find("回復キー") != std::string::npos);
    CHECK(e.message(FrontEnd::Gui, false).find("--") == std::string::npos);
    CHECK(readBytes(path) == before);
    CHECK_FALSE(exists(path + "-journal"));
}

TEST_CASE("the recovery key opens the registry and can reset a forgotten passphrase", "[vault]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    const std::string recovery = createVault(path);
    CHECK(recovery.size() == 52 + 12); // 52 characters in 13 groups of four
    {
        db::Vault v = db::Vault::open(path, db::Secret::recoveryKey(recovery));
        CHECK(v.openedSlot() == "recovery");
        v.changePassphrase(db::SecureBuffer::fromString("a new passphrase"), db::KdfSettings::fastForTests());
    }
    CHECK(captureError([&] { openVault(path); }).code() == ErrorCode::WrongSecret);
    CHECK(openVault(path, "a new passphrase").openedSlot() == "officer");
    // Lower case and spaces are accepted; a wrong key is refused.
    std::string lower = recovery;
    for (char& c : lower)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK_NOTHROW(db::Vault::open(path, db::Secret::recoveryKey(lower)));
    std::string wrong = recovery;
    wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
    CHECK(captureError([&] { db::Vault::open(path, db::Secret::recoveryKey(wrong)); }).code() ==
          ErrorCode::WrongSecret);
    CHECK(captureError([] { db::Secret::recoveryKey("ABCD-EFGH"); }).code() == ErrorCode::InvalidInput);
}

TEST_CASE("changing the passphrase rewraps the key and leaves every page as it was", "[vault]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    {
        db::Vault v = openVault(path);
        insertRows(v, 50, "row");
    }
    const auto before = readBytes(path);
    {
        db::Vault v = openVault(path);
        v.changePassphrase(db::SecureBuffer::fromString("second passphrase"), db::KdfSettings::fastForTests());
    }
    const auto after = readBytes(path);
    REQUIRE(after.size() == before.size());
    CHECK(std::equal(before.begin() + 4096, before.end(), after.begin() + 4096));
    CHECK_FALSE(std::equal(before.begin(), before.begin() + 4096, after.begin()));
    CHECK(captureError([&] { openVault(path); }).code() == ErrorCode::WrongSecret);
    db::Vault v = openVault(path, "second passphrase");
    CHECK(countRows(v) == 50);
    CHECK_FALSE(exists(path + ".newheader"));
}

TEST_CASE("a deputy's passphrase slot can be added and removed", "[vault]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    {
        db::Vault v = openVault(path);
        v.addPassphraseSlot("deputy", db::SecureBuffer::fromString("deputy passphrase"),
                            db::KdfSettings::fastForTests());
        CHECK(captureError([&] {
                  v.addPassphraseSlot("deputy", db::SecureBuffer::fromString("x"), db::KdfSettings::fastForTests());
              }).code() == ErrorCode::AlreadyExists);
        CHECK(captureError([&] { v.removeSlot("recovery"); }).code() == ErrorCode::IllegalState);
        CHECK(captureError([&] { v.removeSlot("officer"); }).code() == ErrorCode::IllegalState); // in use now
    }
    CHECK(openVault(path, "deputy passphrase").openedSlot() == "deputy");
    const auto info = db::Vault::inspect(path);
    CHECK(info.keySlots.size() == 3);
    {
        db::Vault v = openVault(path, "deputy passphrase");
        v.removeSlot("officer");
        CHECK(captureError([&] { v.removeSlot("deputy"); }).code() == ErrorCode::IllegalState); // the last one
    }
    CHECK(captureError([&] { openVault(path); }).code() == ErrorCode::WrongSecret);
    CHECK(db::Vault::inspect(path).keySlots.size() == 2);
}

TEST_CASE("rotating the recovery key retires the old one", "[vault]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    const std::string oldKey = createVault(path);
    std::string newKey;
    {
        db::Vault v = openVault(path);
        newKey = v.rotateRecoveryKey();
    }
    CHECK(newKey != oldKey);
    CHECK(captureError([&] { db::Vault::open(path, db::Secret::recoveryKey(oldKey)); }).code() ==
          ErrorCode::WrongSecret);
    CHECK_NOTHROW(db::Vault::open(path, db::Secret::recoveryKey(newKey)));
}

TEST_CASE("a second writer is refused while a reader may still open", "[vault][lock]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    db::Vault writer = openVault(path);
    const auto e = captureError([&] { openVault(path); });
    CHECK(e.code() == ErrorCode::InUse);
    CHECK(std::string(e.what()).find("open for writing in another Meibo") != std::string::npos);
    CHECK(std::string(e.what()).find("process ") != std::string::npos);
    db::OpenOptions ro;
    ro.readOnly = true;
    db::Vault reader = openVault(path, kPass, ro);
    CHECK(reader.readOnly());
    CHECK(captureError([&] { insertRows(reader, 1, "x"); }).code() == ErrorCode::IllegalState);
    writer.close();
    CHECK_NOTHROW(openVault(path));
}

TEST_CASE("the backup opens with the same passphrase and holds the same rows", "[vault][backup]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    {
        db::Vault v = openVault(path);
        insertRows(v, 20, "before the backup");
        v.backupNow();
        insertRows(v, 5, "after the backup");
    }
    REQUIRE(exists(path + ".bak"));
    struct stat st{};
    ::stat((path + ".bak").c_str(), &st);
    CHECK((st.st_mode & 0777) == 0600);
    db::Vault b = openVault(path + ".bak");
    CHECK(countRows(b) == 20);
}

TEST_CASE("the first write of the day writes the backup first", "[vault][backup]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    db::Vault v = openVault(path);
    CHECK_FALSE(exists(path + ".bak"));
    insertRows(v, 3, "first write");
    REQUIRE(exists(path + ".bak"));
    insertRows(v, 3, "second write");
    v.close();
    db::Vault b = openVault(path + ".bak");
    CHECK(countRows(b) == 0); // taken before the first write
}

TEST_CASE("info reads the header without a passphrase", "[vault]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    const auto info = db::Vault::inspect(path);
    CHECK(info.formatVersion == 1);
    CHECK(info.fileId.size() == 32);
    REQUIRE(info.keySlots.size() == 2);
    CHECK(info.keySlots[0].name == "officer");
    CHECK(info.keySlots[0].kdf == "argon2id13");
    CHECK(info.keySlots[0].memLimitBytes == 8192);
    CHECK(info.keySlots[1].kind == "recovery-key");
    CHECK(info.pages >= 2);
    CHECK_FALSE(info.hotJournal);
}

TEST_CASE("the default key cost is at least 64 MiB of Argon2id", "[vault]")
{
    const auto kdf = db::KdfSettings::standard();
    CHECK(kdf.memLimitBytes >= 64u << 20);
    CHECK(kdf.opsLimit >= 2);
}

TEST_CASE("a registry from a newer schema is refused untouched", "[vault]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    {
        db::Vault v = openVault(path);
        db::VaultAccess::database(v).exec("PRAGMA user_version = 999");
    }
    const auto before = readBytes(path);
    const auto e = captureError([&] { openVault(path); });
    CHECK(e.code() == ErrorCode::UnsupportedVersion);
    CHECK(std::string(e.what()).find("newer Meibo") != std::string::npos);
    CHECK(readBytes(path) == before);
}

TEST_CASE("a new passphrase must be UTF-8 text without control characters", "[vault][passphrase]")
{
    TempDir dir;
    const std::string nul("pass\0phrase with a NUL", 22);
    const std::string utf16 = std::string("\xFF\xFE") + std::string("p\0a\0s\0s\0p\0h\0r\0a\0s\0e\0", 20);
    const std::string latin1 = "pa\xDF" "phrase in Latin-1";
    const std::string tab = "pass\tphrase";
    const std::string overlong = "pass\xC0\xAFphrase";
    for (const std::string& bad : {nul, utf16, latin1, tab, overlong}) {
        INFO(bad.size() << " bytes");
        db::CreateOptions options;
        options.kdf = db::KdfSettings::fastForTests();
        const auto e = captureError(
            [&] { db::Vault::create(dir.file("a.meibo"), db::SecureBuffer::fromString(bad), options); });
        CHECK(e.code() == core::ErrorCode::InvalidInput);
        const std::string m = e.what();
        CHECK((m.find("not UTF-8 text") != std::string::npos || m.find("control character") != std::string::npos));
        CHECK(m.find("Nothing was changed") != std::string::npos);
        CHECK_FALSE(exists(dir.file("a.meibo")));
        CHECK_FALSE(exists(dir.file("a.meibo.creating")));
    }
    const std::string path = dir.file("r.meibo");
    createVault(path);
    const auto before = readBytes(path);
    {
        db::Vault v = openVault(path);
        auto e = captureError([&] {
            v.changePassphrase(db::SecureBuffer::fromString(nul), db::KdfSettings::fastForTests());
        });
        CHECK(std::string(e.what()).find("a NUL byte") != std::string::npos);
        CHECK(e.messageJa().find("制御文字") != std::string::npos);
        e = captureError([&] {
            v.addPassphraseSlot("deputy", db::SecureBuffer::fromString(utf16), db::KdfSettings::fastForTests());
        });
        CHECK(std::string(e.what()).find("not UTF-8 text (at character 1)") != std::string::npos);
        // Japanese and other non-ASCII text is welcome.
        v.changePassphrase(db::SecureBuffer::fromString("名簿の合言葉 ünïcödé"), db::KdfSettings::fastForTests());
    }
    CHECK(readBytes(path) != before);
    CHECK_NOTHROW(openVault(path, "名簿の合言葉 ünïcödé"));
}

TEST_CASE("a planted symbolic link in place of the lock file is refused and its target left alone", "[vault][lock]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    writeText(dir.file("precious.txt"), "someone else's file\n");
    ::unlink((path + ".lock").c_str());
    REQUIRE(::symlink(dir.file("precious.txt").c_str(), (path + ".lock").c_str()) == 0);
    const auto before = readBytes(path);
    const auto e = captureError([&] { openVault(path); });
    CHECK(e.code() == ErrorCode::IllegalState);
    CHECK(std::string(e.what()).find("is a symbolic link, which Meibo never follows") != std::string::npos);
    const auto precious = readBytes(dir.file("precious.txt"));
    CHECK(std::string(precious.begin(), precious.end()) == "someone else's file\n");
    CHECK(readBytes(path) == before);
    // A dangling link (the target does not exist yet) is not created through either.
    ::unlink((path + ".lock").c_str());
    REQUIRE(::symlink(dir.file("planted.txt").c_str(), (path + ".lock").c_str()) == 0);
    captureError([&] { openVault(path); });
    CHECK_FALSE(exists(dir.file("planted.txt")));
    // A reader goes on without the lock: it writes nothing.
    db::OpenOptions readOnly;
    readOnly.readOnly = true;
    CHECK_NOTHROW(openVault(path, kPass, readOnly));
    CHECK_FALSE(exists(dir.file("planted.txt")));
}

TEST_CASE("a registry reached through a symbolic link opens, and shares one lock with its real path", "[vault][lock]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    REQUIRE(::symlink("r.meibo", dir.file("link.meibo").c_str()) == 0);
    REQUIRE(::mkdir(dir.file("sub").c_str(), 0700) == 0);
    REQUIRE(::symlink(dir.path().c_str(), dir.file("sub/folder").c_str()) == 0);
    for (const std::string& via : {dir.file("link.meibo"), dir.file("sub/folder/r.meibo")}) {
        INFO(via);
        db::Vault v = openVault(via);
        insertRows(v, 1, "through a link");
        CHECK(v.path() == db::Vault::inspect(path).path);
        // The same registry by its real name is the same lock: a second writer is refused.
        const auto e = captureError([&] { openVault(path); });
        CHECK(e.code() == ErrorCode::InUse);
        CHECK(std::string(e.what()).find("open for writing in another Meibo") != std::string::npos);
        CHECK(std::string(e.what()).find("--read-only") == std::string::npos);
    }
    CHECK_FALSE(exists(dir.file("link.meibo.lock")));
    db::Vault v = openVault(path);
    CHECK(countRows(v) == 2);
}

TEST_CASE("a reader opening at the same moment never makes a writer fail", "[vault][lock]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    // A reader in the middle of its open holds the lock shared, as Vault::open does.
    db::WriterLock reader = db::WriterLock::tryAcquireShared(db::Vault::inspect(path).path);
    REQUIRE(reader.held());
    std::thread done([&] {
        ::usleep(200000); // the reader's open takes a moment, then it lets go
        reader.release();
    });
    db::Vault v = [&] {
        try {
            return openVault(path);
        } catch (...) {
            done.join();
            throw;
        }
    }();
    done.join();
    CHECK_FALSE(v.readOnly());
    // While a writer is open, a reader still opens (without the lock), and the writer is unharmed.
    db::OpenOptions readOnly;
    readOnly.readOnly = true;
    db::Vault r = openVault(path, kPass, readOnly);
    CHECK_FALSE(db::WriterLock::tryAcquireShared(db::Vault::inspect(path).path).held());
    insertRows(v, 1, "written while a reader is open");
}
