#pragma once

#include <QStringList>
#include <QWidget>

#include <string>

class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
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
    void refresh();
    /// Verifies the chain; shows and returns the outcome.
    bool verify();
    QLineEdit* filterEdit() const { return m_filter; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    MessageBar* messageBar() const { return m_message; }
    QTableView* table() const { return m_table; }
    /// The columns, in order.
    enum Column { SeqColumn, TimeColumn, OfficerColumn, ActionColumn, EntityColumn, ChangesColumn, CodeColumn };

private:
    Session& m_session;
    QLineEdit* m_filter;
    QStandardItemModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    MessageBar* m_message;
};

} // namespace meibo::gui
