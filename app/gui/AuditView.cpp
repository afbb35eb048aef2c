#include "AuditView.h"

#include "Convert.h"
#include "MessageBar.h"
#include "Session.h"

#include "meibo/core/Error.h"
#include "meibo/db/Registry.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace meibo::gui {

AuditView::AuditView(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_filter(new QLineEdit(this)), m_model(new QStandardItemModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_table(new QTableView(this)), m_message(new MessageBar(this))
{
    m_model->setHorizontalHeaderLabels({tr("No."), tr("When (UTC)"), tr("Officer"), tr("OS user"), tr("Key slot"),
                                        tr("Action"), tr("Entity"), tr("Before"), tr("After")});
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::DescendingOrder);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_filter->setPlaceholderText(tr("Filter: action, entity, officer, a name …"));
    m_filter->setClearButtonEnabled(true);
    auto* filterLabel = new QLabel(tr("Fil&ter:"), this);
    filterLabel->setBuddy(m_filter);
    auto* verifyButton = new QPushButton(tr("Verify the &chain"), this);
    auto* top = new QHBoxLayout;
    top->addWidget(filterLabel);
    top->addWidget(m_filter, 1);
    top->addWidget(verifyButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(verifyButton, &QPushButton::clicked, this, [this] { verify(); });
    connect(&m_session, &Session::opened, this, &AuditView::refresh);
    connect(&m_session, &Session::changed, this, &AuditView::refresh);
    connect(&m_session, &Session::closed, this, [this] {
        m_model->removeRows(0, m_model->rowCount());
        m_message->clearMessage();
    });
}

void AuditView::refresh()
{
    m_model->removeRows(0, m_model->rowCount());
    if (!m_session.isOpen())
        return;
    try {
        for (const auto& e : db::Registry(m_session.vault()).auditEntries(5000)) {
            QList<QStandardItem*> row;
            auto* seq = new QStandardItem;
            seq->setData(qlonglong(e.seq), Qt::DisplayRole);
            row << seq;
            for (const std::string* s : {&e.at, &e.officer, &e.osUser, &e.keySlot, &e.action, &e.entity, &e.before, &e.after})
                row << new QStandardItem(qs(*s));
            m_model->appendRow(row);
        }
        m_table->resizeColumnsToContents();
        for (int c = 7; c <= 8; ++c)
            m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 360));
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
    }
}

bool AuditView::verify()
{
    if (!m_session.isOpen())
        return false;
    const auto check = db::Registry(m_session.vault()).verifyAudit();
    if (check.ok)
        m_message->showInfo(tr("The audit log is intact: %1 entries, every link verified.").arg(check.entries));
    else
        m_message->showError(tr("The audit log is broken: %1. Keep this file as evidence and restore the registry "
                                "from a backup.")
                                 .arg(qs(check.problem)));
    return check.ok;
}

} // namespace meibo::gui
