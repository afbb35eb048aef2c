// The export's data layouts (--csv-keys, --dates), the clause-4) disclosure and the deletion
// certificate's date through meibo-cli.

#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

using namespace meibo::test;
using nlohmann::json;

namespace {
const std::string kCli = MEIBO_CLI_PATH;
const std::string kSample = std::string(MEIBO_TEST_DATA) + "/roster-sample.csv";

struct Registry {
    TempDir dir;
    std::string vault = dir.file("r.meibo");
    std::string pass = dir.file("pass.txt");
    explicit Registry(bool withSample = true)
    {
        writeText(pass, "correct horse battery staple\n");
        REQUIRE(run({"init", "--kdf-ops", "1", "--kdf-mem-mib", "1", "--org-name", "テスト株式会社"}).exitCode == 0);
        REQUIRE(run({"contract", "add", "--code", "K1", "--title", "水銀規制に関する国内外実態調査", "--start", "2026-04-01",
                     "--end", "2027-03-31", "--signed", "2026-03-25"})
                    .exitCode == 0);
        if (withSample)
            REQUIRE(run({"import", "--contract", "K1", kSample}).exitCode == 0);
    }
    ProcessResult run(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {kCli, "-f", vault, "--passphrase-file", pass});
        return runProcess(args);
    }
    json roster() const
    {
        const auto r = run({"roster", "--contract", "K1", "--as-of", "2026-06-01", "--json"});
        REQUIRE(r.exitCode == 0);
        return json::parse(r.out)["entries"];
    }
};

std::string text(const std::vector<std::uint8_t>& bytes) { return {bytes.begin(), bytes.end()}; }
} // namespace

TEST_CASE("roster.csv in the Japanese layout and with --csv-keys imports back to the same roster", "[cli][export]")
{
    Registry r;
    const json original = r.roster();
    for (const std::vector<std::string>& options :
         {std::vector<std::string>{}, {"--csv-keys"}, {"--dates", "iso"}, {"--csv-keys", "--dates", "wareki"}}) {
        std::string shown;
        for (const auto& o : options)
            shown += o + " ";
        INFO(shown);
        TempDir t;
        std::vector<std::string> args{"export", "--contract", "K1", "--as-of", "2026-06-01", "--out", t.file("out")};
        args.insert(args.end(), options.begin(), options.end());
        const auto res = r.run(args);
        INFO(res.err);
        REQUIRE(res.exitCode == 0);
        const std::string csv = text(readBytes(t.file("out/roster.csv")));
        const bool keys = !options.empty() && options[0] == "--csv-keys";
        const bool iso = options == std::vector<std::string>{"--csv-keys"} || options == std::vector<std::string>{"--dates", "iso"};
        CHECK(csv.rfind(keys ? "\xEF\xBB\xBFrole,label,name," : "\xEF\xBB\xBF区分,記号,氏名,", 0) == 0);
        CHECK(csv.find(iso ? "1970-04-01" : "昭和45年4月1日") != std::string::npos);
        CHECK(csv.find(keys ? ",US," : ",アメリカ合衆国,") != std::string::npos);
        const std::string report = text(readBytes(t.file("out/disclosure.csv")));
        CHECK(report.rfind(keys ? "\xEF\xBB\xBFrole,label,name,organization," : "\xEF\xBB\xBF区分,記号,氏名,所属組織,", 0) == 0);
        CHECK(r.run({"verify", t.file("out")}).exitCode == 0);

        // Into a fresh registry: the same people, fields and dates.
        const Registry back(false);
        const auto imported = back.run({"import", "--contract", "K1", t.file("out/roster.csv")});
        INFO(imported.err);
        REQUIRE(imported.exitCode == 0);
        CHECK(back.roster() == original);
    }
}

TEST_CASE("a usage error in --dates changes nothing", "[cli][export]")
{
    Registry r;
    const auto before = readBytes(r.vault);
    TempDir t;
    const auto res = r.run({"export", "--contract", "K1", "--out", t.file("out"), "--dates", "showa"});
    CHECK(res.exitCode == 2);
    CHECK(res.err.find("--dates") != std::string::npos);
    CHECK_FALSE(exists(t.file("out")));
    CHECK(readBytes(r.vault) == before);
}

TEST_CASE("the deletion certificate is refused when dated before the last disposal it lists, naming it", "[cli][export]")
{
    Registry r;
    REQUIRE(r.run({"register", "add", "information", "--contract", "K1", "name=提供データ一式", "medium=electronic"})
                .exitCode == 0);
    REQUIRE(r.run({"register", "edit", "1", "disposal=delete", "disposed_on=2027-03-30", "confirmed_by=経済産業省 担当 一郎",
                   "confirmed_on=2027-03-31"})
                .exitCode == 0);
    const auto before = readBytes(r.vault);
    const std::string out = r.dir.file("cert");
    auto res = r.run({"export", "--contract", "K1", "--out", out, "--deletion-certificate", "--as-of", "2027-03-29"});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("dated 2027-03-29") != std::string::npos);
    CHECK(res.err.find("#1 “提供データ一式”") != std::string::npos);
    CHECK(res.err.find("2027-03-31") != std::string::npos);
    CHECK_FALSE(exists(out));
    CHECK(readBytes(r.vault) == before);
    res = r.run({"export", "--contract", "K1", "--out", out, "--deletion-certificate", "--as-of", "2027-03-31"});
    INFO(res.err);
    CHECK(res.exitCode == 0);
}
