// DOCX line breaking: a date (昭和57年9月15日), a 記号, a country and a column heading (…国籍) stay on one line
// when LibreOffice lays the DOCX out — the cells are marked w:noWrap and their columns are sized from
// their text, within the page's width. Word cannot be run here; LibreOffice is the client.

#include "FormsTestSupport.h"

#include "meibo/forms/Disclosure.h"
#include "meibo/forms/DocxWriter.h"
#include "meibo/forms/JapaneseDate.h"

#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <sstream>

using namespace meibo;
using namespace meibo::test;

namespace {

/// The program's path ("" when it is not installed): runProcess does not search PATH.
std::string findProgram(const std::string& program)
{
    const ProcessResult which = runProcess({"/usr/bin/which", program});
    std::string path = which.exitCode == 0 ? which.out : std::string();
    while (!path.empty() && (path.back() == '\n' || path.back() == '\r'))
        path.pop_back();
    return path;
}

/// Birth dates whose 和暦 are the widest a roster meets (two-digit years, months and days), the
/// issue's 昭和57年9月15日, and an era's first year (元年).
const std::vector<const char*> kBirthDates = {"1982-09-15", "1988-12-28", "1989-01-08", "2000-11-30",
                                              "1975-10-10", "1963-12-31", "1999-07-07", "2019-05-01"};

/// A roster of `people` in the bench's shape, birth dates cycling through kBirthDates.
forms::RosterDocumentInput roster(int people)
{
    forms::RosterDocumentInput in = sampleRosterInput();
    in.entries.clear();
    const int managers = std::max(2, people / 25);
    for (int i = 0; i < people; ++i) {
        core::RosterEntry e;
        e.role = i == 0 ? core::Role::Responsible : i <= managers ? core::Role::Manager : core::Role::Worker;
        e.label = i == 0 ? "A" : (i <= managers ? "M" : "W") + std::to_string(i);
        e.reportsTo = i == 0 ? "" : i <= managers ? "A" : "M" + std::to_string(1 + i % managers);
        e.person.name = "従事者 " + std::to_string(i);
        e.person.address = "東京都千代田区霞が関一丁目" + std::to_string(i) + "番";
        e.person.birthDate = core::parseIsoDate(kBirthDates[static_cast<std::size_t>(i) % kBirthDates.size()]);
        e.person.department = "調査研究部";
        e.person.title = "研究員";
        e.person.nationality = i % 10 ? "JP" : "US";
        e.person.residenceStatus = i % 10 ? core::ResidenceStatus::Japanese : core::ResidenceStatus::Other;
        e.person.passportNo = i % 10 ? "" : "X1234567";
        e.need = "調査を担当";
        e.personId = i + 1;
        e.person.trackRecord = "産業保安分野の調査研究" + std::to_string(3 + i % 7) + "件";
        in.entries.push_back(e);
    }
    return in;
}

/// The grid's column widths (twips) of each table in document.xml.
std::vector<std::vector<long long>> grids(const std::string& xml)
{
    std::vector<std::vector<long long>> out;
    for (std::size_t at = xml.find("<w:tblGrid>"); at != std::string::npos; at = xml.find("<w:tblGrid>", at + 1)) {
        const std::size_t end = xml.find("</w:tblGrid>", at);
        const std::string grid = xml.substr(at, end - at);
        std::vector<long long> widths;
        const std::regex col(R"re(<w:gridCol w:w="(\d+)"/>)re");
        for (auto it = std::sregex_iterator(grid.begin(), grid.end(), col); it != std::sregex_iterator(); ++it)
            widths.push_back(std::stoll((*it)[1]));
        out.push_back(widths);
    }
    return out;
}

/// pdftotext's lines, each without its spaces (LibreOffice spaces Japanese from digits: "57 年").
std::vector<std::string> linesOf(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        line.erase(std::remove(line.begin(), line.end(), ' '), line.end());
        out.push_back(line);
    }
    return out;
}

std::size_t linesContaining(const std::vector<std::string>& lines, const std::string& what)
{
    std::size_t n = 0;
    for (const auto& l : lines)
        for (std::size_t at = l.find(what); at != std::string::npos; at = l.find(what, at + 1))
            ++n;
    return n;
}

} // namespace

TEST_CASE("DOCX: dates, 記号 and headings are one-line cells, their columns widened within the page", "[docx]")
{
    const auto in = roster(50);
    const std::string xml = zipEntry(forms::writeDocx(forms::form4Document(in)), "word/document.xml");
    // Every birth date's cell is marked, and so is every heading (区分 … 国籍).
    const std::string date = forms::japaneseDate(*core::parseIsoDate("1982-09-15"));
    CHECK(date == "昭和57年9月15日");
    const std::size_t at = xml.find(date);
    REQUIRE(at != std::string::npos);
    const std::size_t cell = xml.rfind("<w:tc>", at);
    CHECK(xml.substr(cell, at - cell).find("<w:noWrap/>") != std::string::npos);
    const std::size_t heading = xml.find("パスポート番号及び国籍");
    REQUIRE(heading != std::string::npos);
    CHECK(xml.substr(xml.rfind("<w:tc>", heading), heading - xml.rfind("<w:tc>", heading)).find("<w:noWrap/>") !=
          std::string::npos);
    // A name or an address still wraps.
    const std::size_t address = xml.find("東京都千代田区霞が関一丁目1番");
    REQUIRE(address != std::string::npos);
    CHECK(xml.substr(xml.rfind("<w:tc>", address), address - xml.rfind("<w:tc>", address)).find("<w:noWrap/>") ==
          std::string::npos);

    // The form gives 32 mm to the date and 38 mm to the passport column; the DOCX widens both to
    // their text (9 pt, with the spaces LibreOffice and Word put between kanji and digits) and the
    // table stays the text width of A4 landscape (257 mm).
    const auto tables = grids(xml);
    REQUIRE_FALSE(tables.empty());
    for (const auto& widths : tables) {
        REQUIRE(widths.size() == 8);
        long long total = 0;
        for (long long w : widths)
            total += w;
        CHECK(std::llabs(total - std::llround(257 * 1440 / 25.4)) <= 2);
        CHECK(widths[4] > std::llround(32 * 1440 / 25.4)); // 生年月日
        CHECK(widths[7] > std::llround(38 * 1440 / 25.4)); // パスポート番号及び国籍
        CHECK(widths[3] < std::llround(58 * 1440 / 25.4)); // 住所 gave the room
    }
}

