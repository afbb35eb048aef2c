#include "meibo/core/PersonIdentity.h"

#include "meibo/core/Error.h"
#include "meibo/core/Text.h"

namespace meibo::core {

namespace {

std::string born(const PersonData& p)
{
    return p.birthDate ? formatIsoDate(*p.birthDate) : "date of birth unknown";
}
std::string bornJa(const PersonData& p)
{
    return p.birthDate ? formatIsoDate(*p.birthDate) + "生" : "生年月日未記入";
}

std::string who(const KnownPerson& k)
{
    return k.person.name + " (" + born(k.person) + ", person " + std::to_string(k.id) + ")";
}
std::string whoJa(const KnownPerson& k)
{
    return k.person.name + "（" + bornJa(k.person) + "、番号 " + std::to_string(k.id) + "）";
}

std::string joined(const std::vector<std::string>& items, const char* sep)
{
    std::string out;
    for (const auto& s : items)
        out += (out.empty() ? "" : sep) + s;
    return out;
}

[[noreturn]] void refuse(const ImportRow& row, const std::string& en, const std::string& ja)
{
    const std::string line = row.line > 0 ? "line " + std::to_string(row.line) + ": " : "";
    const std::string lineJa = row.line > 0 ? std::to_string(row.line) + "行目：" : "";
    throw Error(ErrorCode::InvalidInput, line + en, row.line > 0 ? "line " + std::to_string(row.line) : "label",
                lineJa + ja);
}

} // namespace

bool samePerson(const PersonData& a, const PersonData& b)
{
    if (tidyText(a.name) != tidyText(b.name))
        return false;
    return !a.birthDate || !b.birthDate || *a.birthDate == *b.birthDate;
}

Identity identify(const ImportRow& row, const IdentityCandidates& c, bool linkExisting, const std::string& contract)
{
    const std::string incoming = row.person.name + " (" + born(row.person) + ")";
    const std::string incomingJa = row.person.name + "（" + bornJa(row.person) + "）";
    if (row.personId) {
        if (!c.byId)
            refuse(row,
                   "person_id " + std::to_string(*row.personId) +
                       " is nobody in this registry: use a number from the list of people, or leave the cell empty "
                       "for a new person",
                   "person_id " + std::to_string(*row.personId) +
                       " の人は登録されていません。新しい人なら空欄にしてください。");
        if (c.labelHolder && c.labelHolder->id != c.byId->id)
            refuse(row,
                   "label " + row.label + " on " + contract + " belongs to " + who(*c.labelHolder) +
                       ", not to person " + std::to_string(c.byId->id) + " " + c.byId->person.name +
                       ": a label names one person. End " + c.labelHolder->person.name +
                       "'s assignment first, or give this row another label",
                   contract + " の記号 " + row.label + " は " + whoJa(*c.labelHolder) +
                       " のものです。記号は一人に一つです。先に " + c.labelHolder->person.name +
                       " の従事を終了するか、別の記号を付けてください。");
        // An imported row's id says who; the row must not say somebody else. A new name under the same
        // date of birth (marriage) or a corrected date of birth under the same name is still them; both
        // different, or a different name with no date of birth to tie it, is another person's row under
        // this id. (A dialog, line 0, edits the record it was opened on: a correction, by definition.)
        const PersonData& known = c.byId->person;
        const bool sameName = tidyText(known.name) == tidyText(row.person.name);
        const bool sameBirth = known.birthDate && row.person.birthDate && *known.birthDate == *row.person.birthDate;
        if (row.line > 0 && !row.person.name.empty() && !sameName && !sameBirth)
            refuse(row,
                   "person_id " + std::to_string(c.byId->id) + " is " + who(*c.byId) + ", but this row is " +
                       incoming + ": neither the name nor the date of birth is theirs, and an import never turns one "
                       "person into another. Check the person_id column (rows may have been swapped); if " +
                       known.name + " changed their name, give their date of birth on the row too; to rewrite the whole record, "
                       "edit the record of person " + std::to_string(c.byId->id) + " instead",
                   "person_id " + std::to_string(c.byId->id) + " は " + whoJa(*c.byId) + " ですが、この行は " +
                       incomingJa + " です。氏名も生年月日も一致しないため、別人として扱い、取り込みません。person_id "
                       "列（行の入れ違い）を確認してください。" +
                       known.name + " の氏名が変わったのであれば、生年月日も記入してください。");
        return {false, c.byId->id};
    }
    if (c.labelHolder) {
        const KnownPerson& h = *c.labelHolder;
        if (!row.newPerson && samePerson(h.person, row.person))
            return {false, h.id};
        refuse(row,
               "label " + row.label + " on " + contract + " already names " + who(h) + "; this row is " + incoming +
                   ": a label names one person, and an import never turns one person into another. If " +
                   h.person.name + " has left, end the assignment of " + row.label + " on " + contract + " and add " +
                   row.person.name + " under a new label; if this row corrects " + h.person.name +
                   "'s record, edit the record of person " + std::to_string(h.id) + " instead",
               contract + " の記号 " + row.label + " は " + whoJa(h) + " ですが、この行は " + incomingJa +
                   " です。記号は一人に一つで、取込みで別人に置き換わることはありません。" + h.person.name +
                   " が外れたのであれば従事を終了し、" + row.person.name + " を新しい記号で追加してください。" +
                   h.person.name + " の記録の訂正であれば、その人の記録を編集してください。");
    }
    if (row.newPerson || !row.person.birthDate || c.sameNameAndBirth.empty())
        return {true, 0}; // without a date of birth nobody is merged
    if (c.sameNameAndBirth.size() == 1 && linkExisting)
        return {false, c.sameNameAndBirth.front().id};
    std::vector<std::string> found, foundJa;
    for (const KnownPerson& k : c.sameNameAndBirth) {
        const std::string on = k.contracts.empty() ? "" : ", on " + joined(k.contracts, ", ");
        found.push_back("person " + std::to_string(k.id) + on);
        foundJa.push_back("番号 " + std::to_string(k.id) +
                          (k.contracts.empty() ? "" : "（" + joined(k.contracts, "、") + "）"));
    }
    const std::string ids = joined(found, "; ");
    if (c.sameNameAndBirth.size() > 1 || !linkExisting)
        refuse(row,
               incoming + " is already registered (" + ids +
                   "). To make this row that person, put the id in a "
                   "person_id column" +
                   (c.sameNameAndBirth.size() == 1 ? " or import again letting it link people already registered" : "") +
                   "; to register a different person of the same name and birth date, write new in person_id",
               incomingJa + " は既に登録されています（" + joined(foundJa, "、") +
                   "）。同じ人であれば person_id 列にその番号を、"
                   "同姓同名・同じ生年月日の別人であれば person_id 列に new と記入してください。");
    return {true, 0};
}

void requireHistoryOpen(const std::string& personName, const std::vector<AgreedShowing>& showings,
                        const std::optional<Date>& from, const std::optional<Date>& to,
                        std::optional<std::int64_t> changingContract)
{
    for (const AgreedShowing& s : showings) {
        if (changingContract && s.contractId == *changingContract)
            continue;
        const bool overlaps = (!from || !s.to || *from <= *s.to) && (!to || !s.from || *s.from <= *to);
        if (!overlaps)
            continue;
        const std::string consent = formatIsoDate(s.consentedOn);
        throw Error(ErrorCode::IllegalState,
                    personName + " is on the roster of " + s.contractCode + " that the ministry agreed to on " +
                        consent +
                        " (8 ①): this change would rewrite what that roster showed. Record it as a change set (変更届) "
                        "of " +
                        s.contractCode + ", which changes the record from its effective day on",
                    "person",
                    personName + " は " + s.contractCode + " の名簿（" + consent +
                        " に経済産業省の同意済み、8 "
                        "①）に載っています。この変更はその名簿の記載を書き換えてしまうため、" +
                        s.contractCode +
                        " の変更届（変更の事前通知）として登録してください。変更は効力発生日から反映されます。");
    }
}

} // namespace meibo::core
