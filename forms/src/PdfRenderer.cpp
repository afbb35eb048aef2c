#include "meibo/forms/PdfRenderer.h"

#include "Glyphs.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QGlyphRun>
#include <QHash>
#include <QPageLayout>
#include <QPageSize>
#include <QPaintEngine>
#include <QPainter>
#include <QRegularExpression>
#include <QPdfWriter>
#include <QTextLayout>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

namespace meibo::forms {

namespace {

// Coordinates are vectors in the PDF whatever the resolution; it sets the grid text is measured on.
constexpr int kDpi = 600;

double mmToPx(double mm) { return mm * kDpi / 25.4; }
double ptToPx(double pt) { return pt * kDpi / 72.0; }

QString q(const std::string& s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

/// The document's fonts, one QFont and one QFontMetricsF per size and weight, and the width of each
/// string measured once.
class Fonts {
public:
    Fonts(const std::string& family, QPaintDevice* device) : m_family(q(family)), m_device(device) {}

    int id(double sizePt, bool bold)
    {
        const int key = static_cast<int>(sizePt * 100) * 2 + (bold ? 1 : 0);
        auto it = m_ids.find(key);
        if (it != m_ids.end())
            return it->second;
        auto entry = std::make_unique<Entry>();
        entry->font = QFont(m_family);
        entry->font.setFamilies(glyphs::families(m_family)); // per glyph: IPAex, then IPAmj
        entry->font.setPointSizeF(sizePt);
        entry->font.setWeight(bold ? QFont::Bold : QFont::Normal);
        entry->metrics = std::make_unique<QFontMetricsF>(entry->font, m_device);
        m_entries.push_back(std::move(entry));
        const int id = static_cast<int>(m_entries.size()) - 1;
        m_ids.emplace(key, id);
        return id;
    }
    const QFont& font(int id) const { return m_entries[static_cast<std::size_t>(id)]->font; }
    const QFontMetricsF& metrics(int id) const { return *m_entries[static_cast<std::size_t>(id)]->metrics; }
    double width(int id, const QString& text)
    {
        Entry& e = *m_entries[static_cast<std::size_t>(id)];
        auto it = e.widths.constFind(text);
        if (it != e.widths.constEnd())
            return *it;
        const double w = e.metrics->horizontalAdvance(text);
        e.widths.insert(text, w);
        return w;
    }
    /// `text` shaped once in font `id` (HarfBuzz, the per-glyph fallback included), its glyph
    /// positions relative to the start of its baseline: a string drawn again (a heading on every
    /// page, a date, a department, 日本) is not shaped again. QPainter::drawText shapes on each call.
    const QList<QGlyphRun>& glyphRuns(int id, const QString& text)
    {
        Entry& e = *m_entries[static_cast<std::size_t>(id)];
        auto it = e.runs.constFind(text);
        if (it != e.runs.constEnd())
            return *it;
        QTextLayout layout(text, e.font, m_device);
        layout.beginLayout();
        const QTextLine line = layout.createLine();
        layout.endLayout();
        QList<QGlyphRun> runs = layout.glyphRuns();
        const double ascent = line.isValid() ? line.ascent() : 0;
        for (QGlyphRun& run : runs) {
            QList<QPointF> positions = run.positions();
            for (QPointF& p : positions)
                p.ry() -= ascent;
            run.setPositions(positions);
        }
        return *e.runs.insert(text, std::move(runs));
    }
    double lineHeight(int id) const { return metrics(id).ascent() + metrics(id).descent(); }
    QPaintDevice* device() const { return m_device; }
    const QString& family() const { return m_family; }

private:
    struct Entry {
        QFont font;
        std::unique_ptr<QFontMetricsF> metrics;
        QHash<QString, double> widths;
        QHash<QString, QList<QGlyphRun>> runs;
    };
    QString m_family;
    QPaintDevice* m_device;
    std::map<int, int> m_ids;
    std::vector<std::unique_ptr<Entry>> m_entries;
};

/// One line of text in one font, at a position relative to its paragraph's top left.
struct TextLine {
    QString text;
    int font = 0;
    QPointF baseline;
};

/// A paragraph laid out for a width: plain lines, or (several runs in one paragraph) a QTextLayout.
struct LaidParagraph {
    std::vector<TextLine> lines;
    std::shared_ptr<QTextLayout> layout;
    double height = 0;
    double spaceBefore = 0;
    double spaceAfter = 0;
};

double alignOffset(Paragraph::Align align, double available, double width)
{
    switch (align) {
    case Paragraph::Align::Center: return (available - width) / 2;
    case Paragraph::Align::Right: return available - width;
    case Paragraph::Align::Left:
    case Paragraph::Align::Justify: return 0;
    }
    return 0;
}

Qt::Alignment qtAlignment(Paragraph::Align a)
{
    switch (a) {
    case Paragraph::Align::Left: return Qt::AlignLeft;
    case Paragraph::Align::Center: return Qt::AlignHCenter;
    case Paragraph::Align::Right: return Qt::AlignRight;
    case Paragraph::Align::Justify: return Qt::AlignJustify;
    }
    return Qt::AlignLeft;
}

/// The text without the spaces a line ends with (they take no room at a break).
QString trimmedEnd(const QString& s)
{
    qsizetype n = s.size();
    while (n > 0 && s[n - 1].isSpace())
        --n;
    return s.left(n);
}

/// Dates and numbers a line never breaks inside: 昭和57年9月15日, 2026-06-01, 1,234.5, 15)(1).
const QRegularExpression& unbreakable()
{
    static const QRegularExpression re(QStringLiteral(
        "(?:明治|大正|昭和|平成|令和)?[0-9０-９元]+年(?:[0-9０-９]+月(?:[0-9０-９]+日)?)?|[0-9０-９]+月[0-9０-９]+日|"
        "[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9][0-9,.:]*[0-9]|[0-9]+[)）]\\([0-9]+[)）]"));
    return re;
}

/// Where a line may start in `text` (UTF-16 offsets, ascending, ending with its size), by ICU's line
/// breaker for Japanese: strict kinsoku (no line starts with 、。ー or a small kana, none ends with
/// an opening bracket), Latin words whole, and with `phrases` at phrase boundaries only (ICU's
/// lw=phrase: 分析|センター, not 分|析) — never inside a date or a number.
std::vector<int> lineBreaks(const QString& text, bool phrases)
{
    struct Iterators {
        std::unique_ptr<icu::BreakIterator> strict, phrase;
    };
    thread_local Iterators its = [] {
        Iterators i;
        UErrorCode status = U_ZERO_ERROR;
        i.strict.reset(icu::BreakIterator::createLineInstance(icu::Locale("ja@lb=strict"), status));
        status = U_ZERO_ERROR;
        i.phrase.reset(icu::BreakIterator::createLineInstance(icu::Locale("ja@lb=strict;lw=phrase"), status));
        if (U_FAILURE(status))
            i.phrase.reset();
        return i;
    }();
    icu::BreakIterator* it = phrases && its.phrase ? its.phrase.get() : its.strict.get();
    std::vector<int> out;
    if (!it) {
        out.push_back(static_cast<int>(text.size()));
        return out;
    }
    const icu::UnicodeString s(false, reinterpret_cast<const UChar*>(text.utf16()), static_cast<int32_t>(text.size()));
    it->setText(s);
    std::vector<std::pair<int, int>> keep;
    for (auto m = unbreakable().globalMatch(text); m.hasNext();) {
        const auto match = m.next();
        keep.emplace_back(static_cast<int>(match.capturedStart()), static_cast<int>(match.capturedEnd()));
    }
    for (int32_t b = it->next(); b != icu::BreakIterator::DONE; b = it->next()) {
        const bool inside =
            std::any_of(keep.begin(), keep.end(), [b](const auto& r) { return b > r.first && b < r.second; });
        if (!inside || b == text.size())
            out.push_back(b);
    }
    static const icu::UnicodeString nothing;
    it->setText(nothing); // the iterator must not keep the alias of `text`
    if (out.empty() || out.back() != text.size())
        out.push_back(static_cast<int>(text.size()));
    return out;
}

/// Lines of `text` for `available` pixels: as many phrases as fit; a phrase wider than a line by
/// ICU's strict breaks; a piece wider still by characters (never inside a surrogate pair). Pieces
/// are measured once each (and cached by string): a line's width is the sum of its pieces, checked
/// once as a whole.
std::vector<std::pair<int, int>> breakLines(Fonts& fonts, int font, const QString& text, double available)
{
    const int size = static_cast<int>(text.size());
    auto measure = [&](int a, int b) { return fonts.width(font, trimmedEnd(text.mid(a, b - a))); };
    // The furthest break in `breaks` after `start` whose line fits, or -1.
    auto furthest = [&](const std::vector<int>& breaks, int start) {
        int end = -1, previous = start;
        double sum = 0;
        for (int b : breaks) {
            if (b <= start)
                continue;
            const double piece = measure(previous, b); // trailing spaces of the line's last piece do not count
            if (sum + piece > available)
                break;
            sum += fonts.width(font, text.mid(previous, b - previous));
            end = previous = b;
        }
        while (end > start && measure(start, end) > available) { // kerning across pieces: back off
            int before = -1;
            for (int b : breaks)
                if (b > start && b < end)
                    before = b;
            end = before;
        }
        return end;
    };
    const std::vector<int> phrases = lineBreaks(text, true);
    std::vector<int> strict;
    std::vector<std::pair<int, int>> lines;
    int start = 0;
    while (start < size) {
        int end = furthest(phrases, start);
        if (end < 0) {
            if (strict.empty())
                strict = lineBreaks(text, false);
            end = furthest(strict, start);
        }
        if (end < 0) {
            end = start + (text[start].isHighSurrogate() && start + 1 < size ? 2 : 1);
            while (end < size) {
                const int next = end + (text[end].isHighSurrogate() && end + 1 < size ? 2 : 1);
                if (measure(start, next) > available)
                    break;
                end = next;
            }
        }
        lines.emplace_back(start, end);
        start = end;
    }
    return lines;
}

/// Lays a paragraph out in `width` device pixels. Text is measured once per string with
/// QFontMetricsF; only a line too long for its width is broken, by breakLines (ICU, Japanese rules).
/// A paragraph of several runs still goes through QTextLayout (Qt's own line breaking).
LaidParagraph layoutParagraph(Fonts& fonts, const Paragraph& p, double width, double defaultPt)
{
    LaidParagraph out;
    out.spaceBefore = ptToPx(p.spaceBeforePt);
    out.spaceAfter = ptToPx(p.spaceAfterPt);
    const double indent = mmToPx(p.indentMm);
    const double available = std::max(1.0, width - indent);
    auto sizeOf = [&](const Run& r) { return r.sizePt > 0 ? r.sizePt : defaultPt; };

    if (p.runs.size() > 1) {
        QString text;
        QList<QTextLayout::FormatRange> formats;
        for (const Run& r : p.runs) {
            QString part = q(r.text);
            part.replace(QLatin1Char('\n'), QChar(QChar::LineSeparator));
            QTextLayout::FormatRange range;
            range.start = static_cast<int>(text.size());
            range.length = static_cast<int>(part.size());
            range.format.setFont(fonts.font(fonts.id(sizeOf(r), r.bold)));
            formats.append(range);
            text += part;
        }
        auto layout = std::make_shared<QTextLayout>(text, fonts.font(fonts.id(sizeOf(p.runs.front()), false)),
                                                    fonts.device());
        QTextOption option(qtAlignment(p.align));
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        layout->setTextOption(option);
        layout->setFormats(formats);
        layout->beginLayout();
        double y = 0;
        for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
            line.setLineWidth(available);
            line.setPosition(QPointF(indent, y));
            y += line.height();
        }
        layout->endLayout();
        out.layout = std::move(layout);
        out.height = y;
        return out;
    }

    const Run run = p.runs.empty() ? Run{} : p.runs.front();
    const int font = fonts.id(sizeOf(run), run.bold);
    const double ascent = fonts.metrics(font).ascent();
    const double lineHeight = fonts.lineHeight(font);
    const QString text = q(run.text);
    double y = 0;
    for (const QString& piece : text.split(QLatin1Char('\n'))) {
        const double w = fonts.width(font, piece);
        if (w <= available) {
            out.lines.push_back({piece, font, QPointF(indent + alignOffset(p.align, available, w), y + ascent)});
            y += lineHeight;
            continue;
        }
        for (const auto& [start, end] : breakLines(fonts, font, piece, available)) {
            const QString part = piece.mid(start, end - start);
            const double w = fonts.metrics(font).horizontalAdvance(trimmedEnd(part));
            out.lines.push_back({part, font, QPointF(indent + alignOffset(p.align, available, w), y + ascent)});
            y += lineHeight;
        }
    }
    out.height = y;
    return out;
}

/// What one page holds, in device pixels, drawn after the whole document is laid out (the footer
/// needs the page count).
struct Page {
    std::vector<QRectF> fills;
    std::vector<QRectF> borders;
    std::vector<TextLine> texts;
    std::vector<std::pair<QPointF, std::shared_ptr<QTextLayout>>> layouts;
    std::vector<std::pair<QRectF, int>> drawings;
};

class Layout {
public:
    Layout(Fonts& fonts, const Document& doc, const QRectF& body) : m_fonts(fonts), m_doc(doc), m_body(body)
    {
        m_pages.emplace_back();
        m_y = body.top();
    }

