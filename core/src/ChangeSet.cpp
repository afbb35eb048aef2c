#include "meibo/core/ChangeSet.h"

#include "meibo/core/Error.h"
#include "meibo/core/Vocabulary.h"

#include <algorithm>

namespace meibo::core {

namespace {
std::string name(const ChangeSet& c) { return "change " + std::to_string(c.id); }

[[noreturn]] void illegal(const std::string& message) { throw Error(ErrorCode::IllegalState, message); }

std::string stateWords(const ChangeSet& c)
{
    switch (c.state) {
    case ChangeState::Draft: return "a draft";
    case ChangeState::Submitted: return "submitted on " + formatIsoDate(*c.submittedOn);
    case ChangeState::Consented: return "consented on " + formatIsoDate(*c.consentedOn);
    case ChangeState::Rejected: return "rejected on " + formatIsoDate(*c.rejectedOn);
    case ChangeState::Applied: return "already applied";
    case ChangeState::Withdrawn: return "withdrawn";
    }
    return "";
}
} // namespace

const char* changeStateId(ChangeState state)
{
    switch (state) {
    case ChangeState::Draft: return "draft";
    case ChangeState::Submitted: return "submitted";
    case ChangeState::Consented: return "consented";
    case ChangeState::Rejected: return "rejected";
    case ChangeState::Applied: return "applied";
    case ChangeState::Withdrawn: return "withdrawn";
    }
    return "";
}

std::optional<ChangeState> parseChangeState(std::string_view id)
{
    for (ChangeState s : {ChangeState::Draft, ChangeState::Submitted, ChangeState::Consented, ChangeState::Rejected,
                          ChangeState::Applied, ChangeState::Withdrawn})
        if (id == changeStateId(s))
            return s;
    return std::nullopt;
}

const char* changeKindId(ChangeItem::Kind kind)
{
    switch (kind) {
    case ChangeItem::Kind::Join: return "join";
    case ChangeItem::Kind::Leave: return "leave";
    case ChangeItem::Kind::Set: return "set";
    case ChangeItem::Kind::SubcontractorAdd: return "subcontractor-add";
    case ChangeItem::Kind::SubcontractorRemove: return "subcontractor-remove";
    case ChangeItem::Kind::Method: return "method";
    }
    return "";
}

void validateSetField(const std::string& field, const std::string& value)
{
    if (field == "role") {
        if (!parseRole(value))
            throw Error(ErrorCode::InvalidInput, "role: “" + value + "” is not 情報管理責任者, 情報取扱管理者, 業務従事者 or 再委託先",
                        "role");
        return;
    }
    if (field == "need")
        return;
    if (field == "reports_to") {
        if (!value.empty() && !normalizeLabel(value))
            throw Error(ErrorCode::InvalidInput, "reports_to: “" + value + "” is not a label", "reports_to");
        return;
    }
    PersonData scratch;
    scratch.name = "x";
    if (field == "name" || field == "name_kana" || field == "address" || field == "birth_date" ||
        field == "department" || field == "title" || field == "nationality" || field == "residence_status" ||
        field == "passport_no" || field == "organization" || field == "track_record") {
        setPersonField(scratch, field, value);
        return;
    }
    throw Error(ErrorCode::InvalidInput,
                "“" + field + "” cannot be changed here; the fields are role, need, reports_to, " +
                    std::string(personFieldNames()),
                field);
}

namespace workflow {

void requireDraft(const ChangeSet& c)
{
    if (c.state != ChangeState::Draft)
        illegal(name(c) + " is " + stateWords(c) +
                ": only a draft can be edited. Withdraw it and make a new change set for what else must change");
}

void submit(ChangeSet& c, const Date& on, const std::string& how)
{
    if (c.state != ChangeState::Draft)
        illegal("cannot submit " + name(c) + ": it is " + stateWords(c));
    if (c.items.empty())
        illegal("cannot submit " + name(c) + ": it holds no changes yet (add them with `change add`)");
    if (on > c.effective && !c.late)
        illegal("cannot submit " + name(c) + " on " + formatIsoDate(on) + ": it takes effect on " +
                formatIsoDate(c.effective) +
                " and notice must come before the change. Move the effective date, or record it as a late notice "
                "(`change new --late`)");
    c.state = ChangeState::Submitted;
    c.submittedOn = on;
    c.submittedHow = how;
}

void consent(ChangeSet& c, const Date& on, const std::string& by)
{
    if (c.state == ChangeState::Draft)
        illegal("cannot record consent to " + name(c) + ": it has not been submitted to the ministry yet (`change "
                                                        "submit`)");
    if (c.state != ChangeState::Submitted)
        illegal("cannot record consent to " + name(c) + ": it is " + stateWords(c));
    if (on < *c.submittedOn)
        illegal("cannot record consent on " + formatIsoDate(on) + ": " + name(c) + " was submitted on " +
                formatIsoDate(*c.submittedOn) + ", and consent comes after submission");
    c.state = ChangeState::Consented;
    c.consentedOn = on;
    c.consentedBy = by;
}

void reject(ChangeSet& c, const Date& on, const std::string& reason)
{
    if (c.state != ChangeState::Submitted)
        illegal("cannot record a rejection of " + name(c) + ": it is " + stateWords(c) +
                (c.state == ChangeState::Draft ? " (submit it first)" : ""));
    if (on < *c.submittedOn)
        illegal("cannot record a rejection on " + formatIsoDate(on) + ": " + name(c) + " was submitted on " +
                formatIsoDate(*c.submittedOn));
    if (reason.empty())
        throw Error(ErrorCode::InvalidInput, "reason: say why the ministry rejected the change", "reason");
    c.state = ChangeState::Rejected;
    c.rejectedOn = on;
    c.rejectionReason = reason;
}

void withdraw(ChangeSet& c, const Date& on)
{
    if (c.state != ChangeState::Draft && c.state != ChangeState::Submitted)
        illegal("cannot withdraw " + name(c) + ": it is " + stateWords(c));
    c.state = ChangeState::Withdrawn;
    c.withdrawnOn = on;
}

Date applyDate(const ChangeSet& c)
{
    if (c.state == ChangeState::Rejected)
        illegal("cannot apply " + name(c) + ": the ministry rejected it on " + formatIsoDate(*c.rejectedOn) +
                " (" + c.rejectionReason + ")");
    if (c.state == ChangeState::Draft || c.state == ChangeState::Submitted)
        illegal("cannot apply " + name(c) + ": it is " + stateWords(c) +
                " and the ministry has not consented yet; record the consent with `change consent` first");
    if (c.state != ChangeState::Consented)
        illegal("cannot apply " + name(c) + ": it is " + stateWords(c));
    if (c.late)
        return c.effective; // the change already happened: recorded on its real date, flagged as late
    return std::max(c.effective, *c.consentedOn);
}

} // namespace workflow

std::vector<std::string> touchedLabels(const ChangeSet& c)
{
    std::vector<std::string> out;
    for (const ChangeItem& i : c.items)
        if (i.kind != ChangeItem::Kind::Method && !i.label.empty() &&
            std::find(out.begin(), out.end(), i.label) == out.end())
            out.push_back(i.label);
    return out;
}

std::vector<Finding> checkChanges(const Contract& contract, const std::vector<ChangeSet>& changes, const Date& asOf,
                                  int awaitDays)
{
    std::vector<Finding> out;
    for (const ChangeSet& c : changes) {
        const std::string subject = "change " + std::to_string(c.id);
        const std::string subjectJa = "変更届 " + std::to_string(c.id);
        const int daysLeft = daysBetween(asOf, c.effective);
        if (c.state == ChangeState::Submitted && daysLeft <= awaitDays)
            out.push_back({"change-awaiting-consent", daysLeft < 0 ? Severity::Error : Severity::Warning, contract.code,
                           subject,
                           subject + " (effective " + formatIsoDate(c.effective) + ") has no consent from the ministry " +
                               (daysLeft < 0 ? "and its date has passed: do not apply it; ask the ministry, or withdraw it"
                                             : "and takes effect in " + std::to_string(daysLeft) +
                                                   " day(s): ask the ministry for its consent"),
                           subjectJa + "（変更日 " + formatIsoDate(c.effective) + "）は担当課室の同意を得ていません。" +
                               (daysLeft < 0 ? "変更日を過ぎているため適用せず、担当課室に確認するか、取り下げてください。"
                                             : "変更日まであと" + std::to_string(daysLeft) +
                                                   "日です。担当課室に同意を求めてください。")});
        if (c.state == ChangeState::Consented && workflow::applyDate(c) <= asOf)
            out.push_back({"change-consented-not-applied", Severity::Error, contract.code, subject,
                           subject + " was consented on " + formatIsoDate(*c.consentedOn) + " and took effect on " +
                               formatIsoDate(workflow::applyDate(c)) +
                               ", but the roster does not show it yet: apply it with `change apply`",
                           subjectJa + "は" + formatIsoDate(*c.consentedOn) + "に同意を得て" +
                               formatIsoDate(workflow::applyDate(c)) +
                               "に効力が生じていますが、情報取扱者名簿にまだ反映されていません。`change apply` で"
                               "反映してください。"});
        if (c.late && c.state != ChangeState::Withdrawn)
            out.push_back({"change-late-notice", Severity::Warning, contract.code, subject,
                           subject + " was notified late: it took effect on " + formatIsoDate(c.effective) +
                               " before the ministry was told (" + c.reason + "). The record stays; explain it in the "
                                                                                "next status report",
                           subjectJa + "は事後の届出です。担当課室への届出より前の" + formatIsoDate(c.effective) +
                               "に変更が生じています（" + c.reason +
                               "）。記録はそのまま残ります。次回の実施状況報告書で経緯を説明してください。"});
        if (c.state == ChangeState::Consented || c.state == ChangeState::Submitted)
            for (const ChangeItem& i : c.items)
                if (i.kind == ChangeItem::Kind::Join &&
                    (i.join.person.trackRecord.empty() || i.join.person.nationality.empty() ||
                     (i.join.person.organization.empty() && i.join.person.department.empty())))
                    out.push_back({"disclosure-incomplete", Severity::Error, contract.code, subject + " " + i.label,
                                   subject + ": the incoming person " + i.label + " " + i.join.person.name +
                                       " lacks the clause-4) disclosure (affiliation, track record, nationality) that "
                                       "must be shown in advance",
                                   subjectJa + "：新たに加わる " + i.label + " " + i.join.person.name +
                                       " について、事前に担当職員に提示すべき情報セキュリティに関する事項4)の情報（所属、"
                                       "実績、国籍）が不足しています。"});
    }
    return out;
}

} // namespace meibo::core
