#include "DashboardView.h"

#include "Convert.h"
#include "Session.h"
#include "Worker.h"

#include "DeadlinesCalendar.h"

#include "meibo/core/ChangeSet.h"
#include "meibo/core/Error.h"
#include "meibo/core/Registers.h"
#include "meibo/core/Report.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Checks.h"
#include "meibo/db/Registers.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Reports.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

namespace meibo::gui {

DashboardData DashboardData::read(db::Vault& vault, const core::Date& today)
{
    DashboardData data;
    data.today = today;
    try {
        db::Registry reg(vault);
        db::ChangeSets changes(vault);
        db::Reports reports(vault);
        db::Registers registers(vault);
        data.organization = reg.organization().name;
        data.dueSoon = app::deadlinesWithin(vault, today, DashboardView::kDueSoonDays);
        for (const auto& c : reg.contracts()) {
            auto f = db::checkContract(vault, c, today);
            data.findings.insert(data.findings.end(), std::make_move_iterator(f.begin()),
                                 std::make_move_iterator(f.end()));
            PerContract per;
            per.contract = c;
            try {
                per.nextReport = core::nextReportDue(core::reportSchedule(c), reports.list(c.id));
            } catch (const core::Error& e) {
                per.reportError = e;
            }
            // Software whose support ends before the contract does, or within half a year.
            for (auto& e : registers.list(c.id, "software")) {
                const auto end = e.date("support_end");
                if (!e.endedOn && end && (*end <= c.end || core::daysBetween(today, *end) <= 180))
                    per.software.push_back(std::move(e));
            }
            for (auto& cs : changes.list(c.id))
                if (cs.state == core::ChangeState::Submitted || cs.state == core::ChangeState::Consented)
                    per.changes.push_back(std::move(cs));
            data.contracts.push_back(std::move(per));
        }
    } catch (const core::Error& e) {
        data.failure = e;
    } catch (const std::exception& e) {
        data.failure = core::Error(core::ErrorCode::IllegalState, e.what());
    }
    return data;
}

DashboardView::DashboardView(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_summary(new QLabel(this)), m_due(new QLabel(this)),
      m_browser(new QTextBrowser(this)),
      m_tree(new QTreeView(this)), m_model(new FindingsModel(this)),
      m_read(std::make_unique<LatestRead<DashboardData>>())
{
    qRegisterMetaType<FindingTarget>();
    m_browser->setOpenLinks(false);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true); // the view need not measure 10,000 rows
    m_tree->setAlternatingRowColors(true);
    m_tree->setExpandsOnDoubleClick(false);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(FindingsModel::Text, 380);
    m_tree->header()->resizeSection(FindingsModel::Count, 70);
    m_tree->setWordWrap(false);
    auto* findingsLabel = new QLabel(tr("Findin&gs (grouped by contract and rule; Enter or a click on a line goes "
                                        "to it)"),
                                     this);
    findingsLabel->setBuddy(m_tree);
    auto* lower = new QWidget(this);
    auto* ll = new QVBoxLayout(lower);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(findingsLabel);
    ll->addWidget(m_tree, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_browser);
    split->addWidget(lower);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    m_due->setWordWrap(true);
    m_due->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_due->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; border: 1px solid #e0b000; padding: 6px; }"));
    m_due->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_due);
    layout->addWidget(split, 1);

    // A click on a contract or a rule opens or closes it; on a finding (or Enter) goes there.
    connect(m_tree, &QTreeView::clicked, this, [this](const QModelIndex& index) {
        if (m_model->hasChildren(index.sibling(index.row(), 0))) {
            const QModelIndex first = index.sibling(index.row(), 0);
            m_tree->setExpanded(first, !m_tree->isExpanded(first));
        } else {
            activate(index);
        }
    });
    connect(m_tree, &QTreeView::activated, this, &DashboardView::activate);
    connect(&m_session, &Session::changed, this, &DashboardView::refresh);
    connect(&m_session, &Session::opened, this, [this] {
        m_justOpened = true; // the first read tells what is due soon
        refresh();
    });
    connect(&m_session, &Session::aboutToClose, this, [this] { m_read->drop(); });
    connect(&m_session, &Session::closed, this, [this] {
        m_read->drop();
        m_summary->clear();
        m_due->clear();
        m_due->hide();
        m_dueLines.clear();
        m_browser->clear();
        m_model->clear();
        m_errors = m_warnings = 0;
    });
}

