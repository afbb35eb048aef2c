// The inspection of PDF through qpdf's object model: embedded files, JavaScript and actions, form
// fields, annotations with text, incremental updates, metadata, pages without a text layer (the
// content streams' text operators, decoded through each font's ToUnicode map) and the contract's
// limits for deliverables.

#include "InspectInternal.h"

#include <pugixml.hpp>

#include <qpdf/BufferInputSource.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAcroFormDocumentHelper.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFTokenizer.hh>

#include <cctype>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <set>

namespace meibo::forms::inspect {

namespace {

void appendUtf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x110000) {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

/// UTF-16BE hex (a ToUnicode destination) as UTF-8.
std::string utf16Hex(const std::string& hex)
{
    std::vector<unsigned> units;
    for (std::size_t i = 0; i + 4 <= hex.size(); i += 4)
        units.push_back(static_cast<unsigned>(std::stoul(hex.substr(i, 4), nullptr, 16)));
    std::string out;
    for (std::size_t i = 0; i < units.size(); ++i) {
        char32_t c = units[i];
        if (c >= 0xD800 && c < 0xDC00 && i + 1 < units.size()) {
            c = 0x10000 + ((c - 0xD800) << 10) + (units[i + 1] - 0xDC00);
            ++i;
        }
        appendUtf8(out, c);
    }
    return out;
}

/// A font as the text extraction needs it: code length and the ToUnicode map.
struct Font {
    int bytesPerCode = 1;
    std::map<unsigned, std::string> toUnicode;

    std::string decode(const std::string& s) const
    {
        std::string out;
        for (std::size_t i = 0; i + bytesPerCode <= s.size(); i += bytesPerCode) {
            unsigned code = static_cast<unsigned char>(s[i]);
            if (bytesPerCode == 2)
                code = (code << 8) | static_cast<unsigned char>(s[i + 1]);
            if (auto it = toUnicode.find(code); it != toUnicode.end())
                out += it->second;
            else if (bytesPerCode == 1)
                appendUtf8(out, code >= 0x20 ? code : ' ');
            else
                out += "\xEF\xBF\xBD"; // a glyph with no Unicode: counts as text all the same
        }
        return out;
    }
};

/// The hex strings and brackets of a CMap, in order (enough for bfchar and bfrange).
std::vector<std::string> cmapTokens(const std::string& text)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '<' && i + 1 < text.size() && text[i + 1] != '<') {
            const std::size_t end = text.find('>', i);
            if (end == std::string::npos)
                break;
            std::string hex;
            for (std::size_t k = i + 1; k < end; ++k)
                if (std::isxdigit(static_cast<unsigned char>(text[k])))
                    hex += text[k];
            out.push_back("<" + hex);
            i = end + 1;
        } else if (c == '[' || c == ']') {
            out.push_back(std::string(1, c));
            ++i;
        } else if (std::isalpha(static_cast<unsigned char>(c))) {
            std::size_t end = i;
            while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end])))
                ++end;
            out.push_back(text.substr(i, end - i));
            i = end;
        } else {
            ++i;
        }
    }
    return out;
}

void parseToUnicode(const std::string& text, Font& font)
{
    const auto tokens = cmapTokens(text);
    auto hexValue = [](const std::string& t) { return t.size() > 1 && t.size() <= 9 ? static_cast<unsigned>(std::stoul(t.substr(1), nullptr, 16)) : 0u; };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i] == "beginbfchar") {
            for (++i; i + 1 < tokens.size() && tokens[i] != "endbfchar"; i += 2)
                if (tokens[i][0] == '<' && tokens[i + 1][0] == '<')
                    font.toUnicode[hexValue(tokens[i])] = utf16Hex(tokens[i + 1].substr(1));
        } else if (tokens[i] == "beginbfrange") {
            for (++i; i + 2 < tokens.size() && tokens[i] != "endbfrange";) {
                const unsigned lo = hexValue(tokens[i]), hi = hexValue(tokens[i + 1]);
                if (hi < lo || hi - lo > 65535)
                    return;
                if (tokens[i + 2] == "[") {
                    std::size_t k = i + 3;
                    for (unsigned c = lo; k < tokens.size() && tokens[k] != "]"; ++k, ++c)
                        font.toUnicode[c] = utf16Hex(tokens[k].substr(1));
                    i = k + 1;
                } else {
                    std::string dst = tokens[i + 2].substr(1);
                    if (dst.size() < 4)
                        dst.insert(0, 4 - dst.size(), '0');
                    const unsigned base = static_cast<unsigned>(std::stoul(dst.substr(dst.size() - 4), nullptr, 16));
                    const std::string prefix = dst.substr(0, dst.size() - 4);
                    for (unsigned c = lo; c <= hi; ++c) {
                        char last[5];
                        std::snprintf(last, sizeof last, "%04X", (base + (c - lo)) & 0xFFFF);
                        font.toUnicode[c] = utf16Hex(prefix + last);
                    }
                    i += 3;
                }
            }
        }
    }
}

