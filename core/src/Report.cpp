#include "meibo/core/Report.h"

#include "meibo/core/Csv.h"
#include "meibo/core/Error.h"
#include "meibo/core/SeedText.h"
#include "meibo/core/Vocabulary.h"

#include <algorithm>

namespace meibo::core {

const char* itemStatusJa(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Done: return "実施";
    case ItemStatus::NotDone: return "未実施";
    case ItemStatus::NotApplicable: return "該当なし";
    case ItemStatus::Unset: break;
    }
    return "";
}

const char* itemStatusId(ItemStatus status)
{
    switch (status) {
    case ItemStatus::Done: return "done";
    case ItemStatus::NotDone: return "not-done";
    case ItemStatus::NotApplicable: return "n/a";
    case ItemStatus::Unset: break;
    }
    return "";
}

std::optional<ItemStatus> parseItemStatus(std::string_view text)
{
    if (text == "実施" || text == "done")
        return ItemStatus::Done;
    if (text == "未実施" || text == "not-done" || text == "notdone")
        return ItemStatus::NotDone;
    if (text == "該当なし" || text == "n/a" || text == "na" || text == "not-applicable")
        return ItemStatus::NotApplicable;
    return std::nullopt;
}

const char* reportStateId(ReportState state) { return state == ReportState::Final ? "final" : "draft"; }

const std::vector<std::string>& reportItemIds()
{
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> out;
        for (const auto& item : seed::reportItems())
            out.push_back(item.id);
        return out;
    }();
    return ids;
}

bool isReportItem(std::string_view item)
{
    const auto& ids = reportItemIds();
    return std::find(ids.begin(), ids.end(), item) != ids.end();
}

std::optional<std::string> parseReportItem(std::string_view text)
{
    // The full-width forms the documents print (１５）（１）, １５．１) as ASCII (NFKC), blanks dropped.
    std::string ascii;
    for (char c : foldWidth(text))
        if (c != ' ' && c != '\t')
            ascii += c;
    // "15)(1)" and "15)" → "15.1" and "15"; "15.1" and "15" stay.
    std::string id = ascii;
    if (id.size() > 1 && id.back() == ')') {
        id.pop_back();
        const auto open = id.find(")(");
        if (open != std::string::npos)
            id = id.substr(0, open) + "." + id.substr(open + 2);
    }
    if (id.empty() || id.find_first_not_of("0123456789.") != std::string::npos)
        return std::nullopt;
    if (!isReportItem(id))
        return std::nullopt;
    return id;
}

std::string requireReportItem(std::string_view text)
{
    if (auto id = parseReportItem(text))
        return *id;
    const std::string given(text);
    throw Error(ErrorCode::InvalidInput,
                "item: “" + given + "” is not an item of the report; the items are 2 … 17, 15.1 … 15.10 and 16.1 … 16.6 "
                "(also written 15)(1))",
                "item",
                "項目「" + given + "」は報告書の項目ではありません。項目は 2～17、15.1～15.10、16.1～16.6 です（15)(1) の形でも指定できます）。");
}

bool hasSubItems(std::string_view item) { return item == "15" || item == "16"; }

std::string parentItem(std::string_view item)
{
    const auto dot = item.find('.');
    return dot == std::string_view::npos ? std::string() : std::string(item.substr(0, dot));
}

namespace {
ReportAnswer* findAnswer(StatusReport& report, std::string_view item)
{
    for (auto& a : report.answers)
        if (a.item == item)
            return &a;
    return nullptr;
}

ItemStatus rollUp(const StatusReport& report, const std::string& parent)
{
    bool anyDone = false, anyNotDone = false, anyUnset = false;
    for (const auto& a : report.answers) {
        if (parentItem(a.item) != parent)
            continue;
        anyUnset = anyUnset || a.status == ItemStatus::Unset;
        anyDone = anyDone || a.status == ItemStatus::Done;
        anyNotDone = anyNotDone || a.status == ItemStatus::NotDone;
    }
    if (anyUnset)
        return ItemStatus::Unset;
    if (anyNotDone)
        return ItemStatus::NotDone;
    return anyDone ? ItemStatus::Done : ItemStatus::NotApplicable;
}

bool needsReason(ItemStatus s) { return s == ItemStatus::NotDone || s == ItemStatus::NotApplicable; }
} // namespace

