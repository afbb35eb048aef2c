#include "meibo/db/Checks.h"

#include "meibo/core/ChangeSet.h"
#include "meibo/core/Registers.h"
#include "meibo/core/Report.h"
#include "meibo/core/RosterRules.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Registers.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Reports.h"

namespace meibo::db {

std::vector<core::Finding> checkContract(Vault& vault, const core::Contract& contract, const core::Date& asOf)
{
    Registry registry(vault);
    std::vector<core::Finding> out = core::checkRoster(registry.facts(contract.id, asOf));
    auto add = [&out](std::vector<core::Finding> more) { out.insert(out.end(), more.begin(), more.end()); };
    add(core::checkChanges(contract, ChangeSets(vault).list(contract.id), asOf));
    const auto schedule =
        core::reportSchedule(contract, {contract.reportMonths, contract.reportFiscalAlign, contract.reportDueDays});
    add(core::checkReports(contract, schedule, Reports(vault).list(contract.id), asOf));

    core::RegisterFacts facts;
    facts.contract = contract;
    facts.asOf = asOf;
    facts.roster = registry.roster(contract.id, asOf);
    facts.entries = Registers(vault).list(contract.id);
    facts.incidentReportDays = contract.incidentReportDays;
    for (const auto& e : facts.roster)
        for (const auto& q : registry.qualifications(e.personId))
            if (q.training)
                facts.trainings.push_back(q);
    add(core::checkRegisters(facts));
    return out;
}

} // namespace meibo::db
