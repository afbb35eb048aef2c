#include "CoreTestSupport.h"

#include "meibo/core/ChangeSet.h"
#include "meibo/core/Error.h"

#include <catch2/catch.hpp>

using namespace meibo::core;
using namespace std::chrono;
using meibo::core::test::d;

namespace {
ChangeSet draft()
{
    ChangeSet c;
    c.id = 7;
    c.effective = d(2026, 7, 1);
    c.reason = "人事異動";
    ChangeItem leave;
    leave.kind = ChangeItem::Kind::Leave;
    leave.label = "D";
    c.items.push_back(leave);
    return c;
}

std::string illegal(const std::function<void()>& step)
{
    try {
        step();
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::IllegalState);
        return e.what();
    }
    FAIL("the step was allowed");
    return {};
}
} // namespace

TEST_CASE("the lawful order: draft, submitted, consented, applied", "[change]")
{
    ChangeSet c = draft();
    workflow::submit(c, d(2026, 6, 20), "e-mail");
    CHECK(c.state == ChangeState::Submitted);
    workflow::consent(c, d(2026, 6, 25), "化学物質管理課");
    CHECK(c.state == ChangeState::Consented);
    CHECK(workflow::applyDate(c) == d(2026, 7, 1));
}

TEST_CASE("a change never takes effect before the consent", "[change]")
{
    ChangeSet c = draft();
    workflow::submit(c, d(2026, 6, 20), "");
    workflow::consent(c, d(2026, 7, 10), "");
    CHECK(workflow::applyDate(c) == d(2026, 7, 10));
}

TEST_CASE("every illegal step is refused with the reason", "[change]")
{
    ChangeSet c = draft();
    CHECK(illegal([&] { workflow::applyDate(c); }).find("has not consented") != std::string::npos);
    CHECK(illegal([&] { workflow::consent(c, d(2026, 6, 1), ""); }).find("not been submitted") != std::string::npos);
    CHECK(illegal([&] { workflow::reject(c, d(2026, 6, 1), "x"); }).find("submit it first") != std::string::npos);
    ChangeSet empty = draft();
    empty.items.clear();
    CHECK(illegal([&] { workflow::submit(empty, d(2026, 6, 1), ""); }).find("no changes") != std::string::npos);
    CHECK(illegal([&] { workflow::submit(c, d(2026, 7, 2), ""); }).find("notice must come before") != std::string::npos);

    workflow::submit(c, d(2026, 6, 20), "");
    CHECK(illegal([&] { workflow::requireDraft(c); }).find("only a draft can be edited") != std::string::npos);
    CHECK(illegal([&] { workflow::submit(c, d(2026, 6, 21), ""); }).find("cannot submit") != std::string::npos);
    CHECK(illegal([&] { workflow::consent(c, d(2026, 6, 19), ""); }).find("consent comes after submission") !=
          std::string::npos);
    CHECK(illegal([&] { workflow::applyDate(c); }).find("submitted on 2026-06-20") != std::string::npos);

    ChangeSet rejected = c;
    CHECK_THROWS_AS(workflow::reject(rejected, d(2026, 6, 22), ""), Error); // a reason is required
    workflow::reject(rejected, d(2026, 6, 22), "説明不足");
    CHECK(illegal([&] { workflow::applyDate(rejected); }).find("rejected it on 2026-06-22") != std::string::npos);
    CHECK(illegal([&] { workflow::consent(rejected, d(2026, 6, 23), ""); }).find("rejected") != std::string::npos);
    CHECK(illegal([&] { workflow::withdraw(rejected, d(2026, 6, 23)); }).find("cannot withdraw") != std::string::npos);

    workflow::consent(c, d(2026, 6, 25), "");
    CHECK(illegal([&] { workflow::withdraw(c, d(2026, 6, 26)); }).find("consented") != std::string::npos);
    c.state = ChangeState::Applied;
    CHECK(illegal([&] { workflow::applyDate(c); }).find("already applied") != std::string::npos);
}

