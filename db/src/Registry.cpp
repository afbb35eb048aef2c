#include "meibo/db/Registry.h"

#include "RegistrySupport.h"

#include "meibo/core/Error.h"
#include "meibo/core/Vocabulary.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <algorithm>
#include <map>
#include <pwd.h>
#include <unistd.h>

namespace meibo::db {

using core::Date;
using core::Error;
using core::ErrorCode;
using core::Fix;
using nlohmann::json;

using namespace detail;

Registry::Registry(Vault& vault) : m_vault(vault)
{
    if (vault.schemaVersion() < 2)
        throw schemaTooOld();
}

// ---- organization -----------------------------------------------------------------------------

core::Organization Registry::organization() const
{
    return read("reading the organization", [&]() -> core::Organization {
        SQLite::Statement q(VaultAccess::database(m_vault), "SELECT name, address, representative, capital_officers, "
                                                            "work_places FROM organization WHERE id = 1");
        core::Organization o;
        if (q.executeStep()) {
            o.name = q.getColumn(0).getString();
            o.address = q.getColumn(1).getString();
            o.representative = q.getColumn(2).getString();
            o.capitalAndOfficers = q.getColumn(3).getString();
            o.workPlaces = q.getColumn(4).getString();
        }
        return o;
    });
}

void Registry::setOrganization(const core::Organization& org)
{
    if (org.name.empty())
        throw Error(ErrorCode::InvalidInput, "the organization's name (名称) is required", "name",
                    "事業者の名称を入力してください。");
    const core::Organization before = organization();
    write(m_vault, "saving the organization", [&](SQLite::Database& db, AuditLog& audit) {
        SQLite::Statement up(db, "UPDATE organization SET name = ?, address = ?, representative = ?, "
                                 "capital_officers = ?, work_places = ? WHERE id = 1");
        up.bind(1, org.name);
        up.bind(2, org.address);
        up.bind(3, org.representative);
        up.bind(4, org.capitalAndOfficers);
        up.bind(5, org.workPlaces);
        up.exec();
        auto j = [](const core::Organization& o) {
            return json{{"name", o.name}, {"address", o.address}, {"representative", o.representative},
                        {"capital_officers", o.capitalAndOfficers}, {"work_places", o.workPlaces}};
        };
        audit.append("organization.set", "organization", j(before), j(org));
    });
}

void Registry::setOfficerName(const std::string& name)
{
    const std::string before = officerName();
    write(m_vault, "saving the officer's name", [&](SQLite::Database& db, AuditLog& audit) {
        SQLite::Statement up(db, "INSERT INTO meta (key, value) VALUES ('officer_name', ?) ON CONFLICT (key) DO UPDATE "
                                 "SET value = excluded.value");
        up.bind(1, name);
        up.exec();
        audit.append("officer.set", "meta/officer_name", json(before), json(name));
    });
}

std::string Registry::officerName() const
{
    return read("reading the officer name", [&]() -> std::string {
        SQLite::Statement q(VaultAccess::database(m_vault), "SELECT value FROM meta WHERE key = 'officer_name'");
        return q.executeStep() ? q.getColumn(0).getString() : std::string();
    });
}

// ---- contracts --------------------------------------------------------------------------------

std::int64_t Registry::addContract(const core::Contract& c)
{
    validateContract(c);
    return write(m_vault, "saving the contract", [&](SQLite::Database& db, AuditLog& audit) {
        SQLite::Statement exists(db, "SELECT 1 FROM contract WHERE code = ?");
        exists.bind(1, c.code);
        if (exists.executeStep())
            throw Error(ErrorCode::AlreadyExists, "a contract with the code “" + c.code + "” already exists",
                        "code", "契約番号「" + c.code + "」の契約はすでに登録されています。別の番号にしてください。");
        SQLite::Statement ins(db, "INSERT INTO contract (code, title, signed_on, start_on, end_on, addressee, "
                                  "ministry_contact, personal_data_requested_on, report_months, report_align, "
                                  "report_due_days, incident_report_days) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
        ins.bind(1, c.code);
        ins.bind(2, c.title);
        bindDate(ins, 3, c.signedOn);
        ins.bind(4, core::formatIsoDate(c.start));
        ins.bind(5, core::formatIsoDate(c.end));
        ins.bind(6, c.addressee);
        ins.bind(7, c.ministryContact);
        bindDate(ins, 8, c.personalDataRequestedOn);
        ins.bind(9, c.reportMonths);
        ins.bind(10, c.reportFiscalAlign ? "fiscal" : "contract");
        ins.bind(11, c.reportDueDays);
        ins.bind(12, c.incidentReportDays);
        ins.exec();
        const std::int64_t id = db.getLastInsertRowid();
        audit.append("contract.add", "contract/" + std::to_string(id), nullptr, contractJson(c));
        return id;
    });
}

void Registry::updateContract(const core::Contract& c)
{
    validateContract(c);
    const core::Contract before = contract(std::to_string(c.id));
    // The day the ministry agreed to the roster is what the history rule protects from: clearing it,
    // or moving it later, would reopen the agreed days to person set and imports (and then be put
    // back). An earlier day only protects more, so a typo can still be corrected that way.
    if (before.rosterConsentedOn && (!c.rosterConsentedOn || *c.rosterConsentedOn > *before.rosterConsentedOn)) {
        const std::string day = core::formatIsoDate(*before.rosterConsentedOn);
        throw Error(ErrorCode::IllegalState,
                    "roster_consented: the roster of " + before.code + " was agreed with the ministry on " + day +
                        " (8 ①); that day cannot be removed or moved later, because the roster it agreed to must "
                        "stay as it was. Record later changes as change sets (変更届)",
                    "roster_consented",
                    before.code + " の情報取扱者名簿は " + day +
                        " に担当課室の同意を得ています（8 ①）。同意済みの名簿の記載を守るため、この同意日は削除することも"
                        "後の日付に変えることもできません。以後の変更は変更届として登録してください。");
    }
    write(m_vault, "saving the contract", [&](SQLite::Database& db, AuditLog& audit) {
        SQLite::Statement up(db, "UPDATE contract SET code = ?, title = ?, signed_on = ?, start_on = ?, end_on = ?, "
                                 "addressee = ?, ministry_contact = ?, personal_data_requested_on = ?, "
                                 "roster_consented_on = ?, report_months = ?, report_align = ?, report_due_days = ?, "
                                 "incident_report_days = ? WHERE id = ?");
        up.bind(1, c.code);
        up.bind(2, c.title);
        bindDate(up, 3, c.signedOn);
        up.bind(4, core::formatIsoDate(c.start));
        up.bind(5, core::formatIsoDate(c.end));
        up.bind(6, c.addressee);
        up.bind(7, c.ministryContact);
        bindDate(up, 8, c.personalDataRequestedOn);
        bindDate(up, 9, c.rosterConsentedOn);
        up.bind(10, c.reportMonths);
        up.bind(11, c.reportFiscalAlign ? "fiscal" : "contract");
        up.bind(12, c.reportDueDays);
        up.bind(13, c.incidentReportDays);
        up.bind(14, c.id);
        up.exec();
        audit.append("contract.set", "contract/" + std::to_string(c.id), contractJson(before), contractJson(c));
    });
}

std::vector<core::Contract> Registry::contracts() const
{
    return read("reading the contracts", [&]() -> std::vector<core::Contract> {
        SQLite::Statement q(VaultAccess::database(m_vault),
                            std::string("SELECT ") + kContractColumns + " FROM contract ORDER BY start_on, code");
        std::vector<core::Contract> out;
        while (q.executeStep())
            out.push_back(readContract(q));
        return out;
    });
}

core::Contract Registry::contract(const std::string& idOrCode) const
{
    return read("reading the contract", [&]() -> core::Contract {
        SQLite::Statement q(VaultAccess::database(m_vault), std::string("SELECT ") + kContractColumns +
                                                                " FROM contract WHERE code = ?1 OR CAST(id AS TEXT) = ?1");
        q.bind(1, idOrCode);
        if (!q.executeStep())
            throw Error(ErrorCode::NotFound, "there is no contract “" + idOrCode + "”", "contract",
                        "契約「" + idOrCode + "」はありません。",
                        Fix{"", "", "`meibo-cli contract list` shows the codes.",
                            "`meibo-cli contract list` で契約の記号を一覧できます。"});
        return readContract(q);
    });
}

// ---- subcontractors ---------------------------------------------------------------------------

std::int64_t Registry::addSubcontractor(const core::Subcontractor& sub)
{
    if (sub.name.empty())
        throw Error(ErrorCode::InvalidInput, "the subcontractor's name is required", "name",
                    "再委託先の名称を入力してください。");
    return write(m_vault, "saving the subcontractor", [&](SQLite::Database& db, AuditLog& audit) {
        if (subcontractorId(db, sub.name))
            throw Error(ErrorCode::AlreadyExists, "a subcontractor named “" + sub.name + "” already exists", "name",
                        "再委託先「" + sub.name + "」はすでに登録されています。");
        SQLite::Statement ins(db, "INSERT INTO subcontractor (name, address, representative, capital_officers, "
                                  "work_places) VALUES (?,?,?,?,?)");
        ins.bind(1, sub.name);
        ins.bind(2, sub.address);
        ins.bind(3, sub.representative);
        ins.bind(4, sub.capitalAndOfficers);
        ins.bind(5, sub.workPlaces);
        ins.exec();
        const std::int64_t id = db.getLastInsertRowid();
        audit.append("subcontractor.add", "subcontractor/" + std::to_string(id), nullptr,
                     {{"name", sub.name}, {"address", sub.address}, {"representative", sub.representative},
                      {"capital_officers", sub.capitalAndOfficers}, {"work_places", sub.workPlaces}});
        return id;
    });
}

std::vector<core::Subcontractor> Registry::subcontractors() const
{
    return read("reading the subcontractors", [&]() -> std::vector<core::Subcontractor> {
        SQLite::Statement q(VaultAccess::database(m_vault), "SELECT id, name, address, representative, capital_officers, "
                                                            "work_places FROM subcontractor ORDER BY name");
        std::vector<core::Subcontractor> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                           q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString()});
        return out;
    });
}

