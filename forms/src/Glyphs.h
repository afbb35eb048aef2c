#pragma once

// Which installed face draws each character, and the PDF's text layer rebuilt from the text that
// was actually drawn. Internal to meibo_forms (PDF renderer, repair, diagram, DOCX).

#include <QRawFont>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace meibo::forms::glyphs {

/// IPAmj明朝 (Debian fonts-ipamj-mincho): JIS X 0213 and the supplementary-plane kanji of the
/// 文字情報基盤 (𠮷, U+20BB7 …), for every character the document's own font lacks.
inline const QString& fallbackFamily()
{
    static const QString f = QStringLiteral("IPAmjMincho");
    return f;
}

/// What a QFont should carry: the family first, then the fallback (Qt picks per glyph in order).
QStringList families(const QString& family);

/// Control, format and separator characters and variation selectors: never drawn as a glyph of
/// their own, so no font needs them.
bool ignorable(char32_t c);

/// The face that draws `c` for text set in `family`: the family when it has the glyph, else the
/// fallback when it has it, else an empty string (nothing may draw it).
QString faceFor(const QString& family, char32_t c);

/// The face's glyph for one code point (0 when it has none). Cached per thread.
unsigned glyphIndex(const QString& face, char32_t c);

/// Refuses text with a character that neither `family` nor the fallback has: a signed document
/// never shows a box for a name. The message names the text and the code point.
void require(const QString& family, const QString& text);

/// One string as it was drawn, in drawing order, with the family it was set in.
struct DrawnText {
    QString family;
    QString text;
};

/// The document information and catalog entries written by the repair.
struct PdfMetadata {
    std::string title;
    std::string subject;
    std::string author;
    std::string lang = "ja";
};

/// After Qt: every font's ToUnicode map rebuilt from `drawn` (each glyph maps to the code point it
/// was drawn for), subset fonts tagged, Title/Subject/Author as UTF-16 strings, /Lang. Classic
/// cross-reference table, deterministic /ID.
std::string finishPdf(const std::string& pdf, const PdfMetadata& metadata, const std::vector<DrawnText>& drawn);

} // namespace meibo::forms::glyphs
