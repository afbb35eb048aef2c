#include "meibo/core/Error.h"

namespace meibo::core {

const std::string& Fix::text(FrontEnd frontEnd, bool japanese) const noexcept
{
    const std::string& en = frontEnd == FrontEnd::Gui ? gui : cli;
    const std::string& ja = frontEnd == FrontEnd::Gui ? guiJa : cliJa;
    return japanese && !ja.empty() ? ja : en;
}

std::string withFix(const std::string& sentence, const Fix& fix, FrontEnd frontEnd, bool japanese)
{
    const std::string& what = fix.text(frontEnd, japanese);
    if (what.empty())
        return sentence;
    if (sentence.empty() || what.front() == '\n') // a fix on a line of its own (after a list)
        return sentence + what;
    // Japanese sentences end in 。 and run on without a space; English ones get a full stop and a space.
    const std::string& ja = frontEnd == FrontEnd::Gui ? fix.guiJa : fix.cliJa;
    if (japanese && !ja.empty()) {
        const std::string stop = "。";
        const bool stopped = sentence.size() >= stop.size() && sentence.compare(sentence.size() - stop.size(), stop.size(), stop) == 0;
        return sentence + (stopped ? "" : stop) + what;
    }
    const char last = sentence.back();
    const bool stopped = last == '.' || last == '!' || last == '?' ||
                         (sentence.size() >= 3 && sentence.compare(sentence.size() - 3, 3, "。") == 0);
    return sentence + (stopped ? " " : ". ") + what;
}

const char* errorCodeName(ErrorCode code) noexcept
{
    switch (code) {
    case ErrorCode::InvalidInput: return "invalid-input";
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::AlreadyExists: return "already-exists";
    case ErrorCode::WrongSecret: return "wrong-secret";
    case ErrorCode::NotARegistry: return "not-a-registry";
    case ErrorCode::UnsupportedVersion: return "unsupported-version";
    case ErrorCode::Damaged: return "damaged";
    case ErrorCode::InUse: return "in-use";
    case ErrorCode::IllegalState: return "illegal-state";
    case ErrorCode::Io: return "io";
    case ErrorCode::Internal: return "internal";
    }
    return "internal";
}

} // namespace meibo::core