    void paragraph(const Paragraph& p)
    {
        if (p.pageBreakBefore && !atPageTop())
            newPage();
        LaidParagraph laid = layoutParagraph(m_fonts, p, m_body.width(), m_doc.baseSizePt);
        if (!atPageTop())
            m_y += std::max(0.0, laid.spaceBefore - m_pendingSpace);
        if (m_y + laid.height > m_body.bottom() && !atPageTop())
            newPage();
        place(laid, QPointF(m_body.left(), m_y));
        m_y += laid.height + laid.spaceAfter;
        m_pendingSpace = laid.spaceAfter;
    }

    void image(const Image& img)
    {
        const double w = mmToPx(img.widthMm), h = mmToPx(img.heightMm);
        if (m_y + h > m_body.bottom() && !atPageTop())
            newPage();
        if (img.vectorId >= 0)
            page().drawings.emplace_back(QRectF(m_body.left() + (m_body.width() - w) / 2, m_y, w, h), img.vectorId);
        m_y += h;
        m_pendingSpace = 0;
    }

    /// A table; `trailing` is the height of the paragraphs that must stay on its last row's page.
    void table(const Table& t, double trailing);

    /// The height of the paragraphs from `first` on that keep with what precedes them.
    double keptHeight(const std::vector<Block>& body, std::size_t first)
    {
        double h = 0;
        for (std::size_t i = first; i < body.size(); ++i) {
            const auto* p = std::get_if<Paragraph>(&body[i]);
            if (!p || !p->keepWithPrevious)
                break;
            const LaidParagraph laid = layoutParagraph(m_fonts, *p, m_body.width(), m_doc.baseSizePt);
            h += laid.spaceBefore + laid.height + laid.spaceAfter;
        }
        return h;
    }

