#include "meibo/db/Checks.h"

#include "meibo/core/ChangeSet.h"
#include "meibo/core/RosterRules.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Registry.h"

namespace meibo::db {

std::vector<core::Finding> checkContracts(Vault& vault, const std::vector<core::Contract>& contracts,
                                          const core::Date& asOf)
{
    Registry reg(vault);
    ChangeSets changes(vault);
    std::vector<core::Finding> findings;
    for (const auto& c : contracts) {
        auto f = core::checkRoster(reg.facts(c.id, asOf));
        findings.insert(findings.end(), f.begin(), f.end());
        auto g = core::checkChanges(c, changes.list(c.id), asOf);
        findings.insert(findings.end(), g.begin(), g.end());
    }
    return findings;
}

} // namespace meibo::db
