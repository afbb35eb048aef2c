// WordprocessingML (.docx) writer. The package is assembled in memory with libzip.
//
// Reproducibility: parts are written in a fixed order, with fixed deflate compression and every
// entry's DOS timestamp taken from Document::created (or 2000-01-01), relationship and drawing ids
// are sequential, and nothing depends on the clock, the time zone or the locale.
//
// Schema notes: the children of w:pPr, w:rPr, w:tblPr, w:tcPr and w:sectPr are sequences in
// ECMA-376, so each writer below emits them in schema order; Word refuses files that do not.
#include "meibo/forms/DocxWriter.h"

#include "meibo/core/Error.h"

#include "Glyphs.h"

#include <QGuiApplication>

#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace meibo::forms {
namespace {

// ---- units -------------------------------------------------------------------------------------

constexpr double kTwipsPerMm = 1440.0 / 25.4; // 56.69..., a twip is 1/20 pt
constexpr double kEmuPerMm = 36000.0;

constexpr long long kA4ShortTwips = 11906; // 210 mm
constexpr long long kA4LongTwips = 16838;  // 297 mm
constexpr long long kMarginTwips = 1134;   // 20 mm
constexpr long long kHeaderFooterDistanceTwips = 567; // 10 mm from the paper's edge

long long roundNonNegative(double value)
{
    return std::isfinite(value) && value > 0 ? std::llround(value) : 0;
}

long long mmToTwips(double mm) { return roundNonNegative(mm * kTwipsPerMm); }
long long mmToEmu(double mm) { return roundNonNegative(mm * kEmuPerMm); }
long long ptToTwips(double pt) { return roundNonNegative(pt * 20.0); }

/// Font size in half-points, within what Word accepts (1 pt to 1638 pt).
long long ptToHalfPoints(double pt) { return std::clamp<long long>(roundNonNegative(pt * 2.0), 2, 3276); }

std::string num(long long value) { return std::to_string(value); }

// ---- XML text ----------------------------------------------------------------------------------

constexpr std::string_view kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD"; // U+FFFD

/// Appends `text` as XML character data or attribute value: escapes markup characters, replaces
/// malformed UTF-8 with U+FFFD and drops the control characters XML 1.0 does not allow.
void appendEscaped(std::string& out, std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        if (lead < 0x80) {
            switch (lead) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\t': out += "&#9;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            default:
                if (lead >= 0x20 && lead != 0x7F)
                    out += static_cast<char>(lead);
            }
            ++i;
            continue;
        }
        // Multi-byte sequence: check length, continuation bytes, overlong forms and range.
        std::size_t length = 0;
        char32_t cp = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            cp = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            cp = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            cp = lead & 0x07;
        }
        bool valid = length != 0 && i + length <= text.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            valid = (next & 0xC0) == 0x80;
            cp = (cp << 6) | (next & 0x3F);
        }
        valid = valid && !(length == 3 && cp < 0x800) && !(length == 4 && (cp < 0x10000 || cp > 0x10FFFF))
                && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF;
        if (valid) {
            out.append(text.substr(i, length));
            i += length;
        } else {
            out += kReplacementChar;
            ++i;
        }
    }
}

std::string escaped(std::string_view text)
{
    std::string out;
    appendEscaped(out, text);
    return out;
}

/// ` name="value"` with the value escaped.
std::string attr(std::string_view name, std::string_view value)
{
    std::string out = " ";
    out += name;
    out += "=\"";
    appendEscaped(out, value);
    out += '"';
    return out;
}

/// `<w:name w:val="value"/>`
std::string valElement(std::string_view name, std::string_view value)
{
    return "<w:" + std::string(name) + attr("w:val", value) + "/>";
}

constexpr std::string_view kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kNsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view kNsWp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
constexpr std::string_view kNsA = "http://schemas.openxmlformats.org/drawingml/2006/main";
constexpr std::string_view kNsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
constexpr std::string_view kNsSvgBlip = "http://schemas.microsoft.com/office/drawing/2016/SVG/main";
constexpr std::string_view kRelBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
/// Core properties are an OPC (package) relationship, not an officeDocument one.
constexpr const char* kCorePropertiesRel =
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

// ---- dates -------------------------------------------------------------------------------------

struct Date {
    int year = 2000;
    int month = 1;
    int day = 1;
};

/// Parses an ISO "YYYY-MM-DD" date (a longer ISO timestamp is cut to its date).
bool parseIsoDate(std::string_view text, Date& date)
{
    if (text.size() < 10 || text[4] != '-' || text[7] != '-')
        return false;
    auto digits = [&](std::size_t from, std::size_t count, int& value) {
        value = 0;
        for (std::size_t k = from; k < from + count; ++k) {
            if (text[k] < '0' || text[k] > '9')
                return false;
            value = value * 10 + (text[k] - '0');
        }
        return true;
    };
    Date d;
    if (!digits(0, 4, d.year) || !digits(5, 2, d.month) || !digits(8, 2, d.day))
        return false;
    static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1)
        return false;
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    if (d.day > kDaysInMonth[d.month - 1] + (d.month == 2 && leap ? 1 : 0))
        return false;
    date = d;
    return true;
}

std::string isoDate(const Date& d)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buffer;
}

// ---- paragraphs and runs -----------------------------------------------------------------------

/// The family the document is set in, for the per-glyph fallback of the runs (one writeDocx per
/// thread at a time).
thread_local QString t_family;

