#include "RosterView.h"

#include "ChangeSetDraft.h"
#include "ContractPicker.h"
#include "Convert.h"
#include "DateEdit.h"
#include "FindingLine.h"
#include "MessageBar.h"
#include "PersonDialog.h"
#include "Prompts.h"
#include "RosterModel.h"
#include "Session.h"
#include "SessionAction.h"

#include "meibo/core/Error.h"
#include "meibo/core/RosterRules.h"
#include "meibo/db/Checks.h"
#include "meibo/db/Registry.h"

#include <QAction>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
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
      m_findings(new QListWidget(this)), m_message(new MessageBar(this)), m_endAction(new QAction(this))
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
    auto* end = new QPushButton(tr("E&nd assignment…"), this);
    // Also from the roster's context menu and by its key, wherever the focus is in this view.
    m_endAction->setText(tr("End assignment…"));
    m_endAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_endAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_endAction);
    auto* editAction = new QAction(tr("Edit person…"), this);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addAction(editAction);
    m_table->addAction(m_endAction);
    auto* top = new QHBoxLayout;
    top->addWidget(contractLabel);
    top->addWidget(m_contracts, 1);
    top->addWidget(asOfLabel);
    top->addWidget(m_asOf);
    top->addWidget(add);
    top->addWidget(edit);
    top->addWidget(end);

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
    setTabOrder(edit, end);
    setTabOrder(end, m_table);
    setTabOrder(m_table, m_findings);

    connect(add, &QPushButton::clicked, this, [this] { addPerson(); });
    connect(edit, &QPushButton::clicked, this, [this] { editSelected(); });
    connect(editAction, &QAction::triggered, this, [this] { editSelected(); });
    connect(end, &QPushButton::clicked, this, [this] { endSelected(); });
    connect(m_endAction, &QAction::triggered, this, [this] { endSelected(); });
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
    for (const auto& f : findings)
        addFindingLine(m_findings, f);
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

QDialog* RosterView::endSelected()
{
    const auto contract = m_contracts->current();
    const auto* entry = m_model->entryAt(m_table->currentIndex().row());
    if (!m_session.isOpen() || !contract || !entry) {
        m_message->showError(tr("Select a person in the roster first."));
        return nullptr;
    }
    const QString label = qs(entry->label);
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("End the assignment of %1").arg(qs(core::subjectOf(*entry))));
    auto* lastDay = new DateEdit(dialog);
    lastDay->setObjectName(QStringLiteral("lastDay"));
    lastDay->setCalendarPopup(true);
    lastDay->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    lastDay->setDate(m_asOf->date());
    auto* form = new QFormLayout;
    auto* lastDayLabel = new QLabel(tr("&Last day on the roster:"), dialog);
    lastDayLabel->setBuddy(lastDay);
    form->addRow(lastDayLabel, lastDay);
    auto* note = new QLabel(contract->rosterConsentedOn
                                ? tr("The ministry agreed to this roster: the person leaves through a change notice "
                                     "(変更届), from the day after the last day.")
                                : tr("Nothing is deleted: the person stays in the history and on earlier rosters."),
                            dialog);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    auto* layout = new QVBoxLayout(dialog);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, lastDay, label] {
        if (endAssignment(label, fromQDate(lastDay->date())))
            dialog->accept();
        else
            dialog->reject(); // the answer No or the refusal is in the view's message bar
    });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(&m_session, &Session::closed, dialog, &QDialog::reject);
    dialog->open();
    return dialog;
}

bool RosterView::endAssignment(const QString& label, const core::Date& lastDay)
{
    m_message->clearMessage();
    const auto contract = m_contracts->current();
    if (!m_session.isOpen() || !contract)
        return false;
    const auto* entry = [&]() -> const core::RosterEntry* {
        const int row = m_model->rowOfLabel(label);
        return row < 0 ? nullptr : m_model->entryAt(row);
    }();
    const QString who = entry ? qs(core::subjectOf(*entry)) : label;
    const QString day = qs(core::formatIsoDate(lastDay));
    const bool consented = contract->rosterConsentedOn.has_value();
    const core::Date effective = core::addDays(lastDay, 1);
    const QString question =
        consented ? tr("The ministry agreed to the roster of %1 on %2: %3 can leave it only with advance notice "
                       "and consent. Draft a change set (変更届) in which %3 leaves the roster from %4? The roster "
                       "changes once the ministry consents and the change set is applied.")
                        .arg(qs(contract->code), isoText(contract->rosterConsentedOn), who,
                             qs(core::formatIsoDate(effective)))
                  : tr("%1 leaves the roster of %2 after %3: from the next day they are no longer an information "
                       "handler on it and the forms no longer list them. Their records stay in the history. End the "
                       "assignment?")
                        .arg(who, qs(contract->code), day);
    if (!askYesNo(this, tr("End assignment"), question)) {
        m_message->showInfo(tr("Nothing was changed."));
        return false;
    }
    return runAction(m_session, *m_message, [&]() -> QString {
        if (consented) {
            core::ChangeItem item;
            item.kind = core::ChangeItem::Kind::Leave;
            item.label = ss(label);
            const std::int64_t id = draftChangeSet(m_session, contract->id, effective,
                                                   ss(tr("%1 leaves the roster").arg(who)), {item});
            return tr("Change set %1 was created as a draft: %2 leaves the roster from %3. Submit it to the ministry "
                      "from the Changes view; the roster changes once it is consented and applied.")
                .arg(id)
                .arg(who, qs(core::formatIsoDate(effective)));
        }
        // The same step as `roster end`: one audited write (assignment.end).
        db::Registry(m_session.vault()).endAssignment(contract->id, ss(label), lastDay);
        return tr("%1 leaves the roster after %2.").arg(who, day);
    });
}

} // namespace meibo::gui
