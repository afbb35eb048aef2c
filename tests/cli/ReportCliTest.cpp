// The status report, its schedule and the evidence registers through meibo-cli (../shared/interface.md).

#include "TestSupport.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include <catch2/catch.hpp>

using namespace meibo::test;
using nlohmann::json;

namespace {
const std::string kCli = MEIBO_CLI_PATH;
const std::string kSample = std::string(MEIBO_TEST_DATA) + "/roster-sample.csv";

bool has(const std::string& program) { return runProcess({"/usr/bin/which", program}).exitCode == 0; }

struct Registry {
    TempDir dir;
    std::string vault = dir.file("r.meibo");
    std::string pass = dir.file("pass.txt");
    Registry()
    {
        writeText(pass, "correct horse battery staple\n");
        REQUIRE(run({"init", "--kdf-ops", "1", "--kdf-mem-mib", "1", "--org-name", "テスト株式会社"}).exitCode == 0);
        REQUIRE(run({"contract", "add", "--code", "K1", "--title", "水銀規制に関する国内外実態調査", "--start", "2026-04-01",
                     "--end", "2027-03-31", "--signed", "2026-03-25"})
                    .exitCode == 0);
        REQUIRE(run({"import", "--contract", "K1", kSample}).exitCode == 0);
    }
    ProcessResult run(std::vector<std::string> args) const
    {
        args.insert(args.begin(), {kCli, "-f", vault, "--passphrase-file", pass});
        return runProcess(args);
    }
    json runJson(std::vector<std::string> args) const
    {
        const auto r = run(args);
        REQUIRE((r.exitCode == 0 || (args[0] == "check" && r.exitCode == 3)));
        return json::parse(r.out);
    }
    /// Answers every item: 実施, with item 15's content and a reason for 12.
    void answerAll(const std::string& id) const
    {
        for (int i = 2; i <= 17; ++i)
            REQUIRE(run({"report", "set", id, std::to_string(i), "done"}).exitCode == 0);
        REQUIRE(run({"report", "set", id, "15", "実施", "--text", "資産管理台帳で管理し、定義ファイルを自動更新"}).exitCode == 0);
        REQUIRE(run({"report", "set", id, "12", "該当なし", "--text", "約款型クラウドサービスは利用しない"}).exitCode == 0);
    }
};

json item(const json& report, const std::string& id)
{
    for (const auto& i : report["items"])
        if (i["item"] == id)
            return i;
    FAIL("no item " << id);
    return {};
}
} // namespace

TEST_CASE("report new, set, show --json and finalize, in the interface's shapes", "[cli][report]")
{
    Registry r;
    auto res = r.run({"report", "new", "--contract", "K1", "--period-end", "2026-09-30"});
    REQUIRE(res.exitCode == 0);
    const std::string id = res.out.substr(0, res.out.find('\n'));
    REQUIRE(r.run({"report", "set", id, "3", "未実施", "--text", "監査の実施依頼なし"}).exitCode == 0);
    REQUIRE(r.run({"report", "set", id, "16.2", "n/a", "--text", "アプリを提供しない"}).exitCode == 0);

    auto shown = r.runJson({"report", "show", id, "--json"});
    CHECK(shown["id"] == std::stoi(id));
    CHECK(shown["contract"] == "K1");
    CHECK(shown["period_end"] == "2026-09-30");
    CHECK(shown["state"] == "draft");
    CHECK(shown["items"].size() == 32);
    CHECK(item(shown, "3")["status"] == "未実施");
    CHECK(item(shown, "3")["text"] == "監査の実施依頼なし");
    CHECK(item(shown, "16.2")["status"] == "該当なし");
    CHECK(item(shown, "16")["status"] == ""); // the other sub-points are unanswered
    CHECK(item(shown, "2")["status"] == "");
    // Findings of the registers are shown beside their item.
    CHECK_FALSE(item(shown, "10")["findings"].empty());
    CHECK(item(shown, "10")["findings"][0]["rule"] == "training-missing");

    // Finalizing refuses, listing everything missing, and changes nothing.
    res = r.run({"report", "finalize", id, "--on", "2026-10-05"});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("cannot be finalized") != std::string::npos);
    CHECK(res.err.find("2: no status yet") != std::string::npos);
    CHECK(res.err.find("17: no status yet") != std::string::npos);
    CHECK(r.runJson({"report", "show", id, "--json"})["state"] == "draft");

    r.answerAll(id);
    REQUIRE(r.run({"report", "set", id, "3", "not-done", "--text", "監査の実施依頼なし"}).exitCode == 0);
    res = r.run({"report", "finalize", id, "--on", "2026-10-05"});
    REQUIRE(res.exitCode == 0);
    shown = r.runJson({"report", "show", id, "--json"});
    CHECK(shown["state"] == "final");
    CHECK(shown["finalized_on"] == "2026-10-05");
    CHECK_FALSE(shown["audit_head"].get<std::string>().empty());
    CHECK(item(shown, "16")["status"] == "実施");
}

