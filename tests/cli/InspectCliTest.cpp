// `meibo-cli inspect`: exit 0 / 3 / 1 as in the interface, the JSON of findings, the registry's
// handlers found with -f, the report folder (CSV, signed PDF checked by pdfsig), the audit entry
// that records paths and counts only, and Meibo's own signed bundle giving no finding but the
// personal data its roster is meant to hold.

#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>

using namespace meibo::test;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {
const std::string kCli = MEIBO_CLI_PATH;
const std::string kData = std::string(MEIBO_TEST_DATA) + "/inspect/";
const std::vector<std::string> kEnglish{"LC_ALL=", "LC_MESSAGES=", "LANG=C.UTF-8"};
const std::vector<std::string> kJapanese{"LC_ALL=", "LC_MESSAGES=", "LANG=ja_JP.UTF-8"};

ProcessResult cli(const std::vector<std::string>& args, const std::vector<std::string>& env = kEnglish)
{
    std::vector<std::string> all{kCli};
    all.insert(all.end(), args.begin(), args.end());
    return runProcess(all, {}, env);
}

/// The demo registry (経済 太郎 and four others) and its signed export, made once.
struct Demo {
    TempDir dir;
    std::string root = dir.file("demo");
    std::string vault = root + "/demo.meibo";
    std::string pass = root + "/demo-passphrase.txt";
    std::string out = root + "/export-2026-10-05";
    Demo() { REQUIRE(cli({"demo", root}).exitCode == 0); }
    ProcessResult run(std::vector<std::string> args, const std::vector<std::string>& env = kEnglish) const
    {
        args.insert(args.begin(), {"-f", vault, "--passphrase-file", pass});
        return cli(args, env);
    }
};

Demo& demo()
{
    static Demo d;
    return d;
}

std::map<std::string, std::string> snapshot(const std::string& dir)
{
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) {
            const auto bytes = readBytes(e.path().string());
            out[e.path().string()] = std::string(bytes.begin(), bytes.end());
        }
    return out;
}

bool has(const std::string& program) { return runProcess({"/usr/bin/which", program}).exitCode == 0; }
} // namespace

TEST_CASE("inspect exits 0 for clean files, 3 for findings, 1 for a file it cannot read", "[cli][inspect]")
{
    auto clean = cli({"inspect", kData + "clean.xlsx", kData + "clean.docx", kData + "clean.pdf"});
    INFO(clean.out << clean.err);
    CHECK(clean.exitCode == 0);
    CHECK(clean.out == "Inspected 3 files: 0 findings (no registry: give -f to look for the handlers' personal data as well).\n");

    auto found = cli({"inspect", kData + "hidden.xlsx"});
    CHECK(found.exitCode == 3);
    CHECK(found.out.find(kData + "hidden.xlsx: 集計!3: Row 3 of the sheet “集計” is hidden") != std::string::npos);

    auto ja = cli({"inspect", kData + "hidden.xlsx"}, kJapanese);
    CHECK(ja.exitCode == 3);
    CHECK(ja.out.find("シート「作業用」が非表示です") != std::string::npos);
    CHECK(ja.out.find("1 個のファイルを点検し、指摘は 4 件でした") != std::string::npos);

    auto missing = cli({"inspect", kData + "clean.pdf", kData + "no-such.pdf"});
    CHECK(missing.exitCode == 1);
    CHECK(missing.out.find("no-such.pdf: There is no such file or folder") != std::string::npos);

    auto encrypted = cli({"inspect", kData + "encrypted.pdf"});
    CHECK(encrypted.exitCode == 1);

    CHECK(cli({"inspect"}).exitCode == 2);
}

TEST_CASE("inspect --json lists each finding with the interface's fields and stable rule ids", "[cli][inspect]")
{
    const auto r = cli({"inspect", kData + "changes.docx", kData + "attached.pdf", kData + "scanned.pdf", "--json"});
    REQUIRE(r.exitCode == 3);
    const json doc = json::parse(r.out);
    std::set<std::string> rules;
    for (const auto& f : doc["findings"]) {
        for (const char* key : {"rule", "file", "where", "message", "message_ja"})
            CHECK(f.contains(key));
        rules.insert(f["rule"].get<std::string>());
    }
    CHECK(rules == std::set<std::string>{"docx-tracked-change", "docx-hidden-text", "docx-comment", "office-personal-metadata",
                                         "pdf-embedded-file", "pdf-no-text-layer"});
    CHECK(doc["files"] == 3);
    CHECK(doc["registry"] == false);
}

