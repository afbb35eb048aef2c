#include "MainWindow.h"

#include "AdminMenu.h"
#include "AuditView.h"
#include "ChangesView.h"
#include "ContractDialog.h"
#include "ContractPicker.h"
#include "Convert.h"
#include "CreateDialog.h"
#include "DashboardView.h"
#include "ExportDialog.h"
#include "FindingsModel.h"
#include "Prompts.h"
#include "IdleLock.h"
#include "ImportWizard.h"
#include "MessageBar.h"
#include "InspectDialog.h"
#include "MethodsDialog.h"
#include "PassphraseDialog.h"
#include "PeopleView.h"
#include "PersonDialog.h"
#include "QualificationsDialog.h"
#include "Prompts.h"
#include "RecoveryKeyDialog.h"
#include "RegistersView.h"
#include "ReportView.h"
#include "RosterView.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "StructureView.h"
#include "TimelineView.h"
#include "UnlockDialog.h"

#include "meibo/core/Csv.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/Report.h"
#include "meibo/core/SeedText.h"
#include "meibo/core/Version.h"
#include "DeadlinesCalendar.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Paths.h"

#include <QApplication>
#include <QCloseEvent>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
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
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QStatusBar>
#include <QTemporaryDir>
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
    m_people = new PeopleView(*m_session, this);
    // Tab titles carry no mnemonics (they would clash with the menus and the views' own); the View
    // menu switches with Ctrl+1 … Ctrl+7, and Ctrl+Tab cycles.
    m_tabs->addTab(m_dashboard, tr("Dashboard"));
    m_tabs->addTab(m_roster, tr("Roster"));
    m_tabs->addTab(m_structure, tr("Structure"));
    m_tabs->addTab(m_changes, tr("Changes"));
    m_tabs->addTab(m_report, tr("Report"));
    m_tabs->addTab(m_registers, tr("Registers"));
    m_tabs->addTab(m_audit, tr("Audit log"));
    m_timeline = new TimelineView(*m_session, this);
    m_tabs->addTab(m_timeline, tr("Timeline"));
    connect(m_timeline, &TimelineView::changeRequested, this, [this](const QString& contract, qint64 id) {
        FindingTarget t;
        t.view = FindingTarget::View::Changes;
        t.contract = contract;
        t.changeId = id;
        goToFinding(t);
    });
    connect(m_timeline, &TimelineView::reportRequested, this, [this](const QString& contract) {
        FindingTarget t;
        t.view = FindingTarget::View::Report;
        t.contract = contract;
        goToFinding(t);
    });
    connect(m_timeline, &TimelineView::personRequested, this, [this](const QString& contract, const QString& label) {
        FindingTarget t;
        t.contract = contract;
        t.label = label;
        goToFinding(t);
    });
    m_tabs->addTab(m_people, tr("People"));
    // A roster file dropped on the roster opens the import wizard with it.
    acceptRosterDrops(m_roster, [this](const QString& file) { openImport(file); });
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
    restoreLayout();
    // A message belongs to the view and moment it was shown in: none survives a change of view.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        for (MessageBar* bar : m_tabs->findChildren<MessageBar*>())
            if (bar->window() == this)
                bar->clearMessage();
    });
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
    connect(m_dashboard, &DashboardView::findingActivated, this, &MainWindow::goToFinding);
    connect(m_dashboard, &DashboardView::dueSoon, this, [this](const QStringList& lines) {
        statusBar()->showMessage(tr("Due within %n day(s): %1", nullptr, DashboardView::kDueSoonDays)
                                     .arg(lines.join(QStringLiteral("; "))));
        QApplication::alert(this); // the taskbar's attention, where the desktop has one
    });
    connect(m_session, &Session::closed, this, &MainWindow::refresh);
    connect(m_session, &Session::opened, this, &MainWindow::refresh);
    refresh();
}

MainWindow::~MainWindow() { m_session->close(); }

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

