#pragma once

#include "meibo/core/Model.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meibo::core {

/// 実施状況 of one item of the status report.
enum class ItemStatus { Unset, Done, NotDone, NotApplicable };
/// "実施", "未実施", "該当なし" ("" for Unset).
const char* itemStatusJa(ItemStatus status);
/// "done", "not-done", "n/a", "" — the JSON and command-line aliases.
const char* itemStatusId(ItemStatus status);
/// Accepts the Japanese words and the aliases done, not-done, n/a (also na, not-applicable).
std::optional<ItemStatus> parseItemStatus(std::string_view text);

/// One answered line: an item 2 … 17 or a sub-point 15.1 … 15.10, 16.1 … 16.6.
struct ReportAnswer {
    std::string item;
    ItemStatus status = ItemStatus::Unset;
    std::string text; ///< the reason (未実施 / 該当なし), or for item 15 the content (実施内容) too
};

enum class ReportState { Draft, Final };
const char* reportStateId(ReportState state);

/// 実施状況報告書 for one contract and one period. A final report is frozen: a change makes a new
/// revision (a new report with `revisionOf` pointing at the first one), and both are kept.
struct StatusReport {
    std::int64_t id = 0;
    std::int64_t contractId = 0;
    Date periodStart{};
    Date periodEnd{};
    int revision = 1;
    std::optional<std::int64_t> revisionOf; ///< the id of revision 1 (none for revision 1 itself)
    ReportState state = ReportState::Draft;
    std::optional<Date> finalizedOn;
    std::string auditHead; ///< the audit-chain head the final report was made from
    std::vector<ReportAnswer> answers; ///< every item of seed::reportItems(), in its order
};

/// Item ids in the table's order ("2" … "17", with "15.1" … after "15").
const std::vector<std::string>& reportItemIds();
bool isReportItem(std::string_view item);
/// The one reader of an item id as a person or a file writes it: "15.1", the report's own label
/// "15)(1)" (the CSV) or "15）（1）" (the documents), "15)" or "15" — full-width digits, brackets and
/// dots too. Returns the canonical id ("15.1"), or nothing when the text names no item of the report.
std::optional<std::string> parseReportItem(std::string_view text);
/// parseReportItem, or throws InvalidInput naming `text` (English and Japanese) and listing the items.
std::string requireReportItem(std::string_view text);
/// "15" and "16": lines whose status is the roll-up of their sub-points.
bool hasSubItems(std::string_view item);
/// "15" for "15.3"; "" for a top-level item.
std::string parentItem(std::string_view item);

/// A fresh report with every item unset, or carrying forward `previous`'s answers (the answers of
/// the last period are the starting point of the next).
StatusReport newStatusReport(std::int64_t contractId, const Date& periodStart, const Date& periodEnd,
                             const StatusReport* previous);

/// Sets one item. Setting 15 or 16 sets the status of every sub-point as well (their texts are kept)
/// and the item's own text; setting a sub-point re-rolls its parent. Throws InvalidInput for an
/// unknown item and IllegalState for a final report.
void setReportAnswer(StatusReport& report, const std::string& item, ItemStatus status, const std::string& text);

/// The status printed on the item's line: for 15 and 16 the roll-up of their sub-points (any 未実施
/// → 未実施, else any 実施 → 実施, else 該当なし; unset while any sub-point is unset).
ItemStatus lineStatus(const StatusReport& report, const std::string& item);
const ReportAnswer& answerOf(const StatusReport& report, const std::string& item);

/// One thing that keeps a report from being final: the item and the sentence, in English and Japanese.
struct ReportGap {
    std::string item;
    std::string message;   ///< "10: 未実施 needs a reason (別葉)"
    std::string messageJa; ///< "10：「未実施」の場合は別葉にて理由を報告する必要があります。"
    Fix fix{};             ///< where to write it: the item's text box (GUI) or `--text "…"` (CLI)
};

