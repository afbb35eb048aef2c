#include "StructureView.h"

#include "ChangeSetDraft.h"
#include "ContractPicker.h"
#include "Convert.h"
#include "DateEdit.h"
#include "FindingLine.h"
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
#include <QLineEdit>
#include <QPushButton>
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

void DiagramWidget::setHighlight(const QString& label)
{
    m_highlight = label;
    update();
}

QRectF DiagramWidget::highlightRect() const
{
    if (!m_diagram || m_highlight.isEmpty())
        return {};
    const double w = m_diagram->widthMm() * 72.0 / 25.4, h = m_diagram->heightMm() * 72.0 / 25.4;
    const QRectF t = target();
    const double scale = std::min(t.width() / w, t.height() / h);
    const double ox = t.left() + (t.width() - w * scale) / 2, oy = t.top() + (t.height() - h * scale) / 2;
    const std::string label = ss(m_highlight), member = label + " ";
    for (const auto& b : m_diagram->boxes()) {
        bool match = b.members == 1 && b.label == label;
        for (std::size_t i = 1; !match && b.members > 1 && i < b.lines.size(); ++i)
            match = b.lines[i].rfind(member, 0) == 0;
        if (match)
            return QRectF(ox + b.x * scale, oy + b.y * scale, b.w * scale, b.h * scale);
    }
    return {};
}

QSize DiagramWidget::naturalSize() const
{
    if (!m_diagram)
        return {};
    return QSize(int(m_diagram->widthMm() * 72.0 / 25.4) + 24, int(m_diagram->heightMm() * 72.0 / 25.4) + 24);
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
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_current.isEmpty())
            emit clicked(m_current);
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
        else if (onto == from)
            emit clicked(from);
    }
    QWidget::mouseReleaseEvent(event);
}

