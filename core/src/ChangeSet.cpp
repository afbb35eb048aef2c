#include "meibo/core/ChangeSet.h"

#include "meibo/core/Error.h"
#include "meibo/core/Vocabulary.h"

#include <algorithm>

namespace meibo::core {

namespace {
std::string name(const ChangeSet& c) { return "change " + std::to_string(c.id); }

std::string nameJa(const ChangeSet& c) { return "変更届 " + std::to_string(c.id); }

[[noreturn]] void illegal(const std::string& message, const std::string& messageJa = {}, Fix fix = {})
{
    throw Error(ErrorCode::IllegalState, message, {}, messageJa, std::move(fix));
}

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

std::string stateWordsJa(const ChangeSet& c)
{
    switch (c.state) {
    case ChangeState::Draft: return "下書きです";
    case ChangeState::Submitted: return formatIsoDate(*c.submittedOn) + "に届出済みです";
    case ChangeState::Consented: return formatIsoDate(*c.consentedOn) + "に同意を得ています";
    case ChangeState::Rejected: return formatIsoDate(*c.rejectedOn) + "に不同意となっています";
    case ChangeState::Applied: return "既に名簿に反映されています";
    case ChangeState::Withdrawn: return "取り下げられています";
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

bool settableField(const RosterField& field)
{
    // The label names the row; the period changes by joining and leaving, never by a Set.
    return field.key != "label" && field.key != "valid_from" && field.key != "valid_to";
}

std::string checkSetField(const std::string& key, const std::string& value, const FieldContext& context)
{
    const RosterField* f = findRosterField(key);
    if (!f || f->key != key || !settableField(*f)) {
        std::string names;
        for (const RosterField& g : rosterFields())
            if (settableField(g))
                names += (names.empty() ? "" : ", ") + std::string(g.key);
        throw Error(ErrorCode::InvalidInput, "“" + key + "” cannot be changed here; the fields are " + names, key,
                    "「" + key + "」はここでは変更できません。変更できる項目は " + names + " です。");
    }
    return checkField(*f, value, context);
}

std::vector<ChangeItem> changeItemsFromCsv(const RosterImport& parsed, const std::vector<RosterEntry>& roster)
{
    std::vector<ChangeItem> items;
    for (const ImportRow& row : parsed.rows) {
        const auto present =
            std::find_if(roster.begin(), roster.end(), [&](const RosterEntry& e) { return e.label == row.label; });
        ChangeItem item;
        item.label = row.label;
        if (present == roster.end()) {
            item.kind = ChangeItem::Kind::Join;
            item.join = row;
            items.push_back(std::move(item));
            continue;
        }
        item.kind = ChangeItem::Kind::Set;
        for (const RosterField& f : rosterFields()) {
            if (!settableField(f) ||
                std::find(parsed.columns.begin(), parsed.columns.end(), std::string(f.key)) == parsed.columns.end())
                continue;
            const std::string value = f.get(row);
            if (!value.empty() && value != f.get(*present))
                item.fields.emplace_back(std::string(f.key), value);
        }
        if (!item.fields.empty())
            items.push_back(std::move(item));
    }
    return items;
}

void applySetItem(RosterRow& row, const ChangeItem& item, const FieldContext& context)
{
    for (const auto& [key, value] : item.fields) {
        const std::string canonical = checkSetField(key, value, context);
        rosterField(key).put(row, canonical);
    }
}

RosterEntry joiningEntry(const ChangeItem& item, const Date& day)
{
    RosterEntry e;
    static_cast<RosterRow&>(e) = item.join;
    e.personId = item.join.personId.value_or(0);
    e.validFrom = day;
    e.validTo.reset();
    return e;
}

std::vector<RosterEntry> rosterAfter(std::vector<RosterEntry> roster, const ChangeSet& c, const Date& day,
                                     const FieldContext& context)
{
    const std::string where = "change " + std::to_string(c.id) + ", ";
    auto find = [&](const std::string& label) {
        return std::find_if(roster.begin(), roster.end(), [&](const RosterEntry& e) { return e.label == label; });
    };
    auto missing = [&](const std::string& label) {
        throw Error(ErrorCode::IllegalState,
                    where + label + ": nobody with this label is on the roster on " + formatIsoDate(day), "label",
                    "変更届 " + std::to_string(c.id) + "：" + formatIsoDate(day) + " の名簿に記号 " + label + " の者がいません。");
    };
    // Leaving first (a label may pass to an incoming person), then joining, then the changes (which
    // may concern someone who joins in the same set).
    for (const ChangeItem& item : c.items)
        if (item.kind == ChangeItem::Kind::Leave) {
            auto it = find(item.label);
            if (it == roster.end())
                missing(item.label);
            roster.erase(it);
        }
    for (const ChangeItem& item : c.items)
        if (item.kind == ChangeItem::Kind::Join) {
            if (find(item.join.label) != roster.end())
                throw Error(ErrorCode::IllegalState,
                            where + item.join.label + ": the label is already someone's on " + formatIsoDate(day) +
                                "; give the incoming person a free label",
                            "label",
                            "変更届 " + std::to_string(c.id) + "：記号 " + item.join.label + " は " + formatIsoDate(day) +
                                " に既に使われています。別の記号を付けてください。");
            roster.push_back(joiningEntry(item, day));
        }
    for (const ChangeItem& item : c.items)
        if (item.kind == ChangeItem::Kind::Set) {
            auto it = find(item.label);
            if (it == roster.end())
                missing(item.label);
            applySetItem(*it, item, context);
        }
    // The form's order: role, then label.
    std::stable_sort(roster.begin(), roster.end(), [](const RosterEntry& a, const RosterEntry& b) {
        return a.role != b.role ? a.role < b.role : a.label < b.label;
    });
    return roster;
}

namespace workflow {

void requireDraft(const ChangeSet& c)
{
    if (c.state != ChangeState::Draft)
        illegal(name(c) + " is " + stateWords(c) +
                    ": only a draft can be edited. Withdraw it and make a new change set for what else must change",
                nameJa(c) + "は" + stateWordsJa(c) + "。変更できるのは下書きだけです。取り下げて、変更が必要な内容で"
                                                    "新しい変更届を作成してください。");
}

void submit(ChangeSet& c, const Date& on, const std::string& how)
{
    if (c.state != ChangeState::Draft)
        illegal("cannot submit " + name(c) + ": it is " + stateWords(c),
                nameJa(c) + "は" + stateWordsJa(c) + "。届出できるのは下書きだけです。");
    if (c.items.empty())
        illegal("cannot submit " + name(c) + ": it holds no changes yet",
                nameJa(c) + "には変更の内容がまだありません。",
                Fix{"Add the changes under \"Changes in the selected draft\" first.",
                    "先に「選択した下書きの変更内容」で変更を追加してください。",
                    "Add them with `meibo-cli change add` first.", "先に `meibo-cli change add` で追加してください。"});
    if (on > c.effective && !c.late)
        illegal("cannot submit " + name(c) + " on " + formatIsoDate(on) + ": it takes effect on " +
                    formatIsoDate(c.effective) + " and notice must come before the change",
                nameJa(c) + "の変更日は" + formatIsoDate(c.effective) + "のため、" + formatIsoDate(on) +
                    "には届出できません。届出は変更の前に行う必要があります。",
                Fix{"Move the effective date, or make it again as a late notice.",
                    "変更日を改めるか、事後の届出として作成し直してください。",
                    "Move the effective date, or record it as a late notice (`meibo-cli change new --late`).",
                    "変更日を改めるか、事後の届出として作成し直してください（`meibo-cli change new --late`）。"});
    c.state = ChangeState::Submitted;
    c.submittedOn = on;
    c.submittedHow = how;
}

void consent(ChangeSet& c, const Date& on, const std::string& by)
{
    if (c.state == ChangeState::Draft)
        illegal("cannot record consent to " + name(c) + ": it has not been submitted to the ministry yet",
                nameJa(c) + "はまだ担当課室に届け出ていないため、同意を記録できません。",
                Fix{"Record the submission first (Submit).", "先に「届出」で届出を記録してください。",
                    "Record the submission first (`meibo-cli change submit`).",
                    "先に `meibo-cli change submit` で届出を記録してください。"});
    if (c.state != ChangeState::Submitted)
        illegal("cannot record consent to " + name(c) + ": it is " + stateWords(c),
                nameJa(c) + "は" + stateWordsJa(c) + "。同意を記録できません。");
    if (on < *c.submittedOn)
        illegal("cannot record consent on " + formatIsoDate(on) + ": " + name(c) + " was submitted on " +
                    formatIsoDate(*c.submittedOn) + ", and consent comes after submission",
                nameJa(c) + "は" + formatIsoDate(*c.submittedOn) + "に届け出たものです。同意は届出の後のため、" +
                    formatIsoDate(on) + "の同意は記録できません。日付を確かめてください。");
    c.state = ChangeState::Consented;
    c.consentedOn = on;
    c.consentedBy = by;
}

void reject(ChangeSet& c, const Date& on, const std::string& reason)
{
    if (c.state != ChangeState::Submitted)
        illegal("cannot record a rejection of " + name(c) + ": it is " + stateWords(c) +
                    (c.state == ChangeState::Draft ? " (submit it first)" : ""),
                nameJa(c) + "は" + stateWordsJa(c) + "。不同意を記録できません" +
                    (c.state == ChangeState::Draft ? "（先に届出を記録してください）。" : "。"));
    if (on < *c.submittedOn)
        illegal("cannot record a rejection on " + formatIsoDate(on) + ": " + name(c) + " was submitted on " +
                    formatIsoDate(*c.submittedOn),
                nameJa(c) + "は" + formatIsoDate(*c.submittedOn) + "に届け出たものです。" + formatIsoDate(on) +
                    "の不同意は記録できません。");
    if (reason.empty())
        throw Error(ErrorCode::InvalidInput, "say why the ministry rejected the change", "reason",
                    "担当課室が同意しなかった理由を記入してください。");
    c.state = ChangeState::Rejected;
    c.rejectedOn = on;
    c.rejectionReason = reason;
}

void withdraw(ChangeSet& c, const Date& on)
{
    if (c.state != ChangeState::Draft && c.state != ChangeState::Submitted)
        illegal("cannot withdraw " + name(c) + ": it is " + stateWords(c),
                nameJa(c) + "は" + stateWordsJa(c) + "。取り下げできません。");
    c.state = ChangeState::Withdrawn;
    c.withdrawnOn = on;
}

Date applyDate(const ChangeSet& c)
{
    if (c.state == ChangeState::Rejected)
        illegal("cannot apply " + name(c) + ": the ministry rejected it on " + formatIsoDate(*c.rejectedOn) +
                    " (" + c.rejectionReason + ")",
                nameJa(c) + "は" + formatIsoDate(*c.rejectedOn) + "に担当課室が同意しなかったため（" +
                    c.rejectionReason + "）、名簿に反映できません。");
    if (c.state == ChangeState::Draft || c.state == ChangeState::Submitted)
        illegal("cannot apply " + name(c) + ": it is " + stateWords(c) + " and the ministry has not consented yet",
                nameJa(c) + "は" + stateWordsJa(c) + "。担当課室の同意がまだないため、名簿に反映できません。",
                Fix{"Record the ministry's consent first (Consent).", "先に「同意」で担当課室の同意を記録してください。",
                    "Record the consent with `meibo-cli change consent` first.",
                    "先に `meibo-cli change consent` で同意を記録してください。"});
    if (c.state != ChangeState::Consented)
        illegal("cannot apply " + name(c) + ": it is " + stateWords(c),
                nameJa(c) + "は" + stateWordsJa(c) + "。名簿に反映できません。");
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
                               ", but the roster does not show it yet",
                           subjectJa + "は" + formatIsoDate(*c.consentedOn) + "に同意を得て" +
                               formatIsoDate(workflow::applyDate(c)) +
                               "に効力が生じていますが、情報取扱者名簿にまだ反映されていません。",
                           {},
                           Fix{"Apply it in the Changes view (Apply).", "変更届の画面で「反映」を選んでください。",
                               "Apply it with `meibo-cli change apply " + std::to_string(c.id) + "`.",
                               "`meibo-cli change apply " + std::to_string(c.id) + "` で反映してください。"}});
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
                                       "must be shown in advance: the change notice (its section 5) and the "
                                       "disclosure of the export (disclosure.pdf) print （未記入） for what is missing; "
                                       "fill it in the change set's row for " + i.label,
                                   subjectJa + "：新たに加わる " + i.label + " " + i.join.person.name +
                                       " について、事前に担当職員に提示すべき情報セキュリティに関する事項4)の情報（所属、"
                                       "実績、国籍）が不足しています。変更届（５．）及び出力される従事者情報"
                                       "（disclosure.pdf）では不足事項が「（未記入）」となります。変更の" + i.label +
                                       "の行に記入してください。"});
    }
    return out;
}

} // namespace meibo::core
