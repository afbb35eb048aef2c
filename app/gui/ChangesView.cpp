#include "ChangesView.h"

#include "ContractPicker.h"
#include "Convert.h"
#include "DateEdit.h"
#include "DocumentPreview.h"
#include "ExportRun.h"
#include "MessageBar.h"
#include "Prompts.h"
#include "Session.h"
#include "SessionAction.h"

#include "meibo/core/ChangeSet.h"
#include "meibo/core/Error.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/RosterFields.h"
#include "meibo/core/RosterRules.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Registry.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
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
QString kindText(const core::ChangeItem& item)
{
    switch (item.kind) {
    case core::ChangeItem::Kind::Join:
        return QCoreApplication::translate("meibo", "joins: %1 %2 (%3)")
            .arg(qs(item.join.label), qs(item.join.person.name), roleText(item.join.role));
    case core::ChangeItem::Kind::Leave:
        return QCoreApplication::translate("meibo", "leaves: %1").arg(qs(item.label));
    case core::ChangeItem::Kind::Set: {
        QStringList f;
        for (const auto& [k, v] : item.fields) {
            // Named as the dialogs name the field, never by its key.
            const core::RosterField* field = core::findRosterField(k);
            const QString name = field ? qs(std::string(japaneseUi() ? field->labelJa : field->labelEn)) : qs(k);
            f << name + QStringLiteral(": ") + qs(v);
        }
        return QCoreApplication::translate("meibo", "changes %1: %2").arg(qs(item.label), f.join(QStringLiteral(", ")));
    }
    case core::ChangeItem::Kind::SubcontractorAdd:
        return QCoreApplication::translate("meibo", "subcontractor added: %1").arg(qs(item.subcontractor));
    case core::ChangeItem::Kind::SubcontractorRemove:
        return QCoreApplication::translate("meibo", "subcontractor removed: %1").arg(qs(item.subcontractor));
    case core::ChangeItem::Kind::Method:
        return QCoreApplication::translate("meibo", "compliance method of clause %1: %2")
            .arg(qs(item.label), item.fields.empty() ? QString() : qs(item.fields.front().second));
    }
    return {};
}
} // namespace

