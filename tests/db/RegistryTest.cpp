#include "DbTestSupport.h"

#include "meibo/core/RosterCsv.h"
#include "meibo/db/Registry.h"

#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>

using namespace meibo;
using namespace meibo::test;
using core::Date;
using core::ErrorCode;
using namespace std::chrono;

namespace {
Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

struct Fixture {
    TempDir dir;
    std::string path = dir.file("r.meibo");
    db::Vault vault;
    std::unique_ptr<db::Registry> reg;
    std::int64_t contract = 0;

    Fixture() : vault((createVault(path), openVault(path)))
    {
        reg = std::make_unique<db::Registry>(vault);
        core::Contract c;
        c.code = "METI-1";
        c.title = "調査事業";
        c.start = d(2026, 4, 1);
        c.end = d(2027, 3, 31);
        contract = reg->addContract(c);
    }
    std::int64_t addPerson(const std::string& name, const std::string& dept = "調査部")
    {
        core::PersonData p;
        p.name = name;
        p.department = dept;
        p.nationality = "JP";
        p.residenceStatus = core::ResidenceStatus::Japanese;
        return reg->addPerson(p);
    }
    std::int64_t auditCount() { return reg->auditEntries(100000).size(); }
    std::vector<std::string> labels(const Date& day)
    {
        std::vector<std::string> out;
        for (const auto& e : reg->roster(contract, day))
            out.push_back(e.label);
        return out;
    }
};

const char* kCsv = "role,label,name,birth_date,department,nationality,residence_status,passport_no,organization,"
                   "reports_to,need,valid_from\n"
                   "情報管理責任者,A,経済 太郎,1970-04-01,情報セキュリティ部,JP,日本国籍,,,,全責任,2026-04-01\n"
                   "情報取扱管理者,B,産業 花子,1982-09-15,調査研究部,JP,日本国籍,,,A,進捗管理,2026-04-01\n"
                   "業務従事者,D,Emily Carter,1990-06-30,調査研究部,US,その他,X12345678,,B,文献調査,2026-04-01\n"
                   "再委託先,F,水銀 三郎,1975-03-03,分析部,JP,日本国籍,,株式会社分析,A,分析,2026-05-01\n";
} // namespace

TEST_CASE("the roster as of any day follows assignments and effective-dated changes", "[registry]")
{
    Fixture f;
    const auto a = f.addPerson("経済 太郎");
    const auto b = f.addPerson("産業 花子", "調査部");
    const auto c = f.addPerson("保安 次郎");
    f.reg->assign(f.contract, a, core::Role::Responsible, "A", "全責任", "", d(2026, 4, 1), std::nullopt);
    f.reg->assign(f.contract, b, core::Role::Manager, "B", "進捗管理", "A", d(2026, 4, 1), std::nullopt);
    // B moves department from June, leaves at the end of June; C joins in July.
    core::PersonData moved = f.reg->person(b);
    moved.department = "企画部";
    f.reg->changePerson(b, moved, d(2026, 6, 1));
    f.reg->endAssignment(f.contract, "B", d(2026, 6, 30));
    f.reg->assign(f.contract, c, core::Role::Manager, "C", "進捗管理", "A", d(2026, 7, 1), std::nullopt);

    CHECK(f.labels(d(2026, 3, 31)).empty());
    CHECK(f.labels(d(2026, 5, 1)) == std::vector<std::string>{"A", "B"});
    CHECK(f.reg->roster(f.contract, d(2026, 5, 1))[1].person.department == "調査部");
    CHECK(f.reg->roster(f.contract, d(2026, 6, 15))[1].person.department == "企画部");
    CHECK(f.labels(d(2026, 6, 30)) == std::vector<std::string>{"A", "B"});
    CHECK(f.labels(d(2026, 7, 1)) == std::vector<std::string>{"A", "C"});
    CHECK(f.labels(d(2030, 1, 1)) == std::vector<std::string>{"A", "C"}); // the future too
    // Ending never deletes: every assignment is still there.
    CHECK(f.reg->assignments(f.contract).size() == 3);
    CHECK(f.reg->verifyAudit().ok);
}

