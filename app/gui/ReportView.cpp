#include "ReportView.h"

#include "ContractPicker.h"
#include "Convert.h"
#include "DateEdit.h"
#include "ExportDialog.h"
#include "FindingLine.h"
#include "MessageBar.h"
#include "MethodsDialog.h"
#include "Prompts.h"
#include "Session.h"
#include "SessionAction.h"

#include "meibo/core/Error.h"
#include "meibo/core/SeedText.h"
#include "meibo/db/Checks.h"
#include "meibo/db/Compliance.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Reports.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace meibo::gui {

namespace {
QDateEdit* dateEdit(QWidget* parent)
{
    auto* d = new DateEdit(parent);
    d->setCalendarPopup(true);
    d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    return d;
}
const core::seed::ReportItem* seedItem(const std::string& id)
{
    for (const auto& i : core::seed::reportItems())
        if (i.id == id)
            return &i;
    return nullptr;
}
void fillStatusCombo(QComboBox* combo)
{
    combo->addItem(QStringLiteral("—"), int(core::ItemStatus::Unset));
    for (auto s : {core::ItemStatus::Done, core::ItemStatus::NotDone, core::ItemStatus::NotApplicable})
        combo->addItem(QString::fromUtf8(core::itemStatusJa(s)), int(s));
}
} // namespace