    std::vector<Page>& pages() { return m_pages; }

private:
    Page& page() { return m_pages.back(); }
    bool atPageTop() const { return m_y <= m_body.top(); }
    void newPage()
    {
        m_pages.emplace_back();
        m_y = m_body.top();
        m_pendingSpace = 0;
    }
    void place(const LaidParagraph& laid, QPointF at)
    {
        for (const TextLine& line : laid.lines)
            page().texts.push_back({line.text, line.font, at + line.baseline});
        if (laid.layout)
            page().layouts.emplace_back(at, laid.layout);
    }
    void placeOn(std::size_t pageIndex, const LaidParagraph& laid, QPointF at)
    {
        Page& pg = m_pages[pageIndex];
        for (const TextLine& line : laid.lines)
            pg.texts.push_back({line.text, line.font, at + line.baseline});
        if (laid.layout)
            pg.layouts.emplace_back(at, laid.layout);
    }

    Fonts& m_fonts;
    const Document& m_doc;
    QRectF m_body;
    std::vector<Page> m_pages;
    double m_y = 0;
    double m_pendingSpace = 0;
};

void Layout::table(const Table& t, double trailing)
{
    const double pad = ptToPx(2.5);
    const double size = t.sizePt > 0 ? t.sizePt : m_doc.baseSizePt;
    const std::size_t rows = t.rows.size();
    const std::size_t cols = t.columnWidthsMm.size();
    std::vector<double> x(cols + 1, m_body.left());
    for (std::size_t c = 0; c < cols; ++c)
        x[c + 1] = x[c] + mmToPx(t.columnWidthsMm[c]);

    struct LaidCell {
        std::size_t row = 0, col = 0, colEnd = 0, rowEnd = 0; // [col, colEnd), [row, rowEnd)
        std::vector<LaidParagraph> content;
        double contentHeight = 0;
        const Cell* cell = nullptr;
    };
    std::vector<LaidCell> cells;
    std::vector<double> height(rows, 0);
    for (std::size_t r = 0; r < rows; ++r) {
        const auto& row = t.rows[r];
        for (std::size_t c = 0; c < cols && c < row.size(); ++c) {
            const Cell& cell = row[c];
            if (cell.covered)
                continue;
            LaidCell lc;
            lc.row = r;
            lc.col = c;
            lc.colEnd = std::min(cols, c + static_cast<std::size_t>(std::max(1, cell.colSpan)));
            lc.rowEnd = std::min(rows, r + static_cast<std::size_t>(std::max(1, cell.rowSpan)));
            lc.cell = &cell;
            const double inner = x[lc.colEnd] - x[c] - 2 * pad;
            double h = 0, pendingAfter = 0;
            bool firstPara = true;
            for (const Paragraph& p : cell.paragraphs) {
                lc.content.push_back(layoutParagraph(m_fonts, p, inner, size));
                const LaidParagraph& lp = lc.content.back();
                if (!firstPara)
                    h += std::max(pendingAfter, lp.spaceBefore);
                h += lp.height;
                pendingAfter = lp.spaceAfter;
                firstPara = false;
            }
            if (cell.paragraphs.empty())
                h = m_fonts.lineHeight(m_fonts.id(size, false));
            lc.contentHeight = h;
            if (lc.rowEnd == r + 1)
                height[r] = std::max(height[r], h + 2 * pad);
            cells.push_back(std::move(lc));
        }
        if (height[r] == 0)
            height[r] = m_fonts.lineHeight(m_fonts.id(size, false)) + 2 * pad;
    }
    // A cell spanning rows that needs more room than they give makes its last row taller.
    std::vector<double> spanNeed(rows, 0); // room a span starting at this row needs on its first page
    for (const LaidCell& lc : cells) {
        if (lc.rowEnd - lc.row < 2)
            continue;
        double sum = 0;
        for (std::size_t r = lc.row; r < lc.rowEnd; ++r)
            sum += height[r];
        if (sum < lc.contentHeight + 2 * pad)
            height[lc.rowEnd - 1] += lc.contentHeight + 2 * pad - sum;
        spanNeed[lc.row] = std::max(spanNeed[lc.row], lc.contentHeight + 2 * pad);
    }

    // Rows onto pages, the header rows again at the top of each page the table continues on.
    const std::size_t headerRows = std::min(rows, static_cast<std::size_t>(std::max(0, t.headerRows)));
    double headerHeight = 0;
    for (std::size_t r = 0; r < headerRows; ++r)
        headerHeight += height[r];
    struct Placed {
        std::size_t page;
        double y;
    };
    std::vector<Placed> placed(rows);
    if (trailing > 0) // after the gap that follows a table
        trailing += m_fonts.lineHeight(m_fonts.id(m_doc.baseSizePt, false));
    std::vector<std::pair<std::size_t, double>> headerCopies; // (page, y) of each repetition of the header
    auto placeHeader = [&] {
        headerCopies.emplace_back(m_pages.size() - 1, m_y);
        m_y += headerHeight;
    };
    const double firstNeed = headerHeight + (rows > headerRows ? std::max(height[headerRows], spanNeed[headerRows]) : 0);
    if (m_y + firstNeed > m_body.bottom() && !atPageTop())
        newPage();
    placeHeader();
    bool bodyOnPage = false;
    for (std::size_t r = headerRows; r < rows; ++r) {
        double need = std::max(height[r], std::min(spanNeed[r], m_body.height() - headerHeight));
        if (r + 1 == rows) // the notes that follow the table (keepWithPrevious) go with its last row
            need = std::min(need + trailing, m_body.height() - headerHeight);
        if (m_y + need > m_body.bottom() && bodyOnPage) {
            newPage();
            placeHeader();
            bodyOnPage = false;
            // A row span running on to this page repeats its label here: the rows it has left on
            // the page must hold it (the last of them grows if they do not).
            for (const LaidCell& lc : cells)
                if (lc.row < r && r < lc.rowEnd) {
                    double sum = 0;
                    for (std::size_t k = r; k < lc.rowEnd; ++k)
                        sum += height[k];
                    if (sum < lc.contentHeight + 2 * pad)
                        height[lc.rowEnd - 1] += lc.contentHeight + 2 * pad - sum;
                }
        }
        placed[r] = {m_pages.size() - 1, m_y};
        m_y += height[r];
        bodyOnPage = true;
    }

    auto drawCell = [&](const LaidCell& lc, std::size_t pageIndex, const QRectF& box, bool withText, bool top) {
        Page& pg = m_pages[pageIndex];
        if (lc.cell->shaded)
            pg.fills.push_back(box);
        pg.borders.push_back(box);
        if (!withText)
            return;
        double y = box.top() + pad;
        if (!top && lc.cell->valign == Cell::VAlign::Center)
            y = box.top() + (box.height() - lc.contentHeight) / 2;
        double pendingAfter = 0;
        bool firstPara = true;
        for (const LaidParagraph& lp : lc.content) {
            if (!firstPara)
                y += std::max(pendingAfter, lp.spaceBefore);
            placeOn(pageIndex, lp, QPointF(box.left() + pad, y));
            y += lp.height;
            pendingAfter = lp.spaceAfter;
            firstPara = false;
        }
    };
    for (const LaidCell& lc : cells) {
        const double left = x[lc.col], right = x[lc.colEnd];
        if (lc.row < headerRows) {
            double offset = 0;
            for (std::size_t r = 0; r < lc.row; ++r)
                offset += height[r];
            double h = 0;
            for (std::size_t r = lc.row; r < lc.rowEnd && r < headerRows; ++r)
                h += height[r];
            for (const auto& [pageIndex, y] : headerCopies)
                drawCell(lc, pageIndex, QRectF(left, y + offset, right - left, h), true, false);
            continue;
        }
        if (lc.rowEnd == lc.row + 1) {
            drawCell(lc, placed[lc.row].page, QRectF(left, placed[lc.row].y, right - left, height[lc.row]), true, false);
            continue;
        }
        // A row span: one box per page it runs over, its label in each (a reader of the second
        // page sees which 区分 or 項目 the rows belong to).
        for (std::size_t r = lc.row; r < lc.rowEnd;) {
            std::size_t end = r;
            double h = 0;
            while (end < lc.rowEnd && placed[end].page == placed[r].page)
                h += height[end++];
            drawCell(lc, placed[r].page, QRectF(left, placed[r].y, right - left, h), true, true);
            r = end;
        }
    }
    // Qt's tables were followed by an empty paragraph; the same gap keeps consecutive tables apart.
    m_y += m_fonts.lineHeight(m_fonts.id(m_doc.baseSizePt, false));
    m_pendingSpace = 0;
}


/// Records the text a vector drawing (the diagram) draws, with its font family, without drawing:
/// the text layer is rebuilt from everything drawn, and the drawing is a callback.
class TextRecorder : public QPaintEngine {
public:
    TextRecorder() : QPaintEngine(QPaintEngine::AllFeatures) {}
    bool begin(QPaintDevice*) override { return true; }
    bool end() override { return true; }
    void updateState(const QPaintEngineState&) override {}
    void drawPixmap(const QRectF&, const QPixmap&, const QRectF&) override {}
    void drawPath(const QPainterPath&) override {}
    void drawPolygon(const QPointF*, int, PolygonDrawMode) override {}
    void drawTextItem(const QPointF&, const QTextItem& item) override
    {
        const QStringList families = item.font().families();
        texts.push_back({families.isEmpty() ? item.font().family() : families.front(), item.text()});
    }
    Type type() const override { return QPaintEngine::User; }
    std::vector<glyphs::DrawnText> texts;
};

/// A paint device with the PDF writer's geometry whose engine only records text.
class RecordingDevice : public QPaintDevice {
public:
    explicit RecordingDevice(const QPaintDevice& like) : m_like(like) {}
    QPaintEngine* paintEngine() const override { return &m_engine; }
    std::vector<glyphs::DrawnText> take() { return std::move(m_engine.texts); }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth: return m_like.width();
        case PdmHeight: return m_like.height();
        case PdmWidthMM: return m_like.widthMM();
        case PdmHeightMM: return m_like.heightMM();
        case PdmNumColors: return INT_MAX;
        case PdmDepth: return 32;
        case PdmDpiX:
        case PdmPhysicalDpiX: return m_like.logicalDpiX();
        case PdmDpiY:
        case PdmPhysicalDpiY: return m_like.logicalDpiY();
        case PdmDevicePixelRatio: return 1;
        case PdmDevicePixelRatioScaled: return static_cast<int>(devicePixelRatioFScale());
        }
        return 0;
    }

private:
    const QPaintDevice& m_like;
    mutable TextRecorder m_engine;
};