/// The bytes of a content stream, or of every stream of a /Contents array, one after the other.
std::string contentBytes(QPDFObjectHandle contents)
{
    std::string out;
    auto append = [&](QPDFObjectHandle stream) {
        if (!stream.isStream())
            return;
        const auto data = stream.getStreamData(qpdf_dl_generalized);
        out.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        out += '\n';
    };
    if (contents.isArray())
        for (auto& item : contents.aitems())
            append(item);
    else
        append(contents);
    return out;
}

/// Collects a page's text (its content streams and the form XObjects they draw) and whether it
/// draws images. Reads the streams with qpdf's tokenizer alone: making an object of every token
/// took most of the time of a 1 MB PDF.
class PageText {
public:
    explicit PageText(std::map<QPDFObjGen, std::shared_ptr<Font>>& fonts) : m_fonts(fonts) {}

    std::string visible, invisible;
    bool images = false;

    void run(QPDFObjectHandle resources, const std::string& content, int depth = 0)
    {
        m_resources.push_back(resources);
        m_depth = depth;
        auto input = std::make_shared<BufferInputSource>("content stream", content);
        QPDFTokenizer tokenizer;
        tokenizer.allowEOF();
        std::vector<std::string> strings;
        std::string name;
        double number = 0;
        for (int guard = 0; guard < 50'000'000; ++guard) {
            const QPDFTokenizer::Token token = tokenizer.readToken(input, "content stream", true);
            const auto type = token.getType();
            if (type == QPDFTokenizer::tt_eof)
                break;
            if (type == QPDFTokenizer::tt_string) {
                if (strings.size() < 4096)
                    strings.push_back(token.getValue());
            } else if (type == QPDFTokenizer::tt_name) {
                name = token.getValue();
            } else if (type == QPDFTokenizer::tt_integer || type == QPDFTokenizer::tt_real) {
                number = std::atof(token.getRawValue().c_str());
            } else if (type == QPDFTokenizer::tt_word) {
                const std::string& op = token.getRawValue();
                if (op == "Tf") {
                    m_font = font(name);
                } else if (op == "Tr") {
                    m_renderMode = static_cast<int>(number);
                } else if (op == "Tj" || op == "'" || op == "\"" || op == "TJ") {
                    for (const auto& s : strings)
                        show(s);
                } else if (op == "Td" || op == "TD" || op == "T*" || op == "ET") {
                    target() += ' ';
                } else if (op == "Do") {
                    drawXObject(name);
                } else if (op == "ID") {
                    tokenizer.expectInlineImage(input);
                    tokenizer.readToken(input, "content stream", true);
                    images = true;
                }
                strings.clear();
            }
        }
        m_resources.pop_back();
    }

private:
    std::string& target() { return m_renderMode == 3 ? invisible : visible; }

    void show(const std::string& bytes)
    {
        target() += m_font ? m_font->decode(bytes) : bytes;
    }

    QPDFObjectHandle resource(const char* kind, const std::string& name)
    {
        for (auto it = m_resources.rbegin(); it != m_resources.rend(); ++it)
            if (it->isDictionary()) {
                QPDFObjectHandle dict = it->getKey(kind);
                if (dict.isDictionary() && dict.hasKey(name))
                    return dict.getKey(name);
            }
        return QPDFObjectHandle::newNull();
    }

    std::shared_ptr<Font> font(const std::string& name)
    {
        QPDFObjectHandle f = resource("/Font", name);
        if (!f.isDictionary())
            return nullptr;
        const QPDFObjGen id = f.getObjGen();
        if (id.isIndirect())
            if (auto it = m_fonts.find(id); it != m_fonts.end())
                return it->second;
        auto out = std::make_shared<Font>();
        if (f.getKey("/Subtype").isNameAndEquals("/Type0"))
            out->bytesPerCode = 2;
        QPDFObjectHandle map = f.getKey("/ToUnicode");
        if (map.isStream()) {
            try {
                const auto data = map.getStreamData(qpdf_dl_generalized);
                if (data->getSize() < 4 * 1024 * 1024)
                    parseToUnicode(std::string(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()), *out);
            } catch (const std::exception&) {
                // An unreadable map leaves the codes undecoded: the page still counts as having text.
            }
        }
        if (id.isIndirect())
            m_fonts[id] = out;
        return out;
    }

