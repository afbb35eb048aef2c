#pragma once

#include "meibo/core/Registers.h"

#include <QDialog>
#include <QWidget>

#include <map>
#include <optional>

class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace meibo::gui {

class ContractPicker;
class MessageBar;
class PersonPicker;
class Session;

/// Adds or edits one register entry: a field per the kind's schema (text, date, yes/no, choice);
/// the registry checks them and a refusal names the field.
class RegisterEntryDialog : public QDialog {
    Q_OBJECT
public:
    RegisterEntryDialog(Session& session, std::int64_t contractId, const core::RegisterKind& kind,
                        std::optional<core::RegisterEntry> entry, QWidget* parent = nullptr);
    /// Sets a field's widget from text (tests, and the edit case).
    void setValue(const QString& field, const QString& value);
    MessageBar* messageBar() const { return m_message; }
    /// A training's participants chosen by name from the contract's roster, several at once
    /// (window-modal); on OK the 受講者 field lists their labels and saving records one entry each.
    /// nullptr for other registers and when editing an entry (one person each).
    PersonPicker* pickPeople();
    bool save();

private:
    std::map<std::string, std::string> values() const;
    /// The field holding a new training's participants (several labels).
    bool isParticipants(const std::string& field) const;
    QStringList participants() const;

    Session& m_session;
    std::int64_t m_contractId;
    const core::RegisterKind& m_kind;
    std::optional<core::RegisterEntry> m_entry;
    std::map<std::string, QWidget*> m_widgets;
    MessageBar* m_message;
};

/// The evidence registers behind the report: a tab per register (training, software, cloud,
/// incidents, information and disposal, audits), each a table with add, edit and end.
class RegistersView : public QWidget {
    Q_OBJECT
public:
    explicit RegistersView(Session& session, QWidget* parent = nullptr);
    void refresh();
    ContractPicker* contractPicker() const { return m_contracts; }
    QTabWidget* kinds() const { return m_kinds; }
    QTableWidget* table(const QString& kind) const;
    MessageBar* messageBar() const { return m_message; }
    QDateEdit* endOnEdit() const { return m_endOn; }
    QLineEdit* endNoteEdit() const { return m_endNote; }
    /// The disposal checklist of clause 8 beside the information register: one line per item of
    /// information received, ✓ done or ✗ with the fields still to record.
    QListWidget* checklist() const { return m_checklist; }
    QPushButton* certificateButton() const { return m_certificate; }

    /// Shows the register of `kind` with the entry `id` selected (a finding's click-through).
    bool selectEntry(const QString& kind, qint64 id);
    RegisterEntryDialog* addEntry(const QString& kind);
    RegisterEntryDialog* editSelected();
    bool endSelected();

signals:
    /// Every item of information is returned, disposed of or deleted with confirmation: export the
    /// certificate (the export dialog, for this contract, with the certificate chosen).
    void deletionCertificateRequested(const QString& contractCode);

private:
    void refreshChecklist();

    QString currentKind() const;
    std::optional<core::RegisterEntry> selectedEntry() const;

    Session& m_session;
    ContractPicker* m_contracts;
    QTabWidget* m_kinds;
    QDateEdit* m_endOn;
    QLineEdit* m_endNote;
    MessageBar* m_message;
    QListWidget* m_checklist;
    QLabel* m_checklistState;
    QPushButton* m_certificate;
    std::map<std::string, std::vector<core::RegisterEntry>> m_entries;
};

} // namespace meibo::gui
