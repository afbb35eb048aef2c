#pragma once

#include <stdexcept>
#include <string>

namespace meibo::core {

/// What kind of failure an Error reports (every one exits 1 from the CLI; the GUI shows the sentence).
enum class ErrorCode {
    InvalidInput,    ///< a value the user gave is wrong (field, line or column named in `where`)
    NotFound,        ///< a file, contract, person … that does not exist
    AlreadyExists,   ///< refusing to overwrite
    WrongSecret,     ///< passphrase or recovery key does not open the registry
    NotARegistry,    ///< the file is not a Meibo registry at all
    UnsupportedVersion,
    Damaged,         ///< authentication or integrity check failed
    InUse,           ///< another process holds the registry for writing
    IllegalState,    ///< a workflow step that is not allowed now
    Io,              ///< the operating system refused (permissions, full disk …)
    Internal,
};

/// The front end a sentence is shown by: what to do is said differently in a window and at a prompt.
enum class FrontEnd { Gui, Cli };

/// What to do about a refusal or a finding where that depends on the front end: the GUI names the
/// button or field to use, the command line may name the command. Each part may be empty (a front end
/// with no fix of its own shows the sentence alone); a Japanese part missing falls back to English.
struct Fix {
    std::string gui;   ///< "Use 記録 in the registers view and choose 研修."
    std::string guiJa; ///< "台帳画面の「記録」で研修を登録してください。"
    std::string cli;   ///< "Record it with `meibo-cli register add training …`."
    std::string cliJa;

    bool empty() const noexcept { return gui.empty() && guiJa.empty() && cli.empty() && cliJa.empty(); }
    /// The fix for `frontEnd` in the language asked for (English when no Japanese was written).
    const std::string& text(FrontEnd frontEnd, bool japanese) const noexcept;
};

/// `sentence` followed by the fix for `frontEnd`, joined as the language joins sentences.
std::string withFix(const std::string& sentence, const Fix& fix, FrontEnd frontEnd, bool japanese);

/// A failure below app/: a code, a sentence for the user that says what happened and what to do,
/// and where (field, CSV line, byte offset) when that is known.
class Error : public std::runtime_error {
public:
    Error(ErrorCode code, std::string message, std::string where = {}, std::string messageJa = {}, Fix fix = {})
        : std::runtime_error(std::move(message)), m_code(code), m_where(std::move(where)),
          m_messageJa(std::move(messageJa)), m_fix(std::move(fix)) {}

    ErrorCode code() const noexcept { return m_code; }
    const std::string& where() const noexcept { return m_where; }
    /// The same sentence in Japanese; empty where none was written yet (front ends fall back to what()).
    const std::string& messageJa() const noexcept { return m_messageJa; }
    /// The sentence in the interface language: Japanese when asked for and written, else English.
    std::string message(bool japanese) const { return japanese && !m_messageJa.empty() ? m_messageJa : what(); }
    /// What to do, per front end; empty when the sentence already says it for every front end.
    const Fix& fix() const noexcept { return m_fix; }
    /// The whole sentence a front end shows: message(japanese) and the fix for `frontEnd`.
    std::string message(FrontEnd frontEnd, bool japanese) const
    {
        return withFix(message(japanese), m_fix, frontEnd, japanese);
    }

private:
    ErrorCode m_code;
    std::string m_where;
    std::string m_messageJa;
    Fix m_fix;
};

/// Stable lower-case name of a code, for JSON output and logs ("wrong-secret").
const char* errorCodeName(ErrorCode code) noexcept;

} // namespace meibo::core
