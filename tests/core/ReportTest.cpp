#include "CoreTestSupport.h"

#include "meibo/core/Error.h"
#include "meibo/core/Report.h"

#include <catch2/catch.hpp>

using namespace meibo::core;
using namespace std::chrono;
using meibo::core::test::d;

namespace {
Contract contract(Date start, Date end)
{
    Contract c;
    c.id = 1;
    c.code = "K1";
    c.start = start;
    c.end = end;
    return c;
}

StatusReport allDone()
{
    StatusReport r = newStatusReport(1, d(2026, 4, 1), d(2026, 9, 30), nullptr);
    for (const auto& id : reportItemIds())
        if (parentItem(id).empty())
            setReportAnswer(r, id, ItemStatus::Done, id == "15" ? "資産管理台帳で管理" : "");
    return r;
}

bool mentions(const std::vector<std::string>& gaps, const std::string& text)
{
    for (const auto& g : gaps)
        if (g.find(text) != std::string::npos)
            return true;
    return false;
}
} // namespace

TEST_CASE("the report has items 2 to 17 with the sub-points of 15 and 16, in the table's order", "[report]")
{
    const auto& ids = reportItemIds();
    REQUIRE(ids.size() == 16 + 10 + 6);
    CHECK(ids.front() == "2");
    CHECK(ids.back() == "17");
    CHECK(*(std::find(ids.begin(), ids.end(), "15") + 1) == "15.1");
    CHECK(*(std::find(ids.begin(), ids.end(), "15.10") + 1) == "16");
    CHECK(parentItem("16.6") == "16");
    CHECK(parentItem("16").empty());
    CHECK(parseItemStatus("done") == ItemStatus::Done);
    CHECK(parseItemStatus("未実施") == ItemStatus::NotDone);
    CHECK(parseItemStatus("n/a") == ItemStatus::NotApplicable);
    CHECK_FALSE(parseItemStatus("maybe"));
}

TEST_CASE("未実施 and 該当なし need a reason; 実施 does not", "[report]")
{
    StatusReport r = allDone();
    CHECK(reportGaps(r).empty());
    setReportAnswer(r, "3", ItemStatus::NotDone, "");
    setReportAnswer(r, "12", ItemStatus::NotApplicable, "");
    auto gaps = reportGaps(r);
    REQUIRE(gaps.size() == 2);
    CHECK(mentions(gaps, "3: 未実施 needs a reason"));
    CHECK(mentions(gaps, "12: 該当なし needs a reason"));
    setReportAnswer(r, "3", ItemStatus::NotDone, "監査の依頼なし");
    setReportAnswer(r, "12", ItemStatus::NotApplicable, "クラウドサービスを利用しない");
    CHECK(reportGaps(r).empty());
}

TEST_CASE("item 15 needs its content even when 実施", "[report]")
{
    StatusReport r = allDone();
    setReportAnswer(r, "15", ItemStatus::Done, "");
    auto gaps = reportGaps(r);
    CHECK(gaps.size() == 10); // every sub-point, since 15 itself says nothing
    CHECK(mentions(gaps, "15.1: item 15 must state what was done"));
    // Content for 15 as a whole covers the sub-points that share its status …
    setReportAnswer(r, "15", ItemStatus::Done, "ウェブサイトは構築しないが、端末の対策は規程どおり実施");
    CHECK(reportGaps(r).empty());
    // … but a sub-point with a different status needs its own words.
    setReportAnswer(r, "15.7", ItemStatus::NotApplicable, "");
    gaps = reportGaps(r);
    REQUIRE(gaps.size() == 1);
    CHECK(mentions(gaps, "15.7: item 15 must state the reason"));
}

