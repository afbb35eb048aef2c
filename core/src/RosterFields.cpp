#include "meibo/core/RosterFields.h"

#include "meibo/core/Error.h"
#include "meibo/core/Text.h"
#include "meibo/core/Vocabulary.h"

#include <algorithm>

namespace meibo::core {

namespace {

using Norm = std::optional<std::string>;

std::string dateText(const std::optional<Date>& d)
{
    return d ? formatIsoDate(*d) : std::string();
}

Norm anyText(std::string_view v, const FieldContext&)
{
    return std::string(v);
}

Norm dateValue(std::string_view v, const FieldContext&)
{
    if (auto d = parseDateInput(v))
        return formatIsoDate(*d);
    return std::nullopt;
}

Norm birthDateValue(std::string_view v, const FieldContext& c)
{
    auto d = parseDateInput(v);
    if (!d || *d >= c.today || daysBetween(*d, c.today) > 125 * 366)
        return std::nullopt;
    return formatIsoDate(*d);
}

Norm labelValue(std::string_view v, const FieldContext&)
{
    return normalizeLabel(v);
}

Norm roleValue(std::string_view v, const FieldContext&)
{
    if (auto r = parseRole(v))
        return std::string(roleName(*r));
    return std::nullopt;
}

Norm countryValue(std::string_view v, const FieldContext&)
{
    return normalizeCountry(v);
}

Norm residenceValue(std::string_view v, const FieldContext&)
{
    if (auto s = parseResidenceStatus(v))
        return std::string(residenceStatusName(*s));
    return std::nullopt;
}

Norm passportValue(std::string_view v, const FieldContext&)
{
    return normalizePassport(v);
}

// Accessors: one line each, so that the table below reads as the form does.
#define MEIBO_PERSON_TEXT(member)                                                                                      \
    [](const RosterRow& r) { return r.person.member; }, [](RosterRow& r, const std::string& v) { r.person.member = v; }
#define MEIBO_ROW_TEXT(member)                                                                                         \
    [](const RosterRow& r) { return r.member; }, [](RosterRow& r, const std::string& v) { r.member = v; }

const std::vector<RosterField>& table()
{
    using O = FieldOwner;
    using P = Privacy;
    static const std::vector<RosterField> fields = {
        {"role", "区分", "Role", O::Assignment, P::Ordinary, 16, false, true, false,
         "情報管理責任者, 情報取扱管理者, 業務従事者 or 再委託先 (or responsible, manager, worker, subcontractor)",
         "情報管理責任者・情報取扱管理者・業務従事者・再委託先のいずれか",
         [](const RosterRow& r) { return std::string(roleName(r.role)); },
         [](RosterRow& r, const std::string& v) { r.role = parseRole(v).value_or(Role::Worker); }, roleValue},
        {"label", "記号", "Label", O::Assignment, P::Ordinary, 8, false, true, false,
         "A, B, C … (letters and digits, starting with a letter, at most 8)",
         "A、B、C…（英字で始まる8文字以内の英数字）", MEIBO_ROW_TEXT(label), labelValue},
        {"name", "氏名", "Name", O::Person, P::Ordinary, 60, false, true, false, "the person's full name",
         "氏名（姓と名）", MEIBO_PERSON_TEXT(name), anyText},
        {"name_kana", "ふりがな", "Name (kana)", O::Person, P::Ordinary, 100, false, false, false, "the name in kana",
         "氏名のふりがな", MEIBO_PERSON_TEXT(nameKana), anyText},
        {"address", "個人住所", "Personal address", O::Person, P::WithheldBeforeSigning, 200, true, false, false,
         "the home address", "自宅の住所", MEIBO_PERSON_TEXT(address), anyText},
        {"birth_date", "生年月日", "Date of birth", O::Person, P::WithheldBeforeSigning, 16, false, false, true,
         "a day in the past as YYYY-MM-DD (or 1970/4/1, 1970年4月1日, 昭和45年4月1日, S45.4.1)",
         "過去の日付（1970-04-01、1970/4/1、1970年4月1日、昭和45年4月1日、S45.4.1）",
         [](const RosterRow& r) { return dateText(r.person.birthDate); },
         [](RosterRow& r, const std::string& v) { r.person.birthDate = parseIsoDate(v); }, birthDateValue},
        {"department", "所属部署", "Department", O::Person, P::Ordinary, 100, false, false, false, "the department",
         "所属部署", MEIBO_PERSON_TEXT(department), anyText},
        {"title", "役職", "Title", O::Person, P::Ordinary, 100, false, false, false, "the title", "役職",
         MEIBO_PERSON_TEXT(title), anyText},
        {"nationality", "国籍", "Nationality", O::Person, P::Ordinary, 64, false, false, false,
         "an ISO 3166 country code (JP, US, CN … or JPN, USA, CHN …) or the country's name (日本, United States)",
         "ISO 3166 の国コード（JP、US、CN… または JPN、USA、CHN…）か国名（日本、アメリカ合衆国、韓国）",
         MEIBO_PERSON_TEXT(nationality), countryValue},
        {"residence_status", "在留区分", "Residence status", O::Person, P::Ordinary, 20, false, false, true,
         "日本国籍, 永住者, 特別永住者 or その他 (or japanese, permanent, special-permanent, other)",
         "日本国籍・永住者・特別永住者・その他のいずれか",
         [](const RosterRow& r) {
             return r.person.residenceStatus ? std::string(residenceStatusName(*r.person.residenceStatus))
                                             : std::string();
         },
         [](RosterRow& r, const std::string& v) {
             r.person.residenceStatus = v.empty() ? std::nullopt : parseResidenceStatus(v);
         },
         residenceValue},
        {"passport_no", "パスポート番号", "Passport number", O::Person, P::Ordinary, 20, false, false, false,
         "a passport number: 6–12 letters and digits", "旅券番号（英数字6〜12文字）", MEIBO_PERSON_TEXT(passportNo),
         passportValue},
        {"organization", "所属組織", "Organization", O::Person, P::Ordinary, 100, false, false, false,
         "empty for the contractor itself, else the subcontractor's name", "受注者自身は空欄、再委託先はその名称",
         MEIBO_PERSON_TEXT(organization), anyText},
        {"reports_to", "報告先", "Reports to", O::Assignment, P::Ordinary, 8, false, false, false,
         "the label of the person above (A, B …)", "上位の者の記号（A、B…）", MEIBO_ROW_TEXT(reportsTo), labelValue},
        {"need", "必要性", "Need", O::Assignment, P::Ordinary, 500, true, false, false,
         "why this person must handle the information", "情報を取り扱う必要性", MEIBO_ROW_TEXT(need), anyText},
        {"valid_from", "従事開始日", "On the roster from", O::Assignment, P::Ordinary, 16, false, false, true,
         "a date as YYYY-MM-DD (or 2026/4/1, 令和8年4月1日, R8.4.1)",
         "日付（2026-04-01、2026/4/1、令和8年4月1日、R8.4.1 など）",
         [](const RosterRow& r) { return dateText(r.validFrom); },
         [](RosterRow& r, const std::string& v) { r.validFrom = parseIsoDate(v); }, dateValue},
        {"valid_to", "従事終了日", "On the roster until", O::Assignment, P::Ordinary, 16, false, false, true,
         "a date as YYYY-MM-DD, 2027/3/31 or 令和9年3月31日 (the last day on the roster)",
         "日付（名簿に載る最終日。2027-03-31、令和9年3月31日 など）",
         [](const RosterRow& r) { return dateText(r.validTo); },
         [](RosterRow& r, const std::string& v) { r.validTo = parseIsoDate(v); }, dateValue},
        {"track_record", "実績", "Track record", O::Person, P::Ordinary, 2000, true, false, false,
         "the person's track record (clause 4)", "実績（第4項）", MEIBO_PERSON_TEXT(trackRecord), anyText},
    };
    return fields;
}

#undef MEIBO_PERSON_TEXT
#undef MEIBO_ROW_TEXT

} // namespace

const std::vector<RosterField>& rosterFields()
{
    return table();
}

const RosterField* findRosterField(std::string_view keyOrLabel)
{
    std::string lower(keyOrLabel);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const RosterField& f : table())
        if (f.key == lower || f.labelJa == keyOrLabel)
            return &f;
    return nullptr;
}