DashboardView::~DashboardView() = default;

void DashboardView::refresh()
{
    if (!m_session.isOpen())
        return;
    db::Vault* vault = &m_session.vault();
    const core::Date today = m_session.today();
    if (m_summary->text().isEmpty())
        m_summary->setText(tr("Reading the registry…"));
    m_read->start(
        this, [vault, today] { return DashboardData::read(*vault, today); },
        [this](DashboardData data) { showData(std::move(data)); });
}

bool DashboardView::isLoading() const { return m_read->busy(); }

void DashboardView::waitUntilLoaded() const { m_read->wait(); }

int DashboardView::errorCount() const
{
    waitUntilLoaded();
    return m_errors;
}

int DashboardView::warningCount() const
{
    waitUntilLoaded();
    return m_warnings;
}

void DashboardView::showData(DashboardData data)
{
    if (data.failure) {
        m_summary->setText(errorText(*data.failure).toHtmlEscaped());
        m_browser->clear();
        m_model->clear();
        m_errors = m_warnings = 0;
        emit loaded();
        return;
    }
    const core::Date today = data.today;
    m_errors = m_warnings = 0;
    for (const auto& f : data.findings)
        (f.severity == core::Severity::Error ? m_errors : m_warnings)++;

    m_summary->setText(QStringLiteral("<h2>%1</h2>").arg(qs(data.organization).toHtmlEscaped()) +
                       tr("<p>Today: %1 — %2 contract(s); findings: <b>%3 error(s)</b>, %4 warning(s).</p>")
                           .arg(qs(core::formatIsoDate(today)))
                           .arg(data.contracts.size())
                           .arg(m_errors)
                           .arg(m_warnings));
    QString html;
    if (data.contracts.empty())
        html += tr("<p>No contract yet: add one with Edit ▸ New contract, then its people in the Roster view "
                   "(Add person, or import a roster file).</p>");
    for (const auto& per : data.contracts) {
        const core::Contract& c = per.contract;
        html += QStringLiteral("<h3>%1 — %2</h3>").arg(qs(c.code).toHtmlEscaped(), qs(c.title).toHtmlEscaped());
        html += tr("<p>Period %1 – %2").arg(qs(core::formatIsoDate(c.start)), qs(core::formatIsoDate(c.end)));
        if (c.rosterConsentedOn)
            html += tr("; roster agreed with the ministry on %1 (changes need a change set)")
                        .arg(qs(core::formatIsoDate(*c.rosterConsentedOn)));
        html += QStringLiteral("</p>");
        if (per.reportError) {
            html += QStringLiteral("<p>%1</p>").arg(errorText(*per.reportError).toHtmlEscaped());
        } else if (const auto& period = per.nextReport) {
            const int days = core::daysBetween(today, period->due);
            html += tr("<p><b>Next status report</b> (実施状況報告書): period %1 – %2, due %3 (%4).</p>")
                        .arg(qs(core::formatIsoDate(period->start)), qs(core::formatIsoDate(period->end)),
                             qs(core::formatIsoDate(period->due)),
                             days >= 0 ? tr("%n day(s) left", nullptr, days) : tr("%n day(s) overdue", nullptr, -days));
        }
        QString software;
        for (const auto& e : per.software) {
            const auto end = *e.date("support_end");
            const int days = core::daysBetween(today, end);
            software += QStringLiteral("<li>%1</li>")
                            .arg(tr("%1 %2 (%3): support ends %4 (%5)")
                                     .arg(qs(e.field("name")).toHtmlEscaped(), qs(e.field("version")).toHtmlEscaped(),
                                          qs(e.field("installed_at")).toHtmlEscaped(), qs(core::formatIsoDate(end)),
                                          days >= 0 ? tr("%n day(s) left", nullptr, days)
                                                    : tr("ended %n day(s) ago", nullptr, -days)));
        }
        if (!software.isEmpty())
            html += tr("<p><b>Software support ending</b> (15(5))</p>") + QStringLiteral("<ul>") + software +
                    QStringLiteral("</ul>");
        QString waiting;
        for (const auto& cs : per.changes) {
            const int days = core::daysBetween(today, cs.effective);
            const QString left =
                days >= 0 ? tr("%n day(s) left", nullptr, days) : tr("%n day(s) overdue", nullptr, -days);
            waiting += QStringLiteral("<li>") +
                       (cs.state == core::ChangeState::Submitted
                            ? tr("Change set %1 waits for consent (submitted %2); effective %3: %4 — %5")
                                  .arg(cs.id)
                                  .arg(isoText(cs.submittedOn), qs(core::formatIsoDate(cs.effective)), left,
                                       qs(cs.reason).toHtmlEscaped())
                            : tr("Change set %1 consented on %2, not applied yet; effective %3: %4 — %5")
                                  .arg(cs.id)
                                  .arg(isoText(cs.consentedOn), qs(core::formatIsoDate(cs.effective)), left,
                                       qs(cs.reason).toHtmlEscaped())) +
                       QStringLiteral("</li>");
        }
        if (!waiting.isEmpty())
            html += tr("<p><b>Change notices in progress</b></p>") + QStringLiteral("<ul>") + waiting +
                    QStringLiteral("</ul>");
    }
    m_browser->setHtml(html);

    m_dueLines.clear();
    for (const auto& d : data.dueSoon) {
        const int days = core::daysBetween(today, d.due);
        m_dueLines << tr("%1: %2 — %3 (%4)")
                          .arg(qs(d.contract), qs(japaneseUi() ? d.whatJa : d.what), qs(core::formatIsoDate(d.due)),
                               days >= 0 ? tr("%n day(s) left", nullptr, days) : tr("%n day(s) overdue", nullptr, -days));
    }
    if (m_dueLines.isEmpty()) {
        m_due->hide();
    } else {
        QString due = tr("<b>Due within %n day(s):</b>", nullptr, kDueSoonDays) + QStringLiteral("<ul style='margin:0'>");
        for (const QString& l : m_dueLines)
            due += QStringLiteral("<li>%1</li>").arg(l.toHtmlEscaped());
        m_due->setText(due + QStringLiteral("</ul>"));
        m_due->show();
    }
    if (std::exchange(m_justOpened, false) && !m_dueLines.isEmpty())
        emit dueSoon(m_dueLines);

    std::vector<std::string> order;
    for (const auto& per : data.contracts)
        order.push_back(per.contract.code);
    m_model->setFindings(std::move(data.findings), order);
    // The contracts open on their rules (a few lines each); a rule's findings load when it opens.
    if (m_model->rowCount() <= 12)
        for (int r = 0; r < m_model->rowCount(); ++r)
            m_tree->expand(m_model->index(r, 0));
    emit loaded();
}

