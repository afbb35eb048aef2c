#include "Glyphs.h"

#include "meibo/core/Error.h"

#include <QFont>

#include <cstdio>
#include <map>
#include <unordered_map>

namespace meibo::forms::glyphs {

namespace {

struct Face {
    QRawFont raw;
    bool installed = false;
    std::unordered_map<char32_t, unsigned> glyphs;
};

/// Font engines belong to the thread that made them (the export renders on two threads).
Face& face(const QString& family)
{
    thread_local std::map<QString, Face> faces;
    auto it = faces.find(family);
    if (it != faces.end())
        return it->second;
    Face f;
    QFont font(family);
    font.setPixelSize(64);
    f.raw = QRawFont::fromFont(font);
    f.installed = f.raw.isValid() && f.raw.familyName().compare(family, Qt::CaseInsensitive) == 0;
    return faces.emplace(family, std::move(f)).first->second;
}

std::string utf8(const QString& s) { return s.toStdString(); }

} // namespace

QStringList families(const QString& family) { return {family, fallbackFamily()}; }

bool ignorable(char32_t c)
{
    if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF))
        return true; // variation selectors: part of the base character's glyph
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph: return true;
    default: return false;
    }
}

unsigned glyphIndex(const QString& family, char32_t c)
{
    Face& f = face(family);
    if (!f.installed)
        return 0;
    auto it = f.glyphs.find(c);
    if (it != f.glyphs.end())
        return it->second;
    const QList<quint32> indexes = f.raw.glyphIndexesForString(QString::fromUcs4(&c, 1));
    const unsigned g = indexes.isEmpty() ? 0 : indexes.front();
    f.glyphs.emplace(c, g);
    return g;
}

QString faceFor(const QString& family, char32_t c)
{
    if (glyphIndex(family, c) != 0)
        return family;
    if (glyphIndex(fallbackFamily(), c) != 0)
        return fallbackFamily();
    return {};
}

void require(const QString& family, const QString& text)
{
    for (char32_t c : text.toUcs4()) {
        if (ignorable(c) || !faceFor(family, c).isEmpty())
            continue;
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
        std::string message = std::string("The character ") + code + " in \"" + utf8(text) +
                              "\" is in no installed font, so the document would print a box for it: ";
        if (!face(fallbackFamily()).installed)
            message += "install the package fonts-ipamj-mincho (JIS X 0213 and the supplementary-plane kanji).";
        else if (!face(family).installed)
            message += "install the font " + utf8(family) + ".";
        else
            message += "correct the text (a name is written with the characters of its official documents).";
        throw core::Error(core::ErrorCode::InvalidInput, message, utf8(text));
    }
}

} // namespace meibo::forms::glyphs