ChangesView::ChangesView(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_contracts(new ContractPicker(session, this)), m_filter(new QComboBox(this)),
      m_table(new QTableWidget(this)), m_details(new QTextBrowser(this)), m_effective(dateEdit(this)),
      m_reason(new QLineEdit(this)), m_label(new QComboBox(this)), m_field(new QComboBox(this)),
      m_value(new QLineEdit(this)), m_on(dateEdit(this)), m_note(new QLineEdit(this)), m_message(new MessageBar(this))
{
    auto* contractLabel = new QLabel(tr("&Contract:"), this);
    contractLabel->setBuddy(m_contracts);
    auto* filterLabel = new QLabel(tr("S&tate:"), this);
    filterLabel->setBuddy(m_filter);
    m_filter->addItem(tr("All"), QString());
    for (auto s : {core::ChangeState::Draft, core::ChangeState::Submitted, core::ChangeState::Consented,
                   core::ChangeState::Rejected, core::ChangeState::Applied, core::ChangeState::Withdrawn})
        m_filter->addItem(changeStateText(s), QString::fromLatin1(core::changeStateId(s)));
    auto* top = new QHBoxLayout;
    top->addWidget(contractLabel);
    top->addWidget(m_contracts, 1);
    top->addWidget(filterLabel);
    top->addWidget(m_filter);

    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels({tr("No."), tr("State"), tr("Effective"), tr("Submitted"), tr("Consented"),
                                        tr("Reason")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    // New change set
    auto* newBox = new QGroupBox(tr("New change set"), this);
    auto* nf = new QFormLayout(newBox);
    m_effective->setDate(toQDate(m_session.today()));
    auto* effLabel = new QLabel(tr("Effective &date:"), newBox);
    effLabel->setBuddy(m_effective);
    nf->addRow(effLabel, m_effective);
    auto* reasonLabel = new QLabel(tr("Rea&son:"), newBox);
    reasonLabel->setBuddy(m_reason);
    nf->addRow(reasonLabel, m_reason);
    auto* create = new QPushButton(tr("&New change set"), newBox);
    nf->addRow(create);

    // Editor for the selected draft
    auto* editBox = new QGroupBox(tr("Changes in the selected draft"), this);
    auto* ef = new QFormLayout(editBox);
    auto* csv = new QPushButton(tr("&Import people from CSV…"), editBox);
    ef->addRow(csv);
    auto* labelLabel = new QLabel(tr("&Person:"), editBox);
    labelLabel->setBuddy(m_label);
    ef->addRow(labelLabel, m_label);
    auto* remove = new QPushButton(tr("&Leaves the roster"), editBox);
    ef->addRow(remove);
    // Every field a change set may change (core/RosterFields.h), by the form's words; the key is data.
    for (const core::RosterField& f : core::rosterFields())
        if (core::settableField(f))
            m_field->addItem(japaneseUi() ? qs(std::string(f.labelJa))
                                          : QStringLiteral("%1 (%2)").arg(qs(std::string(f.labelEn)),
                                                                         qs(std::string(f.labelJa))),
                             qs(std::string(f.key)));
    auto* fieldLabel = new QLabel(tr("Field:"), editBox);
    fieldLabel->setBuddy(m_field);
    ef->addRow(fieldLabel, m_field);
    auto* valueLabel = new QLabel(tr("Value:"), editBox);
    valueLabel->setBuddy(m_value);
    ef->addRow(valueLabel, m_value);
    auto* set = new QPushButton(tr("Chan&ge the field"), editBox);
    ef->addRow(set);

    // Workflow
    auto* flowBox = new QGroupBox(tr("Steps"), this);
    auto* ff = new QFormLayout(flowBox);
    m_on->setDate(toQDate(m_session.today()));
    auto* onLabel = new QLabel(tr("On:"), flowBox);
    onLabel->setBuddy(m_on);
    ff->addRow(onLabel, m_on);
    auto* noteLabel = new QLabel(tr("How / b&y / why:"), flowBox);
    noteLabel->setBuddy(m_note);
    m_note->setPlaceholderText(tr("how it was sent, who consented, or why it was rejected"));
    ff->addRow(noteLabel, m_note);
    auto* buttons = new QHBoxLayout;
    auto* submitB = new QPushButton(tr("S&ubmit"), flowBox);
    auto* consentB = new QPushButton(tr("C&onsent"), flowBox);
    auto* rejectB = new QPushButton(tr("Re&ject"), flowBox);
    auto* applyB = new QPushButton(tr("&Apply"), flowBox);
    auto* withdrawB = new QPushButton(tr("&Withdraw"), flowBox);
    for (auto* b : {submitB, consentB, rejectB, applyB, withdrawB})
        buttons->addWidget(b);
    ff->addRow(buttons);
    auto* previewB = new QPushButton(tr("P&review the notice…"), flowBox);
    ff->addRow(previewB);

    auto* right = new QWidget(this);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(newBox);
    rl->addWidget(editBox);
    rl->addWidget(flowBox);
    rl->addStretch();
    auto* leftSplit = new QSplitter(Qt::Vertical, this);
    leftSplit->addWidget(m_table);
    leftSplit->addWidget(m_details);
    auto* split = new QSplitter(this);
    split->addWidget(leftSplit);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(m_contracts, &ContractPicker::contractChanged, this, &ChangesView::refresh);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &ChangesView::refresh);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ChangesView::showSelected);
    connect(create, &QPushButton::clicked, this, [this] { createChange(); });
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("People joining (roster CSV)"), QString(),
                                                          tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty())
            addCsv(path);
    });
    connect(remove, &QPushButton::clicked, this, [this] { removeLabel(m_label->currentData().toString()); });
    connect(set, &QPushButton::clicked, this,
            [this] { setField(m_label->currentData().toString(), m_field->currentData().toString(), m_value->text()); });
    connect(submitB, &QPushButton::clicked, this, [this] { submit(); });
    connect(consentB, &QPushButton::clicked, this, [this] { consent(); });
    connect(rejectB, &QPushButton::clicked, this, [this] { reject(); });
    connect(applyB, &QPushButton::clicked, this, [this] { apply(); });
    connect(withdrawB, &QPushButton::clicked, this, [this] { withdraw(); });
    connect(previewB, &QPushButton::clicked, this, [this] { previewNotice(); });
    followSession(m_session, this, m_contracts, [this] { refresh(); }, [this] {
        m_on->setDate(toQDate(m_session.today()));
        m_effective->setDate(toQDate(m_session.today()));
    });
    connect(&m_session, &Session::closed, this, [this] {
        m_changes.clear();
        m_table->setRowCount(0);
        m_details->clear();
        m_label->clear();
        m_message->clearMessage();
    });
}

