// The roster through meibo-cli: the interface acceptance checks drive.

#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

using namespace meibo::test;

namespace {
const std::string kCli = MEIBO_CLI_PATH;

struct Registry {
    TempDir dir;
    std::string vault = dir.file("r.meibo");
    std::string pass = dir.file("pass.txt");
    Registry()
    {
        writeText(pass, "correct horse battery staple\n");
        REQUIRE(run({"init", "--kdf-ops", "1", "--kdf-mem-mib", "1"}).exitCode == 0);
        REQUIRE(run({"contract", "add", "--code", "METI-2026-01", "--title", "水銀規制に関する国内外実態調査", "--start",
                     "2026-04-01", "--end", "2027-03-31", "--addressee", "経済産業省産業保安・安全グループ化学物質管理課長"})
                    .exitCode == 0);
    }
    ProcessResult run(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {kCli, "-f", vault, "--passphrase-file", pass});
        return runProcess(args);
    }
};

const std::string kSample = std::string(MEIBO_TEST_DATA) + "/roster-sample.csv";
} // namespace

TEST_CASE("import, roster --json and check on the sample roster", "[cli][roster]")
{
    Registry r;
    auto res = r.run({"import", "--contract", "METI-2026-01", kSample, "--json"});
    REQUIRE(res.exitCode == 0);
    CHECK(nlohmann::json::parse(res.out)["added"] == 6);

    res = r.run({"roster", "--contract", "METI-2026-01", "--as-of", "2026-06-01", "--json"});
    REQUIRE(res.exitCode == 0);
    const auto roster = nlohmann::json::parse(res.out);
    CHECK(roster["contract"] == "METI-2026-01");
    CHECK(roster["as_of"] == "2026-06-01");
    REQUIRE(roster["entries"].size() == 6);
    const auto& d = roster["entries"][3];
    for (const char* field : {"label", "role", "name", "address", "birth_date", "department", "title", "nationality",
                              "residence_status", "passport_no", "organization", "reports_to"})
        CHECK(d.contains(field));
    CHECK(d["label"] == "D");
    CHECK(d["role"] == "業務従事者");
    CHECK(d["nationality"] == "US");
    CHECK(d["passport_no"] == "X12345678");
    CHECK(roster["entries"][5]["organization"] == "株式会社サンプル分析センター");
    // F joins on 2026-05-01: not on the roster the day before.
    res = r.run({"roster", "--contract", "METI-2026-01", "--as-of", "2026-04-30", "--json"});
    CHECK(nlohmann::json::parse(res.out)["entries"].size() == 5);

    // Before signing, missing disclosures are warnings: exit 0.
    res = r.run({"check", "--contract", "METI-2026-01", "--as-of", "2026-06-01", "--json"});
    CHECK(res.exitCode == 0);
    const auto findings = nlohmann::json::parse(res.out)["findings"];
    REQUIRE_FALSE(findings.empty());
    for (const auto& f : findings) {
        for (const char* field : {"rule", "severity", "contract", "subject", "message"})
            CHECK(f.contains(field));
        CHECK(f["severity"] == "warning");
    }
    // A special permanent resident without a passport number is an error: exit 3.
    REQUIRE(r.run({"person", "set", "5", "passport_no="}).exitCode == 0);
    res = r.run({"check", "--contract", "METI-2026-01", "--as-of", "2026-06-01", "--json"});
    CHECK(res.exitCode == 3);
    CHECK(res.out.find("passport-required") != std::string::npos);
    CHECK(res.out.find("特別永住者") != std::string::npos);

    res = r.run({"audit", "verify"});
    CHECK(res.exitCode == 0);
    CHECK(res.out.find("intact") != std::string::npos);
}

TEST_CASE("a CSV with bad rows exits 1, lists every row and imports nothing", "[cli][roster]")
{
    Registry r;
    writeText(r.dir.file("bad.csv"), "role,label,name,birth_date\r\n"
                                     "情報管理責任者,A,経済 太郎,1970-04-01\r\n"
                                     "業務従事者,B,,1990-02-30\r\n"
                                     "社長,C,山田,\r\n");
    const auto res = r.run({"import", "--contract", "METI-2026-01", r.dir.file("bad.csv")});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("line 3, column name") != std::string::npos);
    CHECK(res.err.find("line 3, column birth_date") != std::string::npos);
    CHECK(res.err.find("line 4, column role") != std::string::npos);
    CHECK(res.err.find("nothing was imported") != std::string::npos);
    const auto roster = r.run({"roster", "--contract", "METI-2026-01", "--json"});
    CHECK(nlohmann::json::parse(roster.out)["entries"].empty());

    writeText(r.dir.file("unknown.csv"), "role,label,name,favourite_colour\nworker,D,x,blue\n");
    const auto unknown = r.run({"import", "--contract", "METI-2026-01", r.dir.file("unknown.csv")});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.find("unknown column") != std::string::npos);
}

