#include "meibo/core/Text.h"

#include <cstdint>
#include <cstdio>

namespace meibo::core {

namespace {

std::string hexByte(unsigned char c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", c);
    return buf;
}

std::string codePoint(char32_t c)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

/// Decodes one code point at `i` (strict RFC 3629); nullopt for an invalid sequence.
std::optional<char32_t> decode(std::string_view s, std::size_t& i)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    int extra = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        extra = 1, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        extra = 2, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        extra = 3, cp = b0 & 0x07, min = 0x10000;
    } else {
        return std::nullopt;
    }
    if (i + static_cast<std::size_t>(extra) >= s.size())
        return std::nullopt; // cut short
    for (int k = 1; k <= extra; ++k) {
        const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((b & 0xC0) != 0x80)
            return std::nullopt;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return std::nullopt; // overlong, out of range, or a surrogate
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

bool isBidiControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

} // namespace

std::optional<TextProblem> checkText(std::string_view text, std::size_t maxChars, bool multiline)
{
    std::size_t i = 0;
    std::size_t chars = 0;
    while (i < text.size()) {
        const std::size_t at = i;
        const auto cp = decode(text, i);
        ++chars;
        const std::string pos = std::to_string(chars);
        if (!cp)
            return TextProblem{"byte " + std::to_string(at + 1) + " (" + hexByte(static_cast<unsigned char>(text[at])) +
                                   ") is not valid UTF-8: save the file as UTF-8 text",
                               std::to_string(at + 1) + "バイト目（" + hexByte(static_cast<unsigned char>(text[at])) +
                                   "）が UTF-8 として正しくありません。UTF-8 で保存し直してください。"};
        if ((*cp == '\n' || *cp == '\r') && multiline)
            continue; // CRLF and CR become LF (tidyText)
        if (*cp == '\n' || *cp == '\r')
            return TextProblem{"character " + pos +
                                   " is a line break, which this field cannot hold: write it on one line",
                               pos + "文字目が改行です。この項目は1行で記入してください。"};
        if (*cp < 0x20 || *cp == 0x7F || (*cp >= 0x80 && *cp <= 0x9F))
            return TextProblem{"character " + pos + " is the control character " + codePoint(*cp) +
                                   " (invisible, not text): delete it",
                               pos + "文字目が制御文字（" + codePoint(*cp) +
                                   "、目に見えない文字）です。削除してください。"};
        if (isBidiControl(*cp))
            return TextProblem{"character " + pos + " is the direction control " + codePoint(*cp) +
                                   ", which would make the text read differently from how it prints: delete it",
                               pos + "文字目が書字方向の制御文字（" + codePoint(*cp) +
                                   "）です。表示と内容が食い違う原因になるため削除してください。"};
        if (*cp == 0xFEFF)
            return TextProblem{"character " + pos + " is an invisible byte-order mark (U+FEFF): delete it",
                               pos + "文字目が目に見えない BOM（U+FEFF）です。削除してください。"};
    }
    if (chars > maxChars)
        return TextProblem{"it has " + std::to_string(chars) + " characters; at most " + std::to_string(maxChars) +
                               " fit this field: shorten it",
                           std::to_string(chars) + "文字あります。この項目は" + std::to_string(maxChars) +
                               "文字以内で記入してください。"};
    return std::nullopt;
}

std::size_t countChars(std::string_view utf8)
{
    std::size_t n = 0;
    for (char c : utf8)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string unixLineEnds(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string tidyText(std::string_view text)
{
    std::string out = unixLineEnds(text);
    auto isSpaceAt = [&](std::size_t pos, std::size_t& len) {
        if (out[pos] == ' ' || out[pos] == '\t') {
            len = 1;
            return true;
        }
        if (out.compare(pos, 3, "\xE3\x80\x80") == 0) { // U+3000 ideographic space
            len = 3;
            return true;
        }
        return false;
    };
    std::size_t start = 0;
    for (std::size_t len = 0; start < out.size() && isSpaceAt(start, len);)
        start += len;
    std::size_t end = out.size();
    while (end > start) {
        std::size_t len = 0;
        if (out[end - 1] == ' ' || out[end - 1] == '\t' || out[end - 1] == '\n')
            --end;
        else if (end - start >= 3 && isSpaceAt(end - 3, len) && len == 3)
            end -= 3;
        else
            break;
    }
    return out.substr(start, end - start);
}

} // namespace meibo::core
