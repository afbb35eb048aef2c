#pragma once

#include "meibo/core/Report.h"

#include <QWidget>

#include <map>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTableWidget;
class QTextBrowser;

namespace meibo::gui {

class ContractPicker;
class MessageBar;
class MethodsDialog;
class Session;

/// 実施状況報告書: a contract's reports by period; items 2)–17) (with 15.x and 16.x) each with its
/// status, its reason or content, the compliance method in force and the findings that concern
/// it; the list of what still keeps the report from being final; finalize and revise.
class ReportView : public QWidget {
    Q_OBJECT
public:
    explicit ReportView(Session& session, QWidget* parent = nullptr);
    void refresh();

    ContractPicker* contractPicker() const { return m_contracts; }
    QComboBox* reportCombo() const { return m_reports; }
    QTableWidget* table() const { return m_table; }
    QListWidget* gapsList() const { return m_gaps; }
    QListWidget* findingsList() const { return m_findings; }
    QComboBox* statusCombo() const { return m_status; }
    QPlainTextEdit* textEdit() const { return m_text; }
    /// The selected item's compliance method in force at the end of the period.
    QLabel* methodLabel() const { return m_method; }
    QDateEdit* periodEndEdit() const { return m_periodEnd; }
    QDateEdit* onEdit() const { return m_on; }
    MessageBar* messageBar() const { return m_message; }
    std::optional<core::StatusReport> current() const { return m_report; }

    std::optional<std::int64_t> createReport();
    bool selectItem(const QString& item);
    /// Saves the status and text of the selected item (the editor's Save) and moves on to the next
    /// item.
    bool saveItem();
    bool setAnswer(const QString& item, core::ItemStatus status, const QString& text);
    /// Finalizes the report after a question that defaults to No (it names items marked 実施 that
    /// findings concern); a report with answers missing is refused without asking.
    bool finalize();
    /// Items marked 実施 while findings of the registry concern them, one sentence each.
    QStringList contradictedItems() const;
    bool revise();
    /// Opens the compliance methods of the chosen contract at the selected item (遵守の方法).
    MethodsDialog* editMethods();

private:
    void loadReport();
    void showItem();

    Session& m_session;
    ContractPicker* m_contracts;
    QComboBox* m_reports;
    QDateEdit* m_periodEnd;
    QDateEdit* m_on;
    QLabel* m_state;
    QTableWidget* m_table;
    QTextBrowser* m_check;
    QComboBox* m_status;
    QPlainTextEdit* m_text;
    QLabel* m_method;
    QListWidget* m_findings;
    QListWidget* m_gaps;
    MessageBar* m_message;
    std::optional<core::StatusReport> m_report;
    std::map<std::string, std::vector<core::Finding>> m_byItem;
    std::map<std::string, std::string> m_methods;
    bool m_loading = false;
    std::string m_shownContract; ///< the contract whose period end was last suggested
};

} // namespace meibo::gui
