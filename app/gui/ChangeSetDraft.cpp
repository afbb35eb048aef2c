#include "ChangeSetDraft.h"

#include "Session.h"

#include "meibo/db/ChangeSets.h"

namespace meibo::gui {

std::int64_t draftChangeSet(Session& session, std::int64_t contractId, const core::Date& effective,
                            const std::string& reason, const std::vector<core::ChangeItem>& items)
{
    db::ChangeSets changes(session.vault());
    const std::int64_t id = changes.create(contractId, effective, reason, effective < session.today());
    try {
        changes.addItems(id, items);
    } catch (...) {
        changes.withdraw(id, session.today());
        throw;
    }
    return id;
}

} // namespace meibo::gui