TEST_CASE("15 and 16 roll their sub-points up into their line", "[report]")
{
    StatusReport r = newStatusReport(1, d(2026, 4, 1), d(2026, 9, 30), nullptr);
    CHECK(lineStatus(r, "16") == ItemStatus::Unset);
    setReportAnswer(r, "16", ItemStatus::NotApplicable, "アプリ開発なし");
    CHECK(lineStatus(r, "16") == ItemStatus::NotApplicable);
    CHECK(answerOf(r, "16.4").status == ItemStatus::NotApplicable);
    setReportAnswer(r, "16.2", ItemStatus::Done, "");
    CHECK(lineStatus(r, "16") == ItemStatus::Done);
    setReportAnswer(r, "16.3", ItemStatus::NotDone, "検証中");
    CHECK(lineStatus(r, "16") == ItemStatus::NotDone);
}

TEST_CASE("finalizing lists every gap at once and a final report is frozen", "[report]")
{
    StatusReport r = newStatusReport(1, d(2026, 4, 1), d(2026, 9, 30), nullptr);
    r.id = 4;
    setReportAnswer(r, "2", ItemStatus::NotDone, "");
    try {
        finalizeReport(r, d(2026, 10, 5), "12:abc");
        FAIL("an incomplete report was finalized");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::IllegalState);
        const std::string m = e.what();
        CHECK(m.find("2: 未実施 needs a reason") != std::string::npos);
        CHECK(m.find("17: no status yet") != std::string::npos);
        CHECK(m.find("16.6: no status yet") != std::string::npos);
    }
    CHECK(r.state == ReportState::Draft);

    StatusReport ok = allDone();
    CHECK_THROWS_AS(finalizeReport(ok, d(2026, 3, 1), "12:abc"), Error); // before the period begins
    finalizeReport(ok, d(2026, 10, 5), "12:abc");
    CHECK(ok.state == ReportState::Final);
    CHECK(ok.auditHead == "12:abc");
    CHECK_THROWS_WITH(setReportAnswer(ok, "2", ItemStatus::NotDone, "x"), Catch::Contains("final and frozen"));
    CHECK(answerOf(ok, "2").status == ItemStatus::Done);
}

TEST_CASE("a new report starts from the previous period's answers", "[report]")
{
    StatusReport first = allDone();
    setReportAnswer(first, "12", ItemStatus::NotApplicable, "クラウド不使用");
    const StatusReport next = newStatusReport(1, d(2026, 10, 1), d(2027, 3, 31), &first);
    CHECK(next.state == ReportState::Draft);
    CHECK(next.periodStart == d(2026, 10, 1));
    CHECK(answerOf(next, "12").status == ItemStatus::NotApplicable);
    CHECK(answerOf(next, "12").text == "クラウド不使用");
    CHECK(answerOf(next, "15").text == "資産管理台帳で管理");
    const StatusReport fresh = newStatusReport(1, d(2026, 10, 1), d(2027, 3, 31), nullptr);
    CHECK(answerOf(fresh, "12").status == ItemStatus::Unset);
}

TEST_CASE("schedule: a one-year contract has two half-year periods", "[schedule]")
{
    const auto s = reportSchedule(contract(d(2026, 4, 1), d(2027, 3, 31)), {});
    REQUIRE(s.size() == 2);
    CHECK(s[0].start == d(2026, 4, 1));
    CHECK(s[0].end == d(2026, 9, 30));
    CHECK(s[0].due == d(2026, 10, 14));
    CHECK(s[1].start == d(2026, 10, 1));
    CHECK(s[1].end == d(2027, 3, 31));
}

TEST_CASE("schedule: a contract shorter than six months has one period", "[schedule]")
{
    const auto s = reportSchedule(contract(d(2026, 7, 1), d(2026, 11, 30)), {});
    REQUIRE(s.size() == 1);
    CHECK(s[0].start == d(2026, 7, 1));
    CHECK(s[0].end == d(2026, 11, 30));
    CHECK(s[0].due == d(2026, 12, 14));
}

TEST_CASE("schedule: a stub of less than a month joins its neighbour", "[schedule]")
{
    // 2026-04-01 … 2026-10-20: 6 months and 20 days — one period, not a 20-day second one.
    const auto s = reportSchedule(contract(d(2026, 4, 1), d(2026, 10, 20)), {});
    REQUIRE(s.size() == 1);
    CHECK(s[0].end == d(2026, 10, 20));
}

