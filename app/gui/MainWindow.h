#pragma once

#include "meibo/db/Vault.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QStackedWidget;
class QTabWidget;
class QPushButton;

namespace meibo::gui {

class AuditView;
class ContractDialog;
class OrganizationDialog;
class ChangesView;
class DashboardView;
class ExportDialog;
class IdleLock;
class RegistersView;
class ReportView;
class RosterView;
class Session;
class StructureView;

/// The officer's window: open or create a registry, then the dashboard, roster, structure, change
/// notices and audit log as tabs; export from the File menu. Locks on request and after an idle time.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Takes an opened registry (from the unlock dialog or a test) and shows it.
    void showVault(std::unique_ptr<db::Vault> vault);
    bool hasVault() const;
    QString summaryText() const;

    Session& session() const { return *m_session; }
    IdleLock& idleLock() const { return *m_idle; }
    QTabWidget* tabs() const { return m_tabs; }
    DashboardView* dashboard() const { return m_dashboard; }
    RosterView* rosterView() const { return m_roster; }
    StructureView* structureView() const { return m_structure; }
    ChangesView* changesView() const { return m_changes; }
    AuditView* auditView() const { return m_audit; }
    ReportView* reportView() const { return m_report; }
    RegistersView* registersView() const { return m_registers; }

    /// Opens the export dialog (window-modal) and returns it.
    ExportDialog* openExport();
    /// A new contract (`edit` false) or the details of the roster view's contract.
    ContractDialog* openContract(bool edit);
    OrganizationDialog* openOrganization();
    /// Saves a PNG of each main view into `dir` (the screenshots of the documentation).
    QStringList saveScreenshots(const QString& dir);

    /// After an unlock with the recovery key: asks (default No) whether to set a new passphrase now,
    /// and if so emits newPassphraseWanted. Returns whether the officer said yes.
    bool offerNewPassphrase();
    /// Help: the user guide bundled with the program (offline), in the interface language.
    QDialog* openUserGuide();
    /// Help: the seed's clauses 1)–17) of 「情報セキュリティに関する事項」.
    QDialog* openClauses();

signals:
    /// The officer wants to set a new passphrase for the open registry (after opening it with the
    /// recovery key). TODO(integration, admin15): connect the change-passphrase dialog here; until then
    /// the window says where that step is.
    void newPassphraseWanted();

public slots:
    void openRegistry(const QString& path = {});
    void newRegistry();
    void lockRegistry();
    void openSettings();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    /// The window's size and place and every splitter's positions, kept in the settings.
    void saveLayout() const;
    void restoreLayout();
    void refresh();
    void createMenus();

    Session* m_session;
    IdleLock* m_idle;
    QStackedWidget* m_stack;
    QLabel* m_summary;
    QPushButton* m_openLast;
    QTabWidget* m_tabs;
    DashboardView* m_dashboard;
    RosterView* m_roster;
    StructureView* m_structure;
    ChangesView* m_changes;
    AuditView* m_audit;
    ReportView* m_report;
    RegistersView* m_registers;
    QList<QAction*> m_needVault;
};

} // namespace meibo::gui
