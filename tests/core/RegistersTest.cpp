#include "CoreTestSupport.h"

#include "meibo/core/Error.h"
#include "meibo/core/Registers.h"

#include <catch2/catch.hpp>

using namespace meibo::core;
using namespace std::chrono;
using meibo::core::test::d;

namespace {
RegisterFacts facts(Date asOf)
{
    RegisterFacts f;
    f.contract.id = 1;
    f.contract.code = "K1";
    f.contract.start = d(2026, 4, 1);
    f.contract.end = d(2027, 3, 31);
    f.asOf = asOf;
    return f;
}

RegisterEntry entry(std::int64_t id, const std::string& kind, std::map<std::string, std::string> fields)
{
    validateRegisterFields(registerKind(kind), fields);
    return {id, kind, 1, fields, std::nullopt, {}};
}

std::vector<std::string> rules(const std::vector<Finding>& findings)
{
    std::vector<std::string> out;
    for (const auto& f : findings)
        out.push_back(f.rule);
    return out;
}

RosterEntry person(const std::string& label, std::int64_t id)
{
    RosterEntry e;
    e.label = label;
    e.personId = id;
    e.person.name = "経済 太郎";
    return e;
}
} // namespace

TEST_CASE("register fields are checked by name, type and choice", "[registers]")
{
    std::map<std::string, std::string> f{{"name", "Ubuntu"}, {"version", "20.04"}, {"installed_at", "端末"},
                                         {"support_end", "2025-05-31"}};
    validateRegisterFields(registerKind("software"), f);
    CHECK(f["support_end"] == "2025-05-31");
    auto bad = f;
    bad["support_end"] = "2025/05/31"; // as people type it: the import's parser
    validateRegisterFields(registerKind("software"), bad);
    CHECK(bad["support_end"] == "2025-05-31");
    bad["support_end"] = "2025/13/31";
    CHECK_THROWS_WITH(validateRegisterFields(registerKind("software"), bad), Catch::Contains("サポート期限"));
    bad = f;
    bad["colour"] = "red";
    CHECK_THROWS_WITH(validateRegisterFields(registerKind("software"), bad), Catch::Contains("colour: the software register has no such field"));
    bad = f;
    bad.erase("version");
    CHECK_THROWS_WITH(validateRegisterFields(registerKind("software"), bad), Catch::Contains("“バージョン” is required"));
    std::map<std::string, std::string> cloud{{"name", "Box"}, {"provider", "Box"}, {"confidential", "はい"}, {"ismap", "ISMAP"}};
    validateRegisterFields(registerKind("cloud"), cloud);
    CHECK(cloud["confidential"] == "yes");
    CHECK(cloud["ismap"] == "ismap");
    cloud["ismap"] = "fedramp";
    CHECK_THROWS_WITH(validateRegisterFields(registerKind("cloud"), cloud), Catch::Contains("none, ismap, ismap-liu"));
    CHECK_THROWS_WITH(registerKind("printers"), Catch::Contains("training, software, cloud"));
}

TEST_CASE("training-missing: someone on the roster without training in the contract period", "[registers]")
{
    auto f = facts(d(2026, 11, 1));
    f.roster = {person("A", 1), person("B", 2)};
    f.entries.push_back(entry(1, "training", {{"person", "A"}, {"course", "情報セキュリティ研修"}, {"on", "2026-05-10"}}));
    f.entries.push_back(entry(2, "training", {{"person", "B"}, {"course", "前年度研修"}, {"on", "2026-03-10"}}));
    auto found = checkRegisters(f);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "training-missing");
    CHECK(found[0].subject.find("B") == 0);
    CHECK(found[0].severity == Severity::Warning);
    // A training kept with the person (qualification table) counts too.
    Qualification q;
    q.personId = 2;
    q.training = true;
    q.name = "標的型攻撃訓練";
    q.on = d(2026, 6, 1);
    f.trainings.push_back(q);
    CHECK(checkRegisters(f).empty());
    // After the contract ended it can no longer be made up: an error.
    f.trainings.clear();
    f.asOf = d(2027, 4, 10);
    CHECK(checkRegisters(f).at(0).severity == Severity::Error);
}

