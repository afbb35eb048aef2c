#include "RegistersView.h"

#include "ContractPicker.h"
#include "Convert.h"
#include "DateEdit.h"
#include "MessageBar.h"
#include "PersonPicker.h"
#include "Session.h"
#include "SessionAction.h"

#include "meibo/core/Error.h"
#include "meibo/db/Registers.h"
#include "meibo/db/Registry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meibo::gui {

RegisterEntryDialog::RegisterEntryDialog(Session& session, std::int64_t contractId, const core::RegisterKind& kind,
                                         std::optional<core::RegisterEntry> entry, QWidget* parent)
    : QDialog(parent), m_session(session), m_contractId(contractId), m_kind(kind), m_entry(std::move(entry)),
      m_message(new MessageBar(this))
{
    setWindowTitle(qs(kind.nameJa));
    auto* form = new QFormLayout;
    for (const auto& f : kind.fields) {
        QWidget* w = nullptr;
        switch (f.type) {
        case core::RegisterField::Type::Bool: {
            auto* c = new QCheckBox(this);
            w = c;
            break;
        }
        case core::RegisterField::Type::Choice: {
            auto* c = new QComboBox(this);
            if (!f.required)
                c->addItem(QString());
            for (const auto& choice : f.choices)
                c->addItem(qs(choice));
            w = c;
            break;
        }
        default: {
            auto* e = new QLineEdit(this);
            if (f.type == core::RegisterField::Type::Date)
                e->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
            w = e;
        }
        }
        w->setObjectName(qs(f.name));
        auto* label = new QLabel(qs(f.labelJa) + (f.required ? QStringLiteral(" *") : QString()) + QStringLiteral(":"),
                                 this);
        label->setBuddy(w);
        m_widgets[f.name] = w;
        if (isParticipants(f.name)) {
            // A new training's participants, chosen by name; several make one entry each.
            auto* pick = new QPushButton(tr("Choose &people…"), this);
            pick->setObjectName(QStringLiteral("pickPeople"));
            connect(pick, &QPushButton::clicked, this, [this] { pickPeople(); });
            auto* row = new QHBoxLayout;
            row->addWidget(w, 1);
            row->addWidget(pick);
            static_cast<QLineEdit*>(w)->setPlaceholderText(tr("A, B, D — or choose people"));
            form->addRow(label, row);
            continue;
        }
        form->addRow(label, w);
    }
    if (m_entry)
        for (const auto& [k, v] : m_entry->fields)
            setValue(qs(k), qs(v));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("* required"), this));
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(560, 0);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_session, &Session::closed, this, &QDialog::reject);
}

bool RegisterEntryDialog::isParticipants(const std::string& field) const
{
    return m_kind.id == "training" && field == "person" && !m_entry;
}

QStringList RegisterEntryDialog::participants() const
{
    const auto* edit = qobject_cast<QLineEdit*>(m_widgets.at("person"));
    return edit->text().split(QRegularExpression(QStringLiteral("[,、，\\s]+")), Qt::SkipEmptyParts);
}