void Registry::linkSubcontractor(std::int64_t contractId, const std::string& name, std::optional<Date> from,
                                 std::optional<Date> to)
{
    validatePeriod(from, to);
    write(m_vault, "linking the subcontractor", [&](SQLite::Database& db, AuditLog& audit) {
        requireRosterOpen(db, contractId);
        const std::int64_t subId = requireSubcontractor(db, name);
        SQLite::Statement ins(db, "INSERT INTO contract_subcontractor (contract_id, subcontractor_id, valid_from, "
                                  "valid_to) VALUES (?,?,?,?)");
        ins.bind(1, contractId);
        ins.bind(2, subId);
        bindDate(ins, 3, from);
        bindDate(ins, 4, to);
        ins.exec();
        audit.append("contract.subcontractor.link", "contract/" + std::to_string(contractId), nullptr,
                     {{"subcontractor", name}, {"valid_from", dateJson(from)}, {"valid_to", dateJson(to)}});
    });
}

std::vector<core::SubcontractorLink> Registry::subcontractorLinks(std::int64_t contractId) const
{
    return read("reading the subcontractors of the contract", [&]() -> std::vector<core::SubcontractorLink> {
        SQLite::Statement q(VaultAccess::database(m_vault),
                            "SELECT s.name, l.valid_from, l.valid_to FROM contract_subcontractor l JOIN subcontractor s ON "
                            "s.id = l.subcontractor_id WHERE l.contract_id = ? ORDER BY s.name");
        q.bind(1, contractId);
        std::vector<core::SubcontractorLink> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), dateOf(q.getColumn(1)), dateOf(q.getColumn(2))});
        return out;
    });
}