TEST_CASE("software-support-ends: ended, ending within the contract, or fine", "[registers]")
{
    auto f = facts(d(2026, 11, 1));
    f.entries.push_back(entry(1, "software", {{"name", "Windows 10"}, {"version", "22H2"}, {"installed_at", "端末"},
                                              {"support_end", "2025-10-14"}}));
    f.entries.push_back(entry(2, "software", {{"name", "Ubuntu"}, {"version", "22.04"}, {"installed_at", "サーバ"},
                                              {"support_end", "2027-02-28"}}));
    f.entries.push_back(entry(3, "software", {{"name", "Ubuntu"}, {"version", "24.04"}, {"installed_at", "サーバ"},
                                              {"support_end", "2029-05-31"}}));
    f.entries.push_back(entry(4, "software", {{"name", "社内ツール"}, {"version", "1"}, {"installed_at", "端末"}}));
    const auto found = checkRegisters(f);
    REQUIRE(found.size() == 3);
    CHECK(found[0].rule == "software-support-ends");
    CHECK(found[0].severity == Severity::Error);
    CHECK(found[1].rule == "software-support-ends");
    CHECK(found[1].severity == Severity::Warning);
    CHECK(found[2].rule == "software-support-unknown");
    // Ended (uninstalled) software is no longer in use.
    f.entries[0].endedOn = d(2026, 10, 1);
    CHECK(checkRegisters(f).size() == 2);
}

TEST_CASE("cloud-not-ismap: confidential information on an unlisted, unapproved service", "[registers]")
{
    auto f = facts(d(2026, 11, 1));
    f.entries.push_back(entry(1, "cloud", {{"name", "FreeDrive"}, {"provider", "X"}, {"confidential", "yes"}, {"ismap", "none"}}));
    f.entries.push_back(entry(2, "cloud", {{"name", "Listed"}, {"provider", "Y"}, {"confidential", "yes"}, {"ismap", "ismap"},
                                           {"approved_on", "2026-04-10"}}));
    f.entries.push_back(entry(3, "cloud", {{"name", "Chat"}, {"provider", "Z"}, {"confidential", "no"}, {"ismap", "none"}}));
    auto found = checkRegisters(f);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "cloud-not-ismap");
    CHECK(found[0].severity == Severity::Error);
    f.entries[0].fields["approved_on"] = "2026-05-01";
    CHECK(checkRegisters(f).empty());
}

TEST_CASE("incident-report-late: not reported in time, or reported late", "[registers]")
{
    auto f = facts(d(2026, 11, 1));
    f.incidentReportDays = 1;
    f.entries.push_back(entry(1, "incident", {{"detected_on", "2026-10-01"}, {"summary", "誤送信"}, {"reported_on", "2026-10-02"}}));
    CHECK(checkRegisters(f).empty());
    f.entries.push_back(entry(2, "incident", {{"detected_on", "2026-10-10"}, {"summary", "紛失"}, {"reported_on", "2026-10-15"}}));
    f.entries.push_back(entry(3, "incident", {{"detected_on", "2026-10-25"}, {"summary", "不審メール"}}));
    const auto found = checkRegisters(f);
    CHECK(rules(found) == std::vector<std::string>{"incident-report-late", "incident-report-late"});
    CHECK(found[0].severity == Severity::Warning);
    CHECK(found[1].severity == Severity::Error);
}

