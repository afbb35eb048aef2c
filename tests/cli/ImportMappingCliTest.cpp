// `meibo-cli import --column HEADER=FIELD`: the same mapping as the GUI's import wizard, through
// core::readRosterFile.

#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

using namespace meibo::test;
using json = nlohmann::json;

namespace {
const std::string kCli = MEIBO_CLI_PATH;

struct MappingRegistry {
    TempDir dir;
    std::string vault = dir.file("r.meibo");
    std::string pass = dir.file("pass.txt");
    MappingRegistry()
    {
        writeText(pass, "correct horse battery staple\n");
        REQUIRE(run({"init", "--kdf-ops", "1", "--kdf-mem-mib", "1"}).exitCode == 0);
        REQUIRE(run({"contract", "add", "--code", "K1", "--title", "調査", "--start", "2026-04-01", "--end",
                     "2027-03-31", "--addressee", "化学物質管理課長"})
                    .exitCode == 0);
    }
    ProcessResult run(std::vector<std::string> args, const std::string& lang = "C.UTF-8") const
    {
        args.insert(args.begin(), {kCli, "-f", vault, "--passphrase-file", pass});
        return runProcess(args, {}, {"LC_ALL=", "LC_MESSAGES=", "LANG=" + lang});
    }
};
} // namespace

TEST_CASE("import --column maps an unusual heading, and a bad --column is refused with nothing changed", "[cli][import]")
{
    MappingRegistry r;
    const std::string file = r.dir.file("roster.csv");
    writeText(file, "区分,記号,お名前,生年月日,国籍,在留区分,報告先,必要性,備考\n"
                    "情報管理責任者,A,経済 太郎,1970-04-01,JP,日本国籍,,全体の責任者,社内メモ\n");
    auto res = r.run({"import", "--contract", "K1", file}, "ja_JP.UTF-8");
    CHECK(res.exitCode != 0);
    CHECK(res.err.find("列名「お名前」は使えません") != std::string::npos);

    res = r.run({"import", "--contract", "K1", file, "--column", "お名前"});
    CHECK(res.exitCode != 0);
    CHECK(res.err.find("HEADER=FIELD") != std::string::npos);
    auto roster = r.run({"roster", "--contract", "K1", "--as-of", "2026-06-01", "--json"});
    REQUIRE(roster.exitCode == 0);
    CHECK(json::parse(roster.out)["entries"].empty());

    res = r.run({"import", "--contract", "K1", file, "--column", "お名前=name", "--column", "備考=", "--json"});
    INFO(res.err);
    REQUIRE(res.exitCode == 0);
    const auto out = json::parse(res.out);
    CHECK(out["added"] == 1);
    CHECK(out["notes_ja"][0] == "列「備考」は指定どおり取り込みません。");
    roster = r.run({"roster", "--contract", "K1", "--as-of", "2026-06-01", "--json"});
    CHECK(json::parse(roster.out)["entries"][0]["name"] == "経済 太郎");
}