TEST_CASE("contracts are named by id or code, and a wrong one is a one-line error", "[cli][roster]")
{
    Registry r;
    auto res = r.run({"contract", "list", "--json"});
    REQUIRE(res.exitCode == 0);
    const auto list = nlohmann::json::parse(res.out)["contracts"];
    REQUIRE(list.size() == 1);
    CHECK(list[0]["id"] == 1);
    CHECK(r.run({"roster", "--contract", "1", "--json"}).exitCode == 0);
    res = r.run({"roster", "--contract", "NOPE"});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("no contract “NOPE”") != std::string::npos);
    // A day that does not exist is wrong usage (exit 2), named by its option.
    res = r.run({"contract", "add", "--code", "X-1", "--title", "t", "--start", "2026-04-01", "--end", "2026-02-30"});
    CHECK(res.exitCode == 2);
    CHECK(res.err.find("--end") != std::string::npos);
}

TEST_CASE("the roster exports as CSV that imports back unchanged", "[cli][roster]")
{
    Registry r;
    REQUIRE(r.run({"import", "--contract", "METI-2026-01", kSample}).exitCode == 0);
    auto res = r.run({"roster", "--contract", "METI-2026-01", "--as-of", "2026-06-01", "--csv"});
    REQUIRE(res.exitCode == 0);
    CHECK(res.out.rfind("\xEF\xBB\xBFrole,label,name", 0) == 0);
    writeText(r.dir.file("export.csv"), res.out);
    res = r.run({"import", "--contract", "METI-2026-01", r.dir.file("export.csv"), "--json"});
    REQUIRE(res.exitCode == 0);
    const auto result = nlohmann::json::parse(res.out);
    CHECK(result["updated"] == 6);
    CHECK(result["added"] == 0);
}

TEST_CASE("change sets through the command line: the lawful order, and the illegal steps refused", "[cli][change]")
{
    Registry r;
    REQUIRE(r.run({"import", "--contract", "METI-2026-01", kSample}).exitCode == 0);
    REQUIRE(r.run({"contract", "set", "METI-2026-01", "--roster-consented", "2026-03-25"}).exitCode == 0);
    auto res = r.run({"import", "--contract", "METI-2026-01", kSample});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("change set") != std::string::npos);

    res = r.run({"change", "new", "--contract", "METI-2026-01", "--effective", "2026-07-01", "--reason", "人事異動"});
    REQUIRE(res.exitCode == 0);
    const std::string id = res.out.substr(0, res.out.find('\n'));
    REQUIRE(r.run({"change", "add", id, "--remove", "D"}).exitCode == 0);
    REQUIRE(r.run({"change", "add", id, "--set", "B", "title=部長"}).exitCode == 0);
    res = r.run({"change", "apply", id});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("has not consented") != std::string::npos);
    REQUIRE(r.run({"change", "submit", id, "--on", "2026-06-20", "--how", "e-mail"}).exitCode == 0);
    res = r.run({"change", "add", id, "--remove", "E"});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("only a draft can be edited") != std::string::npos);
    REQUIRE(r.run({"change", "consent", id, "--on", "2026-06-25", "--by", "化学物質管理課"}).exitCode == 0);
    // The notice, with the roster and the diagram as they will be on the effective day.
    res = r.run({"export", "--contract", "METI-2026-01", "--change", id, "--out", r.dir.file("notice"), "--json"});
    REQUIRE(res.exitCode == 0);
    CHECK(nlohmann::json::parse(res.out)["as_of"] == "2026-07-01");
    CHECK(exists(r.dir.file("notice") + "/change-notice-" + id + ".pdf"));
    CHECK(exists(r.dir.file("notice") + "/change-notice-" + id + ".docx"));
    res = r.run({"check", "--contract", "METI-2026-01", "--as-of", "2026-07-01", "--json"});
    CHECK(res.exitCode == 3);
    CHECK(res.out.find("change-consented-not-applied") != std::string::npos);
    REQUIRE(r.run({"change", "apply", id}).exitCode == 0);

    res = r.run({"change", "list", "--contract", "METI-2026-01", "--json"});
    REQUIRE(res.exitCode == 0);
    const auto list = nlohmann::json::parse(res.out)["changes"];
    REQUIRE(list.size() == 1);
    for (const char* field : {"id", "state", "effective", "submitted", "consented"})
        CHECK(list[0].contains(field));
    CHECK(list[0]["state"] == "applied");
    CHECK(list[0]["submitted"] == "2026-06-20");

    res = r.run({"roster", "--contract", "METI-2026-01", "--as-of", "2026-07-01", "--json"});
    const auto after = nlohmann::json::parse(res.out)["entries"];
    CHECK(after.size() == 5);
    res = r.run({"change", "show", id, "--json"});
    REQUIRE(res.exitCode == 0);
    const auto shown = nlohmann::json::parse(res.out);
    CHECK(shown["roster_before"].size() == 6);
    CHECK(shown["roster_after"].size() == 5);
    CHECK(r.run({"audit", "verify"}).exitCode == 0);
}
