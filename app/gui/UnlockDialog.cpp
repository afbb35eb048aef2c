#include "UnlockDialog.h"

#include "Convert.h"

#include "Worker.h"

#include "meibo/core/Error.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace meibo::gui {

namespace {
/// The result of one open attempt, carried from the worker thread.
struct Attempt {
    std::shared_ptr<db::Vault> vault;
    QString error;
};
} // namespace

UnlockDialog::UnlockDialog(QString path, QWidget* parent)
    : QDialog(parent), m_path(std::move(path)), m_secret(new QLineEdit(this)),
      m_useRecovery(new QCheckBox(tr("Use the &recovery key instead"), this)), m_error(new QLabel(this)),
      m_busy(new QProgressBar(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Unlock registry"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setMinimumWidth(360);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    m_busy->setRange(0, 0); // indeterminate: the key derivation reports no progress
    m_busy->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Unlock"));

    auto* pathLabel = new QLabel(m_path, this);
    pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* form = new QFormLayout;
    form->addRow(tr("Registry:"), pathLabel);
    auto* secretLabel = new QLabel(tr("&Passphrase:"), this);
    secretLabel->setBuddy(m_secret);
    form->addRow(secretLabel, m_secret);
    form->addRow(QString(), m_useRecovery);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addWidget(m_buttons);

    connect(m_useRecovery, &QCheckBox::toggled, this, [this, secretLabel](bool recovery) {
        secretLabel->setText(recovery ? tr("&Recovery key:") : tr("&Passphrase:"));
        m_secret->setEchoMode(recovery ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &UnlockDialog::tryUnlock);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

UnlockDialog::~UnlockDialog() = default;

std::unique_ptr<db::Vault> UnlockDialog::takeVault() { return std::move(m_vault); }

void UnlockDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_secret->setEnabled(!busy);
    m_useRecovery->setEnabled(!busy);
    m_buttons->setEnabled(!busy);
}

void UnlockDialog::tryUnlock()
{
    const std::string path = m_path.toStdString();
    const bool recovery = m_useRecovery->isChecked();
    // The text goes to guarded memory and the line edit is cleared; Qt's own copies of the typed
    // text cannot be wiped from here (docs/threat-model.md).
    std::string typed = m_secret->text().toStdString();
    auto secretText = std::make_shared<db::SecureBuffer>(db::SecureBuffer::fromString(typed));
    db::wipe(typed);
    m_secret->clear();
    m_error->hide();
    setBusy(true);
    runInBackground<Attempt>(
        this,
        [path, recovery, secretText]() -> Attempt {
            try {
                db::Secret secret = recovery ? db::Secret::recoveryKey(secretText->view())
                                             : db::Secret::passphrase(secretText->view());
                secretText->clear();
                return {std::make_shared<db::Vault>(db::Vault::open(path, secret)), {}};
            } catch (const core::Error& e) {
                return {nullptr, errorText(e)};
            } catch (const std::exception&) {
                return {nullptr, unexpectedErrorText()};
            }
        },
        [this](QFuture<Attempt> future) {
            setBusy(false);
            Attempt a = future.result();
            if (!a.vault) {
                m_error->setText(a.error);
                m_error->show();
                m_secret->setFocus();
                emit attemptFinished(false);
                return;
            }
            m_vault = std::make_unique<db::Vault>(std::move(*a.vault));
            emit attemptFinished(true);
            accept();
        });
}

} // namespace meibo::gui