/// The fallback face as Word on Windows and LibreOffice name it (its Japanese family name).
constexpr std::string_view kFallbackWordName = "IPAmj明朝";

/// Cell margins: 2.5 pt above and below (as the PDF's cells; text touched the borders with none),
/// Word's 0.19 cm at the sides.
constexpr const char* kCellMargins = "<w:tblCellMar><w:top w:w=\"50\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
                                     "<w:bottom w:w=\"50\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar>";

/// Run properties in schema order (CT_RPr: rFonts, b, bCs, ... sz, szCs, ...). `sizePt` 0 inherits.
std::string runProperties(bool bold, double sizePt, bool fallbackFace = false)
{
    std::string props;
    if (fallbackFace) {
        const std::string f(kFallbackWordName);
        props += "<w:rFonts w:ascii=\"" + f + "\" w:eastAsia=\"" + f + "\" w:hAnsi=\"" + f + "\" w:cs=\"" + f +
                 "\" w:hint=\"eastAsia\"/>";
    }
    if (bold)
        props += "<w:b/><w:bCs/>";
    if (sizePt > 0) {
        const std::string hps = num(ptToHalfPoints(sizePt));
        props += valElement("sz", hps) + valElement("szCs", hps);
    }
    return props.empty() ? std::string() : "<w:rPr>" + props + "</w:rPr>";
}

/// One w:t, keeping leading, trailing and doubled spaces (XML would otherwise collapse them).
void appendTextElement(std::string& out, std::string_view text)
{
    if (text.empty())
        return;
    const bool preserve = text.front() == ' ' || text.back() == ' ' || text.find("  ") != std::string_view::npos;
    out += preserve ? "<w:t xml:space=\"preserve\">" : "<w:t>";
    appendEscaped(out, text);
    out += "</w:t>";
}

/// Splits text where the face that has its glyphs changes: the document's family, or the fallback
/// for what it lacks (𠮷). Without a QGuiApplication (no fonts to ask) the text stays whole.
std::vector<std::pair<std::string, bool>> splitByFace(const std::string& text)
{
    if (t_family.isEmpty() || !QGuiApplication::instance())
        return {{text, false}};
    std::vector<std::pair<std::string, bool>> out;
    for (char32_t c : QString::fromStdString(text).toUcs4()) {
        const bool fallback = !glyphs::ignorable(c) && c > 0x7F && glyphs::faceFor(t_family, c) == glyphs::fallbackFamily();
        const std::string piece = QString::fromUcs4(&c, 1).toStdString();
        if (out.empty() || out.back().second != fallback)
            out.emplace_back(piece, fallback);
        else
            out.back().first += piece;
    }
    if (out.empty())
        out.emplace_back(text, false);
    return out;
}

/// A run; '\n' becomes a line break (w:br) and '\t' a tab (w:tab); '\r' is dropped. Characters the
/// document's font lacks go in runs of their own set in the fallback face.
void appendRun(std::string& out, const Run& run, double defaultSizePt)
{
    if (run.text.empty())
        return;
    const auto pieces = splitByFace(run.text);
    if (pieces.size() > 1 || pieces.front().second) {
        for (const auto& [text, fallback] : pieces) {
            Run part = run;
            part.text = text;
            if (!fallback) {
                appendRun(out, part, defaultSizePt);
                continue;
            }
            out += "<w:r>";
            out += runProperties(run.bold, run.sizePt > 0 ? run.sizePt : defaultSizePt, true);
            appendTextElement(out, text);
            out += "</w:r>";
        }
        return;
    }
    out += "<w:r>";
    out += runProperties(run.bold, run.sizePt > 0 ? run.sizePt : defaultSizePt);
    const std::string_view text = run.text;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '\n' && text[i] != '\t' && text[i] != '\r')
            continue;
        appendTextElement(out, text.substr(start, i - start));
        if (i < text.size() && text[i] == '\n')
            out += "<w:br/>";
        else if (i < text.size() && text[i] == '\t')
            out += "<w:tab/>";
        start = i + 1;
    }
    out += "</w:r>";
}

std::string_view justification(Paragraph::Align align)
{
    switch (align) {
    case Paragraph::Align::Center: return "center";
    case Paragraph::Align::Right: return "right";
    case Paragraph::Align::Justify: return "both";
    case Paragraph::Align::Left: break;
    }
    return {};
}

/// A paragraph. `defaultSizePt` (0 = the style's) applies to runs without their own size, and to
/// the paragraph mark so an empty paragraph (an empty table cell) gets the height of its text.
void appendParagraph(std::string& out, const Paragraph& paragraph, double defaultSizePt)
{
    // CT_PPr order: pStyle, keepNext, keepLines, pageBreakBefore, ..., spacing, ind, ..., jc, ..., rPr.
    std::string props;
    if (paragraph.pageBreakBefore)
        props += "<w:pageBreakBefore/>";
    const long long before = ptToTwips(paragraph.spaceBeforePt);
    const long long after = ptToTwips(paragraph.spaceAfterPt);
    if (before > 0 || after > 0)
        props += "<w:spacing" + attr("w:before", num(before)) + attr("w:after", num(after)) + "/>";
    if (const long long indent = mmToTwips(paragraph.indentMm); indent > 0)
        props += "<w:ind" + attr("w:left", num(indent)) + "/>";
    if (const std::string_view jc = justification(paragraph.align); !jc.empty())
        props += valElement("jc", jc);
    double markSizePt = defaultSizePt;
    if (!paragraph.runs.empty() && paragraph.runs.front().sizePt > 0)
        markSizePt = paragraph.runs.front().sizePt;
    props += runProperties(false, markSizePt);

    out += "<w:p>";
    if (!props.empty())
        out += "<w:pPr>" + props + "</w:pPr>";
    for (const Run& run : paragraph.runs)
        appendRun(out, run, defaultSizePt);
    out += "</w:p>";
}