TEST_CASE("a draft or a submitted set can be withdrawn", "[change]")
{
    ChangeSet a = draft();
    workflow::withdraw(a, d(2026, 6, 1));
    CHECK(a.state == ChangeState::Withdrawn);
    ChangeSet b = draft();
    workflow::submit(b, d(2026, 6, 1), "");
    workflow::withdraw(b, d(2026, 6, 2));
    CHECK(b.state == ChangeState::Withdrawn);
    CHECK(illegal([&] { workflow::submit(b, d(2026, 6, 3), ""); }).find("withdrawn") != std::string::npos);
}

TEST_CASE("a late notice may be submitted after its date, keeps that date, and stays a finding", "[change]")
{
    ChangeSet c = draft();
    c.late = true;
    workflow::submit(c, d(2026, 7, 15), "");
    workflow::consent(c, d(2026, 7, 20), "");
    CHECK(workflow::applyDate(c) == d(2026, 7, 1));
    Contract k;
    k.code = "C1";
    c.state = ChangeState::Applied;
    const auto f = checkChanges(k, {c}, d(2027, 1, 1));
    REQUIRE(f.size() == 1);
    CHECK(f[0].rule == "change-late-notice");
}

TEST_CASE("findings: awaiting consent near or past the date; consented but not applied", "[change]")
{
    Contract k;
    k.code = "C1";
    ChangeSet c = draft();
    workflow::submit(c, d(2026, 6, 1), "");
    CHECK(checkChanges(k, {c}, d(2026, 6, 10)).empty()); // 21 days left
    auto f = checkChanges(k, {c}, d(2026, 6, 25));
    REQUIRE(f.size() == 1);
    CHECK(f[0].rule == "change-awaiting-consent");
    CHECK(f[0].severity == Severity::Warning);
    f = checkChanges(k, {c}, d(2026, 7, 2));
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Error);
    workflow::consent(c, d(2026, 6, 20), "");
    CHECK(checkChanges(k, {c}, d(2026, 6, 30)).empty());
    f = checkChanges(k, {c}, d(2026, 7, 1));
    REQUIRE(f.size() == 1);
    CHECK(f[0].rule == "change-consented-not-applied");
}

TEST_CASE("an incoming person without clause-4 disclosure is a finding on the consented set", "[change]")
{
    Contract k;
    k.code = "C1";
    ChangeSet c = draft();
    ChangeItem join;
    join.kind = ChangeItem::Kind::Join;
    join.label = "G";
    join.join.label = "G";
    join.join.person.name = "新任 四郎";
    join.join.person.department = "調査部";
    c.items.push_back(join);
    workflow::submit(c, d(2026, 6, 1), "");
    workflow::consent(c, d(2026, 6, 2), "");
    auto f = checkChanges(k, {c}, d(2026, 6, 3));
    REQUIRE(f.size() == 1);
    CHECK(f[0].rule == "disclosure-incomplete");
    c.items.back().join.person.trackRecord = "調査5件";
    c.items.back().join.person.nationality = "JP";
    CHECK(checkChanges(k, {c}, d(2026, 6, 3)).empty());
}

TEST_CASE("a set may change only known fields", "[change]")
{
    const FieldContext today{d(2026, 11, 25)};
    CHECK(checkSetField("role", "manager", today) == "情報取扱管理者");
    CHECK(checkSetField("department", " 企画部 ", today) == "企画部");
    CHECK(checkSetField("reports_to", "a", today) == "A");
    CHECK(checkSetField("nationality", "jpn", today) == "JP");
    CHECK_THROWS_AS(checkSetField("role", "社長", today), Error);
    CHECK_THROWS_AS(checkSetField("salary", "1", today), Error);
    CHECK_THROWS_AS(checkSetField("nationality", "XX", today), Error);
    CHECK_THROWS_AS(checkSetField("label", "Z", today), Error); // the label names the row
    CHECK_THROWS_AS(checkSetField("title", std::string("主任") + char(0) + "研究員", today), Error);
}