TEST_CASE("wrong items and statuses are refused naming them", "[cli][report]")
{
    Registry r;
    const auto id = r.run({"report", "new", "--contract", "K1", "--period-end", "2026-09-30"}).out.substr(0, 1);
    auto res = r.run({"report", "set", id, "18", "実施"});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("“18” is not an item") != std::string::npos);
    res = r.run({"report", "set", id, "2", "maybe"});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("“maybe” is not 実施, 未実施 or 該当なし") != std::string::npos);
    res = r.run({"report", "revise", id});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("is a draft") != std::string::npos);
    res = r.run({"method", "set", "--contract", "K1", "18", "x"});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("“18” is not a clause") != std::string::npos);
    res = r.run({"report", "new", "--contract", "K1", "--period-end", "2026-08-31"});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("already covers period 1") != std::string::npos);
    res = r.run({"report", "new", "--contract", "K1", "--period-end", "2027-06-30"});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("outside the contract") != std::string::npos);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"report", "show", "1x"}, {"export", "--contract", "K1", "--out", r.dir.file("o"), "--report", "-3"}}) {
        res = r.run(args);
        CHECK(res.exitCode == 2); // wrong usage
        CHECK(res.err.find("is not an id") != std::string::npos);
    }
    CHECK(r.runJson({"report", "list", "--contract", "K1", "--json"})["reports"].size() == 1);
}

TEST_CASE("a final report is frozen: a change makes revision 2 and both are kept", "[cli][report]")
{
    Registry r;
    r.run({"report", "new", "--contract", "K1", "--period-end", "2026-09-30"});
    r.answerAll("1");
    REQUIRE(r.run({"report", "finalize", "1", "--on", "2026-10-05"}).exitCode == 0);
    auto res = r.run({"report", "set", "1", "9", "未実施", "--text", "訂正"});
    REQUIRE(res.exitCode == 0);
    CHECK(res.out.find("revision, report 2") != std::string::npos);
    CHECK(item(r.runJson({"report", "show", "1", "--json"}), "9")["status"] == "実施");
    const auto second = r.runJson({"report", "show", "2", "--json"});
    CHECK(second["revision"] == 2);
    CHECK(second["revision_of"] == 1);
    CHECK(second["state"] == "draft");
    CHECK(item(second, "9")["status"] == "未実施");
    // A second change goes into the same open revision.
    REQUIRE(r.run({"report", "set", "1", "10", "実施"}).exitCode == 0);
    CHECK(r.runJson({"report", "list", "--contract", "K1", "--json"})["reports"].size() == 2);

    // The next period starts from the latest answers.
    res = r.run({"report", "new", "--contract", "K1", "--period-end", "2027-03-31"});
    REQUIRE(res.exitCode == 0);
    const auto next = r.runJson({"report", "show", "3", "--json"});
    CHECK(next["period_start"] == "2026-10-01");
    CHECK(item(next, "12")["text"] == "約款型クラウドサービスは利用しない");
    CHECK(r.run({"audit", "verify"}).exitCode == 0);
}