// ---- package parts -----------------------------------------------------------------------------

struct Part {
    std::string name;
    std::string contentType; ///< an Override in [Content_Types].xml, empty for Default-typed parts
    std::string data;
};

struct Relationship {
    std::string id;
    std::string type; ///< the relationship type URI
    std::string target;
};

/// An officeDocument relationship type, e.g. "styles".
std::string officeRel(std::string_view type) { return std::string(kRelBase) + std::string(type); }

std::string relationshipsXml(const std::vector<Relationship>& relationships)
{
    std::string xml(kXmlDeclaration);
    xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (const Relationship& rel : relationships)
        xml += "<Relationship" + attr("Id", rel.id) + attr("Type", rel.type)
               + attr("Target", rel.target) + "/>";
    xml += "</Relationships>";
    return xml;
}

/// Pixel size from a PNG's IHDR chunk; false when the bytes are not a PNG.
bool pngSize(const std::string& png, std::uint32_t& width, std::uint32_t& height)
{
    static constexpr unsigned char kSignature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (png.size() < 24 || std::memcmp(png.data(), kSignature, sizeof kSignature) != 0
        || png.compare(12, 4, "IHDR") != 0)
        return false;
    auto be32 = [&](std::size_t at) {
        std::uint32_t value = 0;
        for (std::size_t k = 0; k < 4; ++k)
            value = (value << 8) | static_cast<unsigned char>(png[at + k]);
        return value;
    };
    width = be32(16);
    height = be32(20);
    return width > 0 && height > 0;
}

/// Builds word/document.xml and collects the media it references.
class BodyWriter {
public:
    BodyWriter(const Document& document, double textWidthMm, int firstFreeRelationship)
        : m_document(document), m_textWidthMm(textWidthMm), m_nextRelationship(firstFreeRelationship)
    {
    }

    std::string body()
    {
        std::string out;
        bool previousWasTable = false;
        for (const Block& block : m_document.body) {
            if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
                appendParagraph(out, *paragraph, 0);
                previousWasTable = false;
            } else if (const auto* table = std::get_if<Table>(&block)) {
                if (table->rows.empty())
                    continue;
                // Word joins two tables with nothing between them into one: keep them apart.
                if (previousWasTable)
                    out += "<w:p/>";
                appendTable(out, *table);
                previousWasTable = true;
            } else if (const auto* image = std::get_if<Image>(&block)) {
                if (image->png.empty())
                    continue;
                appendImage(out, *image);
                previousWasTable = false;
            }
        }
        // Word always ends the body, and every table's surroundings, with a paragraph before w:sectPr.
        if (previousWasTable || out.empty())
            out += "<w:p/>";
        return out;
    }

    const std::vector<Part>& media() const { return m_media; }
    const std::vector<Relationship>& relationships() const { return m_relationships; }

private:
    void appendTable(std::string& out, const Table& table);
    void appendImage(std::string& out, const Image& image);

    const Document& m_document;
    double m_textWidthMm;
    int m_nextRelationship;
    int m_nextDrawingId = 1;
    std::vector<Part> m_media;
    std::vector<Relationship> m_relationships;
};

/// How wide a line of `text` can be at `sizePt` in whichever face shows the DOCX: 1 em an East Asian
/// character, 0.6 em any other (Latin and digits are narrower in 游明朝, ＭＳ 明朝 and IPAex alike), and
/// a quarter em more wherever Japanese meets Latin or digits — the space Word and LibreOffice put
/// between them (autoSpaceDE/DN, on by default). An over-estimate: it only ever widens a column.
double lineWidthPt(std::string_view text, double sizePt, bool bold)
{
    double em = 0;
    int previous = 0; // 0 none, 1 narrow, 2 wide
    for (char32_t c : QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())).toUcs4()) {
        const bool wide = (c >= 0x2E80 && c < 0xFF61) || c >= 0xFFE0;
        const bool blank = c == ' ' || c == 0x3000;
        em += wide ? 1.0 : 0.6;
        const int kind = blank ? 0 : wide ? 2 : 1;
        if (kind && previous && kind != previous)
            em += 0.25;
        previous = kind;
    }
    return em * sizePt * (bold ? 1.05 : 1.0);
}

/// The width a one-line cell needs (twips): its longest line, the cell's left and right margins
/// (108 twips each, kCellMargins) and a little room for rounding.
long long oneLineCellTwips(const Cell& cell, double sizePt)
{
    double widest = 0;
    for (const Paragraph& paragraph : cell.paragraphs) {
        std::string text;
        bool bold = false;
        double runSize = 0;
        for (const Run& run : paragraph.runs) {
            text += run.text;
            bold = bold || run.bold;
            runSize = std::max(runSize, run.sizePt > 0 ? run.sizePt : sizePt);
        }
        std::size_t start = 0;
        for (std::size_t i = 0; i <= text.size(); ++i)
            if (i == text.size() || text[i] == '\n') {
                widest = std::max(widest, lineWidthPt(std::string_view(text).substr(start, i - start), runSize, bold));
                start = i + 1;
            }
    }
    return widest > 0 ? ptToTwips(widest) + 2 * 108 + 40 : 0;
}

