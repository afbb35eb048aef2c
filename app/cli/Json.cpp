#include "Json.h"

#include "meibo/core/Vocabulary.h"

namespace meibo::cli {

nlohmann::json toJson(const std::optional<core::Date>& date)
{
    return date ? nlohmann::json(core::formatIsoDate(*date)) : nlohmann::json(nullptr);
}

nlohmann::json toJson(const core::Contract& c)
{
    return {{"id", c.id},
            {"code", c.code},
            {"title", c.title},
            {"signed", toJson(c.signedOn)},
            {"start", core::formatIsoDate(c.start)},
            {"end", core::formatIsoDate(c.end)},
            {"addressee", c.addressee},
            {"ministry_contact", c.ministryContact},
            {"personal_data_requested", toJson(c.personalDataRequestedOn)},
            {"roster_consented", toJson(c.rosterConsentedOn)},
            {"report_months", c.reportMonths},
            {"report_align", c.reportFiscalAlign ? "fiscal" : "contract"},
            {"report_due_days", c.reportDueDays},
            {"incident_report_days", c.incidentReportDays}};
}

nlohmann::json toJson(const core::PersonData& p)
{
    return {{"name", p.name},
            {"name_kana", p.nameKana},
            {"address", p.address},
            {"birth_date", toJson(p.birthDate)},
            {"department", p.department},
            {"title", p.title},
            {"nationality", p.nationality},
            {"nationality_name", p.nationality.empty() ? std::string() : core::countryNameJa(p.nationality)},
            {"residence_status", p.residenceStatus ? core::residenceStatusName(*p.residenceStatus) : ""},
            {"passport_no", p.passportNo},
            {"organization", p.organization},
            {"track_record", p.trackRecord}};
}

nlohmann::json toJson(const core::RosterEntry& e)
{
    nlohmann::json j = toJson(e.person);
    j["label"] = e.label;
    j["role"] = core::roleName(e.role);
    j["role_id"] = core::roleId(e.role);
    j["person_id"] = e.personId;
    j["reports_to"] = e.reportsTo;
    j["need"] = e.need;
    j["valid_from"] = toJson(e.validFrom);
    j["valid_to"] = toJson(e.validTo);
    j["qualifications"] = e.qualifications;
    return j;
}

nlohmann::json toJson(const core::Finding& f)
{
    return {{"rule", f.rule},
            {"severity", core::severityName(f.severity)},
            {"contract", f.contract},
            {"subject", f.subject},
            {"message", f.message},
            {"message_ja", f.messageJa}};
}

} // namespace meibo::cli
