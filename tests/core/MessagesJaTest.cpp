// Every finding and every report gap also speaks Japanese: the officer reads them in plain words with
// the fix. Scenarios below reach every rule id of docs/cli.md (roster, change sets, reports,
// registers) and every branch of their wording.

#include "CoreTestSupport.h"

#include "meibo/core/AuditWords.h"
#include "meibo/core/ChangeSet.h"
#include "meibo/core/RosterFields.h"
#include "meibo/core/Registers.h"
#include "meibo/core/Report.h"
#include "meibo/core/RosterRules.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

using namespace meibo::core;
using namespace std::chrono;
using meibo::core::test::d;

namespace {
/// Hiragana, katakana (U+3040–U+30FF) or a CJK ideograph (U+4E00–U+9FFF), in UTF-8.
bool hasJapanese(const std::string& s)
{
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
        if ((b0 == 0xE3 && b1 >= 0x81 && b1 <= 0x83) || (b0 >= 0xE4 && b0 <= 0xE9))
            return true;
    }
    return false;
}

/// Spans between backticks: command hints, kept verbatim in both languages.
std::vector<std::string> commands(const std::string& s)
{
    std::vector<std::string> out;
    for (std::size_t open = s.find('`'); open != std::string::npos;) {
        const std::size_t close = s.find('`', open + 1);
        if (close == std::string::npos)
            break;
        out.push_back(s.substr(open, close - open + 1));
        open = s.find('`', close + 1);
    }
    return out;
}

/// Three English words in a row outside the command hints: a sentence left untranslated.
bool hasEnglishPhrase(std::string s)
{
    for (const auto& c : commands(s))
        s.erase(s.find(c), c.size());
    static const std::regex phrase("[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}");
    return std::regex_search(s, phrase);
}

void checkJapanese(const std::string& english, const std::string& japanese)
{
    INFO("en: " << english);
    INFO("ja: " << japanese);
    CHECK_FALSE(japanese.empty());
    CHECK(japanese != english);
    CHECK(hasJapanese(japanese));
    CHECK_FALSE(hasEnglishPhrase(japanese));
    for (const auto& c : commands(english))
        CHECK(japanese.find(c) != std::string::npos);
}

RosterEntry person(const std::string& label, Role role, const std::string& reportsTo = {})
{
    return test::cleanEntry(label, role, reportsTo);
}

RosterFacts rosterFacts() { return test::cleanRosterFacts(); }

void add(std::vector<Finding>& out, const std::vector<Finding>& more) { out.insert(out.end(), more.begin(), more.end()); }

std::vector<Finding> rosterFindings()
{
    std::vector<Finding> out;
    {
        auto f = rosterFacts(); // a gap, then two at once
        f.assignments[0].validTo = d(2026, 9, 30);
        auto g = person("G", Role::Responsible);
        g.validFrom = d(2026, 10, 5);
        auto h = person("H", Role::Responsible);
        h.validFrom = d(2026, 11, 1);
        f.assignments.push_back(g);
        f.assignments.push_back(h);
        add(out, checkRoster(f));
    }
    {
        auto f = rosterFacts();
        auto sp = person("C", Role::Worker, "B"); // special permanent resident without passport
        sp.person.residenceStatus = ResidenceStatus::SpecialPermanent;
        sp.person.nationality = "KR";
        auto other = person("D", Role::Worker, "B"); // neither passport nor nationality
        other.person.residenceStatus = ResidenceStatus::Other;
        other.person.nationality.clear();
        auto unknown = person("E", Role::Worker, "B"); // no residence status
        unknown.person.residenceStatus.reset();
        unknown.person.passportNo = "X1";
        unknown.person.nationality.clear();
        auto noAddress = person("F", Role::Worker, "B");
        noAddress.person.address.clear();
        auto noBirth = person("G", Role::Worker, "B");
        noBirth.person.birthDate.reset();
        auto neither = person("H", Role::Worker, "B");
        neither.person.address.clear();
        neither.person.birthDate.reset();
        f.roster.insert(f.roster.end(), {sp, other, unknown, noAddress, noBirth, neither});
        add(out, checkRoster(f)); // pending
        f.contract.personalDataRequestedOn = d(2026, 5, 20);
        add(out, checkRoster(f)); // requested
    }
    {
        auto f = rosterFacts(); // one passport number on two people
        auto c = person("C", Role::Worker, "B");
        auto twin = person("D", Role::Worker, "B");
        for (RosterEntry* e : {&c, &twin}) {
            e->person.nationality = "VN";
            e->person.residenceStatus = ResidenceStatus::Other;
            e->person.passportNo = "C1234567";
        }
        f.roster.insert(f.roster.end(), {c, twin});
        add(out, checkRoster(f));
    }
    {
        auto f = rosterFacts();
        auto sub = person("F", Role::Subcontractor, "A");
        sub.person.organization = "株式会社分析";
        auto nameless = person("G", Role::Subcontractor, "A");
        nameless.person.organization.clear();
        f.roster[0].reportsTo = "B";                     // the responsible person reports to someone
        auto lost = person("D", Role::Worker, "Z");      // Z is not on the roster
        auto alone = person("E", Role::Worker);          // reports to nobody
        auto c1 = person("C", Role::Manager, "J");       // a cycle C → J → C
        auto c2 = person("J", Role::Worker, "C");
        auto bare = person("K", Role::Worker, "B");      // clause 4 and need missing
        bare.person.department.clear();
        bare.person.trackRecord.clear();
        bare.person.nationality.clear();
        bare.person.residenceStatus = ResidenceStatus::Japanese;
        bare.qualifications = 0;
        bare.need.clear();
        f.roster.insert(f.roster.end(), {sub, nameless, lost, alone, c1, c2, bare});
        add(out, checkRoster(f));
        f.contract.signedOn = d(2026, 4, 1);
        add(out, checkRoster(f));
    }
    {
        auto f = rosterFacts(); // nobody responsible at all
        f.assignments.erase(f.assignments.begin());
        add(out, checkRoster(f));
    }
    return out;
}

