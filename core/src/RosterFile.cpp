#include "meibo/core/RosterFile.h"

#include "meibo/core/Csv.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace meibo::core {

namespace {

/// CRLF and lone CR (classic Mac, some exports) become LF, so line numbers count every line end.
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

/// The line (1-based) of byte `offset`, counting LF, CRLF and CR.
int lineOf(std::string_view bytes, std::size_t offset)
{
    int line = 1;
    for (std::size_t i = 0; i < offset && i < bytes.size(); ++i)
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n')))
            ++line;
    return line;
}

/// Converts with ICU, stopping at the first byte sequence that is not a character of `charset`.
/// Returns the offset of the bad bytes in `bad` (npos when the whole text converted).
std::string convertStrict(const char* charset, std::string_view bytes, std::size_t& bad)
{
    bad = std::string::npos;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> from(ucnv_open(charset, &status), ucnv_close);
    if (U_FAILURE(status)) {
        bad = 0;
        return {};
    }
    ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::unique_ptr<UConverter, decltype(&ucnv_close)> to(ucnv_open("UTF-8", &status), ucnv_close);
    std::string out(bytes.size() * 3 + 16, '\0');
    char* target = out.data();
    const char* source = bytes.data();
    ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                   nullptr, nullptr, nullptr, nullptr, true, true, &status);
    if (U_FAILURE(status)) {
        // The source pointer stops after the bytes ICU had consumed; the bad sequence is within the
        // last few of them.
        std::int8_t len = 8;
        char invalid[8];
        UErrorCode s2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(from.get(), invalid, &len, &s2);
        const auto consumed = static_cast<std::size_t>(source - bytes.data());
        bad = consumed >= static_cast<std::size_t>(len) ? consumed - static_cast<std::size_t>(len) : 0;
        return {};
    }
    out.resize(static_cast<std::size_t>(target - out.data()));
    return out;
}

/// ICU's best guess at the encoding, and its confidence (0–100); empty when it has none.
std::pair<std::string, int> detectCharset(std::string_view bytes)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status), ucsdet_close);
    if (U_FAILURE(status))
        return {};
    ucsdet_setText(det.get(), bytes.data(), static_cast<std::int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20)),
                   &status);
    const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
    if (U_FAILURE(status) || !match)
        return {};
    const char* name = ucsdet_getName(match, &status);
    const int confidence = ucsdet_getConfidence(match, &status);
    return {U_SUCCESS(status) && name ? name : "", confidence};
}

std::string hexByte(unsigned char c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", c);
    return buf;
}

const char* const kSaveAs = "save it from Excel as “CSV UTF-8” (or as “CSV”, which is Shift_JIS) and import again";
const char* const kSaveAsJa = "Excel で「CSV UTF-8」（または Shift_JIS の「CSV」）形式で保存し直してから取り込んでください。";

} // namespace