// ---- people -----------------------------------------------------------------------------------

std::int64_t Registry::addPerson(const core::PersonData& given)
{
    core::PersonData p = given;
    validatePerson(p);
    return write(m_vault, "saving the person",
                 [&](SQLite::Database& db, AuditLog& audit) { return insertPerson(db, audit, p, "person.add"); });
}

void Registry::correctPerson(std::int64_t personId, const core::PersonData& given)
{
    core::PersonData p = given;
    validatePerson(p);
    write(m_vault, "saving the person", [&](SQLite::Database& db, AuditLog& audit) {
        writePersonRecord(db, audit, personId, p, std::nullopt, "person.edit");
    });
}

void Registry::changePerson(std::int64_t personId, const core::PersonData& given, const Date& from)
{
    core::PersonData p = given;
    validatePerson(p);
    write(m_vault, "saving the person", [&](SQLite::Database& db, AuditLog& audit) {
        writePersonRecord(db, audit, personId, p, from, "person.change");
    });
}

core::PersonData Registry::person(std::int64_t personId, std::optional<Date> asOf) const
{
    return read("reading the person's record", [&]() -> core::PersonData {
        auto v = versionOf(VaultAccess::database(m_vault), personId, asOf);
        if (!v)
            throw Error(ErrorCode::NotFound, "no person with id " + std::to_string(personId) +
                                                 (asOf ? " on " + core::formatIsoDate(*asOf) : std::string()),
                        "person",
                        (asOf ? core::formatIsoDate(*asOf) + " に" : std::string()) + "番号 " +
                            std::to_string(personId) + " の人は登録されていません。");
        return v->second;
    });
}

std::vector<std::pair<std::int64_t, core::PersonData>> Registry::people() const
{
    return read("reading the people", [&]() -> std::vector<std::pair<std::int64_t, core::PersonData>> {
        // Each person's latest version (as versionOf picks it), in one statement: a statement per
        // person cost the People view half a second at 5,000 people.
        SQLite::Statement q(VaultAccess::database(m_vault),
                            std::string("SELECT v.person_id, ") + personColumnsRead() +
                                " FROM person_version v LEFT JOIN subcontractor s ON s.id = v.subcontractor_id "
                                "WHERE v.id = (SELECT id FROM person_version WHERE person_id = v.person_id ORDER BY "
                                "coalesce(valid_from, '0000-00-00') DESC LIMIT 1) ORDER BY v.person_id");
        std::vector<std::pair<std::int64_t, core::PersonData>> out;
        while (q.executeStep())
            out.emplace_back(q.getColumn(0).getInt64(), readPerson(q, 1));
        return out;
    });
}

