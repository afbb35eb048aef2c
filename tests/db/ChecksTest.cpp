// The reads behind the dashboard at scale: a contract's trainings and everyone's latest record, each
// read in one statement (issue 15), give what the per-person reads gave.

#include "DbTestSupport.h"

#include "meibo/core/RosterCsv.h"
#include "meibo/db/Checks.h"
#include "meibo/db/Registry.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace meibo;
using namespace meibo::test;
using core::Date;

namespace {
Date on(const char* iso) { return *core::parseIsoDate(iso); }

const char* kRoster = "role,label,name,birth_date,department,nationality,residence_status,reports_to,need,valid_from,"
                      "valid_to\n"
                      "情報管理責任者,A,経済 太郎,1970-04-01,情報セキュリティ部,JP,日本国籍,,全責任,2026-04-01,\n"
                      "業務従事者,B,産業 花子,1982-09-15,調査研究部,JP,日本国籍,A,調査,2026-04-01,\n"
                      "業務従事者,C,商務 次郎,1985-01-01,調査研究部,JP,日本国籍,A,調査,2026-04-01,2026-05-31\n";

std::int64_t addContract(db::Registry& reg, const std::string& code)
{
    core::Contract c;
    c.code = code;
    c.title = "調査事業";
    c.start = on("2026-04-01");
    c.end = on("2027-03-31");
    return reg.addContract(c);
}

std::int64_t personOf(db::Registry& reg, std::int64_t contract, const std::string& label)
{
    for (const auto& e : reg.assignments(contract))
        if (e.label == label)
            return e.personId;
    FAIL("no " << label);
    return 0;
}

std::vector<std::string> untrained(db::Vault& vault, db::Registry& reg, const std::string& code)
{
    std::vector<std::string> out;
    for (const auto& f : db::checkContract(vault, reg.contract(code), on("2026-06-01")))
        if (f.rule == "training-missing")
            out.push_back(f.subject.substr(0, 1));
    std::sort(out.begin(), out.end());
    return out;
}
} // namespace

TEST_CASE("a training kept with the person counts on the contract they are on, read in one statement", "[checks]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    db::Vault vault = openVault(path);
    db::Registry reg(vault);
    const auto k1 = addContract(reg, "K1"), k2 = addContract(reg, "K2");
    reg.importRoster(k1, core::parseRosterCsv(kRoster, on("2026-06-01")));
    REQUIRE(untrained(vault, reg, "K1") == std::vector<std::string>{"A", "B"}); // C left on 05-31

    const auto a = personOf(reg, k1, "A"), b = personOf(reg, k1, "B"), c = personOf(reg, k1, "C");
    reg.addQualification({0, a, true, "情報セキュリティ研修", on("2026-05-01"), "社内"});
    reg.addQualification({0, b, false, "情報処理安全確保支援士", on("2020-04-01"), "IPA"}); // not a training
    reg.addQualification({0, b, true, "研修（契約前）", on("2026-01-10"), "社内"});         // before the period
    reg.addQualification({0, c, true, "情報セキュリティ研修", on("2026-05-01"), "社内"});   // no longer on the roster
    CHECK(untrained(vault, reg, "K1") == std::vector<std::string>{"B"});

    // The contract's trainings: training rows only, of the people ever assigned to it, none of K2's.
    const auto trainings = reg.contractTrainings(k1);
    REQUIRE(trainings.size() == 3);
    CHECK(std::all_of(trainings.begin(), trainings.end(), [](const core::Qualification& q) { return q.training; }));
    CHECK(reg.contractTrainings(k2).empty());
}

TEST_CASE("everyone's latest record in one statement, as each person's own read gives it", "[checks]")
{
    TempDir dir;
    const std::string path = dir.file("r.meibo");
    createVault(path);
    db::Vault vault = openVault(path);
    db::Registry reg(vault);
    const auto k1 = addContract(reg, "K1");
    reg.importRoster(k1, core::parseRosterCsv(kRoster, on("2026-06-01")));
    const auto b = personOf(reg, k1, "B");
    core::PersonData changed = reg.person(b);
    changed.department = "企画部";
    reg.changePerson(b, changed, on("2026-07-01"));

    const auto people = reg.people();
    REQUIRE(people.size() == 3);
    CHECK(std::is_sorted(people.begin(), people.end(), [](const auto& x, const auto& y) { return x.first < y.first; }));
    for (const auto& [id, p] : people) {
        CHECK(p.name == reg.person(id).name);
        CHECK(p.department == reg.person(id).department);
    }
    CHECK(std::find_if(people.begin(), people.end(), [&](const auto& x) { return x.first == b; })->second.department ==
          "企画部");
}
