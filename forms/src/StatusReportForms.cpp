#include "meibo/forms/StatusReportForms.h"

#include "meibo/core/Error.h"
#include "meibo/core/SeedText.h"
#include "meibo/forms/JapaneseDate.h"

namespace meibo::forms {

namespace {
using Align = Paragraph::Align;

Cell headCell(const std::string& text)
{
    Cell c = Cell::text(text, Align::Center, true);
    c.shaded = true;
    return c;
}

Paragraph spaced(Paragraph p, double before, double after)
{
    p.spaceBeforePt = before;
    p.spaceAfterPt = after;
    return p;
}

/// "情報セキュリティに関する事項 ２)" → "２)": the 項目 cell of the seed without its repeated lead.
std::string itemCell(const core::seed::ReportItem& item) { return item.label; }

std::string footerOf(const std::string& auditHead) { return auditHead.empty() ? "" : "監査ログ " + auditHead; }

const char* disposalJa(const std::string& d)
{
    if (d == "return") return "返却";
    if (d == "dispose") return "廃棄";
    if (d == "delete") return "消去";
    return "";
}
} // namespace

void appendLetterHead(Document& doc, const core::Date& date, const core::Contract& contract,
                      const core::Organization& organization)
{
    doc.body.push_back(Paragraph::text(japaneseDate(date), Align::Right));
    doc.body.push_back(spaced(
        Paragraph::text((contract.addressee.empty() ? std::string("経済産業省担当課室長") : contract.addressee) + "　殿"), 6,
        6));
    for (const std::string& line : {"住所　" + organization.address, "名称　" + organization.name,
                                    "代表者氏名　" + organization.representative}) {
        Paragraph p = Paragraph::text(line, Align::Left);
        p.indentMm = 95;
        doc.body.push_back(p);
    }
}

Document statusReportDocument(const StatusReportInput& in)
{
    const auto& text = core::seed::report();
    const core::StatusReport& r = in.report;
    const bool final = r.state == core::ReportState::Final;
    Document doc;
    doc.title = text.title + "（" + in.contract.code + " " + core::formatIsoDate(r.periodEnd) + "まで" +
                (r.revision > 1 ? " 第" + std::to_string(r.revision) + "版" : "") + "）" +
                (final ? "" : "【案】") + (r.auditHead.empty() ? "" : " 監査ログ " + r.auditHead);
    doc.subject = in.contract.title;
    doc.author = in.organization.name;
    doc.created = in.generated;
    doc.headerRight = final ? "別紙" : "別紙（案）";
    doc.footerLeft = final ? footerOf(r.auditHead) : "案（未確定）" + (r.auditHead.empty() ? std::string() : "　" + footerOf(r.auditHead));
    appendLetterHead(doc, in.reportDate, in.contract, in.organization);
    std::string title = text.title;
    if (r.revision > 1)
        title += "（第" + std::to_string(r.revision) + "版）";
    doc.body.push_back(spaced(Paragraph::text(title, Align::Center, true, 13), 12, 8));
    doc.body.push_back(Paragraph::text("情報セキュリティに関する事項１）の規定に基づき、下記のとおり報告します。"));
    doc.body.push_back(spaced(Paragraph::text("記", Align::Center), 8, 4));
    doc.body.push_back(Paragraph::text(text.section1));
    Table t1;
    t1.columnWidthsMm = {40, 130};
    t1.headerRows = 0;
    t1.rows.push_back({headCell(text.section1Rows.at(0)),
                       Cell::text(in.contract.signedOn ? japaneseDate(*in.contract.signedOn) : "")});
    t1.rows.push_back({headCell(text.section1Rows.at(1)), Cell::text(in.contract.title)});
    doc.body.push_back(t1);
    doc.body.push_back(spaced(Paragraph::text(text.section2), 8, 0));
    doc.body.push_back(Paragraph::text("（報告対象期間：" + japaneseDate(r.periodStart) + "～" + japaneseDate(r.periodEnd) + "）",
                                       Align::Left, false, 9));

    Table t2;
    t2.columnWidthsMm = {34, 112, 24};
    t2.sizePt = 8.5;
    t2.rows.push_back({headCell(text.tableColumns.at(0)), headCell(text.tableColumns.at(1)),
                       headCell(text.tableColumns.at(2))});
    const auto& items = core::seed::reportItems();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i];
        if (!core::parentItem(item.id).empty())
            continue; // drawn with its parent
        int subs = 0;
        for (std::size_t k = i + 1; k < items.size() && core::parentItem(items[k].id) == item.id; ++k)
            ++subs;
        Cell label = Cell::text(itemCell(item));
        label.rowSpan = 1 + subs;
        Cell status = Cell::text(core::itemStatusJa(core::lineStatus(r, item.id)), Align::Center, subs > 0);
        t2.rows.push_back({label, Cell::text(item.check), status});
        for (int k = 1; k <= subs; ++k) {
            const auto& sub = items[i + static_cast<std::size_t>(k)];
            t2.rows.push_back({Cell::coveredCell(), Cell::text(sub.check),
                               Cell::text(core::itemStatusJa(core::answerOf(r, sub.id).status), Align::Center)});
        }
    }
    doc.body.push_back(t2);
    doc.body.push_back(spaced(Paragraph::text(text.instructionsHeading, Align::Left, true, 9), 8, 2));
    for (const auto& line : text.instructions)
        doc.body.push_back(Paragraph::text(line, Align::Justify, false, 9));

    // 別葉: every 未実施 / 該当なし with its reason, and item 15's content whatever its status.
    Paragraph sheet = Paragraph::text("別葉　「未実施」又は「該当なし」の理由及び情報セキュリティに関する事項１５）の実施内容等",
                                      Align::Left, true, 11);
    sheet.pageBreakBefore = true;
    sheet.spaceAfterPt = 6;
    doc.body.push_back(sheet);
    Table t3;
    t3.columnWidthsMm = {22, 24, 124};
    t3.sizePt = 9;
    t3.rows.push_back({headCell("項目"), headCell("実施状況"), headCell("理由・実施内容")});
    for (const auto& a : r.answers) {
        const std::string parent = core::parentItem(a.item);
        const bool item15 = a.item == "15" || parent == "15";
        const bool reason = a.status == core::ItemStatus::NotDone || a.status == core::ItemStatus::NotApplicable;
        if (!(item15 || reason) || (core::hasSubItems(a.item) && a.text.empty()))
            continue;
        std::string body = a.text;
        if (body.empty() && !parent.empty()) {
            const auto& p = core::answerOf(r, parent);
            if (p.status == a.status && !p.text.empty())
                body = "（" + parent + "）に同じ）";
        }
        // Brackets full width, as in the rest of the document (the CSV keeps ASCII ones).
        t3.rows.push_back({Cell::text(core::reportItemLabel(a.item, core::ItemBrackets::FullWidth), Align::Center),
                           Cell::text(core::itemStatusJa(core::hasSubItems(a.item) ? core::lineStatus(r, a.item) : a.status),
                                      Align::Center),
                           Cell::text(body)});
    }
    if (t3.rows.size() == 1)
        t3.rows.push_back({Cell::text(""), Cell::text(""), Cell::text("（該当する項目はありません）")});
    doc.body.push_back(t3);
    doc.body.push_back(spaced(Paragraph::text("以上", Align::Right), 6, 0));
    return doc;
}

