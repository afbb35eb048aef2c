// The record of who could handle what on which day cannot be rewritten behind the officer's back:
// one person stays one person through every import, and a roster the ministry agreed to keeps
// what it showed. Each scenario is an attack first; the registry must come out as it went in.

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

struct Fixture {
    TempDir dir;
    std::string path = dir.file("r.meibo");
    db::Vault vault;
    std::unique_ptr<db::Registry> reg;

    Fixture()
        : vault((createVault(path), openVault(path)))
    {
        reg = std::make_unique<db::Registry>(vault);
    }
    std::int64_t contract(const std::string& code)
    {
        core::Contract c;
        c.code = code;
        c.title = "調査事業 " + code;
        c.start = d(2026, 4, 1);
        c.end = d(2027, 3, 31);
        return reg->addContract(c);
    }
    db::Registry::ImportResult import(std::int64_t contract, const std::string& csv, bool link = false)
    {
        const auto parsed = core::parseRosterCsv(csv, d(2026, 11, 25));
        REQUIRE(parsed.issues.empty());
        return reg->importRoster(contract, parsed, link);
    }
    /// Everything a refusal must leave as it was: the audit log, every person, every roster.
    std::string state()
    {
        std::string out = std::to_string(reg->auditEntries(100000).size()) + "\n";
        for (const auto& [id, p] : reg->people())
            out += std::to_string(id) + " " + p.name + "|" + p.address + "|" +
                   (p.birthDate ? core::formatIsoDate(*p.birthDate) : "") + "|" + p.department + "|" + p.nationality +
                   "\n";
        for (const auto& c : reg->contracts())
            for (const auto& e : reg->assignments(c.id))
                out += c.code + " " + e.label + " " + std::to_string(e.personId) + "\n";
        return out;
    }
    /// The contract signed on 4/1 and its roster agreed with the ministry on 4/15.
    void agree(const std::string& code)
    {
        auto c = reg->contract(code);
        c.signedOn = d(2026, 4, 1);
        c.rosterConsentedOn = d(2026, 4, 15);
        reg->updateContract(c);
    }
    /// A change set that sets one field of `label` from 10/1, submitted and consented; returns its id.
    std::int64_t consentedSet(std::int64_t contract, const std::string& label, const std::string& field,
                              const std::string& value)
    {
        db::ChangeSets changes(vault);
        const auto set = changes.create(contract, d(2026, 10, 1), "変更", false);
        core::ChangeItem item;
        item.kind = core::ChangeItem::Kind::Set;
        item.label = label;
        item.fields = {{field, value}};
        changes.addItems(set, {item});
        changes.submit(set, d(2026, 9, 20), "e-mail");
        changes.consent(set, d(2026, 9, 25), "担当課");
        return set;
    }
    core::RosterEntry row(std::int64_t contract, const std::string& label, const Date& day)
    {
        for (const auto& e : reg->roster(contract, day))
            if (e.label == label)
                return e;
        FAIL("no " << label << " on the roster");
        return {};
    }
};

const std::string kHeader = "role,label,name,birth_date,department,address,nationality,residence_status,reports_to,"
                            "valid_from\n";
const std::string kResponsible =
    "情報管理責任者,A,経済 太郎,1970-04-01,情報セキュリティ部,東京都千代田区1-1,JP,日本国籍,,"
    "2026-04-01\n";
} // namespace

TEST_CASE("a label reused by a later import never turns one person into another", "[identity]")
{
    Fixture f;
    const auto k1 = f.contract("K1");
    f.import(k1, kHeader + kResponsible +
                     "業務従事者,B,佐藤 花子,1985-05-05,開発部,東京都港区2-2,JP,日本国籍,A,2026-04-01\n");
    const std::string before = f.state();

    const auto e =
        captureError([&] { f.import(k1, "role,label,name,birth_date,department\n業務従事者,B,田中 次郎,,\n"); });
    CHECK(e.code() == ErrorCode::InvalidInput);
    const std::string what = e.what();
    INFO(what);
    CHECK(what.find("line 2") != std::string::npos);
    CHECK(what.find("佐藤 花子") != std::string::npos); // both people named
    CHECK(what.find("田中 次郎") != std::string::npos);
    CHECK(what.find("end the assignment of B on K1") != std::string::npos); // how to end one …
    CHECK(what.find("new label") != std::string::npos);                             // … and add the other
    CHECK(what.find("nothing was imported") != std::string::npos);
    CHECK(e.messageJa().find("佐藤 花子") != std::string::npos);
    CHECK(e.messageJa().find("田中 次郎") != std::string::npos);
    CHECK(f.state() == before);
    const auto b = f.row(k1, "B", d(2026, 6, 1));
    CHECK(b.person.name == "佐藤 花子");
    CHECK(b.person.department == "開発部");
    REQUIRE(b.person.birthDate);
    CHECK(*b.person.birthDate == d(1985, 5, 5));

    // The same person again, with empty cells: nothing is erased, the new value is taken.
    f.import(k1, "role,label,name,birth_date,department,title\n業務従事者,B,佐藤 花子,,,主任\n");
    const auto again = f.row(k1, "B", d(2026, 6, 1));
    CHECK(again.personId == b.personId);
    CHECK(again.person.department == "開発部");
    CHECK(again.person.address == "東京都港区2-2");
    CHECK(again.person.title == "主任");
    REQUIRE(again.person.birthDate);
}