std::vector<PersonVersion> Registry::personVersions(std::int64_t personId) const
{
    return read("reading the person's history", [&]() -> std::vector<PersonVersion> {
        SQLite::Statement q(VaultAccess::database(m_vault),
                            std::string("SELECT v.valid_from, v.valid_to, ") + personColumnsRead() +
                                " FROM person_version v LEFT JOIN subcontractor s ON s.id = v.subcontractor_id "
                                "WHERE v.person_id = ? ORDER BY coalesce(v.valid_from, '0000-00-00'), v.id");
        q.bind(1, personId);
        std::vector<PersonVersion> out;
        while (q.executeStep())
            out.push_back({dateOf(q.getColumn(0)), dateOf(q.getColumn(1)), readPerson(q, 2)});
        if (out.empty())
            throw Error(ErrorCode::NotFound, "no person with id " + std::to_string(personId), "person",
                        "番号 " + std::to_string(personId) + " の人は登録されていません。");
        return out;
    });
}

std::vector<PersonAssignment> Registry::personAssignments(std::int64_t personId) const
{
    return read("reading the person's assignments", [&]() -> std::vector<PersonAssignment> {
        SQLite::Statement q(VaultAccess::database(m_vault),
                            "SELECT a.id, c.id, c.code, c.title, a.role, a.label, a.need, a.reports_to, a.valid_from, "
                            "a.valid_to FROM assignment a JOIN contract c ON c.id = a.contract_id WHERE a.person_id = ? "
                            "ORDER BY c.code, coalesce(a.valid_from, '0000-00-00'), a.id");
        q.bind(1, personId);
        std::vector<PersonAssignment> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                           q.getColumn(3).getString(), roleFromId(q.getColumn(4).getString()),
                           q.getColumn(5).getString(), q.getColumn(6).getString(), q.getColumn(7).getString(),
                           dateOf(q.getColumn(8)), dateOf(q.getColumn(9))});
        return out;
    });
}

std::int64_t Registry::addQualification(const core::Qualification& q)
{
    if (q.name.empty())
        throw Error(ErrorCode::InvalidInput, "what the qualification or training is, is required", "name",
                    "資格または研修の名称を入力してください。");
    return write(m_vault, "saving the qualification", [&](SQLite::Database& db, AuditLog& audit) {
        if (!versionOf(db, q.personId, std::nullopt))
            throw Error(ErrorCode::NotFound, "no person with id " + std::to_string(q.personId), "person",
                        "番号 " + std::to_string(q.personId) + " の人は登録されていません。");
        SQLite::Statement ins(db, "INSERT INTO qualification (person_id, training, name, obtained_on, issuer) VALUES "
                                  "(?,?,?,?,?)");
        ins.bind(1, q.personId);
        ins.bind(2, q.training ? 1 : 0);
        ins.bind(3, q.name);
        bindDate(ins, 4, q.on);
        ins.bind(5, q.issuer);
        ins.exec();
        const std::int64_t id = db.getLastInsertRowid();
        audit.append("qualification.add", "person/" + std::to_string(q.personId), nullptr,
                     {{"training", q.training}, {"name", q.name}, {"on", dateJson(q.on)}, {"issuer", q.issuer}});
        return id;
    });
}

std::vector<core::Qualification> Registry::qualifications(std::int64_t personId) const
{
    return read("reading the qualifications", [&]() -> std::vector<core::Qualification> {
        SQLite::Statement q(VaultAccess::database(m_vault), "SELECT id, person_id, training, name, obtained_on, issuer FROM "
                                                            "qualification WHERE person_id = ? ORDER BY obtained_on, id");
        q.bind(1, personId);
        std::vector<core::Qualification> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt() != 0,
                           q.getColumn(3).getString(), dateOf(q.getColumn(4)), q.getColumn(5).getString()});
        return out;
    });
}

std::vector<core::Qualification> Registry::contractTrainings(std::int64_t contractId) const
{
    return read("reading the trainings", [&]() -> std::vector<core::Qualification> {
        SQLite::Statement q(VaultAccess::database(m_vault),
                            "SELECT id, person_id, training, name, obtained_on, issuer FROM qualification WHERE "
                            "training <> 0 AND person_id IN (SELECT person_id FROM assignment WHERE contract_id = ?) "
                            "ORDER BY person_id, obtained_on, id");
        q.bind(1, contractId);
        std::vector<core::Qualification> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt() != 0,
                           q.getColumn(3).getString(), dateOf(q.getColumn(4)), q.getColumn(5).getString()});
        return out;
    });
}

// ---- assignments and the roster ---------------------------------------------------------------

