#pragma once

#include "meibo/core/Model.h"
#include "meibo/db/Vault.h"

#include <vector>

namespace meibo::db {

/// Every rule over one contract on a day: roster and structure, change sets, report schedule and
/// the evidence registers — what `meibo-cli check` prints and the GUI's dashboard counts.
std::vector<core::Finding> checkContract(Vault& vault, const core::Contract& contract, const core::Date& asOf);

} // namespace meibo::db