TEST_CASE("schedule --json and the report-due / report-overdue findings", "[cli][report]")
{
    Registry r;
    auto s = r.runJson({"schedule", "--contract", "K1", "--as-of", "2026-10-20", "--json"});
    REQUIRE(s["periods"].size() == 2);
    CHECK(s["periods"][0]["end"] == "2026-09-30");
    CHECK(s["periods"][0]["due"] == "2026-10-14");
    CHECK(s["periods"][0]["state"] == "overdue");
    CHECK(s["periods"][1]["state"] == "open");
    auto check = r.run({"check", "--contract", "K1", "--as-of", "2026-10-20", "--json"});
    CHECK(check.exitCode == 3);
    CHECK(check.out.find("\"report-overdue\"") != std::string::npos);
    check = r.run({"check", "--contract", "K1", "--as-of", "2026-09-20", "--json"});
    CHECK(check.out.find("\"report-due\"") != std::string::npos);

    const auto status = r.runJson({"status", "--json"});
    bool reportDeadline = false;
    for (const auto& dl : status["deadlines"])
        reportDeadline = reportDeadline || (dl["kind"] == "report" && dl["contract"] == "K1");
    CHECK(reportDeadline);
    REQUIRE(r.run({"contract", "set", "K1", "--report-months", "12", "--report-due-days", "30"}).exitCode == 0);
    s = r.runJson({"schedule", "--contract", "K1", "--json"});
    REQUIRE(s["periods"].size() == 1);
    CHECK(s["periods"][0]["due"] == "2027-04-30");
    auto res = r.run({"contract", "set", "K1", "--report-months", "24"});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("at least once a year") != std::string::npos);
    CHECK(r.runJson({"schedule", "--contract", "K1", "--json"})["months"] == 12);
}

TEST_CASE("registers: add, edit, end, list --json, with findings and the audit log", "[cli][registers]")
{
    Registry r;
    auto res = r.run({"register", "add", "software", "--contract", "K1", "name=Windows", "version=10",
                      "installed_at=業務端末", "support_end=2025-10-14"});
    REQUIRE(res.exitCode == 0);
    const std::string sw = res.out.substr(0, res.out.find('\n'));
    REQUIRE(r.run({"register", "add", "cloud", "--contract", "K1", "name=FreeDrive", "provider=X", "confidential=yes",
                   "ismap=none"})
                .exitCode == 0);
    REQUIRE(r.run({"register", "add", "training", "--contract", "K1", "person=A", "course=情報セキュリティ研修",
                   "on=2026-05-01", "by=情報システム部"})
                .exitCode == 0);
    auto check = r.runJson({"check", "--contract", "K1", "--as-of", "2026-11-01", "--json"});
    std::string rules;
    for (const auto& f : check["findings"])
        rules += f["rule"].get<std::string>() + " " + f["subject"].get<std::string>() + "\n";
    CHECK(rules.find("software-support-ends #" + sw) != std::string::npos);
    CHECK(rules.find("cloud-not-ismap") != std::string::npos);
    CHECK(rules.find("training-missing B") != std::string::npos);
    CHECK(rules.find("training-missing A") == std::string::npos);

    REQUIRE(r.run({"register", "edit", "2", "approved_on=2026-06-01"}).exitCode == 0);
    REQUIRE(r.run({"register", "end", sw, "--on", "2026-10-31", "--note", "Windows 11 に更新"}).exitCode == 0);
    check = r.runJson({"check", "--contract", "K1", "--as-of", "2026-11-01", "--json"});
    CHECK(check.dump().find("cloud-not-ismap") == std::string::npos);
    CHECK(check.dump().find("software-support-ends") == std::string::npos);

    auto again = r.run({"register", "end", sw, "--on", "2026-11-01"});
    CHECK(again.exitCode == 1);
    CHECK(again.err.find("already ended on 2026-10-31") != std::string::npos);
    const auto list = r.runJson({"register", "list", "software", "--contract", "K1", "--json"});
    REQUIRE(list["entries"].size() == 1);
    CHECK(list["entries"][0]["ended_on"] == "2026-10-31");
    CHECK(list["entries"][0]["fields"]["support_end"] == "2025-10-14");
    CHECK(r.run({"audit", "verify"}).exitCode == 0);
    CHECK(r.runJson({"audit", "list", "--json"}).dump().find("register.end") != std::string::npos);
}