std::int64_t Registry::assign(std::int64_t contractId, std::int64_t personId, core::Role role, const std::string& label,
                              const std::string& need, const std::string& reportsTo, std::optional<Date> from,
                              std::optional<Date> to)
{
    auto l = core::normalizeLabel(label);
    if (!l)
        throw Error(ErrorCode::InvalidInput, "“" + label + "” is not a label: use A, B, C …", "label",
                    "「" + label + "」は記号として使えません。A、B、C … のように付けてください。");
    std::string up;
    if (!reportsTo.empty()) {
        auto r = core::normalizeLabel(reportsTo);
        if (!r || *r == *l)
            throw Error(ErrorCode::InvalidInput, "“" + reportsTo + "” is not the label of someone else to report to",
                        "reports_to", "報告先「" + reportsTo + "」は他の人の記号ではありません。");
        up = *r;
    }
    validatePeriod(from, to);
    return write(m_vault, "saving the assignment", [&](SQLite::Database& db, AuditLog& audit) {
        if (!versionOf(db, personId, std::nullopt))
            throw Error(ErrorCode::NotFound, "no person with id " + std::to_string(personId), "person",
                        "番号 " + std::to_string(personId) + " の人は登録されていません。");
        requireRosterOpen(db, contractId);
        SQLite::Statement ins(db, "INSERT INTO assignment (contract_id, person_id, role, label, need, reports_to, "
                                  "valid_from, valid_to) VALUES (?,?,?,?,?,?,?,?)");
        ins.bind(1, contractId);
        ins.bind(2, personId);
        ins.bind(3, core::roleId(role));
        ins.bind(4, *l);
        ins.bind(5, need);
        ins.bind(6, up);
        bindDate(ins, 7, from);
        bindDate(ins, 8, to);
        ins.exec();
        const std::int64_t id = db.getLastInsertRowid();
        if (auto clash = firstClash(db, contractId))
            throw Error(ErrorCode::InvalidInput, clash->message, "label", clash->messageJa);
        audit.append("assignment.add", "contract/" + std::to_string(contractId) + "/assignment/" + std::to_string(id),
                     nullptr,
                     {{"person", personId}, {"role", core::roleName(role)}, {"label", *l}, {"need", need},
                      {"reports_to", up}, {"valid_from", dateJson(from)}, {"valid_to", dateJson(to)}});
        return id;
    });
}

void Registry::endAssignment(std::int64_t contractId, const std::string& label, const Date& lastDay)
{
    auto l = core::normalizeLabel(label);
    if (!l)
        throw Error(ErrorCode::InvalidInput, "“" + label + "” is not a label", "label",
                    "「" + label + "」は記号として使えません。");
    write(m_vault, "ending the assignment", [&](SQLite::Database& db, AuditLog& audit) {
        requireRosterOpen(db, contractId);
        SQLite::Statement q(db, "SELECT id, valid_from, valid_to FROM assignment WHERE contract_id = ? AND label = ? AND "
                                "coalesce(valid_from, '0000-00-00') <= ? AND (valid_to IS NULL OR valid_to >= ?) "
                                "ORDER BY coalesce(valid_from, '0000-00-00') DESC LIMIT 1");
        const std::string day = core::formatIsoDate(lastDay);
        q.bind(1, contractId);
        q.bind(2, *l);
        q.bind(3, day);
        q.bind(4, day);
        if (!q.executeStep())
            throw Error(ErrorCode::NotFound, "nobody with label " + *l + " is on the roster on " + day, "label",
                        day + " の名簿に記号 " + *l + " の人はいません。");
        const std::int64_t id = q.getColumn(0).getInt64();
        const auto before = dateOf(q.getColumn(2));
        SQLite::Statement up(db, "UPDATE assignment SET valid_to = ? WHERE id = ?");
        up.bind(1, day);
        up.bind(2, id);
        up.exec();
        audit.append("assignment.end", "contract/" + std::to_string(contractId) + "/assignment/" + std::to_string(id),
                     {{"valid_to", dateJson(before)}}, {{"valid_to", day}});
    });
}

std::vector<core::RosterEntry> Registry::roster(std::int64_t contractId, const Date& asOf) const
{
    return read("reading the roster", [&]() -> std::vector<core::RosterEntry> {
        return rosterOn(VaultAccess::database(m_vault), contractId, asOf);
    });
}

