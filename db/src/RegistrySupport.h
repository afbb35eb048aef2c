#pragma once

// Helpers shared by the registry's stores (Registry.cpp, ChangeSets.cpp): binding dates, reading
// people and roster rows, the one-transaction write with its audit entry. Private to db/.

#include "AuditLog.h"
#include "EncryptingVfs.h"
#include "VaultAccess.h"

#include "meibo/core/Error.h"
#include "meibo/core/Model.h"
#include "meibo/core/Report.h"
#include "meibo/core/Vocabulary.h"
#include "meibo/db/Vault.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <pwd.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace meibo::db::detail {

using core::Date;
using core::Error;
using core::ErrorCode;
using nlohmann::json;

inline std::string osUser()
{
    const passwd* pw = ::getpwuid(::getuid());
    return pw ? pw->pw_name : std::to_string(::getuid());
}

inline std::optional<Date> dateOf(const SQLite::Column& c)
{
    if (c.isNull())
        return std::nullopt;
    return core::parseIsoDate(c.getString());
}

inline void bindDate(SQLite::Statement& s, int index, const std::optional<Date>& d)
{
    if (d)
        s.bind(index, core::formatIsoDate(*d));
    else
        s.bind(index);
}

inline json dateJson(const std::optional<Date>& d) { return d ? json(core::formatIsoDate(*d)) : json(nullptr); }

inline json personJson(const core::PersonData& p)
{
    return {{"name", p.name},
            {"name_kana", p.nameKana},
            {"address", p.address},
            {"birth_date", dateJson(p.birthDate)},
            {"department", p.department},
            {"title", p.title},
            {"nationality", p.nationality},
            {"residence_status", p.residenceStatus ? json(core::residenceStatusName(*p.residenceStatus)) : json(nullptr)},
            {"passport_no", p.passportNo},
            {"organization", p.organization},
            {"track_record", p.trackRecord}};
}

inline json contractJson(const core::Contract& c)
{
    return {{"code", c.code},
            {"title", c.title},
            {"signed", dateJson(c.signedOn)},
            {"start", core::formatIsoDate(c.start)},
            {"end", core::formatIsoDate(c.end)},
            {"addressee", c.addressee},
            {"ministry_contact", c.ministryContact},
            {"personal_data_requested", dateJson(c.personalDataRequestedOn)},
            {"roster_consented", dateJson(c.rosterConsentedOn)},
            {"report_months", c.reportMonths},
            {"report_align", c.reportFiscalAlign ? "fiscal" : "contract"},
            {"report_due_days", c.reportDueDays},
            {"incident_report_days", c.incidentReportDays}};
}

inline core::Role roleFromId(const std::string& id)
{
    for (core::Role r : {core::Role::Responsible, core::Role::Manager, core::Role::Worker, core::Role::Subcontractor})
        if (id == core::roleId(r))
            return r;
    return core::Role::Worker;
}

/// Normalizes and checks the fields that have a shape; throws naming the first bad field.
inline void validatePerson(core::PersonData& p)
{
    if (p.name.empty())
        throw Error(ErrorCode::InvalidInput, "name: the person's full name (氏名) is required", "name");
    if (!p.nationality.empty()) {
        auto code = core::normalizeCountry(p.nationality);
        if (!code)
            throw Error(ErrorCode::InvalidInput,
                        "nationality: “" + p.nationality + "” is not an ISO 3166 country code (JP, US … or JPN, USA …)",
                        "nationality");
        p.nationality = *code;
    }
    if (!p.passportNo.empty()) {
        auto passport = core::normalizePassport(p.passportNo);
        if (!passport)
            throw Error(ErrorCode::InvalidInput,
                        "passport_no: “" + p.passportNo + "” is not a plausible passport number (6–12 letters and digits)",
                        "passport_no");
        p.passportNo = *passport;
    }
    if (p.birthDate && *p.birthDate >= core::todayLocal())
        throw Error(ErrorCode::InvalidInput, "birth_date: a date of birth must lie in the past", "birth_date");
}

inline void validatePeriod(const std::optional<Date>& from, const std::optional<Date>& to)
{
    if (from && to && *to < *from)
        throw Error(ErrorCode::InvalidInput,
                    "valid_to (" + core::formatIsoDate(*to) + ") is before valid_from (" + core::formatIsoDate(*from) + ")",
                    "valid_to");
}

inline const char* kOverlap = "coalesce(a.valid_from, '0000-00-00') <= coalesce(b.valid_to, '9999-99-99') AND "
                       "coalesce(b.valid_from, '0000-00-00') <= coalesce(a.valid_to, '9999-99-99')";