TEST_CASE("a person twice at once, or a label used twice at once, is refused and nothing is written", "[registry]")
{
    Fixture f;
    const auto a = f.addPerson("経済 太郎");
    const auto b = f.addPerson("産業 花子");
    f.reg->assign(f.contract, a, core::Role::Responsible, "A", "x", "", d(2026, 4, 1), std::nullopt);
    const auto before = f.auditCount();
    auto e = captureError([&] {
        f.reg->assign(f.contract, a, core::Role::Worker, "D", "x", "A", d(2026, 5, 1), std::nullopt);
    });
    CHECK(e.code() == ErrorCode::InvalidInput);
    CHECK(std::string(e.what()).find("twice") != std::string::npos);
    e = captureError([&] {
        f.reg->assign(f.contract, b, core::Role::Worker, "A", "x", "", d(2026, 5, 1), std::nullopt);
    });
    CHECK(std::string(e.what()).find("label A") != std::string::npos);
    CHECK(f.auditCount() == before);
    CHECK(f.reg->assignments(f.contract).size() == 1);
    // After A's assignment ends, the label may be used again.
    f.reg->endAssignment(f.contract, "A", d(2026, 4, 30));
    CHECK_NOTHROW(f.reg->assign(f.contract, b, core::Role::Responsible, "A", "x", "", d(2026, 5, 1), std::nullopt));
}

TEST_CASE("bad values name their field and change nothing", "[registry]")
{
    Fixture f;
    core::PersonData p;
    p.name = "x";
    p.nationality = "ZZ";
    CHECK(captureError([&] { f.reg->addPerson(p); }).where() == "nationality");
    p.nationality = "JP";
    p.passportNo = "!!";
    CHECK(captureError([&] { f.reg->addPerson(p); }).where() == "passport_no");
    p.passportNo.clear();
    p.organization = "存在しない会社";
    CHECK(captureError([&] { f.reg->addPerson(p); }).where() == "organization");
    core::Contract c;
    c.code = "123";
    c.title = "t";
    c.start = d(2026, 4, 1);
    c.end = d(2026, 3, 1);
    CHECK(captureError([&] { f.reg->addContract(c); }).where() == "code");
    c.code = "OK-1";
    CHECK(captureError([&] { f.reg->addContract(c); }).where() == "end");
    c.end = d(2027, 3, 1);
    c.code = "METI-1";
    CHECK(captureError([&] { f.reg->addContract(c); }).code() == ErrorCode::AlreadyExists);
    CHECK(f.reg->people().empty());
    CHECK(f.reg->contracts().size() == 1);
}

TEST_CASE("importing the same CSV twice updates in place; a missing column keeps what is known", "[registry][import]")
{
    Fixture f;
    const auto parsed = core::parseRosterCsv(kCsv, core::todayLocal());
    REQUIRE(parsed.issues.empty());
    auto r = f.reg->importRoster(f.contract, parsed);
    CHECK(r.added == 4);
    CHECK(r.people == 4);
    CHECK(f.reg->subcontractorLinks(f.contract).size() == 1);
    r = f.reg->importRoster(f.contract, parsed);
    CHECK(r.added == 0);
    CHECK(r.updated == 4);
    CHECK(r.people == 0);
    CHECK(f.reg->people().size() == 4);

    // Add a track record by hand, then import a CSV without that column: it stays.
    const auto entries = f.reg->roster(f.contract, d(2026, 6, 1));
    core::PersonData a = f.reg->person(entries[0].personId);
    a.trackRecord = "調査実績20件";
    f.reg->correctPerson(entries[0].personId, a);
    f.reg->importRoster(f.contract, parsed);
    CHECK(f.reg->person(entries[0].personId).trackRecord == "調査実績20件");
    CHECK(f.reg->verifyAudit().ok);
}

TEST_CASE("an import that clashes with the roster changes nothing and names the line", "[registry][import]")
{
    Fixture f;
    const auto someone = f.addPerson("先任 者");
    f.reg->assign(f.contract, someone, core::Role::Worker, "G", "x", "A", d(2026, 4, 1), std::nullopt);
    const auto audit = f.auditCount();
    // The same new person (name and birth date match) under two labels at once: line 3 clashes.
    const std::string clash = "role,label,name,birth_date,valid_from\n"
                              "情報管理責任者,A,経済 太郎,1970-04-01,2026-04-01\n"
                              "業務従事者,H,経済 太郎,1970-04-01,2026-04-01\n";
    const auto bad = core::parseRosterCsv(clash, core::todayLocal());
    REQUIRE(bad.issues.empty());
    const auto e = captureError([&] { f.reg->importRoster(f.contract, bad); });
    CHECK(e.code() == ErrorCode::InvalidInput);
    CHECK(std::string(e.what()).find("line 3") != std::string::npos);
    CHECK(std::string(e.what()).find("nothing was imported") != std::string::npos);
    CHECK(f.auditCount() == audit);
    CHECK(f.reg->people().size() == 1);
    CHECK(f.reg->assignments(f.contract).size() == 1);
}

