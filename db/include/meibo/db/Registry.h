#pragma once

#include "meibo/core/Model.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/RosterRules.h"
#include "meibo/db/Vault.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meibo::db {

/// One line of the audit log, for `audit list`.
struct AuditEntry {
    std::int64_t seq = 0;
    std::string at, officer, osUser, keySlot, action, entity, before, after;
};

/// One version of a person's record: what it said from `validFrom` through `validTo` (open ends
/// unbounded).
struct PersonVersion {
    std::optional<core::Date> validFrom;
    std::optional<core::Date> validTo;
    core::PersonData person;
};

/// One place a person had or has on a contract's roster.
struct PersonAssignment {
    std::int64_t assignmentId = 0;
    std::int64_t contractId = 0;
    std::string contractCode;
    std::string contractTitle;
    core::Role role = core::Role::Worker;
    std::string label;
    std::string need;
    std::string reportsTo;
    std::optional<core::Date> validFrom;
    std::optional<core::Date> validTo;
};

/// The signing certificate and key kept in the registry (PEM).
struct StoredIdentity {
    std::string certificatePem;
    std::string privateKeyPem;
    std::string signer;
    std::string source; ///< "pkcs12" or "self-signed"
};

/// The registry's contents: organization, contracts, subcontractors, people and their assignments,
/// with every change in one transaction together with its audit entry. Bad input throws
/// core::Error naming the field (or CSV line) and writes nothing.
class Registry {
public:
    explicit Registry(Vault& vault);

    core::Organization organization() const;
    void setOrganization(const core::Organization& org);
    /// The officer's name written into every audit entry (with the OS user and the key slot).
    void setOfficerName(const std::string& name);
    std::string officerName() const;

    std::int64_t addContract(const core::Contract& contract);
    void updateContract(const core::Contract& contract);
    std::vector<core::Contract> contracts() const;
    /// By numeric id or code; throws NotFound naming what was asked.
    core::Contract contract(const std::string& idOrCode) const;

    std::int64_t addSubcontractor(const core::Subcontractor& sub);
    std::vector<core::Subcontractor> subcontractors() const;
    /// Makes the named subcontractor part of the contract for a period.
    void linkSubcontractor(std::int64_t contractId, const std::string& name, std::optional<core::Date> from,
                           std::optional<core::Date> to);
    std::vector<core::SubcontractorLink> subcontractorLinks(std::int64_t contractId) const;

    std::int64_t addPerson(const core::PersonData& person);
    /// Corrects the person's record in place (every version from `asOf` on is what it says now).
    void correctPerson(std::int64_t personId, const core::PersonData& person);
    /// Records a change effective on `from`: the record before that day is kept as it was.
    void changePerson(std::int64_t personId, const core::PersonData& person, const core::Date& from);
    core::PersonData person(std::int64_t personId, std::optional<core::Date> asOf = {}) const;
    std::vector<std::pair<std::int64_t, core::PersonData>> people() const;
    /// Every version of the person's record, oldest first (the People view's history).
    std::vector<PersonVersion> personVersions(std::int64_t personId) const;
    /// Every assignment of the person on any contract, by contract code and then period.
    std::vector<PersonAssignment> personAssignments(std::int64_t personId) const;

    std::int64_t addQualification(const core::Qualification& q);
    std::vector<core::Qualification> qualifications(std::int64_t personId) const;
    /// The trainings (qualification rows marked training) of everyone ever assigned to the contract,
    /// by person and then date: one query, where a loop over the roster would prepare one per person.
    std::vector<core::Qualification> contractTrainings(std::int64_t contractId) const;

    /// Puts a person on a contract's roster. Labels are unique and nobody is on one contract twice
    /// at the same time.
    std::int64_t assign(std::int64_t contractId, std::int64_t personId, core::Role role, const std::string& label,
                        const std::string& need, const std::string& reportsTo, std::optional<core::Date> from,
                        std::optional<core::Date> to);
    /// Ends the assignment with this label open on `lastDay`: the person is on the roster through
    /// that day and off it after. Nothing is deleted.
    void endAssignment(std::int64_t contractId, const std::string& label, const core::Date& lastDay);

    /// The roster on a day (one query), in the form's order: role, then label.
    std::vector<core::RosterEntry> roster(std::int64_t contractId, const core::Date& asOf) const;
    /// Every assignment the contract ever had.
    std::vector<core::RosterEntry> assignments(std::int64_t contractId) const;

    struct ImportResult {
        int added = 0;   ///< new assignments
        int updated = 0; ///< assignments matched by label and period, updated in place
        int people = 0;  ///< people created
    };
    /// All or nothing: a file with any bad row throws InvalidInput listing every issue by line and
    /// column, and changes nothing. Who each row is follows core::identify: a label never passes
    /// to someone else, and a person registered on another contract with the same name and date of
    /// birth is linked only with `linkExisting` (or the row's person_id). An empty cell never
    /// erases a stored value; a record an agreed roster showed is never rewritten.
    ImportResult importRoster(std::int64_t contractId, const core::RosterImport& parsed, bool linkExisting = false);
    /// One row saved from a dialog, by the same rules as an import (audited as person.add/edit and
    /// assignment.add/edit; messages name the field, not a line). Returns the assignment id.
    std::int64_t saveRosterRow(std::int64_t contractId, const core::ImportRow& row, bool linkExisting = false);

    core::RosterFacts facts(std::int64_t contractId, const core::Date& asOf) const;

    /// Keeps the certificate and key that sign exports (replacing any before).
    void setSigningIdentity(const StoredIdentity& identity);
    std::optional<StoredIdentity> signingIdentity() const;
    /// "seq:hash" of the last audit entry (printed on documents), or "" for an empty log.
    std::string auditHead() const;

    struct AuditCheck {
        bool ok = true;
        std::int64_t entries = 0;
        std::string problem;
    };
    AuditCheck verifyAudit() const;
    std::vector<AuditEntry> auditEntries(std::int64_t limit = 1000) const;

    /// Records that an inspection of deliverables ran (contract 5.(2)): the paths, how many files
    /// and how many findings by rule — never what was found. Nothing else is written.
    void recordInspection(const std::vector<std::string>& paths, int files, int unreadable,
                          const std::map<std::string, int>& findingsByRule);

private:
    Vault& m_vault;
};

} // namespace meibo::db
