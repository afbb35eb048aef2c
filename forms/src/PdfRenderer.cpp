#include "meibo/forms/PdfRenderer.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextObjectInterface>
#include <QTextTable>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace meibo::forms {

namespace {

constexpr int kDpi = 600;
constexpr int kVectorObject = QTextFormat::UserObject + 1;
constexpr int kDrawingId = QTextFormat::UserProperty + 1;
constexpr int kDrawingWidth = QTextFormat::UserProperty + 2;
constexpr int kDrawingHeight = QTextFormat::UserProperty + 3;

double mmToPx(double mm) { return mm * kDpi / 25.4; }
double ptToPx(double pt) { return pt * kDpi / 72.0; }
// Lengths inside QTextDocument formats are in 96-dpi units, which the layout scales to the device.
double mmToDoc(double mm) { return mm * 96.0 / 25.4; }
double ptToDoc(double pt) { return pt * 96.0 / 72.0; }

QString q(const std::string& s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

Qt::Alignment alignment(Paragraph::Align a)
{
    switch (a) {
    case Paragraph::Align::Left: return Qt::AlignLeft;
    case Paragraph::Align::Center: return Qt::AlignHCenter;
    case Paragraph::Align::Right: return Qt::AlignRight;
    case Paragraph::Align::Justify: return Qt::AlignJustify;
    }
    return Qt::AlignLeft;
}

/// Draws the vector drawings (the structure diagram) where the document holds their objects.
class VectorHandler : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    explicit VectorHandler(const std::vector<VectorDrawing>& drawings) : m_drawings(drawings) {}
    QSizeF intrinsicSize(QTextDocument*, int, const QTextFormat& format) override
    {
        return {format.doubleProperty(kDrawingWidth), format.doubleProperty(kDrawingHeight)};
    }
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int, const QTextFormat& format) override
    {
        const int id = format.intProperty(kDrawingId);
        if (id >= 0 && id < static_cast<int>(m_drawings.size()) && m_drawings[static_cast<std::size_t>(id)])
            m_drawings[static_cast<std::size_t>(id)](*painter, rect);
    }

private:
    const std::vector<VectorDrawing>& m_drawings;
};

QTextCharFormat charFormat(const Document& doc, const Run& run, double tableSize)
{
    QTextCharFormat f;
    f.setFontFamilies({q(doc.fontFamily)});
    f.setFontPointSize(run.sizePt > 0 ? run.sizePt : tableSize > 0 ? tableSize : doc.baseSizePt);
    f.setFontWeight(run.bold ? QFont::Bold : QFont::Normal);
    return f;
}

void writeParagraph(QTextCursor& cursor, const Document& doc, const Paragraph& p, bool firstInFrame, double tableSize)
{
    QTextBlockFormat bf;
    bf.setAlignment(alignment(p.align));
    bf.setTopMargin(ptToDoc(p.spaceBeforePt));
    bf.setBottomMargin(ptToDoc(p.spaceAfterPt));
    bf.setLeftMargin(mmToDoc(p.indentMm));
    if (p.pageBreakBefore)
        bf.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    if (firstInFrame) {
        cursor.setBlockFormat(bf); // the block char format stays: in a table cell it is the cell's format
    } else {
        cursor.insertBlock(bf, charFormat(doc, Run{}, tableSize));
    }
    for (const Run& run : p.runs) {
        // A '\n' inside a run is a line break within the paragraph (U+2028 in Qt's text model).
        QString text = q(run.text);
        text.replace(QLatin1Char('\n'), QChar(QChar::LineSeparator));
        cursor.insertText(text, charFormat(doc, run, tableSize));
    }
}

