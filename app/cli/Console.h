#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace meibo::cli {

/// The first line of a file, without its line end; throws core::Error naming the file.
std::string readFirstLine(const std::string& path, const char* what);
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

/// A record's id given on the command line (report, change set …): a positive number, else
/// core::Error(InvalidInput) naming `what`.
std::int64_t parseId(const std::string& text, const char* what);

} // namespace meibo::cli
