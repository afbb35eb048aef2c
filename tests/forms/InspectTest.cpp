// The pre-publication inspection (forms/Inspect.h) on files made by real clients (LibreOffice,
// qpdf: tests/data/inspect/README.md) and on hand-made OOXML and PDF for the rest: each gives its
// finding, clean files give none, and broken input is a finding — never a hang, a crash or a write.

#include "FormsTestSupport.h"

#include "meibo/forms/Inspect.h"
#include "meibo/forms/PdfRenderer.h"

#include <zip.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace meibo;
using meibo::test::TempDir;

namespace {

const std::string kData = std::string(MEIBO_TEST_DATA) + "/inspect/";

std::string slurp(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<forms::InspectFinding> inspectFile(const std::string& name, const forms::InspectOptions& options = {})
{
    return forms::inspectBytes(name, slurp(kData + name), options);
}

std::vector<std::string> rules(const std::vector<forms::InspectFinding>& findings)
{
    std::vector<std::string> out;
    for (const auto& f : findings)
        out.push_back(f.rule);
    return out;
}

const forms::InspectFinding* find(const std::vector<forms::InspectFinding>& findings, const std::string& rule)
{
    for (const auto& f : findings)
        if (f.rule == rule)
            return &f;
    return nullptr;
}

std::string describe(const std::vector<forms::InspectFinding>& findings)
{
    std::string out;
    for (const auto& f : findings)
        out += f.rule + " @ " + f.where + ": " + f.message + "\n";
    return out;
}

/// The registry's handler the fixtures name (as `meibo-cli demo` registers him).
forms::InspectOptions withRegistry()
{
    forms::InspectOptions options;
    options.people.push_back({"経済 太郎", "東京都千代田区霞が関一丁目3番1号", core::parseIsoDate("1970-04-01"), ""});
    options.people.push_back({"Emily Carter", "東京都目黒区中目黒二丁目1番1号", core::parseIsoDate("1990-06-30"), "X12345678"});
    options.knownAuthors.push_back("株式会社サンプル情報研究所");
    return options;
}

/// An OOXML package from part names and contents (libzip, as Office would store them).
std::string makeZip(const std::vector<std::pair<std::string, std::string>>& parts)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
    REQUIRE(src);
    zip_source_keep(src);
    zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
    REQUIRE(z);
    for (const auto& [name, data] : parts) {
        zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
        REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8) >= 0);
    }
    REQUIRE(zip_close(z) == 0);
    REQUIRE(zip_source_open(src) == 0);
    zip_source_seek(src, 0, SEEK_END);
    const zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    std::string out(static_cast<std::size_t>(size), '\0');
    zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(src);
    zip_source_free(src);
    return out;
}

const char* kWorkbookRels =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>)"
    R"(<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/connections" Target="connections.xml"/>)"
    R"(</Relationships>)";

