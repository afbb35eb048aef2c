#pragma once

// The one definition of form 4's row: every field of the person record and of their place on a
// contract's roster, with its names, rule, length limit and ※5 privacy class. The CSV reader and
// writer, the XLSX sheet, the JSON, the SQL binding, change items, the notice's diff, the CLI and
// the GUI iterate this table; adding a field touches it and the schema, nothing else.

#include "meibo/core/Model.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meibo::core {

/// Whose a field is: the person's record (one across contracts, effective-dated) or the
/// assignment (this contract's roster row).
enum class FieldOwner { Person, Assignment };

/// ※5 of form 4: 住所 and 生年月日 need not be given before the contract is signed.
enum class Privacy { Ordinary, WithheldBeforeSigning };

/// What a field's rule needs besides the text: the day (birth dates lie in the past).
struct FieldContext {
    Date today{};
};

/// One field of form 4's row.
struct RosterField {
    std::string_view key;     ///< CSV column, JSON member, `person set` and change-set field, SQL column
    std::string_view labelJa; ///< the GUI's and the import's Japanese name (氏名)
    std::string_view labelEn; ///< the GUI's English name
    FieldOwner owner;
    Privacy privacy;
    std::size_t maxChars;    ///< longest value in characters (code points)
    bool multiline;          ///< a line break is part of the value
    bool required;           ///< every row has one
    bool nullable;           ///< JSON null and SQL NULL when empty (dates, statuses)
    std::string_view hint;   ///< what a good value looks like (English)
    std::string_view hintJa; ///< the same in Japanese
    /// The value as canonical text ("" when empty): ISO dates, alpha-2 codes, the form's words.
    std::string (*get)(const RosterRow&);
    /// Stores canonical text as get() returns it (no checks: what the registry keeps was checked).
    void (*put)(RosterRow&, const std::string&);
    /// A value typed by a person as canonical text; nullopt when it is not a value of this field.
    std::optional<std::string> (*normalize)(std::string_view, const FieldContext&);

    bool isPerson() const { return owner == FieldOwner::Person; }
};

/// Every field, in the order of the roster CSV.
const std::vector<RosterField>& rosterFields();
/// The field with this key or Japanese name; nullptr when there is none.
const RosterField* findRosterField(std::string_view keyOrLabel);
/// The field with this key; an unknown key is a programming error (Error Internal).
const RosterField& rosterField(std::string_view key);
/// The person's fields, in order.
std::vector<const RosterField*> personFields();
/// "name, name_kana, …": the keys of the person's fields, for messages.
std::string personFieldNames();

/// The text a person typed, checked (checkText: UTF-8, no control characters, the length limit),
/// tidied and normalized by the field's rule, as canonical text. Throws Error(InvalidInput) whose
/// `where` is the key, in English and Japanese, saying what a good value looks like; the sentence
/// does not name the field, so each front end places it (under the field, by line and column, or
/// after the key on the command line). Empty text is
/// allowed unless the field is required; it means "no value".
std::string checkField(const RosterField& field, std::string_view text, const FieldContext& context);
/// checkField, then stores the value into the row.
void setRosterField(RosterRow& row, const RosterField& field, std::string_view text, const FieldContext& context);
/// The same for a person record alone, by key (CLI `person set`, change items).
void setPersonField(PersonData& person, std::string_view key, std::string_view text, const FieldContext& context);

/// ※5: whether addresses and birth dates are left out of what is written for this contract on
/// `asOf`: before it is signed (or with no signing date), or when the officer asks for it.
bool personalDataWithheld(const Contract& contract, const Date& asOf, bool officerAsked = false);
/// The field's text for a file or document: empty where ※5 withholds it.
std::string fieldText(const RosterRow& row, const RosterField& field, bool withholdPersonal);

/// One field whose value differs between two records.
struct FieldChange {
    const RosterField* field = nullptr;
    std::string before; ///< canonical text
    std::string after;
};
/// The person fields that differ, in table order.
std::vector<FieldChange> diffPerson(const PersonData& before, const PersonData& after);
/// The record with every non-empty person field of `update` written over `base`: an empty value
/// never erases one (clearing is an explicit `person set FIELD=`).
PersonData mergePerson(const PersonData& base, const PersonData& update);

} // namespace meibo::core