/// Widens the columns whose one-line cells (Cell::noWrap, one column wide) need more than they were
/// given, taking the room from the columns that have some to spare, most from the widest; the
/// table's width stays. Left as they are when the one-line cells need more than the whole width.
void fitOneLineCells(std::vector<long long>& widths, const Table& table, double sizePt)
{
    std::vector<long long> need(widths.size(), 0);
    for (const auto& row : table.rows)
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
            if (row[c].noWrap && !row[c].covered && row[c].colSpan <= 1)
                need[c] = std::max(need[c], oneLineCellTwips(row[c], sizePt));
    long long total = 0, needed = 0, missing = 0;
    for (std::size_t c = 0; c < widths.size(); ++c) {
        total += widths[c];
        needed += std::max(need[c], 0LL);
        missing += std::max(0LL, need[c] - widths[c]);
    }
    if (missing == 0 || needed > total)
        return;
    // A column gives at most what it has beyond its own need, in proportion to that spare room.
    long long spare = 0;
    for (std::size_t c = 0; c < widths.size(); ++c)
        spare += std::max(0LL, widths[c] - need[c]);
    if (spare < missing)
        return;
    long long taken = 0;
    for (std::size_t c = 0; c < widths.size(); ++c) {
        const long long room = std::max(0LL, widths[c] - need[c]);
        const long long give = room * missing / spare;
        widths[c] -= give;
        taken += give;
    }
    for (std::size_t c = 0; c < widths.size(); ++c)
        if (need[c] > widths[c])
            widths[c] = need[c];
    // Rounding: whatever is left over or short goes to (or comes from) the widest column.
    long long now = 0;
    for (long long w : widths)
        now += w;
    *std::max_element(widths.begin(), widths.end()) += total - now;
}

constexpr std::string_view kBorderTypes[] = {"top", "left", "bottom", "right", "insideH", "insideV"};

std::string singleBorders(std::string_view element)
{
    std::string out = "<w:" + std::string(element) + ">";
    for (std::string_view side : kBorderTypes)
        out += "<w:" + std::string(side) + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>";
    out += "</w:" + std::string(element) + ">";
    return out;
}

void BodyWriter::appendTable(std::string& out, const Table& table)
{
    // The grid: the given widths, widened to the longest row with the rest of the text width.
    std::size_t columns = table.columnWidthsMm.size();
    for (const auto& row : table.rows)
        columns = std::max(columns, row.size());
    if (columns == 0)
        return;
    std::vector<long long> widths;
    double givenMm = 0;
    for (double mm : table.columnWidthsMm) {
        widths.push_back(mmToTwips(mm));
        givenMm += std::isfinite(mm) && mm > 0 ? mm : 0;
    }
    const std::size_t missing = columns - widths.size();
    if (missing > 0) {
        const double eachMm = std::max(10.0, (m_textWidthMm - givenMm) / static_cast<double>(missing));
        widths.resize(columns, mmToTwips(eachMm));
    }
    fitOneLineCells(widths, table, table.sizePt > 0 ? table.sizePt : m_document.baseSizePt);
    long long totalWidth = 0;
    for (long long w : widths)
        totalWidth += w;
    auto spanWidth = [&](std::size_t from, std::size_t span) {
        long long sum = 0;
        for (std::size_t k = from; k < from + span; ++k)
            sum += widths[k];
        return sum;
    };

    // CT_TblPr order: tblStyle, ..., tblW, jc, tblCellSpacing, tblInd, tblBorders, shd, tblLayout, ...
    out += "<w:tbl><w:tblPr>";
    out += valElement("tblStyle", "TableGrid");
    out += "<w:tblW" + attr("w:w", num(totalWidth)) + " w:type=\"dxa\"/>";
    out += singleBorders("tblBorders");
    out += "<w:tblLayout w:type=\"fixed\"/>";
    out += kCellMargins; // in the table itself too: LibreOffice reads no margins from the style
    out += "</w:tblPr><w:tblGrid>";
    for (long long w : widths)
        out += "<w:gridCol" + attr("w:w", num(w)) + "/>";
    out += "</w:tblGrid>";

    // Vertical merges in progress, per grid column: rows still covered below the top cell, and
    // the top cell's column span (the continuation cells repeat it).
    std::vector<int> coveredRowsLeft(columns, 0);
    std::vector<std::size_t> mergeSpan(columns, 1);
    const double sizePt = table.sizePt > 0 ? table.sizePt : 0;
    const int headerRows = std::clamp(table.headerRows, 0, static_cast<int>(table.rows.size()));
    const Cell emptyCell;

    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        out += "<w:tr><w:trPr><w:cantSplit/>";
        if (static_cast<int>(r) < headerRows)
            out += "<w:tblHeader/>";
        out += "</w:trPr>";
        // Cells are listed one per grid column; a colSpan's placeholders to its right are skipped.
        for (std::size_t c = 0; c < columns;) {
            const Cell& cell = c < row.size() ? row[c] : emptyCell;
            const bool continuesMerge = coveredRowsLeft[c] > 0;
            if (continuesMerge && (cell.covered || c >= row.size())) {
                // The continuation of a vertical merge: an empty cell that must still hold a w:p.
                const std::size_t span = mergeSpan[c];
                --coveredRowsLeft[c];
                out += "<w:tc><w:tcPr><w:tcW" + attr("w:w", num(spanWidth(c, span))) + " w:type=\"dxa\"/>";
                if (span > 1)
                    out += valElement("gridSpan", num(static_cast<long long>(span)));
                out += "<w:vMerge/></w:tcPr>";
                appendParagraph(out, Paragraph{}, sizePt);
                out += "</w:tc>";
                c += span;
                continue;
            }
            coveredRowsLeft[c] = 0; // a real cell ends any merge from above
            // A stray placeholder (covered by nothing) is written as an empty cell.
            const bool real = !cell.covered;
            const std::size_t span = real ? static_cast<std::size_t>(std::clamp<long long>(
                                                cell.colSpan, 1, static_cast<long long>(columns - c)))
                                          : 1;
            const int rowSpan = real ? std::clamp(cell.rowSpan, 1, static_cast<int>(table.rows.size() - r)) : 1;

            // CT_TcPr order: tcW, gridSpan, vMerge, tcBorders, shd, noWrap, tcMar, ..., vAlign.
            out += "<w:tc><w:tcPr><w:tcW" + attr("w:w", num(spanWidth(c, span))) + " w:type=\"dxa\"/>";
            if (span > 1)
                out += valElement("gridSpan", num(static_cast<long long>(span)));
            if (rowSpan > 1) {
                out += "<w:vMerge w:val=\"restart\"/>";
                coveredRowsLeft[c] = rowSpan - 1;
                mergeSpan[c] = span;
            }
            if (real && cell.shaded)
                out += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/>";
            if (real && cell.noWrap)
                out += "<w:noWrap/>";
            if (real && cell.valign == Cell::VAlign::Center)
                out += "<w:vAlign w:val=\"center\"/>";
            out += "</w:tcPr>";
            // Every w:tc needs a paragraph, even an empty one (Word reports the file as corrupt).
            if (!real || cell.paragraphs.empty())
                appendParagraph(out, Paragraph{}, sizePt);
            else
                for (const Paragraph& paragraph : cell.paragraphs)
                    appendParagraph(out, paragraph, sizePt);
            out += "</w:tc>";
            // Columns inside this cell's span: their placeholders are not written, and merges from
            // above that they were part of are over.
            for (std::size_t k = c + 1; k < c + span; ++k)
                coveredRowsLeft[k] = 0;
            c += span;
        }
        out += "</w:tr>";
    }
    out += "</w:tbl>";
}

