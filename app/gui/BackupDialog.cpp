#include "BackupDialog.h"

#include "Convert.h"
#include "MessageBar.h"
#include "Prompts.h"
#include "Session.h"
#include "Worker.h"

#include "meibo/core/Error.h"
#include "meibo/db/Vault.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace meibo::gui {

namespace {
struct Outcome {
    bool done = false;
    QString text;
};

QString fileState(const QString& path)
{
    const QFileInfo f(path);
    if (!f.exists())
        return BackupDialog::tr("none yet");
    return BackupDialog::tr("%1, written %2")
        .arg(QLocale().formattedDataSize(f.size()), f.lastModified().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}
} // namespace

BackupDialog::BackupDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_last(new QLabel(this)), m_from(new QLineEdit(this)),
      m_backUp(new QPushButton(tr("&Back up now"), this)), m_restore(new QPushButton(tr("&Restore…"), this)),
      m_busy(new QProgressBar(this)), m_message(new MessageBar(this))
{
    setWindowTitle(tr("Backup and restore"));
    m_last->setWordWrap(true);
    m_busy->setRange(0, 0);
    m_busy->hide();
    auto* backupBox = new QGroupBox(tr("Backup"), this);
    auto* backupLayout = new QVBoxLayout(backupBox);
    auto* explain = new QLabel(tr("The backup is an encrypted copy beside the registry (<file>.bak). Meibo also "
                                  "writes it before the first change of each day. It opens with the passphrases of "
                                  "the day it was written. Copy it to another disk now and then."),
                               backupBox);
    explain->setWordWrap(true);
    explain->setTextFormat(Qt::PlainText);
    backupLayout->addWidget(explain);
    backupLayout->addWidget(m_last);
    auto* backupRow = new QHBoxLayout;
    backupRow->addWidget(m_backUp);
    backupRow->addStretch();
    backupLayout->addLayout(backupRow);

    auto* restoreBox = new QGroupBox(tr("Restore"), this);
    auto* restoreForm = new QFormLayout(restoreBox);
    auto* restoreExplain = new QLabel(tr("Replaces everything in the registry by the contents of a backup of this "
                                         "same registry. The passphrases and the recovery key stay as they are now. "
                                         "The present contents are saved first (<file>.before-restore)."),
                                      restoreBox);
    restoreExplain->setWordWrap(true);
    restoreExplain->setTextFormat(Qt::PlainText);
    restoreForm->addRow(restoreExplain);
    auto* browse = new QPushButton(tr("Bro&wse…"), restoreBox);
    auto* fromRow = new QHBoxLayout;
    fromRow->addWidget(m_from, 1);
    fromRow->addWidget(browse);
    auto* fromLabel = new QLabel(tr("Backup &file:"), restoreBox);
    fromLabel->setBuddy(m_from);
    restoreForm->addRow(fromLabel, fromRow);
    restoreForm->addRow(QString(), m_restore);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(backupBox);
    layout->addWidget(restoreBox);
    layout->addStretch(1); // the boxes keep their height; extra room goes below
    layout->addWidget(m_message);
    layout->addWidget(m_busy);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_backUp, &QPushButton::clicked, this, [this] { backUp(); });
    connect(m_restore, &QPushButton::clicked, this, [this] { restore(); });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Backup file"), m_from->text(),
                                                       tr("Meibo backups (*.bak *.meibo *.before-restore);;All files (*)"));
        if (!f.isEmpty())
            m_from->setText(f);
    });
    if (m_session.isOpen())
        m_from->setText(qs(m_session.vault().backupPath()));
    resize(700, 440);
    reload();
}

void BackupDialog::reload()
{
    if (!m_session.isOpen())
        return;
    const QString bak = qs(m_session.vault().backupPath());
    m_last->setText(tr("Backup %1: %2").arg(bak, fileState(bak)));
}

bool BackupDialog::backUp()
{
    m_message->clearMessage();
    if (!m_session.isOpen())
        return false;
    run(false, {});
    return true;
}

bool BackupDialog::restore()
{
    m_message->clearMessage();
    if (!m_session.isOpen())
        return false;
    const QString from = m_from->text().trimmed();
    if (from.isEmpty() || !QFileInfo(from).isFile()) {
        m_message->showError(tr("Choose the backup file to restore from (usually %1). Nothing was changed.")
                                 .arg(qs(m_session.vault().backupPath())));
        emit attemptFinished(false);
        return false;
    }
    // What will be replaced, in numbers the officer knows.
    db::Vault& vault = m_session.vault();
    std::int64_t people = 0, contracts = 0, entries = 0;
    for (const auto& [table, n] : vault.tableCounts()) {
        if (table == "person")
            people = n;
        else if (table == "contract")
            contracts = n;
        else if (table == "audit_log")
            entries = n;
    }
    const QString question =
        tr("Replace everything in the registry by the backup %1 (%2)?\n\nNow the registry holds %3 contract(s), "
           "%4 person(s) and %5 audit entries. Everything written after the backup is lost from the registry; the "
           "present contents are first saved to %6.")
            .arg(from, fileState(from))
            .arg(contracts)
            .arg(people)
            .arg(entries)
            .arg(qs(vault.beforeRestorePath()));
    if (!askYesNo(this, tr("Restore the registry"), question))
        return false;
    run(true, ss(from));
    return true;
}

void BackupDialog::run(bool restoring, const std::string& from)
{
    db::Vault* vault = &m_session.vault();
    auto hold = m_session.holdOpen();
    m_busy->show();
    m_backUp->setEnabled(false);
    m_restore->setEnabled(false);
    runInBackground<Outcome>(
        this,
        [vault, restoring, from, hold]() -> Outcome {
            try {
                if (restoring) {
                    vault->restoreFrom(from);
                    return {true, tr("The registry was restored from %1. What it held before is kept in %2.")
                                      .arg(qs(from), qs(vault->beforeRestorePath()))};
                }
                vault->backupNow();
                return {true, tr("Wrote the backup %1 (encrypted; it opens with today's passphrases).")
                                  .arg(qs(vault->backupPath()))};
            } catch (const core::Error& e) {
                return {false, errorText(e)};
            } catch (const std::exception&) {
                return {false, unexpectedErrorText()};
            }
        },
        [this, restoring](QFuture<Outcome> f) {
            m_busy->hide();
            m_backUp->setEnabled(true);
            m_restore->setEnabled(true);
            const Outcome o = f.result();
            if (o.done) {
                m_message->showInfo(o.text);
                if (restoring)
                    m_session.notifyChanged();
            } else {
                m_message->showError(o.text);
            }
            reload();
            emit attemptFinished(o.done);
        });
}

} // namespace meibo::gui
