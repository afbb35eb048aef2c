#include "meibo/core/RosterRules.h"

#include "meibo/core/Vocabulary.h"

#include <algorithm>
#include <map>
#include <set>

namespace meibo::core {

namespace {

Date nextDay(const Date& d) { return addDays(d, 1); }
Date previousDay(const Date& d) { return addDays(d, -1); }

/// Days of the contract period with no, or more than one, 情報管理責任者.
void responsibleTimeline(const RosterFacts& f, std::vector<Finding>& out)
{
    std::vector<const RosterEntry*> responsible;
    for (const RosterEntry& e : f.assignments)
        if (e.role == Role::Responsible)
            responsible.push_back(&e);
    // Change points inside the period: each start and each day after an end.
    std::set<Date> points{f.contract.start};
    for (const RosterEntry* e : responsible) {
        if (e->validFrom && *e->validFrom > f.contract.start && *e->validFrom <= f.contract.end)
            points.insert(*e->validFrom);
        if (e->validTo && *e->validTo >= f.contract.start && *e->validTo < f.contract.end)
            points.insert(nextDay(*e->validTo));
    }
    std::vector<Date> starts(points.begin(), points.end());
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const Date from = starts[i];
        const Date to = i + 1 < starts.size() ? previousDay(starts[i + 1]) : f.contract.end;
        std::vector<const RosterEntry*> on;
        for (const RosterEntry* e : responsible)
            if (within(from, e->validFrom, e->validTo))
                on.push_back(e);
        const std::string span = formatIsoDate(from) + (from == to ? "" : " – " + formatIsoDate(to));
        if (on.empty())
            out.push_back({"one-responsible-person", Severity::Error, f.contract.code, span,
                           "no 情報管理責任者 (※1) on the roster " + span +
                               ": the form requires one at all times; assign one with role 情報管理責任者",
                           span + " の情報取扱者名簿に情報管理責任者（※1）がいません。常に1名が必要です。区分"
                                  "「情報管理責任者」で1名を割り当ててください。"});
        else if (on.size() > 1) {
            std::string who, whoJa;
            for (const RosterEntry* e : on) {
                who += (who.empty() ? "" : ", ") + subjectOf(*e);
                whoJa += (whoJa.empty() ? "" : "、") + subjectOf(*e);
            }
            out.push_back({"one-responsible-person", Severity::Error, f.contract.code, span,
                           std::to_string(on.size()) + " people are 情報管理責任者 " + span + " (" + who +
                               "): there must be exactly one; end the other assignments or change their role",
                           span + " に情報管理責任者が" + std::to_string(on.size()) + "名います（" + whoJa +
                               "）。情報管理責任者は1名に限られます。他の者の割当てを終了するか、区分を変更して"
                               "ください。"});
        }
    }
}

void personRules(const RosterFacts& f, std::vector<Finding>& out)
{
    const bool signedYet = f.contract.signedOn && *f.contract.signedOn <= f.asOf;
    const bool requested = f.contract.personalDataRequestedOn && *f.contract.personalDataRequestedOn <= f.asOf;
    const Severity afterSigning = signedYet ? Severity::Error : Severity::Warning;
    std::set<std::string> activeSubcontractors;
    for (const SubcontractorLink& s : f.subcontractors)
        if (within(f.asOf, s.validFrom, s.validTo))
            activeSubcontractors.insert(s.name);

    for (const RosterEntry& e : f.roster) {
        const std::string who = subjectOf(e);
        const PersonData& p = e.person;
        if (passportRequired(p.residenceStatus) && (p.passportNo.empty() || p.nationality.empty())) {
            const bool noStatus = !p.residenceStatus;
            const bool special = !noStatus && *p.residenceStatus == ResidenceStatus::SpecialPermanent;
            const std::string why = noStatus  ? "the residence status is not recorded, so the exemption cannot be shown"
                                    : special ? "special permanent residents (特別永住者) are not exempt"
                                              : "only Japanese nationals and permanent residents are exempt";
            const std::string whyJa = noStatus  ? "在留区分が記録されていないため、免除に当たることを示せません"
                                      : special ? "特別永住者は免除の対象外です"
                                                : "免除されるのは日本国籍を有する者及び永住者のみです";
            out.push_back({"passport-required", Severity::Error, f.contract.code, who,
                           who + ": passport number and nationality are required (※4; " + why + "); record " +
                               (p.passportNo.empty() ? std::string("the passport number") : "") +
                               (p.passportNo.empty() && p.nationality.empty() ? " and " : "") +
                               (p.nationality.empty() ? std::string("the nationality") : ""),
                           who + "：パスポート番号及び国籍の記載が必要です（※4。" + whyJa + "）。" +
                               (p.passportNo.empty() ? std::string("パスポート番号") : "") +
                               (p.passportNo.empty() && p.nationality.empty() ? "及び" : "") +
                               (p.nationality.empty() ? std::string("国籍") : "") + "を登録してください。",
                           p.passportNo.empty() ? "passport_no" : "nationality"});
        }
        if (p.address.empty() || !p.birthDate) {
            const bool both = p.address.empty() && !p.birthDate;
            const std::string missing = both ? "address and date of birth" : p.address.empty() ? "address" : "date of birth";
            const std::string missingJa = both ? "個人住所及び生年月日" : p.address.empty() ? "個人住所" : "生年月日";
            if (requested)
                out.push_back({"address-dob-requested", Severity::Error, f.contract.code, who,
                               who + ": the ministry asked for the " + missing + " on " +
                                   formatIsoDate(*f.contract.personalDataRequestedOn) +
                                   " (※5: to be given promptly); record them and send the roster",
                               who + "：" + formatIsoDate(*f.contract.personalDataRequestedOn) + "に担当課室から" +
                                   missingJa + "の提出を求められています（※5：速やかに提出すること）。登録のうえ、"
                                               "情報取扱者名簿を提出してください。",
                               p.address.empty() ? "address" : "birth_date"});
            else
                out.push_back({"address-dob-pending", Severity::Warning, f.contract.code, who,
                               who + ": " + missing + " not recorded yet — allowed before the contract (※5), but "
                                   "must be given promptly when the ministry asks",
                               who + "：" + missingJa + "が未登録です。契約前の提出は要しませんが（※5）、担当課室から"
                                                       "求められた場合は速やかに提出する必要があります。",
                               p.address.empty() ? "address" : "birth_date"});
        }
        if (!p.organization.empty() && !activeSubcontractors.count(p.organization))
            out.push_back({"subcontractor-unknown", Severity::Error, f.contract.code, who,
                           who + " belongs to “" + p.organization + "”, which is not a subcontractor of this contract on " +
                               formatIsoDate(f.asOf) + "; add the subcontractor to the contract or correct the organization",
                           who + "の所属「" + p.organization + "」は、" + formatIsoDate(f.asOf) +
                               "時点で本契約の再委託先ではありません。再委託先を契約に追加するか、所属組織を訂正して"
                               "ください。",
                           "organization"});
        if (e.role == Role::Subcontractor && p.organization.empty())
            out.push_back({"subcontractor-unknown", Severity::Error, f.contract.code, who,
                           who + " is listed as 再委託先 but names no subcontractor; set the organization",
                           who + "は再委託先として記載されていますが、再委託先の名称がありません。所属組織を設定して"
                                 "ください。",
                           "organization"});
        std::string list, listJa;
        auto lack = [&](const char* en, const char* ja) {
            list += (list.empty() ? "" : ", ") + std::string(en);
            listJa += (listJa.empty() ? "" : "、") + std::string(ja);
        };
        if (p.organization.empty() && p.department.empty())
            lack("affiliation (department)", "所属（所属部署）");
        if (e.qualifications == 0)
            lack("expertise (security qualifications or training)", "専門性（情報セキュリティに係る資格・研修実績）");
        if (p.trackRecord.empty())
            lack("track record (実績)", "実績");
        if (p.nationality.empty())
            lack("nationality", "国籍");
        if (!list.empty())
            out.push_back({"disclosure-incomplete", afterSigning, f.contract.code, who,
                           who + ": clause 4) asks for affiliation, expertise, track record and nationality of everyone "
                                 "working on the contract; missing: " + list +
                               ". The clause-4) disclosure of the export (disclosure.pdf, .docx and .csv) prints "
                               "（未記入） there until they are recorded: fill them in this person's record (expertise "
                               "as a qualification or training)",
                           who + "：情報セキュリティに関する事項4)により、本業務の全ての従事者の所属、専門性、実績及び"
                                 "国籍を担当職員に提示する必要があります。不足している事項：" + listJa +
                               "。出力される従事者情報（disclosure.pdf・.docx・.csv）では、記録されるまで当該欄が"
                               "「（未記入）」となります。この者の記録に記入してください（専門性は資格又は研修として"
                               "記録）。",
                           p.organization.empty() && p.department.empty() ? "department"
                           : p.trackRecord.empty()                         ? "track_record"
                           : p.nationality.empty()                         ? "nationality"
                                                                           : ""});
        if (e.need.empty())
            out.push_back({"need-missing", afterSigning, f.contract.code, who,
                           who + ": no reason recorded why this person must handle the information; the roster lists "
                                 "only those who must (必要最小限) — state the need or take them off",
                           who + "：情報を取り扱う必要性が記録されていません。情報取扱者名簿には必要最小限の者のみを"
                                 "記載します。必要性を記入するか、名簿から外してください。",
                           "need"});
    }
}

/// Two people on the roster with the same passport number of the same nationality: one person
/// registered twice (e.g. an import row with a different name), or a mistyped number. The number is
/// compared as the person record stores it (normalizePassport) and never shown (※5: findings reach
/// screens and files).
void sharedPassports(const RosterFacts& f, std::vector<Finding>& out)
{
    std::map<std::pair<std::string, std::string>, std::vector<const RosterEntry*>> byPassport;
    for (const RosterEntry& e : f.roster) {
        const PersonData& p = e.person;
        if (p.passportNo.empty() || p.nationality.empty())
            continue;
        const std::string number = normalizePassport(p.passportNo).value_or(p.passportNo);
        const std::string country = normalizeCountry(p.nationality).value_or(p.nationality);
        auto& holders = byPassport[{country, number}];
        const bool samePerson = std::any_of(holders.begin(), holders.end(), [&](const RosterEntry* h) {
            return e.personId != 0 && h->personId == e.personId;
        });
        if (!samePerson)
            holders.push_back(&e);
    }
    for (const auto& [key, holders] : byPassport) {
        const std::string& country = key.first;
        for (std::size_t i = 1; i < holders.size(); ++i) {
            const std::string first = subjectOf(*holders[0]);
            const std::string who = subjectOf(*holders[i]);
            out.push_back({"passport-shared", Severity::Error, f.contract.code, who,
                           first + " and " + who + " have the same passport number (nationality " + country +
                               "): if they are different people, check the number in each record; if they are the "
                               "same person, keep one record and end the other's assignment",
                           first + "と" + who + "のパスポート番号（国籍 " + country +
                               "）が同じです。別人であれば、それぞれの記録の番号を確かめてください。同一人物であれば、"
                               "記録を1件にまとめ、他方の割当てを終了してください。",
                           "passport_no"});
        }
    }
}

void structureRules(const RosterFacts& f, std::vector<Finding>& out)
{
    std::map<std::string, const RosterEntry*> byLabel;
    for (const RosterEntry& e : f.roster)
        byLabel[e.label] = &e;
    std::set<std::string> reported; // members of cycles already reported
    for (const RosterEntry& e : f.roster) {
        const std::string who = subjectOf(e);
        if (e.role == Role::Responsible) {
            if (!e.reportsTo.empty())
                out.push_back({"structure-disconnected", Severity::Error, f.contract.code, who,
                               who + " is the 情報管理責任者 and reports to no one on the structure; clear 報告先 "
                                     "(reports to)",
                               who + "は情報管理責任者であり、情報管理体制図上の報告先はありません。報告先を空にして"
                                     "ください。",
                               "reports_to"});
            continue;
        }
        if (e.reportsTo.empty()) {
            out.push_back({"structure-disconnected", Severity::Error, f.contract.code, who,
                           who + " reports to no one: set 報告先 (reports to) to the person above, up to the "
                                 "情報管理責任者",
                           who + "に報告先がありません。報告先に上位の者を設定し、情報管理責任者までつなげてください。",
                           "reports_to"});
            continue;
        }
        // Walk up; stop at the responsible person, a missing link, or a label seen before.
        std::vector<std::string> path{e.label};
        const RosterEntry* at = &e;
        while (true) {
            auto next = byLabel.find(at->reportsTo);
            if (next == byLabel.end()) {
                if (at == &e)
                    out.push_back({"structure-disconnected", Severity::Error, f.contract.code, who,
                                   who + " reports to " + at->reportsTo + ", who is not on the roster on " +
                                       formatIsoDate(f.asOf) + "; choose someone who is",
                                   who + "の報告先 " + at->reportsTo + " は" + formatIsoDate(f.asOf) +
                                       "時点で情報取扱者名簿に記載されていません。名簿に記載のある者を選んでください。",
                                   "reports_to"});
                break; // a broken link further up is reported for the person who has it
            }
            at = next->second;
            if (at->role == Role::Responsible)
                break;
            if (std::find(path.begin(), path.end(), at->label) != path.end()) {
                const auto start = std::find(path.begin(), path.end(), at->label);
                std::vector<std::string> cycle(start, path.end());
                std::string key, shown;
                std::vector<std::string> sorted = cycle;
                std::sort(sorted.begin(), sorted.end());
                for (const auto& l : sorted)
                    key += l + ",";
                for (const auto& l : cycle)
                    shown += l + " → ";
                shown += at->label;
                if (reported.insert(key).second)
                    out.push_back({"structure-cycle", Severity::Error, f.contract.code, shown,
                                   "reporting lines go round in a circle (" + shown +
                                       ") and never reach the 情報管理責任者; point one of them upward",
                                   "報告系統が循環しており（" + shown +
                                       "）、情報管理責任者に到達しません。いずれかの報告先を上位の者に変更してください。",
                                   "reports_to"});
                break;
            }
            if (at->reportsTo.empty())
                break; // reported for that person
            path.push_back(at->label);
        }
    }
}

} // namespace

std::string subjectOf(const RosterEntry& entry) { return entry.label + " " + entry.person.name; }

std::vector<Finding> checkRoster(const RosterFacts& facts)
{
    std::vector<Finding> out;
    responsibleTimeline(facts, out);
    personRules(facts, out);
    sharedPassports(facts, out);
    structureRules(facts, out);
    return out;
}

} // namespace meibo::core