/// Every string of the document, to refuse a character no font has before anything is drawn.
void requireGlyphs(const QString& family, const Document& doc, const PdfOptions& options)
{
    auto paragraph = [&](const Paragraph& p) {
        for (const Run& r : p.runs)
            glyphs::require(family, q(r.text));
    };
    for (const Block& block : doc.body) {
        if (const auto* p = std::get_if<Paragraph>(&block))
            paragraph(*p);
        else if (const auto* t = std::get_if<Table>(&block))
            for (const auto& row : t->rows)
                for (const Cell& cell : row)
                    for (const Paragraph& p : cell.paragraphs)
                        paragraph(p);
    }
    for (const std::string* s : {&doc.headerRight, &doc.footerLeft})
        glyphs::require(family, q(*s));
    for (const auto& l : options.signatureLines)
        glyphs::require(family, q(l));
}

/// How often each (font, text) is drawn in the whole document: a text drawn more than once is
/// shaped once and drawn as glyph runs; a text drawn once goes straight to drawText (shaping it in a
/// QTextLayout first would cost more than drawText's own shaping).
using DrawCounts = QHash<QPair<int, QString>, int>;

DrawCounts drawCounts(const std::vector<Page>& pages)
{
    DrawCounts counts;
    for (const Page& page : pages)
        for (const TextLine& line : page.texts)
            ++counts[qMakePair(line.font, line.text)];
    return counts;
}

