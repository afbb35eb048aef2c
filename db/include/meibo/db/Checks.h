#pragma once

#include "meibo/core/Model.h"
#include "meibo/db/Vault.h"

#include <vector>

namespace meibo::db {

/// Every rule's findings for these contracts on a day: the roster and structure rules
/// (core::checkRoster) and the change sets' (core::checkChanges). The one place both front ends
/// gather findings from (`meibo-cli check`, the GUI's dashboard and views).
std::vector<core::Finding> checkContracts(Vault& vault, const std::vector<core::Contract>& contracts,
                                          const core::Date& asOf);

} // namespace meibo::db
