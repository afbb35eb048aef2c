#include "FormsTestSupport.h"

#include "meibo/forms/PdfRenderer.h"

#include <catch2/catch.hpp>

using namespace meibo;
using namespace meibo::test;

TEST_CASE("the change notice lists joins, leaves and changed fields side by side", "[notice]")
{
    const auto before = sampleRosterInput().entries;
    auto after = before;
    after.erase(after.begin() + 3); // D leaves
    after[1].person.title = "部長";  // B is promoted
    core::RosterEntry g;
    g.label = "G";
    g.role = core::Role::Worker;
    g.person.name = "新任 四郎";
    after.push_back(g);
    const auto lines = forms::diffRosters(before, after);
    auto find = [&](const std::string& label, const std::string& what) {
        return std::find_if(lines.begin(), lines.end(),
                            [&](const auto& l) { return l.label == label && l.what == what; }) != lines.end();
    };
    CHECK(find("D", "従事終了"));
    CHECK(find("G", "新規従事"));
    CHECK(find("B", "役職"));
    CHECK(lines.size() == 3);
}

TEST_CASE("the change notice as PDF says what changes, when, why, and who comes in", "[notice][pdf][client]")
{
    if (runProcess({"/usr/bin/which", "pdftotext"}).exitCode != 0) {
        WARN("pdftotext is not installed: skipped");
        return;
    }
    const auto roster = sampleRosterInput();
    forms::ChangeNoticeInput in;
    in.organization = roster.organization;
    in.contract = roster.contract;
    in.contract.addressee = "経済産業省産業保安・安全グループ化学物質管理課長";
    in.noticeDate = *core::parseIsoDate("2026-06-20");
    in.effective = *core::parseIsoDate("2026-07-01");
    in.reason = "人事異動に伴う担当者の交代";
    in.lines = {{"D", "Emily Carter", "従事終了", "業務従事者", "（なし）"}};
    core::RosterEntry g;
    g.label = "G";
    g.person.name = "新任 四郎";
    g.person.department = "調査研究部";
    g.person.nationality = "JP";
    g.person.trackRecord = "文献調査5件";
    in.incoming.push_back({g, {{0, 0, true, "情報セキュリティ研修", core::parseIsoDate("2026-06-10"), "社内"}}});
    const auto pdf = forms::renderPdf(forms::changeNoticeDocument(in), {});
    TempDir dir;
    writeBytes(dir.file("n.pdf"), std::vector<std::uint8_t>(pdf.bytes.begin(), pdf.bytes.end()));
    if (const char* keep = std::getenv("MEIBO_TEST_KEEP_NOTICE"))
        writeBytes(keep, std::vector<std::uint8_t>(pdf.bytes.begin(), pdf.bytes.end()));
    const auto text = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", dir.file("n.pdf"), "-"}).out;
    for (const char* s : {"情報取扱者名簿等の変更届", "化学物質管理課長", "殿", "令和8年6月20日", "令和8年7月1日",
                          "人事異動に伴う担当者の交代", "従事終了", "Emily Carter", "新任 四郎", "情報セキュリティ研修",
                          "文献調査5件", "日本", "添付"})
        CHECK(text.find(s) != std::string::npos);
}
