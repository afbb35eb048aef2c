#include "meibo/forms/PdfRenderer.h"

#include "Glyphs.h"

#include "meibo/core/Error.h"

#include <QFont>
#include <QGlyphRun>
#include <QSet>
#include <QTextLayout>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <cctype>

namespace meibo::forms {

namespace {

/// Unicode's table of radicals and compatibility forms that stand for a unified ideograph
/// (package unicode-data); e.g. U+2F47 ⽇ → U+65E5 日.
const std::map<unsigned, unsigned>& equivalents()
{
    static std::map<unsigned, unsigned> table;
    static std::once_flag once;
    std::call_once(once, [] {
        std::ifstream in("/usr/share/unicode/EquivalentUnifiedIdeograph.txt");
        if (!in)
            throw core::Error(core::ErrorCode::Internal, "/usr/share/unicode/EquivalentUnifiedIdeograph.txt is missing: install the "
                                     "unicode-data package");
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#')
                continue;
            unsigned lo = 0, hi = 0, target = 0;
            if (std::sscanf(line.c_str(), "%x..%x ; %x", &lo, &hi, &target) == 3) {
                for (unsigned c = lo; c <= hi; ++c)
                    table[c] = target;
            } else if (std::sscanf(line.c_str(), "%x ; %x", &lo, &target) == 2) {
                table[lo] = target;
            }
        }
    });
    return table;
}

std::string hex4(unsigned v)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04X", v);
    return buf;
}

/// Rewrites the destination of one "<src> <dst>" entry when dst is a single BMP code point that
/// has a unified equivalent.
std::string fixDestination(const std::string& dst)
{
    if (dst.size() != 4)
        return dst;
    const unsigned code = static_cast<unsigned>(std::stoul(dst, nullptr, 16));
    if (code == 0x0009)
        return "0020";
    auto it = equivalents().find(code);
    if (it == equivalents().end() || it->second > 0xFFFF)
        return dst;
    return hex4(it->second);
}

std::string repairCMap(const std::string& cmap)
{
    std::string out;
    std::istringstream in(cmap);
    std::string line;
    enum { None, Char, Range } section = None;
    static const std::regex pair(R"(^\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*$)");
    static const std::regex range(R"(^\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*$)");
    std::smatch m;
    while (std::getline(in, line)) {
        if (line.find("beginbfchar") != std::string::npos)
            section = Char;
        else if (line.find("beginbfrange") != std::string::npos)
            section = Range;
        else if (line.find("endbfchar") != std::string::npos || line.find("endbfrange") != std::string::npos)
            section = None;
        else if (section == Char && std::regex_match(line, m, pair))
            line = "<" + m[1].str() + "> <" + fixDestination(m[2].str()) + ">";
        else if (section == Range && line.find('[') != std::string::npos) {
            // "<lo> <hi> [<d1> <d2> …]": each destination in the array stands for one code.
            const auto open = line.find('[');
            std::string head = line.substr(0, open + 1), tail = line.substr(open + 1), fixedTail;
            std::size_t pos = 0;
            while (pos < tail.size()) {
                const auto lt = tail.find('<', pos);
                if (lt == std::string::npos) {
                    fixedTail += tail.substr(pos);
                    break;
                }
                const auto gt = tail.find('>', lt);
                fixedTail += tail.substr(pos, lt - pos) + "<" + fixDestination(tail.substr(lt + 1, gt - lt - 1)) + ">";
                pos = gt + 1;
            }
            line = head + fixedTail;
        } else if (section == Range && std::regex_match(line, m, range)) {
            // A range whose destinations run through radicals is written out code by code.
            const unsigned lo = static_cast<unsigned>(std::stoul(m[1].str(), nullptr, 16));
            const unsigned hi = static_cast<unsigned>(std::stoul(m[2].str(), nullptr, 16));
            const std::string d = m[3].str();
            if (d.size() == 4) {
                const unsigned start = static_cast<unsigned>(std::stoul(d, nullptr, 16));
                bool touched = false;
                for (unsigned i = 0; i <= hi - lo && !touched; ++i)
                    touched = fixDestination(hex4(start + i)) != hex4(start + i);
                if (touched) {
                    std::string expanded;
                    for (unsigned i = 0; i <= hi - lo; ++i)
                        expanded += "<" + hex4(lo + i) + "> <" + hex4(start + i) + "> <" +
                                    fixDestination(hex4(start + i)) + ">\n";
                    expanded.pop_back();
                    line = expanded;
                }
            }
        }
        out += line + "\n";
    }
    return out;
}

} // namespace

