#include "TimelineView.h"

#include "ContractPicker.h"
#include "Convert.h"
#include "MessageBar.h"
#include "Prompts.h"
#include "Session.h"
#include "SessionAction.h"
#include "Worker.h"

#include "meibo/core/Vocabulary.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Reports.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace meibo::gui {

namespace {
constexpr int kLeft = 230;   // the names' column
constexpr int kAxis = 34;    // months and years
constexpr int kReport = 28;  // the report periods
constexpr int kChange = 22;  // one change notice
constexpr int kPerson = 18;  // one person
constexpr int kGap = 8;      // between the sections
constexpr double kDay = 3.0; // pixels per day

QColor roleColor(core::Role r)
{
    switch (r) {
    case core::Role::Responsible:
        return QColor(0xc0, 0x39, 0x2b);
    case core::Role::Manager:
        return QColor(0x2e, 0x86, 0xc1);
    case core::Role::Worker:
        return QColor(0x27, 0xae, 0x60);
    case core::Role::Subcontractor:
        return QColor(0x8e, 0x44, 0xad);
    }
    return Qt::gray;
}

QString stateText(const core::ChangeSet& c) { return changeStateText(c.state); }
} // namespace

TimelineData TimelineData::read(db::Vault& vault, const core::Contract& contract)
{
    TimelineData d;
    d.contract = contract;
    try {
        d.assignments = db::Registry(vault).assignments(contract.id);
        d.changes = db::ChangeSets(vault).list(contract.id);
        d.reports = db::Reports(vault).list(contract.id);
        d.schedule = core::reportSchedule(contract);
    } catch (const core::Error& e) {
        d.failure = e;
    } catch (const std::exception& e) {
        d.failure = core::Error(core::ErrorCode::IllegalState, e.what());
    }
    return d;
}

TimelineChart::TimelineChart(QWidget* parent) : QWidget(parent)
{
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, Qt::white);
    setPalette(p);
    QFont f(QStringLiteral("IPAexGothic"));
    f.setPixelSize(11); // in the chart's own units: the same on screen and, scaled, on paper
    setFont(f);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
}

void TimelineChart::clear()
{
    m_data.reset();
    m_people.clear();
    updateGeometry();
    resize(sizeHint());
    update();
}

void TimelineChart::setData(std::shared_ptr<const TimelineData> data, const core::Date& today)
{
    m_data = std::move(data);
    m_today = today;
    m_people.clear();
    if (!m_data) {
        clear();
        return;
    }
    // One row per label, in the form's order of roles, each with its periods.
    std::map<std::string, std::size_t> rowOf;
    std::vector<const core::RosterEntry*> sorted;
    for (const auto& e : m_data->assignments)
        sorted.push_back(&e);
    std::stable_sort(sorted.begin(), sorted.end(), [](const core::RosterEntry* a, const core::RosterEntry* b) {
        return a->role < b->role;
    });
    for (const auto* e : sorted) {
        auto [it, added] = rowOf.emplace(e->label, m_people.size());
        if (added)
            m_people.push_back({qs(e->label), qs(e->person.name), {}});
        m_people[it->second].periods.push_back(e);
    }
    // From the earliest date shown to the latest, a little room on either side.
    m_from = m_data->contract.start;
    m_to = m_data->contract.end;
    auto widen = [this](const std::optional<core::Date>& d) {
        if (!d)
            return;
        m_from = std::min(m_from, *d);
        m_to = std::max(m_to, *d);
    };
    for (const auto& e : m_data->assignments)
        widen(e.validFrom);
    for (const auto& c : m_data->changes) {
        widen(c.submittedOn);
        widen(c.consentedOn);
        widen(c.effective);
    }
    for (const auto& p : m_data->schedule)
        widen(p.due);
    widen(today);
    m_from = core::addDays(core::Date(m_from.year(), m_from.month(), std::chrono::day(1)), -5);
    m_to = core::addDays(m_to, 20);
    updateGeometry();
    resize(sizeHint());
    update();
}

double TimelineChart::xOf(const core::Date& d) const { return kLeft + core::daysBetween(m_from, d) * kDay; }

int TimelineChart::changesTop() const { return kAxis + kReport + kGap; }

int TimelineChart::peopleTop() const
{
    return changesTop() + (m_data ? int(m_data->changes.size()) * kChange : 0) + kGap;
}

int TimelineChart::rowCount() const { return int(m_people.size()); }

QSize TimelineChart::sizeHint() const
{
    if (!m_data)
        return {600, 200};
    return QSize(int(xOf(m_to)) + 20, peopleTop() + int(m_people.size()) * kPerson + 10);
}

QRect TimelineChart::reportRowRect() const { return QRect(0, kAxis, width(), kReport); }