/// A workbook with what LibreOffice cannot write: a very hidden sheet, a hidden name, filtered
/// rows, a zero-width column, invisible text, an external link, a data connection, macros,
/// an embedded object, custom XML and personal properties.
std::string handMadeWorkbook()
{
    const std::string ns = R"( xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
    return makeZip({
        {"[Content_Types].xml", R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
        {"xl/workbook.xml", "<workbook" + ns + "><sheets><sheet name=\"公開\" sheetId=\"1\" r:id=\"rId1\"/>"
                            "<sheet name=\"計算\" sheetId=\"2\" state=\"veryHidden\" r:id=\"rId2\"/></sheets>"
                            "<definedNames><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">公開!$A$1:$B$4</definedName>"
                            "<definedName name=\"原価\" hidden=\"1\">計算!$A$1</definedName></definedNames></workbook>"},
        {"xl/_rels/workbook.xml.rels", kWorkbookRels},
        {"xl/styles.xml", "<styleSheet" + ns + "><fonts count=\"2\"><font/><font><color rgb=\"FFFFFFFF\"/></font></fonts>"
                          "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
                          "<cellXfs count=\"2\"><xf fontId=\"0\" fillId=\"0\"/><xf fontId=\"1\" fillId=\"0\"/></cellXfs></styleSheet>"},
        {"xl/worksheets/sheet1.xml", "<worksheet" + ns + "><cols><col min=\"3\" max=\"3\" width=\"0\" customWidth=\"1\"/></cols><sheetData>"
                                     "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>区分</t></is></c></row>"
                                     "<row r=\"2\" hidden=\"1\"><c r=\"A2\" t=\"inlineStr\"><is><t>対象外</t></is></c></row>"
                                     "<row r=\"3\"><c r=\"A3\" s=\"1\" t=\"inlineStr\"><is><t>見えない注記</t></is></c></row>"
                                     "</sheetData><autoFilter ref=\"A1:B4\"/></worksheet>"},
        {"xl/worksheets/sheet2.xml", "<worksheet" + ns + "><sheetData><row r=\"1\"><c r=\"A1\"><v>1200</v></c></row></sheetData></worksheet>"},
        {"xl/externalLinks/externalLink1.xml", "<externalLink" + ns + "/>"},
        {"xl/connections.xml", "<connections" + ns + "/>"},
        {"xl/vbaProject.bin", "not really VBA"},
        {"xl/embeddings/oleObject1.bin", "an embedded document"},
        {"customXml/item1.xml", "<data>internal</data>"},
        {"docProps/core.xml", R"(<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>佐藤 一郎</dc:creator><cp:lastModifiedBy>株式会社サンプル情報研究所</cp:lastModifiedBy></cp:coreProperties>)"},
        {"docProps/app.xml", R"(<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>社外秘株式会社</Company></Properties>)"},
    });
}

} // namespace

TEST_CASE("a workbook LibreOffice saved with a hidden row, column and sheet and a comment gives each finding", "[inspect][client]")
{
    const auto findings = inspectFile("hidden.xlsx");
    INFO(describe(findings));
    const auto* row = find(findings, "xlsx-hidden-row");
    REQUIRE(row);
    CHECK(row->where == "集計!3");
    CHECK(row->message.find("Row 3 of the sheet “集計” is hidden") != std::string::npos);
    CHECK(row->messageJa.find("シート「集計」の行 3 が非表示") != std::string::npos);
    const auto* column = find(findings, "xlsx-hidden-column");
    REQUIRE(column);
    CHECK(column->where == "集計!B");
    const auto* sheet = find(findings, "xlsx-hidden-sheet");
    REQUIRE(sheet);
    CHECK(sheet->where == "作業用");
    const auto* comment = find(findings, "xlsx-comment");
    REQUIRE(comment);
    CHECK(comment->where == "集計!C1");
    for (const auto& f : findings) {
        CHECK(f.file == "hidden.xlsx");
        CHECK_FALSE(f.message.empty());
        CHECK_FALSE(f.messageJa.empty());
    }
}

TEST_CASE("a document with tracked changes, hidden text, a comment and its author gives each finding", "[inspect][client]")
{
    const auto findings = inspectFile("changes.docx");
    INFO(describe(findings));
    const auto* changes = find(findings, "docx-tracked-change");
    REQUIRE(changes);
    CHECK(changes->message.find("2 tracked changes") != std::string::npos);
    CHECK(changes->message.find("髙橋 花子") != std::string::npos);
    CHECK(changes->where == "word/document.xml ¶1");
    const auto* hidden = find(findings, "docx-hidden-text");
    REQUIRE(hidden);
    CHECK(hidden->where == "word/document.xml ¶2");
    REQUIRE(find(findings, "docx-comment"));
    const auto* meta = find(findings, "office-personal-metadata");
    REQUIRE(meta);
    CHECK(meta->message.find("髙橋 花子") != std::string::npos);
}

TEST_CASE("clean files from LibreOffice and qpdf give no finding", "[inspect][client]")
{
    for (const char* name : {"clean.xlsx", "clean.docx", "clean.pdf"}) {
        INFO(name);
        const auto findings = inspectFile(name, withRegistry());
        INFO(describe(findings));
        CHECK(findings.empty());
    }
}

