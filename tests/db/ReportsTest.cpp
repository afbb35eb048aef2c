// Status reports and registers in the registry: revisions kept, refusals leave the file as it was.

#include "DbTestSupport.h"

#include "meibo/db/Registers.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Reports.h"

#include <catch2/catch.hpp>

using namespace meibo;
using namespace meibo::test;
using core::Date;
using core::ErrorCode;
using core::ItemStatus;
using namespace std::chrono;

namespace {
Date d(int y, unsigned m, unsigned dd) { return Date{year{y}, month{m}, day{dd}}; }

struct Fixture {
    TempDir dir;
    std::string path = dir.file("r.meibo");
    db::Vault vault;
    std::int64_t contract = 0;

    Fixture() : vault((createVault(path), openVault(path)))
    {
        core::Contract c;
        c.code = "K1";
        c.title = "調査事業";
        c.start = d(2026, 4, 1);
        c.end = d(2027, 3, 31);
        contract = db::Registry(vault).addContract(c);
    }
    void answerAll(db::Reports& reports, std::int64_t id)
    {
        for (const auto& item : core::reportItemIds())
            if (core::parentItem(item).empty())
                reports.set(id, item, ItemStatus::Done, item == "15" ? "台帳で管理" : "");
    }
};
} // namespace

TEST_CASE("a refused finalize and a refused register entry leave the registry file byte for byte", "[reports]")
{
    Fixture f;
    db::Reports reports(f.vault);
    const auto id = reports.create(f.contract, d(2026, 9, 30));
    reports.set(id, "2", ItemStatus::NotDone, "");
    const auto before = readBytes(f.path);
    const auto e = captureError([&] { reports.finalize(id, d(2026, 10, 5)); });
    CHECK(e.code() == ErrorCode::IllegalState);
    CHECK(std::string(e.what()).find("2: 未実施 needs a reason") != std::string::npos);
    const auto bad = captureError([&] {
        db::Registers(f.vault).add("cloud", f.contract, {{"name", "X"}, {"provider", "Y"}, {"confidential", "maybe"},
                                                         {"ismap", "none"}});
    });
    CHECK(bad.where() == "confidential");
    CHECK(readBytes(f.path) == before);
    CHECK(reports.get(id).state == core::ReportState::Draft);
}

TEST_CASE("revisions of a final report are kept side by side, with the audit head of each", "[reports]")
{
    Fixture f;
    db::Reports reports(f.vault);
    const auto id = reports.create(f.contract, d(2026, 9, 30));
    f.answerAll(reports, id);
    reports.finalize(id, d(2026, 10, 5));
    const std::string head1 = reports.get(id).auditHead;
    CHECK_FALSE(head1.empty());

    const auto changed = reports.set(id, "9", ItemStatus::NotDone, "訂正");
    CHECK(changed.newRevision);
    CHECK(changed.reportId != id);
    CHECK(reports.revise(id) == changed.reportId); // the open revision, not a third one
    reports.finalize(changed.reportId, d(2026, 10, 20));
    const auto all = reports.list(f.contract);
    REQUIRE(all.size() == 2);
    CHECK(all[0].revision == 1);
    CHECK(core::answerOf(all[0], "9").status == ItemStatus::Done);
    CHECK(all[1].revision == 2);
    CHECK(core::answerOf(all[1], "9").status == ItemStatus::NotDone);
    CHECK(all[1].auditHead != head1);
    CHECK(db::Registry(f.vault).verifyAudit().ok);
}