std::vector<Finding> changeFindings()
{
    Contract k;
    k.code = "C1";
    auto draft = [](std::int64_t id) {
        ChangeSet c;
        c.id = id;
        c.effective = d(2026, 7, 1);
        c.reason = "人事異動";
        ChangeItem leave;
        leave.kind = ChangeItem::Kind::Leave;
        leave.label = "D";
        c.items.push_back(leave);
        return c;
    };
    std::vector<Finding> out;
    ChangeSet waiting = draft(1);
    workflow::submit(waiting, d(2026, 6, 1), "");
    add(out, checkChanges(k, {waiting}, d(2026, 6, 25))); // warning: days left
    add(out, checkChanges(k, {waiting}, d(2026, 7, 2)));  // error: date passed
    ChangeSet consented = draft(2);
    ChangeItem join;
    join.kind = ChangeItem::Kind::Join;
    join.label = "G";
    join.join.label = "G";
    join.join.person.name = "新任 四郎";
    consented.items.push_back(join);
    workflow::submit(consented, d(2026, 6, 1), "");
    workflow::consent(consented, d(2026, 6, 20), "");
    ChangeSet late = draft(3);
    late.late = true;
    add(out, checkChanges(k, {consented, late}, d(2026, 7, 1)));
    return out;
}

std::vector<Finding> reportFindings()
{
    Contract c;
    c.code = "K1";
    c.start = d(2026, 4, 1);
    c.end = d(2027, 3, 31);
    const auto schedule = reportSchedule(c, {});
    std::vector<Finding> out;
    add(out, checkReports(c, schedule, {}, d(2026, 9, 20)));
    add(out, checkReports(c, schedule, {}, d(2026, 10, 15)));
    return out;
}

RegisterEntry entry(std::int64_t id, const std::string& kind, std::map<std::string, std::string> fields)
{
    validateRegisterFields(registerKind(kind), fields);
    return {id, kind, 1, fields, std::nullopt, {}};
}