TEST_CASE("a bad register entry exits 1 naming the field and writes nothing", "[cli][registers]")
{
    Registry r;
    const std::string before = r.run({"audit", "list", "--json"}).out;
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"register", "add", "software", "--contract", "K1", "name=X", "version=1", "installed_at=PC",
              "support_end=2025/13/14"},
             {"register", "add", "training", "--contract", "K1", "person=Z", "course=研修", "on=2026-05-01"},
             {"register", "add", "cloud", "--contract", "K1", "name=X", "provider=Y", "confidential=maybe", "ismap=none"},
             {"register", "add", "printers", "--contract", "K1", "name=X"},
             {"register", "edit", "99", "name=X"}}) {
        const auto res = r.run(args);
        CHECK(res.exitCode == 1);
        CHECK(std::count(res.err.begin(), res.err.end(), '\n') == 1);
    }
    CHECK(r.run({"register", "add", "software", "--contract", "K1", "name=X", "version=1", "installed_at=PC",
                 "support_end=2025/13/14"})
              .err.find("support_end") != std::string::npos);
    CHECK(r.run({"register", "add", "training", "--contract", "K1", "person=Z", "course=研修", "on=2026-05-01"})
              .err.find("label “Z”") != std::string::npos);
    CHECK(r.run({"audit", "list", "--json"}).out == before);
    CHECK(r.runJson({"register", "list", "--contract", "K1", "--json"})["entries"].empty());
}

TEST_CASE("an end-of-life list dates the software ledger; a bad one changes nothing", "[cli][registers]")
{
    Registry r;
    REQUIRE(r.run({"register", "add", "software", "--contract", "K1", "name=Ubuntu", "version=22.04.4",
                   "installed_at=サーバ"})
                .exitCode == 0);
    const std::string good = r.dir.file("eol.csv");
    writeText(good, "product,cycle,releaseDate,eol,latest\nubuntu,22.04,2022-04-21,2027-04-01,22.04.5\n"
                    "ubuntu,24.04,2024-04-25,2029-05-31,24.04.2\n");
    const std::string bad = r.dir.file("bad.csv");
    writeText(bad, "product,cycle,eol\nubuntu,22.04,2027-04-01\nubuntu,20.04,soon\n");
    auto res = r.run({"register", "import-eol", bad, "--contract", "K1"});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("line 3, column eol") != std::string::npos);
    CHECK(r.runJson({"register", "list", "software", "--contract", "K1", "--json"})["entries"][0]["fields"].count(
              "support_end") == 0);
    res = r.run({"register", "import-eol", good, "--contract", "K1"});
    REQUIRE(res.exitCode == 0);
    CHECK(res.out.find("1 software entry dated") != std::string::npos);
    CHECK(r.runJson({"register", "list", "software", "--contract", "K1", "--json"})["entries"][0]["fields"]
                   ["support_end"] == "2027-04-01");
}