TEST_CASE("a date of birth given later (※5) is the same person; a different one is refused", "[identity]")
{
    Fixture f;
    const auto k1 = f.contract("K1");
    f.import(k1, "role,label,name,department\n情報管理責任者,A,経済 太郎,情報セキュリティ部\n");
    const auto id = f.row(k1, "A", d(2026, 6, 1)).personId;
    f.import(k1, "role,label,name,birth_date,address\n情報管理責任者,A,経済 太郎,1970-04-01,東京都千代田区1-1\n");
    const auto a = f.row(k1, "A", d(2026, 6, 1));
    CHECK(a.personId == id);
    CHECK(a.person.department == "情報セキュリティ部");
    CHECK(a.person.address == "東京都千代田区1-1");
    const std::string before = f.state();
    const auto e =
        captureError([&] { f.import(k1, "role,label,name,birth_date\n情報管理責任者,A,経済 太郎,1971-04-01\n"); });
    CHECK(std::string(e.what()).find("1970-04-01") != std::string::npos);
    CHECK(f.state() == before);
}

TEST_CASE("an import into another contract never changes a roster the ministry agreed to", "[identity][history]")
{
    Fixture f;
    const auto k1 = f.contract("K1");
    const auto k2 = f.contract("K2");
    f.import(k1, kHeader + kResponsible +
                     "業務従事者,B,佐藤 花子,1985-05-05,開発部,東京都港区2-2,JP,日本国籍,A,2026-04-01\n");
    f.agree("K1");
    const auto herId = f.row(k1, "B", d(2026, 6, 1)).personId;
    const std::string before = f.state();
    const std::string moved =
        kHeader + "業務従事者,C,佐藤 花子,1985-05-05,開発部,大阪府大阪市3-3,US,その他,,2026-06-01\n";

    // Matched by name and date of birth: offered, never silent.
    auto e = captureError([&] { f.import(k2, moved); });
    INFO(e.what());
    CHECK(std::string(e.what()).find("already registered") != std::string::npos);
    CHECK(std::string(e.what()).find("person " + std::to_string(herId) + ", on K1") != std::string::npos);
    CHECK(std::string(e.what()).find("person_id") != std::string::npos);
    CHECK(f.state() == before);

    // Linked, the new address would rewrite K1's agreed roster: refused, naming K1.
    e = captureError([&] { f.import(k2, moved, true); });
    INFO(e.what());
    CHECK(e.code() == ErrorCode::IllegalState);
    CHECK(std::string(e.what()).find("K1") != std::string::npos);
    CHECK(std::string(e.what()).find("2026-04-15") != std::string::npos);
    CHECK(std::string(e.what()).find("change set") != std::string::npos);
    CHECK(e.messageJa().find("K1") != std::string::npos);
    CHECK(f.state() == before);
    CHECK(f.row(k1, "B", d(2026, 5, 1)).person.address == "東京都港区2-2");

    // So is every other way in: person set, a dated change, a person_id column.
    core::PersonData p = f.reg->person(herId);
    p.address = "大阪府大阪市3-3";
    e = captureError([&] { f.reg->correctPerson(herId, p); });
    CHECK(std::string(e.what()).find("K1") != std::string::npos);
    e = captureError([&] { f.reg->changePerson(herId, p, d(2026, 10, 1)); });
    CHECK(std::string(e.what()).find("K1") != std::string::npos);
    e = captureError([&] {
        f.import(k2, "person_id,role,label,name,address\n" + std::to_string(herId) +
                         ",業務従事者,C,佐藤 花子,大阪府大阪市3-3\n");
    });
    CHECK(std::string(e.what()).find("K1") != std::string::npos);
    CHECK(f.state() == before);

    // Linked without changing her record: she joins K2 as the same person, K1 untouched.
    f.import(k2, "role,label,name,birth_date\n業務従事者,C,佐藤 花子,1985-05-05\n", true);
    CHECK(f.row(k2, "C", d(2026, 6, 1)).personId == herId);
    CHECK(f.row(k1, "B", d(2026, 6, 1)).person.address == "東京都港区2-2");

    // K1's own change set is the lawful way: from its effective day on, earlier days as they were.
    db::ChangeSets(f.vault).apply(f.consentedSet(k1, "B", "address", "大阪府大阪市3-3"));
    CHECK(f.row(k1, "B", d(2026, 9, 30)).person.address == "東京都港区2-2");
    CHECK(f.row(k1, "B", d(2026, 10, 1)).person.address == "大阪府大阪市3-3");
    CHECK(f.reg->verifyAudit().ok);
}