TEST_CASE("with -f the registry's handler is found by address and 和暦 birth date, and the run is audited without content",
          "[cli][inspect]")
{
    const Demo& d = demo();
    const auto before = d.run({"audit", "list", "--limit", "1000", "--json"});
    REQUIRE(before.exitCode == 0);
    const auto r = d.run({"inspect", kData + "personal.xlsx", "--json"});
    INFO(r.err);
    REQUIRE(r.exitCode == 3);
    const json doc = json::parse(r.out);
    CHECK(doc["registry"] == true);
    std::vector<std::string> wheres;
    for (const auto& f : doc["findings"])
        if (f["rule"] == "personal-data")
            wheres.push_back(f["where"]);
    CHECK(wheres == std::vector<std::string>{"回答者!B2", "回答者!C2"});

    const auto after = d.run({"audit", "list", "--limit", "1000", "--json"});
    const json entries = json::parse(after.out)["entries"];
    REQUIRE(entries.size() == json::parse(before.out)["entries"].size() + 1);
    json entry;
    for (const auto& e : entries)
        if (e["action"] == "inspect.run")
            entry = e;
    REQUIRE(entry.is_object());
    const std::string recorded = entry["after"].dump();
    CHECK(recorded.find("personal.xlsx") != std::string::npos);
    CHECK(recorded.find("personal-data") != std::string::npos);
    CHECK(recorded.find("霞が関") == std::string::npos);  // no content: not the address
    CHECK(recorded.find("経済") == std::string::npos);    // nor the name
    CHECK(d.run({"audit", "verify"}).exitCode == 0);
}

TEST_CASE("Meibo's own signed bundle shows no hidden content, only the personal data the roster is meant to hold",
          "[cli][inspect][client]")
{
    const Demo& d = demo();
    const auto before = snapshot(d.out);
    const auto r = d.run({"inspect", d.out, "--json"});
    INFO(r.out << r.err);
    REQUIRE((r.exitCode == 0 || r.exitCode == 3));
    const json doc = json::parse(r.out);
    CHECK(doc["files"].get<int>() >= 10);
    std::set<std::string> files;
    for (const auto& f : doc["findings"]) {
        INFO(f.dump());
        const std::string rule = f["rule"];
        // The organization's own address in the report and the diagram is a warning to look at.
        CHECK((rule == "personal-data" || rule == "pattern-address"));
        if (rule == "personal-data")
            files.insert(fs::path(f["file"].get<std::string>()).filename().string());
        else
            CHECK(f["severity"] == "warning");
    }
    // The roster (様式4) lists each handler's address and birth date: that is what it is for, and
    // it is the only kind of document of the bundle that does. The clause-4 disclosure prints the
    // places of work on the pages that name the handlers, which the name-next-to-address rule
    // cannot tell from a home address: both go to the ministry, never to the public.
    CHECK_FALSE(files.empty());
    for (const auto& name : files)
        CHECK((name.find("roster") != std::string::npos || name.find("disclosure") != std::string::npos));
    CHECK(snapshot(d.out) == before); // nothing inspected was modified
}

TEST_CASE("a report folder gets the findings as CSV and a PDF signed with the registry's certificate", "[cli][inspect][client]")
{
    const Demo& d = demo();
    TempDir out;
    const std::string dir = out.file("report");
    const auto r = d.run({"inspect", kData + "hidden.xlsx", "--report", dir});
    INFO(r.err);
    REQUIRE(r.exitCode == 3);
    const auto csv = readBytes(dir + "/inspection.csv");
    const std::string text(csv.begin(), csv.end());
    CHECK(text.rfind("rule,severity,file,where,message,message_ja\r\n", 0) == 0);
    CHECK(text.find("xlsx-hidden-sheet,error,") != std::string::npos);
    REQUIRE(exists(dir + "/inspection.pdf"));
    if (!has("pdftotext") || !has("pdfsig")) {
        WARN("pdftotext/pdfsig missing: the report PDF is not checked");
        return;
    }
    TempDir home;
    const auto pdfText = runProcess({"/usr/bin/pdftotext", dir + "/inspection.pdf", "-"}).out;
    CHECK(pdfText.find("公開前点検の結果") != std::string::npos);
    CHECK(pdfText.find("xlsx-hidden-sheet") != std::string::npos);
    const auto sig = runProcess({"/usr/bin/pdfsig", "-no-ocsp", dir + "/inspection.pdf"}, {}, {"HOME=" + home.path()}).out;
    CHECK(sig.find("Signature is Valid.") != std::string::npos);

    // A second run into the same folder is refused and leaves the first report as it was.
    const auto again = d.run({"inspect", kData + "clean.pdf", "--report", dir});
    CHECK(again.exitCode == 1);
    CHECK(again.err.find("exists already") != std::string::npos);
    CHECK(readBytes(dir + "/inspection.csv") == csv);
}
