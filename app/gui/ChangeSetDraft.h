#pragma once

#include "meibo/core/ChangeSet.h"

#include <cstdint>
#include <string>
#include <vector>

namespace meibo::gui {

class Session;

/// After the ministry agreed to a contract's roster, an edit (a person, a compliance method) goes
/// into a new draft change set (変更届) instead: the set and its items go in together, and should
/// the items be refused the empty draft is withdrawn (the audit log keeps both steps). Throws the
/// refusal as core::Error; does not notify the views (the caller does, once).
std::int64_t draftChangeSet(Session& session, std::int64_t contractId, const core::Date& effective,
                            const std::string& reason, const std::vector<core::ChangeItem>& items);

} // namespace meibo::gui