TEST_CASE("information: copies need permission, and everything goes back at the end", "[registers]")
{
    auto f = facts(d(2026, 11, 1));
    f.entries.push_back(entry(1, "information", {{"name", "調査資料"}, {"copies", "2部"}}));
    CHECK(rules(checkRegisters(f)) == std::vector<std::string>{"copy-without-permission"});
    f.entries[0].fields["copy_permitted_on"] = "2026-05-01";
    CHECK(checkRegisters(f).empty());
    f.asOf = d(2027, 4, 5);
    CHECK(rules(checkRegisters(f)) == std::vector<std::string>{"information-not-returned"});
    f.entries[0].fields["disposal"] = "return";
    f.entries[0].fields["disposed_on"] = "2027-03-31";
    f.entries[0].fields["confirmed_on"] = "2027-03-31";
    CHECK_FALSE(checkRegisters(f).empty()); // who confirmed it is part of the record
    f.entries[0].fields["confirmed_by"] = "経済産業省 担当 一郎";
    CHECK(checkRegisters(f).empty());
}

TEST_CASE("audit-finding-open until the response is closed", "[registers]")
{
    auto f = facts(d(2026, 11, 1));
    f.entries.push_back(entry(1, "audit", {{"type", "pentest"}, {"on", "2026-09-01"}, {"findings", "TLS 1.0 有効"}}));
    CHECK(rules(checkRegisters(f)) == std::vector<std::string>{"audit-finding-open"});
    f.entries[0].fields["closed_on"] = "2026-09-20";
    CHECK(checkRegisters(f).empty());
}

TEST_CASE("an end-of-life list dates the software ledger by product and version line", "[registers]")
{
    const auto eol = parseEolCsv("\xEF\xBB\xBFproduct,cycle,releaseDate,eol\n"
                                 "ubuntu,22.04,2022-04-21,2027-04-01\n"
                                 "ubuntu,22,2022-01-01,2026-01-01\n"
                                 "Windows,10,2015-07-29,2025-10-14\n"
                                 "python,3.13,2024-10-07,false\n");
    REQUIRE(eol.issues.empty());
    CHECK(eol.rows.size() == 3);
    CHECK(eol.skipped == 1);
    std::vector<RegisterEntry> ledger{
        entry(1, "software", {{"name", "Ubuntu"}, {"version", "22.04.3"}, {"installed_at", "サーバ"}}),
        entry(2, "software", {{"name", "windows"}, {"version", "10"}, {"installed_at", "端末"}}),
        entry(3, "software", {{"name", "Ubuntu"}, {"version", "220"}, {"installed_at", "端末"}}),
    };
    const auto matches = matchEol(ledger, eol);
    REQUIRE(matches.size() == 2);
    CHECK(matches[0].entryId == 1);
    CHECK(matches[0].supportEnd == d(2027, 4, 1)); // the longer cycle wins over "22"
    CHECK(matches[1].entryId == 2);
    CHECK(matches[1].line == 4);

    const auto bad = parseEolCsv("product,cycle,eol\nubuntu,20.04,someday\n");
    REQUIRE(bad.issues.size() == 1);
    CHECK(bad.issues[0].line == 2);
    CHECK(bad.issues[0].column == "eol");
    CHECK(parseEolCsv("name,eol\n").issues.at(0).message.find("cycle") != std::string::npos);
}

TEST_CASE("the disposal checklist names what is still to record for each item", "[registers]")
{
    std::vector<RegisterEntry> entries{
        entry(1, "information", {{"name", "提供データ"}, {"disposal", "delete"}, {"disposed_on", "2027-03-30"},
                                 {"confirmed_by", "担当 一郎"}, {"confirmed_on", "2027-03-31"}}),
        entry(2, "information", {{"name", "紙資料"}, {"disposal", "return"}}),
        entry(3, "audit", {{"type", "pentest"}, {"on", "2026-09-01"}}),
    };
    const auto list = disposalChecklist(entries);
    REQUIRE(list.size() == 2);
    CHECK(list[0].done());
    CHECK_FALSE(list[1].done());
    CHECK(list[1].missing == std::vector<std::string>{"disposed_on", "confirmed_by", "confirmed_on"});
}