ReportView::ReportView(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_contracts(new ContractPicker(session, this)), m_reports(new QComboBox(this)),
      m_periodEnd(dateEdit(this)), m_on(dateEdit(this)), m_state(new QLabel(this)), m_table(new QTableWidget(this)),
      m_check(new QTextBrowser(this)), m_status(new QComboBox(this)), m_text(new QPlainTextEdit(this)),
      m_method(new QLabel(this)), m_findings(new QListWidget(this)), m_gaps(new QListWidget(this)),
      m_message(new MessageBar(this))
{
    auto* cl = new QLabel(tr("&Contract:"), this);
    cl->setBuddy(m_contracts);
    auto* rl = new QLabel(tr("Repor&t:"), this);
    rl->setBuddy(m_reports);
    auto* pl = new QLabel(tr("New for the period en&ding:"), this);
    pl->setBuddy(m_periodEnd);
    auto* create = new QPushButton(tr("&New report"), this);
    auto* top = new QHBoxLayout;
    top->addWidget(cl);
    top->addWidget(m_contracts, 1);
    top->addWidget(rl);
    top->addWidget(m_reports, 1);
    top->addWidget(pl);
    top->addWidget(m_periodEnd);
    top->addWidget(create);

    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels({tr("Item"), tr("What is checked"), tr("Status"), tr("Reason / content"),
                                        tr("Findings")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    fillStatusCombo(m_status);
    m_text->setPlaceholderText(tr("The reason for 未実施 or 該当なし (別葉); for item 15 what was done, even when 実施"));
    m_text->setTabChangesFocus(true);
    m_method->setWordWrap(true);
    m_method->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_findings->setWordWrap(true);
    m_gaps->setWordWrap(true);
    auto* editor = new QGroupBox(tr("Selected item"), this);
    auto* ef = new QFormLayout(editor);
    ef->addRow(m_check);
    auto* sl = new QLabel(tr("&Status:"), editor);
    sl->setBuddy(m_status);
    ef->addRow(sl, m_status);
    auto* tl = new QLabel(tr("&Reason / content:"), editor);
    tl->setBuddy(m_text);
    ef->addRow(tl, m_text);
    auto* save = new QPushButton(tr("Save ite&m"), editor);
    save->setShortcut(QKeySequence::Save);
    ef->addRow(save);
    auto* methods = new QPushButton(tr("Com&pliance methods…"), editor);
    auto* mrow = new QHBoxLayout;
    mrow->addWidget(m_method, 1);
    mrow->addWidget(methods, 0, Qt::AlignTop);
    ef->addRow(tr("Method (遵守の方法):"), mrow);
    ef->addRow(tr("Related findings:"), m_findings);

    auto* finalBox = new QGroupBox(tr("Before it can be final"), this);
    auto* fl = new QVBoxLayout(finalBox);
    fl->addWidget(m_state);
    fl->addWidget(m_gaps);
    auto* fr = new QHBoxLayout;
    auto* ol = new QLabel(tr("&On:"), finalBox);
    ol->setBuddy(m_on);
    auto* finalizeB = new QPushButton(tr("Fina&lize"), finalBox);
    auto* reviseB = new QPushButton(tr("Rev&ise"), finalBox);
    fr->addWidget(ol);
    fr->addWidget(m_on);
    fr->addWidget(finalizeB);
    fr->addWidget(reviseB);
    fl->addLayout(fr);

    auto* right = new QWidget(this);
    auto* rv = new QVBoxLayout(right);
    rv->setContentsMargins(0, 0, 0, 0);
    rv->addWidget(editor, 3);
    rv->addWidget(finalBox, 2);
    auto* split = new QSplitter(this);
    split->addWidget(m_table);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(m_contracts, &ContractPicker::contractChanged, this, &ReportView::refresh);
    connect(m_reports, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            loadReport();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ReportView::showItem);
    connect(create, &QPushButton::clicked, this, [this] { createReport(); });
    connect(save, &QPushButton::clicked, this, [this] { saveItem(); });
    connect(finalizeB, &QPushButton::clicked, this, [this] { finalize(); });
    connect(reviseB, &QPushButton::clicked, this, [this] { revise(); });
    connect(methods, &QPushButton::clicked, this, [this] { editMethods(); });
    followSession(m_session, this, m_contracts, [this] { refresh(); }, [this] {
        m_on->setDate(toQDate(m_session.today()));
        m_periodEnd->setDate(toQDate(m_session.today()));
    });
    connect(&m_session, &Session::closed, this, [this] {
        m_report.reset();
        m_shownContract.clear();
        m_byItem.clear();
        m_methods.clear();
        m_reports->clear();
        m_table->setRowCount(0);
        m_gaps->clear();
        m_findings->clear();
        m_text->clear();
        m_check->clear();
        m_method->clear();
        m_message->clearMessage();
    });
}

void ReportView::refresh()
{
    const auto contract = m_contracts->current();
    if (contract && contract->code != m_shownContract) {
        m_shownContract = contract->code;
        try {
            const auto schedule = core::reportSchedule(*contract);
            if (const auto p = core::periodContaining(schedule, m_session.today()))
                m_periodEnd->setDate(toQDate(p->end));
            else if (!schedule.empty())
                m_periodEnd->setDate(toQDate(schedule.back().end));
        } catch (const core::Error&) {
            // A contract whose schedule cannot be cut keeps the date as it is; creating says why.
        }
    }
    const QVariant keep = m_reports->currentData();
    m_loading = true;
    m_reports->clear();
    if (m_session.isOpen() && contract) {
        try {
            for (const auto& r : db::Reports(m_session.vault()).list(contract->id))
                m_reports->addItem(tr("%1 – %2, revision %3 (%4)")
                                       .arg(qs(core::formatIsoDate(r.periodStart)), qs(core::formatIsoDate(r.periodEnd)))
                                       .arg(r.revision)
                                       .arg(r.state == core::ReportState::Final ? tr("final") : tr("draft")),
                                   QVariant::fromValue(qlonglong(r.id)));
        } catch (const core::Error& e) {
            m_message->showError(errorText(e));
        }
    }
    const int i = m_reports->findData(keep);
    m_reports->setCurrentIndex(i >= 0 ? i : m_reports->count() - 1);
    m_loading = false;
    loadReport();
}

void ReportView::loadReport()
{
    const QString keepItem = m_table->currentRow() >= 0 && m_table->item(m_table->currentRow(), 0)
                                 ? m_table->item(m_table->currentRow(), 0)->data(Qt::UserRole).toString()
                                 : QString();
    m_report.reset();
    m_table->setRowCount(0);
    m_gaps->clear();
    const auto contract = m_contracts->current();
    if (!m_session.isOpen() || !contract || !m_reports->currentData().isValid()) {
        m_state->setText(tr("No report yet: choose the last day of a period and make one."));
        showItem();
        return;
    }
    try {
        m_report = db::Reports(m_session.vault()).get(m_reports->currentData().toLongLong());
        m_methods = db::Compliance(m_session.vault()).methods(contract->id, m_report->periodEnd);
        m_byItem.clear();
        for (auto& f : db::checkContract(m_session.vault(), *contract, m_session.today()))
            if (auto item = core::reportItemOfRule(f.rule); !item.empty())
                m_byItem[item].push_back(std::move(f));
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return;
    }
    const auto& r = *m_report;
    m_table->setRowCount(int(r.answers.size()));
    for (int row = 0; row < int(r.answers.size()); ++row) {
        const auto& a = r.answers[row];
        const auto* seed = seedItem(a.item);
        const bool sub = !core::parentItem(a.item).empty();
        QString check = seed ? qs(seed->check).simplified() : QString();
        auto* itemCell = new QTableWidgetItem((sub ? QStringLiteral("    ") : QString()) + qs(a.item) +
                                              QStringLiteral(")"));
        itemCell->setData(Qt::UserRole, qs(a.item));
        m_table->setItem(row, 0, itemCell);
        auto* checkCell = new QTableWidgetItem(check.left(80));
        checkCell->setToolTip(check);
        m_table->setItem(row, 1, checkCell);
        const auto status = core::lineStatus(r, a.item);
        m_table->setItem(row, 2, new QTableWidgetItem(status == core::ItemStatus::Unset
                                                          ? QStringLiteral("—")
                                                          : QString::fromUtf8(core::itemStatusJa(status))));
        m_table->setItem(row, 3, new QTableWidgetItem(qs(a.text).simplified()));
        const auto f = m_byItem.find(a.item);
        m_table->setItem(row, 4, new QTableWidgetItem(f == m_byItem.end() ? QString() : QString::number(f->second.size())));
        if (f != m_byItem.end())
            m_table->item(row, 4)->setForeground(QColor(0x8b, 0, 0));
    }
    m_table->resizeColumnToContents(0);
    m_table->setColumnWidth(1, 300);
    const QStringList gaps = reportGapTexts(r);
    for (const auto& g : gaps)
        new QListWidgetItem(g, m_gaps);
    if (r.state == core::ReportState::Final)
        m_state->setText(tr("Final since %1 (audit head %2). A change opens a new revision.")
                             .arg(isoText(r.finalizedOn), qs(r.auditHead)));
    else
        m_state->setText(gaps.empty() ? tr("Nothing is missing: it can be finalized.")
                                      : tr("%n answer(s) missing:", nullptr, int(gaps.size())));
    if (!keepItem.isEmpty())
        selectItem(keepItem);
    showItem();
}

bool ReportView::selectItem(const QString& item)
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, 0)->data(Qt::UserRole).toString() == item) {
            m_table->setCurrentCell(row, 0);
            m_table->selectRow(row);
            return true;
        }
    return false;
}

