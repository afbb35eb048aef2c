// Hostile tests: each one is an attempt to rewrite what a roster the ministry agreed to showed, or
// to turn one person into another, through a path the officer (or anyone holding the passphrase)
// can take. Every attempt must be refused and leave the registry as it was.

#include "DbTestSupport.h"

#include "meibo/core/ChangeSet.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Registry.h"

#include <catch2/catch.hpp>

using namespace meibo;
using namespace meibo::test;
using core::Date;
using core::ErrorCode;
using namespace std::chrono;

namespace {
Date d(int y, unsigned m, unsigned dd)
{
    return Date{year{y}, month{m}, day{dd}};
}

struct Hostile {
    TempDir dir;
    std::string path = dir.file("r.meibo");
    db::Vault vault;
    std::unique_ptr<db::Registry> reg;
    std::int64_t k1 = 0;

    Hostile()
        : vault((createVault(path), openVault(path)))
    {
        reg = std::make_unique<db::Registry>(vault);
        core::Contract c;
        c.code = "K1";
        c.title = "調査事業";
        c.start = d(2026, 4, 1);
        c.end = d(2027, 3, 31);
        k1 = reg->addContract(c);
    }
    void import(std::int64_t contract, const std::string& csv, bool link = false)
    {
        const auto parsed = core::parseRosterCsv(csv, d(2026, 11, 25));
        REQUIRE(parsed.issues.empty());
        reg->importRoster(contract, parsed, link);
    }
    void agree()
    {
        auto c = reg->contract("K1");
        c.signedOn = d(2026, 4, 1);
        c.rosterConsentedOn = d(2026, 4, 15);
        reg->updateContract(c);
    }
    /// Every version of every person and every assignment: what history is.
    std::string history()
    {
        std::string out;
        for (const auto& [id, p] : reg->people()) {
            for (const auto& v : reg->personVersions(id))
                out += std::to_string(id) + " " + (v.validFrom ? core::formatIsoDate(*v.validFrom) : "-") + ".." +
                       (v.validTo ? core::formatIsoDate(*v.validTo) : "-") + " " + v.person.name + "|" +
                       v.person.address + "|" +
                       (v.person.birthDate ? core::formatIsoDate(*v.person.birthDate) : "") + "|" +
                       v.person.department + "\n";
        }
        for (const auto& c : reg->contracts()) {
            out += c.code + " consented " + (c.rosterConsentedOn ? core::formatIsoDate(*c.rosterConsentedOn) : "-") +
                   "\n";
            for (const auto& e : reg->assignments(c.id))
                out += c.code + " " + e.label + " " + std::to_string(e.personId) + " " +
                       (e.validFrom ? core::formatIsoDate(*e.validFrom) : "-") + ".." +
                       (e.validTo ? core::formatIsoDate(*e.validTo) : "-") + "\n";
        }
        return out;
    }
    std::int64_t idOf(const std::string& label)
    {
        for (const auto& e : reg->roster(k1, d(2026, 6, 1)))
            if (e.label == label)
                return e.personId;
        FAIL("no " << label);
        return 0;
    }
};

const std::string kTwo = "role,label,name,birth_date,department,address,nationality,residence_status,reports_to,"
                         "valid_from\n"
                         "情報管理責任者,A,経済 太郎,1970-04-01,情報セキュリティ部,東京都千代田区1-1,JP,日本国籍,,"
                         "2026-04-01\n"
                         "業務従事者,B,佐藤 花子,1985-05-05,開発部,東京都港区2-2,JP,日本国籍,A,2026-04-01\n";
} // namespace