const RosterField& rosterField(std::string_view key)
{
    for (const RosterField& f : table())
        if (f.key == key)
            return f;
    throw Error(ErrorCode::Internal, "no roster field “" + std::string(key) + "”");
}

std::vector<const RosterField*> personFields()
{
    std::vector<const RosterField*> out;
    for (const RosterField& f : table())
        if (f.isPerson())
            out.push_back(&f);
    return out;
}

std::string personFieldNames()
{
    std::string out;
    for (const RosterField* f : personFields())
        out += (out.empty() ? "" : ", ") + std::string(f->key);
    return out;
}

std::string checkField(const RosterField& f, std::string_view text, const FieldContext& context)
{
    const std::string key(f.key);
    const std::string ja(f.labelJa);
    if (auto problem = checkText(text, f.maxChars, f.multiline))
        throw Error(ErrorCode::InvalidInput, problem->message, key, problem->messageJa);
    const std::string tidy = tidyText(text);
    if (tidy.empty()) {
        if (f.required)
            throw Error(ErrorCode::InvalidInput, "it is empty; every row needs " + std::string(f.hint), key,
                        ja + "が空欄です。" + ja + "は必ず記入してください（" + std::string(f.hintJa) + "）。");
        return {};
    }
    auto value = f.normalize(tidy, context);
    if (!value)
        throw Error(ErrorCode::InvalidInput, "“" + tidy + "” is not valid here; write " + std::string(f.hint), key,
                    "「" + tidy + "」は使えません。" + std::string(f.hintJa) + "で記入してください。");
    return *value;
}

