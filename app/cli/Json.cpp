#include "Json.h"

#include "meibo/core/RosterFields.h"
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

namespace {
/// The fields of the table (core/RosterFields.h) that `pick` selects, one member each; dates and
/// statuses null when empty, as the interface says.
/// (residence_status stays "" when empty, as this JSON always had it; the audit log's JSON uses null.)
template <typename Pick>
nlohmann::json fieldsJson(const core::RosterRow& row, Pick pick)
{
    nlohmann::json j = nlohmann::json::object();
    for (const core::RosterField& f : core::rosterFields())
        if (pick(f)) {
            const std::string v = f.get(row);
            j[std::string(f.key)] = v.empty() && f.nullable && f.key != "residence_status" ? nlohmann::json(nullptr)
                                                                                          : nlohmann::json(v);
        }
    if (!row.person.nationality.empty())
        j["nationality_name"] = core::countryNameJa(row.person.nationality);
    else
        j["nationality_name"] = "";
    return j;
}
} // namespace

nlohmann::json toJson(const core::PersonData& p)
{
    core::RosterRow row;
    row.person = p;
    return fieldsJson(row, [](const core::RosterField& f) { return f.isPerson(); });
}

nlohmann::json toJson(const core::RosterEntry& e)
{
    nlohmann::json j = fieldsJson(e, [](const core::RosterField&) { return true; });
    j["role_id"] = core::roleId(e.role);
    j["person_id"] = e.personId;
    j["qualifications"] = e.qualifications;
    return j;
}

nlohmann::json toJson(const core::Finding& f)
{
    // The command line's sentences: the fix names the command (the GUI's names its button).
    nlohmann::json j = {{"rule", f.rule},
                        {"severity", core::severityName(f.severity)},
                        {"contract", f.contract},
                        {"subject", f.subject},
                        {"message", core::findingSentence(f, core::FrontEnd::Cli, false)},
                        {"message_ja", core::findingSentence(f, core::FrontEnd::Cli, true)}};
    if (!f.field.empty())
        j["field"] = f.field;
    return j;
}

} // namespace meibo::cli