    void drawXObject(const std::string& name)
    {
        QPDFObjectHandle x = resource("/XObject", name);
        if (!x.isStream())
            return;
        QPDFObjectHandle dict = x.getDict();
        if (dict.getKey("/Subtype").isNameAndEquals("/Image")) {
            images = true;
            return;
        }
        if (!dict.getKey("/Subtype").isNameAndEquals("/Form") || m_depth >= 8 || m_inForm.count(x.getObjGen()))
            return;
        m_inForm.insert(x.getObjGen());
        const int depth = m_depth;
        auto savedFont = m_font;
        const int savedMode = m_renderMode;
        run(dict.getKey("/Resources"), contentBytes(x), depth + 1);
        m_renderMode = savedMode;
        m_font = savedFont;
        m_depth = depth;
        m_inForm.erase(x.getObjGen());
    }

    std::map<QPDFObjGen, std::shared_ptr<Font>>& m_fonts;
    std::vector<QPDFObjectHandle> m_resources;
    std::shared_ptr<Font> m_font;
    std::set<QPDFObjGen> m_inForm;
    int m_renderMode = 0;
    int m_depth = 0;
};

std::size_t countOf(std::string_view hay, std::string_view needle)
{
    std::size_t n = 0;
    for (std::size_t at = hay.find(needle); at != std::string_view::npos; at = hay.find(needle, at + needle.size()))
        ++n;
    return n;
}

std::size_t codePoints(const std::string& s)
{
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    return n;
}

bool hasText(const std::string& s) { return s.find_first_not_of(' ') != std::string::npos; }

std::string pdfText(QPDFObjectHandle o)
{
    return o.isString() ? o.getUTF8Value() : std::string();
}

} // namespace

