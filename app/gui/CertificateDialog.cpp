#include "CertificateDialog.h"

#include "Convert.h"
#include "MessageBar.h"
#include "Prompts.h"
#include "Session.h"
#include "Worker.h"

#include "meibo/core/Error.h"
#include "meibo/db/Registry.h"
#include "meibo/db/SecureBuffer.h"
#include "meibo/forms/Signing.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace meibo::gui {

struct CertificateDialog::Made {
    forms::SigningIdentity identity;
    std::string source; ///< "pkcs12" or "self-signed", as the CLI stores it
    QString error;
};

namespace {
constexpr qint64 kMaxPkcs12Bytes = 1 << 20;

QString sourceText(const std::string& source)
{
    if (source == "pkcs12")
        return CertificateDialog::tr("imported from a PKCS#12 file");
    if (source == "self-signed")
        return CertificateDialog::tr("self-signed, made by Meibo (recipients see the issuer as unknown unless they "
                                     "trust it)");
    return qs(source);
}
} // namespace

CertificateDialog::CertificateDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_signer(new QLabel(this)), m_source(new QLabel(this)),
      m_fingerprint(new QLabel(this)), m_copy(new QPushButton(tr("&Copy the fingerprint"), this)),
      m_save(new QPushButton(tr("&Save the certificate…"), this)), m_file(new QLineEdit(this)),
      m_filePass(new QLineEdit(this)), m_name(new QLineEdit(this)), m_busy(new QProgressBar(this)),
      m_message(new MessageBar(this))
{
    setWindowTitle(tr("Signing certificate"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_fingerprint->setFont(mono);
    m_fingerprint->setWordWrap(true);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_signer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source->setWordWrap(true);
    m_filePass->setEchoMode(QLineEdit::Password);
    m_busy->setRange(0, 0);
    m_busy->hide();

    auto* kept = new QGroupBox(tr("The certificate kept in the registry"), this);
    auto* keptForm = new QFormLayout(kept);
    keptForm->addRow(tr("Signer:"), m_signer);
    keptForm->addRow(tr("Kind:"), m_source);
    keptForm->addRow(tr("SHA-256 fingerprint:"), m_fingerprint);
    auto* tell = new QLabel(tr("Tell the ministry this fingerprint (by telephone or on paper, not only in the same "
                               "mail as the documents): it is how they know that the signature is yours."),
                            kept);
    tell->setWordWrap(true);
    keptForm->addRow(tell);
    auto* keptButtons = new QHBoxLayout;
    keptButtons->addWidget(m_copy);
    keptButtons->addWidget(m_save);
    keptButtons->addStretch();
    keptForm->addRow(keptButtons);

    auto* importBox = new QGroupBox(tr("Import a certificate (PKCS#12: .p12 / .pfx)"), this);
    auto* importForm = new QFormLayout(importBox);
    auto* browse = new QPushButton(tr("B&rowse…"), importBox);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto* fileLabel = new QLabel(tr("&File:"), importBox);
    fileLabel->setBuddy(m_file);
    importForm->addRow(fileLabel, fileRow);
    importForm->addRow(tr("File's &passphrase:"), m_filePass);
    auto* importButton = new QPushButton(tr("&Import"), importBox);
    importForm->addRow(QString(), importButton);

    auto* makeBox = new QGroupBox(tr("Or make a self-signed certificate"), this);
    auto* makeForm = new QFormLayout(makeBox);
    makeForm->addRow(tr("Signer's &name:"), m_name);
    auto* makeButton = new QPushButton(tr("&Generate"), makeBox);
    makeForm->addRow(QString(), makeButton);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(kept);
    layout->addWidget(importBox);
    layout->addWidget(makeBox);
    layout->addStretch(1); // the boxes keep their height; extra room goes below
    layout->addWidget(m_message);
    layout->addWidget(m_busy);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("PKCS#12 certificate"), QString(),
                                                       tr("PKCS#12 (*.p12 *.pfx);;All files (*)"));
        if (!f.isEmpty())
            m_file->setText(f);
    });
    connect(importButton, &QPushButton::clicked, this, [this] { importFile(); });
    connect(makeButton, &QPushButton::clicked, this, [this] { generate(); });
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_fingerprint->text()); });
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Save the certificate"), QStringLiteral("certificate.pem"),
                                                       tr("PEM certificate (*.pem)"));
        if (!f.isEmpty())
            saveCertificate(f);
    });
    if (m_session.isOpen())
        m_name->setText(qs(db::Registry(m_session.vault()).organization().name));
    resize(700, 560);
    reload();
}

void CertificateDialog::reload()
{
    std::optional<db::StoredIdentity> id;
    if (m_session.isOpen())
        id = db::Registry(m_session.vault()).signingIdentity();
    m_copy->setEnabled(id.has_value());
    m_save->setEnabled(id.has_value());
    if (!id) {
        m_signer->setText(tr("none yet: import one, or make a self-signed one (an export makes one if none)"));
        m_source->clear();
        m_fingerprint->clear();
        return;
    }
    m_signer->setText(qs(id->signer));
    m_source->setText(sourceText(id->source));
    m_fingerprint->setText(qs(forms::certificateFingerprint(id->certificatePem)));
}

