#include "CreateDialog.h"

#include "Convert.h"

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

namespace meibo::gui {

namespace {
struct Outcome {
    QString recoveryKey;
    QString error;
    std::shared_ptr<db::Vault> vault; // opened with the new passphrase on the worker
};
} // namespace

CreateDialog::CreateDialog(QString path, QWidget* parent)
    : QDialog(parent), m_path(std::move(path)), m_org(new QLineEdit(this)), m_pass(new QLineEdit(this)),
      m_repeat(new QLineEdit(this)), m_error(new QLabel(this)), m_busy(new QProgressBar(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New registry"));
    m_pass->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_pass->setMinimumWidth(360);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    m_busy->setRange(0, 0);
    m_busy->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    auto* form = new QFormLayout;
    form->addRow(tr("File:"), new QLabel(m_path, this));
    form->addRow(tr("&Organization (名称):"), m_org);
    form->addRow(tr("&Passphrase:"), m_pass);
    form->addRow(tr("&Repeat passphrase:"), m_repeat);
    auto* hint = new QLabel(tr("At least 8 characters; a few words are easiest to remember and hardest to guess."),
                            this);
    hint->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateDialog::tryCreate);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

CreateDialog::~CreateDialog() = default;

std::unique_ptr<db::Vault> CreateDialog::takeVault() { return std::move(m_vault); }

void CreateDialog::tryCreate()
{
    auto fail = [this](const QString& text) {
        m_error->setText(text);
        m_error->show();
        emit attemptFinished(false);
    };
    if (m_org->text().trimmed().isEmpty())
        return fail(tr("Give the organization's name (名称): it heads every document of the registry."));
    if (m_pass->text() != m_repeat->text())
        return fail(tr("The two passphrases differ."));
    if (m_pass->text().size() < 8)
        return fail(tr("The passphrase is too short: use at least 8 characters."));
    auto pass = std::make_shared<db::SecureBuffer>(db::SecureBuffer::fromString(m_pass->text().toStdString()));
    m_pass->clear();
    m_repeat->clear();
    const std::string path = m_path.toStdString();
    const std::string org = m_org->text().trimmed().toStdString();
    m_busy->show();
    m_buttons->setEnabled(false);
    runInBackground<Outcome>(
        this,
        [path, org, pass]() -> Outcome {
            try {
                db::CreateOptions options;
                options.organizationName = org;
                const std::string key = db::Vault::create(path, *pass, options);
                // Opened here with the same passphrase, so that the officer is not asked for it again.
                auto vault = std::make_shared<db::Vault>(db::Vault::open(
                    path, db::Secret::passphrase(std::string_view(reinterpret_cast<const char*>(pass->data()),
                                                                  pass->size()))));
                pass->clear();
                return {QString::fromStdString(key), {}, std::move(vault)};
            } catch (const core::Error& e) {
                return {{}, errorText(e), {}};
            } catch (const std::exception&) {
                return {{}, unexpectedErrorText(), {}};
            }
        },
        [this, fail](QFuture<Outcome> f) {
            m_busy->hide();
            m_buttons->setEnabled(true);
            const Outcome o = f.result();
            if (o.recoveryKey.isEmpty())
                return fail(o.error);
            m_recoveryKey = o.recoveryKey;
            if (o.vault)
                m_vault = std::make_unique<db::Vault>(std::move(*o.vault));
            emit attemptFinished(true);
            accept();
        });
}

} // namespace meibo::gui
