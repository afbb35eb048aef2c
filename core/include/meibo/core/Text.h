#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace meibo::core {

/// Why a piece of text cannot be stored, in English and Japanese, naming the character or byte.
struct TextProblem {
    std::string message;
    std::string messageJa;
};

/// The one rule for every text a person gives Meibo (names, addresses, reasons …): strict UTF-8
/// (no overlong forms, no surrogates, nothing past U+10FFFF), no NUL or other control characters
/// (C0, DEL, C1), no bidirectional overrides or isolates (they make a signed document read other
/// than it is), a line break only where `multiline` allows it, and at most `maxChars` characters.
std::optional<TextProblem> checkText(std::string_view text, std::size_t maxChars, bool multiline);

/// Number of code points in valid UTF-8.
std::size_t countChars(std::string_view utf8);

/// CRLF and a lone CR (classic Mac, some exports) become LF, so that line numbers count every line end.
std::string unixLineEnds(std::string_view text);

/// The text without leading and trailing spaces (ASCII and the ideographic space U+3000);
/// a CRLF or lone CR inside becomes LF.
std::string tidyText(std::string_view text);

} // namespace meibo::core
