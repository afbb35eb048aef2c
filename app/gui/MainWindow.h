#pragma once

#include "meibo/db/Vault.h"

#include <QMainWindow>

#include <functional>
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
struct FindingTarget;
class IdleLock;
class ImportWizard;
class PeopleView;
class RegistersView;
class ReportView;
class RosterView;
class Session;
class StructureView;
class TimelineView;

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
    TimelineView* timelineView() const { return m_timeline; }
    PeopleView* peopleView() const { return m_people; }

    /// Opens the export dialog (window-modal) and returns it.
    ExportDialog* openExport();
    /// A new contract (`edit` false) or the details of the roster view's contract.
    ContractDialog* openContract(bool edit);
    OrganizationDialog* openOrganization();
    /// Writes the deadlines (reports, consents, contract ends) as an iCalendar file; asks where when
    /// `path` is empty. A failure is reported through the one guard. Returns whether it was written.
    bool exportDeadlines(const QString& path = {});
    /// The import wizard for the roster view's contract (window-modal), reading `file` when given.
    ImportWizard* openImport(const QString& file = {});
    /// Saves a PNG of each main view into `dir` (the screenshots of the documentation).
    QStringList saveScreenshots(const QString& dir);

    /// Shows where a finding is fixed: its person in the roster, its change set, report or entry.
    void goToFinding(const FindingTarget& target);
    /// After an unlock with the recovery key: asks (default No) whether to set a new passphrase now,
    /// and if so emits newPassphraseWanted. Returns whether the officer said yes.
    bool offerNewPassphrase();
    /// Help: the user guide bundled with the program (offline), in the interface language.
    QDialog* openUserGuide();
    /// Help: the seed's clauses 1)–17) of 「情報セキュリティに関する事項」.
    QDialog* openClauses();

signals:
    /// The officer wants to set a new passphrase for the open registry (after opening it with the
    /// recovery key); the window opens the Extras menu's change of passphrase.
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
    /// The People view, a person's qualifications and the import wizard on a copy of the roster
    /// with one bad row, for saveScreenshots.
    void saveImportAndPeopleScreenshots(const std::function<void(QWidget*, const QString&)>& save);

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
    TimelineView* m_timeline;
    PeopleView* m_people;
    QList<QAction*> m_needVault;
};

} // namespace meibo::gui
