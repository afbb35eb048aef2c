// The person record through meibo-cli, tried as an adversary would: bytes that are not text, a label
// that now names someone else, a pre-contract bundle that must not carry personal data (※5).

#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <dirent.h>

#include <algorithm>

using namespace meibo::test;

namespace {
const std::string kCli = MEIBO_CLI_PATH;
const std::string kSample = std::string(MEIBO_TEST_DATA) + "/roster-sample.csv";

struct Registry {
    TempDir dir;
    std::string vault = dir.file("r.meibo");
    std::string pass = dir.file("pass.txt");
    Registry()
    {
        writeText(pass, "correct horse battery staple\n");
        REQUIRE(run({"init", "--kdf-ops", "1", "--kdf-mem-mib", "1", "--org-name", "株式会社サンプル"}).exitCode == 0);
        REQUIRE(run({"contract", "add", "--code", "K1", "--title", "水銀規制に関する国内外実態調査", "--start",
                     "2026-04-01", "--end", "2027-03-31"})
                    .exitCode == 0);
    }
    ProcessResult run(std::vector<std::string> args, std::vector<std::string> env = {}) const
    {
        args.insert(args.begin(), {kCli, "-f", vault, "--passphrase-file", pass});
        return runProcess(args, {}, env);
    }
    ProcessResult import(const std::string& name, const std::string& csv) const
    {
        writeText(dir.file(name), csv);
        return run({"import", "--contract", "K1", dir.file(name)});
    }
};

std::vector<std::string> filesIn(const std::string& dir)
{
    std::vector<std::string> out;
    if (DIR* d = ::opendir(dir.c_str())) {
        while (const dirent* e = ::readdir(d))
            if (e->d_name[0] != '.')
                out.push_back(dir + "/" + e->d_name);
        ::closedir(d);
    }
    return out;
}

/// What a reader of the file gets as text: pdftotext for PDF, every part of a zip (DOCX, XLSX),
/// the bytes of the rest.
std::string textOf(const std::string& file)
{
    auto endsWith = [&](const char* ext) {
        const std::string e(ext);
        return file.size() >= e.size() && file.compare(file.size() - e.size(), e.size(), e) == 0;
    };
    if (endsWith(".pdf")) {
        // The text layer, and the raw file (metadata, any string Qt wrote).
        const auto r = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", file, "-"});
        const auto bytes = readBytes(file);
        return r.out + std::string(bytes.begin(), bytes.end());
    }
    if (endsWith(".docx") || endsWith(".xlsx"))
        return runProcess({"/usr/bin/unzip", "-p", file}).out;
    const auto bytes = readBytes(file);
    return std::string(bytes.begin(), bytes.end());
}
} // namespace

TEST_CASE("control characters, bad UTF-8 and overlong values are refused by line and column, the registry "
          "byte for byte as it was",
          "[cli][identity]")
{
    Registry r;
    REQUIRE(r.import("ok.csv", "role,label,name\n情報管理責任者,A,経済 太郎\n").exitCode == 0);
    const auto before = readBytes(r.vault);
    struct Case {
        const char* what;
        std::string csv;
        const char* where;
        const char* says;
    };
    const std::vector<Case> cases = {
        {"NUL", "role,label,name,title\n業務従事者,B,佐藤 花子,主任" + std::string(1, '\0') + "研究員\n",
         "line 2, column title", "control character U+0000"},
        {"escape", "role,label,name\n業務従事者,B,佐藤\x1b[31m花子\n", "line 2, column name",
         "control character U+001B"},
        {"overlong", "role,label,name\n業務従事者,B,\xC0\xAF\n", "line 2, column name", "not valid UTF-8"},
        {"surrogate", "role,label,name\n業務従事者,B,\xED\xA0\x80\n", "line 2, column name", "not valid UTF-8"},
        {"bidi override", "role,label,name\n業務従事者,B,佐藤\xE2\x80\xAE花子\n", "line 2, column name",
         "direction control"},
        {"line break in a name", "role,label,name\n業務従事者,B,\"佐藤\n花子\"\n", "line 2, column name", "line break"},
        {"20,000-character address",
         "role,label,name,address\n業務従事者,B,佐藤 花子," + std::string(20000, 'x') + "\n", "line 2, column address",
         "20000 characters; at most 200"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        const auto res = r.import("bad.csv", c.csv);
        INFO(res.err);
        CHECK(res.exitCode == 1);
        CHECK(res.err.find(c.where) != std::string::npos);
        CHECK(res.err.find(c.says) != std::string::npos);
        CHECK(res.err.find("nothing was imported") != std::string::npos);
        CHECK(readBytes(r.vault) == before);
    }
    // The Japanese messages name the row and the form's column.
    const auto ja = r.run({"import", "--contract", "K1", r.dir.file("bad.csv")}, {"LANG=ja_JP.UTF-8"});
    CHECK(ja.err.find("2行目・個人住所列") != std::string::npos);
    // `person set` and the dialog go through the same rule.
    const auto set = r.run({"person", "set", "1", std::string("title=主任") + "\x07"});
    CHECK(set.exitCode == 1);
    CHECK(set.err.find("title: character 3 is the control character U+0007") != std::string::npos);
    CHECK(readBytes(r.vault) == before);
}

TEST_CASE("a later import cannot turn 佐藤 花子 into 田中 次郎", "[cli][identity]")
{
    Registry r;
    REQUIRE(r.import("first.csv", "role,label,name,birth_date,department,reports_to\n"
                                  "情報管理責任者,A,経済 太郎,1970-04-01,情報セキュリティ部,\n"
                                  "業務従事者,B,佐藤 花子,1985-05-05,開発部,A\n")
                .exitCode == 0);
    const auto before = readBytes(r.vault);
    const auto res = r.import("second.csv", "role,label,name,birth_date,department\n業務従事者,B,田中 次郎,,\n");
    INFO(res.err);
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("佐藤 花子 (1985-05-05") != std::string::npos);
    CHECK(res.err.find("田中 次郎") != std::string::npos);
    CHECK(readBytes(r.vault) == before);
    const auto people = nlohmann::json::parse(r.run({"person", "list", "--json"}).out);
    CHECK(people.dump().find("佐藤 花子") != std::string::npos);
    CHECK(people.dump().find("田中 次郎") == std::string::npos);
    // In Japanese, without a command line.
    const auto ja = r.run({"import", "--contract", "K1", r.dir.file("second.csv")}, {"LANG=ja_JP.UTF-8"});
    CHECK(ja.err.find("記号 B は 佐藤 花子") != std::string::npos);
    CHECK(ja.err.find("`meibo-cli") == std::string::npos);
    CHECK(ja.err.find("--") == std::string::npos);
}