/// The first clash on a contract's roster: a label used twice at once, or a person on it twice at
/// once. Returns the assignment ids involved and a sentence.
inline std::optional<std::pair<std::int64_t, std::string>> firstClash(SQLite::Database& db, std::int64_t contractId)
{
    SQLite::Statement labels(db, std::string("SELECT a.id, b.id, a.label FROM assignment a JOIN assignment b ON "
                                             "a.contract_id = b.contract_id AND a.id < b.id AND a.label = b.label AND ") +
                                     kOverlap + " WHERE a.contract_id = ? LIMIT 1");
    labels.bind(1, contractId);
    if (labels.executeStep())
        return std::make_pair(labels.getColumn(1).getInt64(),
                              "label " + labels.getColumn(2).getString() +
                                  " is used by two people at the same time; each person needs their own label");
    SQLite::Statement people(db, std::string("SELECT a.id, b.id, a.label, b.label FROM assignment a JOIN assignment b "
                                             "ON a.contract_id = b.contract_id AND a.id < b.id AND a.person_id = "
                                             "b.person_id AND ") +
                                     kOverlap + " WHERE a.contract_id = ? LIMIT 1");
    people.bind(1, contractId);
    if (people.executeStep())
        return std::make_pair(people.getColumn(1).getInt64(),
                              "the same person would be on the roster twice at the same time (labels " +
                                  people.getColumn(2).getString() + " and " + people.getColumn(3).getString() +
                                  "); end one assignment before the other begins");
    return std::nullopt;
}

/// Runs `fn` as one write: the day's backup check, one transaction, the audit log beside it.
template <typename Fn>
inline auto write(Vault& vault, const char* doing, Fn&& fn)
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

inline std::optional<std::int64_t> subcontractorId(SQLite::Database& db, const std::string& name)
{
    SQLite::Statement q(db, "SELECT id FROM subcontractor WHERE name = ?");
    q.bind(1, name);
    if (q.executeStep())
        return q.getColumn(0).getInt64();
    return std::nullopt;
}

inline std::int64_t requireSubcontractor(SQLite::Database& db, const std::string& name)
{
    if (auto id = subcontractorId(db, name))
        return *id;
    throw Error(ErrorCode::NotFound,
                "organization: “" + name + "” is not a known subcontractor; add it first with `meibo-cli subcontractor "
                                           "add --name …`",
                "organization");
}

/// Binds a person record to parameters 1–11, in the column order of person_version.
inline void bindPerson(SQLite::Statement& s, const core::PersonData& p, std::optional<std::int64_t> subId)
{
    s.bind(1, p.name);
    s.bind(2, p.nameKana);
    s.bind(3, p.address);
    bindDate(s, 4, p.birthDate);
    s.bind(5, p.department);
    s.bind(6, p.title);
    s.bind(7, p.nationality);
    if (p.residenceStatus)
        s.bind(8, core::residenceStatusName(*p.residenceStatus));
    else
        s.bind(8);
    s.bind(9, p.passportNo);
    if (subId)
        s.bind(10, *subId);
    else
        s.bind(10);
    s.bind(11, p.trackRecord);
}

