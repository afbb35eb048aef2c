#include "meibo/core/Model.h"

namespace meibo::core {

const char* severityName(Severity s) { return s == Severity::Error ? "error" : "warning"; }

bool within(const Date& d, const std::optional<Date>& from, const std::optional<Date>& to)
{
    return (!from || *from <= d) && (!to || d <= *to);
}

std::string findingSentence(const Finding& finding, FrontEnd frontEnd, bool japanese)
{
    const std::string& message = japanese && !finding.messageJa.empty() ? finding.messageJa : finding.message;
    return withFix(message, finding.fix, frontEnd, japanese);
}

} // namespace meibo::core
