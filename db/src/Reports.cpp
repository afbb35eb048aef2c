#include "meibo/db/Reports.h"

#include "RegistrySupport.h"

namespace meibo::db {

using namespace detail;

namespace {
const char* kReportColumns = "id, contract_id, period_start, period_end, revision, revision_of, state, finalized_on, "
                             "audit_head, answers";

json answersJson(const core::StatusReport& r)
{
    json out = json::array();
    for (const auto& a : r.answers)
        out.push_back({{"item", a.item}, {"status", core::itemStatusId(a.status)}, {"text", a.text}});
    return out;
}

json reportJson(const core::StatusReport& r)
{
    return {{"id", r.id},
            {"contract_id", r.contractId},
            {"period_start", core::formatIsoDate(r.periodStart)},
            {"period_end", core::formatIsoDate(r.periodEnd)},
            {"revision", r.revision},
            {"state", core::reportStateId(r.state)},
            {"finalized_on", dateJson(r.finalizedOn)},
            {"audit_head", r.auditHead},
            {"answers", answersJson(r)}};
}

core::StatusReport readReport(SQLite::Statement& q)
{
    core::StatusReport r;
    r.id = q.getColumn(0).getInt64();
    r.contractId = q.getColumn(1).getInt64();
    r.periodStart = *dateOf(q.getColumn(2));
    r.periodEnd = *dateOf(q.getColumn(3));
    r.revision = q.getColumn(4).getInt();
    if (!q.getColumn(5).isNull())
        r.revisionOf = q.getColumn(5).getInt64();
    r.state = q.getColumn(6).getString() == "final" ? core::ReportState::Final : core::ReportState::Draft;
    r.finalizedOn = dateOf(q.getColumn(7));
    r.auditHead = q.getColumn(8).getString();
    // Stored answers over the current item list: an item added by a later seed starts unset.
    const json stored = json::parse(q.getColumn(9).getString());
    for (const auto& id : core::reportItemIds()) {
        core::ReportAnswer a{id, core::ItemStatus::Unset, {}};
        for (const auto& j : stored)
            if (j.value("item", "") == id) {
                a.status = core::parseItemStatus(j.value("status", "")).value_or(core::ItemStatus::Unset);
                a.text = j.value("text", "");
            }
        r.answers.push_back(a);
    }
    return r;
}

core::StatusReport load(SQLite::Database& db, std::int64_t id)
{
    SQLite::Statement q(db, std::string("SELECT ") + kReportColumns + " FROM status_report WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep())
        throw Error(ErrorCode::NotFound, "there is no status report " + std::to_string(id), "report",
                    "実施状況報告書 " + std::to_string(id) + " はありません。",
                    Fix{"", "", "`meibo-cli report list --contract C` shows them.",
                        "`meibo-cli report list --contract 契約` で一覧できます。"});
    return readReport(q);
}

std::vector<core::StatusReport> loadAll(SQLite::Database& db, std::int64_t contractId)
{
    SQLite::Statement q(db, std::string("SELECT ") + kReportColumns +
                                " FROM status_report WHERE contract_id = ? ORDER BY period_end, revision, id");
    q.bind(1, contractId);
    std::vector<core::StatusReport> out;
    while (q.executeStep())
        out.push_back(readReport(q));
    return out;
}

std::int64_t insert(SQLite::Database& db, const core::StatusReport& r)
{
    SQLite::Statement ins(db, "INSERT INTO status_report (contract_id, period_start, period_end, revision, "
                              "revision_of, state, answers) VALUES (?,?,?,?,?, 'draft', ?)");
    ins.bind(1, r.contractId);
    ins.bind(2, core::formatIsoDate(r.periodStart));
    ins.bind(3, core::formatIsoDate(r.periodEnd));
    ins.bind(4, r.revision);
    if (r.revisionOf)
        ins.bind(5, *r.revisionOf);
    else
        ins.bind(5);
    ins.bind(6, answersJson(r).dump());
    ins.exec();
    return db.getLastInsertRowid();
}

void store(SQLite::Database& db, const core::StatusReport& r)
{
    SQLite::Statement up(db, "UPDATE status_report SET state = ?, finalized_on = ?, audit_head = ?, answers = ? "
                             "WHERE id = ?");
    up.bind(1, core::reportStateId(r.state));
    bindDate(up, 2, r.finalizedOn);
    up.bind(3, r.auditHead);
    up.bind(4, answersJson(r).dump());
    up.bind(5, r.id);
    up.exec();
}

/// The open draft revision of a final report, made from its latest revision when there is none.
core::StatusReport openRevision(SQLite::Database& db, AuditLog& audit, const core::StatusReport& final)
{
    const std::int64_t root = final.revisionOf.value_or(final.id);
    core::StatusReport latest = final;
    for (const auto& r : loadAll(db, final.contractId))
        if (r.id == root || r.revisionOf == root) {
            if (r.state == core::ReportState::Draft)
                return r;
            if (r.revision > latest.revision)
                latest = r;
        }
    core::StatusReport next = latest;
    next.revision = latest.revision + 1;
    next.revisionOf = root;
    next.state = core::ReportState::Draft;
    next.finalizedOn.reset();
    next.auditHead.clear();
    next.id = insert(db, next);
    audit.append("report.revise", "report/" + std::to_string(next.id), reportJson(latest), reportJson(next));
    return next;
}
} // namespace

Reports::Reports(Vault& vault) : m_vault(vault)
{
    if (vault.schemaVersion() < 5)
        throw schemaTooOld();
}

std::int64_t Reports::create(std::int64_t contractId, const Date& periodEnd)
{
    return write(m_vault, "saving the status report", [&](SQLite::Database& db, AuditLog& audit) {
        const core::Contract c = loadContract(db, contractId);
        const auto schedule = core::reportSchedule(c);
        const auto period = core::periodContaining(schedule, periodEnd);
        if (!period)
            throw Error(ErrorCode::InvalidInput,
                        core::formatIsoDate(periodEnd) + " is outside the contract (" + core::formatIsoDate(c.start) +
                            " – " + core::formatIsoDate(c.end) + ")",
                        "period-end",
                        core::formatIsoDate(periodEnd) + "は契約期間（" + core::formatIsoDate(c.start) + " – " +
                            core::formatIsoDate(c.end) + "）の外です。",
                        Fix{"Choose the end of a report period within the contract.",
                            "契約期間内の報告期間の末日を選んでください。",
                            "`meibo-cli schedule --contract " + c.code + "` shows the report periods.",
                            "`meibo-cli schedule --contract " + c.code + "` で報告期間を確認できます。"});
        const auto all = loadAll(db, contractId);
        const core::StatusReport* previous = nullptr;
        for (const auto& r : all) {
            if (!r.revisionOf && !(r.periodEnd < period->start) && !(period->end < r.periodEnd))
                throw Error(ErrorCode::AlreadyExists,
                            "report " + std::to_string(r.id) + " already covers period " + std::to_string(period->number) +
                                " (" + core::formatIsoDate(period->start) + " – " + core::formatIsoDate(period->end) + ")",
                            "period-end",
                            "第" + std::to_string(period->number) + "期（" + core::formatIsoDate(period->start) + " – " +
                                core::formatIsoDate(period->end) + "）の報告書は既にあります（報告書 " +
                                std::to_string(r.id) + "）。",
                            Fix{"Choose it in the list and change its answers.", "一覧から選んで回答を変更してください。",
                                "Change it with `meibo-cli report set " + std::to_string(r.id) + " …`.",
                                "`meibo-cli report set " + std::to_string(r.id) + " …` で変更してください。"});
            // The latest earlier answers: the last period's newest revision, final ones first.
            if (r.periodEnd < period->start &&
                (!previous || previous->periodEnd < r.periodEnd ||
                 (previous->periodEnd == r.periodEnd &&
                  (r.state == core::ReportState::Final || previous->state != core::ReportState::Final) &&
                  r.revision > previous->revision)))
                previous = &r;
        }
        core::StatusReport r = core::newStatusReport(contractId, period->start, periodEnd, previous);
        r.id = insert(db, r);
        audit.append("report.new", "report/" + std::to_string(r.id), nullptr, reportJson(r));
        return r.id;
    });
}

core::StatusReport Reports::get(std::int64_t id) const { return load(VaultAccess::database(m_vault), id); }

std::vector<core::StatusReport> Reports::list(std::int64_t contractId) const
{
    return read("reading the registry", [&]() -> std::vector<core::StatusReport> {
        return loadAll(VaultAccess::database(m_vault), contractId);
    });
}

Reports::SetResult Reports::set(std::int64_t id, const std::string& itemText, core::ItemStatus status,
                                const std::string& text)
{
    const std::string item = core::requireReportItem(itemText); // also "15)(1)", as the report's CSV writes it
    if (status == core::ItemStatus::Unset)
        throw Error(ErrorCode::InvalidInput, "give the status: 実施, 未実施 or 該当なし (done, not-done, n/a)", "status",
                    "実施状況を「実施」「未実施」「該当なし」から選んでください。");
    return write(m_vault, "saving the status report", [&](SQLite::Database& db, AuditLog& audit) {
        core::StatusReport r = load(db, id);
        SetResult result{id, false};
        if (r.state == core::ReportState::Final) {
            r = openRevision(db, audit, r);
            result = {r.id, true};
        }
        const json before = reportJson(r);
        core::setReportAnswer(r, item, status, text);
        store(db, r);
        audit.append("report.set", "report/" + std::to_string(r.id), before, reportJson(r));
        return result;
    });
}

void Reports::finalize(std::int64_t id, const Date& on)
{
    write(m_vault, "finalizing the status report", [&](SQLite::Database& db, AuditLog& audit) {
        core::StatusReport r = load(db, id);
        const json before = reportJson(r);
        core::finalizeReport(r, on, auditHeadOf(db));
        store(db, r);
        audit.append("report.finalize", "report/" + std::to_string(id), before, reportJson(r));
    });
}

std::int64_t Reports::revise(std::int64_t id)
{
    return write(m_vault, "saving the status report", [&](SQLite::Database& db, AuditLog& audit) {
        const core::StatusReport r = load(db, id);
        if (r.state != core::ReportState::Final)
            throw Error(ErrorCode::IllegalState,
                        "report " + std::to_string(id) + " is a draft: change its answers directly", {},
                        "報告書 " + std::to_string(id) + " は下書きです。回答を直接変更してください。",
                        Fix{"", "", "Use `meibo-cli report set`.", "`meibo-cli report set` を使ってください。"});
        return openRevision(db, audit, r).id;
    });
}

} // namespace meibo::db
