#pragma once

#include "meibo/core/Date.h"
#include "meibo/core/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace meibo::core {

/// 区分 on form 4: the four kinds of row, in the form's order.
enum class Role { Responsible, Manager, Worker, Subcontractor };

/// 在留区分: what ※4 of form 4 turns on.
enum class ResidenceStatus { Japanese, Permanent, SpecialPermanent, Other };

/// The contractor itself (受注者).
struct Organization {
    std::string name;
    std::string address;
    std::string representative;
    std::string capitalAndOfficers; ///< 資本関係・役員 (clause 4)
    std::string workPlaces;         ///< 業務の実施場所 (clause 4)
};

/// A contract whose security clauses Meibo keeps.
struct Contract {
    std::int64_t id = 0;
    std::string code;  ///< short name used on the command line
    std::string title; ///< 契約件名
    std::optional<Date> signedOn;
    Date start{};
    Date end{};
    std::string addressee;      ///< e.g. 経済産業省産業保安・安全グループ化学物質管理課長
    std::string ministryContact;
    /// The day the ministry asked for the addresses and birth dates left out before signing (※5).
    std::optional<Date> personalDataRequestedOn;
    /// The day the ministry agreed to the initial roster and structure (8 ①); from then on every
    /// change goes through a change set.
    std::optional<Date> rosterConsentedOn;
    /// Status reports (実施状況報告書): period length in months (6 = half-yearly, at most 12), cut
    /// from the start or at the fiscal half-years, due this many days after each period.
    int reportMonths = 6;
    bool reportFiscalAlign = false;
    int reportDueDays = 14;
    /// Clause 11: an incident is reported to the ministry within this many days of detection.
    int incidentReportDays = 1;
};

/// 再委託先: a subcontractor, with the same identity fields as the contractor.
struct Subcontractor {
    std::int64_t id = 0;
    std::string name;
    std::string address;
    std::string representative;
    std::string capitalAndOfficers;
    std::string workPlaces;
};

/// What is known of a person on a given day (one version of their record).
struct PersonData {
    std::string name;
    std::string nameKana;
    std::string address;
    std::optional<Date> birthDate;
    std::string department;
    std::string title;
    std::string nationality; ///< ISO 3166-1 alpha-2, upper case; empty when unknown
    std::optional<ResidenceStatus> residenceStatus;
    std::string passportNo;
    std::string organization; ///< empty = the contractor; else the subcontractor's name
    std::string trackRecord;  ///< 実績 (clause 4)
};

/// 専門性: a qualification or a security training, with date and issuer (clause 4; clause 10).
struct Qualification {
    std::int64_t id = 0;
    std::int64_t personId = 0;
    bool training = false; ///< a training course rather than a qualification
    std::string name;
    std::optional<Date> on;
    std::string issuer;
};

/// One row of form 4: the person's record and their place on one contract's roster. Its fields,
/// their names, rules and privacy class are listed once, in core/RosterFields.h.
struct RosterRow {
    std::string label; ///< 記号 on the form: A, B, C …
    Role role = Role::Worker;
    PersonData person;
    std::string need;      ///< why this person must handle the information (必要最小限)
    std::string reportsTo; ///< label of the person above; empty only for the 情報管理責任者
    std::optional<Date> validFrom;
    std::optional<Date> validTo; ///< last day on the roster; empty = open
};

/// One person on one contract's roster for a period: the row of form 4 and an edge of the structure.
struct RosterEntry : RosterRow {
    std::int64_t assignmentId = 0;
    std::int64_t personId = 0;
    int qualifications = 0; ///< qualifications and trainings on record
};

/// A period during which a subcontractor is part of a contract.
struct SubcontractorLink {
    std::string name;
    std::optional<Date> validFrom;
    std::optional<Date> validTo;
};

enum class Severity { Error, Warning };

/// One rule's verdict on one subject, with a sentence that says how to fix it, in English and in
/// Japanese (core has no translation machinery, so each rule writes both; front ends pick one).
struct Finding {
    std::string rule; ///< stable id, e.g. "passport-required"
    Severity severity = Severity::Error;
    std::string contract;
    std::string subject; ///< e.g. "D 山田花子"
    std::string message;   ///< English (the CLI's default and the JSON's "message")
    std::string messageJa; ///< the same content in Japanese (GUI in Japanese, LANG=ja, "message_ja")
    std::string field{};   ///< the person field it concerns (a RosterFields key such as "passport_no"), if one
    Fix fix{};             ///< what to do, per front end, when message does not already say it for all
};

/// The sentence a front end shows for `finding`: its message in the language asked for and the fix for
/// `frontEnd`. Never the rule id or a field key (those go in a tooltip or the JSON).
std::string findingSentence(const Finding& finding, FrontEnd frontEnd, bool japanese);

const char* severityName(Severity s);

/// True when `d` lies in [from, to], an open end counting as unbounded.
bool within(const Date& d, const std::optional<Date>& from, const std::optional<Date>& to);

} // namespace meibo::core
