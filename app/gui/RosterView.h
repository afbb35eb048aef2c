#pragma once

#include "meibo/core/Date.h"

#include <QWidget>

class QAction;
class QDateEdit;
class QDialog;
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

    /// Asks for the selected person's last day on the roster (window-modal) and returns the dialog;
    /// on OK it ends the assignment through endAssignment. nullptr when nobody is selected.
    QDialog* endSelected();
    /// Takes `label` off the roster after `lastDay` once the officer agrees to a question that says
    /// what follows (default No): directly, as `roster end` does, or — once the ministry agreed to
    /// the roster — as a draft change set (変更届) whose notice comes first. Returns whether it did.
    bool endAssignment(const QString& label, const core::Date& lastDay);
    /// The view's "End assignment…" (context menu of the roster, Ctrl+Shift+E).
    QAction* endAction() const { return m_endAction; }

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
    QAction* m_endAction;
};

} // namespace meibo::gui