void inspectPdf(std::string_view bytes, const PersonalData& personal, Findings& out)
{
    if (bytes.size() > InspectLimits::kPdfBytes)
        out.add("pdf-size-limit", "",
                "The PDF is " + std::to_string(bytes.size() / (1024 * 1024)) +
                    " MB, over the contract's limit of 128 MB per file: split it into parts before delivery.",
                "PDF が " + std::to_string(bytes.size() / (1024 * 1024)) + " MB あり、契約の上限（1 ファイル 128 MB）を超えています。納品前に分割してください。");
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    try {
        pdf.processMemoryFile("inspected.pdf", bytes.data(), bytes.size());
    } catch (const QPDFExc& e) {
        if (e.getErrorCode() == qpdf_e_password)
            out.unreadable("The PDF is encrypted with a password to open it: Meibo cannot look inside. Deliver it without a "
                           "password (the contract's deliverables must be readable), or inspect the unencrypted original.",
                           "PDF が開くためのパスワードで暗号化されているため、中を点検できません。パスワードなしで納品するか、暗号化前の原本を点検してください。");
        else
            out.unreadable("The PDF is damaged and cannot be read (" + e.getMessageDetail() +
                               "); make it again from its source and inspect again.",
                           "PDF が壊れていて読めません。元の文書から作り直し、再度点検してください。");
        return;
    }
    if (pdf.isEncrypted())
        out.add("pdf-encrypted", "",
                "The PDF is encrypted (with restrictions but no password to open it): deliver it unencrypted so that it can be "
                "searched and reused as the contract expects.",
                "PDF が暗号化されています（開くパスワードはなく、操作制限のみ）。検索・再利用できるよう暗号化せずに納品してください。");

    // Revisions: every %%EOF but the last marks an earlier version still inside the file. A
    // signature is added as one (as Meibo signs), and a linearized file carries one more.
    const std::size_t eofs = countOf(bytes, "%%EOF");
    const std::size_t signatures = countOf(bytes, "/ByteRange");
    std::size_t expected = 1 + signatures + (pdf.isLinearized() ? 1 : 0);
    if (eofs > expected)
        out.add("pdf-incremental-update", "",
                "The PDF holds " + count(eofs - 1, "earlier revision", "earlier revisions") +
                    " (incremental updates): deleted or changed content can be recovered from it. Save it anew "
                    "(\"Save As\", or print to PDF) before publication.",
                "PDF に以前の版が " + std::to_string(eofs - 1) +
                    " 件残っています（増分更新）。削除・変更した内容を取り出せます。公開前に「名前を付けて保存」し直すか、PDF に印刷し直してください。");

    // Metadata that names people.
    const auto& known = out.options().knownAuthors;
    auto knownAuthor = [&](const std::string& v) {
        for (const auto& k : known)
            if (normalizeForMatch(k) == normalizeForMatch(v))
                return true;
        return false;
    };
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    if (info.isDictionary()) {
        const std::string author = pdfText(info.getKey("/Author"));
        if (!author.empty() && !knownAuthor(author))
            out.add("pdf-metadata", "Info/Author",
                    "The PDF's properties name the author “" + author + "”: remove it (document properties) before publication.",
                    "PDF のプロパティに作成者「" + author + "」が記録されています。公開前に削除してください（文書のプロパティ）。");
    }
    QPDFObjectHandle root = pdf.getRoot();
    QPDFObjectHandle xmp = root.getKey("/Metadata");
    if (xmp.isStream()) {
        try {
            const auto data = xmp.getStreamData(qpdf_dl_generalized);
            pugi::xml_document doc;
            if (data->getSize() < 16 * 1024 * 1024 && doc.load_buffer(data->getBuffer(), data->getSize())) {
                std::set<std::string> creators;
                for (const auto& x : doc.select_nodes("//*[local-name()='creator']//*[local-name()='li']"))
                    if (const std::string v = x.node().text().get(); !v.empty() && !knownAuthor(v))
                        creators.insert(v);
                for (const auto& c : creators)
                    out.add("pdf-metadata", "XMP dc:creator",
                            "The PDF's XMP metadata names the author “" + c + "”: remove it before publication.",
                            "PDF の XMP メタデータに作成者「" + c + "」が記録されています。公開前に削除してください。");
            }
        } catch (const std::exception&) {
            // Undecodable XMP names nobody we could read.
        }
    }

    // Embedded files, JavaScript and actions.
    QPDFEmbeddedFileDocumentHelper embedded(pdf);
    for (const auto& [name, spec] : embedded.getEmbeddedFiles())
        out.add("pdf-embedded-file", name,
                "The PDF carries the attached file “" + name + "”, invisible on its pages: remove the attachment before publication.",
                "PDF に添付ファイル「" + name + "」が埋め込まれています（ページ上には見えません）。公開前に削除してください。");
    std::set<std::string> actions;
    bool javascript = root.getKey("/Names").isDictionary() && root.getKey("/Names").hasKey("/JavaScript");
    for (QPDFObjectHandle obj : pdf.getAllObjects()) {
        if (!obj.isDictionary())
            continue;
        if (obj.hasKey("/JS"))
            javascript = true;
        QPDFObjectHandle s = obj.getKey("/S");
        if (s.isName()) {
            const std::string kind = s.getName();
            if (kind == "/JavaScript")
                javascript = true;
            else if (kind == "/Launch" || kind == "/SubmitForm" || kind == "/ImportData" || kind == "/GoToR" || kind == "/GoToE")
                actions.insert(kind.substr(1));
        }
        if (obj.getKey("/Type").isNameAndEquals("/Filespec") && obj.hasKey("/EF") && !embedded.hasEmbeddedFiles())
            out.add("pdf-embedded-file", "",
                    "The PDF carries an embedded file (in an annotation or a form): remove it before publication.",
                    "PDF にファイルが埋め込まれています（注釈またはフォーム内）。公開前に削除してください。");
    }
    if (javascript)
        out.add("pdf-javascript", "",
                "The PDF contains JavaScript, which readers run when it is opened or clicked: make the PDF again without scripts before publication.",
                "PDF に JavaScript が含まれています（開いたりクリックしたりすると実行されます）。公開前にスクリプトなしで作り直してください。");
    for (const auto& a : actions)
        out.add("pdf-action", a,
                "The PDF has an action of the kind " + a + " (opens files, sends data or reaches other documents): remove it before publication.",
                "PDF に種類 " + a + " のアクション（ファイルを開く・データを送る・他の文書を参照する）があります。公開前に削除してください。");

    // Form fields with values.
    QPDFAcroFormDocumentHelper acro(pdf);
    if (acro.hasAcroForm()) {
        std::size_t filled = 0;
        std::string first;
        for (auto& field : acro.getFormFields()) {
            if (field.getFieldType() == "/Sig")
                continue;
            if (!field.getValueAsString().empty() || field.getFieldType() == "/Tx") {
                if (!filled++)
                    first = field.getFullyQualifiedName();
                personal.scan(field.getValueAsString(), {"field " + field.getFullyQualifiedName(),
                                                         "the form field “" + field.getFullyQualifiedName() + "”",
                                                         "フォーム項目「" + field.getFullyQualifiedName() + "」"},
                              out);
            }
        }
        if (filled)
            out.add("pdf-form-field", first,
                    count(filled, "form field", "form fields") + " (first “" + first +
                        "”) can be filled in or hold values not printed on the page: flatten the form (print to PDF) before publication.",
                    "フォーム項目が " + std::to_string(filled) + " 個あります（最初は「" + first +
                        "」）。ページに印刷されない値を持てます。公開前にフォームを平坦化（PDF に印刷）してください。");
    }

    // Pages: annotations, the text layer, the limits.
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    if (pages.size() > static_cast<std::size_t>(InspectLimits::kPdfPages))
        out.add("pdf-page-limit", "",
                "The PDF has " + std::to_string(pages.size()) +
                    " pages, over the contract's limit of 1,000 pages per file: split it before delivery (pages after 1,000 were not inspected).",
                "PDF が " + std::to_string(pages.size()) + " ページあり、契約の上限（1 ファイル 1,000 ページ）を超えています。納品前に分割してください（1,000 ページ以降は点検していません）。");
    std::map<QPDFObjGen, std::shared_ptr<Font>> fonts;
    std::uint64_t chars = 0;
    std::vector<int> noText;
    std::vector<int> hiddenText;
    const std::size_t last = std::min(pages.size(), static_cast<std::size_t>(InspectLimits::kPdfPages));
    for (std::size_t i = 0; i < last; ++i) {
        QPDFPageObjectHelper& page = pages[i];
        const std::string n = std::to_string(i + 1);
        const Place place{"page " + n, "page " + n, n + " ページ"};
        for (auto& annot : page.getAnnotations()) {
            const std::string subtype = annot.getSubtype();
            if (subtype == "/Link" || subtype == "/Widget")
                continue;
            const std::string contents = pdfText(annot.getObjectHandle().getKey("/Contents"));
            if (subtype == "/FileAttachment" || !contents.empty() || subtype == "/Text" || subtype == "/Popup") {
                if (subtype == "/Popup" && contents.empty())
                    continue;
                out.add("pdf-annotation", place.where,
                        "An annotation (" + subtype.substr(1) + ") on page " + n + " holds text or a file not printed on the page: "
                        "delete the annotations before publication.",
                        n + " ページに注釈（" + subtype.substr(1) + "）があり、印刷されない文字やファイルを持っています。公開前に注釈を削除してください。");
                personal.scan(contents, place, out);
            }
        }
        PageText text(fonts);
        try {
            text.run(page.getAttribute("/Resources", false), contentBytes(page.getObjectHandle().getKey("/Contents")));
        } catch (const std::exception&) {
            out.add("pdf-damaged-page", place.where,
                    "The content of page " + n + " cannot be read to the end: make the PDF again from its source.",
                    n + " ページの内容を最後まで読めません。元の文書から PDF を作り直してください。");
        }
        chars += codePoints(text.visible) + codePoints(text.invisible);
        if (!hasText(text.visible) && !hasText(text.invisible))
            noText.push_back(static_cast<int>(i + 1));
        else if (hasText(text.invisible) && !text.images)
            hiddenText.push_back(static_cast<int>(i + 1));
        personal.scan(text.visible + " " + text.invisible, place, out);
    }
    for (int p : noText) {
        const std::string n = std::to_string(p);
        out.add("pdf-no-text-layer", "page " + n,
                "Page " + n + " has no text layer (a scanned image or an empty page): the contract asks for PDF with text "
                "(透明テキスト) — run OCR on it or make it again from the source.",
                n + " ページに文字情報がありません（画像のみ、または白紙）。契約は透明テキスト付きの PDF を求めています。OCR をかけるか、元の文書から作り直してください。");
    }
    for (int p : hiddenText) {
        const std::string n = std::to_string(p);
        out.add("pdf-invisible-text", "page " + n,
                "Page " + n + " has invisible text but no image it could be the OCR layer of: check what it says and remove it.",
                n + " ページに、OCR 用でない見えない文字があります。内容を確かめて削除してください。");
    }
    if (chars > InspectLimits::kPdfChars)
        out.add("pdf-character-limit", "",
                "The PDF holds " + std::to_string(chars) + " characters, over the contract's limit of 4,000,000 per file: split it before delivery.",
                "PDF の文字数が " + std::to_string(chars) + " 字あり、契約の上限（1 ファイル 400 万字）を超えています。納品前に分割してください。");
}

} // namespace meibo::forms::inspect
