#include "MainWindow.h"

#include "AuditView.h"
#include "ChangesView.h"
#include "ContractDialog.h"
#include "ContractPicker.h"
#include "Convert.h"
#include "CreateDialog.h"
#include "DashboardView.h"
#include "ExportDialog.h"
#include "IdleLock.h"
#include "InspectDialog.h"
#include "MethodsDialog.h"
#include "PersonDialog.h"
#include "RegistersView.h"
#include "ReportView.h"
#include "RosterView.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "StructureView.h"
#include "UnlockDialog.h"

#include "meibo/core/Version.h"
#include "meibo/db/Paths.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QTabWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace meibo::gui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_session(new Session(this)), m_idle(new IdleLock(this)), m_stack(new QStackedWidget(this)),
      m_summary(new QLabel(this)), m_openLast(nullptr), m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("Meibo — information handler registry"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/meibo.svg")));
    resize(1200, 760);

    // Page 0: nothing open.
    auto* welcome = new QWidget(this);
    auto* wl = new QVBoxLayout(welcome);
    auto* title = new QLabel(tr("<h2>Meibo</h2><p>The encrypted registry of information handlers "
                                "(情報取扱者名簿) for government contracts.</p>"),
                             welcome);
    title->setWordWrap(true);
    m_openLast = new QPushButton(welcome);
    auto* openButton = new QPushButton(tr("&Open a registry…"), welcome);
    auto* newButton = new QPushButton(tr("Create a &new registry…"), welcome);
    connect(m_openLast, &QPushButton::clicked, this, [this] {
        openRegistry(QSettings().value(QStringLiteral("registry/last")).toString());
    });
    connect(openButton, &QPushButton::clicked, this, [this] { openRegistry(); });
    connect(newButton, &QPushButton::clicked, this, &MainWindow::newRegistry);
    wl->addWidget(title);
    wl->addWidget(m_openLast);
    wl->addWidget(openButton);
    wl->addWidget(newButton);
    wl->addStretch();
    m_stack->addWidget(welcome);

    // Page 1: a registry is open.
    m_dashboard = new DashboardView(*m_session, this);
    m_roster = new RosterView(*m_session, this);
    m_structure = new StructureView(*m_session, this);
    m_changes = new ChangesView(*m_session, this);
    m_audit = new AuditView(*m_session, this);
    m_report = new ReportView(*m_session, this);
    m_registers = new RegistersView(*m_session, this);
    // Tab titles carry no mnemonics (they would clash with the menus and the views' own); the View
    // menu switches with Ctrl+1 … Ctrl+7, and Ctrl+Tab cycles.
    m_tabs->addTab(m_dashboard, tr("Dashboard"));
    m_tabs->addTab(m_roster, tr("Roster"));
    m_tabs->addTab(m_structure, tr("Structure"));
    m_tabs->addTab(m_changes, tr("Changes"));
    m_tabs->addTab(m_report, tr("Report"));
    m_tabs->addTab(m_registers, tr("Registers"));
    m_tabs->addTab(m_audit, tr("Audit log"));
    auto* open = new QWidget(this);
    auto* ol = new QVBoxLayout(open);
    ol->setContentsMargins(4, 4, 4, 4);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ol->addWidget(m_summary);
    ol->addWidget(m_tabs, 1);
    m_stack->addWidget(open);
    setCentralWidget(m_stack);

    createMenus();
    connect(m_idle, &IdleLock::idle, this, [this] {
        lockRegistry();
        statusBar()->showMessage(tr("Locked after %1 minute(s) without input.").arg(IdleLock::configuredMinutes()));
    });
    connect(m_idle, &IdleLock::screenLocked, this, [this] {
        lockRegistry();
        statusBar()->showMessage(tr("Locked with the screen."));
    });
    connect(m_registers, &RegistersView::deletionCertificateRequested, this, [this](const QString& code) {
        if (auto* d = openExport()) {
            d->contractPicker()->selectCode(code);
            d->deletionCheck()->setChecked(true);
        }
    });
    connect(m_session, &Session::closed, this, &MainWindow::refresh);
    connect(m_session, &Session::opened, this, &MainWindow::refresh);
    refresh();
}

MainWindow::~MainWindow() { m_session->close(); }