std::vector<core::RosterEntry> Registry::assignments(std::int64_t contractId) const
{
    return read("reading the roster", [&]() -> std::vector<core::RosterEntry> {
        SQLite::Statement q(
            VaultAccess::database(m_vault),
            std::string("SELECT a.id, a.person_id, a.label, a.role, a.need, a.reports_to, a.valid_from, a.valid_to, "
                        "(SELECT count(*) FROM qualification q WHERE q.person_id = a.person_id), ") +
                personColumnsRead() +
                " FROM assignment a JOIN person_version v ON v.id = (SELECT id FROM person_version WHERE person_id = "
                "a.person_id ORDER BY coalesce(valid_from, '0000-00-00') DESC LIMIT 1) LEFT JOIN subcontractor s ON s.id "
                "= v.subcontractor_id WHERE a.contract_id = ?1 ORDER BY coalesce(a.valid_from, '0000-00-00'), " +
                kRoleOrder + ", a.label");
        q.bind(1, contractId);
        return readEntries(q);
    });
}

namespace {

/// The audit actions of one way into the roster (an import, the GUI's dialog).
struct RowActions {
    const char* newPerson;
    const char* person;
    const char* add;
    const char* update;
    /// The row says everything (a dialog): an empty value clears. An import never erases.
    bool exact = false;
};

struct RowOutcome {
    std::int64_t assignmentId = 0;
    bool added = false;
    bool newPerson = false;
};

/// Puts one row onto a contract's roster inside the caller's transaction: the identity rule says
/// who the row is, the person's record is corrected through the history rule (an empty value never
/// erases), and their assignment with the label is added or updated.
RowOutcome placeRow(SQLite::Database& db, AuditLog& audit, std::int64_t contractId, const std::string& code,
                    const core::ImportRow& row, bool linkExisting, const RowActions& actions)
{
    RowOutcome out;
    const std::string where = row.line > 0 ? "line " + std::to_string(row.line) : "the dialog";
    json context = {{"contract", code}, {"label", row.label}};
    if (row.line > 0)
        context["line"] = row.line; // an import's row; a dialog has none
    // The subcontractor: known by name, created and linked to the contract when new.
    if (!row.person.organization.empty()) {
        auto subId = subcontractorId(db, row.person.organization);
        if (!subId) {
            SQLite::Statement ins(db, "INSERT INTO subcontractor (name) VALUES (?)");
            ins.bind(1, row.person.organization);
            ins.exec();
            subId = db.getLastInsertRowid();
            audit.append("subcontractor.add", "subcontractor/" + std::to_string(*subId), nullptr,
                         {{"name", row.person.organization}, {"from", where}});
        }
        SQLite::Statement linked(db, "SELECT 1 FROM contract_subcontractor WHERE contract_id = ? AND "
                                     "subcontractor_id = ?");
        linked.bind(1, contractId);
        linked.bind(2, *subId);
        if (!linked.executeStep()) {
            SQLite::Statement link(db, "INSERT INTO contract_subcontractor (contract_id, subcontractor_id, "
                                       "valid_from) VALUES (?,?,?)");
            link.bind(1, contractId);
            link.bind(2, *subId);
            bindDate(link, 3, row.validFrom);
            link.exec();
            audit.append("contract.subcontractor.link", "contract/" + std::to_string(contractId), nullptr,
                         {{"subcontractor", row.person.organization}, {"valid_from", dateJson(row.validFrom)}});
        }
    }
    // Who the row is (core::identify): refused rather than guessed.
    const core::Identity who = core::identify(row, identityCandidates(db, contractId, row), linkExisting, code);
    std::int64_t personId = who.personId;
    if (who.isNew) {
        personId = insertPerson(db, audit, row.person, actions.newPerson, context);
        out.newPerson = true;
    } else {
        // An empty cell never erases; what differs is a correction, refused where an agreed
        // roster showed the old record.
        const core::PersonData current = versionOf(db, personId, std::nullopt)->second;
        writePersonRecord(db, audit, personId, actions.exact ? row.person : core::mergePerson(current, row.person),
                          std::nullopt,
                          actions.person, std::nullopt, context);
    }
    // This person's assignment with the label over an overlapping period is updated in place.
    SQLite::Statement existing(
        db, "SELECT id, role, need, reports_to, valid_from, valid_to FROM assignment WHERE contract_id = ? AND "
            "label = ? AND person_id = ? AND coalesce(valid_from, '0000-00-00') <= coalesce(?, '9999-99-99') "
            "AND coalesce(?, '0000-00-00') <= coalesce(valid_to, '9999-99-99') LIMIT 1");
    existing.bind(1, contractId);
    existing.bind(2, row.label);
    existing.bind(3, personId);
    bindDate(existing, 4, row.validTo);
    bindDate(existing, 5, row.validFrom);
    if (existing.executeStep()) {
        const std::int64_t id = existing.getColumn(0).getInt64();
        // Columns the file has, with a value, replace what the registry holds; the rest stays.
        auto keep = [&](const std::string& given, int column) {
            return !given.empty() || actions.exact ? given : existing.getColumn(column).getString();
        };
        const std::string role = core::roleId(row.role);
        const std::string need = keep(row.need, 2);
        const std::string reportsTo = keep(row.reportsTo, 3);
        const auto from = row.validFrom ? row.validFrom : dateOf(existing.getColumn(4));
        const auto to = row.validTo ? row.validTo : dateOf(existing.getColumn(5));
        const json before = {{"role", existing.getColumn(1).getString()}, {"need", existing.getColumn(2).getString()},
                             {"reports_to", existing.getColumn(3).getString()},
                             {"valid_from", dateJson(dateOf(existing.getColumn(4)))},
                             {"valid_to", dateJson(dateOf(existing.getColumn(5)))}};
        const json after = {{"role", role}, {"need", need}, {"reports_to", reportsTo},
                            {"valid_from", dateJson(from)}, {"valid_to", dateJson(to)}};
        out.assignmentId = id;
        if (before != after) {
            SQLite::Statement up(db, "UPDATE assignment SET role = ?, need = ?, reports_to = ?, valid_from = ?, "
                                     "valid_to = ? WHERE id = ?");
            up.bind(1, role);
            up.bind(2, need);
            up.bind(3, reportsTo);
            bindDate(up, 4, from);
            bindDate(up, 5, to);
            up.bind(6, id);
            up.exec();
            json withLine = after;
            if (row.line > 0)
                withLine["line"] = row.line;
            audit.append(actions.update, "contract/" + std::to_string(contractId) + "/assignment/" +
                                              std::to_string(id),
                         before, withLine);
        }
        return out;
    }
    SQLite::Statement ins(db, "INSERT INTO assignment (contract_id, person_id, role, label, need, reports_to, "
                              "valid_from, valid_to) VALUES (?,?,?,?,?,?,?,?)");
    ins.bind(1, contractId);
    ins.bind(2, personId);
    ins.bind(3, core::roleId(row.role));
    ins.bind(4, row.label);
    ins.bind(5, row.need);
    ins.bind(6, row.reportsTo);
    bindDate(ins, 7, row.validFrom);
    bindDate(ins, 8, row.validTo);
    ins.exec();
    const std::int64_t id = db.getLastInsertRowid();
    out.assignmentId = id;
    json added = {{"person", personId},
                  {"role", core::roleName(row.role)},
                  {"label", row.label},
                  {"need", row.need},
                  {"reports_to", row.reportsTo},
                  {"valid_from", dateJson(row.validFrom)},
                  {"valid_to", dateJson(row.validTo)},
                  {"new_person", out.newPerson && !actions.newPerson ? personJson(row.person) : json(nullptr)}};
    if (row.line > 0)
        added["line"] = row.line;
    audit.append(actions.add, "contract/" + std::to_string(contractId) + "/assignment/" + std::to_string(id), nullptr,
                 added);
    out.added = true;
    return out;
}

} // namespace

