// The PDF's text layer and metadata read back with poppler: every character that was drawn comes
// back as itself (names beyond IPAex through the fallback font), and a character no font has is
// refused instead of being printed as a box.

#include "FormsTestSupport.h"

#include "meibo/core/Error.h"
#include "meibo/forms/PdfRenderer.h"

#include <catch2/catch.hpp>

#include <QFont>
#include <QRawFont>

#include <iconv.h>

#include <algorithm>
#include <filesystem>

using namespace meibo;
using namespace meibo::test;

namespace {

bool has(const std::string& program) { return runProcess({"/usr/bin/which", program}).exitCode == 0; }

std::string writePdf(TempDir& dir, const std::string& bytes, const char* keepVariable = "MEIBO_TEST_KEEP")
{
    const std::string path = dir.file("t.pdf");
    writeBytes(path, std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
    if (const char* keep = std::getenv(keepVariable))
        writeBytes(keep, std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
    return path;
}

std::string pdftotext(const std::string& path)
{
    const auto r = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", path, "-"});
    REQUIRE(r.exitCode == 0);
    return r.out;
}

/// The text without white space: pdftotext's spacing and line ends are not what is compared.
std::string squeeze(const std::string& s)
{
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\f' && c != '\r' && c != '\t')
            out += c;
    return out;
}

/// One "Key:   value" line of pdfinfo's output.
std::string field(const std::string& info, const std::string& key)
{
    const auto at = ("\n" + info).find("\n" + key + ":");
    if (at == std::string::npos)
        return {};
    auto start = info.find_first_not_of(' ', at + key.size() + 2);
    return info.substr(start, info.find('\n', start) - start);
}

forms::Document oneParagraph(const std::string& text)
{
    forms::Document doc;
    doc.title = "試験";
    doc.pageNumbers = false;
    doc.body.push_back(forms::Paragraph::text(text));
    return doc;
}

/// Every character of a two-byte EUC code set (EUC-JP: JIS X 0208; EUC-JISX0213: both planes'
/// first plane), converted by glibc's iconv, in code order. Sequences (か゚) stay whole.
std::vector<std::string> eucCharacters(const char* charset)
{
    std::vector<std::string> out;
    iconv_t cd = iconv_open("UTF-8", charset);
    REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
    for (int hi = 0xA1; hi <= 0xFE; ++hi)
        for (int lo = 0xA1; lo <= 0xFE; ++lo) {
            char in[2] = {static_cast<char>(hi), static_cast<char>(lo)};
            char buf[16];
            char* inp = in;
            char* outp = buf;
            std::size_t inLeft = 2, outLeft = sizeof buf;
            iconv(cd, nullptr, nullptr, nullptr, nullptr);
            if (iconv(cd, &inp, &inLeft, &outp, &outLeft) == static_cast<std::size_t>(-1) || inLeft != 0)
                continue;
            // Flush a combining sequence held back by the converter.
            iconv(cd, nullptr, nullptr, &outp, &outLeft);
            const std::string ch(buf, static_cast<std::size_t>(outp - buf));
            // White space (ideographic, no-break), which the comparison leaves out, and the soft
            // hyphen, which is drawn only where a line breaks.
            if (ch != "\u3000" && ch != "\u00A0" && ch != "\u00AD")
                out.push_back(ch);
        }
    iconv_close(cd);
    return out;
}

} // namespace

TEST_CASE("a name beyond IPAex (𠮷野 剛, U+20BB7) is drawn with the fallback font and read back exactly",
          "[pdf][client]")
{
    if (!has("pdftotext") || !has("pdffonts")) {
        WARN("poppler-utils are not installed: skipped");
        return;
    }
    auto input = sampleRosterInput();
    input.entries.front().person.name = "𠮷野 剛";
    const auto pdf = forms::renderPdf(forms::form4Document(input), {});
    TempDir dir;
    const auto path = writePdf(dir, pdf.bytes);
    CHECK(pdftotext(path).find("𠮷野 剛") != std::string::npos);
    const auto fonts = runProcess({"/usr/bin/pdffonts", path});
    REQUIRE(fonts.exitCode == 0);
    INFO(fonts.out);
    CHECK(fonts.out.find("IPAmjMincho") != std::string::npos);
    CHECK(fonts.out.find("DejaVu") == std::string::npos);
}

TEST_CASE("a character no installed font has is refused, naming the text, instead of a box", "[pdf]")
{
    // U+0378 is unassigned; U+F8FF is private use: no Japanese font may claim either.
    for (const std::string& name : {std::string("吉野 \xCD\xB8剛"), std::string("吉野 \xEF\xA3\xBF剛")}) {
        auto input = sampleRosterInput();
        input.entries.front().person.name = name;
        try {
            forms::renderPdf(forms::form4Document(input), {});
            FAIL("rendered a character no font has: " << name);
        } catch (const core::Error& e) {
            const std::string what = e.what();
            INFO(what);
            CHECK(what.find(name) != std::string::npos);
            CHECK((what.find("U+0378") != std::string::npos || what.find("U+F8FF") != std::string::npos));
        }
    }
}

TEST_CASE("the text layer returns the characters that were drawn, not a radical or a look-alike", "[pdf][client]")
{
    if (!has("pdftotext")) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    // Not 〜 (U+301C) with ～: IPAex draws both with one glyph, and a ToUnicode map names one
    // character a glyph; nor ⾿ with 黑 (the radical is the ideograph's glyph).
    const std::string text = "目黒区 神戸市 5−1 ～ — ’ ‐ 黑 戶 𠮷野 剛 𠀋 𡈽";
    TempDir dir;
    const auto path = writePdf(dir, forms::renderPdf(oneParagraph(text), {}).bytes);
    CHECK(squeeze(pdftotext(path)) == squeeze(text));
}

TEST_CASE("a name with an ideographic variation sequence (葛󠄀, 辻󠄀) prints, and its characters read back in order",
          "[pdf][client]")
{
    if (!has("pdftotext")) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    // The selector is named where the face draws a glyph of its own for the sequence; where it
    // draws the plain kanji (IPAex has no sequences), the plain kanji is what the text layer says.
    const std::string text = "葛\U000E0100城 辻\U000E0100 𠮷\U000E0100 葛西";
    TempDir dir;
    const auto read = pdftotext(writePdf(dir, forms::renderPdf(oneParagraph(text), {}).bytes));
    const auto plain = [](const std::string& s) {
        std::string out;
        for (std::size_t i = 0; i < s.size(); ++i)
            if (s.compare(i, 4, "\xF3\xA0\x84\x80") == 0) // U+E0100 in UTF-8
                i += 3;
            else
                out += s[i];
        return out;
    };
    CHECK(plain(squeeze(read)) == plain(squeeze(text)));
    CHECK(squeeze(read).find("葛西") != std::string::npos); // the plain 葛 stays plain
}

TEST_CASE("every character of JIS X 0208 and JIS X 0213 is read back from the PDF as itself", "[pdf][client]")
{
    if (!has("pdftotext")) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    for (const char* charset : {"EUC-JP", "EUC-JISX0213"}) {
        const auto chars = eucCharacters(charset);
        INFO(charset << ": " << chars.size() << " characters");
        REQUIRE(chars.size() > 6000);
        // 40 characters a line, one paragraph a line: pdftotext keeps the lines apart. A space after
        // each: a combining mark of the set (U+0361) must not fall on the character before it.
        forms::Document doc;
        doc.title = charset;
        doc.pageNumbers = false;
        std::vector<std::string> lines;
        for (std::size_t i = 0; i < chars.size(); i += 40) {
            std::string line;
            for (std::size_t j = i; j < std::min(chars.size(), i + 40); ++j)
                line += chars[j] + " ";
            lines.push_back(line);
            doc.body.push_back(forms::Paragraph::text(line));
        }
        TempDir dir;
        const auto out = squeeze(pdftotext(writePdf(dir, forms::renderPdf(doc, {}).bytes)));
        std::string expected;
        for (const auto& l : lines)
            expected += squeeze(l);
        // Equal character for character, except where two characters of the set are drawn with one
        // glyph of one face (〜 U+301C and ～ U+FF5E in IPAex): a ToUnicode map names one character a
        // glyph, the first drawn (a document with a name in 〜 and another in ～ is the known limit). Every other difference is shown with its code points.
        const QList<uint> read = QString::fromStdString(out).toUcs4();
        const QList<uint> want = QString::fromStdString(expected).toUcs4();
        REQUIRE(read.size() == want.size());
        std::vector<std::string> shared, wrong;
        const QRawFont ipaex = QRawFont::fromFont(QFont(QStringLiteral("IPAexMincho")));
        for (qsizetype i = 0; i < want.size(); ++i) {
            if (read[i] == want[i])
                continue;
            const char32_t wanted = want[i], got = read[i];
            const auto a = ipaex.glyphIndexesForString(QString::fromUcs4(&wanted, 1));
            const auto b = ipaex.glyphIndexesForString(QString::fromUcs4(&got, 1));
            const std::string pair = QString::asprintf("U+%04X read as U+%04X", want[i], read[i]).toStdString();
            (!a.isEmpty() && !b.isEmpty() && a.front() != 0 && a.front() == b.front() ? shared : wrong).push_back(pair);
        }
        for (const auto& w : wrong)
            INFO(w);
        CHECK(wrong.empty());
        // JIS X 0213 has four such pairs: ～/〜, and the combining acute, macron and diaeresis
        // drawn alone (on a space) with the glyphs of ´ ¯ ¨.
        CHECK(shared.size() <= 4);
        for (const auto& s : shared)
            WARN(charset << ": one glyph for two characters, " << s);
    }
}

TEST_CASE("every title and subject round-trips through the PDF's metadata", "[pdf][client]")
{
    if (!has("pdfinfo")) {
        WARN("pdfinfo is not installed: skipped");
        return;
    }
    const auto input = sampleRosterInput();
    forms::ChangeNoticeInput notice;
    notice.organization = input.organization;
    notice.contract = input.contract;
    notice.noticeDate = input.asOf;
    notice.effective = input.asOf;
    notice.reason = "体制変更";
    notice.generated = "2026-06-01";
    for (const forms::Document& doc : {forms::form4Document(input), forms::changeNoticeDocument(notice),
                                       oneParagraph("名簿")}) {
        TempDir dir;
        const auto path = writePdf(dir, forms::renderPdf(doc, {}).bytes);
        const auto info = runProcess({"/usr/bin/pdfinfo", "-enc", "UTF-8", path});
        REQUIRE(info.exitCode == 0);
        INFO(info.out);
        CHECK(field(info.out, "Title") == doc.title);
        CHECK(field(info.out, "Subject") == doc.subject);
        CHECK(field(info.out, "Author") == doc.author);
    }
}

TEST_CASE("the signature block holds its whole text, the closing bracket included", "[pdf][client]")
{
    if (!has("pdftotext")) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    for (bool landscape : {true, false}) {
        forms::Document doc = oneParagraph("本文");
        doc.landscape = landscape;
        forms::PdfOptions options;
        options.signatureLines = {"電子署名：ベンチマーク署名者",
                                  "署名日時：令和8年6月1日 18時00分00秒（日本時間）（PDF署名 ETSI.CAdES.detached）"};
        const auto pdf = forms::renderPdf(doc, options);
        TempDir dir;
        const auto path = writePdf(dir, pdf.bytes);
        const auto info = runProcess({"/usr/bin/pdfinfo", path});
        const double pageHeight = landscape ? 595.0 : 842.0;
        const auto& box = pdf.signatureBox;
        const double top = pageHeight - (box.y + box.height), bottom = pageHeight - box.y; // from the top, as -bbox
        const auto words = runProcess({"/usr/bin/pdftotext", "-bbox", path, "-"});
        REQUIRE(words.exitCode == 0);
        std::istringstream in(words.out);
        std::string line, all;
        int inside = 0;
        while (std::getline(in, line)) {
            double xMin = 0, yMin = 0, xMax = 0, yMax = 0;
            if (std::sscanf(line.c_str(), " <word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &xMin, &yMin, &xMax,
                            &yMax) != 4)
                continue;
            if (yMin < top || yMax > bottom)
                continue;
            ++inside;
            all += line + "\n";
            INFO(line << " box " << box.x << "–" << box.x + box.width);
            CHECK(xMin >= box.x);
            CHECK(xMax <= box.x + box.width - 2); // at least 2 pt inside the frame
        }
        INFO(all);
        CHECK(inside >= 3);
        CHECK(all.find("detached）") != std::string::npos);
    }
}

TEST_CASE("the PDF says it is Japanese (/Lang ja) and names its fonts as tagged subsets", "[pdf][client]")
{
    if (!has("pdffonts")) {
        WARN("pdffonts is not installed: skipped");
        return;
    }
    auto input = sampleRosterInput();
    input.entries.front().person.name = "𠮷野 剛";
    const auto pdf = forms::renderPdf(forms::form4Document(input), {});
    CHECK(pdf.bytes.find("/Lang (ja)") != std::string::npos);
    TempDir dir;
    const auto fonts = runProcess({"/usr/bin/pdffonts", writePdf(dir, pdf.bytes)});
    REQUIRE(fonts.exitCode == 0);
    std::istringstream lines(fonts.out);
    std::string line;
    int rows = 0;
    while (std::getline(lines, line)) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty())
            continue;
        ++rows;
        INFO(line);
        CHECK(line.find(" yes yes yes ") != std::string::npos); // embedded, subset, ToUnicode
        CHECK(line[6] == '+');
    }
    CHECK(rows == 2); // IPAexMincho and IPAmjMincho
}

