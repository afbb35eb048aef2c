#pragma once

#include "meibo/core/Date.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <stdexcept>

#include <cstdint>
#include <optional>
#include <string>

namespace meibo::cli {

/// The first line of a file, without its line end; throws core::Error naming the file.
std::string readFirstLine(const std::string& path, const char* what, const char* whatJa);
/// True when standard input is a terminal.
bool stdinIsTerminal();
/// The first line of standard input (for scripts piping a passphrase).
std::optional<std::string> readStdinLine();
/// Asks at the terminal without echo.
std::string promptHidden(const std::string& prompt);

/// True when the user's message language is Japanese: the first non-empty of LC_ALL, LC_MESSAGES
/// and LANG (the POSIX order) starts with "ja". Text output then shows findings and report gaps in
/// Japanese; JSON always carries both.
bool japaneseMessages();

/// Wrong usage (exit 2): a value on the command line that is not of its kind. One sentence.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Runs `check`, a field's rule on a value given on the command line: a refusal comes back naming
/// the field by its key first ("title: character 3 is …"; 役職：… in Japanese), as the command
/// line names fields.
void namingField(const std::function<void()>& check);

/// The same for a register entry's fields (`register add/edit`): a refusal about one field comes back
/// with its key in front ("support_end: …"), as the command line names them.
void namingRegisterField(const std::function<void()>& check);

/// A record's id given on the command line (report, change set …): decimal digits for a positive
/// number that fits (no sign, no 0x, no overflow), else UsageError naming `what`.
std::int64_t parseId(const std::string& text, const char* what);

/// A date given on the command line (ISO, or as people type it: 2026/6/1, 令和8年6月1日), else
/// UsageError naming the option.
core::Date requireDate(const std::string& text, const char* option);
/// The same, empty text meaning no date.
std::optional<core::Date> optionalDate(const std::string& text, const char* option);

/// CLI11 checks for numeric options, run on the text before CLI11 converts it: an id (as parseId)
/// and a count (decimal, 1 … 1,000,000).
CLI::Validator idText();
CLI::Validator countText();

} // namespace meibo::cli