Registry::ImportResult Registry::importRoster(std::int64_t contractId, const core::RosterImport& parsed,
                                              bool linkExisting)
{
    if (!parsed.issues.empty())
        throw Error(ErrorCode::InvalidInput,
                    "the roster CSV has " + std::to_string(parsed.issues.size()) +
                        " problem(s); nothing was imported:\n" + core::formatIssues(parsed.issues),
                    "line " + std::to_string(parsed.issues.front().line),
                    "名簿の CSV に " + std::to_string(parsed.issues.size()) + " 件の問題があるため、何も取り込んでいません。\n" +
                        core::formatIssues(parsed.issues, true));
    return write(m_vault, "importing the roster", [&](SQLite::Database& db, AuditLog& audit) {
        requireRosterOpen(db, contractId);
        const std::string code = loadContract(db, contractId).code;
        ImportResult result;
        std::map<std::int64_t, int> lineOf; // assignment id -> CSV line
        for (const core::ImportRow& row : parsed.rows) {
            RowOutcome o;
            try {
                o = placeRow(db, audit, contractId, code, row, linkExisting,
                             {nullptr, "import.person", "import.add", "import.update"});
            } catch (const Error& e) {
                throw Error(e.code(), std::string(e.what()) + "; nothing was imported", e.where(),
                            e.messageJa().empty() ? std::string() : e.messageJa() + "（何も取り込んでいません）");
            }
            lineOf[o.assignmentId] = row.line;
            (o.added ? result.added : result.updated) += 1;
            result.people += o.newPerson ? 1 : 0;
        }
        if (auto clash = firstClash(db, contractId)) {
            const auto line = lineOf.find(clash->id);
            throw Error(ErrorCode::InvalidInput,
                        (line != lineOf.end() ? "line " + std::to_string(line->second) + ", column label: " : "") +
                            clash->message + "; nothing was imported",
                        line != lineOf.end() ? "line " + std::to_string(line->second) : "label",
                        (line != lineOf.end() ? std::to_string(line->second) + " 行目の記号：" : std::string()) +
                            clash->messageJa + "何も取り込んでいません。");
        }
        return result;
    });
}