TEST_CASE("Meibo's own roster as PDF, rendered by the forms, has a text layer and no hidden content", "[inspect]")
{
    const auto input = test::sampleRosterInput();
    const auto pdf = forms::renderPdf(forms::form4Document(input), {});
    forms::InspectOptions organization;
    organization.knownAuthors.push_back(input.organization.name);
    const auto findings = forms::inspectBytes("roster.pdf", pdf.bytes, organization);
    INFO(describe(findings));
    for (const auto& f : findings) // the roster holds addresses: only the pattern warnings may show
        CHECK((f.rule == "pattern-address" || f.rule == "pattern-phone" || f.rule == "pattern-email"));
    CHECK_FALSE(find(findings, "pdf-no-text-layer"));
    // The sample's people are found by their registry entries, through the text layer.
    forms::InspectOptions options;
    const auto& first = input.entries.front().person;
    options.people.push_back({first.name, first.address, first.birthDate, first.passportNo});
    options.knownAuthors.push_back(input.organization.name);
    const auto matched = forms::inspectBytes("roster.pdf", pdf.bytes, options);
    const auto* personal = find(matched, "personal-data");
    REQUIRE(personal);
    CHECK(personal->where == "page 1");
    CHECK(personal->message.find(first.name) != std::string::npos);
}

TEST_CASE("the registry's handler is found in a workbook by address, 和暦 birth date and name next to it", "[inspect][client]")
{
    const auto findings = inspectFile("personal.xlsx", withRegistry());
    INFO(describe(findings));
    std::vector<std::string> wheres;
    for (const auto& f : findings)
        if (f.rule == "personal-data")
            wheres.push_back(f.where);
    CHECK(wheres == std::vector<std::string>{"回答者!B2", "回答者!C2"});
    const auto* address = find(findings, "personal-data");
    REQUIRE(address);
    CHECK(address->message.find("address of the handler 経済 太郎") != std::string::npos);
    CHECK(address->messageJa.find("シート「回答者」のセル B2に、名簿の取扱者 経済 太郎 の住所") != std::string::npos);
    // Without a registry the address is still a pattern, but no birth date can be known.
    const auto anonymous = inspectFile("personal.xlsx");
    CHECK(find(anonymous, "pattern-address"));
    CHECK_FALSE(find(anonymous, "personal-data"));
}

TEST_CASE("personal data in CSV and text: every form of a birth date, passport, patterns without a registry", "[inspect]")
{
    const std::string csv = "no,text\n"
                            "1,生年月日 1970/4/1\n"
                            "2,1970年04月01日生\n"
                            "3,passport ｘ１２３４５６７８\n"
                            "4,1970/4/10 is another day\n"
                            "5,連絡先 taro@example.co.jp 03-1234-5678\n"
                            "6,番号 123456789018\n"
                            "7,番号 123456789012\n"
                            "8,〒100-8901 東京都千代田区霞が関\n";
    const auto findings = forms::inspectBytes("list.csv", csv, withRegistry());
    INFO(describe(findings));
    std::vector<std::string> got;
    for (const auto& f : findings)
        got.push_back(f.rule + "@" + f.where);
    CHECK(got == std::vector<std::string>{"personal-data@line 2", "personal-data@line 3", "personal-data@line 4",
                                          "pattern-phone@line 6", "pattern-email@line 6", "pattern-my-number@line 7",
                                          "pattern-address@line 9"});
    CHECK(find(findings, "pattern-email")->warning);
    CHECK_FALSE(find(findings, "personal-data")->warning);
}