TEST_CASE("hostile: an agreed roster's consent cannot be withdrawn or moved later to reopen its history",
          "[hostile][history]")
{
    Hostile f;
    f.import(f.k1, kTwo);
    f.agree();
    const auto hanako = f.idOf("B");
    const std::string before = f.history();
    const auto audit = f.reg->auditEntries(100000).size();

    // Clearing the consent day would let person set rewrite the agreed days, then put it back.
    auto cleared = f.reg->contract("K1");
    cleared.rosterConsentedOn.reset();
    auto e = captureError([&] { f.reg->updateContract(cleared); });
    INFO(e.what());
    CHECK(e.code() == ErrorCode::IllegalState);
    CHECK(std::string(e.what()).find("2026-04-15") != std::string::npos);
    CHECK(e.messageJa().find("2026-04-15") != std::string::npos);

    auto later = f.reg->contract("K1");
    later.rosterConsentedOn = d(2027, 1, 10);
    e = captureError([&] { f.reg->updateContract(later); });
    CHECK(e.code() == ErrorCode::IllegalState);

    CHECK(f.history() == before);
    CHECK(f.reg->auditEntries(100000).size() == audit);
    core::PersonData p = f.reg->person(hanako);
    p.name = "鈴木 一郎";
    captureError([&] { f.reg->correctPerson(hanako, p); });
    CHECK(f.history() == before);

    // Other edits of the contract (its title), and an earlier consent day, remain possible.
    auto retitled = f.reg->contract("K1");
    retitled.title = "調査事業（改）";
    retitled.rosterConsentedOn = d(2026, 4, 14);
    f.reg->updateContract(retitled);
    CHECK(f.reg->contract("K1").title == "調査事業（改）");
    CHECK(f.reg->verifyAudit().ok);
}

TEST_CASE("hostile: a person_id that names one person on a row with another person's data is refused",
          "[hostile][identity]")
{
    Hostile f;
    f.import(f.k1, kTwo);
    const auto taro = f.idOf("A");
    const std::string before = f.history();

    // person_id of 経済 太郎, but the name and date of birth of somebody else.
    auto e = captureError([&] {
        f.import(f.k1, "person_id,role,label,name,birth_date\n" + std::to_string(taro) +
                           ",情報管理責任者,A,田中 次郎,1990-01-01\n");
    });
    INFO(e.what());
    CHECK(e.code() == ErrorCode::InvalidInput);
    CHECK(std::string(e.what()).find("line 2") != std::string::npos);
    CHECK(std::string(e.what()).find("経済 太郎") != std::string::npos);
    CHECK(std::string(e.what()).find("田中 次郎") != std::string::npos);
    CHECK(e.messageJa().find("田中 次郎") != std::string::npos);
    CHECK(f.history() == before);

    // A different name without a date of birth on the row: nothing says it is the same person.
    e = captureError([&] {
        f.import(f.k1, "person_id,role,label,name\n" + std::to_string(taro) + ",情報管理責任者,A,田中 次郎\n");
    });
    CHECK(f.history() == before);

    // A name changed (marriage) with the same date of birth, or a date of birth corrected under the
    // same name, is still the person the id names.
    f.import(f.k1, "person_id,role,label,name,birth_date\n" + std::to_string(taro) +
                       ",情報管理責任者,A,経済 一太郎,1970-04-01\n");
    CHECK(f.reg->person(taro).name == "経済 一太郎");
    f.import(f.k1, "person_id,role,label,name,birth_date\n" + std::to_string(taro) +
                       ",情報管理責任者,A,経済 一太郎,1970-04-02\n");
    CHECK(f.reg->person(taro).birthDate == d(1970, 4, 2));
}

TEST_CASE("hostile: swapped rows and a label given to another person never swap two people", "[hostile][identity]")
{
    Hostile f;
    f.import(f.k1, kTwo);
    const std::string before = f.history();
    // A and B's data swapped between the two labels.
    const std::string swapped =
        "role,label,name,birth_date\n情報管理責任者,A,佐藤 花子,1985-05-05\n業務従事者,B,経済 太郎,1970-04-01\n";
    auto e = captureError([&] { f.import(f.k1, swapped); });
    CHECK(std::string(e.what()).find("nothing was imported") != std::string::npos);
    CHECK(f.history() == before);
    // The same name under a label, with another date of birth.
    e = captureError([&] { f.import(f.k1, "role,label,name,birth_date\n業務従事者,B,佐藤 花子,1985-05-06\n"); });
    CHECK(f.history() == before);
}