TEST_CASE("a bundle made before signing carries no address or date of birth in any file (※5)", "[cli][identity]")
{
    Registry r;
    REQUIRE(r.run({"import", "--contract", "K1", kSample}).exitCode == 0);
    const std::string out = r.dir.file("bundle");
    const auto res = r.run({"export", "--contract", "K1", "--as-of", "2026-06-01", "--out", out});
    INFO(res.err);
    REQUIRE(res.exitCode == 0);
    const auto files = filesIn(out);
    REQUIRE(files.size() >= 8);
    int kinds = 0;
    for (const std::string& file : files) {
        INFO(file);
        const std::string text = textOf(file);
        CHECK(!text.empty());
        for (const char* secret : {"東京都千代田区霞が関一丁目3番1号", "東京都目黒区中目黒二丁目1番1号", "1970-04-01",
                                   "昭和45年4月1日", "1990-06-30", "平成2年6月30日"})
            CHECK(text.find(secret) == std::string::npos);
        ++kinds;
    }
    // The same bundle once signed carries them (the test can see them when they are there).
    REQUIRE(r.run({"contract", "set", "K1", "--signed", "2026-04-01"}).exitCode == 0);
    const std::string signedOut = r.dir.file("bundle-signed");
    REQUIRE(r.run({"export", "--contract", "K1", "--as-of", "2026-06-01", "--out", signedOut}).exitCode == 0);
    CHECK(textOf(signedOut + "/roster.csv").find("東京都千代田区霞が関一丁目3番1号") != std::string::npos);
    CHECK(textOf(signedOut + "/roster.xlsx").find("昭和45年4月1日") != std::string::npos); // 和暦 by default
    CHECK(kinds >= 8);
}

TEST_CASE("ids that overflow or are hex, negative limits and impossible dates are usage errors in one sentence",
          "[cli][usage]")
{
    Registry r;
    REQUIRE(r.import("ok.csv", "role,label,name\n情報管理責任者,A,経済 太郎\n").exitCode == 0);
    const auto before = readBytes(r.vault);
    const std::vector<std::vector<std::string>> calls = {
        {"person", "show", "0x10"},
        {"person", "show", "99999999999999999999"},
        {"person", "show", "-1"},
        {"change", "show", "1e3"},
        {"report", "show", "0x10"},
        {"audit", "list", "--limit", "-5"},
        {"roster", "--contract", "K1", "--as-of", "2026-02-30"},
        {"end", "--contract", "K1", "--label", "A", "--on", "tomorrow"},
    };
    for (const auto& args : calls) {
        const auto res = r.run(args);
        INFO(args[0] << " " << args[1] << ": " << res.err);
        CHECK(res.exitCode == 2);
        CHECK(std::count(res.err.begin(), res.err.end(), '\n') == 1); // one line
        CHECK(res.err.find("meibo-cli help") != std::string::npos);
        CHECK(res.err.find("stoll") == std::string::npos);
        CHECK(res.err.find("could not be converted") == std::string::npos);
        CHECK(readBytes(r.vault) == before);
    }
}

TEST_CASE("a bad value in change add --set is refused naming the field, and nothing is added", "[cli][identity]")
{
    Registry r;
    REQUIRE(r.import("ok.csv", "role,label,name\n情報管理責任者,A,経済 太郎\n").exitCode == 0);
    const auto created = r.run({"change", "new", "--contract", "K1", "--effective", "2026-10-01", "--reason", "x"});
    REQUIRE(created.exitCode == 0);
    const auto before = readBytes(r.vault);
    const auto res = r.run({"change", "add", "1", "--set", "A", "nationality=XX"});
    INFO(res.err);
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("nationality: “XX” is not valid here") != std::string::npos);
    const auto ja = r.run({"change", "add", "1", "--set", "A", "nationality=XX"}, {"LANG=ja_JP.UTF-8"});
    CHECK(ja.err.find("国籍：「XX」は使えません") != std::string::npos);
    CHECK(readBytes(r.vault) == before);
}