TEST_CASE("schedule: crossing a fiscal year, cut from the start or at the fiscal half-years", "[schedule]")
{
    const Contract c = contract(d(2026, 8, 1), d(2027, 7, 31));
    const auto fromStart = reportSchedule(c, {});
    REQUIRE(fromStart.size() == 2);
    CHECK(fromStart[0].end == d(2027, 1, 31));
    const auto fiscal = reportSchedule(c, {6, true, 14});
    REQUIRE(fiscal.size() == 3);
    CHECK(fiscal[0].start == d(2026, 8, 1));
    CHECK(fiscal[0].end == d(2026, 9, 30));
    CHECK(fiscal[1].end == d(2027, 3, 31));
    CHECK(fiscal[2].start == d(2027, 4, 1));
    CHECK(fiscal[2].end == d(2027, 7, 31));
}

TEST_CASE("schedule: a three-year contract, half-yearly or yearly, never less often", "[schedule]")
{
    const Contract c = contract(d(2026, 4, 1), d(2029, 3, 31));
    CHECK(reportSchedule(c, {}).size() == 6);
    const auto yearly = reportSchedule(c, {12, false, 30});
    REQUIRE(yearly.size() == 3);
    CHECK(yearly[2].end == d(2029, 3, 31));
    CHECK(yearly[2].due == d(2029, 4, 30));
    CHECK_THROWS_WITH(reportSchedule(c, {18, false, 14}), Catch::Contains("at least once a year"));
    CHECK_THROWS_WITH(reportSchedule(c, {6, false, 120}), Catch::Contains("0–90 days"));
}

TEST_CASE("report-due within 30 days, report-overdue after, nothing once final", "[schedule]")
{
    const Contract c = contract(d(2026, 4, 1), d(2027, 3, 31));
    const auto s = reportSchedule(c, {});
    CHECK(checkReports(c, s, {}, d(2026, 8, 1)).empty()); // due 10/14: 74 days away
    auto f = checkReports(c, s, {}, d(2026, 9, 20));
    REQUIRE(f.size() == 1);
    CHECK(f[0].rule == "report-due");
    CHECK(f[0].severity == Severity::Warning);
    f = checkReports(c, s, {}, d(2026, 10, 15));
    REQUIRE(f.size() == 1);
    CHECK(f[0].rule == "report-overdue");
    CHECK(f[0].severity == Severity::Error);
    CHECK(f[0].message.find("2026-10-14") != std::string::npos);

    StatusReport r = allDone();
    CHECK(checkReports(c, s, {r}, d(2026, 10, 15)).size() == 1); // a draft does not count
    finalizeReport(r, d(2026, 10, 5), "");
    CHECK(checkReports(c, s, {r}, d(2026, 10, 15)).empty());
}

TEST_CASE("findings are shown beside the report item they concern", "[report]")
{
    CHECK(reportItemOfRule("training-missing") == "10");
    CHECK(reportItemOfRule("software-support-ends") == "15.5");
    CHECK(reportItemOfRule("cloud-not-ismap") == "13");
    CHECK(reportItemOfRule("passport-required") == "4");
    CHECK(reportItemOfRule("report-due").empty());
}

TEST_CASE("the next report due is the first period without a final report, whatever its exact end day", "[schedule]")
{
    Contract c = contract(d(2026, 4, 1), d(2027, 3, 31));
    const auto s = reportSchedule(c);
    REQUIRE(s.size() == 2);
    CHECK(nextReportDue(s, {})->end == d(2026, 9, 30));
    StatusReport r = allDone();
    r.periodEnd = d(2026, 9, 15); // reported on a day inside the period, not on its last day
    CHECK(latestReportFor({r}, s[0]) != nullptr);
    CHECK_FALSE(hasFinalReport({r}, s[0]));
    finalizeReport(r, d(2026, 9, 20), "");
    CHECK(hasFinalReport({r}, s[0]));
    CHECK(nextReportDue(s, {r})->end == d(2027, 3, 31));
    CHECK(latestReportFor({r}, s[1]) == nullptr);
    c.reportMonths = 12;
    CHECK(reportSchedule(c).size() == 1);
}

