#pragma once

#include "meibo/core/Model.h"

class QListWidget;
class QListWidgetItem;

namespace meibo::gui {

/// A finding as a side panel lists it (roster, structure, report item): its severity and sentence in
/// the interface language, coloured by severity; the whole sentence again in a tooltip that wraps,
/// since a narrow panel cuts the line; the rule id kept as the item's data (Qt::UserRole) for whoever
/// looks it up — never in the text.
QListWidgetItem* addFindingLine(QListWidget* list, const core::Finding& finding);

} // namespace meibo::gui