std::vector<Finding> registerFindings()
{
    RegisterFacts f;
    f.contract.id = 1;
    f.contract.code = "K1";
    f.contract.start = d(2026, 4, 1);
    f.contract.end = d(2027, 3, 31);
    f.asOf = d(2026, 11, 1);
    f.roster = {person("A", Role::Responsible)};
    f.entries = {
        entry(1, "software", {{"name", "Windows 10"}, {"version", "22H2"}, {"installed_at", "端末"},
                              {"support_end", "2025-10-14"}}),
        entry(2, "software", {{"name", "Ubuntu"}, {"version", "22.04"}, {"installed_at", "サーバ"},
                              {"support_end", "2027-02-28"}}),
        entry(3, "software", {{"name", "Debian"}, {"version", "11"}, {"installed_at", "サーバ"},
                              {"support_end", "2026-12-31"}, {"plan_agreed_on", "2026-10-01"}}),
        entry(4, "software", {{"name", "社内ツール"}, {"version", "1"}, {"installed_at", "端末"}}),
        entry(5, "cloud", {{"name", "FreeDrive"}, {"provider", "X"}, {"confidential", "yes"}, {"ismap", "none"}}),
        entry(6, "cloud", {{"name", "Listed"}, {"provider", "Y"}, {"confidential", "yes"}, {"ismap", "ismap"}}),
        entry(7, "incident", {{"detected_on", "2026-10-10"}, {"summary", "紛失"}, {"reported_on", "2026-10-15"}}),
        entry(8, "incident", {{"detected_on", "2026-10-25"}, {"summary", "不審メール"}}),
        entry(9, "information", {{"name", "調査資料"}, {"copies", "2部"}}),
        entry(10, "audit", {{"type", "pentest"}, {"on", "2026-09-01"}, {"findings", "TLS 1.0 有効"}}),
    };
    std::vector<Finding> out = checkRegisters(f);
    f.asOf = d(2027, 4, 5); // after the contract: the information must be back
    add(out, checkRegisters(f));
    return out;
}
} // namespace

TEST_CASE("every finding of every rule says the same in Japanese, command hints kept verbatim", "[messages]")
{
    std::vector<Finding> all;
    add(all, rosterFindings());
    add(all, changeFindings());
    add(all, reportFindings());
    add(all, registerFindings());

    std::set<std::string> seen;
    for (const auto& f : all) {
        seen.insert(f.rule);
        INFO("rule " << f.rule << ", subject " << f.subject);
        checkJapanese(f.message, f.messageJa);
    }
    const std::set<std::string> expected = {
        // docs/cli.md: roster rules, change sets, reports, registers
        "one-responsible-person", "passport-required", "passport-shared", "address-dob-pending", "address-dob-requested",
        "subcontractor-unknown", "structure-disconnected", "structure-cycle", "disclosure-incomplete", "need-missing",
        "change-awaiting-consent", "change-consented-not-applied", "change-late-notice", "report-due",
        "report-overdue", "training-missing", "software-support-ends", "software-support-unknown", "cloud-not-ismap",
        "cloud-approval-missing", "incident-report-late", "copy-without-permission", "information-not-returned",
        "audit-finding-open"};
    CHECK(seen == expected);
}

TEST_CASE("the Japanese wording uses the seed's terms", "[messages]")
{
    const auto roster = rosterFindings();
    auto ja = [&](const std::string& rule, const std::string& text) {
        return std::any_of(roster.begin(), roster.end(), [&](const Finding& f) {
            return f.rule == rule && f.messageJa.find(text) != std::string::npos;
        });
    };
    CHECK(ja("one-responsible-person", "情報管理責任者"));
    CHECK(ja("passport-required", "特別永住者は免除の対象外"));
    CHECK(ja("passport-shared", "同一人物"));
    CHECK(ja("subcontractor-unknown", "再委託先"));
    CHECK(ja("need-missing", "情報取扱者名簿"));
    CHECK(ja("structure-disconnected", "情報管理体制図"));
    CHECK(ja("disclosure-incomplete", "担当職員"));
    const auto reports = reportFindings();
    REQUIRE_FALSE(reports.empty());
    CHECK(reports[0].messageJa.find("実施状況報告書") != std::string::npos);
}

TEST_CASE("every report gap is given in English and Japanese from one list", "[messages]")
{
    StatusReport r = newStatusReport(1, d(2026, 4, 1), d(2026, 9, 30), nullptr);
    setReportAnswer(r, "10", ItemStatus::NotDone, "");        // 未実施 without reason
    setReportAnswer(r, "12", ItemStatus::NotApplicable, "");  // 該当なし without reason
    setReportAnswer(r, "15", ItemStatus::Done, "");           // 15 needs its content even when 実施
    setReportAnswer(r, "15.2", ItemStatus::NotDone, "");      // and its reason when 未実施
    // 2 … the rest stay unset
    const auto list = reportGapList(r);
    const auto en = reportGaps(r);
    const auto ja = reportGapsJa(r);
    REQUIRE(list.size() == en.size());
    REQUIRE(list.size() == ja.size());
    std::set<std::string> kinds;
    for (std::size_t i = 0; i < list.size(); ++i) {
        CHECK(en[i] == gapSentence(list[i], FrontEnd::Cli, false));
        CHECK(ja[i] == gapSentence(list[i], FrontEnd::Cli, true));
        CHECK(ja[i].rfind(list[i].item + "：", 0) == 0);
        checkJapanese(en[i], ja[i]);
        kinds.insert(ja[i].find("未記入") != std::string::npos   ? "unset"
                     : ja[i].find("15)") != std::string::npos  ? "15"
                     : ja[i].find("別葉") != std::string::npos ? "reason"
                                                               : "?");
    }
    CHECK(kinds == std::set<std::string>{"unset", "15", "reason"});
}