TEST_CASE("hand-made workbook: very hidden sheet, hidden name, filter, zero width, invisible text, links, macros", "[inspect]")
{
    const auto findings = forms::inspectBytes("book.xlsm", handMadeWorkbook(), withRegistry());
    INFO(describe(findings));
    const std::vector<std::string> expected{"office-macro", "office-embedded-object", "office-custom-xml",
                                            "office-personal-metadata", "office-personal-metadata", "xlsx-hidden-name",
                                            "xlsx-hidden-column", "xlsx-invisible-text", "xlsx-filtered-row",
                                            "xlsx-hidden-sheet", "xlsx-external-link", "xlsx-data-connection"};
    CHECK(rules(findings) == expected);
    CHECK(find(findings, "xlsx-hidden-sheet")->message.find("very hidden") != std::string::npos);
    CHECK(find(findings, "xlsx-hidden-column")->where == "公開!C");
    CHECK(find(findings, "xlsx-invisible-text")->where == "公開!A3");
    CHECK(find(findings, "xlsx-filtered-row")->where == "公開!2");
    CHECK(find(findings, "xlsx-hidden-name")->where == "原価");
    // The organization named in the registry may stand in the properties; a person may not.
    CHECK(find(findings, "office-personal-metadata")->message.find("佐藤 一郎") != std::string::npos);
    for (const auto& f : findings)
        CHECK(f.message.find("株式会社サンプル情報研究所") == std::string::npos);
}

TEST_CASE("hand-made document: white and 1-point text", "[inspect]")
{
    const std::string w = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";
    const auto docx = makeZip({{"word/document.xml", std::string("<w:document ") + w + "><w:body>"
                                                     "<w:p><w:r><w:t>本文</w:t></w:r></w:p>"
                                                     "<w:p><w:r><w:rPr><w:color w:val=\"FFFFFF\"/></w:rPr><w:t>白い字</w:t></w:r></w:p>"
                                                     "<w:p><w:r><w:rPr><w:sz w:val=\"2\"/></w:rPr><w:t>小さい字</w:t></w:r></w:p>"
                                                     "<w:p><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>見える字</w:t></w:r></w:p>"
                                                     "</w:body></w:document>"}});
    const auto findings = forms::inspectBytes("memo.docx", docx, {});
    INFO(describe(findings));
    CHECK(rules(findings) == std::vector<std::string>{"docx-white-text", "docx-tiny-text"});
    CHECK(find(findings, "docx-white-text")->where == "word/document.xml ¶2");
    CHECK(find(findings, "docx-tiny-text")->where == "word/document.xml ¶3");
}

TEST_CASE("PDF: an attachment qpdf added, a scanned page, JavaScript, a form, an annotation, an earlier revision, an author",
          "[inspect][client]")
{
    auto attached = inspectFile("attached.pdf");
    INFO(describe(attached));
    REQUIRE(rules(attached) == std::vector<std::string>{"pdf-embedded-file"});
    CHECK(attached[0].where == "memo.txt");

    const auto scanned = inspectFile("scanned.pdf");
    REQUIRE(rules(scanned) == std::vector<std::string>{"pdf-no-text-layer"});
    CHECK(scanned[0].where == "page 1");
    CHECK(scanned[0].messageJa.find("透明テキスト") != std::string::npos);

    const auto scripted = inspectFile("scripted.pdf");
    INFO(describe(scripted));
    CHECK(rules(scripted) == std::vector<std::string>{"pdf-javascript", "pdf-form-field", "pdf-annotation"});
    CHECK(find(scripted, "pdf-form-field")->where == "remarks");

    const auto revised = inspectFile("incremental.pdf");
    CHECK(rules(revised) == std::vector<std::string>{"pdf-incremental-update"});

    const auto authored = inspectFile("changes.pdf");
    INFO(describe(authored));
    REQUIRE(find(authored, "pdf-metadata"));
    CHECK(find(authored, "pdf-metadata")->message.find("髙橋 花子") != std::string::npos);
}