TEST_CASE("an item is read as the report writes it: 15)(1), 15）（1）, 15.1 and 15 name their items", "[report]")
{
    for (const auto& id : reportItemIds()) {
        CHECK(parseReportItem(id) == id);
        CHECK(parseReportItem(reportItemLabel(id)) == id);
        CHECK(parseReportItem(reportItemLabel(id, ItemBrackets::FullWidth)) == id);
    }
    CHECK(parseReportItem("15)(1)") == std::string("15.1"));
    CHECK(parseReportItem("15)(10)") == std::string("15.10"));
    CHECK(parseReportItem(" 16)(6) ") == std::string("16.6"));
    CHECK(parseReportItem("１５．１") == std::string("15.1"));
    for (const char* bad : {"", "1", "18", "15)(11)", "15)(1", "15)(1))", "(15)", "15.1.1", "15.", "a", "15)(1)(2)"})
        CHECK_FALSE(parseReportItem(bad));

    // The CSV the report writes reads back: its first column names every item, in order.
    StatusReport r = newStatusReport(1, d(2026, 4, 1), d(2026, 9, 30), nullptr);
    const std::string csv = reportToCsv(r);
    std::vector<std::string> read;
    std::size_t line = csv.find('\n') + 1; // after the header
    while (line < csv.size()) {
        const std::size_t comma = csv.find(',', line);
        std::string cell = csv.substr(line, comma - line);
        if (cell.size() >= 2 && cell.front() == '"')
            cell = cell.substr(1, cell.size() - 2);
        const auto id = parseReportItem(cell);
        CHECK(id.has_value());
        read.push_back(id.value_or(cell));
        line = csv.find('\n', line) + 1;
        if (line == 0)
            break;
    }
    CHECK(read == reportItemIds());
}

TEST_CASE("setting an unknown item is refused naming it, in both languages, and changes nothing", "[report]")
{
    StatusReport r = allDone();
    const StatusReport before = r;
    try {
        setReportAnswer(r, "15)(11)", ItemStatus::NotDone, "x");
        FAIL("accepted 15)(11)");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("“15)(11)” is not an item of the report") != std::string::npos);
        CHECK(e.messageJa().find("項目「15)(11)」は報告書の項目ではありません") != std::string::npos);
    }
    CHECK(reportToCsv(r) == reportToCsv(before));
    setReportAnswer(r, "15)(3)", ItemStatus::NotDone, "未更新");
    CHECK(answerOf(r, "15.3").status == ItemStatus::NotDone);
    CHECK(answerOf(r, "15.3").text == "未更新");
    CHECK(lineStatus(r, "15") == ItemStatus::NotDone);
}

TEST_CASE("a report's refusals say in Japanese what is wrong, and change nothing", "[report]")
{
    auto japanese = [](auto&& f) {
        try {
            f();
        } catch (const Error& e) {
            return e.messageJa();
        }
        return std::string("(no refusal)");
    };
    CHECK(japanese([] { newStatusReport(1, d(2026, 4, 1), d(2026, 3, 31), nullptr); }) ==
          "報告期間の終了日（2026-03-31）が期間の開始日（2026-04-01）より前です。");
    StatusReport ok = allDone();
    ok.id = 7;
    CHECK(japanese([&] { finalizeReport(ok, d(2026, 3, 1), "12:abc"); }) ==
          "確定日（2026-03-01）が報告期間の始まり（2026-04-01）より前です。");
    CHECK(ok.state == ReportState::Draft);
    finalizeReport(ok, d(2026, 10, 5), "12:abc");
    CHECK(japanese([&] { finalizeReport(ok, d(2026, 10, 6), "13:def"); }) ==
          "報告書 7 はすでに確定しています（2026-10-05）。");
    CHECK(japanese([&] { setReportAnswer(ok, "2", ItemStatus::NotDone, "x"); }).find("報告書 7 は確定済みのため変更できません") == 0);
    CHECK(ok.auditHead == "12:abc");
    CHECK(answerOf(ok, "2").status == ItemStatus::Done);
}
