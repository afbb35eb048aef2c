#pragma once

#include "meibo/core/ChangeSet.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace meibo::gui {

class ContractPicker;
class DocumentPreview;
class MessageBar;
class Session;

/// Change sets (変更届) of a contract: the list by state, the draft's editor (people joining from a
/// CSV, leaving, fields set), the lawful steps with their dates, and the notice previewed in memory.
class ChangesView : public QWidget {
    Q_OBJECT
public:
    explicit ChangesView(Session& session, QWidget* parent = nullptr);
    void refresh();

    ContractPicker* contractPicker() const { return m_contracts; }
    QTableWidget* table() const { return m_table; }
    MessageBar* messageBar() const { return m_message; }
    QTextBrowser* details() const { return m_details; }
    QDateEdit* effectiveEdit() const { return m_effective; }
    QLineEdit* reasonEdit() const { return m_reason; }
    QDateEdit* onEdit() const { return m_on; }
    QLineEdit* noteEdit() const { return m_note; }
    QComboBox* stateFilter() const { return m_filter; }

    std::optional<core::ChangeSet> selected() const;
    bool selectChange(std::int64_t id);

    // The actions, as the buttons run them (tests call them directly). Each shows its outcome in
    // the message bar and returns whether it succeeded.
    std::optional<std::int64_t> createChange();
    bool addCsv(const QString& path);
    bool removeLabel(const QString& label);
    bool setField(const QString& label, const QString& field, const QString& value);
    bool submit();
    bool consent();
    bool reject();
    bool withdraw();
    bool apply();
    DocumentPreview* previewNotice();

private:
    void showSelected();

    Session& m_session;
    ContractPicker* m_contracts;
    QComboBox* m_filter;
    QTableWidget* m_table;
    QTextBrowser* m_details;
    QDateEdit* m_effective;
    QLineEdit* m_reason;
    QComboBox* m_label;
    QComboBox* m_field;
    QLineEdit* m_value;
    QDateEdit* m_on;
    QLineEdit* m_note;
    MessageBar* m_message;
    std::vector<core::ChangeSet> m_changes;
};

} // namespace meibo::gui
