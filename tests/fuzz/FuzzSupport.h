#pragma once
// Shared by the libFuzzer harnesses: how a harness says that it found a bug.

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace meibo::fuzz {

/// An oracle failed: print why and abort, so libFuzzer keeps the input as a crash.
[[noreturn]] inline void fail(std::string_view why)
{
    std::fprintf(stderr, "meibo fuzz oracle: %.*s\n", static_cast<int>(why.size()), why.data());
    std::abort();
}

/// MEIBO_FUZZ_STRICT=1 adds the oracles for rules that are known not to hold yet: promised by an
/// open issue, or found by these harnesses and not fixed yet (tests/fuzz/crashes/README.md). Off by default, so
/// that a known failure, found again in every second run, does not hide new ones; turn each on for
/// good once its fix lands.
inline bool strict()
{
    static const bool on = [] {
        const char* v = std::getenv("MEIBO_FUZZ_STRICT");
        return v && *v && *v != '0';
    }();
    return on;
}

/// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. Written
/// independently of core::isUtf8, to compare against it.
inline bool strictUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        int n = 0;
        unsigned cp = 0, min = 0;
        if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; min = 0x10000; }
        else return false;
        if (i + static_cast<std::size_t>(n) >= s.size())
            return false;
        for (int k = 1; k <= n; ++k) {
            const auto d = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((d & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += static_cast<std::size_t>(n) + 1;
    }
    return true;
}

} // namespace meibo::fuzz
