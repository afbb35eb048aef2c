#pragma once

#include <QStringList>
#include <QWidget>

#include <string>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace meibo::gui {

class MessageBar;
class Session;

/// When an audit entry was written, as Japan time ("2026/06/01 10:15:00 (JST)"); `at` is the stored
/// ISO 8601 text with its offset. Unreadable text is shown as it is.
QString auditTimeText(const QString& at);
/// An entry's before/after records (JSON as stored) as a history reads: one line per member that
/// changed, named as the dialogs name it ("役職: 研究員 → 主任研究員"), in the interface language.
QStringList auditChangeLines(const std::string& before, const std::string& after);

/// The hash-chained audit log as a history: Japan time, the operation in words, what changed field
/// by field (the stored codes, key slot and records in the row's tooltip), a filter over every
/// column (the codes too), and a check of the whole chain.
class AuditView : public QWidget {
    Q_OBJECT
public:
    explicit AuditView(Session& session, QWidget* parent = nullptr);
    /// Reads the log again; only while the view is shown (or asked for its rows): a registry opens
    /// without reading thousands of entries nobody looks at.
    void refresh();
    /// Verifies the chain; shows and returns the outcome.
    bool verify();
    QLineEdit* filterEdit() const { return m_filter; }
    /// The rows as shown (read first when the view was not shown since the registry changed).
    QSortFilterProxyModel* proxy();
    MessageBar* messageBar() const { return m_message; }
    QTableView* table() const { return m_table; }
    /// The columns, in order.
    enum Column { SeqColumn, TimeColumn, OfficerColumn, ActionColumn, EntityColumn, ChangesColumn, CodeColumn };

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fill();
    /// Fits the heights of the rows in sight to their lines (a few dozen), as they come into sight:
    /// measuring all 5,000 rows' text took longer than reading them.
    void fitVisibleRows();

    Session& m_session;
    bool m_stale = true;
    QLineEdit* m_filter;
    class Model;
    Model* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    MessageBar* m_message;
};

} // namespace meibo::gui
