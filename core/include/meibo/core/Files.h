#pragma once

// Reading a file a person named (a roster, a certificate, a list): the one place that says, in
// English and Japanese, which file could not be read, what it was meant to be, and why.

#include <string>
#include <string_view>

namespace meibo::core {

/// The file's whole bytes. Throws Error(NotFound) naming the path and what the file was meant to be
/// ("the roster" / 「名簿」), with the reason (no such file, no permission, a folder), in both languages.
std::string readWholeFile(const std::string& path, std::string_view whatEn, std::string_view whatJa);

/// Throws the same Error for `path`, with the reason errno holds now.
[[noreturn]] void throwUnreadable(const std::string& path, std::string_view whatEn, std::string_view whatJa);

} // namespace meibo::core