namespace {
/// What a window must never show a person: command-line syntax, a stored key written as `key=`, a
/// rule id.
void checkForAWindow(const std::string& sentence, const std::string& rule = {})
{
    INFO("sentence: " << sentence);
    CHECK(sentence.find('`') == std::string::npos);
    CHECK(sentence.find("meibo-cli") == std::string::npos);
    CHECK(sentence.find(" --") == std::string::npos);
    CHECK_FALSE(std::regex_search(sentence, std::regex("[a-z]+_[a-z_]+(=|:| を)")));
    if (!rule.empty())
        CHECK(sentence.find(rule) == std::string::npos);
}

std::vector<Finding> everyFinding()
{
    std::vector<Finding> all;
    add(all, rosterFindings());
    add(all, changeFindings());
    add(all, reportFindings());
    add(all, registerFindings());
    return all;
}

template <typename Step>
Error refusal(Step step)
{
    try {
        step();
    } catch (const Error& e) {
        return e;
    }
    FAIL("no refusal");
    return Error(ErrorCode::Internal, "");
}
} // namespace

TEST_CASE("a finding's sentence for the GUI names no command, key or rule, in both languages", "[messages][sentences]")
{
    for (const Finding& f : everyFinding()) {
        INFO("rule " << f.rule << ", subject " << f.subject);
        checkForAWindow(findingSentence(f, FrontEnd::Gui, true), f.rule);
        checkForAWindow(findingSentence(f, FrontEnd::Gui, false), f.rule);
        CHECK(hasJapanese(findingSentence(f, FrontEnd::Gui, true)));
        // A fix written for one front end is written for the other, in both languages.
        if (!f.fix.empty()) {
            CHECK_FALSE(f.fix.guiJa.empty());
            CHECK_FALSE(f.fix.gui.empty());
            CHECK_FALSE(f.fix.cliJa.empty());
            CHECK_FALSE(f.fix.cli.empty());
        }
    }
}

TEST_CASE("the command line keeps its command hints, in Japanese too", "[messages][sentences]")
{
    std::size_t withCommand = 0;
    for (const Finding& f : everyFinding()) {
        const std::string en = findingSentence(f, FrontEnd::Cli, false), ja = findingSentence(f, FrontEnd::Cli, true);
        for (const auto& c : commands(en)) {
            INFO("rule " << f.rule << ": " << ja);
            CHECK(ja.find(c) != std::string::npos);
            ++withCommand;
        }
    }
    CHECK(withCommand >= 3); // training, report-due/overdue, change-consented-not-applied at least
    const auto registers = registerFindings();
    const auto training = std::find_if(registers.begin(), registers.end(),
                                       [](const Finding& f) { return f.rule == "training-missing"; });
    REQUIRE(training != registers.end());
    CHECK(findingSentence(*training, FrontEnd::Cli, true).find("`meibo-cli register add training --contract K1") !=
          std::string::npos);
    CHECK(findingSentence(*training, FrontEnd::Gui, true).find("管理台帳の画面") != std::string::npos);
}

TEST_CASE("findings about a person name the field they concern", "[messages][sentences]")
{
    std::set<std::string> rules;
    for (const Finding& f : rosterFindings()) {
        if (f.field.empty())
            continue;
        INFO("rule " << f.rule << " field " << f.field);
        CHECK(findRosterField(f.field) != nullptr);
        rules.insert(f.rule);
    }
    for (const char* rule : {"passport-required", "passport-shared", "address-dob-pending", "address-dob-requested", "subcontractor-unknown",
                             "structure-disconnected", "structure-cycle", "disclosure-incomplete", "need-missing"})
        CHECK(rules.count(rule) == 1);
}

