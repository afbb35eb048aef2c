#include "AuditView.h"

#include "Convert.h"
#include "MessageBar.h"
#include "Session.h"

#include "meibo/core/AuditWords.h"
#include "meibo/core/Error.h"
#include "meibo/db/Registry.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTimeZone>

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QRegularExpression>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QAbstractTableModel>
#include <QTableView>
#include <QVBoxLayout>

namespace meibo::gui {

namespace {

/// The record's members as dotted paths to their values as text ("answers.10.status" → "実施").
void flatten(const QJsonValue& value, const QString& path, QMap<QString, QString>& out)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            flatten(it.value(), path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key(), out);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (int i = 0; i < a.size(); ++i) {
            // An array of records names each by its item/label where it has one, else by its position.
            const QJsonObject o = a.at(i).toObject();
            QString name = QString::number(i + 1);
            for (const char* key : {"item", "label", "field"})
                if (o.value(QLatin1String(key)).isString()) {
                    name = o.value(QLatin1String(key)).toString();
                    break;
                }
            flatten(a.at(i), path + QLatin1Char('.') + name, out);
        }
    } else if (value.isBool()) {
        out[path] = value.toBool() ? QCoreApplication::translate("meibo", "yes") : QCoreApplication::translate("meibo", "no");
    } else if (value.isDouble()) {
        out[path] = QString::number(value.toDouble(), 'g', 15);
    } else if (value.isString()) {
        out[path] = value.toString();
    } else {
        out[path] = QString(); // null: no value
    }
}

QMap<QString, QString> members(const std::string& json)
{
    QMap<QString, QString> out;
    if (json.empty())
        return out;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (doc.isObject())
        flatten(doc.object(), QString(), out);
    else if (doc.isArray())
        flatten(doc.array(), QString(), out);
    return out;
}

/// Members that are bookkeeping, not the officer's data.
bool bookkeeping(const QString& path) { return path == QLatin1String("audit_head") || path.endsWith(QLatin1String(".id")); }

} // namespace

QString auditTimeText(const QString& at)
{
    QString text = at;
    // strftime's %z gives +0900; Qt reads +09:00.
    static const QRegularExpression bareOffset(QStringLiteral("([+-]\\d\\d)(\\d\\d)$"));
    text.replace(bareOffset, QStringLiteral("\\1:\\2"));
    QDateTime when = QDateTime::fromString(text, Qt::ISODate);
    if (!when.isValid())
        return at;
    when = when.toTimeZone(QTimeZone(9 * 3600)); // JST has no summer time
    return japaneseUi() ? when.toString(QStringLiteral("yyyy年M月d日 HH:mm:ss（日本時間）"))
                        : when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'JST'"));
}

QStringList auditChangeLines(const std::string& before, const std::string& after)
{
    const bool ja = japaneseUi();
    const QMap<QString, QString> was = members(before), is = members(after);
    const QString empty = QCoreApplication::translate("meibo", "(empty)");
    auto shown = [&](const QString& v) { return v.isEmpty() ? empty : v; };
    QStringList out;
    QStringList keys = is.keys();
    for (const QString& k : was.keys())
        if (!is.contains(k))
            keys << k;
    for (const QString& k : keys) {
        if (bookkeeping(k))
            continue;
        const bool had = was.contains(k), has = is.contains(k);
        if (had && has && was[k] == is[k])
            continue;
        if (!had && has && is[k].isEmpty())
            continue; // a new record's empty members say nothing
        const QString name = qs(core::auditFieldName(ss(k), ja));
        if (had && has)
            out << QStringLiteral("%1: %2 → %3").arg(name, shown(was[k]), shown(is[k]));
        else if (has)
            out << QStringLiteral("%1: %2").arg(name, is[k]);
        else
            out << QStringLiteral("%1: %2 → %3").arg(name, shown(was[k]), empty);
    }
    return out;
}