void ChangesView::refresh()
{
    const auto keep = selected();
    m_changes.clear();
    m_table->setRowCount(0);
    m_label->clear();
    const auto contract = m_contracts->current();
    if (!m_session.isOpen() || !contract) {
        m_details->clear();
        return;
    }
    try {
        const QString state = m_filter->currentData().toString();
        for (auto& c : db::ChangeSets(m_session.vault()).list(contract->id))
            if (state.isEmpty() || state == QString::fromLatin1(core::changeStateId(c.state)))
                m_changes.push_back(std::move(c));
        m_table->setRowCount(int(m_changes.size()));
        for (int r = 0; r < int(m_changes.size()); ++r) {
            const auto& c = m_changes[r];
            const QStringList cells = {QString::number(c.id),
                                       changeStateText(c.state) + (c.late ? tr(" (late)") : QString()),
                                       qs(core::formatIsoDate(c.effective)), isoText(c.submittedOn),
                                       isoText(c.consentedOn), qs(c.reason)};
            for (int col = 0; col < cells.size(); ++col)
                m_table->setItem(r, col, new QTableWidgetItem(cells[col]));
        }
        m_table->resizeColumnsToContents();
        for (const auto& e : db::Registry(m_session.vault()).roster(contract->id, fromQDate(m_effective->date())))
            m_label->addItem(qs(core::subjectOf(e)), qs(e.label));
        if (keep)
            selectChange(keep->id);
        showSelected();
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
    }
}

std::optional<core::ChangeSet> ChangesView::selected() const
{
    const int r = m_table->currentRow();
    if (r < 0 || r >= int(m_changes.size()) || !m_table->item(r, 0) || !m_table->item(r, 0)->isSelected())
        return std::nullopt;
    return m_changes[r];
}

bool ChangesView::selectChange(std::int64_t id)
{
    for (int r = 0; r < int(m_changes.size()); ++r)
        if (m_changes[r].id == id) {
            m_table->setCurrentCell(r, 0);
            m_table->selectRow(r);
            return true;
        }
    return false;
}

