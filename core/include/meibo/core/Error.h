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

/// A failure below app/: a code, a sentence for the user that says what happened and what to do,
/// and where (field, CSV line, byte offset) when that is known.
class Error : public std::runtime_error {
public:
    Error(ErrorCode code, std::string message, std::string where = {}, std::string messageJa = {})
        : std::runtime_error(std::move(message)), m_code(code), m_where(std::move(where)),
          m_messageJa(std::move(messageJa)) {}

    ErrorCode code() const noexcept { return m_code; }
    const std::string& where() const noexcept { return m_where; }
    /// The same sentence in Japanese; empty where none was written yet (front ends fall back to what()).
    const std::string& messageJa() const noexcept { return m_messageJa; }
    /// The sentence in the interface language: Japanese when asked for and written, else English.
    std::string message(bool japanese) const { return japanese && !m_messageJa.empty() ? m_messageJa : what(); }

private:
    ErrorCode m_code;
    std::string m_where;
    std::string m_messageJa;
};

/// Stable lower-case name of a code, for JSON output and logs ("wrong-secret").
const char* errorCodeName(ErrorCode code) noexcept;

} // namespace meibo::core
