// The demo bundle as the ministry's staff open it: the structure DOCX carries the diagram as SVG
// with a print-resolution PNG fallback, the DOCX names the fonts Word on Windows has with IPAex as
// the fallback LibreOffice finds, and the PDFs print the seed's headings.

#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <regex>

using namespace meibo::test;

namespace {
const std::string kCli = MEIBO_CLI_PATH;

bool has(const std::string& program) { return runProcess({"/usr/bin/which", program}).exitCode == 0; }

struct LookDemo {
    TempDir dir;
    std::string root = dir.file("demo");
    std::string out = root + "/export-2026-10-05";
    LookDemo() { REQUIRE(runProcess({kCli, "demo", root}).exitCode == 0); }
};

LookDemo& lookDemo()
{
    static LookDemo d;
    return d;
}

std::string part(const std::string& docx, const std::string& name)
{
    const auto r = runProcess({"/usr/bin/unzip", "-p", docx, name});
    REQUIRE(r.exitCode == 0);
    return r.out;
}

std::string flat(const std::string& text)
{
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\f')
            out += c;
    return out;
}
} // namespace

TEST_CASE("the structure DOCX embeds the diagram as SVG, with a PNG of at least 300 dpi as its fallback",
          "[cli][export]")
{
    if (!has("unzip")) {
        WARN("unzip is not installed: skipped");
        return;
    }
    const std::string docx = lookDemo().out + "/structure.docx";
    const std::string document = part(docx, "word/document.xml");
    const std::string rels = part(docx, "word/_rels/document.xml.rels");
    const std::string types = part(docx, "?Content_Types?.xml"); // unzip reads [ ] as a pattern

    std::smatch m;
    REQUIRE(std::regex_search(document, m, std::regex("<a:blip r:embed=\"(rId[0-9]+)\">.*?<asvg:svgBlip[^>]* r:embed=\"(rId[0-9]+)\"")));
    const std::string pngRel = m[1], svgRel = m[2];
    std::smatch target;
    REQUIRE(std::regex_search(rels, target, std::regex("Id=\"" + pngRel + "\"[^>]*Target=\"(media/[^\"]+\\.png)\"")));
    const std::string pngName = "word/" + target[1].str();
    REQUIRE(std::regex_search(rels, target, std::regex("Id=\"" + svgRel + "\"[^>]*Target=\"(media/[^\"]+\\.svg)\"")));
    const std::string svgName = "word/" + target[1].str();
    CHECK(types.find("PartName=\"/" + svgName + "\" ContentType=\"image/svg+xml\"") != std::string::npos);

    const std::string svg = part(docx, svgName);
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("経済") != std::string::npos); // Qt splits text where the script changes

    // The PNG's pixels over the width Word shows it at (EMU: 914400 an inch).
    const std::string png = part(docx, pngName);
    REQUIRE(png.size() > 24);
    std::uint32_t pixels = 0;
    for (int k = 16; k < 20; ++k)
        pixels = (pixels << 8) | static_cast<unsigned char>(png[static_cast<std::size_t>(k)]);
    REQUIRE(std::regex_search(document, m, std::regex("<wp:extent cx=\"([0-9]+)\"")));
    const double inches = std::stod(m[1]) / 914400.0;
    INFO(pixels << " pixels over " << inches << " inches");
    CHECK(pixels / inches >= 300);
}

TEST_CASE("the DOCX names IPAex with ＭＳ 明朝 and 游明朝 for Word to try in turn, and LibreOffice prints it in IPAex",
          "[cli][export][client]")
{
    if (!has("unzip")) {
        WARN("unzip is not installed: skipped");
        return;
    }
    const std::string docx = lookDemo().out + "/form4-roster.docx";
    const std::string styles = part(docx, "word/styles.xml");
    CHECK(styles.find("w:eastAsia=\"IPAexMincho\"") != std::string::npos);
    const std::string fonts = part(docx, "word/fontTable.xml");
    std::smatch m;
    REQUIRE(std::regex_search(fonts, m, std::regex("<w:font w:name=\"IPAexMincho\"><w:altName w:val=\"([^\"]+)\"/>")));
    const std::string alternatives = m[1];
    CHECK(alternatives.find("ＭＳ 明朝") == 0);
    CHECK(alternatives.find("游明朝") != std::string::npos);

    if (!has("soffice") || !has("pdffonts") || !has("pdftotext")) {
        WARN("LibreOffice or poppler is not installed: skipped");
        return;
    }
    TempDir t;
    const auto conv = runProcess({"/usr/bin/soffice", "--headless", "--convert-to", "pdf", "--outdir", t.path(), docx,
                                  lookDemo().out + "/structure.docx"},
                                 {}, {"HOME=" + t.path()});
    REQUIRE(conv.exitCode == 0);
    for (const char* name : {"form4-roster.pdf", "structure.pdf"}) {
        INFO(name);
        const auto used = runProcess({"/usr/bin/pdffonts", t.file(name)}).out;
        INFO(used);
        CHECK(used.find("IPAexMincho") != std::string::npos);
    }
    const std::string text = flat(runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", t.file("structure.pdf"), "-"}).out);
    CHECK(text.find("②情報管理体制図") != std::string::npos);
}

TEST_CASE("the bundle's PDFs print the seed's headings", "[cli][export][client]")
{
    if (!has("pdftotext")) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    const auto& d = lookDemo();
    const std::string form4 = flat(runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", d.out + "/form4-roster.pdf", "-"}).out);
    CHECK(form4.find("情報取扱者名簿及び情報管理体制図") != std::string::npos);
    CHECK(form4.find("①情報取扱者名簿") != std::string::npos);
    const std::string structure = flat(runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", d.out + "/structure.pdf", "-"}).out);
    CHECK(structure.find("情報取扱者名簿及び情報管理体制図") != std::string::npos);
    CHECK(structure.find("②情報管理体制図") != std::string::npos);
}