QRect TimelineChart::changeRowRect(std::int64_t changeId) const
{
    if (!m_data)
        return {};
    for (int i = 0; i < int(m_data->changes.size()); ++i)
        if (m_data->changes[std::size_t(i)].id == changeId)
            return QRect(0, changesTop() + i * kChange, width(), kChange);
    return {};
}

QRect TimelineChart::personRowRect(const QString& label) const
{
    for (int i = 0; i < int(m_people.size()); ++i)
        if (m_people[std::size_t(i)].label == label)
            return QRect(0, peopleTop() + i * kPerson, width(), kPerson);
    return {};
}

TimelineChart::Hit TimelineChart::hitAt(const QPoint& pos) const
{
    Hit hit;
    if (!m_data)
        return hit;
    const int y = pos.y();
    if (y >= kAxis && y < kAxis + kReport) {
        // The period under the pointer, or the nearest one.
        int best = 0;
        double distance = 1e18;
        for (const auto& p : m_data->schedule) {
            const double a = xOf(p.start), b = xOf(p.due);
            const double d = pos.x() < a ? a - pos.x() : pos.x() > b ? pos.x() - b : 0;
            if (d < distance) {
                distance = d;
                best = p.number;
            }
        }
        if (best) {
            hit.kind = Hit::Kind::Report;
            hit.period = best;
        }
        return hit;
    }
    if (y >= changesTop() && y < changesTop() + int(m_data->changes.size()) * kChange) {
        hit.kind = Hit::Kind::Change;
        hit.changeId = m_data->changes[std::size_t((y - changesTop()) / kChange)].id;
        return hit;
    }
    if (y >= peopleTop() && y < peopleTop() + int(m_people.size()) * kPerson) {
        hit.kind = Hit::Kind::Person;
        hit.label = m_people[std::size_t((y - peopleTop()) / kPerson)].label;
    }
    return hit;
}

void TimelineChart::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const Hit hit = hitAt(event->position().toPoint());
    switch (hit.kind) {
    case Hit::Kind::Change:
        emit changeClicked(hit.changeId);
        break;
    case Hit::Kind::Report:
        emit reportClicked(hit.period);
        break;
    case Hit::Kind::Person:
        emit personClicked(hit.label);
        break;
    case Hit::Kind::None:
        break;
    }
}

void TimelineChart::paintEvent(QPaintEvent* event)
{
    QPainter p(this);
    p.fillRect(event->rect(), Qt::white);
    if (!m_data) {
        p.drawText(rect(), Qt::AlignCenter, tr("Choose a contract."));
        return;
    }
    paintArea(p, event->rect(), true);
}