Document complianceMethodsDocument(const ComplianceMethodsInput& in)
{
    Document doc;
    doc.title = "情報セキュリティを確保するための体制並びに遵守の方法（" + in.contract.code + "）";
    doc.subject = in.contract.title;
    doc.author = in.organization.name;
    doc.created = in.generated;
    doc.headerRight = "確認書類";
    doc.footerLeft = footerOf(in.auditHead);
    appendLetterHead(doc, in.date, in.contract, in.organization);
    doc.body.push_back(spaced(Paragraph::text("情報セキュリティを確保するための体制並びに遵守の方法について", Align::Center, true, 13), 12, 8));
    doc.body.push_back(Paragraph::text(
        "情報セキュリティに関する事項１）の規定に基づき、情報セキュリティを確保するための体制並びに情報セキュリティに関する"
        "事項２）から１７）までに記載する事項の遵守の方法を、下記のとおり提出します。",
        Align::Justify));
    doc.body.push_back(spaced(Paragraph::text("記", Align::Center), 8, 4));
    doc.body.push_back(Paragraph::text("１．契約件名　" + in.contract.title));
    auto method = [&](const std::string& item) {
        auto it = in.methods.find(item);
        return it == in.methods.end() || it->second.empty() ? std::string("（未記入）") : it->second;
    };
    doc.body.push_back(spaced(Paragraph::text("２．情報セキュリティを確保するための体制"), 6, 2));
    doc.body.push_back(Paragraph::text(method("1") + "\n（別添：情報取扱者名簿（様式4）及び情報管理体制図）"));
    doc.body.push_back(spaced(Paragraph::text("３．受注者の資本関係・役員の情報及び本業務の実施場所（情報セキュリティに関する事項４））"), 6, 2));
    Table t;
    t.columnWidthsMm = {40, 65, 65};
    t.sizePt = 9;
    t.rows.push_back({headCell("名称"), headCell("資本関係・役員"), headCell("業務の実施場所")});
    t.rows.push_back({Cell::text(in.organization.name), Cell::text(in.organization.capitalAndOfficers),
                      Cell::text(in.organization.workPlaces)});
    for (const auto& s : in.subcontractors)
        t.rows.push_back({Cell::text(s.name + "（再委託先）"), Cell::text(s.capitalAndOfficers), Cell::text(s.workPlaces)});
    doc.body.push_back(t);
    doc.body.push_back(spaced(Paragraph::text("４．情報セキュリティに関する事項２）から１７）までの遵守の方法"), 6, 2));
    Table m;
    m.columnWidthsMm = {34, 136};
    m.sizePt = 9;
    m.rows.push_back({headCell("項目"), headCell("遵守の方法")});
    for (const auto& item : core::seed::reportItems())
        if (core::parentItem(item.id).empty())
            m.rows.push_back({Cell::text(item.label), Cell::text(method(item.id))});
    doc.body.push_back(m);
    doc.body.push_back(spaced(Paragraph::text("以上", Align::Right), 6, 0));
    return doc;
}