void ChangesView::showSelected()
{
    const auto c = selected();
    if (!c) {
        m_details->setHtml(tr("<p>Select a change set, or make a new one.</p>"));
        return;
    }
    QString html = tr("<h3>Change set %1 — %2</h3>").arg(c->id).arg(changeStateText(c->state));
    html += tr("<p>Effective %1%2. Reason: %3</p>")
                .arg(qs(core::formatIsoDate(c->effective)),
                     c->late ? tr(" (a late notice: recorded after the change happened)") : QString(),
                     qs(c->reason).toHtmlEscaped());
    if (c->submittedOn)
        html += tr("<p>Submitted %1 %2</p>").arg(isoText(c->submittedOn), qs(c->submittedHow).toHtmlEscaped());
    if (c->consentedOn)
        html += tr("<p>Consented %1 %2</p>").arg(isoText(c->consentedOn), qs(c->consentedBy).toHtmlEscaped());
    if (c->rejectedOn)
        html += tr("<p>Rejected %1: %2</p>").arg(isoText(c->rejectedOn), qs(c->rejectionReason).toHtmlEscaped());
    if (c->appliedFrom)
        html += tr("<p>Applied: the roster changed from %1</p>").arg(isoText(c->appliedFrom));
    html += QStringLiteral("<ul>");
    for (const auto& item : c->items)
        html += QStringLiteral("<li>%1</li>").arg(kindText(item).toHtmlEscaped());
    if (c->items.empty())
        html += tr("<li>No changes yet: add people from a CSV, or choose a person and what changes.</li>");
    html += QStringLiteral("</ul>");
    m_details->setHtml(html);
}

std::optional<std::int64_t> ChangesView::createChange()
{
    std::optional<std::int64_t> id;
    const auto contract = m_contracts->current();
    runAction(m_session, *m_message, [&] {
        if (!contract)
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("Choose a contract first.")));
        if (m_reason->text().trimmed().isEmpty())
            throw core::Error(core::ErrorCode::InvalidInput,
                              ss(tr("Give the reason for the change (it is printed on the notice).")), "reason");
        const core::Date effective = fromQDate(m_effective->date());
        id = db::ChangeSets(m_session.vault())
                 .create(contract->id, effective, ss(m_reason->text().trimmed()), effective < m_session.today());
        m_reason->clear();
        return tr("Change set %1 created as a draft.").arg(*id);
    });
    if (id)
        selectChange(*id);
    return id;
}

bool ChangesView::addCsv(const QString& path)
{
    const auto c = selected();
    return runAction(m_session, *m_message, [&] {
        if (!c)
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("Select a draft change set first.")));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw core::Error(core::ErrorCode::NotFound, ss(tr("Cannot read %1.").arg(path)));
        const QByteArray bytes = file.readAll();
        const auto parsed = core::parseRosterCsv(std::string_view(bytes.constData(), std::size_t(bytes.size())),
                                                 m_session.today());
        if (!parsed.issues.empty())
            throw core::Error(core::ErrorCode::InvalidInput,
                              ss(tr("%1 has problems; nothing was added:\n").arg(path)) +
                                  core::formatIssues(parsed.issues, japaneseUi(), core::FrontEnd::Gui));
        const auto items =
            core::changeItemsFromCsv(parsed, db::Registry(m_session.vault()).roster(c->contractId, c->effective));
        db::ChangeSets(m_session.vault()).addItems(c->id, items);
        return tr("Added %n change(s) to change set %1.", nullptr, int(items.size())).arg(c->id);
    });
}

bool ChangesView::removeLabel(const QString& label)
{
    const auto c = selected();
    return runAction(m_session, *m_message, [&] {
        if (!c)
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("Select a draft change set first.")));
        if (label.isEmpty())
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("Choose the person who leaves.")));
        core::ChangeItem item;
        item.kind = core::ChangeItem::Kind::Leave;
        item.label = ss(label);
        db::ChangeSets(m_session.vault()).addItems(c->id, {item});
        return tr("%1 leaves the roster with change set %2.").arg(label).arg(c->id);
    });
}

bool ChangesView::setField(const QString& label, const QString& field, const QString& value)
{
    const auto c = selected();
    return runAction(m_session, *m_message, [&] {
        if (!c)
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("Select a draft change set first.")));
        if (label.isEmpty())
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("Choose the person whose record changes.")));
        core::checkSetField(ss(field), ss(value), core::FieldContext{m_session.today()});
        core::ChangeItem item;
        item.kind = core::ChangeItem::Kind::Set;
        item.label = ss(label);
        item.fields.emplace_back(ss(field), ss(value));
        db::ChangeSets(m_session.vault()).addItems(c->id, {item});
        m_value->clear();
        return tr("Change set %1: %2 %3 = %4.").arg(c->id).arg(label, field, value);
    });
}

