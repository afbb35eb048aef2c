#include "MethodsDialog.h"

#include "ChangeSetDraft.h"
#include "Convert.h"
#include "DateEdit.h"
#include "MessageBar.h"
#include "Prompts.h"
#include "Session.h"

#include "meibo/core/Error.h"
#include "meibo/core/Report.h"
#include "meibo/core/SeedText.h"
#include "meibo/db/Compliance.h"
#include "meibo/db/Registry.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meibo::gui {

namespace {
struct MethodItem {
    std::string id;
    std::string subject; ///< the heading the clause falls under (1: the structure)
    std::string text;    ///< the clause itself, for the tooltip
};
/// Item 1 (体制) and the report's top-level items 2–17, named by the seed's clause headings.
std::vector<MethodItem> methodItems()
{
    std::vector<MethodItem> out;
    for (const auto& i : core::seed::reportItems()) {
        if (!core::parentItem(i.id).empty())
            continue;
        out.push_back({i.id, i.label, i.check});
    }
    for (const auto& c : core::seed::clauses())
        for (auto& item : out)
            if (item.id == c.id) {
                item.subject = c.heading;
                item.text = c.text;
            }
    MethodItem structure{"1", "情報セキュリティを確保するための体制", {}};
    for (const auto& c : core::seed::clauses())
        if (c.id == "1")
            structure.text = c.text;
    out.insert(out.begin(), structure);
    return out;
}
} // namespace

MethodsDialog::MethodsDialog(Session& session, core::Contract contract, QWidget* parent)
    : QDialog(parent), m_session(session), m_contract(std::move(contract)), m_table(new QTableWidget(this)),
      m_edit(new QPlainTextEdit(this)), m_effective(new DateEdit(this)), m_effectiveNote(new QLabel(this)),
      m_message(new MessageBar(this))
{
    setWindowTitle(tr("Compliance methods (遵守の方法) — %1").arg(qs(m_contract.code)));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Item"), tr("Subject"), tr("Method")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    const auto items = methodItems();
    m_table->setRowCount(int(items.size()));
    for (int r = 0; r < int(items.size()); ++r) {
        auto* id = new QTableWidgetItem(qs(items[r].id) + QStringLiteral(")"));
        id->setData(Qt::UserRole, qs(items[r].id));
        m_table->setItem(r, 0, id);
        QString subject = qs(items[r].subject).simplified();
        subject.remove(QChar(0x3010)).remove(QChar(0x3011)); // 【 】
        auto* s = new QTableWidgetItem(subject);
        s->setToolTip(qs(items[r].text));
        m_table->setItem(r, 1, s);
        m_table->setItem(r, 2, new QTableWidgetItem);
    }
    m_table->resizeColumnToContents(0);
    m_table->resizeColumnToContents(1);

    m_edit->setTabChangesFocus(true);
    m_edit->setPlaceholderText(tr("How the company complies with this item (empty: none recorded)"));
    m_effective->setCalendarPopup(true);
    m_effective->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_effective->setDate(toQDate(m_session.today()));
    m_effectiveNote->setWordWrap(true);

    auto* il = new QLabel(tr("&Items:"), this);
    il->setBuddy(m_table);
    auto* form = new QFormLayout;
    auto* ml = new QLabel(tr("&Method:"), this);
    ml->setBuddy(m_edit);
    form->addRow(ml, m_edit);
    auto* el = new QLabel(tr("Effective &from (change set):"), this);
    el->setBuddy(m_effective);
    form->addRow(el, m_effective);
    form->addRow(m_effectiveNote);
    auto* save = new QPushButton(tr("&Save method"), this);
    save->setShortcut(QKeySequence::Save);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* row = new QHBoxLayout;
    row->addWidget(save);
    row->addStretch();
    row->addWidget(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(il);
    layout->addWidget(m_table, 3);
    layout->addLayout(form, 2);
    layout->addWidget(m_message);
    layout->addLayout(row);
    resize(820, 640);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &MethodsDialog::showItem);
    connect(save, &QPushButton::clicked, this, [this] { this->save(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_session, &Session::changed, this, &MethodsDialog::reload);
    connect(&m_session, &Session::closed, this, &QDialog::reject);
    reload();
    selectItem(QStringLiteral("1"));
}

void MethodsDialog::reload()
{
    if (!m_session.isOpen())
        return;
    try {
        m_contract = db::Registry(m_session.vault()).contract(m_contract.code);
        m_methods = db::Compliance(m_session.vault()).methods(m_contract.id);
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return;
    }
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const auto m = m_methods.find(ss(m_table->item(r, 0)->data(Qt::UserRole).toString()));
        const QString text = m == m_methods.end() ? QString() : qs(m->second);
        m_table->item(r, 2)->setText(text.simplified());
        m_table->item(r, 2)->setToolTip(text);
    }
    const bool agreed = bool(m_contract.rosterConsentedOn);
    m_effective->setEnabled(agreed);
    m_effectiveNote->setText(agreed ? tr("The ministry agreed to the roster on %1: a new method goes into a change "
                                         "set (変更届) taking effect on this day, after its consent.")
                                          .arg(isoText(m_contract.rosterConsentedOn))
                                    : tr("Until the ministry agrees to the roster, a method is saved directly."));
}

QString MethodsDialog::methodOf(const QString& item) const
{
    const auto m = m_methods.find(ss(item));
    return m == m_methods.end() ? QString() : qs(m->second);
}

QString MethodsDialog::selectedItem() const
{
    const int row = m_table->currentRow();
    return row < 0 ? QString() : m_table->item(row, 0)->data(Qt::UserRole).toString();
}

bool MethodsDialog::selectItem(const QString& item)
{
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, 0)->data(Qt::UserRole).toString() == item) {
            m_table->setCurrentCell(r, 0);
            m_table->selectRow(r);
            showItem();
            return true;
        }
    return false;
}

