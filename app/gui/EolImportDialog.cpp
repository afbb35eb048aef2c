#include "EolImportDialog.h"

#include "ContractPicker.h"
#include "Convert.h"
#include "MessageBar.h"
#include "Session.h"

#include "meibo/core/Error.h"
#include "meibo/core/Registers.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/db/Registers.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meibo::gui {

namespace {
constexpr qint64 kMaxListBytes = 16 << 20;
}

EolImportDialog::EolImportDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_contracts(new ContractPicker(session, this)), m_file(new QLineEdit(this)),
      m_matches(new QTableWidget(0, 4, this)), m_message(new MessageBar(this))
{
    setWindowTitle(tr("Import the end-of-life list"));
    auto* explain = new QLabel(tr("A CSV list of software support end dates (columns product, cycle and eol, as the "
                                  "public end-of-life lists have them) dates the entries of the contract's software "
                                  "ledger whose name and version it lists. All or nothing: a list with a problem "
                                  "changes nothing."),
                               this);
    explain->setWordWrap(true);
    auto* browse = new QPushButton(tr("B&rowse…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto* form = new QFormLayout;
    form->addRow(tr("&Contract:"), m_contracts);
    auto* fileLabel = new QLabel(tr("&List (CSV):"), this);
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    auto* run = new QPushButton(tr("&Import"), this);
    form->addRow(QString(), run);
    m_matches->setHorizontalHeaderLabels({tr("Software"), tr("Version"), tr("Support ends"), tr("Line of the list")});
    m_matches->verticalHeader()->hide();
    m_matches->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matches->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_matches, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(run, &QPushButton::clicked, this, [this] { import(); });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("End-of-life list"), QString(),
                                                       tr("CSV (*.csv);;All files (*)"));
        if (!f.isEmpty())
            m_file->setText(f);
    });
    resize(720, 480);
    m_contracts->reload();
}

bool EolImportDialog::import()
{
    m_message->clearMessage();
    m_matches->setRowCount(0);
    if (!m_session.isOpen())
        return false;
    const auto contract = m_contracts->current();
    if (!contract) {
        m_message->showError(tr("Choose the contract first. Nothing was changed."));
        return false;
    }
    QFile file(m_file->text().trimmed());
    if (m_file->text().trimmed().isEmpty() || !file.open(QIODevice::ReadOnly) || file.size() > kMaxListBytes) {
        m_message->showError(tr("Choose the end-of-life list: a CSV file of at most 16 MiB that you may read. "
                                "Nothing was changed."));
        return false;
    }
    const QByteArray bytes = file.readAll();
    try {
        const core::EolImport eol = core::parseEolCsv(std::string_view(bytes.constData(), std::size_t(bytes.size())));
        if (!eol.issues.empty()) {
            m_message->showError(tr("The list has problems, so nothing was imported:") + QLatin1Char('\n') +
                                 qs(core::formatIssues(eol.issues, japaneseUi(), core::FrontEnd::Gui)));
            return false;
        }
        const auto matches = db::Registers(m_session.vault()).importEol(contract->id, eol);
        for (const auto& m : matches) {
            const int r = m_matches->rowCount();
            m_matches->insertRow(r);
            m_matches->setItem(r, 0, new QTableWidgetItem(qs(m.name)));
            m_matches->setItem(r, 1, new QTableWidgetItem(qs(m.version)));
            m_matches->setItem(r, 2, new QTableWidgetItem(qs(core::formatIsoDate(m.supportEnd))));
            m_matches->setItem(r, 3, new QTableWidgetItem(QString::number(m.line)));
        }
        m_matches->resizeColumnsToContents();
        m_message->showInfo(tr("%n software entry(ies) of %1 dated from the list.", nullptr, int(matches.size()))
                                .arg(qs(contract->code)));
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return false;
    }
    m_session.notifyChanged();
    return true;
}

} // namespace meibo::gui
