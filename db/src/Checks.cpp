#include "meibo/db/Checks.h"

#include "meibo/core/ChangeSet.h"
#include "meibo/core/Registers.h"
#include "meibo/core/Report.h"
#include "meibo/core/RosterRules.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Registers.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Reports.h"

#include <algorithm>
#include <set>

namespace meibo::db {

std::vector<core::Finding> checkContract(Vault& vault, const core::Contract& contract, const core::Date& asOf)
{
    Registry registry(vault);
    std::vector<core::Finding> out = core::checkRoster(registry.facts(contract.id, asOf));
    auto add = [&out](std::vector<core::Finding> more) { out.insert(out.end(), more.begin(), more.end()); };
    add(core::checkChanges(contract, ChangeSets(vault).list(contract.id), asOf));
    const auto schedule =
        core::reportSchedule(contract);
    add(core::checkReports(contract, schedule, Reports(vault).list(contract.id), asOf));

    core::RegisterFacts facts;
    facts.contract = contract;
    facts.asOf = asOf;
    facts.roster = registry.roster(contract.id, asOf);
    facts.entries = Registers(vault).list(contract.id);
    facts.incidentReportDays = contract.incidentReportDays;
    // The trainings of the people on the roster that day, read in one statement for the contract.
    std::set<std::int64_t> onRoster;
    for (const auto& e : facts.roster)
        onRoster.insert(e.personId);
    for (auto& q : registry.contractTrainings(contract.id))
        if (onRoster.count(q.personId))
            facts.trainings.push_back(std::move(q));
    add(core::checkRegisters(facts));
    return out;
}

std::vector<Deadline> upcomingDeadlines(Vault& vault, const core::Date& asOf)
{
    std::vector<Deadline> out;
    Registry registry(vault);
    for (const auto& c : registry.contracts()) {
        const auto reports = Reports(vault).list(c.id);
        if (const auto p = core::nextReportDue(core::reportSchedule(c), reports))
            out.push_back({c.code, "report", p->due,
                           "status report for " + core::formatIsoDate(p->start) + " – " + core::formatIsoDate(p->end),
                           "実施状況報告書（" + core::formatIsoDate(p->start) + "〜" + core::formatIsoDate(p->end) +
                               "）の提出期限",
                           0});
        for (const auto& change : ChangeSets(vault).list(c.id))
            if (change.state == core::ChangeState::Submitted)
                out.push_back({c.code, "change-consent", change.effective,
                               "consent to change set " + std::to_string(change.id) + " (" + change.reason + ")",
                               "変更届 " + std::to_string(change.id) + "（" + change.reason +
                                   "）の承認待ち：この日に効力発生",
                               change.id});
        if (!(c.end < asOf))
            out.push_back({c.code, "contract-end", c.end, "contract ends: return or delete the information received",
                           "契約終了：受領した情報を返却又は削除する", 0});
    }
    std::sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) { return a.due < b.due; });
    return out;
}

} // namespace meibo::db

namespace meibo::db {

std::vector<core::CalendarEvent> deadlineEvents(const std::vector<Deadline>& deadlines)
{
    std::vector<core::CalendarEvent> out;
    for (const auto& d : deadlines) {
        std::string due = core::formatIsoDate(d.due);
        due.erase(std::remove(due.begin(), due.end(), '-'), due.end());
        std::string uid = "meibo-" + d.contract + "-" + d.kind + "-";
        uid += d.changeSetId ? std::to_string(d.changeSetId) : due;
        // A uid is ASCII without spaces: other characters of a contract code become '_'.
        for (char& c : uid)
            if (static_cast<unsigned char>(c) >= 0x80 || c == ' ' || c == ';' || c == ',' || c == ':')
                c = '_';
        out.push_back({uid + "@meibo", d.due, "[" + d.contract + "] " + d.whatJa, d.contract + ": " + d.what});
    }
    return out;
}

} // namespace meibo::db