void writeTable(QTextCursor& cursor, const Document& doc, const Table& t)
{
    const int rows = static_cast<int>(t.rows.size());
    const int cols = static_cast<int>(t.columnWidthsMm.size());
    QTextTableFormat tf;
    tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    tf.setBorder(ptToDoc(0.5));
    tf.setBorderBrush(Qt::black);
    tf.setBorderCollapse(true);
    tf.setCellSpacing(0);
    tf.setCellPadding(ptToDoc(2.5));
    tf.setHeaderRowCount(t.headerRows);
    QVector<QTextLength> widths;
    for (double mm : t.columnWidthsMm)
        widths.append(QTextLength(QTextLength::FixedLength, mmToDoc(mm)));
    tf.setColumnWidthConstraints(widths);
    QTextTable* table = cursor.insertTable(rows, cols, tf);
    // Column spans are merged. Row spans are drawn instead of merged: Qt's table layout slows down
    // sharply (seconds for a 50-row roster) when a merged cell runs over many rows and pages, so
    // the cells stay separate and the borders between them are left out.
    std::vector<std::vector<int>> vertical(static_cast<std::size_t>(rows), std::vector<int>(static_cast<std::size_t>(cols), 0));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols && c < static_cast<int>(t.rows[static_cast<std::size_t>(r)].size()); ++c) {
            const Cell& cell = t.rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
            if (cell.covered)
                continue;
            if (cell.colSpan > 1)
                table->mergeCells(r, c, 1, cell.colSpan);
            // 1 = top of a vertical run, 2 = inside it, 3 = its last row.
            if (cell.rowSpan > 1) {
                vertical[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)] = 1;
                for (int k = 1; k < cell.rowSpan && r + k < rows; ++k)
                    vertical[static_cast<std::size_t>(r + k)][static_cast<std::size_t>(c)] = k + 1 == cell.rowSpan ? 3 : 2;
            }
        }
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols && c < static_cast<int>(t.rows[static_cast<std::size_t>(r)].size()); ++c) {
            const Cell& cell = t.rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
            const int run = vertical[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
            if (cell.covered && run == 0)
                continue; // covered from the left by a column span
            QTextTableCell tc = table->cellAt(r, c);
            // The cell's format (spans included) is the char format of its first block: modify it,
            // never replace it.
            QTextTableCellFormat cf = tc.format().toTableCellFormat();
            cf.setVerticalAlignment(cell.valign == Cell::VAlign::Center && run == 0 ? QTextCharFormat::AlignMiddle
                                                                                     : QTextCharFormat::AlignTop);
            cf.setBorder(ptToDoc(0.5));
            cf.setBorderBrush(QBrush(Qt::black));
            cf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
            if (run == 1 || run == 2)
                cf.setBottomBorder(0);
            if (run == 2 || run == 3)
                cf.setTopBorder(0);
            cf.setPadding(ptToDoc(2.5));
            if (cell.shaded)
                cf.setBackground(QColor(0xD9, 0xD9, 0xD9));
            tc.setFormat(cf);
            if (cell.covered)
                continue;
            QTextCursor cc = tc.firstCursorPosition();
            bool first = true;
            for (const Paragraph& p : cell.paragraphs) {
                writeParagraph(cc, doc, p, first, t.sizePt);
                first = false;
            }
        }
    }
    cursor = table->lastCursorPosition();
    cursor.movePosition(QTextCursor::NextBlock);
}

} // namespace