namespace {
/// A splitter's settings key: the view it belongs to and its place among that view's splitters.
QString splitterKey(const QSplitter* splitter)
{
    const QWidget* owner = splitter->parentWidget();
    while (owner->parentWidget() && !QByteArray(owner->metaObject()->className()).startsWith("meibo::gui::"))
        owner = owner->parentWidget();
    int index = 0;
    for (const QSplitter* s : owner->findChildren<QSplitter*>()) {
        if (s == splitter)
            break;
        ++index;
    }
    return QStringLiteral("window/splitter/%1/%2").arg(QString::fromLatin1(owner->metaObject()->className())).arg(index);
}
} // namespace

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    for (const QSplitter* s : findChildren<QSplitter*>())
        settings.setValue(splitterKey(s), s->saveState());
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (const QByteArray g = settings.value(QStringLiteral("window/geometry")).toByteArray(); !g.isEmpty())
        restoreGeometry(g); // Qt keeps a restored window on a screen that exists
    for (QSplitter* s : findChildren<QSplitter*>())
        if (const QByteArray state = settings.value(splitterKey(s)).toByteArray(); !state.isEmpty())
            s->restoreState(state);
}

void MainWindow::createMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New registry…"), QKeySequence::New, this, &MainWindow::newRegistry);
    file->addAction(tr("&Open registry…"), QKeySequence::Open, this, [this] { openRegistry(); });
    m_needVault << file->addAction(tr("&Lock"), QKeySequence(Qt::CTRL | Qt::Key_L), this, &MainWindow::lockRegistry);
    file->addSeparator();
    m_needVault << file->addAction(tr("&Export documents…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                                   [this] { openExport(); });
    m_needVault << file->addAction(tr("&Calendar file of the deadlines…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                                   this, [this] { exportDeadlines(); });
    m_needVault << file->addAction(tr("&Import roster…"), QKeySequence(Qt::CTRL | Qt::Key_I), this,
                                   [this] { openImport(); });
    file->addSeparator();
    // Works without a registry too (patterns only); with one, its handlers are looked for.
    file->addAction(tr("Inspect &deliverables…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), this, [this] {
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
    // The roster view owns Ctrl+Shift+E (a window-wide shortcut beside it would make the key
    // ambiguous): the menu shows the key after a tab and brings the roster forward.
    m_needVault << edit->addAction(tr("E&nd assignment…") + QLatin1Char('\t') +
                                       m_roster->endAction()->shortcut().toString(QKeySequence::NativeText),
                                   this, [this] {
                                       m_tabs->setCurrentWidget(m_roster);
                                       m_roster->endSelected();
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
    m_needVault << view->addAction(tr("&Timeline"), QKeySequence(Qt::CTRL | Qt::Key_T), this,
                                   [this] { m_tabs->setCurrentWidget(m_timeline); });
    m_needVault << view->addAction(tr("P&eople"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), this,
                                   [this] { m_tabs->setCurrentWidget(m_people); });
    view->addSeparator();
    m_needVault << view->addAction(tr("Re&fresh"), QKeySequence::Refresh, this, [this] { m_session->notifyChanged(); });

    addAdminMenu(this, *m_session, m_needVault);
    // After an unlock with the recovery key: the Extras menu's change of passphrase, which then asks
    // for no current passphrase.
    connect(this, &MainWindow::newPassphraseWanted, this,
            [this] { openAdminDialog<PassphraseDialog>(this, *m_session); });

    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&User guide"), QKeySequence::HelpContents, this, [this] { openUserGuide(); });
    help->addAction(tr("The security &clauses (情報セキュリティに関する事項)"), this, [this] { openClauses(); });
    help->addSeparator();
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
    if (m_session->isOpen() && m_session->vault().openedSlot() == "recovery")
        offerNewPassphrase();
}

bool MainWindow::offerNewPassphrase()
{
    if (!askYesNo(this, tr("Opened with the recovery key"),
                  tr("The registry was opened with the recovery key. Set a new passphrase now, so that the recovery "
                     "key can go back into safekeeping?")))
        return false;
    emit newPassphraseWanted();
    return true;
}

void MainWindow::newRegistry()
{
    // Proposed where people keep their files (Documents), not in a hidden folder.
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QFileInfo(QString::fromStdString(db::defaultRegistryPath())).absolutePath();
    QDir().mkpath(folder);
    const QString suggested = QDir(folder).filePath(tr("registry") + QStringLiteral(".meibo"));
    const QString path = QFileDialog::getSaveFileName(this, tr("New registry"), suggested,
                                                      tr("Meibo registries (*.meibo)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    CreateDialog dialog(path, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto vault = dialog.takeVault();
    RecoveryKeyDialog keyDialog(dialog.recoveryKey(), path, this);
    keyDialog.exec();
    QSettings().setValue(QStringLiteral("registry/last"), path);
    if (vault)
        showVault(std::move(vault)); // the passphrase just typed opened it: not asked again
    else
        openRegistry(path);
}

namespace {
/// A window with a text browser and a Close button.
QDialog* readingDialog(QWidget* parent, const QString& title, QTextBrowser*& browser)
{
    auto* dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    browser = new QTextBrowser(dialog);
    browser->setOpenExternalLinks(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(browser, 1);
    layout->addWidget(buttons);
    dialog->resize(900, 680);
    return dialog;
}
} // namespace

QDialog* MainWindow::openUserGuide()
{
    QTextBrowser* browser = nullptr;
    auto* dialog = readingDialog(this, tr("User guide"), browser);
    // Bundled in the program (docs/user-guide.*.md and its screenshots): nothing is fetched.
    const QString name = japaneseUi() ? QStringLiteral("user-guide.ja.md") : QStringLiteral("user-guide.en.md");
    browser->setSearchPaths({QStringLiteral(":/docs")});
    browser->setSource(QUrl(QStringLiteral("qrc:/docs/") + name), QTextDocument::MarkdownResource);
    dialog->show();
    return dialog;
}

QDialog* MainWindow::openClauses()
{
    QTextBrowser* browser = nullptr;
    auto* dialog = readingDialog(this, tr("情報セキュリティに関する事項"), browser);
    QString html = QStringLiteral("<h2>情報セキュリティに関する事項</h2>");
    std::string heading;
    for (const auto& c : core::seed::clauses()) {
        if (c.heading != heading && !c.heading.empty()) {
            heading = c.heading;
            html += QStringLiteral("<h3>%1</h3>").arg(qs(c.heading).toHtmlEscaped());
        }
        html += QStringLiteral("<p><b>%1)</b> %2</p>")
                    .arg(qs(c.id), qs(c.text).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    }
    browser->setHtml(html);
    dialog->show();
    return dialog;
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

ImportWizard* MainWindow::openImport(const QString& file)
{
    if (!m_session->isOpen())
        return nullptr;
    auto* wizard = new ImportWizard(*m_session, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (auto c = m_roster->contractPicker()->currentData().toString(); !c.isEmpty())
        wizard->contractPicker()->selectCode(c);
    if (!file.isEmpty())
        wizard->setFile(file);
    connect(wizard, &QDialog::accepted, this, [this, wizard] {
        m_tabs->setCurrentWidget(m_roster);
        m_roster->messageBar()->showInfo(wizard->outcome());
    });
    wizard->open();
    return wizard;
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

bool MainWindow::exportDeadlines(const QString& given)
{
    if (!m_session->isOpen())
        return false;
    QString path = given;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Calendar file of the deadlines"),
                                            QDir::home().filePath(QStringLiteral("meibo-deadlines.ics")),
                                            tr("Calendar files (*.ics)"));
        if (path.isEmpty())
            return false;
    }
    int count = 0;
    const bool written = guarded([&] {
        const auto deadlines = app::deadlinesWithin(m_session->vault(), m_session->today());
        app::writeDeadlinesIcs(path.toStdString(), deadlines);
        count = int(deadlines.size());
    });
    if (written)
        statusBar()->showMessage(tr("%n deadline(s) written to %1: import the file into your calendar.", nullptr, count)
                                     .arg(path));
    return written;
}

void MainWindow::goToFinding(const FindingTarget& target)
{
    switch (target.view) {
    case FindingTarget::View::Roster:
        m_tabs->setCurrentWidget(m_roster);
        m_roster->contractPicker()->selectCode(target.contract);
        m_roster->selectLabel(target.label);
        m_roster->table()->setFocus();
        break;
    case FindingTarget::View::Changes:
        m_tabs->setCurrentWidget(m_changes);
        m_changes->contractPicker()->selectCode(target.contract);
        m_changes->selectChange(target.changeId);
        break;
    case FindingTarget::View::Report:
        m_tabs->setCurrentWidget(m_report);
        m_report->contractPicker()->selectCode(target.contract);
        break;
    case FindingTarget::View::Registers:
        m_tabs->setCurrentWidget(m_registers);
        m_registers->contractPicker()->selectCode(target.contract);
        m_registers->selectEntry(target.registerKind, target.entryId);
        break;
    }
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
    // Opened with a passphrase or the recovery key, in words: the key slot's stored name is no one's word.
    m_summary->setText(tr("<b>%1</b> — %2 — verified: all %3 pages authenticated; opened with %4.")
                           .arg(QString::fromStdString(vault.organizationName()).toHtmlEscaped(),
                                QString::fromStdString(vault.path()).toHtmlEscaped())
                           .arg(info.pages)
                           .arg(vault.openedSlot() == "recovery" ? tr("the recovery key") : tr("the passphrase")));
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
        m_dashboard->waitUntilLoaded(); // read on a worker thread
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
    // The timeline of the first contract.
    m_tabs->setCurrentWidget(m_timeline);
    m_timeline->waitUntilLoaded();
    save(this, QStringLiteral("timeline.png"));
    saveImportAndPeopleScreenshots(save);
    written << saveAdminScreenshots(this, *m_session, dir);
    // The refused finalize: a draft with an answer missing (the demo's second report), 確定 pressed.
    m_tabs->setCurrentWidget(m_report);
    for (int i = m_report->reportCombo()->count() - 1; i >= 0; --i) {
        m_report->reportCombo()->setCurrentIndex(i);
        if (m_report->current() && m_report->current()->state == core::ReportState::Draft)
            break;
    }
    if (m_report->current() && m_report->current()->state == core::ReportState::Draft) {
        m_report->finalize();
        save(this, QStringLiteral("report-refused.png"));
    }
    // The recovery key as it is shown once after creating a registry (a made-up key).
    {
        RecoveryKeyDialog key(QStringLiteral("K7QM-2XWD-R4TB-9PLA-HC3E-VN6S-YJ5U-FG8Z-M2QD-X7RT-B4LK-P9AC-E3HV"),
                              QDir::home().filePath(tr("Documents") + QStringLiteral("/registry.meibo")), this);
        key.confirmEdit()->setText(QStringLiteral("E3H"));
        key.show();
        key.adjustSize();
        save(&key, QStringLiteral("recovery-key.png"));
        key.confirmEdit()->setText(QStringLiteral("E3HV"));
        key.accept();
    }
    {
        InspectDialog inspect(*m_session, this);
        save(&inspect, QStringLiteral("inspect.png"));
    }
    m_tabs->setCurrentIndex(0);
    return written;
}

void MainWindow::saveImportAndPeopleScreenshots(const std::function<void(QWidget*, const QString&)>& save)
{
    m_tabs->setCurrentWidget(m_people);
    m_people->selectName(QStringLiteral("経済"));
    save(this, QStringLiteral("people.png"));
    if (auto* d = m_people->openQualifications()) {
        save(d, QStringLiteral("person-qualifications.png"));
        d->reject();
    }
    m_people->searchEdit()->clear();
    // The wizard reads the roster view's contract as CSV, with one more row whose birth date is no day.
    const auto contract = m_roster->contractPicker()->current();
    QTemporaryDir tmp;
    if (!contract || !tmp.isValid())
        return;
    db::Registry reg(m_session->vault());
    // With the form's Japanese headings, as an officer's own file has them.
    std::vector<std::string> headings;
    for (const core::RosterField& f : core::rosterFields())
        headings.emplace_back(f.labelJa);
    std::string csv = core::csvLine(headings);
    for (const core::RosterEntry& e : reg.roster(contract->id, m_session->today())) {
        std::vector<std::string> values;
        for (const core::RosterField& f : core::rosterFields())
            values.push_back(core::fieldText(e, f, false));
        csv += core::csvLine(values);
    }
    std::vector<std::string> bad;
    for (const core::RosterField& f : core::rosterFields())
        bad.emplace_back(f.key == "role"         ? "業務従事者"
                         : f.key == "label"      ? "Z"
                         : f.key == "name"       ? "見本 五郎"
                         : f.key == "birth_date" ? "1992-02-30"
                         : f.key == "reports_to" ? "A"
                         : f.key == "valid_from" ? core::formatIsoDate(m_session->today())
                                                 : "");
    csv += core::csvLine(bad);
    const QString file = tmp.filePath(QStringLiteral("名簿.csv"));
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(csv.data(), qint64(csv.size())) != qint64(csv.size()))
        return;
    out.close();
    m_tabs->setCurrentWidget(m_roster);
    if (auto* w = openImport(file)) {
        while (w->isLoading())
            QApplication::processEvents(QEventLoop::AllEvents, 50);
        w->next();
        w->next();
        w->resize(1100, 640);
        save(w, QStringLiteral("import-wizard.png"));
        w->reject();
    }
}

} // namespace meibo::gui