void BodyWriter::appendImage(std::string& out, const Image& image)
{
    std::uint32_t pixelWidth = 0;
    std::uint32_t pixelHeight = 0;
    if (!pngSize(image.png, pixelWidth, pixelHeight))
        throw core::Error(core::ErrorCode::Internal, "a picture for the Word document is not a PNG image (a defect in Meibo)");

    // Size: as given; a missing side follows the picture's aspect ratio; neither given: 96 dpi.
    const double aspect = static_cast<double>(pixelHeight) / static_cast<double>(pixelWidth);
    const bool hasWidth = std::isfinite(image.widthMm) && image.widthMm > 0;
    const bool hasHeight = std::isfinite(image.heightMm) && image.heightMm > 0;
    double widthMm = hasWidth ? image.widthMm : hasHeight ? image.heightMm / aspect : pixelWidth * 25.4 / 96.0;
    double heightMm = hasHeight ? image.heightMm : widthMm * aspect;
    if (widthMm > m_textWidthMm) { // an inline picture wider than the text would be cut off
        heightMm *= m_textWidthMm / widthMm;
        widthMm = m_textWidthMm;
    }
    const std::string cx = num(std::max(1LL, mmToEmu(widthMm)));
    const std::string cy = num(std::max(1LL, mmToEmu(heightMm)));

    const int drawingId = m_nextDrawingId++;
    const std::string fileName = "image" + std::to_string(m_media.size() + 1) + ".png";
    const std::string relId = "rId" + std::to_string(m_nextRelationship++);
    m_media.push_back({"word/media/" + fileName, {}, image.png});
    m_relationships.push_back({relId, officeRel("image"), "media/" + fileName});
    const std::string name = "Picture " + std::to_string(drawingId);
    // The vector drawing beside the PNG: Word 2016 and later draw the SVG (the asvg:svgBlip
    // extension), older versions and other readers the PNG.
    std::string svgExtension;
    if (!image.svg.empty()) {
        const std::string svgName = "image" + std::to_string(m_media.size() + 1) + ".svg";
        const std::string svgRel = "rId" + std::to_string(m_nextRelationship++);
        m_media.push_back({"word/media/" + svgName, "image/svg+xml", image.svg});
        m_relationships.push_back({svgRel, officeRel("image"), "media/" + svgName});
        svgExtension = "<a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip" +
                       attr("xmlns:asvg", kNsSvgBlip) + attr("r:embed", svgRel) + "/></a:ext></a:extLst>";
    }

    out += "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>";
    out += "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">";
    out += "<wp:extent" + attr("cx", cx) + attr("cy", cy) + "/>";
    out += "<wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>";
    out += "<wp:docPr" + attr("id", num(drawingId)) + attr("name", name) + attr("descr", image.altText) + "/>";
    out += "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>";
    out += "<a:graphic><a:graphicData" + attr("uri", kNsPic) + "><pic:pic>";
    out += "<pic:nvPicPr><pic:cNvPr" + attr("id", num(drawingId)) + attr("name", fileName)
           + attr("descr", image.altText) + "/><pic:cNvPicPr/></pic:nvPicPr>";
    out += "<pic:blipFill><a:blip" + attr("r:embed", relId) + ">" + svgExtension +
           "</a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>";
    out += "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext" + attr("cx", cx) + attr("cy", cy) + "/></a:xfrm>";
    out += "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>";
    out += "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
}

