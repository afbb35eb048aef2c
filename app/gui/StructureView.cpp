#include "StructureView.h"

#include "ChangeSetDraft.h"
#include "ContractPicker.h"
#include "Convert.h"
#include "DateEdit.h"
#include "MessageBar.h"
#include "Prompts.h"
#include "Session.h"
#include "SessionAction.h"

#include "meibo/core/ChangeSet.h"
#include "meibo/core/Error.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/RosterRules.h"
#include "meibo/db/Checks.h"
#include "meibo/db/Registry.h"
#include "meibo/forms/Diagram.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <set>

namespace meibo::gui {

namespace {
const std::set<std::string> kStructureRules = {"structure-disconnected", "structure-cycle", "one-responsible-person",
                                               "subcontractor-unknown"};
}

DiagramWidget::DiagramWidget(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(400, 300);
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, Qt::white);
    setPalette(p);
    setFocusPolicy(Qt::StrongFocus);
}

DiagramWidget::~DiagramWidget() = default;

void DiagramWidget::setRoster(std::vector<core::RosterEntry> entries)
{
    m_diagram = entries.empty() ? nullptr : std::make_unique<forms::StructureDiagram>(entries);
    if (!labels().contains(m_current))
        m_current.clear();
    update();
}

QStringList DiagramWidget::labels() const
{
    QStringList out;
    if (m_diagram)
        for (const auto& b : m_diagram->boxes())
            if (b.members == 1)
                out << qs(b.label);
    return out;
}

void DiagramWidget::setCurrentLabel(const QString& label)
{
    m_current = label;
    update();
}

void DiagramWidget::keyPressEvent(QKeyEvent* event)
{
    const QStringList all = labels();
    if (all.isEmpty())
        return QWidget::keyPressEvent(event);
    int i = int(all.indexOf(m_current));
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
        setCurrentLabel(all[(i + 1) % all.size()]);
        return;
    case Qt::Key_Left:
    case Qt::Key_Up:
        setCurrentLabel(all[(i <= 0 ? all.size() : i) - 1]);
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void DiagramWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragged = labelAt(event->position().toPoint());
        m_dragPos = event->position();
        if (!m_dragged.isEmpty())
            setCurrentLabel(m_dragged);
    }
    QWidget::mousePressEvent(event);
}

void DiagramWidget::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_dragged.isEmpty()) {
        m_dragPos = event->position();
        setCursor(labelAt(event->position().toPoint()).isEmpty() ? Qt::ClosedHandCursor : Qt::DragMoveCursor);
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void DiagramWidget::mouseReleaseEvent(QMouseEvent* event)
{
    const QString from = m_dragged;
    m_dragged.clear();
    unsetCursor();
    update();
    if (event->button() == Qt::LeftButton && !from.isEmpty()) {
        const QString onto = labelAt(event->position().toPoint());
        if (!onto.isEmpty() && onto != from)
            emit droppedOn(from, onto);
    }
    QWidget::mouseReleaseEvent(event);
}

void DiagramWidget::clear()
{
    m_dragged.clear();
    m_current.clear();
    m_diagram.reset();
    update();
}

int DiagramWidget::boxCount() const { return m_diagram ? int(m_diagram->boxes().size()) : 0; }

QRectF DiagramWidget::target() const { return QRectF(rect()).adjusted(12, 12, -12, -12); }

QRectF DiagramWidget::boxRect(const QString& label) const
{
    if (!m_diagram)
        return {};
    const double w = m_diagram->widthMm() * 72.0 / 25.4, h = m_diagram->heightMm() * 72.0 / 25.4;
    const QRectF t = target();
    const double scale = std::min(t.width() / w, t.height() / h);
    const double ox = t.left() + (t.width() - w * scale) / 2, oy = t.top() + (t.height() - h * scale) / 2;
    for (const auto& b : m_diagram->boxes())
        if (b.members == 1 && qs(b.label) == label)
            return QRectF(ox + b.x * scale, oy + b.y * scale, b.w * scale, b.h * scale);
    return {};
}

QString DiagramWidget::labelAt(const QPoint& pos) const
{
    if (!m_diagram)
        return {};
    for (const auto& b : m_diagram->boxes())
        if (b.members == 1 && boxRect(qs(b.label)).contains(pos))
            return qs(b.label);
    return {};
}

void DiagramWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    if (!m_diagram) {
        p.drawText(rect(), Qt::AlignCenter, tr("Nobody on the roster on this day."));
        return;
    }
    m_diagram->paint(p, target());
    if (!m_dragged.isEmpty()) { // the line being drawn to the new superior
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.drawLine(boxRect(m_dragged).center(), m_dragPos);
    }
    if (!m_current.isEmpty() && hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(boxRect(m_current).adjusted(-4, -4, 4, 4));
    }
}

void DiagramWidget::contextMenuEvent(QContextMenuEvent* event)
{
    // The mouse names the box under it; the keyboard (menu key) the one chosen with the arrows.
    const QString label = event->reason() == QContextMenuEvent::Mouse ? labelAt(event->pos()) : m_current;
    if (label.isEmpty())
        return;
    setCurrentLabel(label);
    const QPoint at = event->reason() == QContextMenuEvent::Mouse ? event->globalPos()
                                                                  : mapToGlobal(boxRect(label).center().toPoint());
    emit contextMenuForLabel(label, at);
}

