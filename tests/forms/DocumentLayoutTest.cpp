// What a reader of the printed documents sees page by page, read back with pdftotext: the seed's
// headings, brackets of one width, the 区分 label again on the page a table continues on, the ※
// notes on the page of the table's last rows, and a draft's footer that says 案 and names no command.
#include "FormsTestSupport.h"

#include "meibo/core/Report.h"
#include "meibo/forms/PdfRenderer.h"
#include "meibo/forms/StatusReportForms.h"

#include <catch2/catch.hpp>

using namespace meibo;
using namespace meibo::test;

namespace {

bool hasPoppler() { return runProcess({"/usr/bin/which", "pdftotext"}).exitCode == 0; }

/// The text of each page, without spaces and line breaks (pdftotext puts them between table cells).
std::vector<std::string> pageTexts(const forms::RenderedPdf& pdf)
{
    TempDir dir;
    writeBytes(dir.file("d.pdf"), std::vector<std::uint8_t>(pdf.bytes.begin(), pdf.bytes.end()));
    std::vector<std::string> pages;
    for (int i = 1; i <= pdf.pages; ++i) {
        const auto run = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", "-f", std::to_string(i), "-l",
                                     std::to_string(i), dir.file("d.pdf"), "-"});
        std::string flat;
        for (char c : run.out)
            if (c != ' ' && c != '\n' && c != '\f')
                flat += c;
        pages.push_back(flat);
    }
    return pages;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// The sample roster with `workers` more 業務従事者 (D1, D2, …) reporting to B.
forms::RosterDocumentInput withWorkers(int workers)
{
    auto input = sampleRosterInput();
    const core::RosterEntry model = input.entries.at(3); // D
    for (int i = 1; i <= workers; ++i) {
        core::RosterEntry e = model;
        e.label = "D" + std::to_string(i);
        e.person.name = "従事 " + std::to_string(i) + "郎";
        input.entries.push_back(e);
    }
    return input;
}

} // namespace

TEST_CASE("form 4 and the structure document print the seed's headings, brackets full width", "[pdf][client]")
{
    if (!hasPoppler()) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    const auto input = sampleRosterInput();
    const auto form4 = pageTexts(forms::renderPdf(forms::form4Document(input), {}));
    REQUIRE(!form4.empty());
    CHECK(contains(form4[0], "情報取扱者名簿及び情報管理体制図"));
    CHECK(contains(form4[0], "①情報取扱者名簿"));
    forms::Image image;
    image.widthMm = 100;
    image.heightMm = 50;
    const auto structure = pageTexts(forms::renderPdf(forms::structureDocument(input, image), {}));
    REQUIRE(structure.size() == 1);
    CHECK(contains(structure[0], "情報取扱者名簿及び情報管理体制図"));
    CHECK(contains(structure[0], "②情報管理体制図"));
    CHECK(contains(structure[0], "（再委託先も含む。）"));

    // The sample's own data has no bracket: every bracket printed is the form's, and full width.
    std::string all;
    for (const auto& page : form4)
        all += page;
    for (const char* label : {"パスポート番号及び国籍（※4）", "情報管理責任者（※1）", "情報取扱管理者（※2）",
                              "業務従事者（※3）", "（※1）受託事業者", "（入管特例法の「特別永住者」を除く。）"})
        CHECK(contains(all, label));
    CHECK(all.find('(') == std::string::npos);
    CHECK(all.find(')') == std::string::npos);
}

TEST_CASE("a 区分 running on to the next page is labelled there too, and the ※ notes stay with the table",
          "[pdf][client]")
{
    if (!hasPoppler()) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    // Rosters long enough to break inside 業務従事者, and around the size where the notes would
    // have been left alone on a page of their own.
    int continued = 0;
    for (int workers = 8; workers <= 40; workers += 2) {
        const auto input = withWorkers(workers);
        const auto pages = pageTexts(forms::renderPdf(forms::form4Document(input), {}));
        INFO(workers << " more workers, " << pages.size() << " pages");
        REQUIRE(!pages.empty());
        const std::string last = "水銀三郎"; // F, the table's last row (再委託先)
        for (std::size_t p = 1; p < pages.size(); ++p) {
            INFO("page " << p + 1);
            // A page of the table's rows names their 区分; the notes are not alone on a page.
            bool rows = false;
            for (int k = 2; k <= workers; ++k)
                rows = rows || contains(pages[p], "従事" + std::to_string(k) + "郎");
            if (rows) {
                CHECK(contains(pages[p], "業務従事者（※3）"));
                ++continued;
            }
            if (contains(pages[p], "（※1）受託事業者"))
                CHECK(contains(pages[p], last));
        }
        for (const auto& page : pages)
            if (contains(page, "（※5）住所"))
                CHECK(contains(page, last));
    }
    CHECK(continued > 0); // the sizes tried did break the table
}

TEST_CASE("a draft status report's footer says 案 and names no command", "[pdf][client]")
{
    if (!hasPoppler()) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    forms::StatusReportInput in;
    in.organization.name = "株式会社サンプル情報研究所";
    in.contract.code = "METI-2026-01";
    in.contract.title = "水銀規制に関する国内外実態調査";
    in.report = core::newStatusReport(1, *core::parseIsoDate("2026-04-01"), *core::parseIsoDate("2026-09-30"), nullptr);
    in.reportDate = *core::parseIsoDate("2026-10-05");
    in.generated = "2026-10-05";
    const forms::Document doc = forms::statusReportDocument(in);
    CHECK(doc.footerLeft.find("案") != std::string::npos);
    const auto pages = pageTexts(forms::renderPdf(doc, {}));
    REQUIRE(!pages.empty());
    for (const auto& page : pages) {
        CHECK(contains(page, "案（未確定）"));
        CHECK_FALSE(contains(page, "meibo"));
        CHECK_FALSE(contains(page, "finalize"));
    }
}