TEST_CASE("hostile: after consent, no Registry call rewrites an agreed day", "[hostile][history]")
{
    Hostile f;
    f.import(f.k1, kTwo);
    f.agree();
    const auto hanako = f.idOf("B");
    const std::string before = f.history();
    core::PersonData p = f.reg->person(hanako);
    p.birthDate = d(1985, 5, 6);

    captureError([&] { f.reg->correctPerson(hanako, p); });
    captureError([&] { f.reg->changePerson(hanako, p, d(2026, 4, 2)); });
    captureError([&] { f.reg->changePerson(hanako, p, d(2026, 12, 1)); });
    captureError([&] { f.reg->endAssignment(f.k1, "B", d(2026, 4, 10)); });
    captureError([&] {
        f.reg->assign(f.k1, hanako, core::Role::Worker, "Z", "", "A", d(2026, 4, 1), std::nullopt);
    });
    captureError([&] { f.import(f.k1, "role,label,name,birth_date\n業務従事者,B,佐藤 花子,1985-05-06\n"); });
    captureError([&] { f.import(f.k1, "role,label,name,department\n業務従事者,B,佐藤 花子,総務部\n"); });
    core::ImportRow row;
    row.role = core::Role::Worker;
    row.label = "B";
    row.person = f.reg->person(hanako);
    row.person.department = "総務部";
    captureError([&] { f.reg->saveRosterRow(f.k1, row); });
    CHECK(f.history() == before);
    CHECK(f.reg->verifyAudit().ok);
}

TEST_CASE("hostile: an applied change set cannot be edited again, and earlier days keep what they showed",
          "[hostile][history]")
{
    Hostile f;
    f.import(f.k1, kTwo);
    f.agree();
    db::ChangeSets changes(f.vault);
    const auto set = changes.create(f.k1, d(2026, 10, 1), "異動", false);
    core::ChangeItem item;
    item.kind = core::ChangeItem::Kind::Set;
    item.label = "B";
    item.fields = {{"department", "総務部"}};
    changes.addItems(set, {item});
    changes.submit(set, d(2026, 9, 20), "e-mail");
    changes.consent(set, d(2026, 9, 25), "担当課");
    changes.apply(set);
    const std::string before = f.history();

    item.fields = {{"department", "営業部"}};
    captureError([&] { changes.addItems(set, {item}); });
    captureError([&] { changes.apply(set); });
    captureError([&] { changes.submit(set, d(2026, 9, 30), "e-mail"); });
    captureError([&] { changes.withdraw(set, d(2026, 9, 30)); });
    CHECK(f.history() == before);

    // A second set dated before the first cannot slide under it.
    const auto earlier = changes.create(f.k1, d(2026, 8, 1), "遡及", false);
    changes.addItems(earlier, {item});
    changes.submit(earlier, d(2026, 7, 20), "e-mail");
    changes.consent(earlier, d(2026, 7, 25), "担当課");
    captureError([&] { changes.apply(earlier); });
    CHECK(f.history() == before);
    bool found = false;
    for (const auto& e : f.reg->roster(f.k1, d(2026, 6, 1)))
        if (e.label == "B") {
            found = true;
            CHECK(e.person.department == "開発部");
        }
    CHECK(found);
}

TEST_CASE("hostile: restoring an older backup over an agreed roster is itself in the restored audit log",
          "[hostile][history][restore]")
{
    Hostile f;
    f.import(f.k1, kTwo);
    f.vault.backupNow(); // before consent
    f.agree();
    const std::string headBefore = f.reg->auditHead();
    REQUIRE(f.reg->contract("K1").rosterConsentedOn);

    f.vault.restoreFrom(f.vault.backupPath());
    // The restore took the registry back to before the consent (that is what a restore is), but
    // the log says so: its last entry is the restore, naming the head it replaced and where the
    // replaced contents are kept, and the chain holds.
    CHECK(!f.reg->contract("K1").rosterConsentedOn);
    const auto entries = f.reg->auditEntries(100000);
    REQUIRE(!entries.empty());
    const auto& last = entries.front().seq > entries.back().seq ? entries.front() : entries.back();
    CHECK(last.action == "vault.restore");
    CHECK(last.before.find(headBefore) != std::string::npos);
    CHECK(last.after.find(f.vault.beforeRestorePath()) != std::string::npos);
    CHECK(f.reg->verifyAudit().ok);
    // The registry as it was (agreed) is kept beside it and opens.
    db::Vault kept = openVault(f.vault.beforeRestorePath());
    CHECK(db::Registry(kept).contract("K1").rosterConsentedOn == d(2026, 4, 15));
}
