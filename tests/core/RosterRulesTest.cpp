#include "CoreTestSupport.h"

#include "meibo/core/RosterRules.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace meibo::core;
using namespace std::chrono;
using meibo::core::test::d;

namespace {
RosterEntry person(const std::string& label, Role role, const std::string& reportsTo = {})
{
    return test::cleanEntry(label, role, reportsTo);
}

/// A clean two-person roster; tests break one thing each.
RosterFacts facts() { return test::cleanRosterFacts(); }

std::vector<Finding> only(const std::vector<Finding>& all, const std::string& rule)
{
    std::vector<Finding> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const Finding& f) { return f.rule == rule; });
    return out;
}
} // namespace

TEST_CASE("a complete roster has no findings", "[rules]")
{
    CHECK(checkRoster(facts()).empty());
}

TEST_CASE("there must be exactly one 情報管理責任者 on every day of the period", "[rules]")
{
    auto f = facts();
    SECTION("none at all")
    {
        f.assignments.erase(f.assignments.begin());
        const auto r = only(checkRoster(f), "one-responsible-person");
        REQUIRE(r.size() == 1);
        CHECK(r[0].subject == "2026-04-01 – 2027-03-31");
    }
    SECTION("a gap between two")
    {
        f.assignments[0].validTo = d(2026, 9, 30);
        auto next = person("G", Role::Responsible);
        next.validFrom = d(2026, 10, 5);
        f.assignments.push_back(next);
        const auto r = only(checkRoster(f), "one-responsible-person");
        REQUIRE(r.size() == 1);
        CHECK(r[0].subject == "2026-10-01 – 2026-10-04");
        CHECK(r[0].severity == Severity::Error);
    }
    SECTION("two at once")
    {
        auto second = person("H", Role::Responsible);
        second.validFrom = d(2026, 7, 1);
        second.validTo = d(2026, 7, 31);
        f.assignments.push_back(second);
        const auto r = only(checkRoster(f), "one-responsible-person");
        REQUIRE(r.size() == 1);
        CHECK(r[0].subject == "2026-07-01 – 2026-07-31");
        CHECK(r[0].message.find("2 people") != std::string::npos);
    }
    SECTION("a clean handover")
    {
        f.assignments[0].validTo = d(2026, 9, 30);
        auto next = person("G", Role::Responsible);
        next.validFrom = d(2026, 10, 1);
        f.assignments.push_back(next);
        CHECK(only(checkRoster(f), "one-responsible-person").empty());
    }
}

TEST_CASE("a special permanent resident needs a passport number", "[rules]")
{
    auto f = facts();
    f.roster[1].person.residenceStatus = ResidenceStatus::SpecialPermanent;
    f.roster[1].person.nationality = "KR";
    auto r = only(checkRoster(f), "passport-required");
    REQUIRE(r.size() == 1);
    CHECK(r[0].message.find("特別永住者") != std::string::npos);
    f.roster[1].person.passportNo = "M98765432";
    CHECK(only(checkRoster(f), "passport-required").empty());
}

TEST_CASE("a permanent resident or a Japanese national needs no passport; others do", "[rules]")
{
    auto f = facts();
    f.roster[1].person.residenceStatus = ResidenceStatus::Permanent;
    f.roster[1].person.nationality = "CN";
    CHECK(only(checkRoster(f), "passport-required").empty());
    f.roster[1].person.residenceStatus = ResidenceStatus::Other;
    CHECK(only(checkRoster(f), "passport-required").size() == 1);
    f.roster[1].person.residenceStatus.reset();
    CHECK(only(checkRoster(f), "passport-required").size() == 1);
}

TEST_CASE("a missing address is a warning until the ministry asks, then an error", "[rules]")
{
    auto f = facts();
    f.roster[1].person.address.clear();
    CHECK(only(checkRoster(f), "address-dob-pending").size() == 1);
    CHECK(only(checkRoster(f), "address-dob-pending")[0].severity == Severity::Warning);
    f.contract.personalDataRequestedOn = d(2026, 7, 1); // after the day checked: still pending
    CHECK(only(checkRoster(f), "address-dob-pending").size() == 1);
    f.contract.personalDataRequestedOn = d(2026, 5, 20);
    const auto r = only(checkRoster(f), "address-dob-requested");
    REQUIRE(r.size() == 1);
    CHECK(r[0].severity == Severity::Error);
    CHECK(only(checkRoster(f), "address-dob-pending").empty());
}

TEST_CASE("a subcontractor's person needs their subcontractor on the contract that day", "[rules]")
{
    auto f = facts();
    f.roster.push_back(person("F", Role::Subcontractor, "A"));
    f.roster.back().person.organization = "株式会社分析";
    CHECK(only(checkRoster(f), "subcontractor-unknown").size() == 1);
    f.subcontractors.push_back({"株式会社分析", d(2026, 4, 1), std::nullopt});
    CHECK(only(checkRoster(f), "subcontractor-unknown").empty());
    f.subcontractors.back().validTo = d(2026, 5, 31);
    CHECK(only(checkRoster(f), "subcontractor-unknown").size() == 1);
    f.roster.back().person.organization.clear();
    const auto r = only(checkRoster(f), "subcontractor-unknown");
    REQUIRE(r.size() == 1);
    CHECK(r[0].message.find("names no subcontractor") != std::string::npos);
}

