#include "ExportDialog.h"

#include "ContractPicker.h"
#include "Convert.h"
#include "DateEdit.h"
#include "ExportRun.h"
#include "MessageBar.h"
#include "Prompts.h"
#include "Session.h"
#include "Worker.h"

#include "meibo/core/Error.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Compliance.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Reports.h"
#include "meibo/forms/Export.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace meibo::gui {

namespace {
struct ExportOutcome {
    app::ExportSummary summary;
    forms::BundleCheck check;
    QString error;
};
} // namespace

ExportDialog::ExportDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_contracts(new ContractPicker(session, this)), m_asOf(new DateEdit(this)),
      m_change(new QComboBox(this)), m_report(new QComboBox(this)),
      m_methods(new QCheckBox(tr("The compliance &methods (遵守の方法)"), this)),
      m_deletion(new QCheckBox(tr("The certificate of return or &deletion (clause 8)"), this)), m_preContract(new QCheckBox(tr("Leave addresses and birth dates out (※5, before "
                                                                    "the contract)"),
                                                                 this)),
      m_isoDates(new QCheckBox(tr("Dates in the CSV and XLSX as YYYY-MM-DD (&ISO; otherwise in the Japanese era)"), this)),
      m_csvKeys(new QCheckBox(tr("CSV and XLSX with the import's &keys as column names and country codes (otherwise "
                                 "the form's Japanese names)"),
                              this)),
      m_useKept(new QRadioButton(tr("The certificate kept in the registry (a self-signed one is made if none)"), this)),
      m_useP12(new QRadioButton(tr("A PKCS#12 file:"), this)), m_p12File(new QLineEdit(this)),
      m_p12Pass(new QLineEdit(this)), m_folder(new QLineEdit(this)), m_progress(new QProgressBar(this)),
      m_message(new MessageBar(this)), m_run(new QPushButton(tr("&Export"), this))
{
    setWindowTitle(tr("Export the signed documents"));
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_asOf->setDate(toQDate(m_session.today()));
    m_useKept->setChecked(true);
    auto* group = new QButtonGroup(this);
    group->addButton(m_useKept);
    group->addButton(m_useP12);
    m_p12Pass->setEchoMode(QLineEdit::Password);
    m_p12Pass->setPlaceholderText(tr("its passphrase"));
    m_p12File->setEnabled(false);
    m_p12Pass->setEnabled(false);
    connect(m_useP12, &QRadioButton::toggled, m_p12File, &QLineEdit::setEnabled);
    connect(m_useP12, &QRadioButton::toggled, m_p12Pass, &QLineEdit::setEnabled);
    auto* browseP12 = new QPushButton(tr("B&rowse…"), this);
    connect(browseP12, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("PKCS#12 certificate"), QString(),
                                                       tr("PKCS#12 (*.p12 *.pfx);;All files (*)"));
        if (!f.isEmpty()) {
            m_useP12->setChecked(true);
            m_p12File->setText(f);
        }
    });
    auto* browseFolder = new QPushButton(tr("C&hoose…"), this);
    connect(browseFolder, &QPushButton::clicked, this, &ExportDialog::chooseFolder);
    m_folder->setPlaceholderText(tr("a new or empty folder"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->hide();

    auto* form = new QFormLayout;
    auto* cl = new QLabel(tr("&Contract:"), this);
    cl->setBuddy(m_contracts);
    form->addRow(cl, m_contracts);
    auto* al = new QLabel(tr("Roster &as of:"), this);
    al->setBuddy(m_asOf);
    form->addRow(al, m_asOf);
    auto* chl = new QLabel(tr("Change &notice:"), this);
    chl->setBuddy(m_change);
    form->addRow(chl, m_change);
    auto* rl = new QLabel(tr("Status re&port:"), this);
    rl->setBuddy(m_report);
    form->addRow(rl, m_report);
    form->addRow(QString(), m_methods);
    form->addRow(QString(), m_deletion);
    form->addRow(QString(), m_preContract);
    form->addRow(QString(), m_isoDates);
    form->addRow(QString(), m_csvKeys);
    // The keys layout is the import's own: ISO dates unless asked otherwise, as on the command line.
    connect(m_csvKeys, &QCheckBox::toggled, m_isoDates, [this](bool keys) {
        if (keys)
            m_isoDates->setChecked(true);
    });
    auto* docs = new QLabel(tr("Documents: 様式4 情報取扱者名簿 and 情報管理体制図 (signed PDF and DOCX), the "
                               "従事者情報 of clause 4 (signed PDF, DOCX and CSV), the roster as CSV and XLSX, the "
                               "diagram as PNG and SVG, a signed manifest; and what is chosen above: the 変更届, the "
                               "実施状況報告書, the compliance methods, the deletion certificate."),
                            this);
    docs->setWordWrap(true);
    form->addRow(tr("Contents:"), docs);
    form->addRow(tr("Certificate:"), m_useKept);
    auto* p12Row = new QHBoxLayout;
    p12Row->addWidget(m_useP12);
    p12Row->addWidget(m_p12File, 1);
    p12Row->addWidget(browseP12);
    p12Row->addWidget(m_p12Pass);
    form->addRow(QString(), p12Row);
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browseFolder);
    auto* fl = new QLabel(tr("&Folder:"), this);
    fl->setBuddy(m_folder);
    form->addRow(fl, folderRow);
    auto* warning = new QLabel(tr("The folder will hold personal data in plain form (names, addresses, passport "
                                  "numbers), readable only by you. Send it, then delete it."),
                               this);
    warning->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_run, QDialogButtonBox::AcceptRole);
    m_run->setDefault(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(warning);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(760);
    connect(m_run, &QPushButton::clicked, this, [this] { start(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_contracts, &ContractPicker::contractChanged, this, &ExportDialog::reloadChanges);
    connect(&m_session, &Session::closed, this, &QDialog::reject);
    m_contracts->reload();
    restoreChoices();
    reloadChanges();
}

namespace {
const QString kExport = QStringLiteral("export/");
QString reportKey(const QString& contract) { return QStringLiteral("export/finalizedReport/") + contract; }
} // namespace

void ExportDialog::rememberReport(const QString& contract, qint64 reportId)
{
    QSettings().setValue(reportKey(contract), reportId);
}

void ExportDialog::restoreChoices()
{
    const QSettings settings;
    auto check = [&](QCheckBox* box, const char* key) {
        box->setChecked(settings.value(kExport + QLatin1String(key), box->isChecked()).toBool());
    };
    check(m_methods, "methods");
    check(m_deletion, "deletion");
    check(m_preContract, "preContract");
    check(m_csvKeys, "csvKeys");
    check(m_isoDates, "isoDates");
    m_p12File->setText(settings.value(kExport + QLatin1String("p12File")).toString());
    if (settings.value(kExport + QLatin1String("useP12"), false).toBool())
        m_useP12->setChecked(true);
    m_folder->setText(settings.value(kExport + QLatin1String("folder")).toString());
}

void ExportDialog::rememberChoices() const
{
    QSettings settings;
    settings.setValue(kExport + QLatin1String("methods"), m_methods->isChecked());
    settings.setValue(kExport + QLatin1String("deletion"), m_deletion->isChecked());
    settings.setValue(kExport + QLatin1String("preContract"), m_preContract->isChecked());
    settings.setValue(kExport + QLatin1String("csvKeys"), m_csvKeys->isChecked());
    settings.setValue(kExport + QLatin1String("isoDates"), m_isoDates->isChecked());
    settings.setValue(kExport + QLatin1String("useP12"), m_useP12->isChecked());
    settings.setValue(kExport + QLatin1String("p12File"), m_p12File->text()); // never its passphrase
    settings.setValue(kExport + QLatin1String("folder"), QDir::cleanPath(m_folder->text().trimmed()));
}

void ExportDialog::chooseFolder()
{
    // A dialog that takes a typed name of a folder that does not exist yet (getExistingDirectory
    // refuses one); the export creates it after asking.
    QFileDialog dialog(this, tr("A new or empty folder for the bundle"));
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setOptions(QFileDialog::ShowDirsOnly | QFileDialog::DontConfirmOverwrite | QFileDialog::DontUseNativeDialog);
    dialog.setLabelText(QFileDialog::FileName, tr("Folder name:"));
    dialog.setLabelText(QFileDialog::Accept, tr("Choose"));
    const QString current = m_folder->text().trimmed();
    const QString start = !current.isEmpty() ? QFileInfo(current).absolutePath()
                                             : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    dialog.setDirectory(start);
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty())
        m_folder->setText(QDir::cleanPath(dialog.selectedFiles().first()));
}

void ExportDialog::reloadChanges()
{
    m_change->clear();
    m_change->addItem(tr("None: the roster as of the day above"), QVariant());
    m_report->clear();
    m_report->addItem(tr("None"), QVariant());
    const auto c = m_contracts->current();
    if (!c || !m_session.isOpen())
        return;
    const QVariant finalized = QSettings().value(reportKey(qs(c->code)));
    for (const auto& r : db::Reports(m_session.vault()).list(c->id))
        m_report->addItem(tr("Report %1: %2 – %3, revision %4 (%5)")
                              .arg(r.id)
                              .arg(qs(core::formatIsoDate(r.periodStart)), qs(core::formatIsoDate(r.periodEnd)))
                              .arg(r.revision)
                              .arg(r.state == core::ReportState::Final ? tr("final") : tr("draft")),
                          QVariant::fromValue(qlonglong(r.id)));
    // The report just finalized in the Report view, as the officer will export it next.
    if (finalized.isValid())
        m_report->setCurrentIndex(std::max(0, m_report->findData(QVariant::fromValue(finalized.toLongLong()))));
    for (const auto& cs : db::ChangeSets(m_session.vault()).list(c->id))
        if (cs.state != core::ChangeState::Withdrawn && cs.state != core::ChangeState::Rejected)
            m_change->addItem(tr("Change set %1 (%2, effective %3): %4")
                                  .arg(cs.id)
                                  .arg(changeStateText(cs.state), qs(core::formatIsoDate(cs.effective)), qs(cs.reason)),
                              QVariant::fromValue(qlonglong(cs.id)));
}

void ExportDialog::setBusy(bool busy)
{
    m_run->setEnabled(!busy);
    m_progress->setVisible(busy || m_progress->value() > 0);
}

bool ExportDialog::start()
{
    m_message->clearMessage();
    m_verify.clear();
    const auto contract = m_contracts->current();
    if (!m_session.isOpen() || !contract) {
        m_message->showError(tr("Choose a contract first."));
        return false;
    }
    const QString folder = m_folder->text().trimmed();
    if (folder.isEmpty()) {
        m_message->showError(tr("Choose a new or empty folder for the bundle."));
        return false;
    }
    app::ExportRequest request;
    request.contract = contract->code;
    request.outDir = ss(QDir::cleanPath(folder));
    request.asOf = fromQDate(m_asOf->date());
    if (m_change->currentData().isValid())
        request.changeId = m_change->currentData().toLongLong();
    if (m_report->currentData().isValid())
        request.reportId = m_report->currentData().toLongLong();
    request.methods = m_methods->isChecked();
    if (request.methods) {
        // The form prints 未記入 for every item without a method: say so before, not in the PDF.
        int empty = 0;
        const auto methods = db::Compliance(m_session.vault()).methods(contract->id, request.asOf);
        for (int item = 1; item <= 17; ++item) {
            const auto m = methods.find(std::to_string(item));
            empty += m == methods.end() || m->second.empty();
        }
        if (empty > 0 &&
            !askYesNo(this, tr("Compliance methods missing"),
                      tr("%n of the 17 compliance methods (遵守の方法) of %1 are not written yet: the document will "
                         "print 未記入 there.\n\nExport anyway? (Write them in the Report view under Compliance "
                         "methods…)",
                         nullptr, empty)
                          .arg(qs(contract->code)))) {
            m_message->showInfo(tr("Not exported: nothing was written."));
            return false;
        }
    }
    // A new folder inside an existing one is made by the export itself (readable only by you); one
    // whose parent is missing too is a typed path that may hold a mistake: asked first.
    const QString parent = QFileInfo(QDir::cleanPath(folder)).absolutePath();
    if (!QFileInfo::exists(folder) && !QFileInfo(parent).isDir()) {
        if (!askYesNo(this, tr("New folder"),
                      tr("The folder %1 does not exist yet. Create it and export the documents into it?")
                          .arg(QDir::toNativeSeparators(QDir::cleanPath(folder))))) {
            m_message->showInfo(tr("Not exported: nothing was written."));
            return false;
        }
        // Only the folders above it; the export makes the last one itself.
        if (!QDir().mkpath(parent)) {
            m_message->showError(tr("The folder %1 cannot be created here: choose another place.")
                                     .arg(QDir::toNativeSeparators(parent)));
            return false;
        }
    }
    request.deletionCertificate = m_deletion->isChecked();
    request.preContract = m_preContract->isChecked();
    request.layout.keys = m_csvKeys->isChecked();
    request.layout.isoDates = m_isoDates->isChecked();
    if (m_useP12->isChecked()) {
        if (m_p12File->text().isEmpty()) {
            m_message->showError(tr("Choose the PKCS#12 file, or use the kept certificate."));
            return false;
        }
        request.p12File = ss(m_p12File->text());
        request.p12Passphrase = ss(m_p12Pass->text());
        m_p12Pass->clear();
    }
    rememberChoices();
    std::shared_ptr<app::PreparedExport> prepared;
    try {
        prepared = std::make_shared<app::PreparedExport>(app::prepareExport(m_session.vault(), request));
        db::wipe(request.p12Passphrase);
    } catch (const core::Error& e) {
        db::wipe(request.p12Passphrase);
        m_message->showError(errorText(e));
        return false;
    }
    if (prepared->madeSelfSigned)
        m_session.notifyChanged();
    m_progress->setRange(0, 0);
    m_progress->setValue(0);
    setBusy(true);
    QPointer<QProgressBar> bar = m_progress;
    prepared->input.progress = [bar](int done, int total) {
        QMetaObject::invokeMethod(
            bar.data(),
            [bar, done, total] {
                if (bar) {
                    bar->setRange(0, total);
                    bar->setValue(done);
                }
            },
            Qt::QueuedConnection);
    };
    const std::string dir = request.outDir;
    runInBackground<ExportOutcome>(
        this,
        [prepared, dir]() -> ExportOutcome {
            ExportOutcome out;
            try {
                out.summary = app::writeExport(std::move(*prepared));
                out.check = forms::verifyBundle(dir);
            } catch (const core::Error& e) {
                out.error = errorText(e);
            } catch (const std::exception&) {
                out.error = unexpectedErrorText();
            }
            return out;
        },
        [this, dir](QFuture<ExportOutcome> f) {
            const ExportOutcome o = f.result();
            setBusy(false);
            if (!o.error.isEmpty()) {
                m_message->showError(o.error);
                emit finished(false);
                return;
            }
            if (o.check.ok) {
                m_verify = tr("Verified: every file matches the manifest signed by “%1”.").arg(qs(o.check.signer));
                m_message->showInfo(tr("Wrote %1 files to %2 in %3 ms. %4")
                                        .arg(o.summary.files.size())
                                        .arg(qs(dir))
                                        .arg(int(o.summary.milliseconds))
                                        .arg(m_verify));
            } else {
                QStringList problems;
                for (const auto& p : o.check.problems)
                    problems << qs(p);
                m_verify = tr("The bundle does not match its manifest: %1").arg(problems.join(QStringLiteral("; ")));
                m_message->showError(m_verify);
            }
            if (o.check.ok && openFoldersOnDesktop())
                QDesktopServices::openUrl(QUrl::fromLocalFile(qs(dir)));
            emit finished(o.check.ok);
        });
    return true;
}

} // namespace meibo::gui
