#pragma once

#include "meibo/core/ChangeSet.h"
#include "meibo/core/Error.h"
#include "meibo/core/Model.h"
#include "meibo/core/Report.h"

#include <QWidget>

#include <memory>
#include <optional>

class QPrinter;
class QScrollArea;

namespace meibo::db {
class Vault;
}

namespace meibo::gui {

class ContractPicker;
class MessageBar;
class Session;
template <typename T> class LatestRead;

/// One contract through time, read from the registry in one go (on a worker thread).
struct TimelineData {
    core::Contract contract;
    std::vector<core::RosterEntry> assignments; ///< every period anyone was on the roster
    std::vector<core::ChangeSet> changes;
    std::vector<core::ReportPeriod> schedule;
    std::vector<core::StatusReport> reports;
    std::optional<core::Error> failure;
    static TimelineData read(db::Vault& vault, const core::Contract& contract);
};

/// The drawing: a month axis, the report periods with their due dates, one lane per change notice
/// (submitted ◆, consented ●, effective ▲), one row per person with a bar per period on the roster
/// coloured by role, and today's line. Paints only the rows it is asked for, so thousands of people
/// cost only what is on screen; prints over as many pages as it needs, the axis on each.
class TimelineChart : public QWidget {
    Q_OBJECT
public:
    explicit TimelineChart(QWidget* parent = nullptr);
    void setData(std::shared_ptr<const TimelineData> data, const core::Date& today);
    void clear();
    QSize sizeHint() const override;

    /// What is at `pos`: a change set, a report period or a person.
    struct Hit {
        enum class Kind { None, Change, Report, Person } kind = Kind::None;
        std::int64_t changeId = 0;
        int period = 0;
        QString label;
    };
    Hit hitAt(const QPoint& pos) const;
    /// Where things are drawn (tests click there).
    QRect changeRowRect(std::int64_t changeId) const;
    QRect reportRowRect() const;
    QRect personRowRect(const QString& label) const;
    int rowCount() const;
    /// Prints the whole chart, scaled to the page width, as many pages as it needs; returns the pages.
    int print(QPrinter& printer) const;

signals:
    void changeClicked(qint64 changeId);
    void reportClicked(int period);
    void personClicked(const QString& label);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct PersonRow {
        QString label;
        QString name;
        std::vector<const core::RosterEntry*> periods;
    };
    void paintArea(QPainter& p, const QRect& area, bool axis) const;
    double xOf(const core::Date& d) const;
    int peopleTop() const;
    int changesTop() const;

    std::shared_ptr<const TimelineData> m_data;
    std::vector<PersonRow> m_people;
    core::Date m_today{};
    core::Date m_from{}, m_to{};
};

/// The timeline of one contract (pictures rather than reading): who was on the roster when, the
/// change notices with their dates, the report periods and due dates, today's line. A click on a
/// change notice, a report period or a person goes there; printable.
class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(Session& session, QWidget* parent = nullptr);
    ~TimelineView() override;
    void refresh();
    /// Waits for a running read and shows it (tests, the screenshots).
    void waitUntilLoaded();
    ContractPicker* contractPicker() const { return m_contracts; }
    TimelineChart* chart() const { return m_chart; }
    QScrollArea* scrollArea() const { return m_scroll; }
    MessageBar* messageBar() const { return m_message; }
    /// Asks for a printer (QPrintDialog) and prints.
    void printWithDialog();

signals:
    void changeRequested(const QString& contract, qint64 changeId);
    void reportRequested(const QString& contract);
    void personRequested(const QString& contract, const QString& label);

private:
    Session& m_session;
    ContractPicker* m_contracts;
    MessageBar* m_message;
    QScrollArea* m_scroll;
    TimelineChart* m_chart;
    std::unique_ptr<LatestRead<TimelineData>> m_read;
};

} // namespace meibo::gui
