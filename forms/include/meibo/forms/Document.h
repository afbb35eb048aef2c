#pragma once

#include <string>
#include <variant>
#include <vector>

namespace meibo::forms {

/// A stretch of text with one style.
struct Run {
    std::string text;
    bool bold = false;
    double sizePt = 0; ///< 0 = the document's base size
};

/// A paragraph: runs, alignment, spacing. Text may hold '\n' for a line break inside the paragraph.
struct Paragraph {
    enum class Align { Left, Center, Right, Justify };
    std::vector<Run> runs;
    Align align = Align::Left;
    double spaceBeforePt = 0;
    double spaceAfterPt = 0;
    double indentMm = 0;
    bool pageBreakBefore = false;
    bool keepWithPrevious = false; ///< on the page of the table before it (a table's ※ notes)

    static Paragraph text(std::string text, Align align = Align::Left, bool bold = false, double sizePt = 0)
    {
        Paragraph p;
        p.runs.push_back({std::move(text), bold, sizePt});
        p.align = align;
        return p;
    }
};

/// A table cell. A cell with rowSpan > 1 covers the cells below it, which the rows still list as
/// `covered` placeholders (so every row has the same number of grid columns).
struct Cell {
    std::vector<Paragraph> paragraphs;
    int colSpan = 1;
    int rowSpan = 1;
    bool covered = false; ///< part of a span from the left or from above: not drawn on its own
    bool shaded = false;  ///< header-like background
    /// Each line of the text stays on one line (a date, a label, a column heading): the DOCX marks
    /// the cell w:noWrap and widens its column to the text, taking the room from the others.
    bool noWrap = false;
    enum class VAlign { Top, Center } valign = VAlign::Center;

    static Cell text(std::string text, Paragraph::Align align = Paragraph::Align::Left, bool bold = false)
    {
        Cell c;
        c.paragraphs.push_back(Paragraph::text(std::move(text), align, bold));
        return c;
    }
    /// A cell whose lines must not wrap (see noWrap).
    static Cell oneLine(std::string line, Paragraph::Align align = Paragraph::Align::Left, bool bold = false)
    {
        Cell c = Cell::text(std::move(line), align, bold);
        c.noWrap = true;
        return c;
    }
    static Cell coveredCell()
    {
        Cell c;
        c.covered = true;
        return c;
    }
};

/// A table: column widths in millimetres (they add up to the text width), rows of cells.
struct Table {
    std::vector<double> columnWidthsMm;
    std::vector<std::vector<Cell>> rows;
    int headerRows = 1; ///< repeated on each page
    double sizePt = 0;  ///< 0 = the document's base size
};

/// A picture: the structure diagram. PNG for DOCX, and a vector drawing callback for PDF lives in
/// the renderer (the diagram is drawn again, not embedded as pixels).
struct Image {
    std::string png;   ///< PNG bytes
    std::string svg;   ///< SVG bytes, beside the PNG in DOCX (Word 2016+ draws them; others the PNG)
    double widthMm = 0;
    double heightMm = 0;
    std::string altText;
    int vectorId = -1; ///< index into the renderer's vector drawings (PDF), -1 = none
};

using Block = std::variant<Paragraph, Table, Image>;

/// A document, independent of its format: rendered to DOCX (editable) and to PDF (signed).
struct Document {
    std::string title;   ///< metadata title
    std::string subject; ///< metadata subject
    std::string author;  ///< metadata author (the organization)
    std::string created; ///< ISO date, for reproducible metadata
    std::string headerRight; ///< e.g. "様式4"
    std::string footerLeft;  ///< e.g. the audit-chain head
    bool pageNumbers = true; ///< "n / N" centred in the footer
    bool landscape = false;
    double baseSizePt = 10.5;
    std::string fontFamily = "IPAexMincho";
    std::vector<Block> body;
};

} // namespace meibo::forms