void ReportView::showItem()
{
    m_findings->clear();
    const int row = m_table->currentRow();
    if (!m_report || row < 0 || row >= int(m_report->answers.size())) {
        m_check->clear();
        m_text->clear();
        m_method->clear();
        m_status->setCurrentIndex(0);
        return;
    }
    const auto& a = m_report->answers[row];
    const auto* seed = seedItem(a.item);
    m_check->setPlainText(seed ? qs(a.item + ") " + (seed->label.empty() ? std::string() : seed->label + "\n") + seed->check)
                               : qs(a.item));
    m_status->setCurrentIndex(m_status->findData(int(a.status)));
    m_text->setPlainText(qs(a.text));
    const std::string top = core::parentItem(a.item).empty() ? a.item : core::parentItem(a.item);
    const auto m = m_methods.find(top);
    m_method->setText(m == m_methods.end() ? tr("(none recorded: Compliance methods…)") : qs(m->second));
    if (const auto f = m_byItem.find(a.item); f != m_byItem.end())
        for (const auto& x : f->second)
            addFindingLine(m_findings, x);
    if (!m_findings->count())
        new QListWidgetItem(tr("No findings concern this item."), m_findings);
}

std::optional<std::int64_t> ReportView::createReport()
{
    std::optional<std::int64_t> id;
    const auto contract = m_contracts->current();
    runAction(m_session, *m_message, [&] {
        if (!contract)
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("Choose a contract first.")));
        db::Reports reports(m_session.vault());
        const bool earlier = !reports.list(contract->id).empty(); // else there is nothing to carry over
        id = reports.create(contract->id, fromQDate(m_periodEnd->date()));
        return earlier ? tr("Report %1 started from the previous period's answers.").arg(*id)
                       : tr("Report %1 started: answer every item, then finalize it.").arg(*id);
    });
    if (id) {
        m_reports->setCurrentIndex(m_reports->findData(QVariant::fromValue(qlonglong(*id))));
    }
    return id;
}

