#pragma once

#include "meibo/core/Model.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/RosterFields.h"

#include <QDialog>
#include <QMap>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace meibo::gui {

class MessageBar;
class PersonPicker;
class QualificationsDialog;
class Session;

/// Adds a person to a contract's roster or edits one: every field is checked as it is left (the
/// message under the field says what is wrong), and the whole row again on save, in one
/// transaction. Once the ministry has agreed to the roster, a direct edit is refused and the
/// dialog offers to put the same change into a new change set instead.
class PersonDialog : public QDialog {
    Q_OBJECT
public:
    /// `entry` empty: add a new person.
    PersonDialog(Session& session, core::Contract contract, std::optional<core::RosterEntry> entry,
                 QWidget* parent = nullptr);

    /// The line edit of a field: name, name_kana, address, birth_date, department, title,
    /// nationality, passport_no, organization, label, reports_to, valid_from, need.
    QLineEdit* edit(const QString& field) const { return m_edits.value(field); }
    QComboBox* roleCombo() const { return m_role; }
    QComboBox* residenceCombo() const { return m_residence; }
    /// The message under a field ("" when it is fine).
    QString fieldError(const QString& field) const;
    MessageBar* messageBar() const { return m_message; }
    /// After an accepted save: what happened, for the view's message bar.
    QString outcome() const { return m_outcome; }

    /// Validates and saves; stays open with the problems shown when something is wrong.
    bool save();
    /// Opens the person's qualifications, trainings and track record (window-modal); nullptr when
    /// adding a person (record them once the person is saved).
    QualificationsDialog* openQualifications();

    /// Chooses 報告先 by name from the contract's roster (window-modal); on OK the field takes the
    /// person's label.
    PersonPicker* pickReportsTo();

    /// The ※4 note beside the passport number (shown for a foreign nationality).
    QLabel* passportNote() const { return m_passportNote; }

private:
    /// 国籍 JP means 在留区分 日本国籍: the status is set and locked; another nationality offers the
    /// statuses and shows ※4 beside the passport number.
    void followNationality();
    /// A nationality the field's rule knows is shown as the list shows it: 「ベトナム (VN)」.
    void showCountryLabel();
    QLineEdit* addLine(const QString& field, const QString& label, QWidget* form);
    bool validateField(const QString& field);
    bool validateAll();
    /// The row as the fields say, each by its field's rule (throws core::Error naming the field).
    core::ImportRow rowFromFields() const;
    std::optional<core::Role> roleFromCombo() const;
    bool saveAsChangeSet(const core::ImportRow& row);
    /// "氏名(&N):" or "&Name (氏名):", with a mnemonic not in `taken` (which it extends).
    static QString fieldLabel(const core::RosterField& field, QString& taken);
    void setFieldError(const QString& field, const QString& text);

    Session& m_session;
    core::Contract m_contract;
    std::optional<core::RosterEntry> m_entry;
    QMap<QString, QLineEdit*> m_edits;
    QMap<QString, QLabel*> m_errors;
    QComboBox* m_role;
    QComboBox* m_residence;
    QLineEdit* m_effective = nullptr;
    MessageBar* m_message;
    QString m_outcome;
    QLabel* m_passportNote = nullptr;
};

} // namespace meibo::gui