StatusReport newStatusReport(std::int64_t contractId, const Date& periodStart, const Date& periodEnd,
                             const StatusReport* previous)
{
    if (periodEnd < periodStart)
        throw Error(ErrorCode::InvalidInput,
                    "period-end (" + formatIsoDate(periodEnd) + ") is before the period's start (" +
                        formatIsoDate(periodStart) + ")",
                    "period-end", "報告期間の終了日（" + formatIsoDate(periodEnd) + "）が期間の開始日（" + formatIsoDate(periodStart) + "）より前です。");
    StatusReport r;
    r.contractId = contractId;
    r.periodStart = periodStart;
    r.periodEnd = periodEnd;
    for (const auto& id : reportItemIds()) {
        ReportAnswer a{id, ItemStatus::Unset, {}};
        if (previous)
            a = answerOf(*previous, id);
        r.answers.push_back(a);
    }
    return r;
}

const ReportAnswer& answerOf(const StatusReport& report, const std::string& item)
{
    static const ReportAnswer none;
    for (const auto& a : report.answers)
        if (a.item == item)
            return a;
    return none;
}

void setReportAnswer(StatusReport& report, const std::string& item, ItemStatus status, const std::string& text)
{
    if (report.state == ReportState::Final)
        throw Error(ErrorCode::IllegalState,
                    "report " + std::to_string(report.id) + " is final and frozen; a change makes a new revision", std::string(), "報告書 " + std::to_string(report.id) + " は確定済みのため変更できません。変更は新しい版（改訂）で行ってください。");
    const std::string id = requireReportItem(item); // "15)(1)" as the CSV writes it is "15.1"
    ReportAnswer* a = findAnswer(report, id);
    if (!a)
        throw Error(ErrorCode::Internal, "the report has no line for item " + id + " (a defect in Meibo)", "item");
    a->status = status;
    a->text = text;
    if (hasSubItems(id)) {
        for (auto& sub : report.answers)
            if (parentItem(sub.item) == id)
                sub.status = status;
    } else if (const std::string parent = parentItem(id); !parent.empty()) {
        findAnswer(report, parent)->status = rollUp(report, parent);
    }
}

ItemStatus lineStatus(const StatusReport& report, const std::string& item)
{
    return hasSubItems(item) ? rollUp(report, item) : answerOf(report, item).status;
}

std::vector<ReportGap> reportGapList(const StatusReport& report)
{
    std::vector<ReportGap> gaps;
    for (const auto& a : report.answers) {
        const std::string parent = parentItem(a.item);
        if (hasSubItems(a.item))
            continue; // judged through its sub-points
        if (a.status == ItemStatus::Unset) {
            gaps.push_back({a.item, a.item + ": no status yet — set 実施, 未実施 or 該当なし",
                            a.item + "：実施状況が未記入です。「実施」「未実施」「該当なし」のいずれかを記載してください。"});
            continue;
        }
        // A sub-point may lean on its parent's text when it has the parent's status.
        const ReportAnswer& p = parent.empty() ? a : answerOf(report, parent);
        const bool hasText = !a.text.empty() || (!parent.empty() && p.status == a.status && !p.text.empty());
        const bool done = a.status == ItemStatus::Done;
        if (parent == "15" && !hasText)
            gaps.push_back({a.item,
                            a.item + ": item 15 must state " +
                                std::string(done ? "what was done (実施内容)" : "the reason (理由等)") +
                                " even when 実施 — write it for " + a.item + " or for 15 as a whole",
                            a.item + "：15)は「" + itemStatusJa(a.status) + "」の場合" +
                                (done ? "もその実施内容" : "はその理由等") + "を必ず報告する必要があります。" + a.item +
                                "又は15全体に記入してください。"});
        else if (needsReason(a.status) && !hasText)
            gaps.push_back({a.item, a.item + ": " + itemStatusJa(a.status) + " needs a reason (別葉)",
                            a.item + "：「" + itemStatusJa(a.status) + "」の場合は別葉にて理由を報告する必要があります。",
                            Fix{"write the reason in the item's text", "項目の記入欄に理由を記入してください。",
                                "add --text \"…\"", "--text \"…\" で理由を記入してください。"}});
    }
    return gaps;
}