std::string repairToUnicode(const std::string& pdf)
{
    QPDF doc;
    doc.processMemoryFile("document.pdf", pdf.data(), pdf.size());
    for (QPDFObjectHandle obj : doc.getAllObjects()) {
        if (!obj.isDictionary() || !obj.hasKey("/ToUnicode"))
            continue;
        QPDFObjectHandle cmap = obj.getKey("/ToUnicode");
        if (!cmap.isStream())
            continue;
        const auto data = cmap.getStreamData(qpdf_dl_all);
        const std::string text(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        const std::string fixed = repairCMap(text);
        if (fixed != text)
            cmap.replaceStreamData(fixed, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
    }
    QPDFWriter writer(doc);
    writer.setOutputMemory();
    writer.setObjectStreamMode(qpdf_o_disable); // a classic xref table: the signature appends to it
    writer.setDeterministicID(true);
    writer.setCompressStreams(true);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

namespace glyphs {

namespace {

/// Qt's ToUnicode map read back: code (CID) → the one BMP code point Qt wrote for it (the lowest
/// code point whose glyph it is).
std::map<unsigned, unsigned> readCMap(const std::string& cmap)
{
    std::map<unsigned, unsigned> out;
    enum { None, Char, Range } section = None;
    std::vector<std::string> tokens; // hex strings, "[" and "]"
    auto flush = [&] {
        if (section == Char) {
            for (std::size_t i = 0; i + 1 < tokens.size(); i += 2)
                if (tokens[i + 1].size() == 4)
                    out[static_cast<unsigned>(std::stoul(tokens[i], nullptr, 16))] =
                        static_cast<unsigned>(std::stoul(tokens[i + 1], nullptr, 16));
        } else if (section == Range) {
            std::size_t i = 0;
            while (i + 2 < tokens.size()) {
                const unsigned lo = static_cast<unsigned>(std::stoul(tokens[i], nullptr, 16));
                const unsigned hi = static_cast<unsigned>(std::stoul(tokens[i + 1], nullptr, 16));
                if (tokens[i + 2] == "[") {
                    i += 3;
                    for (unsigned code = lo; i < tokens.size() && tokens[i] != "]"; ++i, ++code)
                        if (tokens[i].size() == 4)
                            out[code] = static_cast<unsigned>(std::stoul(tokens[i], nullptr, 16));
                    ++i; // "]"
                } else {
                    const unsigned start = static_cast<unsigned>(std::stoul(tokens[i + 2], nullptr, 16));
                    if (tokens[i + 2].size() == 4)
                        for (unsigned code = lo; code <= hi; ++code)
                            out[code] = start + (code - lo);
                    i += 3;
                }
            }
        }
        tokens.clear();
    };
    std::size_t pos = 0;
    while (pos < cmap.size()) {
        const char c = cmap[pos];
        if (c == '<') {
            const auto gt = cmap.find('>', pos);
            if (gt == std::string::npos)
                break;
            tokens.push_back(cmap.substr(pos + 1, gt - pos - 1));
            pos = gt + 1;
        } else if (c == '[' || c == ']') {
            tokens.emplace_back(1, c);
            ++pos;
        } else if (std::isalpha(static_cast<unsigned char>(c))) {
            std::size_t end = pos;
            while (end < cmap.size() && std::isalpha(static_cast<unsigned char>(cmap[end])))
                ++end;
            const std::string word = cmap.substr(pos, end - pos);
            if (word == "beginbfchar" || word == "beginbfrange") {
                tokens.clear();
                section = word == "beginbfchar" ? Char : Range;
            } else if (word == "endbfchar" || word == "endbfrange") {
                flush();
                section = None;
            } else if (word == "endcodespacerange") {
                tokens.clear();
            }
            pos = end;
        } else {
            ++pos;
        }
    }
    return out;
}

/// The glyph count of an embedded TrueType font (its maxp table): one CID per glyph of Qt's subset.
unsigned numGlyphs(const std::string& font)
{
    auto u16 = [&](std::size_t at) -> unsigned {
        return at + 2 <= font.size() ? (static_cast<unsigned char>(font[at]) << 8) | static_cast<unsigned char>(font[at + 1]) : 0;
    };
    auto u32 = [&](std::size_t at) -> std::size_t { return (static_cast<std::size_t>(u16(at)) << 16) | u16(at + 2); };
    const unsigned tables = u16(4);
    for (unsigned t = 0; t < tables; ++t) {
        const std::size_t record = 12 + 16 * static_cast<std::size_t>(t);
        if (record + 16 > font.size())
            break;
        if (font.compare(record, 4, "maxp") == 0)
            return u16(u32(record + 8) + 4);
    }
    return 0;
}

std::string utf16Hex(char32_t c)
{
    if (c < 0x10000)
        return hex4(c);
    c -= 0x10000;
    return hex4(0xD800 + (c >> 10)) + hex4(0xDC00 + (c & 0x3FF));
}

std::string writeCMap(const std::map<unsigned, std::string>& entries)
{
    std::string s = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    auto it = entries.begin();
    while (it != entries.end()) {
        std::string block;
        int n = 0;
        for (; it != entries.end() && n < 100; ++it, ++n)
            block += "<" + hex4(it->first) + "> <" + it->second + ">\n";
        s += std::to_string(n) + " beginbfchar\n" + block + "endbfchar\n";
    }
    return s + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

/// A Kangxi radical, a CJK radical supplement or a compatibility ideograph: when one glyph was
/// drawn for it and for a unified ideograph, the text layer names the unified one.
bool lookAlike(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

std::string tagFor(const std::string& name, const std::map<unsigned, std::string>& entries)
{
    std::uint32_t h = 2166136261u; // FNV-1a over the name and the map: the same subset, the same tag
    auto mix = [&](const std::string& s) {
        for (unsigned char c : s)
            h = (h ^ c) * 16777619u;
    };
    mix(name);
    for (const auto& [code, dst] : entries)
        mix(hex4(code) + dst);
    std::string tag;
    for (int i = 0; i < 6; ++i, h /= 26)
        tag += static_cast<char>('A' + h % 26);
    return tag;
}

QString compact(QString s) { return s.remove(QLatin1Char(' ')); }

/// What one glyph was drawn for: one code point, or a sequence the font composes (か゚, ˥˩).
struct Unit {
    std::u32string chars;
    unsigned glyph = 0;
};

/// A pair the font may draw as one glyph: a base and a combining mark (JIS X 0213's か゚, æ̀), two
/// tone letters (˥˩), or a kanji and a variation selector.
bool maybeComposed(char32_t a, char32_t b)
{
    if ((b >= 0xFE00 && b <= 0xFE0F) || (b >= 0xE0100 && b <= 0xE01EF))
        return true; // an ideographic variation sequence (葛󠄀): the font may hold a glyph for the pair
    const auto cat = QChar::category(b);
    return cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining || cat == QChar::Mark_Enclosing ||
           (a >= 0x02E5 && a <= 0x02E9 && b >= 0x02E5 && b <= 0x02E9);
}

/// The one glyph Qt's shaping (HarfBuzz) draws for `chars` in `face`, or 0 when it draws several.
unsigned shapedGlyph(const QString& face, const std::u32string& chars)
{
    thread_local std::map<std::pair<QString, std::u32string>, unsigned> cache;
    auto it = cache.find({face, chars});
    if (it != cache.end())
        return it->second;
    QFont font(face);
    font.setPixelSize(64);
    QTextLayout layout(QString::fromUcs4(chars.data(), static_cast<qsizetype>(chars.size())), font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    unsigned g = 0;
    const auto runs = layout.glyphRuns();
    if (runs.size() == 1 && runs.front().glyphIndexes().size() == 1)
        g = runs.front().glyphIndexes().front();
    cache.emplace(std::make_pair(face, chars), g);
    return g;
}

} // namespace

std::string finishPdf(const std::string& pdf, const PdfMetadata& metadata, const std::vector<DrawnText>& drawn)
{
    // Which face drew each character (or composed sequence), in drawing order.
    std::map<QString, std::vector<Unit>> byFace;
    // A text drawn again adds nothing: its characters were first drawn where it was first drawn, so
    // the order of first drawing (which numbers the supplementary-plane glyphs) stays the same.
    QSet<QString> seen;
    for (const DrawnText& d : drawn) {
        const QString key = d.family + QChar(0) + d.text;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        require(d.family, d.text);
        const QList<uint> chars = d.text.toUcs4();
        for (qsizetype i = 0; i < chars.size(); ++i) {
            const char32_t c = chars[i];
            if (ignorable(c))
                continue;
            const QString face = faceFor(d.family, c);
            if (i + 1 < chars.size() && maybeComposed(c, chars[i + 1]))
                if (const unsigned g = shapedGlyph(face, {c, chars[i + 1]}); g && g != glyphIndex(face, c)) {
                    byFace[face].push_back({{c, chars[i + 1]}, g});
                    ++i;
                    continue;
                }
            // Shaping replaces a character with a canonical decomposition by its equivalent's glyph
            // (U+1F73 is drawn as U+03AD): the glyph drawn is the shaped one.
            unsigned g = glyphIndex(face, c);
            if (QChar::decompositionTag(c) == QChar::Canonical)
                if (const unsigned shaped = shapedGlyph(face, {c}))
                    g = shaped;
            byFace[face].push_back({{c}, g});
        }
    }

    QPDF doc;
    doc.processMemoryFile("document.pdf", pdf.data(), pdf.size());
    for (QPDFObjectHandle font : doc.getAllObjects()) {
        if (!font.isDictionary() || !font.hasKey("/ToUnicode") || !font.hasKey("/DescendantFonts"))
            continue;
        QPDFObjectHandle cmap = font.getKey("/ToUnicode");
        QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
        if (!cmap.isStream() || !descendants.isArray() || descendants.getArrayNItems() < 1)
            continue;
        QPDFObjectHandle cidFont = descendants.getArrayItem(0);
        QPDFObjectHandle descriptor = cidFont.getKey("/FontDescriptor");
        std::string baseName = font.getKey("/BaseFont").isName() ? font.getKey("/BaseFont").getName().substr(1) : "";
        if (const auto plus = baseName.find('+'); plus != std::string::npos)
            baseName = baseName.substr(plus + 1);
        QString face;
        for (const auto& [f, chars] : byFace)
            if (compact(f).compare(QString::fromStdString(baseName), Qt::CaseInsensitive) == 0)
                face = f;
        const auto data = cmap.getStreamData(qpdf_dl_all);
        const std::string text(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        if (face.isEmpty()) {
            // Drawn by nobody we know of (a font Qt chose itself): the old repair at least.
            const std::string fixed = repairCMap(text);
            if (fixed != text)
                cmap.replaceStreamData(fixed, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
            continue;
        }
        const std::map<unsigned, unsigned> qtMap = readCMap(text);
        unsigned count = 0;
        if (descriptor.isDictionary() && descriptor.getKey("/FontFile2").isStream()) {
            const auto file = descriptor.getKey("/FontFile2").getStreamData(qpdf_dl_all);
            count = numGlyphs(std::string(reinterpret_cast<const char*>(file->getBuffer()), file->getSize()));
        }
        // The glyph of each code Qt could name, and what was drawn with each glyph.
        std::map<unsigned, unsigned> glyphOf; // CID → glyph of the original font
        std::set<unsigned> named;
        for (const auto& [cid, u0] : qtMap)
            if (cid > 0) {
                glyphOf[cid] = glyphIndex(face, u0);
                named.insert(glyphOf[cid]);
            }
        std::unordered_map<unsigned, std::u32string> drawnAs; // glyph → the characters drawn with it
        std::vector<unsigned> unnamed; // glyphs Qt named no code point for, in order of first drawing
        for (const Unit& u : byFace[face]) {
            auto it = drawnAs.find(u.glyph);
            if (it == drawnAs.end()) {
                drawnAs.emplace(u.glyph, u.chars);
                if (!named.count(u.glyph))
                    unnamed.push_back(u.glyph);
            } else if (lookAlike(it->second.front()) && !lookAlike(u.chars.front())) {
                it->second = u.chars;
            }
        }
        // Qt numbers a subset's glyphs in the order they were first drawn, and names every glyph a
        // BMP code point reaches: the rest (supplementary-plane characters) follow the drawing order.
        std::vector<unsigned> missing;
        for (unsigned cid = 1; cid < std::max<unsigned>(count, qtMap.empty() ? 0 : qtMap.rbegin()->first + 1); ++cid)
            if (!qtMap.count(cid))
                missing.push_back(cid);
        if (missing.size() != unnamed.size())
            throw core::Error(core::ErrorCode::Internal,
                              "The PDF's text layer cannot be rebuilt for " + baseName + ": " +
                                  std::to_string(missing.size()) + " glyphs have no known character but " +
                                  std::to_string(unnamed.size()) +
                                  " were drawn from beyond the BMP or composed; report this with the document's text.");
        for (std::size_t i = 0; i < missing.size(); ++i)
            glyphOf[missing[i]] = unnamed[i];
        std::map<unsigned, std::string> entries;
        for (const auto& [cid, g] : glyphOf) {
            auto it = drawnAs.find(g);
            if (it != drawnAs.end()) {
                std::string dst;
                for (char32_t c : it->second)
                    dst += utf16Hex(c);
                entries[cid] = dst;
            }
            else if (auto u = qtMap.find(cid); u != qtMap.end())
                entries[cid] = fixDestination(hex4(u->second));
        }
        cmap.replaceStreamData(writeCMap(entries), QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
        // A subset is named with a tag (ISO 32000 9.6.4), as pdffonts' "sub" column expects.
        const std::string tagged = "/" + tagFor(baseName, entries) + "+" + baseName;
        font.replaceKey("/BaseFont", QPDFObjectHandle::newName(tagged));
        cidFont.replaceKey("/BaseFont", QPDFObjectHandle::newName(tagged));
        if (descriptor.isDictionary())
            descriptor.replaceKey("/FontName", QPDFObjectHandle::newName(tagged));
    }

    // Metadata as UTF-16 text strings (Qt's literal strings lose a 0x0D byte: 名 became 吊).
    QPDFObjectHandle trailer = doc.getTrailer();
    QPDFObjectHandle info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = doc.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    auto setText = [&](const char* key, const std::string& value) {
        if (value.empty())
            info.removeKey(key);
        else
            info.replaceKey(key, QPDFObjectHandle::newUnicodeString(value));
    };
    setText("/Title", metadata.title);
    setText("/Subject", metadata.subject);
    setText("/Author", metadata.author);
    if (!metadata.lang.empty())
        doc.getRoot().replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(metadata.lang));

    QPDFWriter writer(doc);
    writer.setOutputMemory();
    writer.setObjectStreamMode(qpdf_o_disable); // a classic xref table: the signature appends to it
    writer.setDeterministicID(true);
    writer.setCompressStreams(true);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

} // namespace glyphs

} // namespace meibo::forms
