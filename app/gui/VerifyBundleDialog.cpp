#include "VerifyBundleDialog.h"

#include "Convert.h"
#include "MessageBar.h"
#include "Session.h"
#include "Worker.h"

#include "meibo/core/Error.h"
#include "meibo/db/Registry.h"
#include "meibo/forms/Export.h"

#include <QCheckBox>
#include <QColor>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <optional>

namespace meibo::gui {

namespace {
struct Outcome {
    forms::BundleCheck check;
    QString error; ///< the folder holds no bundle that can be checked
};

QString resultText(forms::BundleFileCheck::Result r)
{
    using R = forms::BundleFileCheck::Result;
    switch (r) {
    case R::Matches:
        return VerifyBundleDialog::tr("as signed");
    case R::Changed:
        return VerifyBundleDialog::tr("CHANGED after signing");
    case R::Missing:
        return VerifyBundleDialog::tr("MISSING from the folder");
    case R::Unreadable:
        return VerifyBundleDialog::tr("cannot be read safely (a link, a device or too large)");
    case R::Added:
        return VerifyBundleDialog::tr("ADDED: not among the signed files");
    }
    return {};
}
} // namespace

VerifyBundleDialog::VerifyBundleDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_folder(new QLineEdit(this)),
      m_compare(new QCheckBox(tr("&Compare the signer with the certificate kept in this registry"), this)),
      m_run(new QPushButton(tr("&Verify"), this)), m_signer(new QLabel(this)), m_fingerprint(new QLabel(this)),
      m_files(new QTableWidget(0, 3, this)), m_busy(new QProgressBar(this)), m_message(new MessageBar(this))
{
    setWindowTitle(tr("Verify a bundle"));
    auto* browse = new QPushButton(tr("B&rowse…"), this);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    folderRow->addWidget(m_run);
    auto* folderLabel = new QLabel(tr("The bundle's &folder:"), this);
    folderLabel->setBuddy(m_folder);
    const bool kept = m_session.isOpen() && db::Registry(m_session.vault()).signingIdentity().has_value();
    m_compare->setEnabled(kept);
    m_compare->setChecked(kept);
    if (!kept)
        m_compare->setToolTip(tr("No registry is open, or it keeps no certificate."));
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fingerprint->setWordWrap(true);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_signer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_signer->setWordWrap(true);
    m_files->setHorizontalHeaderLabels({tr("File"), tr("Size"), tr("Result")});
    m_files->verticalHeader()->hide();
    m_files->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_files->horizontalHeader()->setStretchLastSection(true);
    m_busy->setRange(0, 0);
    m_busy->hide();
    auto* result = new QFormLayout;
    result->addRow(tr("Signed by:"), m_signer);
    result->addRow(tr("Certificate SHA-256:"), m_fingerprint);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(folderLabel);
    layout->addLayout(folderRow);
    layout->addWidget(m_compare);
    layout->addWidget(m_message);
    layout->addLayout(result);
    layout->addWidget(m_files, 1);
    layout->addWidget(m_busy);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString d = QFileDialog::getExistingDirectory(this, tr("The bundle's folder"), m_folder->text());
        if (!d.isEmpty())
            m_folder->setText(d);
    });
    connect(m_run, &QPushButton::clicked, this, [this] { start(); });
    connect(m_folder, &QLineEdit::returnPressed, this, [this] { start(); });
    resize(760, 520);
}

