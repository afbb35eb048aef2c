#pragma once

// A registry for the GUI tests (import wizard, People view, Extras menu, words): created with a fast
// key derivation, opened in a MainWindow with today pinned.

#include "MainWindow.h"
#include "Session.h"
#include "TestSupport.h"

#include "meibo/core/Date.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Vault.h"

#include <memory>
#include <string>

namespace meibo::test {

inline const char* kGuiPass = "correct horse battery staple";

inline core::Date day(const char* iso) { return *core::parseIsoDate(iso); }

/// What a GUI test's registry holds besides its one contract (2026-04-01 – 2027-03-31, signed).
struct RegistrySpec {
    std::string file = "r.meibo";
    std::string contract = "K1";
    bool organization = true;      ///< the organization's address and representative recorded
    const char* roster = nullptr;  ///< a roster CSV imported on the contract (valid on 2026-06-01)
    std::string* recovery = nullptr; ///< receives the recovery key
};

/// A registry made with a fast key derivation, as `spec` says; returns its path.
inline std::string makeRegistry(const TempDir& dir, const RegistrySpec& spec = {})
{
    db::CreateOptions options;
    options.organizationName = "テスト株式会社";
    options.kdf = db::KdfSettings::fastForTests();
    const std::string path = dir.file(spec.file);
    const std::string key = db::Vault::create(path, db::SecureBuffer::fromString(kGuiPass), options);
    if (spec.recovery)
        *spec.recovery = key;
    db::Vault vault = db::Vault::open(path, db::Secret::passphrase(kGuiPass));
    db::Registry reg(vault);
    if (spec.organization) {
        core::Organization org;
        org.name = "テスト株式会社";
        org.address = "東京都千代田区丸の内1-1-1";
        org.representative = "代表取締役 見本 一郎";
        reg.setOrganization(org);
    }
    core::Contract c;
    c.code = spec.contract;
    c.title = "令和8年度テスト調査事業";
    c.start = day("2026-04-01");
    c.end = day("2027-03-31");
    c.signedOn = day("2026-04-01");
    c.addressee = "経済産業省テスト課長";
    c.id = reg.addContract(c);
    if (spec.roster)
        reg.importRoster(c.id, core::parseRosterCsv(spec.roster, day("2026-06-01")));
    return path;
}

/// An empty registry with an organization and one contract K1.
inline std::string makeRegistryWithContract(const TempDir& dir) { return makeRegistry(dir); }

/// A window on the registry at `path`, with today pinned to 2026-06-01.
struct WindowFixture {
    explicit WindowFixture(const std::string& registryPath) : path(registryPath)
    {
        window.session().setToday(day("2026-06-01"));
        window.show();
        window.showVault(std::make_unique<db::Vault>(db::Vault::open(path, db::Secret::passphrase(kGuiPass))));
    }
    db::Registry registry() { return db::Registry(window.session().vault()); }
    std::string path;
    gui::MainWindow window;
};

} // namespace meibo::test
