#pragma once

#include <QWidget>

class QTextBrowser;

namespace meibo::gui {

class Session;

/// What needs the officer's attention, shown on unlock: per contract the change sets waiting for
/// consent (with the days left before they should take effect), the open findings by severity,
/// and what the registers report (reports due, software support ending) when they exist.
class DashboardView : public QWidget {
    Q_OBJECT
public:
    explicit DashboardView(Session& session, QWidget* parent = nullptr);
    void refresh();
    QString plainText() const;
    int errorCount() const { return m_errors; }
    int warningCount() const { return m_warnings; }

private:
    Session& m_session;
    QTextBrowser* m_browser;
    int m_errors = 0;
    int m_warnings = 0;
};

} // namespace meibo::gui
