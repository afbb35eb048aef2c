#include "FindingLine.h"

#include "Convert.h"

#include <QColor>
#include <QListWidget>

namespace meibo::gui {

QListWidgetItem* addFindingLine(QListWidget* list, const core::Finding& finding)
{
    const QString text = QStringLiteral("%1: %2").arg(severityText(finding.severity), findingText(finding));
    auto* item = new QListWidgetItem(text, list);
    // Rich text, so that the tooltip wraps instead of running off the screen.
    item->setToolTip(QStringLiteral("<p>%1</p>").arg(text.toHtmlEscaped()));
    item->setData(Qt::UserRole, qs(finding.rule));
    item->setForeground(finding.severity == core::Severity::Error ? QColor(0x8b, 0, 0) : QColor(0x7a, 0x5a, 0));
    return item;
}

} // namespace meibo::gui