void TimelineChart::paintArea(QPainter& p, const QRect& area, bool axis) const
{
    const int w = int(xOf(m_to)) + 20;
    const QFontMetrics fm(font(), p.device());
    p.setFont(font());
    // Month lines, across everything.
    p.setPen(QPen(QColor(0xe4, 0xe4, 0xe4), 1));
    for (core::Date m(m_from.year(), m_from.month(), std::chrono::day(1)); m <= m_to;
         m = core::Date((std::chrono::year_month(m.year(), m.month()) + std::chrono::months(1)) / std::chrono::day(1))) {
        const double x = xOf(m);
        if (x >= kLeft)
            p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    }
    // The axis: years and months.
    if (axis && area.top() < kAxis) {
        p.fillRect(QRect(0, 0, w, kAxis), QColor(0xf4, 0xf6, 0xf9));
        p.setPen(Qt::black);
        p.drawText(QRect(6, 0, kLeft - 12, kAxis), Qt::AlignLeft | Qt::AlignVCenter,
                   qs(m_data->contract.code) + QStringLiteral(" — ") + tr("timeline"));
        for (core::Date m(m_from.year(), m_from.month(), std::chrono::day(1)); m <= m_to;
             m = core::Date((std::chrono::year_month(m.year(), m.month()) + std::chrono::months(1)) / std::chrono::day(1))) {
            const double x = xOf(m);
            if (x < kLeft)
                continue;
            const QString label = unsigned(m.month()) == 1 || m == core::Date(m_from.year(), m_from.month(), std::chrono::day(1))
                                      ? QStringLiteral("%1-%2").arg(int(m.year())).arg(unsigned(m.month()), 2, 10, QLatin1Char('0'))
                                      : QStringLiteral("%1").arg(unsigned(m.month()));
            p.drawText(QRectF(x + 2, 0, 30 * kDay, kAxis), Qt::AlignLeft | Qt::AlignVCenter, label);
        }
        p.drawLine(0, kAxis - 1, w, kAxis - 1);
    }
    // The report periods and their due dates.
    if (area.intersects(QRect(0, kAxis, w, kReport))) {
        p.setPen(Qt::black);
        p.drawText(QRect(6, kAxis, kLeft - 12, kReport), Qt::AlignLeft | Qt::AlignVCenter, tr("Status reports"));
        for (const auto& period : m_data->schedule) {
            bool final = false;
            for (const auto& r : m_data->reports)
                if (r.periodEnd == period.end && r.state == core::ReportState::Final)
                    final = true;
            const QRectF bar(xOf(period.start), kAxis + 8, xOf(period.end) - xOf(period.start), kReport - 16);
            p.fillRect(bar, final ? QColor(0xcf, 0xe8, 0xd4) : QColor(0xdd, 0xe6, 0xf3));
            p.setPen(QColor(0x60, 0x70, 0x90));
            p.drawRect(bar);
            // The due date: a red tick with its date.
            const double due = xOf(period.due);
            p.setPen(QPen(final ? QColor(0x27, 0xae, 0x60) : QColor(0xc0, 0x39, 0x2b), 2));
            p.drawLine(QPointF(due, kAxis + 3), QPointF(due, kAxis + kReport - 3));
            p.setPen(Qt::black);
            p.drawText(QRectF(bar.left() + 3, bar.top(), bar.width(), bar.height()), Qt::AlignLeft | Qt::AlignVCenter,
                       tr("No. %1, due %2%3")
                           .arg(period.number)
                           .arg(qs(core::formatIsoDate(period.due)), final ? tr(" (final)") : QString()));
        }
    }
    // One lane per change notice: submitted ◆ — consented ● — effective ▲.
    for (int i = 0; i < int(m_data->changes.size()); ++i) {
        const QRect row(0, changesTop() + i * kChange, w, kChange);
        if (!area.intersects(row))
            continue;
        const core::ChangeSet& c = m_data->changes[std::size_t(i)];
        p.setPen(Qt::black);
        p.drawText(QRect(6, row.top(), kLeft - 12, kChange), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(tr("Change set %1 (%2)").arg(c.id).arg(stateText(c)), Qt::ElideRight, kLeft - 12));
        const double mid = row.center().y();
        const double start = c.submittedOn ? xOf(*c.submittedOn) : xOf(c.effective);
        p.setPen(QPen(QColor(0x80, 0x80, 0x80), 2));
        p.drawLine(QPointF(start, mid), QPointF(xOf(c.effective), mid));
        p.setPen(Qt::NoPen);
        if (c.submittedOn) { // ◆
            const double x = xOf(*c.submittedOn);
            QPainterPath diamond;
            diamond.moveTo(x, mid - 6);
            diamond.lineTo(x + 6, mid);
            diamond.lineTo(x, mid + 6);
            diamond.lineTo(x - 6, mid);
            diamond.closeSubpath();
            p.fillPath(diamond, QColor(0xe6, 0x7e, 0x22));
        }
        if (c.consentedOn) { // ●
            p.setBrush(QColor(0x27, 0xae, 0x60));
            p.drawEllipse(QPointF(xOf(*c.consentedOn), mid), 5, 5);
        }
        { // ▲ effective
            const double x = xOf(c.effective);
            QPainterPath tri;
            tri.moveTo(x, mid - 7);
            tri.lineTo(x + 6, mid + 5);
            tri.lineTo(x - 6, mid + 5);
            tri.closeSubpath();
            p.fillPath(tri, c.state == core::ChangeState::Applied ? QColor(0x2e, 0x86, 0xc1) : QColor(0x7f, 0x8c, 0x8d));
        }
        p.setBrush(Qt::NoBrush);
        p.setPen(QColor(0x40, 0x40, 0x40));
        p.drawText(QRectF(xOf(c.effective) + 9, row.top(), 400, kChange), Qt::AlignLeft | Qt::AlignVCenter,
                   qs(c.reason));
    }
    // People: only the rows in the area.
    const int first = std::max(0, (area.top() - peopleTop()) / kPerson);
    const int last = std::min(int(m_people.size()) - 1, (area.bottom() - peopleTop()) / kPerson);
    for (int i = first; i <= last; ++i) {
        const PersonRow& person = m_people[std::size_t(i)];
        const QRect row(0, peopleTop() + i * kPerson, w, kPerson);
        if (i % 2)
            p.fillRect(QRect(0, row.top(), w, kPerson), QColor(0xfa, 0xfa, 0xfa));
        p.setPen(Qt::black);
        p.drawText(QRect(6, row.top(), kLeft - 12, kPerson), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(person.label + QStringLiteral(" ") + person.name, Qt::ElideRight, kLeft - 12));
        for (const auto* e : person.periods) {
            const double a = xOf(e->validFrom.value_or(m_data->contract.start));
            const double b = xOf(core::addDays(e->validTo.value_or(m_data->contract.end), 1));
            const QRectF bar(a, row.top() + 3, std::max(2.0, b - a), kPerson - 6);
            p.fillRect(bar, roleColor(e->role));
            if (bar.width() > 70) {
                p.setPen(Qt::white);
                p.drawText(bar.adjusted(4, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, roleText(e->role));
            }
        }
    }
    // Today.
    const double today = xOf(m_today);
    p.setPen(QPen(QColor(0xd0, 0x00, 0x00), 2));
    p.drawLine(QPointF(today, std::max(area.top(), axis ? 0 : area.top())), QPointF(today, area.bottom()));
    if (axis && area.top() < kAxis) {
        p.setPen(QColor(0xd0, 0x00, 0x00));
        p.drawText(QRectF(today + 3, kAxis - 14, 80, 14), Qt::AlignLeft | Qt::AlignVCenter, tr("today"));
    }
}

int TimelineChart::print(QPrinter& printer) const
{
    if (!m_data)
        return 0;
    QPainter p;
    if (!p.begin(&printer))
        return 0;
    const QRect page = printer.pageLayout().paintRectPixels(printer.resolution());
    const QSize full = sizeHint();
    const double scale = double(page.width()) / full.width();
    const int perPage = std::max(kPerson, int((page.height() / scale - kAxis) / kPerson) * kPerson);
    const int body = full.height() - kAxis;
    const int pages = std::max(1, (body + perPage - 1) / perPage);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            printer.newPage();
        p.save();
        p.scale(scale, scale);
        paintArea(p, QRect(0, 0, full.width(), kAxis), true); // the axis on every page
        const QRect slice(0, kAxis + i * perPage, full.width(), perPage);
        p.translate(0, -i * perPage);
        p.setClipRect(slice);
        paintArea(p, slice, false);
        p.restore();
    }
    p.end();
    return pages;
}

