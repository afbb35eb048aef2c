#pragma once

#include "meibo/core/ChangeSet.h"
#include "meibo/core/Date.h"
#include "meibo/core/Error.h"
#include "meibo/core/Model.h"
#include "meibo/core/Report.h"

#include <QDate>
#include <QString>
#include <QStringList>

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

/// The interface language, set once by main from --lang or the setting ui/language ("en" is English,
/// anything else Japanese, as for the translator). Until then English, like the untranslated widgets.
/// Core writes every finding and report gap in both languages; these pick the one to show.
void setUiLanguage(const QString& language);
bool japaneseUi();
/// A refusal's sentence in the interface language (core::Error::message).
QString errorText(const core::Error& error);
/// The sentence for a failure that is not a core::Error (a bug or the system): never the library's text.
QString unexpectedErrorText();
/// A finding's sentence in the interface language (messageJa or message).
QString findingText(const core::Finding& finding);
/// What keeps a report from being final, one sentence each, in the interface language.
QStringList reportGapTexts(const core::StatusReport& report);

} // namespace meibo::gui