std::string documentXml(const std::string& body, const std::string& sectionProperties)
{
    std::string xml(kXmlDeclaration);
    xml += "<w:document" + attr("xmlns:w", kNsW) + attr("xmlns:r", kNsR) + attr("xmlns:wp", kNsWp)
           + attr("xmlns:a", kNsA) + attr("xmlns:pic", kNsPic) + "><w:body>";
    xml += body;
    xml += sectionProperties;
    xml += "</w:body></w:document>";
    return xml;
}

/// The names Word tries in turn for the document's family when it is not installed (ECMA-376
/// §17.8.3.1 altName): the faces of the same kind every Word on Windows has, ＭＳ 明朝 (or ＭＳ
/// ゴシック) first, then 游明朝 (游ゴシック). The family itself stays the IPAex face the PDF is set in:
/// LibreOffice reads no altName, and maps ＭＳ 明朝 to IPAMincho, which a Debian with IPAex lacks.
std::string_view windowsFaces(std::string_view family)
{
    if (family == "IPAexMincho")
        return "ＭＳ 明朝,MS Mincho,游明朝,Yu Mincho";
    if (family == "IPAexGothic")
        return "ＭＳ ゴシック,MS Gothic,游ゴシック,Yu Gothic";
    return {};
}

std::string stylesXml(const Document& document)
{
    const std::string& font = document.fontFamily;
    const std::string size = num(ptToHalfPoints(document.baseSizePt > 0 ? document.baseSizePt : 10.5));
    std::string xml(kXmlDeclaration);
    xml += "<w:styles" + attr("xmlns:w", kNsW) + ">";
    // CT_RPr order: rFonts, ..., sz, szCs, ..., lang.
    xml += "<w:docDefaults><w:rPrDefault><w:rPr>";
    if (!font.empty())
        xml += "<w:rFonts" + attr("w:ascii", font) + attr("w:eastAsia", font) + attr("w:hAnsi", font)
               + attr("w:cs", font) + "/>";
    xml += valElement("sz", size) + valElement("szCs", size);
    xml += "<w:lang w:val=\"en-US\" w:eastAsia=\"ja-JP\" w:bidi=\"ar-SA\"/>";
    xml += "</w:rPr></w:rPrDefault>";
    xml += "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>"
           "</w:pPrDefault></w:docDefaults>";
    // CT_Style order: name, basedOn, next, ..., uiPriority, semiHidden, unhideWhenUsed, qFormat, ...,
    // pPr, rPr, tblPr.
    xml += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
           "<w:qFormat/><w:pPr><w:widowControl w:val=\"0\"/></w:pPr></w:style>";
    xml += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
           "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
           "<w:unhideWhenUsed/></w:style>";
    xml += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
           "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr>"
           "<w:tblInd w:w=\"0\" w:type=\"dxa\"/>" + std::string(kCellMargins) + "</w:tblPr></w:style>";
    xml += "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
           "<w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"39\"/><w:tblPr>";
    xml += singleBorders("tblBorders");
    xml += "</w:tblPr></w:style>";
    xml += "</w:styles>";
    return xml;
}

/// The font table names the document's family with the faces Word on Windows has as its
/// alternatives (windowsFaces), and says it is a Japanese (Shift_JIS charset) font, so that a
/// machine with none of them substitutes a Japanese font of the same kind.
std::string fontTableXml(const Document& document)
{
    const std::string& font = document.fontFamily;
    const bool sans = font.find("Gothic") != std::string::npos || font.find("Sans") != std::string::npos
                      || font.find("ゴシック") != std::string::npos;
    std::string xml(kXmlDeclaration);
    xml += "<w:fonts" + attr("xmlns:w", kNsW) + ">";
    if (!font.empty()) {
        // CT_Font order: altName, panose1, charset, family, notTrueType, pitch, ...
        xml += "<w:font" + attr("w:name", font) + ">";
        if (const std::string_view windows = windowsFaces(font); !windows.empty())
            xml += valElement("altName", windows);
        xml += "<w:charset w:val=\"80\"/>";
        xml += valElement("family", sans ? "swiss" : "roman");
        xml += "<w:pitch w:val=\"variable\"/></w:font>";
    }
    // The fallback for JIS X 0213 and the supplementary-plane kanji, named by runs that need it;
    // without it (Windows), 游明朝 has them too.
    xml += "<w:font" + attr("w:name", std::string(kFallbackWordName)) + ">" +
           valElement("altName", "IPAmjMincho,游明朝,Yu Mincho") + "<w:charset w:val=\"80\"/>" + valElement("family", "roman") +
           "<w:pitch w:val=\"variable\"/></w:font>";
    xml += "</w:fonts>";
    return xml;
}

std::string settingsXml()
{
    std::string xml(kXmlDeclaration);
    xml += "<w:settings" + attr("xmlns:w", kNsW) + ">";
    // CT_Settings order: zoom, ..., defaultTabStop, ..., characterSpacingControl, ..., compat, ...,
    // themeFontLang.
    xml += "<w:zoom w:percent=\"100\"/>";
    xml += "<w:defaultTabStop w:val=\"840\"/>";
    xml += "<w:characterSpacingControl w:val=\"compressPunctuation\"/>";
    // A justified line that ends in a line break ('\n') is not stretched across the page; then the
    // Word 2013+ layout (CT_Compat: the flags before compatSetting).
    xml += "<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name=\"compatibilityMode\""
           " w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>";
    xml += "<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"ja-JP\"/>";
    xml += "</w:settings>";
    return xml;
}

