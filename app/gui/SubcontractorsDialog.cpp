#include "SubcontractorsDialog.h"

#include "ContractPicker.h"
#include "Convert.h"
#include "MessageBar.h"
#include "Session.h"

#include "meibo/core/Error.h"
#include "meibo/db/Registry.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meibo::gui {

namespace {
QTableWidget* makeTable(int columns, QWidget* parent)
{
    auto* t = new QTableWidget(0, columns, parent);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

/// An optional ISO date typed by the officer: empty is "open", anything else must be a date.
bool readDate(const QLineEdit* edit, std::optional<core::Date>& out)
{
    const QString text = edit->text().trimmed();
    out.reset();
    if (text.isEmpty())
        return true;
    out = core::parseIsoDate(ss(text));
    return out.has_value();
}
} // namespace

SubcontractorsDialog::SubcontractorsDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_all(makeTable(3, this)), m_contracts(new ContractPicker(session, this)),
      m_links(makeTable(3, this)), m_name(new QLineEdit(this)), m_address(new QLineEdit(this)),
      m_representative(new QLineEdit(this)), m_capital(new QLineEdit(this)), m_places(new QLineEdit(this)),
      m_linkName(new QComboBox(this)), m_from(new QLineEdit(this)), m_to(new QLineEdit(this)),
      m_message(new MessageBar(this))
{
    setWindowTitle(tr("Subcontractors"));
    m_all->setHorizontalHeaderLabels({tr("Name (名称)"), tr("Address (住所)"), tr("Representative (代表者氏名)")});
    m_links->setHorizontalHeaderLabels({tr("Subcontractor"), tr("From"), tr("To")});
    m_from->setPlaceholderText(tr("YYYY-MM-DD (empty: from the start)"));
    m_to->setPlaceholderText(tr("YYYY-MM-DD (empty: open)"));

    auto* allLabel = new QLabel(tr("&Subcontractors of the organization:"), this);
    allLabel->setBuddy(m_all);
    auto* addBox = new QGroupBox(tr("A new subcontractor"), this);
    auto* addForm = new QFormLayout(addBox);
    addForm->addRow(tr("&Name (名称):"), m_name);
    addForm->addRow(tr("A&ddress (住所):"), m_address);
    addForm->addRow(tr("&Representative (代表者氏名):"), m_representative);
    addForm->addRow(tr("Ca&pital and officers (資本関係・役員):"), m_capital);
    addForm->addRow(tr("&Work places (業務の実施場所):"), m_places);
    auto* addButton = new QPushButton(tr("&Add the subcontractor"), addBox);
    addForm->addRow(QString(), addButton);

    auto* linkBox = new QGroupBox(tr("Subcontractors of a contract"), this);
    auto* linkLayout = new QVBoxLayout(linkBox);
    auto* contractRow = new QFormLayout;
    contractRow->addRow(tr("&Contract:"), m_contracts);
    linkLayout->addLayout(contractRow);
    linkLayout->addWidget(m_links);
    auto* linkForm = new QFormLayout;
    linkForm->addRow(tr("Su&bcontractor:"), m_linkName);
    linkForm->addRow(tr("&From:"), m_from);
    linkForm->addRow(tr("&To:"), m_to);
    auto* linkButton = new QPushButton(tr("&Link to the contract"), linkBox);
    linkForm->addRow(QString(), linkButton);
    linkLayout->addLayout(linkForm);

    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(allLabel);
    left->addWidget(m_all, 1);
    left->addWidget(addBox);
    columns->addLayout(left, 1);
    columns->addWidget(linkBox, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(addButton, &QPushButton::clicked, this, [this] { addSubcontractor(); });
    connect(linkButton, &QPushButton::clicked, this, [this] { link(); });
    connect(m_contracts, &ContractPicker::contractChanged, this, [this] { reload(); });
    resize(980, 560);
    m_contracts->reload();
    reload();
}

void SubcontractorsDialog::reload()
{
    m_all->setRowCount(0);
    m_links->setRowCount(0);
    if (!m_session.isOpen())
        return;
    db::Registry registry(m_session.vault());
    const QString chosen = m_linkName->currentText();
    m_linkName->clear();
    for (const auto& s : registry.subcontractors()) {
        const int r = m_all->rowCount();
        m_all->insertRow(r);
        m_all->setItem(r, 0, new QTableWidgetItem(qs(s.name)));
        m_all->setItem(r, 1, new QTableWidgetItem(qs(s.address)));
        m_all->setItem(r, 2, new QTableWidgetItem(qs(s.representative)));
        m_linkName->addItem(qs(s.name));
    }
    if (!chosen.isEmpty())
        m_linkName->setCurrentText(chosen);
    if (const auto contract = m_contracts->current()) {
        for (const auto& l : registry.subcontractorLinks(contract->id)) {
            const int r = m_links->rowCount();
            m_links->insertRow(r);
            m_links->setItem(r, 0, new QTableWidgetItem(qs(l.name)));
            m_links->setItem(r, 1, new QTableWidgetItem(isoText(l.validFrom)));
            m_links->setItem(r, 2, new QTableWidgetItem(isoText(l.validTo)));
        }
    }
    m_all->resizeColumnsToContents();
    m_links->resizeColumnsToContents();
}

bool SubcontractorsDialog::addSubcontractor()
{
    m_message->clearMessage();
    if (!m_session.isOpen())
        return false;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_message->showError(tr("Give the subcontractor's name (名称). Nothing was changed."));
        return false;
    }
    for (int r = 0; r < m_all->rowCount(); ++r)
        if (m_all->item(r, 0)->text() == name) {
            m_message->showError(tr("There is a subcontractor named “%1” already. Nothing was changed.").arg(name));
            return false;
        }
    try {
        db::Registry(m_session.vault())
            .addSubcontractor({0, ss(name), ss(m_address->text().trimmed()), ss(m_representative->text().trimmed()),
                               ss(m_capital->text().trimmed()), ss(m_places->text().trimmed())});
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return false;
    }
    for (QLineEdit* e : {m_name, m_address, m_representative, m_capital, m_places})
        e->clear();
    reload();
    m_linkName->setCurrentText(name);
    m_message->showInfo(tr("Added the subcontractor “%1”.").arg(name));
    m_session.notifyChanged();
    return true;
}

bool SubcontractorsDialog::link()
{
    m_message->clearMessage();
    if (!m_session.isOpen())
        return false;
    const auto contract = m_contracts->current();
    if (!contract) {
        m_message->showError(tr("Choose the contract first. Nothing was changed."));
        return false;
    }
    const QString name = m_linkName->currentText();
    if (name.isEmpty()) {
        m_message->showError(tr("Add the subcontractor first, then choose it here. Nothing was changed."));
        return false;
    }
    std::optional<core::Date> from, to;
    if (!readDate(m_from, from) || !readDate(m_to, to)) {
        m_message->showError(tr("Write the dates as 2026-04-01 (year-month-day), or leave them empty. Nothing was "
                                "changed."));
        return false;
    }
    if (from && to && *to < *from) {
        m_message->showError(tr("The last day (%1) is before the first (%2). Nothing was changed.")
                                 .arg(isoText(to), isoText(from)));
        return false;
    }
    try {
        db::Registry(m_session.vault()).linkSubcontractor(contract->id, ss(name), from, to);
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return false;
    }
    reload();
    m_message->showInfo(tr("“%1” is now a subcontractor of %2.").arg(name, qs(contract->code)));
    m_session.notifyChanged();
    return true;
}

} // namespace meibo::gui