void DashboardView::activate(const QModelIndex& index)
{
    if (const core::Finding* f = m_model->findingAt(index.sibling(index.row(), 0)))
        emit findingActivated(findingTarget(*f));
    else if (m_model->hasChildren(index.sibling(index.row(), 0)))
        m_tree->setExpanded(index.sibling(index.row(), 0), true);
}

QStringList DashboardView::dueSoonLines() const
{
    waitUntilLoaded();
    return m_dueLines;
}

QString DashboardView::plainText() const
{
    waitUntilLoaded();
    if (m_summary->text().isEmpty() && m_model->rowCount() == 0)
        return m_browser->toPlainText();
    QStringList lines;
    lines << QTextDocumentFragment::fromHtml(m_summary->text()).toPlainText() << m_dueLines
          << m_browser->toPlainText();
    const auto& all = m_model->findings();
    for (int c = 0; c < m_model->rowCount(); ++c) {
        const QModelIndex contract = m_model->index(c, 0);
        lines << contract.data().toString() + QStringLiteral(": ") +
                     m_model->index(c, FindingsModel::Fix).data().toString();
        for (int r = 0; r < m_model->rowCount(contract); ++r) {
            const QModelIndex rule = m_model->index(r, 0, contract);
            lines << QStringLiteral("  ") + rule.data().toString() + QStringLiteral(" (") +
                         m_model->index(r, FindingsModel::Count, contract).data().toString() + QStringLiteral(")");
        }
    }
    // Every finding's sentence, fetched or not.
    for (const auto& f : all)
        lines << QStringLiteral("    ") + qs(f.subject) + QStringLiteral(": ") + findingText(f);
    return lines.join(QLatin1Char('\n'));
}

} // namespace meibo::gui
