// `meibo-cli deadlines`: what is due, and the officer's calendar file (.ics, RFC 5545).

#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <sys/stat.h>

#include <catch2/catch.hpp>

using namespace meibo::test;
using nlohmann::json;

namespace {
const std::string kCli = MEIBO_CLI_PATH;
const std::string kSample = std::string(MEIBO_TEST_DATA) + "/roster-sample.csv";

std::string readText(const std::string& path)
{
    const auto bytes = readBytes(path);
    return std::string(bytes.begin(), bytes.end());
}

struct Registry {
    TempDir dir;
    std::string vault = dir.file("r.meibo");
    std::string pass = dir.file("pass.txt");
    Registry()
    {
        writeText(pass, "correct horse battery staple\n");
        REQUIRE(run({"init", "--kdf-ops", "1", "--kdf-mem-mib", "1", "--org-name", "テスト株式会社"}).exitCode == 0);
        // Far enough ahead that the contract's report and end are still to come whatever today is.
        REQUIRE(run({"contract", "add", "--code", "K1", "--title", "水銀規制に関する国内外実態調査", "--start", "2026-04-01",
                     "--end", "2099-03-31", "--signed", "2026-03-25"})
                    .exitCode == 0);
        REQUIRE(run({"import", "--contract", "K1", kSample}).exitCode == 0);
    }
    ProcessResult run(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {kCli, "-f", vault, "--passphrase-file", pass});
        return runProcess(args);
    }
};
} // namespace

TEST_CASE("deadlines --ics writes one all-day event per deadline, folded and 0600")
{
    Registry r;
    const std::string ics = r.dir.file("deadlines.ics");
    const auto out = r.run({"deadlines", "--ics", ics, "--json"});
    REQUIRE(out.exitCode == 0);
    const json doc = json::parse(out.out);
    REQUIRE(doc["deadlines"].size() >= 2); // the next report and the contract's end
    CHECK(doc["ics"] == ics);
    const std::string text = readText(ics);
    CHECK(text.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
    CHECK(text.find("END:VCALENDAR\r\n") == text.size() - 15);
    std::size_t events = 0;
    for (std::size_t at = text.find("BEGIN:VEVENT\r\n"); at != std::string::npos; at = text.find("BEGIN:VEVENT\r\n", at + 1))
        ++events;
    CHECK(events == doc["deadlines"].size());
    CHECK(text.find("DTSTART;VALUE=DATE:20990331") != std::string::npos);
    CHECK(text.find("TZID:Asia/Tokyo") != std::string::npos);
    CHECK(text.find("[K1] ") != std::string::npos);
    for (std::size_t start = 0, at = text.find("\r\n"); at != std::string::npos; start = at + 2, at = text.find("\r\n", start))
        CHECK(at - start <= 75);
    struct stat st{};
    REQUIRE(::stat(ics.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    // Again: the same uids (a calendar updates its events instead of adding them twice).
    const std::string again = r.dir.file("again.ics");
    REQUIRE(r.run({"deadlines", "--ics", again}).exitCode == 0);
    auto uids = [](const std::string& t) {
        std::vector<std::string> out;
        for (std::size_t at = t.find("\r\nUID:"); at != std::string::npos; at = t.find("\r\nUID:", at + 1))
            out.push_back(t.substr(at + 6, t.find("\r\n", at + 2) - at - 6));
        return out;
    };
    CHECK(uids(text) == uids(readText(again)));
}

TEST_CASE("deadlines --within keeps what is due soon; a folder that does not exist is refused, nothing written")
{
    Registry r;
    const auto soon = r.run({"deadlines", "--within", "0", "--json"});
    REQUIRE(soon.exitCode == 0);
    for (const auto& d : json::parse(soon.out)["deadlines"])
        CHECK(d["days_left"].get<int>() <= 0);

    const std::string missing = r.dir.file("no-such-folder/deadlines.ics");
    const auto bad = r.run({"deadlines", "--ics", missing});
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.find("cannot write") != std::string::npos);
    CHECK(!std::filesystem::exists(missing));
    CHECK(!std::filesystem::exists(missing + ".tmp"));
}
