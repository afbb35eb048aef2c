#include "DashboardView.h"

#include "Convert.h"
#include "Session.h"

#include "meibo/core/ChangeSet.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Checks.h"
#include "meibo/db/Registers.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Reports.h"
#include "meibo/core/Error.h"
#include "meibo/core/Registers.h"
#include "meibo/core/Report.h"

#include <QTextBrowser>
#include <QVBoxLayout>

namespace meibo::gui {

DashboardView::DashboardView(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_browser(new QTextBrowser(this))
{
    m_browser->setOpenLinks(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    connect(&m_session, &Session::changed, this, &DashboardView::refresh);
    connect(&m_session, &Session::opened, this, &DashboardView::refresh);
    connect(&m_session, &Session::closed, this, [this] {
        m_browser->clear();
        m_errors = m_warnings = 0;
    });
}

QString DashboardView::plainText() const { return m_browser->toPlainText(); }

void DashboardView::refresh()
{
    if (!m_session.isOpen())
        return;
    db::Registry reg(m_session.vault());
    db::ChangeSets changes(m_session.vault());
    const core::Date today = m_session.today();
    const auto contracts = reg.contracts();
    std::vector<core::Finding> findings;
    for (const auto& c : contracts) {
        auto f = db::checkContract(m_session.vault(), c, today);
        findings.insert(findings.end(), f.begin(), f.end());
    }
    m_errors = m_warnings = 0;
    for (const auto& f : findings)
        (f.severity == core::Severity::Error ? m_errors : m_warnings)++;

    QString html;
    html += QStringLiteral("<h2>%1</h2>").arg(qs(reg.organization().name).toHtmlEscaped());
    html += tr("<p>Today: %1 — %2 contract(s); findings: <b>%3 error(s)</b>, %4 warning(s).</p>")
                .arg(qs(core::formatIsoDate(today)))
                .arg(contracts.size())
                .arg(m_errors)
                .arg(m_warnings);
    if (contracts.empty())
        html += tr("<p>No contract yet: add one with Edit ▸ New contract, then its people in the Roster view "
                   "(Add person, or import a roster file).</p>");
    for (const auto& c : contracts) {
        html += QStringLiteral("<h3>%1 — %2</h3>").arg(qs(c.code).toHtmlEscaped(), qs(c.title).toHtmlEscaped());
        html += tr("<p>Period %1 – %2").arg(qs(core::formatIsoDate(c.start)), qs(core::formatIsoDate(c.end)));
        if (c.rosterConsentedOn)
            html += tr("; roster agreed with the ministry on %1 (changes need a change set)")
                        .arg(qs(core::formatIsoDate(*c.rosterConsentedOn)));
        html += QStringLiteral("</p>");
        // The next report that is not final yet, with its due date.
        try {
            if (const auto period =
                    core::nextReportDue(core::reportSchedule(c), db::Reports(m_session.vault()).list(c.id))) {
                const int days = core::daysBetween(today, period->due);
                html += tr("<p><b>Next status report</b> (実施状況報告書): period %1 – %2, due %3 (%4).</p>")
                            .arg(qs(core::formatIsoDate(period->start)), qs(core::formatIsoDate(period->end)),
                                 qs(core::formatIsoDate(period->due)),
                                 days >= 0 ? tr("%n day(s) left", nullptr, days) : tr("%n day(s) overdue", nullptr, -days));
            }
        } catch (const core::Error& e) {
            html += QStringLiteral("<p>%1</p>").arg(errorText(e).toHtmlEscaped());
        }
        // Software whose support ends before the contract does, or within half a year.
        QString software;
        for (const auto& e : db::Registers(m_session.vault()).list(c.id, "software")) {
            const auto end = e.date("support_end");
            if (e.endedOn || !end)
                continue;
            const int days = core::daysBetween(today, *end);
            if (*end <= c.end || days <= 180)
                software += QStringLiteral("<li>%1</li>")
                                .arg(tr("%1 %2 (%3): support ends %4 (%5)")
                                         .arg(qs(e.field("name")).toHtmlEscaped(), qs(e.field("version")).toHtmlEscaped(),
                                              qs(e.field("installed_at")).toHtmlEscaped(), qs(core::formatIsoDate(*end)),
                                              days >= 0 ? tr("%n day(s) left", nullptr, days)
                                                        : tr("ended %n day(s) ago", nullptr, -days)));
        }
        if (!software.isEmpty())
            html += tr("<p><b>Software support ending</b> (15(5))</p>") + QStringLiteral("<ul>") + software +
                    QStringLiteral("</ul>");

        QString waiting;
        for (const auto& cs : changes.list(c.id)) {
            if (cs.state != core::ChangeState::Submitted && cs.state != core::ChangeState::Consented)
                continue;
            const int days = core::daysBetween(today, cs.effective);
            const QString left = days >= 0 ? tr("%n day(s) left", nullptr, days)
                                           : tr("%n day(s) overdue", nullptr, -days);
            waiting += QStringLiteral("<li>")
                       + (cs.state == core::ChangeState::Submitted
                              ? tr("Change set %1 waits for consent (submitted %2); effective %3: %4 — %5")
                                    .arg(cs.id)
                                    .arg(isoText(cs.submittedOn), qs(core::formatIsoDate(cs.effective)), left,
                                         qs(cs.reason).toHtmlEscaped())
                              : tr("Change set %1 consented on %2, not applied yet; effective %3: %4 — %5")
                                    .arg(cs.id)
                                    .arg(isoText(cs.consentedOn), qs(core::formatIsoDate(cs.effective)), left,
                                         qs(cs.reason).toHtmlEscaped()))
                       + QStringLiteral("</li>");
        }
        if (!waiting.isEmpty())
            html += tr("<p><b>Change notices in progress</b></p>") + QStringLiteral("<ul>") + waiting +
                    QStringLiteral("</ul>");

        QString errors, warnings;
        for (const auto& f : findings) {
            if (f.contract != c.code)
                continue;
            // The sentence for a person only: the rule id stays in the CLI and the JSON.
            const QString line = QStringLiteral("<li>%1</li>").arg(findingText(f).toHtmlEscaped());
            (f.severity == core::Severity::Error ? errors : warnings) += line;
        }
        if (!errors.isEmpty())
            html += QStringLiteral("<p style='color:#8b0000'><b>%1</b></p><ul>%2</ul>").arg(tr("Errors"), errors);
        if (!warnings.isEmpty())
            html += QStringLiteral("<p style='color:#7a5a00'><b>%1</b></p><ul>%2</ul>").arg(tr("Warnings"), warnings);
        if (errors.isEmpty() && warnings.isEmpty())
            html += tr("<p>No findings.</p>");
    }
    m_browser->setHtml(html);
}

} // namespace meibo::gui