Document deletionCertificateDocument(const DeletionCertificateInput& in)
{
    std::string pending;
    for (const auto& item : core::disposalChecklist(in.information)) {
        if (item.done())
            continue;
        pending += "\n  #" + std::to_string(item.entryId) + " " + item.name + ": record";
        for (const auto& field : item.missing)
            pending += " " + field;
    }
    if (!pending.empty())
        throw core::Error(core::ErrorCode::IllegalState,
                          "the deletion certificate cannot be made yet; these items of information are not returned, "
                          "disposed of or deleted with the ministry officer's confirmation (clause 8):" + pending,
                          "information",
                          "返却・廃棄・消去証明書はまだ作れません。次の情報の返却・廃棄・消去と担当職員の確認が記録されていません"
                          "（情報セキュリティに関する事項8)）。" + pending);
    if (in.information.empty())
        throw core::Error(core::ErrorCode::IllegalState,
                          "the information register of " + in.contract.code + " is empty: record what was received first",
                          "information",
                          "契約 " + in.contract.code + " の情報の台帳が空です。先に受け取った情報を記録してください。",
                          core::Fix{"In the Registers view, choose 受領情報・複製管理簿 and use Add.",
                                    "管理台帳の画面の「受領情報・複製管理簿」で「追加」を選び、受け取った情報を記録してください。",
                                    "Record it with `meibo-cli register add information …`.",
                                    "`meibo-cli register add information …` で記録してください。"});
    // The certificate certifies what has happened: it is dated on or after every disposal it lists
    // and every confirmation of one.
    const core::RegisterEntry* last = nullptr;
    core::Date lastDay{};
    const char* lastWhat = "";
    for (const auto& e : in.information)
        for (const char* field : {"disposed_on", "confirmed_on"})
            if (const auto day = e.date(field); day && (!last || lastDay < *day)) {
                last = &e;
                lastDay = *day;
                lastWhat = field;
            }
    if (last && in.date < lastDay) {
        const bool confirmed = std::string_view(lastWhat) == "confirmed_on";
        const std::string item = "#" + std::to_string(last->id) + " “" + last->field("name") + "”";
        const std::string itemJa = "#" + std::to_string(last->id) + "「" + last->field("name") + "」";
        throw core::Error(core::ErrorCode::IllegalState,
                          "the deletion certificate would be dated " + core::formatIsoDate(in.date) +
                              ", before the information " + item + " was " +
                              (confirmed ? "confirmed as returned or deleted by the ministry officer"
                                         : "returned, disposed of or deleted") +
                              " on " + core::formatIsoDate(lastDay) +
                              ": a certificate cannot certify what happened after its date. Date it " +
                              core::formatIsoDate(lastDay) + " or later (the export's day), or correct the date " +
                              "recorded for " + item,
                          "date",
                          "返却・廃棄・消去証明書の日付（" + japaneseDate(in.date) + "）が、情報" + itemJa + "の" +
                              (confirmed ? "担当職員による確認日" : "返却・廃棄・消去の実施日") + "（" +
                              japaneseDate(lastDay) + "）より前になります。証明書はその日付より後の事実を証明できません。" +
                              "証明書の日付（出力の基準日）を" + japaneseDate(lastDay) + "以降にするか、" + itemJa +
                              "に記録した日付を訂正してください。");
    }
    Document doc;
    doc.title = "情報の返却・廃棄・消去証明書（" + in.contract.code + "）";
    doc.subject = in.contract.title;
    doc.author = in.organization.name;
    doc.created = in.generated;
    doc.headerRight = "証明書";
    doc.footerLeft = footerOf(in.auditHead);
    appendLetterHead(doc, in.date, in.contract, in.organization);
    doc.body.push_back(spaced(Paragraph::text("情報の返却・廃棄・消去証明書", Align::Center, true, 13), 12, 8));
    doc.body.push_back(Paragraph::text(
        "情報セキュリティに関する事項８）の規定に基づき、本業務遂行中に得た本業務に関する情報（紙媒体及び電子媒体であって"
        "これらの複製を含む。）を、担当職員の確認を受けた上で、下記のとおり返却し、又は廃棄し、若しくは消去したことを証明します。",
        Align::Justify));
    doc.body.push_back(spaced(Paragraph::text("記", Align::Center), 8, 4));
    doc.body.push_back(Paragraph::text("１．契約件名　" + in.contract.title));
    doc.body.push_back(spaced(Paragraph::text("２．返却・廃棄・消去した情報"), 6, 2));
    Table t;
    t.columnWidthsMm = {44, 16, 30, 14, 24, 22, 20};
    t.sizePt = 8.5;
    t.rows.push_back({headCell("情報の名称"), headCell("媒体"), headCell("複製"), headCell("方法"), headCell("実施日"),
                      headCell("確認した担当職員"), headCell("確認日")});
    for (const auto& e : in.information) {
        const std::string medium = e.field("medium") == "paper" ? "紙" : e.field("medium") == "electronic" ? "電子" : "";
        t.rows.push_back({Cell::text(e.field("name")), Cell::text(medium, Align::Center), Cell::text(e.field("copies")),
                          Cell::text(disposalJa(e.field("disposal")), Align::Center),
                          Cell::oneLine(japaneseDate(*e.date("disposed_on"))), Cell::text(e.field("confirmed_by")),
                          Cell::oneLine(japaneseDate(*e.date("confirmed_on")))});
    }
    doc.body.push_back(t);
    doc.body.push_back(spaced(Paragraph::text("以上", Align::Right), 6, 0));
    return doc;
}

} // namespace meibo::forms