TEST_CASE("a change set of one contract cannot rewrite another contract's agreed roster", "[identity][history]")
{
    Fixture f;
    const auto k1 = f.contract("K1");
    const auto k2 = f.contract("K2");
    f.import(k1, kHeader + kResponsible);
    f.import(k2, kHeader + kResponsible, true); // the same 経済 太郎, linked
    f.agree("K1");
    f.agree("K2");
    const auto set = f.consentedSet(k2, "A", "department", "経営企画部");
    const std::string before = f.state();
    const auto e = captureError([&] { db::ChangeSets(f.vault).apply(set); });
    INFO(e.what());
    CHECK(std::string(e.what()).find("K1") != std::string::npos);
    CHECK(f.state() == before);
    CHECK(f.row(k1, "A", d(2026, 11, 1)).person.department == "情報セキュリティ部");
}

TEST_CASE("two people of the same name without dates of birth are never merged", "[identity]")
{
    Fixture f;
    const auto k3 = f.contract("K3");
    const auto k4 = f.contract("K4");
    f.import(k3, "role,label,name,department,nationality\n業務従事者,A,佐藤 健,総務部,JP\n");
    f.import(k4, "role,label,name,department,nationality,residence_status\n業務従事者,A,佐藤 健,研究所,CN,その他\n",
             true);
    const auto a3 = f.row(k3, "A", d(2026, 6, 1));
    const auto a4 = f.row(k4, "A", d(2026, 6, 1));
    CHECK(a3.personId != a4.personId);
    CHECK(a3.person.department == "総務部");
    CHECK(a3.person.nationality == "JP");
    CHECK(a4.person.department == "研究所");
    CHECK(a4.person.nationality == "CN");
    CHECK(f.reg->people().size() == 2);
}

TEST_CASE("a change set's joining person is identified when added, and a preview takes no writer lock", "[identity]")
{
    Fixture f;
    const auto k1 = f.contract("K1");
    const auto k2 = f.contract("K2");
    f.import(k1, kHeader + kResponsible);
    auto c = f.reg->contract("K2");
    c.rosterConsentedOn = d(2026, 4, 15);
    f.reg->updateContract(c);
    db::ChangeSets changes(f.vault);
    const auto set = changes.create(k2, d(2026, 10, 1), "追加", false);
    core::ChangeItem join;
    join.kind = core::ChangeItem::Kind::Join;
    join.label = "A";
    join.join.label = "A";
    join.join.role = core::Role::Responsible;
    join.join.person.name = "経済 太郎";
    join.join.person.birthDate = d(1970, 4, 1);
    // Someone registered with that name and date of birth: refused when added, naming them.
    const auto e = captureError([&] { changes.addItems(set, {join}); });
    CHECK(std::string(e.what()).find("already registered") != std::string::npos);
    CHECK(changes.get(set).items.empty());
    // Named by id, they are the same person; the preview shows their record.
    join.join.personId = f.row(k1, "A", d(2026, 6, 1)).personId;
    changes.addItems(set, {join});
    // Read from a second, read-only handle while this one holds the writer lock: a preview is a read.
    db::OpenOptions readOnly;
    readOnly.readOnly = true;
    readOnly.writerLock = false;
    db::Vault reader = openVault(f.path, kPass, readOnly);
    const auto preview = db::ChangeSets(reader).preview(set);
    REQUIRE(preview.after.size() == 1);
    CHECK(preview.after.front().person.department == "情報セキュリティ部");
    CHECK(preview.after.front().personId == *join.join.personId);
}
