#include "RosterView.h"

#include "ContractPicker.h"
#include "Convert.h"
#include "DateEdit.h"
#include "MessageBar.h"
#include "PersonDialog.h"
#include "RosterModel.h"
#include "Session.h"
#include "SessionAction.h"

#include "meibo/core/Error.h"
#include "meibo/core/RosterRules.h"
#include "meibo/db/Checks.h"
#include "meibo/db/Registry.h"

#include <QAction>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace meibo::gui {

RosterView::RosterView(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_contracts(new ContractPicker(session, this)), m_asOf(new DateEdit(this)),
      m_model(new RosterModel(this)), m_table(new QTableView(this)), m_findingsTitle(new QLabel(this)),
      m_findings(new QListWidget(this)), m_message(new MessageBar(this))
{
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_asOf->setDate(toQDate(m_session.today()));
    auto* contractLabel = new QLabel(tr("&Contract:"), this);
    contractLabel->setBuddy(m_contracts);
    auto* asOfLabel = new QLabel(tr("&As of:"), this);
    asOfLabel->setBuddy(m_asOf);
    auto* add = new QPushButton(tr("Add &person…"), this);
    auto* edit = new QPushButton(tr("Edi&t person…"), this);
    auto* top = new QHBoxLayout;
    top->addWidget(contractLabel);
    top->addWidget(m_contracts, 1);
    top->addWidget(asOfLabel);
    top->addWidget(m_asOf);
    top->addWidget(add);
    top->addWidget(edit);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Column widths from the first rows, not all of them: a roster of thousands opens at once.
    m_table->horizontalHeader()->setResizeContentsPrecision(150);
    m_table->setWordWrap(false);
    m_findings->setWordWrap(true);
    m_findings->setMinimumWidth(260);
    m_findingsTitle->setText(tr("Findings"));
    auto* side = new QWidget(this);
    auto* sl = new QVBoxLayout(side);
    sl->setContentsMargins(0, 0, 0, 0);
    sl->addWidget(m_findingsTitle);
    sl->addWidget(m_findings);
    auto* split = new QSplitter(this);
    split->addWidget(m_table);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);
    setTabOrder(m_contracts, m_asOf);
    setTabOrder(m_asOf, add);
    setTabOrder(add, edit);
    setTabOrder(edit, m_table);
    setTabOrder(m_table, m_findings);

    connect(add, &QPushButton::clicked, this, [this] { addPerson(); });
    connect(edit, &QPushButton::clicked, this, [this] { editSelected(); });
    connect(m_table, &QTableView::activated, this, [this] { editSelected(); });
    connect(m_contracts, &ContractPicker::contractChanged, this, &RosterView::refresh);
    connect(m_asOf, &QDateEdit::dateChanged, this, &RosterView::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RosterView::showFindings);
    followSession(m_session, this, m_contracts, [this] { refresh(); }, [this] {
        m_asOf->setDate(toQDate(m_session.today()));
    });
    connect(&m_session, &Session::closed, this, [this] {
        m_model->clear();
        m_findings->clear();
        m_message->clearMessage();
    });
}

void RosterView::refresh()
{
    const auto contract = m_contracts->current();
    if (!m_session.isOpen() || !contract) {
        m_model->clear();
        m_findings->clear();
        return;
    }
    const QString keep = [this] {
        const auto* e = m_model->entryAt(m_table->currentIndex().row());
        return e ? qs(e->label) : QString();
    }();
    try {
        db::Registry reg(m_session.vault());
        const core::Date asOf = fromQDate(m_asOf->date());
        m_model->setRoster(reg.roster(contract->id, asOf), db::checkContract(m_session.vault(), *contract, asOf));
        m_table->clearSpans();
        for (int r = 0; r < m_model->rowCount(); ++r)
            if (m_model->isHeading(r))
                m_table->setSpan(r, 0, 1, RosterModel::ColumnCount);
        m_table->resizeColumnsToContents();
        if (!keep.isEmpty())
            selectLabel(keep);
        showFindings();
    } catch (const core::Error& e) {
        m_model->clear();
        m_message->showError(errorText(e));
    }
}

bool RosterView::selectLabel(const QString& label)
{
    const int row = m_model->rowOfLabel(label);
    if (row < 0)
        return false;
    m_table->setCurrentIndex(m_model->index(row, 0));
    m_table->selectRow(row);
    showFindings();
    return true;
}

void RosterView::showFindings()
{
    m_findings->clear();
    const auto* entry = m_model->entryAt(m_table->currentIndex().row());
    m_findingsTitle->setText(entry ? tr("Findings for %1").arg(qs(core::subjectOf(*entry)))
                                   : tr("Findings for the whole roster"));
    const auto all = m_model->findingsFor(entry);
    // The whole roster of a large contract has thousands: the first ones here, all on the dashboard.
    constexpr std::size_t kShown = 200;
    const std::vector<core::Finding> findings(all.begin(), all.begin() + std::ptrdiff_t(std::min(all.size(), kShown)));
    for (const auto& f : findings) {
        auto* item = new QListWidgetItem(QStringLiteral("%1 [%2] %3").arg(severityText(f.severity), qs(f.rule),
                                                                          findingText(f)),
                                         m_findings);
        item->setForeground(f.severity == core::Severity::Error ? QColor(0x8b, 0, 0) : QColor(0x7a, 0x5a, 0));
        item->setData(Qt::UserRole, qs(f.rule));
    }
    if (all.size() > findings.size())
        new QListWidgetItem(tr("… and %n more: the dashboard lists them all, grouped by rule.", nullptr,
                               int(all.size() - findings.size())),
                            m_findings);
    if (findings.empty())
        new QListWidgetItem(tr("No findings."), m_findings);
}

PersonDialog* RosterView::openDialog(PersonDialog* dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_message->showInfo(dialog->outcome());
        refresh();
    });
    dialog->open();
    return dialog;
}

PersonDialog* RosterView::addPerson()
{
    const auto contract = m_contracts->current();
    if (!m_session.isOpen() || !contract) {
        m_message->showError(tr("Choose a contract first."));
        return nullptr;
    }
    return openDialog(new PersonDialog(m_session, *contract, std::nullopt, this));
}

PersonDialog* RosterView::editSelected()
{
    const auto contract = m_contracts->current();
    const auto* entry = m_model->entryAt(m_table->currentIndex().row());
    if (!m_session.isOpen() || !contract || !entry) {
        m_message->showError(tr("Select a person in the roster first."));
        return nullptr;
    }
    return openDialog(new PersonDialog(m_session, *contract, *entry, this));
}

} // namespace meibo::gui