RenderedPdf renderPdf(const Document& doc, const PdfOptions& options)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    RenderedPdf out;
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

        QTextDocument text;
        text.documentLayout()->setPaintDevice(&writer);
        text.setPageSize(body.size());
        text.setDocumentMargin(0);
        QFont base(q(doc.fontFamily));
        base.setPointSizeF(doc.baseSizePt);
        text.setDefaultFont(base);
        VectorHandler handler(options.drawings);
        text.documentLayout()->registerHandler(kVectorObject, &handler);

        QTextCursor cursor(&text);
        // One edit block: the layout runs once at the end, not after every insertion (which made a
        // 50-row table take 20 seconds).
        cursor.beginEditBlock();
        bool first = true;
        for (const Block& block : doc.body) {
            if (const auto* p = std::get_if<Paragraph>(&block)) {
                writeParagraph(cursor, doc, *p, first, 0);
            } else if (const auto* t = std::get_if<Table>(&block)) {
                if (!first)
                    cursor.insertBlock();
                writeTable(cursor, doc, *t);
            } else if (const auto* img = std::get_if<Image>(&block)) {
                QTextBlockFormat bf;
                bf.setAlignment(Qt::AlignHCenter);
                if (first)
                    cursor.setBlockFormat(bf);
                else
                    cursor.insertBlock(bf);
                QTextCharFormat f;
                f.setObjectType(kVectorObject);
                f.setProperty(kDrawingId, img->vectorId);
                // Object sizes are not scaled by the layout: device pixels.
                f.setProperty(kDrawingWidth, mmToPx(img->widthMm));
                f.setProperty(kDrawingHeight, mmToPx(img->heightMm));
                cursor.insertText(QString(QChar::ObjectReplacementCharacter), f);
            }
            first = false;
        }
        cursor.endEditBlock();

        const bool trace = std::getenv("MEIBO_TRACE") != nullptr;
        auto t0 = std::chrono::steady_clock::now();
        QPainter painter(&writer);
        const int pages = text.pageCount();
        if (trace)
            std::fprintf(stderr, "pdf layout: %d pages, %.0f ms\n", pages,
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        t0 = std::chrono::steady_clock::now();
        out.pages = pages;
        QFont small(q(doc.fontFamily));
        small.setPointSizeF(8);
        for (int i = 0; i < pages; ++i) {
            if (i > 0)
                writer.newPage();
            painter.save();
            painter.translate(body.topLeft());
            painter.translate(0, -i * body.height());
            const QRectF clip(0, i * body.height(), body.width(), body.height());
            painter.setClipRect(clip);
            QAbstractTextDocumentLayout::PaintContext ctx;
            ctx.clip = clip;
            text.documentLayout()->draw(&painter, ctx);
            painter.restore();

            painter.setFont(small);
            painter.setPen(Qt::black);
            if (!doc.headerRight.empty())
                painter.drawText(QRectF(body.left(), mmToPx(8), body.width(), mmToPx(6)), Qt::AlignRight | Qt::AlignVCenter,
                                 q(doc.headerRight));
            const QRectF footer(body.left(), page.height() - mmToPx(12), body.width(), mmToPx(6));
            if (!doc.footerLeft.empty())
                painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, q(doc.footerLeft));
            if (doc.pageNumbers)
                painter.drawText(footer, Qt::AlignHCenter | Qt::AlignVCenter,
                                 QStringLiteral("%1 / %2").arg(i + 1).arg(pages));
            if (i == pages - 1 && !options.signatureLines.empty()) {
                // The visible signature block, drawn with the document's embedded font; the
                // signature widget covers this rectangle and draws nothing itself.
                const double w = mmToPx(95), h = mmToPx(14);
                const QRectF box(body.right() - w, page.height() - mmToPx(bottomMm) + mmToPx(2), w, h);
                painter.setPen(QPen(Qt::black, ptToPx(0.5)));
                painter.drawRect(box);
                QString lines;
                for (const auto& l : options.signatureLines)
                    lines += (lines.isEmpty() ? QString() : QStringLiteral("\n")) + q(l);
                painter.drawText(box.adjusted(mmToPx(2), mmToPx(1), -mmToPx(2), -mmToPx(1)),
                                 Qt::AlignLeft | Qt::AlignVCenter, lines);
                const double toPt = 72.0 / kDpi;
                out.signatureBox = {i, box.left() * toPt, (page.height() - box.bottom()) * toPt, box.width() * toPt,
                                    box.height() * toPt};
            }
        }
        painter.end();
        if (trace)
            std::fprintf(stderr, "pdf drawing: %.0f ms\n",
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    const auto t1 = std::chrono::steady_clock::now();
    out.bytes = repairToUnicode(std::string(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (std::getenv("MEIBO_TRACE"))
        std::fprintf(stderr, "pdf repair: %.0f ms\n",
                     std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count());
    return out;
}

} // namespace meibo::forms

#include "PdfRenderer.moc"
