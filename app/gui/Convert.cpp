#include "Convert.h"

#include "meibo/core/ChangeSet.h"
#include "meibo/core/Vocabulary.h"

#include <QCoreApplication>

namespace meibo::gui {

QString roleText(core::Role role) { return QString::fromUtf8(core::roleName(role)); }

QString severityText(core::Severity severity)
{
    return severity == core::Severity::Error ? QCoreApplication::translate("meibo", "Error")
                                             : QCoreApplication::translate("meibo", "Warning");
}

QString changeStateText(core::ChangeState state)
{
    switch (state) {
    case core::ChangeState::Draft:
        return QCoreApplication::translate("meibo", "Draft");
    case core::ChangeState::Submitted:
        return QCoreApplication::translate("meibo", "Submitted");
    case core::ChangeState::Consented:
        return QCoreApplication::translate("meibo", "Consented");
    case core::ChangeState::Rejected:
        return QCoreApplication::translate("meibo", "Rejected");
    case core::ChangeState::Applied:
        return QCoreApplication::translate("meibo", "Applied");
    case core::ChangeState::Withdrawn:
        return QCoreApplication::translate("meibo", "Withdrawn");
    }
    return {};
}

namespace {
bool g_japanese = false; // the process's one interface language, like the installed QTranslator
} // namespace

void setUiLanguage(const QString& language) { g_japanese = language != QLatin1String("en"); }

bool japaneseUi() { return g_japanese; }

QString errorText(const core::Error& error) { return qs(error.message(core::FrontEnd::Gui, g_japanese)); }

QString unexpectedErrorText()
{
    return g_japanese ? QStringLiteral("予期しない問題が起きたため、操作を中止しました。登録簿は変更されていません。"
                                       "もう一度試しても同じであれば、登録簿を開き直してください。")
                      : QStringLiteral("Something unexpected went wrong and the step was stopped; the registry was not "
                                       "changed. If it happens again, close and reopen the registry.");
}

QString findingText(const core::Finding& finding)
{
    return qs(core::findingSentence(finding, core::FrontEnd::Gui, g_japanese));
}

QStringList reportGapTexts(const core::StatusReport& report)
{
    QStringList out;
    for (const auto& g : core::reportGapList(report))
        out << qs(core::gapSentence(g, core::FrontEnd::Gui, g_japanese));
    return out;
}

} // namespace meibo::gui