std::string gapSentence(const ReportGap& gap, FrontEnd frontEnd, bool japanese)
{
    const std::string& message = japanese && !gap.messageJa.empty() ? gap.messageJa : gap.message;
    if (!japanese && !gap.fix.text(frontEnd, false).empty())
        return message + " — " + gap.fix.text(frontEnd, false);
    return withFix(message, gap.fix, frontEnd, japanese);
}

std::vector<std::string> reportGaps(const StatusReport& report)
{
    std::vector<std::string> out;
    for (auto& g : reportGapList(report))
        out.push_back(gapSentence(g, FrontEnd::Cli, false));
    return out;
}

std::vector<std::string> reportGapsJa(const StatusReport& report)
{
    std::vector<std::string> out;
    for (auto& g : reportGapList(report))
        out.push_back(gapSentence(g, FrontEnd::Cli, true));
    return out;
}

void finalizeReport(StatusReport& report, const Date& on, const std::string& auditHead)
{
    if (report.state == ReportState::Final)
        throw Error(ErrorCode::IllegalState, "report " + std::to_string(report.id) + " is already final (on " +
                                                 (report.finalizedOn ? formatIsoDate(*report.finalizedOn) : "?") + ")", std::string(), "報告書 " + std::to_string(report.id) + " はすでに確定しています（" + (report.finalizedOn ? formatIsoDate(*report.finalizedOn) : std::string("?")) + "）。");
    const auto gaps = reportGapList(report);
    if (!gaps.empty()) {
        // The sentence lists what is missing; each front end says where to write it (the fix).
        std::string message = "report " + std::to_string(report.id) + " cannot be finalized; " +
                              std::to_string(gaps.size()) + " item(s) still need an answer:";
        std::string messageJa = "報告書 " + std::to_string(report.id) + " は確定できません。回答が不足している項目が" +
                                std::to_string(gaps.size()) + "件あります：";
        for (const auto& g : gaps) {
            message += "\n  " + g.message;
            messageJa += "\n  " + g.messageJa;
        }
        throw Error(ErrorCode::IllegalState, message, {}, messageJa,
                    Fix{"\nAnswer these items (a reason in the item's text where one is needed), save, then finalize.",
                        "\nこれらの項目に回答し（理由が必要な項目は記入欄に理由を記入）、保存してから確定してください。",
                        "\nAnswer them with `meibo-cli report set " + std::to_string(report.id) + " ITEM STATUS --text \"…\"`.",
                        "\n`meibo-cli report set " + std::to_string(report.id) +
                            " 項目 状況 --text \"…\"` で回答してください。"});
    }
    if (on < report.periodStart)
        throw Error(ErrorCode::InvalidInput,
                    "on: " + formatIsoDate(on) + " is before the period reported on begins (" +
                        formatIsoDate(report.periodStart) + ")",
                    "on", "確定日（" + formatIsoDate(on) + "）が報告期間の始まり（" + formatIsoDate(report.periodStart) + "）より前です。");
    report.state = ReportState::Final;
    report.finalizedOn = on;
    report.auditHead = auditHead;
}