/// The log's entries as rows, each put into words when it is first shown (or filtered, or sorted
/// on a column of words): a registry of 5,000 people has thousands of entries, and reading each
/// one's records as JSON up front cost more than the reading from the database.
class AuditView::Model : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(std::vector<db::AuditEntry> entries)
    {
        beginResetModel();
        m_entries = std::move(entries);
        m_rows.assign(m_entries.size(), {});
        endResetModel();
    }
    void clear() { setEntries({}); }

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(m_entries.size()); }
    int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : CodeColumn + 1; }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        const QStringList names{AuditView::tr("No."),       AuditView::tr("When (Japan time)"),
                                AuditView::tr("Officer"),   AuditView::tr("Operation"),
                                AuditView::tr("Concerns"),  AuditView::tr("What changed"), QString()};
        return names.value(section);
    }
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid() || index.row() >= rowCount())
            return {};
        const db::AuditEntry& e = m_entries[std::size_t(index.row())];
        if (role == Qt::DisplayRole && index.column() == SeqColumn)
            return qlonglong(e.seq); // sorts as a number
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
            return {};
        const Row& row = words(index.row());
        return role == Qt::ToolTipRole ? row.details : row.cells.value(index.column());
    }

private:
    struct Row {
        bool made = false;
        QStringList cells;
        QString details;
    };
    const Row& words(int r) const
    {
        Row& row = m_rows[std::size_t(r)];
        if (row.made)
            return row;
        const db::AuditEntry& e = m_entries[std::size_t(r)];
        const bool ja = japaneseUi();
        row.cells = QStringList{QString::number(e.seq),
                                auditTimeText(qs(e.at)),
                                qs(e.officer),
                                qs(core::auditActionName(e.action, ja)),
                                qs(core::auditEntityName(e.entity, ja)),
                                auditChangeLines(e.before, e.after).join(QLatin1Char('\n')),
                                qs(e.action + " " + e.entity)};
        // The details a person rarely needs, for whoever investigates: codes, OS user, key slot.
        row.details = AuditView::tr("Operation code: %1\nRecord: %2\nOS user: %3\nKey slot: %4\nRecorded at: %5")
                          .arg(qs(e.action), qs(e.entity), qs(e.osUser), qs(e.keySlot), qs(e.at));
        row.made = true;
        return row;
    }

    std::vector<db::AuditEntry> m_entries;
    mutable std::vector<Row> m_rows;
};

AuditView::AuditView(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_filter(new QLineEdit(this)), m_model(new Model(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_table(new QTableView(this)), m_message(new MessageBar(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(0, Qt::DescendingOrder);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->setColumnHidden(CodeColumn, true); // the stored codes: found by the filter, shown in the tooltip
    m_table->setWordWrap(true);
    // Column widths from the rows in sight and 100 more, not from a thousand rows' laid-out text.
    m_table->horizontalHeader()->setResizeContentsPrecision(100);
    m_table->verticalHeader()->setResizeContentsPrecision(100);
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
    // Rows are fitted to their lines as they come into sight (scrolled to, filtered, sorted).
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { fitVisibleRows(); });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] { fitVisibleRows(); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] { fitVisibleRows(); });
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] { fitVisibleRows(); });
    connect(&m_session, &Session::opened, this, &AuditView::refresh);
    connect(&m_session, &Session::changed, this, &AuditView::refresh);
    connect(&m_session, &Session::closed, this, [this] {
        m_model->clear();
        m_message->clearMessage();
        m_stale = true;
    });
}

void AuditView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        fill();
}

QSortFilterProxyModel* AuditView::proxy()
{
    if (m_stale)
        fill();
    return m_proxy;
}

void AuditView::refresh()
{
    // Read when shown: the log of a large registry has thousands of entries, each laid out in lines.
    m_stale = true;
    if (isVisible())
        fill();
}

void AuditView::fill()
{
    m_stale = false;
    m_model->clear();
    if (!m_session.isOpen())
        return;
    try {
        m_model->setEntries(db::Registry(m_session.vault()).auditEntries(5000));
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return;
    }
    // A reset forgets the hidden column and the order.
    m_table->setColumnHidden(CodeColumn, true);
    m_table->sortByColumn(m_table->horizontalHeader()->sortIndicatorSection(),
                          m_table->horizontalHeader()->sortIndicatorOrder());
    m_table->resizeColumnsToContents();
    m_table->setColumnWidth(ChangesColumn, std::min(std::max(m_table->columnWidth(ChangesColumn), 200), 480));
    fitVisibleRows();
}

void AuditView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitVisibleRows();
}

void AuditView::fitVisibleRows()
{
    const int height = m_table->viewport()->height();
    int row = m_table->rowAt(0);
    if (row < 0)
        row = 0;
    // A fitted row may grow and push the next ones out of sight: only those in sight are measured.
    for (int y = m_table->rowViewportPosition(row); row < m_proxy->rowCount() && y < height; ++row) {
        m_table->resizeRowToContents(row);
        y = m_table->rowViewportPosition(row) + m_table->rowHeight(row);
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