void setRosterField(RosterRow& row, const RosterField& f, std::string_view text, const FieldContext& context)
{
    f.put(row, checkField(f, text, context));
}

void setPersonField(PersonData& person, std::string_view key, std::string_view text, const FieldContext& context)
{
    const RosterField* f = findRosterField(key);
    if (!f || !f->isPerson() || f->key != key)
        throw Error(ErrorCode::InvalidInput,
                    "“" + std::string(key) + "” is not a person field; the fields are " + personFieldNames(),
                    std::string(key),
                    "「" + std::string(key) + "」という項目はありません。項目は " + personFieldNames() + " です。");
    RosterRow row;
    row.person = std::move(person);
    setRosterField(row, *f, text, context);
    person = std::move(row.person);
}

bool personalDataWithheld(const Contract& contract, const Date& asOf, bool officerAsked)
{
    return officerAsked || !contract.signedOn || *contract.signedOn > asOf;
}

std::string fieldText(const RosterRow& row, const RosterField& f, bool withholdPersonal)
{
    if (withholdPersonal && f.privacy == Privacy::WithheldBeforeSigning)
        return {};
    return f.get(row);
}

std::vector<FieldChange> diffPerson(const PersonData& before, const PersonData& after)
{
    RosterRow a, b;
    a.person = before;
    b.person = after;
    std::vector<FieldChange> out;
    for (const RosterField* f : personFields())
        if (auto x = f->get(a), y = f->get(b); x != y)
            out.push_back({f, std::move(x), std::move(y)});
    return out;
}

PersonData mergePerson(const PersonData& base, const PersonData& update)
{
    RosterRow out, in;
    out.person = base;
    in.person = update;
    for (const RosterField* f : personFields())
        if (auto v = f->get(in); !v.empty())
            f->put(out, v);
    return out.person;
}

} // namespace meibo::core