std::string headerXml(const Document& document)
{
    std::string xml(kXmlDeclaration);
    xml += "<w:hdr" + attr("xmlns:w", kNsW) + attr("xmlns:r", kNsR) + ">";
    appendParagraph(xml, Paragraph::text(document.headerRight, Paragraph::Align::Right), 0);
    xml += "</w:hdr>";
    return xml;
}

/// A PAGE or NUMPAGES field; "1" is the cached result shown until the field is updated.
std::string simpleField(std::string_view instruction)
{
    return "<w:fldSimple" + attr("w:instr", " " + std::string(instruction) + " ")
           + "><w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>";
}

constexpr double kFooterNoteSizePt = 8; ///< the footer's left note: small, it is for the record

std::string footerXml(const Document& document)
{
    std::string xml(kXmlDeclaration);
    xml += "<w:ftr" + attr("xmlns:w", kNsW) + attr("xmlns:r", kNsR) + ">";
    // The left note (an audit hash can be long) and the page number get a line each, so that
    // neither runs into the other.
    if (!document.footerLeft.empty())
        appendParagraph(xml, Paragraph::text(document.footerLeft, Paragraph::Align::Left, false, kFooterNoteSizePt), 0);
    if (document.pageNumbers) {
        xml += "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>";
        xml += simpleField("PAGE");
        xml += "<w:r><w:t xml:space=\"preserve\"> / </w:t></w:r>";
        xml += simpleField("NUMPAGES");
        xml += "</w:p>";
    }
    xml += "</w:ftr>";
    return xml;
}

std::string corePropertiesXml(const Document& document, const Date* created)
{
    std::string xml(kXmlDeclaration);
    xml += "<cp:coreProperties"
           " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
           " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
           " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\""
           " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
    xml += "<dc:title>" + escaped(document.title) + "</dc:title>";
    xml += "<dc:subject>" + escaped(document.subject) + "</dc:subject>";
    xml += "<dc:creator>" + escaped(document.author) + "</dc:creator>";
    if (created) {
        const std::string stamp = isoDate(*created) + "T00:00:00Z";
        xml += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + stamp + "</dcterms:created>";
        xml += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + stamp + "</dcterms:modified>";
    }
    xml += "</cp:coreProperties>";
    return xml;
}

std::string appPropertiesXml()
{
    std::string xml(kXmlDeclaration);
    xml += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
           " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
           "<Application>Meibo</Application><DocSecurity>0</DocSecurity></Properties>";
    return xml;
}

std::string contentTypesXml(const std::vector<Part>& parts)
{
    std::string xml(kXmlDeclaration);
    xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
           "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
           "<Default Extension=\"png\" ContentType=\"image/png\"/>";
    for (const Part& part : parts)
        if (!part.contentType.empty())
            xml += "<Override" + attr("PartName", "/" + part.name) + attr("ContentType", part.contentType) + "/>";
    xml += "</Types>";
    return xml;
}

// ---- the zip container -------------------------------------------------------------------------

/// An in-memory zip archive; the parts' buffers must outlive close(), where libzip reads them.
class MemoryZip {
public:
    MemoryZip()
    {
        zip_error_t error;
        zip_error_init(&error);
        m_source = zip_source_buffer_create(nullptr, 0, 0, &error);
        if (m_source)
            m_archive = zip_open_from_source(m_source, ZIP_TRUNCATE, &error);
        if (!m_archive) {
            const std::string message = zip_error_strerror(&error);
            zip_error_fini(&error);
            if (m_source)
                zip_source_free(m_source);
            throw core::Error(core::ErrorCode::Internal, "the Word document (DOCX) could not be assembled, so nothing was written: " + message);
        }
        zip_error_fini(&error);
        zip_source_keep(m_source); // read the archive back after zip_close
    }
    ~MemoryZip()
    {
        if (m_archive)
            zip_discard(m_archive);
        zip_source_free(m_source);
    }
    MemoryZip(const MemoryZip&) = delete;
    MemoryZip& operator=(const MemoryZip&) = delete;

    void add(const std::string& name, const std::string& data, const Date& date)
    {
        zip_source_t* source = zip_source_buffer(m_archive, data.data(), data.size(), 0);
        if (!source)
            fail("cannot add " + name);
        const zip_int64_t index = zip_file_add(m_archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            fail("cannot add " + name);
        }
        const auto entry = static_cast<zip_uint64_t>(index);
        // DOS date: bits 15-9 years since 1980, 8-5 month, 4-0 day; time 00:00:00. Set directly
        // (zip_file_set_mtime would go through the local time zone).
        const int year = std::clamp(date.year, 1980, 2107);
        const auto dosDate = static_cast<zip_uint16_t>(((year - 1980) << 9) | (date.month << 5) | date.day);
        if (zip_set_file_compression(m_archive, entry, ZIP_CM_DEFLATE, 6) < 0
            || zip_file_set_dostime(m_archive, entry, 0, dosDate, 0) < 0)
            fail("cannot set up " + name);
    }