inline void insertVersion(SQLite::Database& db, std::int64_t personId, const core::PersonData& p, std::optional<Date> from,
                   std::optional<Date> to, std::optional<std::int64_t> subId)
{
    SQLite::Statement ins(db, "INSERT INTO person_version (name, name_kana, address, birth_date, department, title, "
                              "nationality, residence_status, passport_no, subcontractor_id, track_record, person_id, "
                              "valid_from, valid_to) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    bindPerson(ins, p, subId);
    ins.bind(12, personId);
    bindDate(ins, 13, from);
    bindDate(ins, 14, to);
    ins.exec();
}

inline void updateVersion(SQLite::Database& db, std::int64_t versionId, const core::PersonData& p,
                          std::optional<std::int64_t> subId)
{
    SQLite::Statement up(db, "UPDATE person_version SET name = ?, name_kana = ?, address = ?, birth_date = ?, "
                             "department = ?, title = ?, nationality = ?, residence_status = ?, passport_no = ?, "
                             "subcontractor_id = ?, track_record = ? WHERE id = ?");
    bindPerson(up, p, subId);
    up.bind(12, versionId);
    up.exec();
}

inline const char* kPersonColumns = "v.name, v.name_kana, v.address, v.birth_date, v.department, v.title, v.nationality, "
                             "v.residence_status, v.passport_no, coalesce(s.name, ''), v.track_record";

inline core::PersonData readPerson(SQLite::Statement& q, int first)
{
    core::PersonData p;
    p.name = q.getColumn(first).getString();
    p.nameKana = q.getColumn(first + 1).getString();
    p.address = q.getColumn(first + 2).getString();
    p.birthDate = dateOf(q.getColumn(first + 3));
    p.department = q.getColumn(first + 4).getString();
    p.title = q.getColumn(first + 5).getString();
    p.nationality = q.getColumn(first + 6).getString();
    if (!q.getColumn(first + 7).isNull())
        p.residenceStatus = core::parseResidenceStatus(q.getColumn(first + 7).getString());
    p.passportNo = q.getColumn(first + 8).getString();
    p.organization = q.getColumn(first + 9).getString();
    p.trackRecord = q.getColumn(first + 10).getString();
    return p;
}

/// The version of a person's record in force on `asOf` (the latest one when no date is given).
inline std::optional<std::pair<std::int64_t, core::PersonData>> versionOf(SQLite::Database& db, std::int64_t personId,
                                                                   std::optional<Date> asOf)
{
    // Without a day: the latest version (the open-ended one sorts last by valid_from).
    const std::string sql = std::string("SELECT v.id, ") + kPersonColumns +
                            " FROM person_version v LEFT JOIN subcontractor s ON s.id = v.subcontractor_id "
                            "WHERE v.person_id = ?1" +
                            (asOf ? " AND coalesce(v.valid_from, '0000-00-00') <= ?2 AND "
                                    "coalesce(v.valid_to, '9999-99-99') >= ?2"
                                  : "") +
                            " ORDER BY coalesce(v.valid_from, '0000-00-00') DESC LIMIT 1";
    SQLite::Statement q(db, sql);
    q.bind(1, personId);
    if (asOf)
        q.bind(2, core::formatIsoDate(*asOf));
    if (!q.executeStep())
        return std::nullopt;
    return std::make_pair(q.getColumn(0).getInt64(), readPerson(q, 1));
}

inline std::vector<core::RosterEntry> readEntries(SQLite::Statement& q)
{
    std::vector<core::RosterEntry> out;
    while (q.executeStep()) {
        core::RosterEntry e;
        e.assignmentId = q.getColumn(0).getInt64();
        e.personId = q.getColumn(1).getInt64();
        e.label = q.getColumn(2).getString();
        e.role = roleFromId(q.getColumn(3).getString());
        e.need = q.getColumn(4).getString();
        e.reportsTo = q.getColumn(5).getString();
        e.validFrom = dateOf(q.getColumn(6));
        e.validTo = dateOf(q.getColumn(7));
        e.qualifications = q.getColumn(8).getInt();
        e.person = readPerson(q, 9);
        out.push_back(std::move(e));
    }
    return out;
}

inline bool has(const std::vector<std::string>& columns, const char* name)
{
    return std::find(columns.begin(), columns.end(), name) != columns.end();
}

/// The registry's record with the fields the CSV has columns for taken from the CSV.
inline core::PersonData mergePresent(const core::PersonData& current, const core::PersonData& csv,
                              const std::vector<std::string>& columns)
{
    core::PersonData out = current;
    out.name = csv.name;
    if (has(columns, "name_kana")) out.nameKana = csv.nameKana;
    if (has(columns, "address")) out.address = csv.address;
    if (has(columns, "birth_date")) out.birthDate = csv.birthDate;
    if (has(columns, "department")) out.department = csv.department;
    if (has(columns, "title")) out.title = csv.title;
    if (has(columns, "nationality")) out.nationality = csv.nationality;
    if (has(columns, "residence_status")) out.residenceStatus = csv.residenceStatus;
    if (has(columns, "passport_no")) out.passportNo = csv.passportNo;
    if (has(columns, "organization")) out.organization = csv.organization;
    if (has(columns, "track_record")) out.trackRecord = csv.trackRecord;
    return out;
}

inline const char* kRoleOrder = "CASE a.role WHEN 'responsible' THEN 0 WHEN 'manager' THEN 1 WHEN 'worker' THEN 2 ELSE 3 END";

inline core::Contract readContract(SQLite::Statement& q)
{
    core::Contract c;
    c.id = q.getColumn(0).getInt64();
    c.code = q.getColumn(1).getString();
    c.title = q.getColumn(2).getString();
    c.signedOn = dateOf(q.getColumn(3));
    c.start = *dateOf(q.getColumn(4));
    c.end = *dateOf(q.getColumn(5));
    c.addressee = q.getColumn(6).getString();
    c.ministryContact = q.getColumn(7).getString();
    c.personalDataRequestedOn = dateOf(q.getColumn(8));
    c.rosterConsentedOn = dateOf(q.getColumn(9));
    c.reportMonths = q.getColumn(10).getInt();
    c.reportFiscalAlign = q.getColumn(11).getString() == "fiscal";
    c.reportDueDays = q.getColumn(12).getInt();
    c.incidentReportDays = q.getColumn(13).getInt();
    return c;
}

inline const char* kContractColumns = "id, code, title, signed_on, start_on, end_on, addressee, ministry_contact, "
                               "personal_data_requested_on, roster_consented_on, report_months, report_align, "
                                      "report_due_days, incident_report_days";

inline void validateContract(const core::Contract& c)
{
    if (c.code.empty() || c.code.size() > 32)
        throw Error(ErrorCode::InvalidInput, "code: a contract needs a short code of 1–32 characters (e.g. METI-2026-01)",
                    "code");
    bool digitsOnly = true;
    for (char ch : c.code) {
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '_' && ch != '.')
            throw Error(ErrorCode::InvalidInput,
                        "code: “" + c.code + "” may use only letters, digits, '-', '_' and '.'", "code");
        digitsOnly = digitsOnly && std::isdigit(static_cast<unsigned char>(ch));
    }
    if (digitsOnly)
        throw Error(ErrorCode::InvalidInput, "code: a code of digits only would be mistaken for a contract's id", "code");
    if (c.title.empty())
        throw Error(ErrorCode::InvalidInput, "title: the contract title (契約件名) is required", "title");
    if (c.incidentReportDays < 0 || c.incidentReportDays > 30)
        throw Error(ErrorCode::InvalidInput, "incident-report-days: give 0–30 days", "incident-report-days");
    (void)core::reportSchedule(c); // checks the settings
    if (c.end < c.start)
        throw Error(ErrorCode::InvalidInput, "end (" + core::formatIsoDate(c.end) + ") is before start (" +
                                                 core::formatIsoDate(c.start) + ")",
                    "end");
}


