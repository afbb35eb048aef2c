#include "DbTestSupport.h"

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
Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

const char* kRoster = "role,label,name,birth_date,department,title,nationality,residence_status,reports_to,need\n"
                      "情報管理責任者,A,経済 太郎,1970-04-01,情報セキュリティ部,部長,JP,日本国籍,,全責任\n"
                      "情報取扱管理者,B,産業 花子,1982-09-15,調査研究部,課長,JP,日本国籍,A,進捗管理\n"
                      "業務従事者,D,Emily Carter,1990-06-30,調査研究部,研究員,US,その他,B,文献調査\n";

struct Fixture {
    TempDir dir;
    std::string path = dir.file("r.meibo");
    db::Vault vault;
    std::unique_ptr<db::Registry> reg;
    std::unique_ptr<db::ChangeSets> changes;
    std::int64_t contract = 0;

    Fixture() : vault((createVault(path), openVault(path)))
    {
        reg = std::make_unique<db::Registry>(vault);
        changes = std::make_unique<db::ChangeSets>(vault);
        core::Contract c;
        c.code = "METI-1";
        c.title = "調査事業";
        c.start = d(2026, 4, 1);
        c.end = d(2027, 3, 31);
        contract = reg->addContract(c);
        const auto parsed = core::parseRosterCsv(kRoster, core::todayLocal());
        reg->importRoster(contract, parsed);
        core::Contract agreed = reg->contract("METI-1");
        agreed.rosterConsentedOn = d(2026, 3, 25);
        reg->updateContract(agreed);
    }
    std::vector<std::string> labels(const Date& day)
    {
        std::vector<std::string> out;
        for (const auto& e : reg->roster(contract, day))
            out.push_back(e.label);
        return out;
    }
    core::ChangeItem join(const std::string& label, const std::string& name)
    {
        core::ChangeItem i;
        i.kind = core::ChangeItem::Kind::Join;
        i.label = label;
        i.join.label = label;
        i.join.role = core::Role::Worker;
        i.join.person.name = name;
        i.join.person.department = "調査研究部";
        i.join.person.nationality = "JP";
        i.join.person.trackRecord = "調査5件";
        i.join.reportsTo = "B";
        i.join.need = "文献調査";
        return i;
    }
    core::ChangeItem leave(const std::string& label)
    {
        core::ChangeItem i;
        i.kind = core::ChangeItem::Kind::Leave;
        i.label = label;
        return i;
    }
    core::ChangeItem set(const std::string& label, std::vector<std::pair<std::string, std::string>> fields)
    {
        core::ChangeItem i;
        i.kind = core::ChangeItem::Kind::Set;
        i.label = label;
        i.fields = std::move(fields);
        return i;
    }
};
} // namespace

TEST_CASE("after the roster is agreed, direct edits are refused and point to a change set", "[changes]")
{
    Fixture f;
    const auto audit = f.reg->auditEntries(100000).size();
    const auto parsed = core::parseRosterCsv(kRoster, core::todayLocal());
    auto e = captureError([&] { f.reg->importRoster(f.contract, parsed); });
    CHECK(e.code() == ErrorCode::IllegalState);
    CHECK(e.message(core::FrontEnd::Cli, false).find("change new --contract METI-1") != std::string::npos);
    CHECK(e.message(core::FrontEnd::Gui, true).find("変更届の画面") != std::string::npos);
    CHECK(captureError([&] { f.reg->endAssignment(f.contract, "D", d(2026, 6, 30)); }).code() == ErrorCode::IllegalState);
    const auto someone = f.reg->roster(f.contract, d(2026, 5, 1))[2].personId;
    core::PersonData p = f.reg->person(someone);
    p.department = "企画部";
    CHECK(captureError([&] { f.reg->correctPerson(someone, p); }).code() == ErrorCode::IllegalState);
    CHECK(f.reg->auditEntries(100000).size() == audit);
}

TEST_CASE("an applied change set changes the roster from its date and leaves earlier days alone", "[changes]")
{
    Fixture f;
    const auto id = f.changes->create(f.contract, d(2026, 7, 1), "人事異動", false);
    f.changes->addItems(id, {f.leave("D"), f.join("G", "新任 四郎"), f.set("B", {{"title", "部長"}, {"role", "情報取扱管理者"}})});
    f.changes->submit(id, d(2026, 6, 20), "e-mail");
    f.changes->consent(id, d(2026, 6, 25), "化学物質管理課");
    // The preview shows the result without storing it.
    const auto preview = f.changes->preview(id);
    CHECK(preview.on == d(2026, 7, 1));
    CHECK(preview.before.size() == 3);
    CHECK(preview.after.size() == 3);
    CHECK(f.labels(d(2026, 7, 1)) == std::vector<std::string>{"A", "B", "D"});

    CHECK(f.changes->apply(id) == d(2026, 7, 1));
    CHECK(f.labels(d(2026, 6, 30)) == std::vector<std::string>{"A", "B", "D"});
    CHECK(f.labels(d(2026, 7, 1)) == std::vector<std::string>{"A", "B", "G"});
    CHECK(f.reg->roster(f.contract, d(2026, 6, 30))[1].person.title == "課長");
    CHECK(f.reg->roster(f.contract, d(2026, 7, 1))[1].person.title == "部長");
    CHECK(f.changes->get(id).state == core::ChangeState::Applied);
    CHECK(f.reg->verifyAudit().ok);
    // Applying twice is refused.
    CHECK(captureError([&] { f.changes->apply(id); }).code() == ErrorCode::IllegalState);
}