TEST_CASE("compliance methods: set before consent, through a change set after", "[cli][report]")
{
    Registry r;
    REQUIRE(r.run({"method", "set", "--contract", "K1", "10", "年1回のeラーニングと標的型攻撃訓練"}).exitCode == 0);
    REQUIRE(r.run({"contract", "set", "K1", "--roster-consented", "2026-04-01"}).exitCode == 0);
    auto res = r.run({"method", "set", "--contract", "K1", "10", "変更"});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("change new --contract K1") != std::string::npos);
    const auto id = r.run({"change", "new", "--contract", "K1", "--effective", "2026-12-01", "--reason", "教育方法の変更"})
                        .out.substr(0, 1);
    REQUIRE(r.run({"change", "add", id, "--method", "10", "四半期ごとのeラーニング"}).exitCode == 0);
    REQUIRE(r.run({"change", "submit", id, "--on", "2026-11-10"}).exitCode == 0);
    if (has("pdftotext")) {
        const std::string out = r.dir.file("notice");
        REQUIRE(r.run({"export", "--contract", "K1", "--out", out, "--change", id}).exitCode == 0);
        std::string text;
        for (char ch : runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", out + "/change-notice-" + id + ".pdf", "-"}).out)
            if (ch != '\n' && ch != ' ')
                text += ch;
        CHECK(text.find("遵守の方法") != std::string::npos);
        CHECK(text.find("四半期ごとのeラーニング") != std::string::npos);
        CHECK(text.find("年1回のeラーニングと標的型") != std::string::npos); // the cell wraps
    }
    REQUIRE(r.run({"change", "consent", id, "--on", "2026-11-20"}).exitCode == 0);
    REQUIRE(r.run({"change", "apply", id}).exitCode == 0);
    CHECK(r.runJson({"method", "show", "--contract", "K1", "--as-of", "2026-11-30", "--json"})["methods"]["10"] ==
          "年1回のeラーニングと標的型攻撃訓練");
    CHECK(r.runJson({"method", "show", "--contract", "K1", "--as-of", "2026-12-01", "--json"})["methods"]["10"] ==
          "四半期ごとのeラーニング");
}

TEST_CASE("export --report prints the report, its 別葉 and the audit head", "[cli][report][client]")
{
    if (!has("pdftotext")) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    Registry r;
    r.run({"report", "new", "--contract", "K1", "--period-end", "2026-09-30"});
    r.answerAll("1");
    REQUIRE(r.run({"report", "finalize", "1", "--on", "2026-10-05"}).exitCode == 0);
    const auto head = r.runJson({"report", "show", "1", "--json"})["audit_head"].get<std::string>();
    const std::string out = r.dir.file("out");
    auto res = r.run({"export", "--contract", "K1", "--out", out, "--report", "1", "--methods", "--as-of", "2026-10-05"});
    REQUIRE(res.exitCode == 0);
    CHECK(r.run({"verify", out}).exitCode == 0);
    const auto text = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", out + "/status-report-1.pdf", "-"}).out;
    for (const char* s : {"情報セキュリティに関する事項の遵守の方法の実施状況報告書", "令和8年10月5日", "契約締結日",
                          "令和8年3月25日", "水銀規制に関する国内外実態調査", "別葉", "約款型クラウドサービスは利用しない",
                          "資産管理台帳で管理し", "該当なし"})
        CHECK(text.find(s) != std::string::npos);
    CHECK(text.find("監査ログ " + head) != std::string::npos);
    const auto info = runProcess({"/usr/bin/pdfinfo", out + "/status-report-1.pdf"}).out;
    CHECK(info.find(head) != std::string::npos);
    const auto methods = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", out + "/compliance-methods.pdf", "-"}).out;
    CHECK(methods.find("遵守の方法") != std::string::npos);
    CHECK(exists(out + "/status-report-1.docx"));
    // A report of another contract, or no such report, is refused and nothing is written.
    res = r.run({"export", "--contract", "K1", "--out", r.dir.file("out2"), "--report", "9"});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("no status report 9") != std::string::npos);
    CHECK_FALSE(exists(r.dir.file("out2")));
}

