#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace meibo::gui {

class MessageBar;
class Session;

/// The hash-chained audit log: the latest entries, a filter over every column, and a check of the
/// whole chain.
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

private:
    Session& m_session;
    QLineEdit* m_filter;
    QStandardItemModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    MessageBar* m_message;
};

} // namespace meibo::gui
