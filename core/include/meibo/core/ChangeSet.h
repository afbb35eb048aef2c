#pragma once

#include "meibo/core/Model.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/RosterFields.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace meibo::core {

/// draft → submitted → consented | rejected; consented → applied; draft | submitted → withdrawn.
enum class ChangeState { Draft, Submitted, Consented, Rejected, Applied, Withdrawn };
const char* changeStateId(ChangeState state);
std::optional<ChangeState> parseChangeState(std::string_view id);

/// One proposed change to a contract's roster or structure.
struct ChangeItem {
    /// Method: a new compliance method (遵守の方法) for clause `label` ("1" … "17"), text in fields[0].
    enum class Kind { Join, Leave, Set, SubcontractorAdd, SubcontractorRemove, Method };
    Kind kind = Kind::Set;
    std::string label;                                       ///< whom it concerns (Join, Leave, Set)
    ImportRow join;                                          ///< the incoming person's row (Join)
    std::vector<std::pair<std::string, std::string>> fields; ///< FIELD=VALUE (Set)
    std::string subcontractor;                               ///< name (SubcontractorAdd/Remove)
};
const char* changeKindId(ChangeItem::Kind kind);

/// A change set (変更届): changes to one contract's roster or structure, notified to the ministry
/// before they take effect and applied only after its consent.
struct ChangeSet {
    std::int64_t id = 0;
    std::int64_t contractId = 0;
    ChangeState state = ChangeState::Draft;
    Date effective{};
    std::string reason;
    bool late = false; ///< recorded after the change happened: a late notice, never hidden
    std::optional<Date> submittedOn;
    std::string submittedHow;
    std::optional<Date> consentedOn;
    std::string consentedBy;
    std::optional<Date> rejectedOn;
    std::string rejectionReason;
    std::optional<Date> withdrawnOn;
    std::optional<Date> appliedFrom; ///< the day the roster changed (effective, or the consent day if later)
    std::vector<ChangeItem> items;
};

/// Whether a Set item may change this field: every field of form 4's row but the label and the period.
bool settableField(const RosterField& field);
/// A Set item's value checked by its field's rule (core/RosterFields.h), as canonical text; throws
/// Error(InvalidInput) naming the field.
std::string checkSetField(const std::string& key, const std::string& value, const FieldContext& context);

/// The lawful order, enforced. Each function changes the set or throws Error(IllegalState or
/// InvalidInput) with a sentence that says why not and what to do instead.
namespace workflow {
void requireDraft(const ChangeSet& change);
void submit(ChangeSet& change, const Date& on, const std::string& how);
void consent(ChangeSet& change, const Date& on, const std::string& by);
void reject(ChangeSet& change, const Date& on, const std::string& reason);
void withdraw(ChangeSet& change, const Date& on);
/// The day the roster changes when the set is applied: the effective date, never before the
/// consent date (a late notice keeps its real, earlier date and says so).
Date applyDate(const ChangeSet& change);
} // namespace workflow

/// A roster CSV as change items, for the CLI and the GUI alike: a row whose label is not on the
/// roster on the effective day joins; a row whose label is present becomes a Set of every field
/// the file gives a value that differs from the roster's (an empty cell changes nothing); a row
/// that changes nothing adds no item.
std::vector<ChangeItem> changeItemsFromCsv(const RosterImport& parsed, const std::vector<RosterEntry>& rosterOnEffective);

/// The one change engine. A Set item applied to one row: each FIELD=VALUE by its field's rule.
void applySetItem(RosterRow& row, const ChangeItem& item, const FieldContext& context);
/// The row an incoming person (Join) takes from `day` on.
RosterEntry joiningEntry(const ChangeItem& item, const Date& day);
/// The roster on `day` after the set's items, from the roster on that day before them — a pure
/// function: the preview is this, and applying stores the same rows (db/ChangeSets). Refuses
/// (IllegalState) an item whose label is not on the roster, or a joining label already taken.
std::vector<RosterEntry> rosterAfter(std::vector<RosterEntry> roster, const ChangeSet& change, const Date& day,
                                     const FieldContext& context);

/// Labels the set touches (incoming, leaving, changed).
std::vector<std::string> touchedLabels(const ChangeSet& change);

/// change-awaiting-consent, change-consented-not-applied, change-late-notice, and the clause-4
/// disclosure of incoming people in consented sets.
std::vector<Finding> checkChanges(const Contract& contract, const std::vector<ChangeSet>& changes, const Date& asOf,
                                  int awaitDays = 7);

} // namespace meibo::core