TEST_CASE("a change consented after its date applies from the consent date", "[changes]")
{
    Fixture f;
    const auto id = f.changes->create(f.contract, d(2026, 7, 1), "退職", false);
    f.changes->addItems(id, {f.leave("D")});
    f.changes->submit(id, d(2026, 6, 20), "");
    f.changes->consent(id, d(2026, 7, 10), "");
    CHECK(f.changes->apply(id) == d(2026, 7, 10));
    CHECK(f.labels(d(2026, 7, 9)) == std::vector<std::string>{"A", "B", "D"});
    CHECK(f.labels(d(2026, 7, 10)) == std::vector<std::string>{"A", "B"});
}

TEST_CASE("two pending change sets touching the same person are caught before submission", "[changes]")
{
    Fixture f;
    const auto first = f.changes->create(f.contract, d(2026, 7, 1), "異動", false);
    f.changes->addItems(first, {f.set("D", {{"department", "企画部"}})});
    f.changes->submit(first, d(2026, 6, 1), "");
    const auto second = f.changes->create(f.contract, d(2026, 8, 1), "退職", false);
    f.changes->addItems(second, {f.leave("D")});
    const auto e = captureError([&] { f.changes->submit(second, d(2026, 6, 2), ""); });
    CHECK(e.code() == ErrorCode::IllegalState);
    CHECK(std::string(e.what()).find("change " + std::to_string(first) + " (submitted") != std::string::npos);
    CHECK(f.changes->get(second).state == core::ChangeState::Draft); // nothing was written
    f.changes->withdraw(first, d(2026, 6, 3));
    CHECK_NOTHROW(f.changes->submit(second, d(2026, 6, 3), ""));
}

TEST_CASE("a submitted set cannot be edited, and items are checked against the roster", "[changes]")
{
    Fixture f;
    const auto id = f.changes->create(f.contract, d(2026, 7, 1), "x", false);
    CHECK(captureError([&] { f.changes->addItems(id, {f.leave("Z")}); }).where() == "label");
    CHECK(captureError([&] { f.changes->addItems(id, {f.join("B", "誰か")}); }).where() == "label");
    CHECK(captureError([&] { f.changes->addItems(id, {f.set("B", {{"salary", "1"}})}); }).where() == "salary");
    f.changes->addItems(id, {f.leave("D")});
    f.changes->submit(id, d(2026, 6, 1), "");
    const auto e = captureError([&] { f.changes->addItems(id, {f.leave("B")}); });
    CHECK(e.code() == ErrorCode::IllegalState);
    CHECK(f.changes->get(id).items.size() == 1);
}

TEST_CASE("a late notice records the real date and stays visible", "[changes]")
{
    Fixture f;
    const auto id = f.changes->create(f.contract, d(2026, 5, 1), "届出漏れ", true);
    f.changes->addItems(id, {f.leave("D")});
    f.changes->submit(id, d(2026, 6, 1), "");
    f.changes->consent(id, d(2026, 6, 5), "");
    CHECK(f.changes->apply(id) == d(2026, 5, 1));
    CHECK(f.labels(d(2026, 5, 1)) == std::vector<std::string>{"A", "B"});
    const auto findings = core::checkChanges(f.reg->contract("METI-1"), f.changes->list(f.contract), d(2026, 12, 1));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "change-late-notice");
    bool audited = false;
    for (const auto& entry : f.reg->auditEntries())
        audited = audited || (entry.action == "change.apply" && entry.after.find("\"late\":true") != std::string::npos);
    CHECK(audited);
}

TEST_CASE("every transition is in the audit log with the set's state at that moment", "[changes]")
{
    Fixture f;
    const auto id = f.changes->create(f.contract, d(2026, 7, 1), "x", false);
    f.changes->addItems(id, {f.leave("D")});
    f.changes->submit(id, d(2026, 6, 1), "");
    f.changes->reject(id, d(2026, 6, 5), "説明不足");
    std::vector<std::string> actions;
    for (const auto& e : f.reg->auditEntries())
        if (e.entity == "change/" + std::to_string(id))
            actions.push_back(e.action);
    CHECK(actions == std::vector<std::string>{"change.new", "change.edit", "change.submit", "change.reject"});
    CHECK(f.reg->auditEntries().back().after.find("\"state\":\"rejected\"") != std::string::npos);
}