bool ReportView::setAnswer(const QString& item, core::ItemStatus status, const QString& text)
{
    std::int64_t shown = m_report ? m_report->id : 0;
    const bool ok = runAction(m_session, *m_message, [&] {
        if (!m_report)
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("Make or choose a report first.")));
        const auto r = db::Reports(m_session.vault()).set(m_report->id, ss(item), status, ss(text.trimmed()));
        shown = r.reportId;
        return r.newRevision ? tr("The report was final: the change went into its new revision (report %1).")
                                   .arg(r.reportId)
                             : tr("Item %1 saved.").arg(item);
    });
    if (ok && shown) {
        const int i = m_reports->findData(QVariant::fromValue(qlonglong(shown)));
        if (i >= 0 && i != m_reports->currentIndex())
            m_reports->setCurrentIndex(i);
        selectItem(item);
    }
    return ok;
}

bool ReportView::saveItem()
{
    const int row = m_table->currentRow();
    if (!m_report || row < 0) {
        m_message->showError(tr("Select an item first."));
        return false;
    }
    if (!setAnswer(qs(m_report->answers[row].item), core::ItemStatus(m_status->currentData().toInt()),
                   m_text->toPlainText()))
        return false;
    // On to the next item, as one answers a form: its status first.
    const int next = m_table->currentRow() + 1;
    if (next < m_table->rowCount()) {
        m_table->setCurrentCell(next, 0);
        m_table->selectRow(next);
        m_table->scrollToItem(m_table->item(next, 0));
        m_status->setFocus();
    }
    return true;
}

QStringList ReportView::contradictedItems() const
{
    QStringList out;
    if (!m_report)
        return out;
    for (const auto& a : m_report->answers) {
        if (core::lineStatus(*m_report, a.item) != core::ItemStatus::Done)
            continue;
        const auto f = m_byItem.find(a.item);
        if (f == m_byItem.end() || f->second.empty())
            continue;
        out << tr("%1 (marked 実施): %n finding(s), e.g. %2", nullptr, int(f->second.size()))
                   .arg(qs(a.item), findingText(f->second.front()));
    }
    return out;
}

bool ReportView::finalize()
{
    // A report that is complete is confirmed first: finalizing cannot be undone (a change opens a new
    // revision), and an item marked 実施 that the registry's own findings contradict is named.
    if (m_report && m_report->state != core::ReportState::Final && reportGapTexts(*m_report).isEmpty()) {
        const QStringList contradicted = contradictedItems();
        QString question = tr("Finalize report %1 as of %2?\n\nA final report can no longer be changed: any later "
                              "change opens a new revision, and the export signs this one.")
                               .arg(m_report->id)
                               .arg(m_on->date().toString(Qt::ISODate));
        if (!contradicted.isEmpty())
            question += tr("\n\nThese items are marked 実施 although findings of the registry concern them. Finalize "
                           "only if the report is right regardless (explain it in the item's text):\n• %1")
                            .arg(contradicted.join(QStringLiteral("\n• ")));
        if (!askYesNo(this, tr("Finalize the report"), question)) {
            m_message->showInfo(tr("Not finalized: the report is still a draft."));
            return false;
        }
    }
    return runAction(m_session, *m_message, [&] {
        if (!m_report)
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("Make or choose a report first.")));
        db::Reports(m_session.vault()).finalize(m_report->id, fromQDate(m_on->date()));
        if (const auto contract = m_contracts->current())
            ExportDialog::rememberReport(qs(contract->code), m_report->id);
        return tr("Report %1 is final. Export it from File ▸ Export.").arg(m_report->id);
    });
}

bool ReportView::revise()
{
    std::int64_t id = 0;
    const bool ok = runAction(m_session, *m_message, [&] {
        if (!m_report)
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("Make or choose a report first.")));
        id = db::Reports(m_session.vault()).revise(m_report->id);
        return tr("Revision opened as report %1; the final one is kept.").arg(id);
    });
    if (ok)
        m_reports->setCurrentIndex(m_reports->findData(QVariant::fromValue(qlonglong(id))));
    return ok;
}

MethodsDialog* ReportView::editMethods()
{
    m_message->clearMessage();
    const auto contract = m_contracts->current();
    if (!m_session.isOpen() || !contract) {
        m_message->showError(tr("Choose a contract first."));
        return nullptr;
    }
    auto* dialog = new MethodsDialog(m_session, *contract, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const int row = m_table->currentRow();
    if (m_report && row >= 0 && row < int(m_report->answers.size())) {
        const std::string& item = m_report->answers[row].item;
        dialog->selectItem(qs(core::parentItem(item).empty() ? item : core::parentItem(item)));
    }
    dialog->open();
    return dialog;
}

} // namespace meibo::gui