bool VerifyBundleDialog::start()
{
    m_message->clearMessage();
    m_files->setRowCount(0);
    m_signer->clear();
    m_fingerprint->clear();
    const QString folder = m_folder->text().trimmed();
    if (folder.isEmpty()) {
        m_message->showError(tr("Choose the folder of the bundle first (the folder that holds manifest.json)."));
        emit attemptFinished(false);
        return false;
    }
    std::optional<forms::ExpectedSigner> expected;
    if (m_compare->isChecked() && m_session.isOpen()) {
        const auto id = db::Registry(m_session.vault()).signingIdentity();
        if (id)
            expected = forms::ExpectedSigner{id->certificatePem, "the certificate kept in the registry"};
    }
    const bool compared = expected.has_value();
    const std::string dir = ss(folder);
    m_busy->show();
    m_run->setEnabled(false);
    runInBackground<Outcome>(
        this,
        [dir, expected]() -> Outcome {
            Outcome o;
            try {
                o.check = forms::verifyBundle(dir, expected);
            } catch (const core::Error& e) {
                if (e.code() == core::ErrorCode::NotFound)
                    o.error = tr("This folder holds no signed list of files (manifest.json): choose the folder of a "
                                 "Meibo export.");
                else if (e.code() == core::ErrorCode::Damaged)
                    o.error = tr("The folder's list of files (manifest.json) is damaged or is not a Meibo manifest, "
                                 "so nothing in it can be verified.");
                else
                    o.error = tr("The folder cannot be read: check that it exists and that you may open it.");
            } catch (const std::exception&) {
                o.error = unexpectedErrorText();
            }
            return o;
        },
        [this, compared](QFuture<Outcome> f) {
            m_busy->hide();
            m_run->setEnabled(true);
            const Outcome o = f.result();
            if (!o.error.isEmpty()) {
                m_message->showError(o.error);
                emit attemptFinished(false);
                return;
            }
            showCheck(o.check, compared);
            emit attemptFinished(o.check.ok);
        });
    return true;
}

void VerifyBundleDialog::showCheck(const forms::BundleCheck& check, bool compared)
{
    using Sig = forms::BundleCheck::Signature;
    m_signer->setText(check.signer.empty() ? tr("(no valid signature)") : qs(check.signer));
    m_fingerprint->setText(qs(check.signerFingerprint));
    m_files->setRowCount(0);
    int bad = 0;
    const QLocale locale;
    for (const auto& f : check.files) {
        const int r = m_files->rowCount();
        m_files->insertRow(r);
        m_files->setItem(r, 0, new QTableWidgetItem(qs(f.name)));
        m_files->setItem(r, 1, new QTableWidgetItem(f.result == forms::BundleFileCheck::Result::Added
                                                        ? QString()
                                                        : locale.formattedDataSize(qint64(f.size))));
        auto* result = new QTableWidgetItem(resultText(f.result));
        if (f.result != forms::BundleFileCheck::Result::Matches) {
            result->setForeground(QColor(0xb0, 0x00, 0x20));
            ++bad;
        }
        m_files->setItem(r, 2, result);
    }
    m_files->resizeColumnsToContents();
    if (check.ok) {
        if (compared)
            m_message->showInfo(tr("The bundle is intact: all %n file(s) are as they were signed, and it was signed "
                                   "with the certificate kept in this registry.",
                                   nullptr, int(check.files.size())));
        else
            m_message->showInfo(tr("The bundle is intact: all %n file(s) are as “%1” signed them. Anyone can make a "
                                   "certificate with any name: compare the fingerprint below with the one the sender "
                                   "gave you.",
                                   nullptr, int(check.files.size()))
                                    .arg(qs(check.signer)));
        return;
    }
    QStringList why;
    if (check.signature == Sig::Missing)
        why << tr("The bundle is not signed: its signature file (manifest.json.p7s) is missing.");
    else if (check.signature == Sig::Invalid)
        why << tr("The signature does not match the list of files: the list was changed after signing.");
    if (compared && !check.signerFingerprint.empty() && !check.signerMatches)
        why << tr("It was signed with another certificate than the one kept in this registry: someone else signed "
                  "it, or the certificate was replaced since.");
    if (bad > 0)
        why << tr("%n file(s) differ from what was signed (see the list below).", nullptr, bad);
    m_message->showError(tr("Do not trust this bundle.") + QLatin1Char(' ') + why.join(QLatin1Char(' ')));
}

} // namespace meibo::gui