std::vector<ReportPeriod> reportSchedule(const Contract& contract, const ReportScheduleSettings& settings)
{
    if (settings.months < 1 || settings.months > 12)
        throw Error(ErrorCode::InvalidInput,
                    "a status report is due at least once a year: the reporting cycle must be 1–12 months (6 = "
                    "half-yearly)",
                    "report-months",
                    "実施状況報告は少なくとも年1回必要です。報告の間隔は1～12か月で指定してください（6＝半年ごと）。");
    if (settings.dueDays < 0 || settings.dueDays > 90)
        throw Error(ErrorCode::InvalidInput, "the report is due 0–90 days after its period ends", "report-due-days",
                    "報告期限は期末から0～90日の間で指定してください。");
    // Boundaries: the last day of each period.
    std::vector<Date> ends;
    if (settings.fiscalAlign) {
        // Fiscal half-years end on 9/30 and 3/31; a 12-month step ends on 3/31 only. Steps of other
        // lengths are cut from April 1 of the fiscal year the contract starts in.
        const int startYear = static_cast<int>(contract.start.year()) - (contract.start.month() < std::chrono::April ? 1 : 0);
        const Date april1{std::chrono::year{startYear}, std::chrono::April, std::chrono::day{1}};
        for (int k = 1;; ++k) {
            const Date cut = addDays(addMonths(april1, settings.months * k), -1);
            if (!(cut < contract.end))
                break;
            if (!(cut < contract.start))
                ends.push_back(cut);
        }
    } else {
        for (int k = 1;; ++k) {
            const Date cut = addDays(addMonths(contract.start, settings.months * k), -1);
            if (!(cut < contract.end))
                break;
            ends.push_back(cut);
        }
    }
    ends.push_back(contract.end);
    // A stub shorter than a month at the start or the end joins its neighbour.
    if (ends.size() > 1 && daysBetween(contract.start, ends.front()) < 30)
        ends.erase(ends.begin());
    if (ends.size() > 1 && daysBetween(ends[ends.size() - 2], ends.back()) < 30)
        ends.erase(ends.end() - 2);
    std::vector<ReportPeriod> out;
    Date start = contract.start;
    for (const Date& end : ends) {
        out.push_back({static_cast<int>(out.size()) + 1, start, end, addDays(end, settings.dueDays)});
        start = addDays(end, 1);
    }
    return out;
}

std::vector<ReportPeriod> reportSchedule(const Contract& contract)
{
    return reportSchedule(contract, {contract.reportMonths, contract.reportFiscalAlign, contract.reportDueDays});
}

namespace {
bool covers(const ReportPeriod& p, const StatusReport& r) { return !(r.periodEnd < p.start) && !(p.end < r.periodEnd); }
} // namespace

const StatusReport* latestReportFor(const std::vector<StatusReport>& reports, const ReportPeriod& period)
{
    const StatusReport* latest = nullptr;
    for (const auto& r : reports)
        if (covers(period, r) && (!latest || r.revision > latest->revision))
            latest = &r;
    return latest;
}

bool hasFinalReport(const std::vector<StatusReport>& reports, const ReportPeriod& period)
{
    return std::any_of(reports.begin(), reports.end(),
                       [&](const StatusReport& r) { return r.state == ReportState::Final && covers(period, r); });
}

std::optional<ReportPeriod> nextReportDue(const std::vector<ReportPeriod>& schedule,
                                          const std::vector<StatusReport>& reports)
{
    for (const auto& p : schedule)
        if (!hasFinalReport(reports, p))
            return p;
    return std::nullopt;
}

std::optional<ReportPeriod> periodContaining(const std::vector<ReportPeriod>& schedule, const Date& day)
{
    for (const auto& p : schedule)
        if (!(day < p.start) && !(p.end < day))
            return p;
    return std::nullopt;
}

