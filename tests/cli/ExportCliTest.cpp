// The signed bundle as the recipient checks it: pdfsig, openssl, LibreOffice, meibo-cli verify.

#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace meibo::test;

namespace {
const std::string kCli = MEIBO_CLI_PATH;

bool has(const std::string& program) { return runProcess({"/usr/bin/which", program}).exitCode == 0; }

/// One demo registry and export, shared by the tests below (the demo takes a second).
struct Demo {
    TempDir dir;
    std::string root = dir.file("demo");
    std::string vault = root + "/demo.meibo";
    std::string pass = root + "/demo-passphrase.txt";
    std::string out = root + "/export-2026-10-05";
    Demo() { REQUIRE(runProcess({kCli, "demo", root}).exitCode == 0); }
    ProcessResult cli(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {kCli, "-f", vault, "--passphrase-file", pass});
        return runProcess(args);
    }
};

Demo& demo()
{
    static Demo d;
    return d;
}

std::string pdfsig(const std::string& file)
{
    TempDir home;
    return runProcess({"/usr/bin/pdfsig", "-no-ocsp", file}, {}, {"HOME=" + home.path()}).out;
}
} // namespace

TEST_CASE("the demo's bundle holds every document, owner-only, and verifies", "[cli][export]")
{
    const Demo& d = demo();
    struct stat st{};
    REQUIRE(::stat(d.out.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    for (const char* name : {"form4-roster.pdf", "form4-roster.docx", "structure.pdf", "structure.docx", "structure.png",
                             "structure.svg", "roster.csv", "roster.xlsx", "status-report-1.pdf", "status-report-1.docx", "status-report-1.csv",
                             "compliance-methods.pdf", "compliance-methods.docx", "manifest.json", "manifest.json.p7s"}) {
        INFO(name);
        REQUIRE(::stat((d.out + "/" + name).c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }
    const auto manifest = nlohmann::json::parse(readBytes(d.out + "/manifest.json"));
    CHECK(manifest["contract"] == "METI-2026-01");
    CHECK(manifest["files"].size() == 13);
    const auto report = readBytes(d.out + "/status-report-1.csv");
    const std::string reportCsv(report.begin(), report.end());
    CHECK(reportCsv.rfind("\xEF\xBB\xBFitem,status,status_id,text\r\n2,実施,done,\r\n", 0) == 0);
    CHECK(reportCsv.find("\r\n12,該当なし,n/a,約款型クラウドサービスは利用していないため。\r\n") != std::string::npos);
    CHECK(std::count(reportCsv.begin(), reportCsv.end(), '\n') == 33);
    CHECK_FALSE(manifest["audit_head"].get<std::string>().empty());
    const auto v = runProcess({kCli, "verify", d.out});
    CHECK(v.exitCode == 0);
    CHECK(v.out.find("Every file matches") != std::string::npos);
}

TEST_CASE("pdfsig finds every PDF validly signed, and a changed byte a digest mismatch", "[cli][export][client]")
{
    if (!has("pdfsig")) {
        WARN("pdfsig is not installed: skipped");
        return;
    }
    const Demo& d = demo();
    for (const char* name : {"form4-roster.pdf", "structure.pdf", "status-report-1.pdf", "compliance-methods.pdf"}) {
        const std::string report = pdfsig(d.out + "/" + name);
        INFO(name << "\n" << report);
        CHECK(report.find("Signature is Valid.") != std::string::npos);
        CHECK(report.find("ETSI.CAdES.detached") != std::string::npos);
        CHECK(report.find("Total document signed") != std::string::npos);
        CHECK(report.find("株式会社サンプル情報研究所") != std::string::npos);
    }
    TempDir t;
    auto bytes = readBytes(d.out + "/form4-roster.pdf");
    bytes[bytes.size() / 3] ^= 0x01; // inside the signed range (the original page content)
    writeBytes(t.file("tampered.pdf"), bytes);
    const std::string report = pdfsig(t.file("tampered.pdf"));
    INFO(report);
    CHECK(report.find("Signature is Valid.") == std::string::npos);
    CHECK((report.find("Digest Mismatch") != std::string::npos || report.find("Signature is Invalid") != std::string::npos));
}

TEST_CASE("openssl verifies the manifest's detached CMS signature", "[cli][export][client]")
{
    if (!has("openssl")) {
        WARN("openssl is not installed: skipped");
        return;
    }
    const Demo& d = demo();
    const auto ok = runProcess({"/usr/bin/openssl", "cms", "-verify", "-inform", "DER", "-in", d.out + "/manifest.json.p7s",
                                "-content", d.out + "/manifest.json", "-binary", "-noverify", "-out", "/dev/null"});
    CHECK(ok.exitCode == 0);
    CHECK(ok.err.find("Verification successful") != std::string::npos);
    TempDir t;
    auto manifest = readBytes(d.out + "/manifest.json");
    manifest[10] ^= 0x01;
    writeBytes(t.file("m.json"), manifest);
    const auto bad = runProcess({"/usr/bin/openssl", "cms", "-verify", "-inform", "DER", "-in",
                                 d.out + "/manifest.json.p7s", "-content", t.file("m.json"), "-binary", "-noverify",
                                 "-out", "/dev/null"});
    CHECK(bad.exitCode != 0);
}

TEST_CASE("verify names a changed, a missing and an added file", "[cli][export]")
{
    const Demo& d = demo();
    TempDir t;
    const std::string copy = t.file("bundle");
    REQUIRE(runProcess({"/bin/cp", "-a", d.out, copy}).exitCode == 0);
    auto csv = readBytes(copy + "/roster.csv");
    csv.push_back('x');
    writeBytes(copy + "/roster.csv", csv);
    REQUIRE(::unlink((copy + "/structure.png").c_str()) == 0);
    writeText(copy + "/extra.txt", "not from Meibo");
    const auto r = runProcess({kCli, "verify", copy, "--json"});
    CHECK(r.exitCode == 1);
    const auto report = nlohmann::json::parse(r.out);
    CHECK(report["ok"] == false);
    const std::string problems = report["problems"].dump();
    CHECK(problems.find("roster.csv differs") != std::string::npos);
    CHECK(problems.find("structure.png is missing") != std::string::npos);
    CHECK(problems.find("extra.txt was added") != std::string::npos);
    // A changed manifest breaks its signature.
    auto m = readBytes(copy + "/manifest.json");
    m[5] ^= 0x01;
    writeBytes(copy + "/manifest.json", m);
    const auto r2 = runProcess({kCli, "verify", copy});
    CHECK(r2.exitCode == 1);
    CHECK(r2.err.find("signature does not match") != std::string::npos);
}

TEST_CASE("an export never writes into a folder that holds files, and is reproducible where it should be",
          "[cli][export]")
{
    const Demo& d = demo();
    auto r = d.cli({"export", "--contract", "METI-2026-01", "--as-of", "2026-06-01", "--out", d.out});
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("already holds files") != std::string::npos);
    TempDir t;
    r = d.cli({"export", "--contract", "METI-2026-01", "--as-of", "2026-06-01", "--out", t.file("second"), "--json"});
    REQUIRE(r.exitCode == 0);
    CHECK(nlohmann::json::parse(r.out)["personal_data"] == true);
    r = d.cli({"export", "--contract", "METI-2026-01", "--as-of", "2026-06-01", "--out", t.file("third")});
    REQUIRE(r.exitCode == 0);
    // The DOCX output is byte-for-byte the same for the same data and date (the registry's state,
    // printed as the audit-chain head, included).
    CHECK(readBytes(t.file("second") + "/form4-roster.docx") == readBytes(t.file("third") + "/form4-roster.docx"));
    CHECK(readBytes(t.file("second") + "/structure.docx") == readBytes(t.file("third") + "/structure.docx"));
    CHECK(readBytes(t.file("second") + "/roster.csv") == readBytes(d.out + "/roster.csv"));
}

TEST_CASE("the bundle's DOCX and XLSX pass the Open XML SDK validator", "[cli][export][client]")
{
    const char* validator = std::getenv("MEIBO_OOXML_VALIDATOR");
    if (!validator || !*validator) {
        WARN("MEIBO_OOXML_VALIDATOR is not set (./build.sh test sets it): skipped");
        return;
    }
    const Demo& d = demo();
    for (const char* name : {"form4-roster.docx", "structure.docx", "roster.xlsx", "status-report-1.docx",
                             "compliance-methods.docx"}) {
        const auto r = runProcess({validator, d.out + "/" + name});
        INFO(name << ": " << r.out << r.err);
        const auto at = r.out.find('{');
        REQUIRE(at != std::string::npos);
        const auto report = nlohmann::json::parse(r.out.substr(at));
        CHECK(report["ok"] == true);
    }
}

TEST_CASE("LibreOffice reads the XLSX back to the same rows as the CSV", "[cli][export][client]")
{
    if (!has("soffice")) {
        WARN("LibreOffice is not installed: skipped");
        return;
    }
    const Demo& d = demo();
    TempDir t;
    const auto conv = runProcess({"/usr/bin/soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                                  "--outdir", t.path(), d.out + "/roster.xlsx"},
                                 {}, {"HOME=" + t.path()});
    REQUIRE(conv.exitCode == 0);
    auto fromXlsx = readBytes(t.file("roster.csv"));
    auto csv = readBytes(d.out + "/roster.csv");
    auto normalise = [](std::vector<std::uint8_t> b) {
        std::string s(b.begin(), b.end());
        if (s.rfind("\xEF\xBB\xBF", 0) == 0)
            s.erase(0, 3);
        std::string out;
        for (char c : s)
            if (c != '\r' && c != '"')
                out += c;
        return out;
    };
    CHECK(normalise(fromXlsx) == normalise(csv));
}

TEST_CASE("LibreOffice converts every DOCX and the text is the data", "[cli][export][client]")
{
    if (!has("soffice") || !has("pdftotext")) {
        WARN("LibreOffice or pdftotext is not installed: skipped");
        return;
    }
    const Demo& d = demo();
    TempDir t;
    const auto conv = runProcess({"/usr/bin/soffice", "--headless", "--convert-to", "pdf", "--outdir", t.path(),
                                  d.out + "/form4-roster.docx", d.out + "/structure.docx", d.out + "/status-report-1.docx"},
                                 {}, {"HOME=" + t.path()});
    REQUIRE(conv.exitCode == 0);
    {
        const auto report = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", t.file("status-report-1.pdf"), "-"}).out;
        std::string flat;
        for (char c : report)
            if (c != ' ' && c != '\n')
                flat += c;
        for (const char* s : {"実施状況報告書", "別葉", "約款型クラウドサービスは利用していないため。", "該当なし"})
            CHECK(flat.find(s) != std::string::npos);
    }
    const auto text = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", t.file("form4-roster.pdf"), "-"}).out;
    std::string compact;
    for (char c : text)
        if (c != ' ' && c != '\n')
            compact += c;
    for (const char* s : {"情報取扱者名簿", "経済太郎", "EmilyCarter", "X12345678", "再委託先", "水銀三郎"})
        CHECK(compact.find(s) != std::string::npos);
}