    std::string close()
    {
        if (zip_close(m_archive) < 0)
            fail("cannot write the archive");
        m_archive = nullptr;
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_source_stat(m_source, &stat) < 0 || zip_source_open(m_source) < 0)
            throw core::Error(core::ErrorCode::Internal, "the Word document (DOCX) could not be read back after writing, so nothing was written; try the export again");
        std::string bytes(static_cast<std::size_t>(stat.size), '\0');
        const zip_int64_t read = zip_source_read(m_source, bytes.data(), stat.size);
        zip_source_close(m_source);
        if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
            throw core::Error(core::ErrorCode::Internal, "the Word document (DOCX) could not be read back after writing, so nothing was written; try the export again");
        return bytes;
    }

private:
    [[noreturn]] void fail(const std::string& what)
    {
        throw core::Error(core::ErrorCode::Internal, "the Word document (DOCX) could not be written (" + what + "): " + zip_strerror(m_archive));
    }

    zip_source_t* m_source = nullptr;
    zip_t* m_archive = nullptr;
};

} // namespace

std::string writeDocx(const Document& document)
{
    struct FamilyScope {
        explicit FamilyScope(const std::string& family) { t_family = QString::fromStdString(family); }
        ~FamilyScope() { t_family.clear(); }
    } familyScope(document.fontFamily);
    Date created;
    const bool hasCreated = parseIsoDate(document.created, created);
    const Date zipDate = hasCreated && created.year >= 1980 && created.year <= 2107 ? created : Date{};

    const long long pageWidth = document.landscape ? kA4LongTwips : kA4ShortTwips;
    const long long pageHeight = document.landscape ? kA4ShortTwips : kA4LongTwips;
    const double textWidthMm = static_cast<double>(pageWidth - 2 * kMarginTwips) / kTwipsPerMm;

    // Relationships of word/document.xml: fixed ones first, then one per picture.
    std::vector<Relationship> documentRels = {{"rId1", officeRel("styles"), "styles.xml"},
                                              {"rId2", officeRel("settings"), "settings.xml"},
                                              {"rId3", officeRel("fontTable"), "fontTable.xml"}};
    const bool hasHeader = !document.headerRight.empty();
    const bool hasFooter = !document.footerLeft.empty() || document.pageNumbers;
    std::string sectPr = "<w:sectPr>";
    // CT_SectPr order: headerReference/footerReference, ..., pgSz, pgMar, ...
    if (hasHeader) {
        const std::string id = "rId" + std::to_string(documentRels.size() + 1);
        documentRels.push_back({id, officeRel("header"), "header1.xml"});
        sectPr += "<w:headerReference w:type=\"default\"" + attr("r:id", id) + "/>";
    }
    if (hasFooter) {
        const std::string id = "rId" + std::to_string(documentRels.size() + 1);
        documentRels.push_back({id, officeRel("footer"), "footer1.xml"});
        sectPr += "<w:footerReference w:type=\"default\"" + attr("r:id", id) + "/>";
    }
    sectPr += "<w:pgSz" + attr("w:w", num(pageWidth)) + attr("w:h", num(pageHeight));
    if (document.landscape)
        sectPr += " w:orient=\"landscape\"";
    sectPr += "/>";
    const std::string margin = num(kMarginTwips);
    sectPr += "<w:pgMar" + attr("w:top", margin) + attr("w:right", margin) + attr("w:bottom", margin)
              + attr("w:left", margin) + attr("w:header", num(kHeaderFooterDistanceTwips))
              + attr("w:footer", num(kHeaderFooterDistanceTwips)) + " w:gutter=\"0\"/>";
    sectPr += "</w:sectPr>";

    BodyWriter bodyWriter(document, textWidthMm, static_cast<int>(documentRels.size()) + 1);
    const std::string body = bodyWriter.body();
    documentRels.insert(documentRels.end(), bodyWriter.relationships().begin(), bodyWriter.relationships().end());

    const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    std::vector<Part> parts;
    parts.push_back({"_rels/.rels", {},
                     relationshipsXml({{"rId1", officeRel("officeDocument"), "word/document.xml"},
                                       {"rId2", kCorePropertiesRel, "docProps/core.xml"},
                                       {"rId3", officeRel("extended-properties"), "docProps/app.xml"}})});
    parts.push_back({"docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml",
                     corePropertiesXml(document, hasCreated ? &created : nullptr)});
    parts.push_back({"docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                     appPropertiesXml()});
    parts.push_back({"word/document.xml", wml + "document.main+xml", documentXml(body, sectPr)});
    parts.push_back({"word/styles.xml", wml + "styles+xml", stylesXml(document)});
    parts.push_back({"word/settings.xml", wml + "settings+xml", settingsXml()});
    parts.push_back({"word/fontTable.xml", wml + "fontTable+xml", fontTableXml(document)});
    if (hasHeader)
        parts.push_back({"word/header1.xml", wml + "header+xml", headerXml(document)});
    if (hasFooter)
        parts.push_back({"word/footer1.xml", wml + "footer+xml", footerXml(document)});
    parts.insert(parts.end(), bodyWriter.media().begin(), bodyWriter.media().end());
    parts.push_back({"word/_rels/document.xml.rels", {}, relationshipsXml(documentRels)});
    parts.insert(parts.begin(), Part{"[Content_Types].xml", {}, contentTypesXml(parts)});

    MemoryZip zip;
    for (const Part& part : parts) // `parts` is complete: its buffers stay put until close()
        zip.add(part.name, part.data, zipDate);
    return zip.close();
}

} // namespace meibo::forms