TEST_CASE("the deletion certificate waits for every item's confirmed return or deletion", "[cli][registers][client]")
{
    Registry r;
    REQUIRE(r.run({"register", "add", "information", "--contract", "K1", "name=提供データ一式", "medium=electronic",
                   "copies=1部", "copy_permitted_on=2026-04-20"})
                .exitCode == 0);
    REQUIRE(r.run({"register", "add", "information", "--contract", "K1", "name=紙資料", "medium=paper"}).exitCode == 0);
    REQUIRE(r.run({"register", "edit", "1", "disposal=delete", "disposed_on=2027-03-30", "confirmed_by=経済産業省 担当 一郎",
                   "confirmed_on=2027-03-31"})
                .exitCode == 0);
    auto check = r.run({"check", "--contract", "K1", "--as-of", "2027-04-02", "--json"});
    CHECK(check.out.find("information-not-returned") != std::string::npos);
    auto list = r.runJson({"disposal", "--contract", "K1", "--json"});
    CHECK(list["pending"] == 1);
    CHECK(list["items"][1]["missing"].size() == 4);
    CHECK(list["items"][0]["done"] == true);
    const std::string out = r.dir.file("cert");
    auto res = r.run({"export", "--contract", "K1", "--out", out, "--deletion-certificate", "--as-of", "2027-03-31"});
    CHECK(res.exitCode == 1);
    CHECK(res.err.find("#2 紙資料") != std::string::npos);
    CHECK_FALSE(exists(out));
    REQUIRE(r.run({"register", "edit", "2", "disposal=return", "disposed_on=2027-03-31", "confirmed_by=経済産業省 担当 一郎",
                   "confirmed_on=2027-03-31"})
                .exitCode == 0);
    res = r.run({"export", "--contract", "K1", "--out", out, "--deletion-certificate", "--as-of", "2027-03-31"});
    REQUIRE(res.exitCode == 0);
    if (has("pdftotext")) {
        const auto text = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", out + "/deletion-certificate.pdf", "-"}).out;
        for (const char* s : {"情報の返却・廃棄・消去証明書", "提供データ一式", "紙資料", "消去", "返却", "令和9年3月31日"})
            CHECK(text.find(s) != std::string::npos);
    }
}

TEST_CASE("findings and report gaps carry Japanese beside English, and LANG=ja prints the Japanese", "[cli][report]")
{
    Registry r;
    auto runIn = [&](const std::vector<std::string>& env, std::vector<std::string> args) {
        args.insert(args.begin(), {kCli, "-f", r.vault, "--passphrase-file", r.pass});
        return runProcess(args, {}, env);
    };
    const std::vector<std::string> english{"LC_ALL=", "LC_MESSAGES=", "LANG=C.UTF-8"};
    const std::vector<std::string> japanese{"LC_ALL=", "LC_MESSAGES=", "LANG=ja_JP.UTF-8"};

    // JSON: both texts, whatever the language; "message" stays English (the interface's shape).
    auto res = runIn(japanese, {"check", "--contract", "K1", "--as-of", "2026-06-01", "--json"});
    REQUIRE((res.exitCode == 0 || res.exitCode == 3));
    const auto findings = json::parse(res.out)["findings"];
    REQUIRE_FALSE(findings.empty());
    for (const auto& f : findings) {
        REQUIRE(f.contains("message_ja"));
        CHECK_FALSE(f["message_ja"].get<std::string>().empty());
        CHECK(f["message_ja"] != f["message"]);
    }
    const auto training = std::find_if(findings.begin(), findings.end(),
                                       [](const json& f) { return f["rule"] == "training-missing"; });
    REQUIRE(training != findings.end());
    CHECK((*training)["message"].get<std::string>().find("no security training") != std::string::npos);
    CHECK((*training)["message_ja"].get<std::string>().find("情報セキュリティ教育") != std::string::npos);
    CHECK((*training)["message_ja"].get<std::string>().find("`meibo-cli register add training --contract K1") !=
          std::string::npos);

    // Text: English by default, Japanese under LANG=ja, and LC_ALL wins over LANG.
    res = runIn(english, {"check", "--contract", "K1", "--as-of", "2026-06-01"});
    CHECK(res.out.find("no security training") != std::string::npos);
    CHECK(res.out.find("情報セキュリティ教育") == std::string::npos);
    res = runIn(japanese, {"check", "--contract", "K1", "--as-of", "2026-06-01"});
    CHECK(res.out.find("情報セキュリティ教育") != std::string::npos);
    CHECK(res.out.find("no security training") == std::string::npos);
    CHECK(res.out.find("training-missing") != std::string::npos); // rule ids stay as they are
    res = runIn({"LC_ALL=C", "LC_MESSAGES=", "LANG=ja_JP.UTF-8"}, {"check", "--contract", "K1", "--as-of", "2026-06-01"});
    CHECK(res.out.find("no security training") != std::string::npos);

    // report show: "missing" stays English and "missing_ja" is beside it, one for one.
    res = r.run({"report", "new", "--contract", "K1", "--period-end", "2026-09-30"});
    REQUIRE(res.exitCode == 0);
    const std::string id = res.out.substr(0, res.out.find('\n'));
    REQUIRE(r.run({"report", "set", id, "3", "未実施"}).exitCode == 0);
    const auto shown = r.runJson({"report", "show", id, "--json"});
    REQUIRE(shown["missing"].size() == shown["missing_ja"].size());
    CHECK(shown["missing"][0] == "2: no status yet — set 実施, 未実施 or 該当なし");
    CHECK(shown["missing_ja"][0].get<std::string>().rfind("2：実施状況が未記入です", 0) == 0);
    CHECK(shown["missing_ja"][1].get<std::string>().find("別葉") != std::string::npos);
    for (const auto& f : item(shown, "10")["findings"])
        CHECK(f.contains("message_ja"));
    res = runIn(japanese, {"report", "show", id});
    CHECK(res.out.find("2：実施状況が未記入です") != std::string::npos);
    CHECK(res.out.find("no status yet") == std::string::npos);
    res = runIn(english, {"report", "show", id});
    CHECK(res.out.find("2: no status yet") != std::string::npos);
}