/// "seq:hash" of the last audit entry, shortened to the first 16 hex digits of the hash (enough to
/// name the state; printed on documents), or "" for an empty log.
inline std::string auditHeadOf(SQLite::Database& db)
{
    SQLite::Statement q(db, "SELECT value FROM meta WHERE key = 'audit_head'");
    if (!q.executeStep())
        return {};
    const std::string head = q.getColumn(0).getString();
    const auto colon = head.find(':');
    return colon == std::string::npos ? head : head.substr(0, colon + 17);
}

inline core::Contract loadContract(SQLite::Database& db, std::int64_t contractId)
{
    SQLite::Statement q(db, std::string("SELECT ") + kContractColumns + " FROM contract WHERE id = ?");
    q.bind(1, contractId);
    if (!q.executeStep())
        throw Error(ErrorCode::NotFound, "no contract with id " + std::to_string(contractId), "contract");
    return readContract(q);
}

/// Once the ministry has agreed to a contract's roster (8 ①), it changes only through change sets.
inline void requireRosterOpen(SQLite::Database& db, std::int64_t contractId)
{
    SQLite::Statement q(db, "SELECT code, roster_consented_on FROM contract WHERE id = ?");
    q.bind(1, contractId);
    if (!q.executeStep())
        throw Error(ErrorCode::NotFound, "no contract with id " + std::to_string(contractId), "contract");
    if (q.getColumn(1).isNull())
        return;
    const std::string code = q.getColumn(0).getString();
    throw Error(ErrorCode::IllegalState,
                "the roster of " + code + " was agreed with the ministry on " + q.getColumn(1).getString() +
                    " (8 ①): from then on it changes only with advance notice and consent. Make a change set: "
                    "meibo-cli change new --contract " + code + " --effective YYYY-MM-DD --reason …");
}

/// The same for a person: refused when they are on a roster that has been agreed (today or later).
inline void requirePersonOpen(SQLite::Database& db, std::int64_t personId)
{
    SQLite::Statement q(db, "SELECT DISTINCT a.contract_id FROM assignment a JOIN contract c ON c.id = a.contract_id "
                            "WHERE a.person_id = ? AND c.roster_consented_on IS NOT NULL");
    q.bind(1, personId);
    if (q.executeStep())
        requireRosterOpen(db, q.getColumn(0).getInt64());
}

} // namespace meibo::db::detail