TEST_CASE("a refusal's fix is phrased per front end", "[messages][sentences]")
{
    SECTION("applying before the ministry's consent")
    {
        ChangeSet c;
        c.id = 4;
        c.effective = d(2026, 7, 1);
        const Error e = refusal([&] { workflow::applyDate(c); });
        checkForAWindow(e.message(FrontEnd::Gui, true));
        checkForAWindow(e.message(FrontEnd::Gui, false));
        CHECK(e.message(FrontEnd::Gui, true).find("「同意」") != std::string::npos);
        CHECK(e.message(FrontEnd::Gui, false).find("Consent") != std::string::npos);
        CHECK(e.message(FrontEnd::Cli, false).find("`meibo-cli change consent`") != std::string::npos);
        CHECK(e.message(FrontEnd::Cli, true).find("`meibo-cli change consent`") != std::string::npos);
        CHECK(e.message(false) == e.what()); // the sentence alone, as before
    }
    SECTION("finalizing a report with answers missing")
    {
        StatusReport r = newStatusReport(1, d(2026, 4, 1), d(2026, 9, 30), nullptr);
        setReportAnswer(r, "10", ItemStatus::NotDone, "");
        const Error e = refusal([&] { finalizeReport(r, d(2026, 10, 1), ""); });
        const std::string ja = e.message(FrontEnd::Gui, true);
        checkForAWindow(ja);
        checkForAWindow(e.message(FrontEnd::Gui, false));
        CHECK(ja.find("確定できません") != std::string::npos);
        CHECK(ja.find("10：「未実施」の場合は別葉にて理由を報告する必要があります。") != std::string::npos);
        CHECK_FALSE(hasEnglishPhrase(ja));
        CHECK(e.message(FrontEnd::Cli, false).find("--text") != std::string::npos);
        CHECK(r.state == ReportState::Draft); // refused: nothing changed
    }
    SECTION("a report gap says where to write the reason")
    {
        StatusReport r = newStatusReport(1, d(2026, 4, 1), d(2026, 9, 30), nullptr);
        setReportAnswer(r, "10", ItemStatus::NotDone, "");
        const auto gaps = reportGapList(r);
        const auto ten = std::find_if(gaps.begin(), gaps.end(), [](const ReportGap& g) { return g.item == "10"; });
        REQUIRE(ten != gaps.end());
        CHECK(gapSentence(*ten, FrontEnd::Gui, true) ==
              "10：「未実施」の場合は別葉にて理由を報告する必要があります。項目の記入欄に理由を記入してください。");
        CHECK(gapSentence(*ten, FrontEnd::Cli, false) == "10: 未実施 needs a reason (別葉) — add --text \"…\"");
    }
}

TEST_CASE("a fix joins its sentence as each language does", "[messages][sentences]")
{
    const Fix fix{"Do this.", "こうしてください。", "Run `x`.", ""};
    CHECK(withFix("It failed", fix, FrontEnd::Gui, false) == "It failed. Do this.");
    CHECK(withFix("It failed.", fix, FrontEnd::Gui, false) == "It failed. Do this.");
    CHECK(withFix("失敗しました。", fix, FrontEnd::Gui, true) == "失敗しました。こうしてください。");
    CHECK(withFix("失敗しました", fix, FrontEnd::Gui, true) == "失敗しました。こうしてください。");
    CHECK(withFix("失敗しました。", fix, FrontEnd::Cli, true) == "失敗しました。 Run `x`."); // no Japanese: English
    CHECK(withFix("It failed", Fix{}, FrontEnd::Cli, false) == "It failed");
}

TEST_CASE("the audit log's codes read as words", "[messages][audit]")
{
    CHECK(auditActionName("report.set", true) == "実施状況報告書の回答を変更");
    CHECK(auditActionName("report.set", false) == "Status report answer changed");
    CHECK(auditActionName("something.new", true) == "something.new"); // unknown: as it is
    CHECK(auditFieldName("birth_date", true) == "生年月日");
    CHECK(auditFieldName("effective", true) == "変更日");
    CHECK(auditFieldName("answers.10.status", true) == "回答 の 10 の 状況");
    CHECK(auditEntityName("contract/3/assignment/5", true) == "契約 3 の 割当て 5");
    CHECK(auditEntityName("person/12", false) == "person 12");
}