void MethodsDialog::showItem() { m_edit->setPlainText(methodOf(selectedItem())); }

bool MethodsDialog::save()
{
    m_message->clearMessage();
    const QString item = selectedItem();
    if (item.isEmpty() || !m_session.isOpen()) {
        m_message->showError(tr("Select an item first."));
        return false;
    }
    const std::string text = ss(m_edit->toPlainText().trimmed());
    if (text == ss(methodOf(item))) {
        m_message->showError(tr("Nothing was changed."));
        return false;
    }
    try {
        db::Compliance(m_session.vault()).set(m_contract.id, ss(item), text);
        m_session.notifyChanged();
        m_message->showInfo(tr("Method %1) saved.").arg(item));
        return true;
    } catch (const core::Error& e) {
        if (e.code() != core::ErrorCode::IllegalState) {
            m_message->showError(errorText(e));
            return false;
        }
    }
    // Agreed with the ministry: the same change, as a change set, if the officer wants it. A change
    // set carries a new text, never an empty one: refused here, before anything is made.
    if (text.empty()) {
        m_message->showError(tr("The roster was agreed with the ministry: a method can no longer be cleared, only "
                                "replaced through a change set. Write the new method. Nothing was saved."));
        return false;
    }
    const QString question = tr("The ministry agreed to the roster of %1 on %2 (8 ①): the compliance methods change "
                                "only with advance notice and consent. Put this method into a new change set (変更届) "
                                "instead?")
                                 .arg(qs(m_contract.code), isoText(m_contract.rosterConsentedOn));
    if (!askYesNo(this, tr("Roster agreed"), question)) {
        m_message->showError(tr("The roster was agreed with the ministry: direct edits are refused. Nothing was saved."));
        return false;
    }
    try {
        core::ChangeItem change;
        change.kind = core::ChangeItem::Kind::Method;
        change.label = ss(item);
        change.fields = {{"method", text}};
        const std::int64_t id = draftChangeSet(m_session, m_contract.id, fromQDate(m_effective->date()),
                                               ss(tr("New compliance method for item %1").arg(item)), {change});
        m_session.notifyChanged();
        m_message->showInfo(tr("Change set %1 was created as a draft with this method. Submit it to the ministry from "
                               "the Changes view; the method changes once it is consented and applied.")
                                .arg(id));
        return true;
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return false;
    }
}

} // namespace meibo::gui
