#include "PassphraseDialog.h"

#include "Convert.h"
#include "MessageBar.h"
#include "Session.h"
#include "Worker.h"

#include "meibo/core/Error.h"
#include "meibo/db/Vault.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <memory>

namespace meibo::gui {

namespace {
struct Outcome {
    bool changed = false;
    QString text;
};

/// A line edit's text in guarded memory; the QByteArray that carried it is overwritten.
std::shared_ptr<db::SecureBuffer> secureText(const QLineEdit* edit)
{
    QByteArray utf8 = edit->text().toUtf8();
    auto out = std::make_shared<db::SecureBuffer>(utf8.constData(), std::size_t(utf8.size()));
    utf8.fill('\0');
    return out;
}
} // namespace

PassphraseDialog::PassphraseDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_current(new QLineEdit(this)), m_new(new QLineEdit(this)),
      m_repeat(new QLineEdit(this)), m_message(new MessageBar(this)), m_busy(new QProgressBar(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Close, this))
{
    setWindowTitle(tr("Change the passphrase"));
    for (QLineEdit* e : {m_current, m_new, m_repeat})
        e->setEchoMode(QLineEdit::Password);
    m_new->setMinimumWidth(360);
    m_busy->setRange(0, 0);
    m_busy->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("C&hange"));
    auto* form = new QFormLayout;
    auto* currentLabel = new QLabel(tr("&Current passphrase:"), this);
    currentLabel->setBuddy(m_current);
    form->addRow(currentLabel, m_current);
    form->addRow(tr("&New passphrase:"), m_new);
    form->addRow(tr("&Repeat the new passphrase:"), m_repeat);
    auto* hint = new QLabel(this);
    hint->setWordWrap(true);
    if (session.isOpen() && session.vault().info().keySlots.size() > 0) {
        const QString slot = qs(session.vault().openedSlot());
        bool byRecovery = false;
        for (const auto& s : session.vault().info().keySlots)
            if (s.name == session.vault().openedSlot())
                byRecovery = s.kind == "recovery-key";
        if (byRecovery) {
            // Opened with the recovery key: the passphrase is the forgotten one, so it is not asked.
            m_current->setEnabled(false);
            m_current->setPlaceholderText(tr("not needed: opened with the recovery key"));
        }
        hint->setText(tr("At least 8 characters; a few words are easiest to remember and hardest to guess. The "
                         "passphrase of the key slot this registry was opened with (“%1”) is changed; backups "
                         "written before now still open with the old one.")
                          .arg(byRecovery ? tr("the first passphrase slot") : slot));
    }
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_message);
    layout->addWidget(m_busy);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { start(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void PassphraseDialog::refuse(const QString& text)
{
    m_message->showError(text);
    emit attemptFinished(false);
}

bool PassphraseDialog::start()
{
    m_message->clearMessage();
    if (!m_session.isOpen())
        return false;
    if (m_current->isEnabled() && m_current->text().isEmpty()) {
        refuse(tr("Type the current passphrase first. Nothing was changed."));
        return false;
    }
    if (m_new->text() != m_repeat->text()) {
        refuse(tr("The two new passphrases differ: type the same one twice. Nothing was changed."));
        return false;
    }
    if (m_current->isEnabled() && m_new->text() == m_current->text()) {
        refuse(tr("The new passphrase is the same as the current one: choose another. Nothing was changed."));
        return false;
    }
    const auto next = secureText(m_new);
    try {
        db::checkNewPassphraseRules(*next);
    } catch (const core::Error& e) {
        refuse(errorText(e));
        return false;
    }
    const auto current = m_current->isEnabled() ? secureText(m_current) : std::shared_ptr<db::SecureBuffer>();
    for (QLineEdit* e : {m_current, m_new, m_repeat})
        e->clear();
    db::Vault* vault = &m_session.vault();
    auto hold = m_session.holdOpen();
    m_busy->show();
    m_buttons->setEnabled(false);
    runInBackground<Outcome>(
        this,
        [vault, current, next, hold]() -> Outcome {
            Outcome o;
            try {
                if (current && !vault->checkPassphrase(*current))
                    o.text = tr("The current passphrase is wrong: check it (Caps Lock, input mode). Nothing was "
                                "changed.");
                else
                    o = {true, tr("The passphrase of key slot “%1” was changed. Use the new one from now on; "
                                  "backups written before now still open with the old one.")
                                   .arg(qs(vault->changePassphrase(*next)))};
            } catch (const core::Error& e) {
                o.text = errorText(e);
            } catch (const std::exception&) {
                o.text = unexpectedErrorText();
            }
            if (current)
                current->clear();
            next->clear();
            return o;
        },
        [this](QFuture<Outcome> f) {
            m_busy->hide();
            m_buttons->setEnabled(true);
            const Outcome o = f.result();
            if (!o.changed)
                return refuse(o.text);
            m_message->showInfo(o.text);
            emit attemptFinished(true);
        });
    return true;
}

} // namespace meibo::gui