std::vector<Finding> checkReports(const Contract& contract, const std::vector<ReportPeriod>& schedule,
                                  const std::vector<StatusReport>& reports, const Date& asOf, int warnDays)
{
    std::vector<Finding> out;
    for (const auto& p : schedule) {
        if (hasFinalReport(reports, p))
            continue;
        const std::string span = formatIsoDate(p.start) + " – " + formatIsoDate(p.end);
        const std::string subject = "period " + std::to_string(p.number) + " (" + span + ")";
        const std::string periodJa = "第" + std::to_string(p.number) + "期（" + span + "）";
        const std::string command = "`meibo-cli report new --contract " + contract.code + " --period-end " +
                                    formatIsoDate(p.end) + "`";
        const Fix finish{"In the Report view, make the report for this period, answer every item, finalize it, "
                         "then send it.",
                         "実施状況報告書の画面でこの期の報告書を作成し、全項目に回答して確定のうえ、提出してください。",
                         "Finish it with " + command + ", answer every item and `report finalize`, then send it.",
                         command + " で作成し、全項目に回答して `report finalize` で確定のうえ、提出してください。"};
        const Fix start{"Start it in the Report view.", "実施状況報告書の画面で作成を始めてください。",
                        "Start it with " + command + ".", command + " で作成を始めてください。"};
        const int left = daysBetween(asOf, p.due);
        if (left < 0)
            out.push_back({"report-overdue", Severity::Error, contract.code, subject,
                           "the status report (実施状況報告書) was due on " + formatIsoDate(p.due) + ", " +
                               std::to_string(-left) + " day(s) ago, and no final report exists",
                           periodJa + "の実施状況報告書は提出期限（" + formatIsoDate(p.due) + "）を" +
                               std::to_string(-left) + "日過ぎていますが、確定した報告書がありません。",
                           {}, finish});
        else if (left <= warnDays)
            out.push_back({"report-due", Severity::Warning, contract.code, subject,
                           "the status report (実施状況報告書) is due on " + formatIsoDate(p.due) + " (in " +
                               std::to_string(left) + " day(s))",
                           periodJa + "の実施状況報告書の提出期限は" + formatIsoDate(p.due) + "です（あと" +
                               std::to_string(left) + "日）。",
                           {}, start});
    }
    return out;
}

std::string reportItemLabel(std::string_view item, ItemBrackets brackets)
{
    const bool wide = brackets == ItemBrackets::FullWidth;
    const std::string close = wide ? "）" : ")", open = wide ? "（" : "(";
    const std::string parent = parentItem(item);
    if (parent.empty())
        return std::string(item) + close;
    return parent + close + open + std::string(item.substr(parent.size() + 1)) + close;
}

std::string reportToCsv(const StatusReport& report, bool keys)
{
    std::string out = "\xEF\xBB\xBF" + (keys ? csvLine({"item", "status", "status_id", "text"})
                                               : csvLine({"項目", "実施状況", "理由・実施内容"}));
    for (const auto& a : report.answers) {
        const ItemStatus s = lineStatus(report, a.item);
        out += keys ? csvLine({reportItemLabel(a.item), itemStatusJa(s), itemStatusId(s), a.text})
                    : csvLine({reportItemLabel(a.item), itemStatusJa(s), a.text});
    }
    return out;
}

std::string reportItemOfRule(std::string_view rule)
{
    static const std::vector<std::pair<std::string_view, const char*>> map = {
        {"audit-", "3"},
        {"one-responsible-person", "4"}, {"passport-required", "4"}, {"passport-shared", "4"}, {"address-dob-", "4"},
        {"structure-", "4"}, {"disclosure-incomplete", "4"}, {"need-missing", "4"}, {"change-", "4"},
        {"subcontractor-", "5"},
        {"copy-", "7"},
        {"information-", "8"},
        {"training-", "10"},
        {"incident-", "11"},
        {"cloud-", "13"},
        {"software-", "15.5"},
    };
    for (const auto& [prefix, item] : map)
        if (rule.substr(0, prefix.size()) == prefix)
            return item;
    return {};
}

} // namespace meibo::core