TEST_CASE("everyone reaches the 情報管理責任者 through reporting lines", "[rules]")
{
    auto f = facts();
    f.roster.push_back(person("D", Role::Worker, "Z")); // Z is not on the roster
    auto r = only(checkRoster(f), "structure-disconnected");
    REQUIRE(r.size() == 1);
    CHECK(r[0].message.find("not on the roster") != std::string::npos);
    f.roster.back().reportsTo.clear();
    CHECK(only(checkRoster(f), "structure-disconnected").size() == 1);
    f.roster.back().reportsTo = "B";
    CHECK(only(checkRoster(f), "structure-disconnected").empty());
    f.roster[0].reportsTo = "B"; // the responsible person reports to nobody
    CHECK(only(checkRoster(f), "structure-disconnected").size() == 1);
}

TEST_CASE("a cycle of reporting lines is found once", "[rules]")
{
    auto f = facts();
    f.roster.push_back(person("C", Role::Manager, "D"));
    f.roster.push_back(person("D", Role::Worker, "C"));
    const auto r = only(checkRoster(f), "structure-cycle");
    REQUIRE(r.size() == 1);
    CHECK(r[0].message.find("circle") != std::string::npos);
}

TEST_CASE("clause-4 disclosure and the stated need: warnings before signing, errors after", "[rules]")
{
    auto f = facts();
    f.roster[1].person.trackRecord.clear();
    f.roster[1].qualifications = 0;
    f.roster[1].need.clear();
    auto r = only(checkRoster(f), "disclosure-incomplete");
    REQUIRE(r.size() == 1);
    CHECK(r[0].severity == Severity::Warning);
    CHECK(r[0].message.find("track record") != std::string::npos);
    CHECK(r[0].message.find("expertise") != std::string::npos);
    CHECK(only(checkRoster(f), "need-missing").size() == 1);
    f.contract.signedOn = d(2026, 4, 1);
    CHECK(only(checkRoster(f), "disclosure-incomplete")[0].severity == Severity::Error);
    CHECK(only(checkRoster(f), "need-missing")[0].severity == Severity::Error);
}

TEST_CASE("two people with the same passport number and nationality are found once, naming both", "[rules]")
{
    auto f = facts();
    f.roster.push_back(person("C", Role::Worker, "B"));
    f.roster[1].person.nationality = "VN";
    f.roster[1].person.residenceStatus = ResidenceStatus::Other;
    f.roster[1].person.passportNo = "C1234567";
    f.roster[2].person.nationality = "VN";
    f.roster[2].person.residenceStatus = ResidenceStatus::Other;
    f.roster[2].person.passportNo = "C1234567";
    f.roster[2].person.name = "Other Name";
    auto r = only(checkRoster(f), "passport-shared");
    REQUIRE(r.size() == 1);
    CHECK(r[0].severity == Severity::Error);
    CHECK(r[0].contract == "C1");
    CHECK(r[0].subject == "C Other Name");
    CHECK(r[0].field == "passport_no");
    for (const std::string& text : {r[0].message, r[0].messageJa}) {
        INFO(text);
        CHECK(text.find("B Person B") != std::string::npos);
        CHECK(text.find("C Other Name") != std::string::npos);
        CHECK(text.find("VN") != std::string::npos);
        CHECK(text.find("C1234567") == std::string::npos); // never the number itself (※5)
    }
    CHECK(r[0].messageJa.find("パスポート番号") != std::string::npos);
    CHECK(r[0].messageJa.find("同一人物") != std::string::npos);
    CHECK(r[0].message.find("same person") != std::string::npos);

    SECTION("stored differently but the same number once normalised")
    {
        f.roster[2].person.passportNo = "c 1234-567";
        CHECK(only(checkRoster(f), "passport-shared").size() == 1);
    }
    SECTION("a different nationality")
    {
        f.roster[2].person.nationality = "PH";
        CHECK(only(checkRoster(f), "passport-shared").empty());
    }
    SECTION("one has no passport number")
    {
        f.roster[2].person.passportNo.clear();
        CHECK(only(checkRoster(f), "passport-shared").empty());
        f.roster[2].person.passportNo = "C1234567";
        f.roster[1].person.passportNo.clear();
        CHECK(only(checkRoster(f), "passport-shared").empty());
    }
    SECTION("a different number")
    {
        f.roster[2].person.passportNo = "C1234568";
        CHECK(only(checkRoster(f), "passport-shared").empty());
    }
    SECTION("three holders: each later one is named with the first")
    {
        f.roster.push_back(person("D", Role::Worker, "B"));
        f.roster[3].person.nationality = "VN";
        f.roster[3].person.passportNo = "C1234567";
        CHECK(only(checkRoster(f), "passport-shared").size() == 2);
    }
}