TEST_CASE("a CSV with bad rows is refused whole, listing every row", "[registry][import]")
{
    Fixture f;
    const auto parsed = core::parseRosterCsv("role,label,name\nworker,D,x\nboss,E,y\nworker,1,z\n", core::todayLocal());
    REQUIRE(parsed.issues.size() == 2);
    const auto e = captureError([&] { f.reg->importRoster(f.contract, parsed); });
    CHECK(std::string(e.what()).find("line 3, column role") != std::string::npos);
    CHECK(std::string(e.what()).find("line 4, column label") != std::string::npos);
    CHECK(f.reg->people().empty());
}

TEST_CASE("the audit chain finds an edited, an inserted and a deleted entry", "[registry][audit]")
{
    Fixture f;
    for (int i = 0; i < 5; ++i)
        f.addPerson("人 " + std::to_string(i));
    REQUIRE(f.reg->verifyAudit().ok);
    const auto entries = f.reg->verifyAudit().entries;
    CHECK(entries == 6); // the contract and five people
    SQLite::Database& db = db::VaultAccess::database(f.vault);

    SECTION("edited")
    {
        db.exec("UPDATE audit_log SET after = replace(after, '人 2', '人 X') WHERE seq = 4");
        const auto v = f.reg->verifyAudit();
        CHECK_FALSE(v.ok);
        CHECK(v.problem.find("entry 4 was changed") != std::string::npos);
    }
    SECTION("deleted in the middle")
    {
        db.exec("DELETE FROM audit_log WHERE seq = 3");
        const auto v = f.reg->verifyAudit();
        CHECK_FALSE(v.ok);
        CHECK(v.problem.find("entry 3 is missing") != std::string::npos);
    }
    SECTION("deleted at the end")
    {
        db.exec("DELETE FROM audit_log WHERE seq = 6");
        const auto v = f.reg->verifyAudit();
        CHECK_FALSE(v.ok);
        CHECK(v.problem.find("cut off the end") != std::string::npos);
    }
    SECTION("inserted")
    {
        db.exec("UPDATE audit_log SET seq = seq + 1 WHERE seq >= 3 AND seq = (SELECT max(seq) FROM audit_log)");
        db.exec("UPDATE audit_log SET seq = seq + 1 WHERE seq = 5");
        db.exec("UPDATE audit_log SET seq = seq + 1 WHERE seq = 4");
        db.exec("UPDATE audit_log SET seq = seq + 1 WHERE seq = 3");
        db.exec("INSERT INTO audit_log (seq, at, officer, os_user, key_slot, action, entity, before, after, prev_hash, "
                "hash) SELECT 3, at, officer, os_user, key_slot, 'person.add', 'person/99', NULL, '{}', hash, hash "
                "FROM audit_log WHERE seq = 2");
        const auto v = f.reg->verifyAudit();
        CHECK_FALSE(v.ok);
        CHECK(v.problem.find("entry 3") != std::string::npos);
    }
}

TEST_CASE("every entry records who: the officer, the OS user and the key slot", "[registry][audit]")
{
    Fixture f;
    f.reg->setOfficerName("経済 太郎");
    f.addPerson("人");
    const auto list = f.reg->auditEntries();
    REQUIRE(list.size() >= 3);
    CHECK(list.back().officer == "経済 太郎");
    CHECK(list.back().keySlot == "officer");
    CHECK_FALSE(list.back().osUser.empty());
    CHECK(list.back().after.find("\"name\":\"人\"") != std::string::npos);
}

TEST_CASE("a thousand people import in one transaction", "[registry][import]")
{
    Fixture f;
    std::string csv = "role,label,name,birth_date,department,nationality,residence_status,reports_to,need\n"
                      "情報管理責任者,A,責任 者,1970-01-01,部,JP,日本国籍,,全責任\n";
    for (int i = 1; i < 1000; ++i)
        csv += "業務従事者,W" + std::to_string(i) + ",従事者 " + std::to_string(i) + ",1990-01-01,部,JP,日本国籍,A,調査\n";
    const auto parsed = core::parseRosterCsv(csv, core::todayLocal());
    REQUIRE(parsed.issues.empty());
    const auto r = f.reg->importRoster(f.contract, parsed);
    CHECK(r.added == 1000);
    CHECK(f.reg->roster(f.contract, d(2026, 6, 1)).size() == 1000);
    CHECK(f.reg->verifyAudit().entries == 1001);
}