StructureView::StructureView(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_contracts(new ContractPicker(session, this)), m_asOf(new DateEdit(this)),
      m_diagram(new DiagramWidget(this)), m_findings(new QListWidget(this)), m_message(new MessageBar(this))
{
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    auto* contractLabel = new QLabel(tr("&Contract:"), this);
    contractLabel->setBuddy(m_contracts);
    auto* asOfLabel = new QLabel(tr("&As of:"), this);
    asOfLabel->setBuddy(m_asOf);
    auto* hint = new QLabel(tr("Drag a person onto their new superior, or right-click them (arrow keys and the menu key) and choose whom they report to."), this);
    auto* top = new QHBoxLayout;
    top->addWidget(contractLabel);
    top->addWidget(m_contracts, 1);
    top->addWidget(asOfLabel);
    top->addWidget(m_asOf);
    m_findings->setWordWrap(true);
    m_findings->setMaximumHeight(140);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_diagram);
    split->addWidget(m_findings);
    split->setStretchFactor(0, 4);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(hint);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(m_contracts, &ContractPicker::contractChanged, this, &StructureView::refresh);
    connect(m_asOf, &QDateEdit::dateChanged, this, &StructureView::refresh);
    connect(m_diagram, &DiagramWidget::contextMenuForLabel, this, &StructureView::showMenu);
    connect(m_diagram, &DiagramWidget::droppedOn, this,
            [this](const QString& label, const QString& above) { changeReportsTo(label, above); });
    followSession(m_session, this, m_contracts, [this] { refresh(); }, [this] {
        m_asOf->setDate(toQDate(m_session.today()));
    });
    connect(&m_session, &Session::closed, this, [this] {
        m_entries.clear();
        m_diagram->clear();
        m_findings->clear();
        m_message->clearMessage();
    });
}

void StructureView::refresh()
{
    const auto contract = m_contracts->current();
    m_findings->clear();
    if (!m_session.isOpen() || !contract) {
        m_entries.clear();
        m_diagram->clear();
        return;
    }
    try {
        const core::Date asOf = fromQDate(m_asOf->date());
        m_entries = db::Registry(m_session.vault()).roster(contract->id, asOf);
        m_diagram->setRoster(m_entries);
        int n = 0;
        for (const auto& f : db::checkContract(m_session.vault(), *contract, asOf))
            if (kStructureRules.count(f.rule)) {
                new QListWidgetItem(QStringLiteral("%1 [%2] %3").arg(severityText(f.severity), qs(f.rule), findingText(f)),
                                    m_findings);
                ++n;
            }
        if (!n)
            new QListWidgetItem(tr("The structure rules find nothing: one 情報管理責任者, everyone connected, no "
                                   "cycles."),
                                m_findings);
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
    }
}

void StructureView::showMenu(const QString& label, const QPoint& globalPos)
{
    QMenu menu(this);
    QMenu* to = menu.addMenu(tr("&Report to…"));
    for (const auto& e : m_entries) {
        if (qs(e.label) == label)
            continue;
        QAction* a = to->addAction(qs(core::subjectOf(e)));
        connect(a, &QAction::triggered, this, [this, label, up = qs(e.label)] { changeReportsTo(label, up); });
    }
    menu.exec(globalPos);
}

bool StructureView::changeReportsTo(const QString& label, const QString& above)
{
    m_message->clearMessage();
    const auto contract = m_contracts->current();
    if (!m_session.isOpen() || !contract)
        return false;
    const core::RosterEntry* entry = nullptr;
    for (const auto& e : m_entries)
        if (qs(e.label) == label)
            entry = &e;
    if (!entry) {
        m_message->showError(tr("%1 is not on the roster on this day.").arg(label));
        return false;
    }
    return runAction(m_session, *m_message, [&] {
        if (contract->rosterConsentedOn) {
            const QString question = tr("The ministry agreed to the structure of %1 on %2: reporting lines change "
                                        "only with advance notice and consent. Create a change set making %3 report "
                                        "to %4?")
                                         .arg(qs(contract->code), isoText(contract->rosterConsentedOn), label, above);
            if (!askYesNo(this, tr("Structure agreed"), question))
                throw core::Error(core::ErrorCode::IllegalState,
                                  ss(tr("The structure was agreed with the ministry: nothing was changed.")));
            core::ChangeItem item;
            item.kind = core::ChangeItem::Kind::Set;
            item.label = ss(label);
            item.fields.emplace_back("reports_to", ss(above));
            const core::Date effective = std::max(m_session.today(), fromQDate(m_asOf->date()));
            const auto id = draftChangeSet(m_session, contract->id, effective,
                                           ss(tr("Reporting line: %1 reports to %2").arg(label, above)), {item});
            return tr("Change set %1 was created as a draft: %2 reports to %3 once it is consented "
                      "and applied.")
                .arg(id)
                .arg(label, above);
        }
        core::RosterImport one;
        one.columns = {"role", "label", "reports_to"};
        core::ImportRow row;
        row.line = 1;
        row.role = entry->role;
        row.label = entry->label;
        row.person = entry->person;
        row.reportsTo = ss(above);
        row.validFrom = entry->validFrom;
        row.validTo = entry->validTo;
        one.rows.push_back(row);
        db::Registry(m_session.vault()).importRoster(contract->id, one);
        return tr("%1 now reports to %2.").arg(label, above);
    });
}

} // namespace meibo::gui