TEST_CASE("lines break between phrases, never inside a date, a number or a word", "[pdf][client]")
{
    if (!has("pdftotext")) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    // Form 4's columns are narrow enough that each of these needed a break somewhere.
    auto input = sampleRosterInput();
    const auto text = [&] {
        TempDir dir;
        return pdftotext(writePdf(dir, forms::renderPdf(forms::form4Document(input), {}).bytes));
    }();
    INFO(text);
    for (const char* whole : {"分析センター", "株式会社サンプル", "昭和57年9月15日", "昭和45年4月1日"})
        CHECK(text.find(whole) != std::string::npos);
    // A narrow cell: the date and the Latin word stay whole, a line never starts with 、 or 。.
    forms::Document doc;
    doc.pageNumbers = false;
    forms::Table t;
    t.columnWidthsMm = {40, 140}; // about ten characters a line
    t.headerRows = 0;
    t.rows.push_back({forms::Cell::text("生年月日は昭和57年9月15日、資格はInformation Security Management試験です。"),
                      forms::Cell::text("右")});
    doc.body.push_back(t);
    TempDir dir;
    const auto narrow = pdftotext(writePdf(dir, forms::renderPdf(doc, {}).bytes));
    INFO(narrow);
    CHECK(narrow.find("昭和57年9月15日") != std::string::npos);
    for (const char* word : {"Information", "Security", "Management"})
        CHECK(narrow.find(word) != std::string::npos);
    CHECK(narrow.find("\n、") == std::string::npos);
    CHECK(narrow.find("\n。") == std::string::npos);
}
