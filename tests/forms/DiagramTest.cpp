#include "FormsTestSupport.h"

#include "meibo/core/Error.h"
#include "meibo/forms/Diagram.h"
#include "meibo/forms/PdfRenderer.h"

#include <QImage>
#include <QPainter>

#include <catch2/catch.hpp>

using namespace meibo;
using namespace meibo::test;

TEST_CASE("the structure diagram lays everyone out, the subcontractor's people in their own box", "[diagram]")
{
    const auto input = sampleRosterInput();
    const forms::StructureDiagram diagram(input.entries);
    REQUIRE(diagram.boxes().size() == input.entries.size());
    CHECK(diagram.widthMm() > 20);
    CHECK(diagram.heightMm() > 20);
    // The responsible person sits above everyone who reports (directly or not) to them.
    const auto& boxes = diagram.boxes();
    const auto top = std::find_if(boxes.begin(), boxes.end(), [](const auto& b) { return b.label == "A"; });
    REQUIRE(top != boxes.end());
    for (const auto& b : boxes)
        if (b.label != "A")
            CHECK(b.y > top->y);
    // No two boxes overlap.
    for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size(); ++j) {
            const auto& a = boxes[i];
            const auto& b = boxes[j];
            const bool apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
            CHECK(apart);
        }

    const std::string png = diagram.png(150);
    QImage image;
    REQUIRE(image.loadFromData(reinterpret_cast<const uchar*>(png.data()), static_cast<int>(png.size()), "PNG"));
    CHECK(image.width() > 100);
    const std::string svg = diagram.svg();
    if (const char* keep = std::getenv("MEIBO_TEST_KEEP_SVG"))
        writeText(keep, svg);
    CHECK(svg.find("<svg") != std::string::npos);
    // Qt's SVG writer splits text where the script changes; join the <text> elements back.
    std::string text;
    for (std::size_t at = svg.find("<text"); at != std::string::npos; at = svg.find("<text", at + 1)) {
        const auto open = svg.find('>', at), close = svg.find("</text>", at);
        if (open != std::string::npos && close != std::string::npos && open < close)
            text += svg.substr(open + 1, close - open - 1);
    }
    CHECK(text.find("経済 太郎") != std::string::npos);
    CHECK(text.find("再委託先：株式会社サンプル分析センター") != std::string::npos);
}

TEST_CASE("the structure document draws the diagram as vectors with searchable names", "[diagram][pdf][client]")
{
    if (runProcess({"/usr/bin/which", "pdftotext"}).exitCode != 0) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    const auto input = sampleRosterInput();
    const forms::StructureDiagram diagram(input.entries);
    forms::Image image;
    image.vectorId = 0;
    image.widthMm = std::min(250.0, diagram.widthMm());
    image.heightMm = image.widthMm * diagram.heightMm() / diagram.widthMm();
    forms::PdfOptions options;
    options.drawings.push_back([&](QPainter& p, const QRectF& r) { diagram.paint(p, r); });
    const auto pdf = forms::renderPdf(forms::structureDocument(input, image), options);
    TempDir dir;
    writeBytes(dir.file("s.pdf"), std::vector<std::uint8_t>(pdf.bytes.begin(), pdf.bytes.end()));
    if (const char* keep = std::getenv("MEIBO_TEST_KEEP_DIAGRAM"))
        writeBytes(keep, std::vector<std::uint8_t>(pdf.bytes.begin(), pdf.bytes.end()));
    const auto text = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", dir.file("s.pdf"), "-"});
    for (const auto& e : input.entries)
        CHECK(text.out.find(e.person.name) != std::string::npos);
    CHECK(text.out.find("情報管理体制図") != std::string::npos);
    CHECK(text.out.find("【情報管理体制図に記載すべき事項】") != std::string::npos);
    // Vectors, not a picture: the page has no image XObject.
    CHECK(pdf.bytes.find("/Subtype /Image") == std::string::npos);
}

TEST_CASE("the diagram draws 𠮷野 剛 with the fallback font: in the PDF's text, and named in the SVG", "[diagram][client]")
{
    auto input = sampleRosterInput();
    input.entries.front().person.name = "𠮷野 剛";
    const forms::StructureDiagram diagram(input.entries);
    const std::string svg = diagram.svg();
    CHECK(svg.find("𠮷") != std::string::npos);
    CHECK(svg.find("font-family=\"IPAexGothic\"") == std::string::npos);
    CHECK(svg.find("font-family=\"IPAexGothic, IPAmjMincho, 'MS Gothic', sans-serif\"") != std::string::npos);

    if (runProcess({"/usr/bin/which", "pdftotext"}).exitCode != 0) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    forms::Document doc;
    forms::Image image;
    image.widthMm = 180;
    image.heightMm = 120;
    image.vectorId = 0;
    doc.body.push_back(image);
    forms::PdfOptions options;
    options.drawings.push_back([&diagram](QPainter& p, const QRectF& r) { diagram.paint(p, r); });
    const auto pdf = forms::renderPdf(doc, options);
    TempDir dir;
    writeBytes(dir.file("d.pdf"), std::vector<std::uint8_t>(pdf.bytes.begin(), pdf.bytes.end()));
    const auto text = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", dir.file("d.pdf"), "-"});
    INFO(text.out);
    CHECK(text.out.find("𠮷野 剛") != std::string::npos);
}

TEST_CASE("a diagram with a character no font has is refused, naming the text", "[diagram]")
{
    auto input = sampleRosterInput();
    input.entries.front().person.name = "吉野 \xCD\xB8剛"; // U+0378, unassigned
    try {
        forms::StructureDiagram diagram(input.entries);
        FAIL("laid out a character no font has");
    } catch (const core::Error& e) {
        CHECK(std::string(e.what()).find("吉野 \xCD\xB8剛") != std::string::npos);
        CHECK(std::string(e.what()).find("U+0378") != std::string::npos);
    }
}