TEST_CASE("DOCX: one-line cells that cannot all fit keep the form's widths", "[docx]")
{
    forms::Document doc;
    forms::Table t;
    t.columnWidthsMm = {20, 20};
    t.rows.push_back({forms::Cell::oneLine("とても長い見出しが二つの列の幅を合わせても入りきらない場合"),
                      forms::Cell::oneLine("こちらも同じく長い見出しで二つ合わせると紙に入りきらない")});
    doc.body.push_back(t);
    const auto widths = grids(zipEntry(forms::writeDocx(doc), "word/document.xml"));
    REQUIRE(widths.size() == 1);
    CHECK(widths.front() == std::vector<long long>{std::llround(20 * 1440 / 25.4), std::llround(20 * 1440 / 25.4)});
}

TEST_CASE("LibreOffice prints every date and the 国籍 heading of a 1,000-person form 4 DOCX on one line",
          "[docx][client]")
{
    const std::string soffice = findProgram("soffice"), pdftotext = findProgram("pdftotext"),
                      pdfinfo = findProgram("pdfinfo");
    if (soffice.empty() || pdftotext.empty() || pdfinfo.empty()) {
        WARN("soffice or poppler-utils are not installed: skipped");
        return;
    }
    TempDir dir;
    const auto in = roster(1000);
    writeBytes(dir.file("form4.docx"), [&] {
        const std::string b = forms::writeDocx(forms::form4Document(in));
        return std::vector<std::uint8_t>(b.begin(), b.end());
    }());
    forms::DisclosureFacts facts;
    const auto few = roster(60);
    writeBytes(dir.file("disclosure.docx"), [&] {
        const std::string b = forms::writeDocx(forms::disclosureDocument(few, facts));
        return std::vector<std::uint8_t>(b.begin(), b.end());
    }());
    const ProcessResult convert =
        runProcess({soffice, "--headless", "--convert-to", "pdf", "--outdir", dir.path(), dir.file("form4.docx"),
                    dir.file("disclosure.docx")},
                   {}, {"HOME=" + dir.path()});
    INFO(convert.out << convert.err);
    REQUIRE(convert.exitCode == 0);
    if (const char* keep = std::getenv("MEIBO_TEST_KEEP_PDF")) { // to look at the pages (pdftoppm)
        writeBytes(std::string(keep) + "-form4.pdf", readBytes(dir.file("form4.pdf")));
        writeBytes(std::string(keep) + "-disclosure.pdf", readBytes(dir.file("disclosure.pdf")));
    }

    // Still A4 landscape: the wider columns did not push the table off the paper.
    const ProcessResult info = runProcess({pdfinfo, dir.file("form4.pdf")});
    {
        const auto at = info.out.find("Page size:");
        REQUIRE(at != std::string::npos);
        std::istringstream size(info.out.substr(at + 10));
        double width = 0, height = 0;
        std::string x;
        size >> width >> x >> height;
        CHECK(width == Approx(841.9).margin(1));
        CHECK(height == Approx(595.3).margin(1));
    }

    const ProcessResult text = runProcess({pdftotext, "-enc", "UTF-8", dir.file("form4.pdf"), "-"});
    REQUIRE(text.exitCode == 0);
    const auto lines = linesOf(text.out);
    // Each date as often as the roster has it, every time whole on one line.
    std::map<std::string, std::size_t> expected;
    for (const auto& e : in.entries)
        ++expected[forms::japaneseDate(*e.person.birthDate)];
    REQUIRE(expected.size() == kBirthDates.size());
    for (const auto& [date, count] : expected) {
        INFO(date);
        CHECK(linesContaining(lines, date) == count);
    }
    // The heading on every page, whole: パスポート番号及び国籍 (its note ※4 on the line below).
    const int pages = [&] {
        const auto at = info.out.find("Pages:");
        return at == std::string::npos ? 0 : std::stoi(info.out.substr(at + 6));
    }();
    REQUIRE(pages > 10);
    CHECK(linesContaining(lines, "パスポート番号及び国籍") >= static_cast<std::size_t>(pages) - 1);
    CHECK(linesContaining(lines, "生年月日") >= static_cast<std::size_t>(pages) - 1);
    for (const auto& l : lines) {
        CHECK(l != "籍");
        CHECK(l != "日");
    }

    const ProcessResult disclosure = runProcess({pdftotext, "-enc", "UTF-8", dir.file("disclosure.pdf"), "-"});
    REQUIRE(disclosure.exitCode == 0);
    const auto dlines = linesOf(disclosure.out);
    CHECK(linesContaining(dlines, "国籍") >= 1);
    CHECK(linesContaining(dlines, "アメリカ合衆国") == 6); // a country's name is not split either (people 0, 10 … 50)
    for (const auto& l : dlines)
        CHECK(l != "籍");
}