void DiagramWidget::clear()
{
    m_dragged.clear();
    m_current.clear();
    m_highlight.clear();
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
    if (const QRectF found = highlightRect(); !found.isEmpty()) { // the person searched for
        p.setPen(QPen(QColor(0xe0, 0x8a, 0x00), 3));
        p.setBrush(Qt::NoBrush);
        p.drawRect(found.adjusted(-5, -5, 5, 5));
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
      m_search(new QLineEdit(this)), m_scroll(new QScrollArea(this)), m_diagram(new DiagramWidget(this)),
      m_findings(new QListWidget(this)), m_message(new MessageBar(this))
{
    m_asOf->setCalendarPopup(true);
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    auto* contractLabel = new QLabel(tr("&Contract:"), this);
    contractLabel->setBuddy(m_contracts);
    auto* asOfLabel = new QLabel(tr("&As of:"), this);
    asOfLabel->setBuddy(m_asOf);
    auto* hint = new QLabel(tr("Drag a person onto their new superior, or right-click them (arrow keys and the menu key) and choose whom they report to."), this);
    auto* findLabel = new QLabel(tr("Fin&d:"), this);
    findLabel->setBuddy(m_search);
    m_search->setPlaceholderText(tr("Name or label, then Enter"));
    m_search->setClearButtonEnabled(true);
    auto* fold = new QPushButton(tr("F&old teams"), this);
    fold->setToolTip(tr("Folds every team of %1 or more people into one box again.").arg(kFoldFrom));
    auto* top = new QHBoxLayout;
    top->addWidget(contractLabel);
    top->addWidget(m_contracts, 1);
    top->addWidget(asOfLabel);
    top->addWidget(m_asOf);
    top->addWidget(findLabel);
    top->addWidget(m_search);
    top->addWidget(fold);
    m_findings->setWordWrap(true);
    m_findings->setMaximumHeight(140);
    m_scroll->setWidget(m_diagram);
    m_scroll->setWidgetResizable(false);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->viewport()->installEventFilter(this);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_scroll);
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
    connect(m_diagram, &DiagramWidget::droppedOn, this, [this](const QString& label, const QString& above) {
        if (!label.startsWith(QLatin1Char('+')) && !above.startsWith(QLatin1Char('+'))) // not onto a folded team
            changeReportsTo(label, above);
    });
    connect(m_diagram, &DiagramWidget::clicked, this, [this](const QString& label) {
        if (label.startsWith(QLatin1Char('+')))
            setTeamOpen(label, true);
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { find(m_search->text()); });
    connect(fold, &QPushButton::clicked, this, [this] {
        m_openTeams.clear();
        relayout();
    });
    followSession(m_session, this, m_contracts, [this] { refresh(); }, [this] {
        m_asOf->setDate(toQDate(m_session.today()));
    });
    connect(&m_session, &Session::closed, this, [this] {
        m_entries.clear();
        m_teamSize.clear();
        m_openTeams.clear();
        m_shownContract = -1;
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
        m_teamSize.clear();
        m_diagram->clear();
        fitDiagram();
        return;
    }
    if (contract->id != m_shownContract) {
        m_openTeams.clear();
        m_shownContract = contract->id;
    }
    try {
        const core::Date asOf = fromQDate(m_asOf->date());
        db::Registry registry(m_session.vault());
        m_entries = registry.roster(contract->id, asOf);
        relayout();
        int n = 0;
        // Only the roster's rules: the structure rules are among them (the registers and change
        // sets that db::checkContract reads as well have none).
        for (const auto& f : core::checkRoster(registry.facts(contract->id, asOf)))
            if (kStructureRules.count(f.rule)) {
                addFindingLine(m_findings, f);
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

QString StructureView::teamOf(const core::RosterEntry& entry) const
{
    QString key = QStringLiteral("+") + qs(entry.reportsTo);
    if (!entry.person.organization.empty())
        key += QStringLiteral("@") + qs(entry.person.organization);
    return key;
}

void StructureView::relayout()
{
    // The teams as the diagram groups them: people nobody reports to, under the same superior and
    // organization. From kFoldFrom people on, a closed team is one box that says how many.
    QSet<QString> superiors;
    for (const auto& e : m_entries)
        superiors.insert(qs(e.reportsTo));
    QHash<QString, std::vector<const core::RosterEntry*>> teams;
    for (const auto& e : m_entries)
        if (!superiors.contains(qs(e.label)) && !e.reportsTo.empty() && e.role != core::Role::Responsible)
            teams[teamOf(e)].push_back(&e);
    m_teamSize.clear();
    std::vector<core::RosterEntry> shown;
    shown.reserve(m_entries.size());
    QSet<QString> folded;
    for (auto it = teams.cbegin(); it != teams.cend(); ++it)
        if (int(it->size()) >= kFoldFrom && !m_openTeams.contains(it.key())) {
            folded.insert(it.key());
            m_teamSize.insert(it.key(), int(it->size()));
        }
    QSet<QString> placed;
    for (const auto& e : m_entries) {
        const QString team = teamOf(e);
        const bool member = !superiors.contains(qs(e.label)) && !e.reportsTo.empty() &&
                            e.role != core::Role::Responsible && folded.contains(team);
        if (!member) {
            shown.push_back(e);
            continue;
        }
        if (placed.contains(team))
            continue;
        placed.insert(team);
        core::RosterEntry box; // one box for the whole team, where its first member stood
        box.role = e.role;
        box.label = ss(team);
        box.reportsTo = e.reportsTo;
        box.person.organization = e.person.organization;
        box.person.name = ss(tr("%n people (click to show)", nullptr, m_teamSize.value(team)));
        shown.push_back(std::move(box));
    }
    m_diagram->setRoster(std::move(shown));
    fitDiagram();
}

QStringList StructureView::foldedTeams() const
{
    QStringList out;
    for (auto it = m_teamSize.cbegin(); it != m_teamSize.cend(); ++it)
        out << it.key();
    out.sort();
    return out;
}

void StructureView::setTeamOpen(const QString& label, bool open)
{
    if (open)
        m_openTeams.insert(label);
    else
        m_openTeams.remove(label);
    relayout();
}

bool StructureView::find(const QString& text)
{
    m_message->clearMessage();
    const QString wanted = text.trimmed();
    if (wanted.isEmpty()) {
        m_diagram->setHighlight({});
        return false;
    }
    const core::RosterEntry* hit = nullptr;
    for (const auto& e : m_entries)
        if (qs(e.label).compare(wanted, Qt::CaseInsensitive) == 0) {
            hit = &e;
            break;
        }
    for (std::size_t i = 0; !hit && i < m_entries.size(); ++i)
        if (qs(m_entries[i].person.name).contains(wanted, Qt::CaseInsensitive) ||
            qs(m_entries[i].person.nameKana).contains(wanted, Qt::CaseInsensitive))
            hit = &m_entries[i];
    if (!hit) {
        m_diagram->setHighlight({});
        m_message->showError(tr("Nobody on this roster on this day matches “%1”.").arg(wanted));
        return false;
    }
    const QString label = qs(hit->label);
    if (m_teamSize.contains(teamOf(*hit))) {
        m_openTeams.insert(teamOf(*hit));
        relayout();
    }
    m_diagram->setHighlight(label);
    if (!m_diagram->boxRect(label).isEmpty())
        m_diagram->setCurrentLabel(label);
    const QRectF at = m_diagram->highlightRect();
    m_scroll->ensureVisible(int(at.center().x()), int(at.center().y()), int(at.width() / 2) + 40,
                            int(at.height() / 2) + 40);
    m_message->showInfo(tr("%1 is framed in the diagram.").arg(qs(core::subjectOf(*hit))));
    return true;
}

void StructureView::fitDiagram()
{
    const QSize view = m_scroll->viewport()->size();
    const QSize natural = m_diagram->naturalSize();
    if (natural.isEmpty()) {
        m_diagram->resize(view);
        return;
    }
    // Fitted to the window when that is at least one pixel per point; else at that scale, scrolled.
    m_diagram->resize(std::max(view.width(), natural.width()), std::max(view.height(), natural.height()));
}

bool StructureView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        fitDiagram();
    return QWidget::eventFilter(watched, event);
}

void StructureView::showMenu(const QString& label, const QPoint& globalPos)
{
    QMenu menu(this);
    if (label.startsWith(QLatin1Char('+'))) {
        menu.addAction(tr("&Show the team"), this, [this, label] { setTeamOpen(label, true); });
        menu.exec(globalPos);
        return;
    }
    // A large roster offers the people someone reports to (a menu of thousands helps nobody).
    QSet<QString> superiors;
    for (const auto& e : m_entries)
        superiors.insert(qs(e.reportsTo));
    const bool large = m_entries.size() > 40;
    QMenu* to = menu.addMenu(tr("&Report to…"));
    for (const auto& e : m_entries) {
        if (qs(e.label) == label)
            continue;
        if (large && e.role == core::Role::Worker && !superiors.contains(qs(e.label)))
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