DecodedText decodeRosterText(std::string_view bytes)
{
    DecodedText out;
    auto refuse = [&](int line, std::string en, std::string ja) {
        out.errorLine = line;
        out.error = std::move(en);
        out.errorJa = std::move(ja);
        out.utf8.clear();
        return out;
    };
    auto utf16 = [&](const char* charset, std::string_view body) {
        out.encoding = charset;
        if (body.size() % 2 != 0)
            return refuse(1, std::string("the file starts as ") + charset +
                                 " text but has an odd number of bytes: it is cut short or not text; " + kSaveAs,
                          std::string("ファイルは ") + charset + " で始まっていますが、バイト数が奇数です（途中で切れているか、テキストではありません）。" +
                              kSaveAsJa);
        std::size_t bad = 0;
        std::string text = convertStrict(charset, body, bad);
        if (bad != std::string::npos)
            return refuse(1, std::string("the file is ") + charset + " text (it starts with that byte order mark) but byte " +
                                 std::to_string(bad + 2) + " is not a character: " + kSaveAs,
                          std::string("ファイルは ") + charset + " ですが、" + std::to_string(bad + 2) +
                              " バイト目が文字になっていません。" + kSaveAsJa);
        out.utf8 = unixLineEnds(text);
        return out;
    };
    if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE")
        return utf16("UTF-16LE", bytes.substr(2));
    if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF")
        return utf16("UTF-16BE", bytes.substr(2));
    const bool bom = bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF";
    if (bom)
        bytes.remove_prefix(3);
    if (isUtf8(bytes)) {
        out.encoding = bom ? "UTF-8 (BOM)" : "UTF-8";
        if (bytes.find('\0') != std::string_view::npos)
            return refuse(lineOf(bytes, bytes.find('\0')),
                          "the file holds NUL bytes: it looks like UTF-16 text without a byte order mark; " +
                              std::string(kSaveAs),
                          std::string("ファイルに NUL バイトがあります。バイト順マークのない UTF-16 のようです。") + kSaveAsJa);
        out.utf8 = unixLineEnds(bytes);
        return out;
    }
    if (bom) {
        std::size_t i = 0; // the first byte that breaks UTF-8, for the message
        while (i < bytes.size() && isUtf8(bytes.substr(0, i + 1)))
            ++i;
        return refuse(lineOf(bytes, i),
                      "the file starts with a UTF-8 byte order mark but is not UTF-8 (byte " + hexByte(static_cast<unsigned char>(bytes[i])) +
                          "): " + kSaveAs,
                      "ファイルは UTF-8 のバイト順マークで始まっていますが、UTF-8 ではありません（" +
                          hexByte(static_cast<unsigned char>(bytes[i])) + "）。" + kSaveAsJa);
    }
    // Not UTF-8: Japanese Excel's "CSV" is CP932 (ICU's windows-31j). EUC-JP and ISO-2022-JP decode
    // as nonsense in CP932 without an error more often than not, so ICU's detector has a say too.
    const auto [guess, confidence] = detectCharset(bytes);
    const bool otherGuess = !guess.empty() && guess != "Shift_JIS" && confidence >= 50;
    std::size_t bad = 0;
    std::string text = convertStrict("windows-31j", bytes, bad);
    if (bad == std::string::npos && !otherGuess) {
        out.encoding = "Shift_JIS (CP932)";
        out.utf8 = unixLineEnds(text);
        return out;
    }
    const std::string found = guess.empty() ? std::string("an unknown encoding") : guess;
    if (bad == std::string::npos)
        return refuse(1, "the file is not UTF-8, and it looks like " + found + " (ICU's guess, " + std::to_string(confidence) +
                             "% sure), which Meibo does not read: " + kSaveAs,
                      "ファイルは UTF-8 ではなく、" + found + " のようです（ICU の推定、確からしさ " + std::to_string(confidence) +
                          "%）。この文字コードは読めません。" + kSaveAsJa);
    return refuse(lineOf(bytes, bad),
                  "the file is neither UTF-8 nor Shift_JIS (CP932): byte " + hexByte(static_cast<unsigned char>(bytes[bad])) +
                      " on this line is not a character in either" +
                      (guess.empty() ? std::string() : " (ICU guesses " + guess + ")") + "; " + kSaveAs,
                  "ファイルは UTF-8 でも Shift_JIS（CP932）でもありません。この行のバイト " +
                      hexByte(static_cast<unsigned char>(bytes[bad])) + " がどちらの文字にもなりません" +
                      (guess.empty() ? std::string() : "（ICU の推定：" + guess + "）") + "。" + kSaveAsJa);
}

namespace {
bool endsWith(const std::string& name, std::string_view ext)
{
    if (name.size() < ext.size())
        return false;
    std::string tail = name.substr(name.size() - ext.size());
    std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return tail == ext;
}
} // namespace

RosterImport readRosterFile(std::string_view bytes, const RosterFileOptions& options)
{
    if (endsWith(options.fileName, ".txt") || endsWith(options.fileName, ".tsv")) {
        const DecodedText text = decodeRosterText(bytes);
        if (!text.error.empty()) {
            RosterImport result;
            result.format = "tsv";
            result.issues.push_back({text.errorLine, {}, text.error, text.errorJa, {}, {}});
            return result;
        }
        RosterImport result = parseRosterText(text.utf8, '\t', options.today);
        result.encoding = text.encoding;
        return result;
    }
    return parseRosterCsv(bytes, options.today);
}

} // namespace meibo::core