PersonPicker* RegisterEntryDialog::pickPeople()
{
    if (!isParticipants("person") || !m_session.isOpen())
        return nullptr;
    std::vector<core::RosterEntry> people;
    try { // anyone who has been on the contract's roster may have taken part
        people = db::Registry(m_session.vault()).assignments(m_contractId);
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return nullptr;
    }
    auto* picker = new PersonPicker(people, true, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setChosen(participants());
    connect(picker, &QDialog::accepted, this, [this, picker] {
        setValue(QStringLiteral("person"), picker->chosen().join(QStringLiteral(", ")));
    });
    picker->open();
    return picker;
}

void RegisterEntryDialog::setValue(const QString& field, const QString& value)
{
    const auto it = m_widgets.find(ss(field));
    if (it == m_widgets.end())
        return;
    if (auto* e = qobject_cast<QLineEdit*>(it->second))
        e->setText(value);
    else if (auto* c = qobject_cast<QCheckBox*>(it->second))
        c->setChecked(value == QLatin1String("yes") || value == QLatin1String("true") || value == QLatin1String("1"));
    else if (auto* c = qobject_cast<QComboBox*>(it->second))
        c->setCurrentIndex(std::max(0, c->findText(value)));
}

std::map<std::string, std::string> RegisterEntryDialog::values() const
{
    std::map<std::string, std::string> out;
    for (const auto& [name, w] : m_widgets) {
        std::string v;
        if (auto* e = qobject_cast<QLineEdit*>(w))
            v = ss(e->text().trimmed());
        else if (auto* c = qobject_cast<QCheckBox*>(w))
            v = c->isChecked() ? "yes" : "no";
        else if (auto* c = qobject_cast<QComboBox*>(w))
            v = ss(c->currentText());
        if (!v.empty() || m_entry)
            out[name] = v;
    }
    return out;
}

bool RegisterEntryDialog::save()
{
    m_message->clearMessage();
    try {
        db::Registers registers(m_session.vault());
        if (m_entry) {
            std::map<std::string, std::string> changes;
            for (const auto& [k, v] : values())
                if (m_entry->field(k) != v)
                    changes[k] = v;
            if (!changes.empty())
                registers.edit(m_entry->id, changes);
        } else if (isParticipants("person") && participants().size() > 1) {
            std::vector<std::map<std::string, std::string>> entries;
            for (const QString& label : participants()) {
                auto fields = values();
                fields["person"] = ss(label);
                entries.push_back(std::move(fields));
            }
            registers.addAll(m_kind.id, m_contractId, entries);
        } else {
            registers.add(m_kind.id, m_contractId, values());
        }
        m_session.notifyChanged();
        return true;
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return false;
    }
}

RegistersView::RegistersView(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_contracts(new ContractPicker(session, this)), m_kinds(new QTabWidget(this)),
      m_endOn(new DateEdit(this)), m_endNote(new QLineEdit(this)), m_message(new MessageBar(this)),
      m_checklist(new QListWidget(this)), m_checklistState(new QLabel(this)),
      m_certificate(new QPushButton(tr("Dele&tion certificate…"), this))
{
    auto* cl = new QLabel(tr("&Contract:"), this);
    cl->setBuddy(m_contracts);
    auto* add = new QPushButton(tr("&Add…"), this);
    auto* edit = new QPushButton(tr("E&dit…"), this);
    auto* end = new QPushButton(tr("E&nd"), this);
    m_endOn->setCalendarPopup(true);
    m_endOn->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_endNote->setPlaceholderText(tr("removed, stopped, closed, returned …"));
    auto* el = new QLabel(tr("Ended &on:"), this);
    el->setBuddy(m_endOn);
    auto* top = new QHBoxLayout;
    top->addWidget(cl);
    top->addWidget(m_contracts, 1);
    top->addWidget(add);
    top->addWidget(edit);
    top->addWidget(el);
    top->addWidget(m_endOn);
    top->addWidget(m_endNote);
    top->addWidget(end);
    for (const auto& kind : core::registerKinds()) {
        auto* t = new QTableWidget(this);
        t->setObjectName(qs(kind.id));
        QStringList headers;
        for (const auto& f : kind.fields)
            headers << qs(f.labelJa);
        headers << tr("Ended");
        t->setColumnCount(int(headers.size()));
        t->setHorizontalHeaderLabels(headers);
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->setSelectionMode(QAbstractItemView::SingleSelection);
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->verticalHeader()->hide();
        t->horizontalHeader()->setStretchLastSection(true);
        connect(t, &QTableWidget::cellActivated, this, [this] { editSelected(); });
        QWidget* page = t;
        if (kind.id == "information") {
            // Clause 8's checklist beside the register it is about.
            auto* box = new QGroupBox(tr("Disposal chec&klist (clause 8)"), this);
            auto* bl = new QVBoxLayout(box);
            m_checklistState->setWordWrap(true);
            m_checklist->setWordWrap(true);
            bl->addWidget(m_checklistState);
            bl->addWidget(m_checklist, 1);
            bl->addWidget(m_certificate);
            auto* split = new QSplitter(this);
            split->setObjectName(qs(kind.id));
            split->addWidget(t);
            split->addWidget(box);
            split->setStretchFactor(0, 3);
            split->setStretchFactor(1, 2);
            page = split;
        }
        m_kinds->addTab(page, qs(kind.nameJa) + QStringLiteral(" (") + qs(kind.clause) + QStringLiteral(")"));
    }
    m_certificate->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_kinds, 1);
    connect(add, &QPushButton::clicked, this, [this] { addEntry(currentKind()); });
    connect(edit, &QPushButton::clicked, this, [this] { editSelected(); });
    connect(end, &QPushButton::clicked, this, [this] { endSelected(); });
    connect(m_certificate, &QPushButton::clicked, this, [this] {
        if (const auto contract = m_contracts->current())
            emit deletionCertificateRequested(qs(contract->code));
    });
    connect(m_contracts, &ContractPicker::contractChanged, this, &RegistersView::refresh);
    followSession(m_session, this, m_contracts, [this] { refresh(); }, [this] {
        m_endOn->setDate(toQDate(m_session.today()));
    });
    connect(&m_session, &Session::closed, this, [this] {
        m_entries.clear();
        for (const auto& kind : core::registerKinds())
            table(qs(kind.id))->setRowCount(0);
        refreshChecklist();
        m_message->clearMessage();
    });
}

QTableWidget* RegistersView::table(const QString& kind) const { return m_kinds->findChild<QTableWidget*>(kind); }

QString RegistersView::currentKind() const { return m_kinds->currentWidget()->objectName(); }

void RegistersView::refresh()
{
    m_entries.clear();
    const auto contract = m_contracts->current();
    for (const auto& kind : core::registerKinds()) {
        auto* t = table(qs(kind.id));
        t->setRowCount(0);
        if (!m_session.isOpen() || !contract)
            continue;
        try {
            auto entries = db::Registers(m_session.vault()).list(contract->id, kind.id);
            t->setRowCount(int(entries.size()));
            for (int r = 0; r < int(entries.size()); ++r) {
                int c = 0;
                for (const auto& f : kind.fields)
                    t->setItem(r, c++, new QTableWidgetItem(qs(entries[r].field(f.name))));
                t->setItem(r, c, new QTableWidgetItem(entries[r].endedOn ? isoText(entries[r].endedOn) + QStringLiteral(" ") +
                                                                               qs(entries[r].endNote)
                                                                         : QString()));
            }
            t->resizeColumnsToContents();
            m_entries[kind.id] = std::move(entries);
        } catch (const core::Error& e) {
            m_message->showError(errorText(e));
        }
    }
    refreshChecklist();
}

void RegistersView::refreshChecklist()
{
    m_checklist->clear();
    const auto it = m_entries.find("information");
    const auto items = it == m_entries.end() ? std::vector<core::DisposalItem>{} : core::disposalChecklist(it->second);
    const auto& kind = core::registerKind("information");
    int pending = 0;
    for (const auto& item : items) {
        QStringList missing;
        for (const auto& field : item.missing)
            for (const auto& f : kind.fields)
                if (f.name == field)
                    missing << qs(f.labelJa);
        auto* line = new QListWidgetItem(item.done() ? tr("✓ %1: done").arg(qs(item.name))
                                                     : tr("✗ %1: missing %2").arg(qs(item.name),
                                                                                  missing.join(QStringLiteral("、"))),
                                         m_checklist);
        line->setData(Qt::UserRole, QVariant::fromValue(qlonglong(item.entryId)));
        line->setForeground(item.done() ? QColor(0, 0x64, 0) : QColor(0x8b, 0, 0));
        pending += item.done() ? 0 : 1;
    }
    if (items.empty())
        m_checklistState->setText(tr("No information received is recorded yet."));
    else if (pending)
        m_checklistState->setText(tr("%n item(s) still to return, dispose of or delete with confirmation.", nullptr,
                                     pending));
    else
        m_checklistState->setText(tr("Every item is returned, disposed of or deleted with confirmation: the "
                                     "certificate can be made."));
    m_certificate->setEnabled(!items.empty() && pending == 0);
}

bool RegistersView::selectEntry(const QString& kind, qint64 id)
{
    auto* t = table(kind);
    if (!t)
        return false;
    m_kinds->setCurrentWidget(m_kinds->indexOf(t) >= 0 ? static_cast<QWidget*>(t) : t->parentWidget());
    const auto it = m_entries.find(ss(kind));
    if (it == m_entries.end())
        return false;
    for (int r = 0; r < int(it->second.size()); ++r)
        if (it->second[std::size_t(r)].id == id) {
            t->setCurrentCell(r, 0);
            t->selectRow(r);
            return true;
        }
    return false;
}

std::optional<core::RegisterEntry> RegistersView::selectedEntry() const
{
    const std::string kind = ss(currentKind());
    const auto* t = table(currentKind());
    const auto it = m_entries.find(kind);
    if (!t || it == m_entries.end() || t->currentRow() < 0 || t->currentRow() >= int(it->second.size()))
        return std::nullopt;
    return it->second[t->currentRow()];
}

RegisterEntryDialog* RegistersView::addEntry(const QString& kind)
{
    m_message->clearMessage();
    const auto contract = m_contracts->current();
    if (!m_session.isOpen() || !contract) {
        m_message->showError(tr("Choose a contract first."));
        return nullptr;
    }
    for (int i = 0; i < m_kinds->count(); ++i)
        if (m_kinds->widget(i)->objectName() == kind)
            m_kinds->setCurrentIndex(i);
    auto* d = new RegisterEntryDialog(m_session, contract->id, core::registerKind(ss(kind)), std::nullopt, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->open();
    return d;
}

RegisterEntryDialog* RegistersView::editSelected()
{
    m_message->clearMessage();
    const auto e = selectedEntry();
    const auto contract = m_contracts->current();
    if (!e || !contract) {
        m_message->showError(tr("Select an entry first."));
        return nullptr;
    }
    auto* d = new RegisterEntryDialog(m_session, contract->id, core::registerKind(e->kind), e, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->open();
    return d;
}

bool RegistersView::endSelected()
{
    m_message->clearMessage();
    const auto e = selectedEntry();
    if (!e) {
        m_message->showError(tr("Select an entry first."));
        return false;
    }
    return runAction(m_session, *m_message, [&] {
        db::Registers(m_session.vault()).end(e->id, fromQDate(m_endOn->date()), ss(m_endNote->text().trimmed()));
        m_endNote->clear();
        return tr("Entry ended on %1.").arg(m_endOn->date().toString(Qt::ISODate));
    });
}

} // namespace meibo::gui