void drawPage(QPainter& painter, Fonts& fonts, const Page& page, const PdfOptions& options,
              std::vector<glyphs::DrawnText>& drawn, const DrawCounts& counts)
{
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xD9, 0xD9, 0xD9));
    for (const QRectF& r : page.fills)
        painter.drawRect(r);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(Qt::black);
    int current = -1;
    for (const TextLine& line : page.texts) {
        if (line.text.isEmpty())
            continue;
        if (line.font != current) {
            painter.setFont(fonts.font(line.font));
            current = line.font;
        }
        if (counts.value(qMakePair(line.font, line.text)) > 1)
            for (const QGlyphRun& run : fonts.glyphRuns(line.font, line.text))
                painter.drawGlyphRun(line.baseline, run);
        else
            painter.drawText(line.baseline, line.text);
        drawn.push_back({fonts.family(), line.text});
    }
    for (const auto& [at, layout] : page.layouts) {
        layout->draw(&painter, at);
        drawn.push_back({fonts.family(), layout->text()});
    }
    painter.setPen(QPen(Qt::black, ptToPx(0.5)));
    for (const QRectF& r : page.borders)
        painter.drawRect(r);
    for (const auto& [rect, id] : page.drawings)
        if (id < static_cast<int>(options.drawings.size()) && options.drawings[static_cast<std::size_t>(id)]) {
            {
                RecordingDevice recorder(*painter.device());
                QPainter record(&recorder);
                record.setTransform(painter.transform());
                options.drawings[static_cast<std::size_t>(id)](record, rect);
                record.end();
                for (auto& d : recorder.take())
                    drawn.push_back(std::move(d));
            }
            painter.save();
            options.drawings[static_cast<std::size_t>(id)](painter, rect);
            painter.restore();
        }
}

} // namespace