void MainWindow::createMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New registry…"), QKeySequence::New, this, &MainWindow::newRegistry);
    file->addAction(tr("&Open registry…"), QKeySequence::Open, this, [this] { openRegistry(); });
    m_needVault << file->addAction(tr("&Lock"), QKeySequence(Qt::CTRL | Qt::Key_L), this, &MainWindow::lockRegistry);
    file->addSeparator();
    m_needVault << file->addAction(tr("&Export documents…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                                   [this] { openExport(); });
    file->addSeparator();
    // Works without a registry too (patterns only); with one, its handlers are looked for.
    file->addAction(tr("&Inspect deliverables…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), this, [this] {
        auto* d = new InspectDialog(*m_session, this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->show();
    });
    file->addAction(tr("&Settings…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainWindow::openSettings);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    m_needVault << edit->addAction(tr("&Organization…"), this, [this] { openOrganization(); });
    m_needVault << edit->addAction(tr("New &contract…"), this, [this] { openContract(false); });
    m_needVault << edit->addAction(tr("Contract &details…"), this, [this] { openContract(true); });
    edit->addSeparator();
    m_needVault << edit->addAction(tr("&Add person…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), this, [this] {
        m_tabs->setCurrentWidget(m_roster);
        m_roster->addPerson();
    });
    m_needVault << edit->addAction(tr("&Edit person…"), QKeySequence(Qt::Key_F2), this, [this] {
        m_tabs->setCurrentWidget(m_roster);
        m_roster->editSelected();
    });
    m_needVault << edit->addAction(tr("Compliance &methods…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), this,
                                   [this] {
                                       m_tabs->setCurrentWidget(m_report);
                                       m_report->editMethods();
                                   });
    m_needVault << edit->addAction(tr("&Verify the audit chain"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), this,
                                   [this] {
                                       m_tabs->setCurrentWidget(m_audit);
                                       m_audit->verify();
                                   });

    auto* view = menuBar()->addMenu(tr("&View"));
    const QString names[] = {tr("&Dashboard"), tr("&Roster"),     tr("&Structure"), tr("C&hanges"),
                             tr("Re&port"),    tr("Re&gisters"), tr("A&udit log")};
    for (int i = 0; i < 7; ++i)
        m_needVault << view->addAction(names[i], QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this,
                                       [this, i] { m_tabs->setCurrentIndex(i); });
    view->addSeparator();
    m_needVault << view->addAction(tr("Re&fresh"), QKeySequence::Refresh, this, [this] { m_session->notifyChanged(); });

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Meibo"), this, [this] {
        QMessageBox::about(this, tr("About Meibo"),
                           tr("<p><b>Meibo</b> %1</p><p>The information-handler registry (情報取扱者名簿, 様式4) and "
                              "the security records of METI contracts, in one encrypted file. Meibo never opens a "
                              "network connection.</p>")
                               .arg(QString::fromLatin1(core::kVersion)));
    });
}

bool MainWindow::hasVault() const { return m_session->isOpen(); }

void MainWindow::openRegistry(const QString& given)
{
    QSettings settings;
    QString path = given;
    if (path.isEmpty()) {
        const QString last = settings.value(QStringLiteral("registry/last"),
                                            QString::fromStdString(db::defaultRegistryPath()))
                                 .toString();
        path = QFileDialog::getOpenFileName(this, tr("Open registry"), last,
                                            tr("Meibo registries (*.meibo);;All files (*)"));
        if (path.isEmpty())
            return;
    }
    UnlockDialog dialog(path, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    settings.setValue(QStringLiteral("registry/last"), path);
    showVault(dialog.takeVault());
}

void MainWindow::newRegistry()
{
    const QString suggested = QString::fromStdString(db::defaultRegistryPath());
    db::ensureParentFolder(suggested.toStdString());
    const QString path = QFileDialog::getSaveFileName(this, tr("New registry"), suggested,
                                                      tr("Meibo registries (*.meibo)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    CreateDialog dialog(path, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QMessageBox box(QMessageBox::Information, tr("Recovery key"),
                    tr("The registry was created. This is its recovery key, shown only now. Print it or write it "
                       "down and keep it apart from the computer: it opens the registry if the passphrase is "
                       "forgotten."),
                    QMessageBox::Ok, this);
    box.setInformativeText(dialog.recoveryKey());
    box.setTextInteractionFlags(Qt::TextSelectableByMouse);
    box.exec();
    openRegistry(path);
}

void MainWindow::lockRegistry()
{
    // Open dialogs (a person's record, a notice preview, the export) go first; every view drops its
    // rows on Session::closed; the Vault wipes its key.
    for (QDialog* d : findChildren<QDialog*>())
        if (d->isVisible())
            d->reject();
    m_session->close();
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        m_idle->setTimeout(std::chrono::minutes(IdleLock::configuredMinutes()));
}

void MainWindow::showVault(std::unique_ptr<db::Vault> vault) { m_session->open(std::move(vault)); }

QString MainWindow::summaryText() const { return m_summary->text(); }

ExportDialog* MainWindow::openExport()
{
    if (!m_session->isOpen())
        return nullptr;
    auto* dialog = new ExportDialog(*m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (auto c = m_roster->contractPicker()->currentData().toString(); !c.isEmpty())
        dialog->contractPicker()->selectCode(c);
    dialog->open();
    return dialog;
}

ContractDialog* MainWindow::openContract(bool edit)
{
    if (!m_session->isOpen())
        return nullptr;
    std::optional<core::Contract> contract;
    if (edit) {
        contract = m_roster->contractPicker()->current();
        if (!contract)
            return nullptr;
    }
    auto* dialog = new ContractDialog(*m_session, contract, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

OrganizationDialog* MainWindow::openOrganization()
{
    if (!m_session->isOpen())
        return nullptr;
    auto* dialog = new OrganizationDialog(*m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void MainWindow::refresh()
{
    for (QAction* a : m_needVault)
        a->setEnabled(m_session->isOpen());
    if (!m_session->isOpen()) {
        m_idle->disarm();
        m_stack->setCurrentIndex(0);
        m_summary->clear();
        const QString last = QSettings().value(QStringLiteral("registry/last")).toString();
        m_openLast->setVisible(!last.isEmpty() && QFileInfo::exists(last));
        m_openLast->setText(tr("&Unlock %1").arg(QFileInfo(last).fileName()));
        m_openLast->setToolTip(last);
        statusBar()->showMessage(tr("Locked"));
        return;
    }
    db::Vault& vault = m_session->vault();
    const auto info = vault.info();
    m_summary->setText(tr("<b>%1</b> — %2 — verified: all %3 pages authenticated; opened with key slot “%4”.")
                           .arg(QString::fromStdString(vault.organizationName()).toHtmlEscaped(),
                                QString::fromStdString(vault.path()).toHtmlEscaped())
                           .arg(info.pages)
                           .arg(QString::fromStdString(vault.openedSlot()).toHtmlEscaped()));
    m_stack->setCurrentIndex(1);
    m_tabs->setCurrentWidget(m_dashboard);
    m_idle->setTimeout(std::chrono::minutes(IdleLock::configuredMinutes()));
    m_idle->arm();
    statusBar()->showMessage(tr("Unlocked: %1").arg(QString::fromStdString(vault.path())));
}

QStringList MainWindow::saveScreenshots(const QString& dir)
{
    QDir().mkpath(dir);
    QStringList written;
    auto save = [&](QWidget* w, const QString& name) {
        QApplication::processEvents();
        const QString file = QDir(dir).filePath(name);
        if (w->grab().save(file, "PNG"))
            written << file;
    };
    const char* names[] = {"dashboard.png", "roster.png",    "structure.png", "changes.png",
                           "report.png",    "registers.png", "audit.png"};
    for (int i = 0; i < m_tabs->count() && i < 7; ++i) {
        m_tabs->setCurrentIndex(i);
        if (i == 1) {
            m_roster->selectLabel(QStringLiteral("E"));
        }
        if (i == 3 && m_changes->table()->rowCount() > 0)
            m_changes->table()->selectRow(0);
        if (i == 4)
            m_report->selectItem(QStringLiteral("11"));
        if (i == 5)
            m_registers->kinds()->setCurrentIndex(1); // the software ledger
        save(this, QString::fromLatin1(names[i]));
    }
    // The information register with the disposal checklist beside it, and the compliance methods.
    m_tabs->setCurrentWidget(m_registers);
    if (auto* info = m_registers->table(QStringLiteral("information")))
        m_registers->kinds()->setCurrentWidget(info->parentWidget());
    save(this, QStringLiteral("disposal.png"));
    m_tabs->setCurrentWidget(m_report);
    m_report->selectItem(QStringLiteral("11"));
    if (auto* d = m_report->editMethods()) {
        save(d, QStringLiteral("methods.png"));
        d->reject();
    }
    m_tabs->setCurrentIndex(1);
    m_roster->selectLabel(QStringLiteral("D"));
    if (auto* d = m_roster->editSelected()) {
        d->resize(620, 760);
        save(d, QStringLiteral("person.png"));
        d->reject();
    }
    if (auto* e = openExport()) {
        e->folderEdit()->setText(QStringLiteral("/home/officer/提出/METI-2026-01"));
        e->adjustSize();
        save(e, QStringLiteral("export.png"));
        e->reject();
    }
    {
        InspectDialog inspect(*m_session, this);
        save(&inspect, QStringLiteral("inspect.png"));
    }
    m_tabs->setCurrentIndex(0);
    return written;
}

} // namespace meibo::gui
