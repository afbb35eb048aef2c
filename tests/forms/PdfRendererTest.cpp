// Form 4 through the PDF renderer, read back with poppler's own tools.

#include "FormsTestSupport.h"

#include "meibo/forms/PdfRenderer.h"

#include <catch2/catch.hpp>

using namespace meibo;
using namespace meibo::test;

namespace {
bool has(const std::string& program) { return runProcess({"/usr/bin/which", program}).exitCode == 0; }
} // namespace

TEST_CASE("form 4 as PDF: every name and label is searchable text, no Kangxi radicals", "[pdf][client]")
{
    if (!has("pdftotext")) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    const auto input = sampleRosterInput();
    const auto pdf = forms::renderPdf(forms::form4Document(input), {});
    TempDir dir;
    writeBytes(dir.file("f.pdf"), std::vector<std::uint8_t>(pdf.bytes.begin(), pdf.bytes.end()));
    if (const char* keep = std::getenv("MEIBO_TEST_KEEP"))
        writeBytes(keep, std::vector<std::uint8_t>(pdf.bytes.begin(), pdf.bytes.end()));
    const auto text = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", dir.file("f.pdf"), "-"});
    REQUIRE(text.exitCode == 0);
    for (const auto& e : input.entries) {
        INFO(e.person.name);
        CHECK(text.out.find(e.person.name) != std::string::npos);
    }
    // In reading order: the rows come out in the form's order A … F.
    std::size_t previous = 0;
    for (const auto& e : input.entries) {
        const auto at = text.out.find(e.person.name);
        INFO(e.label << " " << e.person.name);
        CHECK(at != std::string::npos);
        CHECK(at >= previous);
        previous = at;
    }
    CHECK(text.out.find("情報取扱者名簿") < text.out.find("経済 太郎"));
    CHECK(text.out.find("（※1） 受託事業者") > text.out.find("水銀 三郎"));
    for (const char* label : {"情報取扱者名簿", "生年月日", "個人住所", "所属部署", "情報管理責任者", "再委託先",
                              "X12345678", "アメリカ合衆国", "昭和45年4月1日", "令和8年6月1日現在"})
        CHECK(text.out.find(label) != std::string::npos);
    // No Kangxi radical (U+2F00–U+2FDF, UTF-8 E2 BC 80 – E2 BF 9F) may stand for a kanji.
    bool radical = false;
    for (std::size_t i = 0; i + 2 < text.out.size(); ++i) {
        const auto a = static_cast<unsigned char>(text.out[i]), b = static_cast<unsigned char>(text.out[i + 1]);
        radical = radical || (a == 0xE2 && b >= 0xBC && b <= 0xBF);
    }
    CHECK_FALSE(radical);
    CHECK(text.out.find('\t') == std::string::npos);
}

TEST_CASE("form 4 as PDF: A4 landscape, every font embedded", "[pdf][client]")
{
    if (!has("pdffonts") || !has("pdfinfo")) {
        WARN("poppler-utils are not installed: skipped");
        return;
    }
    const auto pdf = forms::renderPdf(forms::form4Document(sampleRosterInput()), {});
    TempDir dir;
    writeBytes(dir.file("f.pdf"), std::vector<std::uint8_t>(pdf.bytes.begin(), pdf.bytes.end()));
    const auto fonts = runProcess({"/usr/bin/pdffonts", dir.file("f.pdf")});
    REQUIRE(fonts.exitCode == 0);
    int rows = 0;
    std::istringstream lines(fonts.out);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty())
            continue;
        ++rows;
        INFO(line);
        CHECK(line.find(" yes ") != std::string::npos); // emb column
    }
    CHECK(rows >= 1);
    CHECK(fonts.out.find("IPAex") != std::string::npos);
    const auto info = runProcess({"/usr/bin/pdfinfo", dir.file("f.pdf")});
    CHECK(info.out.find("842 x 595 pts (A4)") != std::string::npos); // A4 landscape
}

TEST_CASE("a long form 4 runs over pages: the header on each, every name once and in order", "[pdf][client]")
{
    if (!has("pdftotext") || !has("pdfinfo")) {
        WARN("poppler-utils are not installed: skipped");
        return;
    }
    auto input = sampleRosterInput();
    // Enough workers for one row span (業務従事者) and one table chunk to cross page breaks.
    for (int i = 1; i <= 130; ++i) {
        core::RosterEntry e = input.entries.back();
        char name[32];
        std::snprintf(name, sizeof name, "名簿試験%04d", i);
        e.label = "T" + std::to_string(i);
        e.role = core::Role::Worker;
        e.person.name = name;
        input.entries.push_back(e);
    }
    const auto pdf = forms::renderPdf(forms::form4Document(input), {});
    TempDir dir;
    writeBytes(dir.file("f.pdf"), std::vector<std::uint8_t>(pdf.bytes.begin(), pdf.bytes.end()));
    if (const char* keep = std::getenv("MEIBO_TEST_KEEP"))
        writeBytes(keep, std::vector<std::uint8_t>(pdf.bytes.begin(), pdf.bytes.end()));
    REQUIRE(pdf.pages >= 3);
    const auto info = runProcess({"/usr/bin/pdfinfo", dir.file("f.pdf")});
    const auto pagesAt = info.out.find("Pages:");
    REQUIRE(pagesAt != std::string::npos);
    CHECK(std::stoi(info.out.substr(pagesAt + 6)) == pdf.pages);
    std::string all;
    for (int page = 1; page <= pdf.pages; ++page) {
        const auto text = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", "-f", std::to_string(page), "-l",
                                      std::to_string(page), dir.file("f.pdf"), "-"});
        REQUIRE(text.exitCode == 0);
        INFO("page " << page);
        for (const char* header : {"区分", "記号", "氏名", "個人住所", "生年月日", "所属部署"})
            CHECK(text.out.find(header) != std::string::npos);
        CHECK(text.out.find(std::to_string(page) + " / " + std::to_string(pdf.pages)) != std::string::npos);
        all += text.out;
    }
    std::size_t previous = 0;
    for (int i = 1; i <= 130; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "名簿試験%04d", i);
        const auto at = all.find(name);
        INFO(name);
        REQUIRE(at != std::string::npos);
        CHECK(at >= previous);
        CHECK(all.find(name, at + 1) == std::string::npos);
        previous = at;
    }
    CHECK(all.rfind("（※5） 住所") > previous); // the notes after the last row
}
