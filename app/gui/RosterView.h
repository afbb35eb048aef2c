#pragma once

#include <QWidget>

class QDateEdit;
class QListWidget;
class QTableView;
class QLabel;

namespace meibo::gui {

class ContractPicker;
class MessageBar;
class PersonDialog;
class RosterModel;
class Session;

/// 様式4 as the officer keeps it: a contract, a day, the roster grouped by 区分, and beside it the
/// findings of the selected person (or of the whole roster) with how to fix them.
class RosterView : public QWidget {
    Q_OBJECT
public:
    explicit RosterView(Session& session, QWidget* parent = nullptr);

    void refresh();
    RosterModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QDateEdit* asOfEdit() const { return m_asOf; }
    ContractPicker* contractPicker() const { return m_contracts; }
    QListWidget* findingsList() const { return m_findings; }
    MessageBar* messageBar() const { return m_message; }

    /// Opens the add dialog (window-modal) and returns it; the view refreshes when it is accepted.
    PersonDialog* addPerson();
    /// The same for the selected person; nullptr when nobody is selected.
    PersonDialog* editSelected();
    bool selectLabel(const QString& label);

private:
    void showFindings();
    PersonDialog* openDialog(PersonDialog* dialog);

    Session& m_session;
    ContractPicker* m_contracts;
    QDateEdit* m_asOf;
    RosterModel* m_model;
    QTableView* m_table;
    QLabel* m_findingsTitle;
    QListWidget* m_findings;
    MessageBar* m_message;
};

} // namespace meibo::gui
