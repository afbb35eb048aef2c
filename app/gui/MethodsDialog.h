#pragma once

#include "meibo/core/Model.h"

#include <QDialog>

#include <map>
#include <string>

class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace meibo::gui {

class MessageBar;
class Session;

/// The compliance methods of a contract (遵守の方法, clause 1's 確認書類): item 1 (the security
/// structure) and items 2–17, each with the method in force. A method is saved directly until the
/// ministry agrees to the roster; from then on the registry refuses, and the dialog offers to put
/// the new text into a new change set (変更届) instead, the same way as a person's edit.
class MethodsDialog : public QDialog {
    Q_OBJECT
public:
    MethodsDialog(Session& session, core::Contract contract, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QPlainTextEdit* methodEdit() const { return m_edit; }
    /// The day a change set takes effect (used only once the roster is agreed).
    QDateEdit* effectiveEdit() const { return m_effective; }
    MessageBar* messageBar() const { return m_message; }
    /// The method in force for an item, as the table shows it.
    QString methodOf(const QString& item) const;

    bool selectItem(const QString& item);
    /// Saves the selected item's method (directly, or after asking, as a change set).
    bool save();

private:
    void reload();
    void showItem();
    QString selectedItem() const;

    Session& m_session;
    core::Contract m_contract;
    QTableWidget* m_table;
    QPlainTextEdit* m_edit;
    QDateEdit* m_effective;
    QLabel* m_effectiveNote;
    MessageBar* m_message;
    std::map<std::string, std::string> m_methods;
};

} // namespace meibo::gui