/// A gap's sentence for `frontEnd` in the language asked for (message and fix).
std::string gapSentence(const ReportGap& gap, FrontEnd frontEnd, bool japanese);

/// Everything that keeps the report from being final, in the report's order; empty when it can be
/// finalized.
std::vector<ReportGap> reportGapList(const StatusReport& report);
/// The English sentences of reportGapList ("10: 未実施 needs a reason (別葉)").
std::vector<std::string> reportGaps(const StatusReport& report);
/// The Japanese sentences of reportGapList.
std::vector<std::string> reportGapsJa(const StatusReport& report);

/// Throws IllegalState listing every gap; otherwise marks the report final on `on` with `auditHead`.
void finalizeReport(StatusReport& report, const Date& on, const std::string& auditHead);

/// How a contract's report periods are cut (per contract, configurable).
struct ReportScheduleSettings {
    int months = 6;          ///< length of a period: 6 (half-yearly) by default, at most 12
    bool fiscalAlign = false; ///< cut at the fiscal half-years (9/30, 3/31) instead of from the start
    int dueDays = 14;        ///< the report is due this many days after its period ends
};

/// One report period of a contract and its due date.
struct ReportPeriod {
    int number = 0; ///< 1, 2, …
    Date start{};
    Date end{};
    Date due{};
};

/// The periods of a contract, from its start to its end. A period shorter than a month at either end
/// is merged into its neighbour; a contract shorter than one period has a single one. Throws
/// InvalidInput when the settings are out of range (months 1–12, dueDays 0–90).
std::vector<ReportPeriod> reportSchedule(const Contract& contract, const ReportScheduleSettings& settings);

/// The same with the contract's own settings (reportMonths, reportFiscalAlign, reportDueDays).
std::vector<ReportPeriod> reportSchedule(const Contract& contract);

/// The newest report (highest revision) whose period end falls in `period`, if any.
const StatusReport* latestReportFor(const std::vector<StatusReport>& reports, const ReportPeriod& period);
/// True when a final report (any revision) covers `period`.
bool hasFinalReport(const std::vector<StatusReport>& reports, const ReportPeriod& period);
/// The first period without a final report: the next report to send, if any is left.
std::optional<ReportPeriod> nextReportDue(const std::vector<ReportPeriod>& schedule,
                                          const std::vector<StatusReport>& reports);

/// The period that contains `day`, if any.
std::optional<ReportPeriod> periodContaining(const std::vector<ReportPeriod>& schedule, const Date& day);

/// report-due (a period's report falls due within 30 days and is not final yet) and report-overdue
/// (the due date has passed without a final report).
std::vector<Finding> checkReports(const Contract& contract, const std::vector<ReportPeriod>& schedule,
                                  const std::vector<StatusReport>& reports, const Date& asOf, int warnDays = 30);

/// How an item's brackets are written: ASCII in the CSV ("15)(1)"), full width on paper ("15）（1）").
enum class ItemBrackets { Ascii, FullWidth };

/// An item as the report shows it: "2)", "15)(1)", "16)(6)" — text a spreadsheet keeps as text
/// (Excel reads "15.1" and "15.10" as one number); with full-width brackets as the documents print it.
std::string reportItemLabel(std::string_view item, ItemBrackets brackets = ItemBrackets::Ascii);

/// The report as data: UTF-8 CSV with BOM, one row per item and sub-point, the item written as
/// reportItemLabel says. Columns 項目, 実施状況 (実施 / 未実施 / 該当なし, the roll-up for 15 and 16) and
/// 理由・実施内容 — or with `keys` item, status, status_id (done / not-done / n/a) and text.
std::string reportToCsv(const StatusReport& report, bool keys = false);

/// The report item a finding concerns (shown beside it), or "" — e.g. training-missing → "10".
std::string reportItemOfRule(std::string_view rule);

} // namespace meibo::core
