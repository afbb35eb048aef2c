#include "meibo/core/RosterFile.h"

#include "meibo/core/Csv.h"
#include "meibo/core/Error.h"
#include "meibo/core/Text.h"
#include "meibo/core/XlsxReader.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace meibo::core {

namespace {


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
        // Many NULs: UTF-16 without its mark. A stray one is a control character in a cell, which the
        // field's check names by line and column.
        const auto nuls = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\0'));
        if (nuls > 0 && nuls * 8 >= bytes.size())
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

namespace {

RosterImport refused(std::string format, std::string message, std::string messageJa, std::string sheet = {},
                     Fix fix = {})
{
    RosterImport result;
    result.format = std::move(format);
    result.sheet = sheet;
    result.issues.push_back({1, {}, std::move(message), std::move(messageJa), std::move(sheet), {}, std::move(fix)});
    return result;
}

/// The row of a sheet that names the columns: the first of its first 50 rows with 氏名 and at least
/// two other column names; 0 when there is none.
int headerRow(const XlsxSheet& sheet)
{
    for (const auto& [number, cells] : sheet.rows) {
        if (number > 50)
            break;
        int names = 0;
        bool name = false;
        for (const auto& [column, cell] : cells) {
            if (cell.fromMerge)
                continue;
            if (const RosterField* f = rosterHeaderField(cell.text)) {
                ++names;
                name = name || f->key == "name";
            }
        }
        if (name && names >= 3)
            return number;
    }
    return 0;
}

std::string quotedList(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "「" : "、「") + n + "」";
    return out;
}

RosterImport readWorkbook(std::string_view bytes, const RosterFileOptions& options, const ColumnMapping& columns,
                          std::vector<std::string>& all)
{
    std::vector<XlsxSheet> sheets;
    try {
        sheets = readXlsx(bytes);
    } catch (const Error& e) {
        return refused("xlsx", e.what(), e.messageJa());
    }
    std::vector<std::string> withRoster;
    for (const XlsxSheet& s : sheets) {
        all.push_back(s.name);
        if (headerRow(s))
            withRoster.push_back(s.name);
    }
    const XlsxSheet* chosen = nullptr;
    if (!options.sheet.empty()) {
        for (const XlsxSheet& s : sheets)
            if (s.name == options.sheet)
                chosen = &s;
        if (!chosen)
            return refused("xlsx", "the workbook has no sheet “" + options.sheet + "”; its sheets are " + quotedList(all),
                           "ブックにシート「" + options.sheet + "」はありません。シートは " + quotedList(all) + " です。");
    } else if (withRoster.size() == 1) {
        for (const XlsxSheet& s : sheets)
            if (s.name == withRoster.front())
                chosen = &s;
    } else if (withRoster.size() > 1) {
        return refused("xlsx",
                       "several sheets hold a roster: " + quotedList(withRoster) +
                           " (one contract's roster is imported at a time)",
                       "名簿のシートが複数あります（" + quotedList(withRoster) + "）。一度に一つの契約の名簿を取り込みます。",
                       {}, Fix{"Choose the sheet with this contract's roster.",
                               "この契約の名簿のシートを選んでください。",
                               "Choose one with --sheet NAME.", "--sheet シート名 でどれか一つを選んでください。"});
    }
    if (!chosen || !headerRow(*chosen))
        return refused("xlsx",
                       std::string(chosen ? "the sheet “" + chosen->name + "” has" : "no sheet of the workbook has") +
                           " a header row naming the columns (区分, 記号, 氏名 …, or role, label, name …) in its first 50 "
                           "rows; the sheets are " + quotedList(all),
                       std::string(chosen ? "シート「" + chosen->name + "」" : "ブックのどのシート") +
                           "にも、最初の50行に列名（区分、記号、氏名…）の見出し行がありません。シートは " + quotedList(all) +
                           " です。",
                       chosen ? chosen->name : std::string());

    // The table: the header row, then each row with a cell of its own, up to the ※ notes below.
    const XlsxSheet& sheet = *chosen;
    const int header = headerRow(sheet);
    RosterTable table;
    table.sheet = sheet.name;
    int width = 0;
    for (const auto& [column, cell] : sheet.rows.at(header))
        width = std::max(width, column + 2); // +1: the right half of a merged combined heading
    auto record = [&](int number, const std::map<int, XlsxCell>& cells) {
        CsvRecord rec;
        rec.line = number;
        rec.fields.assign(static_cast<std::size_t>(width), std::string());
        for (const auto& [column, cell] : cells)
            if (column < width)
                rec.fields[static_cast<std::size_t>(column)] = cell.text;
        return rec;
    };
    table.records.push_back(record(header, sheet.rows.at(header)));
    for (auto it = sheet.rows.upper_bound(header); it != sheet.rows.end(); ++it) {
        const XlsxCell* first = nullptr;
        for (const auto& [column, cell] : it->second)
            if (!cell.fromMerge && !tidyText(cell.text).empty()) {
                first = &cell;
                break;
            }
        if (!first)
            continue; // an empty row of the form, perhaps inside a merged 区分
        if (tidyText(first->text).rfind("※", 0) == 0 || tidyText(first->text).rfind("注", 0) == 0)
            break; // the form's notes below the table
        table.records.push_back(record(it->first, it->second));
    }
    RosterImport result = parseRosterTable(table, options.today, columns);
    result.format = "xlsx";
    result.sheet = sheet.name;
    // What the form lacks: the day each person joins is the contract's start.
    const bool hasFrom = std::find(result.columns.begin(), result.columns.end(), "valid_from") != result.columns.end();
    if (!hasFrom && options.contractStart) {
        for (ImportRow& row : result.rows)
            row.validFrom = *options.contractStart;
        result.columns.emplace_back("valid_from");
        const std::string day = formatIsoDate(*options.contractStart);
        result.notes.push_back("the sheet has no valid_from (従事開始日) column: every row is on the roster from the "
                               "contract's start, " + day);
        result.notesJa.push_back("シートに従事開始日の列がないため、全員を契約の開始日（" + day + "）から名簿に載せます。");
    }
    return result;
}

} // namespace

RosterImport readRosterFile(std::string_view bytes, const RosterFileOptions& options, const ColumnMapping& columns)
{
    if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) || endsWith(options.fileName, ".xlsx")) {
        std::vector<std::string> sheets;
        RosterImport result = readWorkbook(bytes, options, columns, sheets);
        result.sheets = std::move(sheets);
        return result;
    }
    if (bytes.substr(0, 4) == "\xD0\xCF\x11\xE0")
        return refused("xls", "the file is an Excel 97–2003 workbook (.xls), which Meibo does not read: save it as .xlsx "
                              "(Excel Workbook) or as CSV UTF-8",
                       "Excel 97–2003 形式のブック（.xls）は読めません。.xlsx（Excel ブック）か CSV UTF-8 で保存し直してください。");
    if (endsWith(options.fileName, ".txt") || endsWith(options.fileName, ".tsv")) {
        const DecodedText text = decodeRosterText(bytes);
        if (!text.error.empty()) {
            RosterImport result;
            result.format = "tsv";
            result.issues.push_back({text.errorLine, {}, text.error, text.errorJa, {}, {}});
            return result;
        }
        RosterImport result = parseRosterText(text.utf8, '\t', options.today, columns);
        result.encoding = text.encoding;
        return result;
    }
    return parseRosterCsv(bytes, options.today, columns);
}

} // namespace meibo::core