std::int64_t Registry::saveRosterRow(std::int64_t contractId, const core::ImportRow& given, bool linkExisting)
{
    core::ImportRow row = given;
    row.line = 0;
    validatePerson(row.person);
    validatePeriod(row.validFrom, row.validTo);
    return write(m_vault, "saving the person", [&](SQLite::Database& db, AuditLog& audit) {
        requireRosterOpen(db, contractId);
        const std::string code = loadContract(db, contractId).code;
        const RowOutcome o = placeRow(db, audit, contractId, code, row, linkExisting,
                                      {"person.add", "person.edit", "assignment.add", "assignment.edit", true});
        if (auto clash = firstClash(db, contractId))
            throw Error(ErrorCode::InvalidInput, clash->message, "label", clash->messageJa);
        return o.assignmentId;
    });
}

core::RosterFacts Registry::facts(std::int64_t contractId, const Date& asOf) const
{
    return read("reading the roster", [&]() -> core::RosterFacts {
        core::RosterFacts f;
        f.contract = contract(std::to_string(contractId));
        f.asOf = asOf;
        f.roster = roster(contractId, asOf);
        f.assignments = assignments(contractId);
        f.subcontractors = subcontractorLinks(contractId);
        return f;
    });
}

void Registry::setSigningIdentity(const StoredIdentity& id)
{
    if (id.certificatePem.empty() || id.privateKeyPem.empty())
        throw Error(ErrorCode::InvalidInput, "a signing identity needs a certificate and its private key", "",
                    "署名には証明書とその秘密鍵の両方が必要です。");
    write(m_vault, "saving the signing certificate", [&](SQLite::Database& db, AuditLog& audit) {
        SQLite::Statement up(db, "INSERT INTO signing_identity (id, certificate_pem, private_key_pem, signer, source, "
                                 "stored_at) VALUES (1, ?, ?, ?, ?, datetime('now')) ON CONFLICT (id) DO UPDATE SET "
                                 "certificate_pem = excluded.certificate_pem, private_key_pem = excluded.private_key_pem, "
                                 "signer = excluded.signer, source = excluded.source, stored_at = excluded.stored_at");
        up.bind(1, id.certificatePem);
        up.bind(2, id.privateKeyPem);
        up.bind(3, id.signer);
        up.bind(4, id.source);
        up.exec();
        // The audit records whose certificate signs, never the key.
        audit.append("signing.set", "signing_identity", nullptr,
                     {{"signer", id.signer}, {"source", id.source}, {"certificate", id.certificatePem}});
    });
}

std::optional<StoredIdentity> Registry::signingIdentity() const
{
    return read("reading the signing certificate", [&]() -> std::optional<StoredIdentity> {
        SQLite::Statement q(VaultAccess::database(m_vault),
                            "SELECT certificate_pem, private_key_pem, signer, source FROM signing_identity WHERE id = 1");
        if (!q.executeStep())
            return std::nullopt;
        return StoredIdentity{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                              q.getColumn(3).getString()};
    });
}

std::string Registry::auditHead() const { return auditHeadOf(VaultAccess::database(m_vault)); }

Registry::AuditCheck Registry::verifyAudit() const
{
    return read("checking the audit log", [&]() -> Registry::AuditCheck {
        const auto v = AuditLog::verify(VaultAccess::database(m_vault), VaultAccess::auditKey(m_vault));
        return {v.ok, v.entries, v.problem};
    });
}

void Registry::recordInspection(const std::vector<std::string>& paths, int files, int unreadable,
                                const std::map<std::string, int>& findingsByRule)
{
    write(m_vault, "recording the inspection", [&](SQLite::Database&, AuditLog& audit) {
        int findings = 0;
        for (const auto& [rule, n] : findingsByRule)
            findings += n;
        audit.append("inspect.run", "inspection", nullptr,
                     {{"paths", paths}, {"files", files}, {"unreadable", unreadable}, {"findings", findings},
                      {"by_rule", findingsByRule}});
    });
}

std::vector<AuditEntry> Registry::auditEntries(std::int64_t limit) const
{
    return read("reading the audit log", [&]() -> std::vector<AuditEntry> {
        SQLite::Statement q(VaultAccess::database(m_vault),
                            "SELECT seq, at, officer, os_user, key_slot, action, entity, coalesce(before, ''), "
                            "coalesce(after, '') FROM audit_log ORDER BY seq DESC LIMIT ?");
        q.bind(1, limit);
        std::vector<AuditEntry> out;
        while (q.executeStep())
            out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                           q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                           q.getColumn(6).getString(), q.getColumn(7).getString(), q.getColumn(8).getString()});
        std::reverse(out.begin(), out.end());
        return out;
    });
}

} // namespace meibo::db