TimelineView::TimelineView(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_contracts(new ContractPicker(session, this)),
      m_message(new MessageBar(this)), m_scroll(new QScrollArea(this)), m_chart(new TimelineChart(this)),
      m_read(std::make_unique<LatestRead<TimelineData>>())
{
    auto* contractLabel = new QLabel(tr("&Contract:"), this);
    contractLabel->setBuddy(m_contracts);
    auto* print = new QPushButton(tr("&Print…"), this);
    auto* legend = new QLabel(tr("Bars: who was on the roster when, by role. Change notices: ◆ submitted, ● consented, "
                                 "▲ effective. Red line: today. Click a change notice, a report period or a person to "
                                 "go there."),
                              this);
    legend->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(contractLabel);
    top->addWidget(m_contracts, 1);
    top->addWidget(print);
    m_scroll->setWidget(m_chart);
    m_scroll->setWidgetResizable(false);
    m_scroll->setBackgroundRole(QPalette::Base);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(legend);
    layout->addWidget(m_message);
    layout->addWidget(m_scroll, 1);

    connect(print, &QPushButton::clicked, this, &TimelineView::printWithDialog);
    connect(m_contracts, &ContractPicker::contractChanged, this, &TimelineView::refresh);
    connect(m_chart, &TimelineChart::changeClicked, this,
            [this](qint64 id) { emit changeRequested(m_contracts->currentData().toString(), id); });
    connect(m_chart, &TimelineChart::reportClicked, this,
            [this] { emit reportRequested(m_contracts->currentData().toString()); });
    connect(m_chart, &TimelineChart::personClicked, this,
            [this](const QString& label) { emit personRequested(m_contracts->currentData().toString(), label); });
    followSession(m_session, this, m_contracts, [this] { refresh(); }, [] {});
    connect(&m_session, &Session::aboutToClose, this, [this] { m_read->drop(); });
    connect(&m_session, &Session::closed, this, [this] {
        m_read->drop();
        m_chart->clear();
        m_message->clearMessage();
    });
}

TimelineView::~TimelineView() = default;

void TimelineView::refresh()
{
    const auto contract = m_contracts->current();
    if (!m_session.isOpen() || !contract) {
        m_read->drop();
        m_chart->clear();
        return;
    }
    db::Vault* vault = &m_session.vault();
    const core::Date today = m_session.today();
    m_read->start(
        this, [vault, c = *contract] { return TimelineData::read(*vault, c); },
        [this, today](TimelineData data) {
            if (data.failure) {
                m_message->showError(errorText(*data.failure));
                m_chart->clear();
                return;
            }
            m_message->clearMessage();
            m_chart->setData(std::make_shared<const TimelineData>(std::move(data)), today);
        });
}

void TimelineView::waitUntilLoaded() { m_read->wait(); }

void TimelineView::printWithDialog()
{
    waitUntilLoaded();
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the timeline"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    const int pages = m_chart->print(printer);
    if (pages > 0)
        m_message->showInfo(tr("Printed %n page(s).", nullptr, pages));
    else
        m_message->showError(tr("Nothing was printed: the printer could not be opened."));
}

} // namespace meibo::gui