void CertificateDialog::refuse(const QString& text)
{
    m_message->showError(text);
    emit attemptFinished(false);
}

void CertificateDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    for (auto* box : findChildren<QGroupBox*>())
        box->setEnabled(!busy);
}

bool CertificateDialog::confirmReplace()
{
    if (!m_session.isOpen())
        return false;
    const auto id = db::Registry(m_session.vault()).signingIdentity();
    if (!id)
        return true;
    return askYesNo(this, tr("Replace the certificate"),
                    tr("Replace the kept certificate of “%1” (SHA-256 %2)? Documents signed with it stay valid, but "
                       "new ones will be signed with the new certificate: tell the ministry its fingerprint.")
                        .arg(qs(id->signer), qs(forms::certificateFingerprint(id->certificatePem))));
}

void CertificateDialog::keep(const Made& made)
{
    try {
        db::Registry(m_session.vault())
            .setSigningIdentity({made.identity.certificatePem, made.identity.privateKeyPem, made.identity.signerName,
                                 made.source});
    } catch (const core::Error& e) {
        return refuse(errorText(e));
    }
    reload();
    m_session.notifyChanged();
    m_message->showInfo(tr("Kept the certificate of “%1” in the registry (SHA-256 %2).")
                            .arg(qs(made.identity.signerName), m_fingerprint->text()));
    emit attemptFinished(true);
}

bool CertificateDialog::importFile()
{
    m_message->clearMessage();
    if (!m_session.isOpen())
        return false;
    if (m_file->text().trimmed().isEmpty()) {
        refuse(tr("Choose the PKCS#12 file (.p12 or .pfx) first. Nothing was changed."));
        return false;
    }
    QFile file(m_file->text().trimmed());
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxPkcs12Bytes) {
        refuse(tr("Cannot read %1: choose a PKCS#12 file (.p12 or .pfx) of at most 1 MiB. Nothing was changed.")
                   .arg(file.fileName()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (!confirmReplace())
        return false;
    QByteArray utf8 = m_filePass->text().toUtf8();
    auto pass = std::make_shared<std::string>(utf8.constData(), std::size_t(utf8.size()));
    utf8.fill('\0');
    m_filePass->clear();
    setBusy(true);
    runInBackground<Made>(
        this,
        [bytes, pass]() -> Made {
            Made m;
            m.source = "pkcs12";
            try {
                m.identity = forms::identityFromPkcs12(bytes.toStdString(), *pass);
            } catch (const core::Error& e) {
                m.error = errorText(e);
            } catch (const std::exception&) {
                m.error = unexpectedErrorText();
            }
            db::wipe(*pass);
            if (!m.error.isEmpty())
                m.error += QLatin1Char(' ') + tr("Nothing was changed.");
            return m;
        },
        [this](QFuture<Made> f) {
            setBusy(false);
            Made made = f.result();
            if (!made.error.isEmpty())
                return refuse(made.error);
            keep(made);
            db::wipe(made.identity.privateKeyPem);
        });
    return true;
}

bool CertificateDialog::generate()
{
    m_message->clearMessage();
    if (!m_session.isOpen())
        return false;
    const std::string name = ss(m_name->text().trimmed());
    if (name.empty()) {
        refuse(tr("Give the signer's name (usually the organization's name). Nothing was changed."));
        return false;
    }
    if (!confirmReplace())
        return false;
    const std::string org = db::Registry(m_session.vault()).organization().name;
    setBusy(true);
    runInBackground<Made>(
        this,
        [name, org]() -> Made {
            Made m;
            m.source = "self-signed";
            try {
                m.identity = forms::generateSelfSigned(name, org);
            } catch (const core::Error& e) {
                m.error = errorText(e) + QLatin1Char(' ') + tr("Nothing was changed.");
            } catch (const std::exception&) {
                m.error = unexpectedErrorText();
            }
            return m;
        },
        [this](QFuture<Made> f) {
            setBusy(false);
            Made made = f.result();
            if (!made.error.isEmpty())
                return refuse(made.error);
            keep(made);
            db::wipe(made.identity.privateKeyPem);
        });
    return true;
}

bool CertificateDialog::saveCertificate(const QString& path)
{
    m_message->clearMessage();
    const auto id = m_session.isOpen() ? db::Registry(m_session.vault()).signingIdentity() : std::nullopt;
    if (!id)
        return false;
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        out.write(id->certificatePem.data(), qint64(id->certificatePem.size())) != qint64(id->certificatePem.size())) {
        m_message->showError(tr("Cannot write %1: choose another folder.").arg(path));
        return false;
    }
    m_message->showInfo(tr("Saved the certificate (without its key) to %1: give it to whoever verifies your "
                           "documents.")
                            .arg(path));
    return true;
}

} // namespace meibo::gui
