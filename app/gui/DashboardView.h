#pragma once

#include "FindingsModel.h"

#include "meibo/core/ChangeSet.h"
#include "meibo/core/Error.h"
#include "meibo/core/Model.h"
#include "meibo/core/Registers.h"
#include "meibo/core/Report.h"
#include "meibo/db/Checks.h"

#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QTextBrowser;
class QTreeView;


namespace meibo::gui {

class Session;
template <typename T> class LatestRead;

/// What the dashboard shows, read from the registry in one go (on a worker thread).
struct DashboardData {
    struct PerContract {
        core::Contract contract;
        std::optional<core::ReportPeriod> nextReport;
        std::optional<core::Error> reportError; ///< the schedule could not be computed
        std::vector<core::RegisterEntry> software;
        std::vector<core::ChangeSet> changes; ///< submitted or consented, not applied
    };
    std::string organization;
    core::Date today{};
    std::vector<PerContract> contracts;
    std::vector<core::Finding> findings;
    std::vector<db::Deadline> dueSoon; ///< within kDueSoonDays (or overdue)
    std::optional<core::Error> failure; ///< the read failed: shown instead
    static DashboardData read(db::Vault& vault, const core::Date& today);
};

/// What needs the officer's attention, shown on unlock: per contract the next status report, the
/// change sets waiting for consent (with the days left before they should take effect) and the
/// software whose support ends; below, the findings grouped by contract and rule with their counts
/// and what to do, expandable down to each person, change set or entry (Enter or a double click
/// goes there). The registry is read on a worker thread: the window stays responsive meanwhile.
class DashboardView : public QWidget {
    Q_OBJECT
public:
    explicit DashboardView(Session& session, QWidget* parent = nullptr);
    ~DashboardView() override;
    /// Reads the registry again in the background; the view fills in when the read is done.
    void refresh();
    /// True while a read is running.
    bool isLoading() const;
    /// Waits for a running read and shows its result (tests, the screenshots).
    void waitUntilLoaded() const;
    /// Everything the dashboard says, the findings included (all of them, not only the rows shown).
    QString plainText() const;
    int errorCount() const;
    int warningCount() const;
    QTreeView* findingsTree() const { return m_tree; }
    FindingsModel* findingsModel() const { return m_model; }
    static constexpr int kDueSoonDays = 7;
    /// What is due within kDueSoonDays, one line each (the banner at the top; empty when nothing).
    QStringList dueSoonLines() const;

signals:
    /// A finding was activated (Enter, double click): go to its person, change set or entry.
    void findingActivated(const meibo::gui::FindingTarget& target);
    /// A read finished and the view shows it.
    void loaded();
    /// After a registry opened: what is due within kDueSoonDays (sent once, only when something is).
    void dueSoon(const QStringList& lines);

private:
    void showData(DashboardData data);
    void activate(const QModelIndex& index);

    Session& m_session;
    QLabel* m_summary;
    QLabel* m_due;
    QStringList m_dueLines;
    bool m_justOpened = false;
    QTextBrowser* m_browser;
    QTreeView* m_tree;
    FindingsModel* m_model;
    int m_errors = 0;
    int m_warnings = 0;
    std::unique_ptr<LatestRead<DashboardData>> m_read; ///< the registry read on a worker thread
};

} // namespace meibo::gui

Q_DECLARE_METATYPE(meibo::gui::FindingTarget)