RenderedPdf renderPdf(const Document& doc, const PdfOptions& options)
{
    const bool trace = std::getenv("MEIBO_TRACE") != nullptr;
    auto t0 = std::chrono::steady_clock::now();
    auto lap = [&](const char* what) {
        if (!trace)
            return;
        const auto now = std::chrono::steady_clock::now();
        std::fprintf(stderr, "  pdf %s: %.1f ms\n", what, std::chrono::duration<double, std::milli>(now - t0).count());
        t0 = now;
    };
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    RenderedPdf out;
    std::vector<glyphs::DrawnText> drawn; // in drawing order: the text layer is rebuilt from it
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(kDpi);
        writer.setCreator(QStringLiteral("Meibo"));
        writer.setTitle(q(doc.title));
        const double marginMm = 15, topMm = 18, bottomMm = doc.landscape ? 30 : 32;
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
                                         doc.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                                         QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
        const QRectF page(0, 0, writer.width(), writer.height()); // device pixels
        const QRectF body(mmToPx(marginMm), mmToPx(topMm), page.width() - 2 * mmToPx(marginMm),
                          page.height() - mmToPx(topMm) - mmToPx(bottomMm));

        requireGlyphs(q(doc.fontFamily), doc, options);
        Fonts fonts(doc.fontFamily, &writer);
        Layout layout(fonts, doc, body);
        for (std::size_t i = 0; i < doc.body.size(); ++i) {
            const Block& block = doc.body[i];
            if (const auto* p = std::get_if<Paragraph>(&block))
                layout.paragraph(*p);
            else if (const auto* t = std::get_if<Table>(&block))
                layout.table(*t, layout.keptHeight(doc.body, i + 1));
            else if (const auto* img = std::get_if<Image>(&block))
                layout.image(*img);
        }
        const auto& pages = layout.pages();
        const int count = static_cast<int>(pages.size());
        out.pages = count;
        if (trace)
            std::fprintf(stderr, "  pdf pages: %d\n", count);
        lap("layout");

        const DrawCounts counts = drawCounts(pages);
        QPainter painter(&writer);
        const QString family = fonts.family();
        const int small = fonts.id(8, false);
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                writer.newPage();
            drawPage(painter, fonts, pages[static_cast<std::size_t>(i)], options, drawn, counts);

            painter.setFont(fonts.font(small));
            painter.setPen(Qt::black);
            if (!doc.headerRight.empty()) {
                painter.drawText(QRectF(body.left(), mmToPx(8), body.width(), mmToPx(6)), Qt::AlignRight | Qt::AlignVCenter,
                                 q(doc.headerRight));
                drawn.push_back({family, q(doc.headerRight)});
            }
            const QRectF footer(body.left(), page.height() - mmToPx(12), body.width(), mmToPx(6));
            if (!doc.footerLeft.empty()) {
                painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, q(doc.footerLeft));
                drawn.push_back({family, q(doc.footerLeft)});
            }
            if (doc.pageNumbers) {
                const QString number = QStringLiteral("%1 / %2").arg(i + 1).arg(count);
                painter.drawText(footer, Qt::AlignHCenter | Qt::AlignVCenter, number);
                drawn.push_back({family, number});
            }
            if (i == count - 1 && !options.signatureLines.empty()) {
                // The visible signature block, drawn with the document's embedded font; the
                // signature widget covers this rectangle and draws nothing itself.
                // As wide as its longest line needs (95 mm at least, the text width at most, a smaller
                // size beyond that): nothing of it is clipped, the closing bracket included.
                double sizePt = 8;
                int font = small;
                auto widest = [&] {
                    double w = 0;
                    for (const auto& l : options.signatureLines)
                        w = std::max(w, fonts.width(font, q(l)));
                    return w;
                };
                double textWidth = widest();
                while (textWidth + mmToPx(5) > body.width() && sizePt > 5) {
                    sizePt -= 0.5;
                    font = fonts.id(sizePt, false);
                    textWidth = widest();
                }
                const double w = std::min(body.width(), std::max(mmToPx(95), textWidth + mmToPx(5)));
                const double h = mmToPx(14);
                const QRectF box(body.right() - w, page.height() - mmToPx(bottomMm) + mmToPx(2), w, h);
                painter.setPen(QPen(Qt::black, ptToPx(0.5)));
                painter.drawRect(box);
                QString lines;
                for (const auto& l : options.signatureLines)
                    lines += (lines.isEmpty() ? QString() : QStringLiteral("\n")) + q(l);
                painter.setFont(fonts.font(font));
                painter.drawText(box.adjusted(mmToPx(2), mmToPx(1), -mmToPx(2), -mmToPx(1)),
                                 Qt::AlignLeft | Qt::AlignVCenter | Qt::TextDontClip, lines);
                drawn.push_back({family, lines});
                const double toPt = 72.0 / kDpi;
                out.signatureBox = {i, box.left() * toPt, (page.height() - box.bottom()) * toPt, box.width() * toPt,
                                    box.height() * toPt};
            }
        }
        painter.end();
        lap("drawing");
    }
    out.bytes = glyphs::finishPdf(std::string(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                  {doc.title, doc.subject, doc.author, "ja"}, drawn);
    lap("repair");
    return out;
}

} // namespace meibo::forms
