#pragma once

// Helpers shared by the registry's stores (Registry.cpp, ChangeSets.cpp): binding dates, reading
// people and roster rows, the one-transaction write with its audit entry. Private to db/.

#include "AuditLog.h"
#include "EncryptingVfs.h"
#include "VaultAccess.h"

#include "meibo/core/Error.h"
#include "meibo/core/Model.h"
#include "meibo/core/PersonIdentity.h"
#include "meibo/core/Report.h"
#include "meibo/core/RosterFields.h"
#include "meibo/core/Text.h"
#include "meibo/core/Vocabulary.h"
#include "meibo/db/Vault.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meibo::db::detail {

using core::Date;
using core::Error;
using core::ErrorCode;
using core::Fix;
using nlohmann::json;

std::string osUser();

std::optional<Date> dateOf(const SQLite::Column& c);

void bindDate(SQLite::Statement& s, int index, const std::optional<Date>& d);

json dateJson(const std::optional<Date>& d);

/// The person record as JSON for the audit log: one member per person field (core/RosterFields.h).
json personJson(const core::PersonData& p);

json contractJson(const core::Contract& c);

core::Role roleFromId(const std::string& id);

/// Every person field through its rule (core/RosterFields.h): normalized in place, or Error naming
/// the first bad field. The one check of a person record that reaches the registry.
void validatePerson(core::PersonData& p);

void validatePeriod(const std::optional<Date>& from, const std::optional<Date>& to);

inline const char* kOverlap = "coalesce(a.valid_from, '0000-00-00') <= coalesce(b.valid_to, '9999-99-99') AND "
                              "coalesce(b.valid_from, '0000-00-00') <= coalesce(a.valid_to, '9999-99-99')";

/// A clash on a roster: the later assignment involved and the sentence, in English and Japanese.
struct Clash {
    std::int64_t id = 0;
    std::string message;
    std::string messageJa;
};
/// The first clash on a contract's roster: a label used twice at once, or a person on it twice at
/// once.
std::optional<Clash> firstClash(SQLite::Database& db, std::int64_t contractId);

/// The refusal of a registry whose schema predates a feature (it is upgraded when opened for writing).
Error schemaTooOld();

/// Runs `fn` as one write: the day's backup check, one transaction, the audit log beside it.
template <typename Fn> inline auto write(Vault& vault, const char* doing, Fn&& fn)
{
    VaultAccess::beforeWrite(vault);
    vfs::clearLastAuthFailure();
    SQLite::Database& db = VaultAccess::database(vault);
    try {
        SQLite::Transaction tx(db);
        std::string officer;
        {
            SQLite::Statement q(db, "SELECT value FROM meta WHERE key = 'officer_name'");
            if (q.executeStep())
                officer = q.getColumn(0).getString();
        }
        AuditLog audit(db, VaultAccess::auditKey(vault), officer, osUser(), vault.openedSlot());
        if constexpr (std::is_void_v<decltype(fn(db, audit))>) {
            fn(db, audit);
            tx.commit();
        } else {
            auto result = fn(db, audit);
            tx.commit();
            return result;
        }
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        rethrowSqlite(e, doing);
    }
}

/// Runs a read: every SQLite failure (a damaged page, an I/O error) becomes a core::Error that says
/// what was being read and what to do — the same boundary as write(), for reads.
template <typename Fn> inline auto read(const char* doing, Fn&& fn) -> decltype(fn())
{
    try {
        return fn();
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        rethrowSqlite(e, doing);
    }
}

std::optional<std::int64_t> subcontractorId(SQLite::Database& db, const std::string& name);

std::int64_t requireSubcontractor(SQLite::Database& db, const std::string& name);

/// The person_version column of a person field: its key, except the organization, kept as a link
/// to the subcontractor.
std::string personColumn(const core::RosterField& f);

/// "name, name_kana, …" — the person_version columns in field order.
const std::string& personColumnNames();

/// "v.name, …, coalesce(s.name, ''), …": the columns readPerson reads, joined with subcontractor s.
const std::string& personColumnsRead();

/// Binds a person record to parameters 1…n, in field order; returns n.
int bindPerson(SQLite::Statement& s, const core::PersonData& p, std::optional<std::int64_t> subId);

void insertVersion(SQLite::Database& db, std::int64_t personId, const core::PersonData& p, std::optional<Date> from,
                   std::optional<Date> to, std::optional<std::int64_t> subId);

void updateVersion(SQLite::Database& db, std::int64_t versionId, const core::PersonData& p,
                   std::optional<std::int64_t> subId);

/// The person record from the columns personColumnsRead() names, starting at `first`.
core::PersonData readPerson(SQLite::Statement& q, int first);

/// The version of a person's record in force on `asOf` (the latest one when no date is given).
std::optional<std::pair<std::int64_t, core::PersonData>> versionOf(SQLite::Database& db, std::int64_t personId,
                                                                   std::optional<Date> asOf);

/// The stretches of days on which rosters the ministry agreed to showed the person.
std::vector<core::AgreedShowing> agreedShowings(SQLite::Database& db, std::int64_t personId);

/// A registered person for the identity rule: the latest record and the contracts they are on.
std::optional<core::KnownPerson> knownPerson(SQLite::Database& db, std::int64_t personId);

/// What the identity rule weighs for a row coming into a contract's roster.
core::IdentityCandidates identityCandidates(SQLite::Database& db, std::int64_t contractId, const core::ImportRow& row);

/// The one way a person's record changes in the registry. With no `from`, the latest version is
/// corrected in place; with `from`, the record changes from that day and earlier days keep what
/// they said. Either way the history rule (core::requireHistoryOpen) is asked first, and nothing
/// is written when nothing differs. Returns whether anything was written. The audit entry
/// `action` records the fields that changed.
bool writePersonRecord(SQLite::Database& db, AuditLog& audit, std::int64_t personId, const core::PersonData& next,
                       std::optional<Date> from, const char* action,
                       std::optional<std::int64_t> changingContract = std::nullopt, json context = json::object());

/// A new person with one open-ended version; audited as `action` (none with nullptr: the caller's
/// own entry records the person).
std::int64_t insertPerson(SQLite::Database& db, AuditLog& audit, const core::PersonData& p, const char* action,
                          json context = json::object());

std::vector<core::RosterEntry> readEntries(SQLite::Statement& q);

inline const char* kRoleOrder =
    "CASE a.role WHEN 'responsible' THEN 0 WHEN 'manager' THEN 1 WHEN 'worker' THEN 2 ELSE 3 END";

/// The roster on a day (one query), in the form's order: role, then label.
std::vector<core::RosterEntry> rosterOn(SQLite::Database& db, std::int64_t contractId, const Date& asOf);

core::Contract readContract(SQLite::Statement& q);

inline const char* kContractColumns = "id, code, title, signed_on, start_on, end_on, addressee, ministry_contact, "
                                      "personal_data_requested_on, roster_consented_on, report_months, report_align, "
                                      "report_due_days, incident_report_days";

void validateContract(const core::Contract& c);

/// "seq:hash" of the last audit entry, shortened to the first 16 hex digits of the hash (enough to
/// name the state; printed on documents), or "" for an empty log.
std::string auditHeadOf(SQLite::Database& db);

core::Contract loadContract(SQLite::Database& db, std::int64_t contractId);

/// Once the ministry has agreed to a contract's roster (8 ①), it changes only through change sets.
void requireRosterOpen(SQLite::Database& db, std::int64_t contractId);

} // namespace meibo::db::detail
