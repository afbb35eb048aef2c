#include "MainWindow.h"

#include "CreateDialog.h"
#include "UnlockDialog.h"

#include "meibo/db/Paths.h"

#include <QApplication>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace meibo::gui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_stack(new QStackedWidget(this)), m_summary(new QLabel(this))
{
    setWindowTitle(tr("Meibo — information handler registry"));
    resize(820, 520);

    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New registry…"), QKeySequence::New, this, &MainWindow::newRegistry);
    file->addAction(tr("&Open registry…"), QKeySequence::Open, this, [this] { openRegistry(); });
    file->addAction(tr("&Lock"), QKeySequence(Qt::CTRL | Qt::Key_L), this, &MainWindow::lockRegistry);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    // Page 0: nothing open.
    auto* welcome = new QWidget(this);
    auto* wl = new QVBoxLayout(welcome);
    auto* title = new QLabel(tr("<h2>Meibo</h2><p>The encrypted registry of information handlers "
                                "(情報取扱者名簿) for government contracts.</p>"),
                             welcome);
    title->setWordWrap(true);
    auto* openButton = new QPushButton(tr("&Open a registry…"), welcome);
    auto* newButton = new QPushButton(tr("Create a &new registry…"), welcome);
    connect(openButton, &QPushButton::clicked, this, [this] { openRegistry(); });
    connect(newButton, &QPushButton::clicked, this, &MainWindow::newRegistry);
    wl->addWidget(title);
    wl->addWidget(openButton);
    wl->addWidget(newButton);
    wl->addStretch();
    m_stack->addWidget(welcome);

    // Page 1: a registry is open.
    auto* open = new QWidget(this);
    auto* ol = new QVBoxLayout(open);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ol->addWidget(m_summary);
    ol->addStretch();
    m_stack->addWidget(open);

    setCentralWidget(m_stack);
    statusBar()->showMessage(tr("No registry open"));
}

MainWindow::~MainWindow() = default;

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
    if (m_vault)
        m_vault->close(); // closes the database and wipes the key
    m_vault.reset();
    refresh();
}

void MainWindow::showVault(std::unique_ptr<db::Vault> vault)
{
    m_vault = std::move(vault);
    refresh();
}

QString MainWindow::summaryText() const { return m_summary->text(); }

void MainWindow::refresh()
{
    if (!m_vault) {
        m_stack->setCurrentIndex(0);
        m_summary->clear();
        statusBar()->showMessage(tr("Locked"));
        return;
    }
    const auto info = m_vault->info();
    QString text = tr("<h3>%1</h3><p>Organization: %2</p><p>Verified: all %3 pages authenticated; opened with key "
                      "slot “%4”.</p>")
                       .arg(QString::fromStdString(m_vault->path()).toHtmlEscaped(),
                            QString::fromStdString(m_vault->organizationName()).toHtmlEscaped())
                       .arg(info.pages)
                       .arg(QString::fromStdString(m_vault->openedSlot()).toHtmlEscaped());
    m_summary->setText(text);
    m_stack->setCurrentIndex(1);
    statusBar()->showMessage(tr("Unlocked: %1").arg(QString::fromStdString(m_vault->path())));
}

} // namespace meibo::gui
