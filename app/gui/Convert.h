#pragma once

#include "meibo/core/ChangeSet.h"
#include "meibo/core/Date.h"
#include "meibo/core/Model.h"

#include <QDate>
#include <QString>

#include <optional>
#include <string>

namespace meibo::gui {

inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string ss(const QString& s) { return s.toStdString(); }

inline QDate toQDate(const core::Date& d)
{
    return QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())));
}
inline core::Date fromQDate(const QDate& d)
{
    return core::Date{std::chrono::year(d.year()), std::chrono::month(unsigned(d.month())),
                      std::chrono::day(unsigned(d.day()))};
}
inline QString isoText(const std::optional<core::Date>& d) { return d ? qs(core::formatIsoDate(*d)) : QString(); }

/// The form's name of a role (情報管理責任者 …): the seed's terms are the same in every language.
QString roleText(core::Role role);
QString severityText(core::Severity severity);
QString changeStateText(core::ChangeState state);

} // namespace meibo::gui