TEST_CASE("report set takes an item as the report's CSV writes it: 15)(1) is 15.1", "[cli][report]")
{
    Registry r;
    const auto id = r.run({"report", "new", "--contract", "K1", "--period-end", "2026-09-30"}).out.substr(0, 1);
    auto res = r.run({"report", "set", id, "15)(1)", "未実施", "--text", "台帳の更新が遅れた"});
    REQUIRE(res.exitCode == 0);
    CHECK(res.out.find("Item 15.1 of report") != std::string::npos);
    auto shown = r.runJson({"report", "show", id, "--json"});
    CHECK(item(shown, "15.1")["status"] == "未実施");
    CHECK(item(shown, "15.1")["text"] == "台帳の更新が遅れた");
    CHECK(item(shown, "15.10")["status"] == ""); // not 15.10, which Excel would read as the same number

    // The same item by its other spellings: the dotted id, the documents' full-width brackets.
    REQUIRE(r.run({"report", "set", id, "15.1", "done"}).exitCode == 0);
    CHECK(item(r.runJson({"report", "show", id, "--json"}), "15.1")["status"] == "実施");
    REQUIRE(r.run({"report", "set", id, "１５）（１０）", "該当なし", "--text", "対象なし"}).exitCode == 0);
    CHECK(item(r.runJson({"report", "show", id, "--json"}), "15.10")["status"] == "該当なし");
    REQUIRE(r.run({"report", "set", id, "2)", "done"}).exitCode == 0);
    CHECK(item(r.runJson({"report", "show", id, "--json"}), "2")["status"] == "実施");

    // A bad id is refused naming it, and the report stays as it was.
    const json before = r.runJson({"report", "show", id, "--json"});
    for (const std::string bad : {"15)(11)", "15)(1", "15.1.1", "(15)", "16)(7)", "1)"}) {
        res = r.run({"report", "set", id, bad, "done"});
        CHECK(res.exitCode == 1);
        CHECK(res.err.find("“" + bad + "” is not an item of the report") != std::string::npos);
        CHECK(r.runJson({"report", "show", id, "--json"}) == before);
    }
}
