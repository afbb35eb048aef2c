// `meibo-cli import` with the files officers already have: CP932 CSV, Excel's Unicode text, the
// 様式4 workbook; every refusal in Japanese too, with the registry left as it was.

#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

using namespace meibo::test;
using json = nlohmann::json;

namespace {
const std::string kCli = MEIBO_CLI_PATH;
const std::string kData = std::string(MEIBO_TEST_DATA) + "/import/";
const std::vector<std::string> kEnglish{"LC_ALL=", "LC_MESSAGES=", "LANG=C.UTF-8"};
const std::vector<std::string> kJapanese{"LC_ALL=", "LC_MESSAGES=", "LANG=ja_JP.UTF-8"};

struct Registry {
    TempDir dir;
    std::string vault = dir.file("r.meibo");
    std::string pass = dir.file("pass.txt");
    Registry()
    {
        writeText(pass, "correct horse battery staple\n");
        REQUIRE(run({"init", "--kdf-ops", "1", "--kdf-mem-mib", "1"}).exitCode == 0);
        REQUIRE(run({"contract", "add", "--code", "K1", "--title", "水銀規制に関する国内外実態調査", "--start",
                     "2026-04-01", "--end", "2027-03-31", "--addressee", "化学物質管理課長"})
                    .exitCode == 0);
    }
    ProcessResult run(std::vector<std::string> args, const std::vector<std::string>& env = kEnglish) const
    {
        args.insert(args.begin(), {kCli, "-f", vault, "--passphrase-file", pass});
        return runProcess(args, {}, env);
    }
    json roster() const
    {
        const auto res = run({"roster", "--contract", "K1", "--as-of", "2026-06-01", "--json"});
        REQUIRE(res.exitCode == 0);
        return json::parse(res.out)["entries"];
    }
};

/// The three people of roster-ja.csv, as the registry holds them.
void checkJapaneseRoster(const json& entries)
{
    REQUIRE(entries.size() == 3);
    CHECK(entries[0]["name"] == "経済 太郎");
    CHECK(entries[0]["birth_date"] == "1970-04-01");
    CHECK(entries[1]["name"] == "髙橋 花子");
    CHECK(entries[1]["reports_to"] == "A");
    CHECK(entries[2]["passport_no"] == "TZ1234567");
    CHECK(entries[2]["nationality"] == "US");
}
} // namespace

TEST_CASE("a CP932 CSV with Japanese headers imports exactly, and the encoding is named", "[cli][import]")
{
    Registry r;
    auto res = r.run({"import", "--contract", "K1", kData + "roster-ja-cp932.csv"});
    INFO(res.err);
    REQUIRE(res.exitCode == 0);
    CHECK(res.err.find("Shift_JIS (CP932)") != std::string::npos);
    checkJapaneseRoster(r.roster());
}

TEST_CASE("Excel's Unicode text (UTF-16LE, tabs) imports exactly and --json names the encoding", "[cli][import]")
{
    Registry r;
    auto res = r.run({"import", "--contract", "K1", kData + "roster-ja-utf16le.txt", "--json"});
    INFO(res.err);
    REQUIRE(res.exitCode == 0);
    const auto out = json::parse(res.out);
    CHECK(out["encoding"] == "UTF-16LE");
    CHECK(out["format"] == "tsv");
    CHECK(out["added"] == 3);
    checkJapaneseRoster(r.roster());
}

TEST_CASE("an import refused prints each problem in Japanese with LANG=ja and message_ja in --json, and nothing changes",
          "[cli][import]")
{
    Registry r;
    const std::string file = r.dir.file("bad.csv");
    writeText(file, "区分,記号,氏名,生年月日\n業務従事者,D,x,1970-04-01\n業務従事者,E,y,昭和99年1月1日\n");
    const auto before = readBytes(r.vault);

    auto res = r.run({"import", "--contract", "K1", file}, kJapanese);
    CHECK(res.exitCode != 0);
    CHECK(res.err.find("何も取り込んでいません") != std::string::npos);
    CHECK(res.err.find("3行目・生年月日列") != std::string::npos);

    res = r.run({"import", "--contract", "K1", file, "--json"});
    CHECK(res.exitCode != 0);
    const auto out = json::parse(res.out);
    CHECK(out["imported"] == false);
    REQUIRE(out["issues"].size() == 1);
    CHECK(out["issues"][0]["line"] == 3);
    CHECK(out["issues"][0]["column"] == "birth_date");
    CHECK_FALSE(out["issues"][0]["message_ja"].get<std::string>().empty());
    CHECK(readBytes(r.vault) == before);
    CHECK(r.roster().empty());
}

TEST_CASE("the 様式4 workbook imports exactly, its rows from the contract's start", "[cli][import]")
{
    Registry r;
    auto res = r.run({"import", "--contract", "K1", kData + "form4.xlsx", "--json"});
    INFO(res.err);
    REQUIRE(res.exitCode == 0);
    const auto out = json::parse(res.out);
    CHECK(out["format"] == "xlsx");
    CHECK(out["sheet"] == "様式4");
    CHECK(out["added"] == 5);
    const auto entries = r.roster();
    REQUIRE(entries.size() == 5);
    CHECK(entries[0]["birth_date"] == "1970-04-01");
    CHECK(entries[2]["passport_no"] == "TZ1234567");
    CHECK(entries[2]["nationality"] == "US");
    CHECK(entries[3]["label"] == "D");
    CHECK(entries[3]["role"] == "業務従事者");
    CHECK(entries[4]["valid_from"] == "2026-04-01");
}

TEST_CASE("a workbook with two contracts' sheets is refused without --sheet, with the sheets named, and nothing changes",
          "[cli][import]")
{
    Registry r;
    const auto before = readBytes(r.vault);
    auto res = r.run({"import", "--contract", "K1", kData + "form4-two-sheets.xlsx"}, kJapanese);
    CHECK(res.exitCode != 0);
    CHECK(res.err.find("名簿のシートが複数あります（「K1」、「K2」）") != std::string::npos);
    CHECK(readBytes(r.vault) == before);
    CHECK(r.roster().empty());

    res = r.run({"import", "--contract", "K1", kData + "form4-two-sheets.xlsx", "--sheet", "K2"});
    INFO(res.err);
    REQUIRE(res.exitCode == 0);
    CHECK(r.roster().size() == 5);
}