TEST_CASE("bad input is a finding, never a hang or a crash: encrypted, truncated, a ZIP bomb, 50,000 pages", "[inspect]")
{
    const auto encrypted = inspectFile("encrypted.pdf");
    REQUIRE(rules(encrypted) == std::vector<std::string>{"file-unreadable"});
    CHECK(encrypted[0].message.find("encrypted with a password") != std::string::npos);

    const std::string xlsx = slurp(kData + "hidden.xlsx");
    const auto truncated = forms::inspectBytes("cut.xlsx", xlsx.substr(0, xlsx.size() / 2), {});
    REQUIRE(rules(truncated) == std::vector<std::string>{"file-unreadable"});
    CHECK(truncated[0].message.find("ZIP container is damaged") != std::string::npos);

    const auto ole = forms::inspectBytes("secret.xlsx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'), {});
    REQUIRE(rules(ole) == std::vector<std::string>{"file-unreadable"});

    // 80 MB of zeros compress to about 80 KB: refused at 64 MB, without reading the rest.
    const auto bomb = makeZip({{"xl/workbook.xml", std::string(80u * 1024 * 1024, ' ')}});
    CHECK(bomb.size() < 1024 * 1024);
    const auto t0 = std::chrono::steady_clock::now();
    const auto bombed = forms::inspectBytes("bomb.xlsx", bomb, {});
    REQUIRE(rules(bombed) == std::vector<std::string>{"file-unreadable"});
    CHECK(bombed[0].message.find("ZIP bomb") != std::string::npos);

    // A PDF of 50,000 pages sharing one content stream (hand-written objects and xref).
    const int pages = 50000;
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    auto obj = [&](const std::string& body) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    std::string kids;
    for (int i = 0; i < pages; ++i)
        kids += std::to_string(5 + i) + " 0 R ";
    obj("<< /Type /Catalog /Pages 2 0 R >>");
    obj("<< /Type /Pages /Count " + std::to_string(pages) + " /Kids [" + kids + "] >>");
    obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    const std::string content = "BT /F1 12 Tf 72 720 Td (Page) Tj ET";
    obj("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
    for (int i = 0; i < pages; ++i)
        obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>");
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t o : offsets) {
        char line[24];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    const auto huge = forms::inspectBytes("huge.pdf", pdf, {});
    INFO(describe(huge));
    REQUIRE(rules(huge) == std::vector<std::string>{"pdf-page-limit"});
    CHECK(huge[0].message.find("50000 pages") != std::string::npos);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(seconds < 30);
}

TEST_CASE("inspecting a folder reads every file, names a missing path, and changes nothing", "[inspect]")
{
    TempDir dir;
    namespace fs = std::filesystem;
    fs::create_directories(dir.file("deliverables/data"));
    for (const char* name : {"hidden.xlsx", "changes.docx", "attached.pdf", "clean.pdf"})
        fs::copy_file(kData + name, dir.file(std::string("deliverables/") + (std::string(name) == "clean.pdf" ? "data/" : "") + name));
    std::map<std::string, std::string> before;
    for (const auto& e : fs::recursive_directory_iterator(dir.file("deliverables")))
        if (e.is_regular_file())
            before[e.path().string()] = slurp(e.path().string());
    const auto times = fs::last_write_time(dir.file("deliverables/hidden.xlsx"));

    const auto result = forms::inspectPaths({dir.file("deliverables"), dir.file("missing.pdf")}, {});
    CHECK(result.files == 4);
    CHECK(result.unreadable == 1);
    std::set<std::string> files;
    for (const auto& f : result.findings)
        files.insert(fs::path(f.file).filename().string());
    CHECK(files == std::set<std::string>{"hidden.xlsx", "changes.docx", "attached.pdf", "missing.pdf"});
    const auto* missing = find(result.findings, "file-unreadable");
    REQUIRE(missing);
    CHECK(missing->file == dir.file("missing.pdf"));

    for (const auto& [path, bytes] : before)
        CHECK(slurp(path) == bytes);
    CHECK(fs::last_write_time(dir.file("deliverables/hidden.xlsx")) == times);
}

TEST_CASE("the findings as CSV quote what needs it and never start a formula", "[inspect]")
{
    const std::string csv = forms::inspectCsv({{"pdf-metadata", "a,b.pdf", "Info/Author", "=1+1 \"x\"", "作成者", false}});
    CHECK(csv == "rule,severity,file,where,message,message_ja\r\n"
                 "pdf-metadata,error,\"a,b.pdf\",Info/Author,\"'=1+1 \"\"x\"\"\",作成者\r\n");
}