#define MEIBO_SELECTED_OR_THROW                                                                                       \
    const auto c = selected();                                                                                        \
    if (!c)                                                                                                           \
        throw core::Error(core::ErrorCode::InvalidInput, ss(tr("Select a change set first.")));

bool ChangesView::submit()
{
    return runAction(m_session, *m_message, [&] {
        MEIBO_SELECTED_OR_THROW
        db::ChangeSets(m_session.vault()).submit(c->id, fromQDate(m_on->date()), ss(m_note->text().trimmed()));
        m_note->clear(); // the note belonged to this step
        return tr("Change set %1 submitted to the ministry on %2.").arg(c->id).arg(m_on->date().toString(Qt::ISODate));
    });
}

bool ChangesView::consent()
{
    return runAction(m_session, *m_message, [&] {
        MEIBO_SELECTED_OR_THROW
        db::ChangeSets(m_session.vault()).consent(c->id, fromQDate(m_on->date()), ss(m_note->text().trimmed()));
        m_note->clear(); // the note belonged to this step
        return tr("Change set %1: the ministry's consent of %2 is recorded. Apply it to change the roster.")
            .arg(c->id)
            .arg(m_on->date().toString(Qt::ISODate));
    });
}

bool ChangesView::reject()
{
    return runAction(m_session, *m_message, [&] {
        MEIBO_SELECTED_OR_THROW
        if (m_note->text().trimmed().isEmpty())
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("Give the ministry's reason for the rejection.")),
                              "reason");
        db::ChangeSets(m_session.vault()).reject(c->id, fromQDate(m_on->date()), ss(m_note->text().trimmed()));
        m_note->clear(); // the note belonged to this step
        return tr("Change set %1: the rejection is recorded.").arg(c->id);
    });
}

bool ChangesView::withdraw()
{
    return runAction(m_session, *m_message, [&] {
        MEIBO_SELECTED_OR_THROW
        db::ChangeSets(m_session.vault()).withdraw(c->id, fromQDate(m_on->date()));
        return tr("Change set %1 withdrawn.").arg(c->id);
    });
}

bool ChangesView::apply()
{
    // Applying rewrites the roster from its day on and cannot be taken back (a later change needs a new
    // change set): ask first, saying from when and how many changes. A set that may not be applied
    // yet is refused by the workflow with its own sentence, without a question.
    if (const auto c = selected(); c && c->state == core::ChangeState::Consented) {
        const core::Date day = core::workflow::applyDate(*c);
        const QString question =
            tr("Apply change set %1 to the roster?\n\nIts %n change(s) become part of the roster from %2; the "
               "roster, the structure and every document exported for a day from then on show them. This cannot be "
               "undone: a later correction needs a new change set.",
               nullptr, int(c->items.size()))
                .arg(c->id)
                .arg(qs(core::formatIsoDate(day)));
        if (!askYesNo(this, tr("Apply the change set"), question)) {
            m_message->showInfo(tr("Not applied: the roster is unchanged."));
            return false;
        }
    }
    return runAction(m_session, *m_message, [&] {
        MEIBO_SELECTED_OR_THROW
        const core::Date day = db::ChangeSets(m_session.vault()).apply(c->id);
        return tr("Change set %1 applied: the roster changes from %2.").arg(c->id).arg(qs(core::formatIsoDate(day)));
    });
}

DocumentPreview* ChangesView::previewNotice()
{
    m_message->clearMessage();
    const auto c = selected();
    if (!c || !m_session.isOpen()) {
        m_message->showError(tr("Select a change set first."));
        return nullptr;
    }
    try {
        auto* preview = new DocumentPreview(app::changeNoticeDocument(m_session.vault(), c->id), this);
        preview->setAttribute(Qt::WA_DeleteOnClose);
        preview->open();
        return preview;
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return nullptr;
    }
}

} // namespace meibo::gui
