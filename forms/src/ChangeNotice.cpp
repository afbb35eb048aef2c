#include "meibo/forms/Forms.h"

#include "meibo/forms/DataFiles.h"
#include "meibo/forms/Disclosure.h"

#include "meibo/core/RosterFields.h"
#include "meibo/core/Vocabulary.h"
#include "meibo/forms/JapaneseDate.h"
#include "meibo/forms/StatusReportForms.h"

#include <map>

namespace meibo::forms {

namespace {
using Align = Paragraph::Align;

/// A field's value as the form prints it: dates in the Japanese era, countries by their Japanese name.
std::string printed(const core::RosterField& f, const core::RosterRow& row)
{
    return fieldForReader(row, f, DataLayout{});
}
} // namespace

std::vector<ChangeLine> diffRosters(const std::vector<core::RosterEntry>& before,
                                    const std::vector<core::RosterEntry>& after)
{
    std::map<std::string, const core::RosterEntry*> old, now;
    for (const auto& e : before)
        old[e.label] = &e;
    for (const auto& e : after)
        now[e.label] = &e;
    std::vector<ChangeLine> lines;
    for (const auto& [label, e] : old)
        if (!now.count(label))
            lines.push_back({label, e->person.name, "従事終了", std::string(core::roleName(e->role)), "（なし）"});
    for (const auto& [label, e] : now) {
        auto it = old.find(label);
        if (it == old.end()) {
            lines.push_back({label, e->person.name, "新規従事", "（なし）", std::string(core::roleName(e->role))});
            continue;
        }
        const core::RosterEntry& a = *it->second;
        const core::RosterEntry& b = *e;
        auto compare = [&](const char* what, const std::string& x, const std::string& y) {
            if (x != y)
                lines.push_back({label, b.person.name, what, x.empty() ? "（なし）" : x, y.empty() ? "（なし）" : y});
        };
        if (a.personId != b.personId)
            compare("従事者", a.person.name, b.person.name);
        // Every field of the row (core/RosterFields.h) but the label and the period, which joining
        // and leaving show.
        for (const core::RosterField& f : core::rosterFields())
            if (f.key != "label" && f.key != "valid_from" && f.key != "valid_to")
                compare(std::string(f.labelJa).c_str(), printed(f, a), printed(f, b));
    }
    return lines;
}

Document changeNoticeDocument(const ChangeNoticeInput& in)
{
    Document doc;
    doc.title = "情報取扱者名簿等の変更届（" + in.contract.code + "）";
    doc.subject = in.contract.title;
    doc.author = in.organization.name;
    doc.created = in.generated;
    doc.headerRight = "変更届";
    doc.footerLeft = in.auditHead.empty() ? "" : "監査ログ " + in.auditHead;
    appendLetterHead(doc, in.noticeDate, in.contract, in.organization);
    Paragraph title = Paragraph::text(in.late ? "情報取扱者名簿等の変更届（事後届出）" : "情報取扱者名簿等の変更届", Align::Center,
                                      true, 14);
    title.spaceBeforePt = 12;
    title.spaceAfterPt = 8;
    doc.body.push_back(title);
    doc.body.push_back(Paragraph::text(
        "「情報セキュリティを確保するための体制を定めた書面（情報管理体制図）」又は「情報取扱者名簿」に変更が生じるため、"
        "下記のとおり予め届け出ます。同意いただけますようお願いいたします。",
        Align::Justify));
    if (in.late) {
        Paragraph late = Paragraph::text("本変更は事前の届出を行わずに生じたため、事後の届出となりました。", Align::Left, true);
        late.spaceBeforePt = 4;
        doc.body.push_back(late);
    }
    Paragraph ki = Paragraph::text("記", Align::Center);
    ki.spaceBeforePt = 8;
    ki.spaceAfterPt = 4;
    doc.body.push_back(ki);
    doc.body.push_back(Paragraph::text("１．契約件名　" + in.contract.title));
    doc.body.push_back(Paragraph::text("２．変更予定日　" + japaneseDate(in.effective)));
    doc.body.push_back(Paragraph::text("３．変更の理由　" + in.reason));
    Paragraph four = Paragraph::text("４．変更の内容");
    four.spaceBeforePt = 4;
    doc.body.push_back(four);
    Table t;
    t.columnWidthsMm = {14, 30, 30, 48, 48};
    t.sizePt = 9;
    std::vector<Cell> head = {Cell::text("記号", Align::Center, true), Cell::text("氏名", Align::Center, true),
                              Cell::text("変更事項", Align::Center, true), Cell::text("変更前", Align::Center, true),
                              Cell::text("変更後", Align::Center, true)};
    for (auto& c : head)
        c.shaded = true;
    t.rows.push_back(head);
    for (const auto& l : in.lines)
        t.rows.push_back({Cell::text(l.label, Align::Center), Cell::text(l.name), Cell::text(l.what), Cell::text(l.before),
                          Cell::text(l.after)});
    if (in.lines.empty())
        t.rows.push_back({Cell::text(""), Cell::text(""), Cell::text("（名簿の変更なし）"), Cell::text(""), Cell::text("")});
    doc.body.push_back(t);
    if (!in.incoming.empty()) {
        Paragraph five = Paragraph::text("５．新たに従事する者の情報（情報セキュリティに関する事項 4））");
        five.spaceBeforePt = 8;
        doc.body.push_back(five);
        Table d;
        d.columnWidthsMm = {14, 28, 34, 50, 28, 16};
        d.sizePt = 9;
        std::vector<Cell> dh = {Cell::text("記号", Align::Center, true), Cell::text("氏名", Align::Center, true),
                                Cell::text("所属", Align::Center, true),
                                Cell::text("専門性（資格・研修実績等）", Align::Center, true),
                                Cell::text("実績", Align::Center, true), Cell::text("国籍", Align::Center, true)};
        for (auto& c : dh)
            c.shaded = true;
        d.rows.push_back(dh);
        for (const auto& p : in.incoming) {
            std::string expertise;
            for (const auto& q : p.expertise)
                expertise += (expertise.empty() ? "" : "\n") + q.name + (q.on ? "（" + japaneseDate(*q.on) + "）" : "");
            const auto& person = p.entry.person;
            // What clause 4) asks for and is not recorded shows as （未記入）, as in the disclosure.
            const auto orMissing = [](const std::string& text) {
                return text.empty() ? std::string(disclosure::kMissing) : text;
            };
            d.rows.push_back({Cell::text(p.entry.label, Align::Center), Cell::text(person.name),
                              Cell::text(person.organization.empty() && person.department.empty()
                                             ? std::string(disclosure::kMissing)
                                             : (person.organization.empty() ? in.organization.name : person.organization) +
                                                   (person.department.empty() ? "" : "\n" + person.department)),
                              Cell::text(orMissing(expertise)), Cell::text(orMissing(person.trackRecord)),
                              Cell::text(person.nationality.empty() ? std::string(disclosure::kMissing)
                                                                    : core::countryNameJa(person.nationality))});
        }
        doc.body.push_back(d);
    }
    Paragraph attach = Paragraph::text("添付：変更後の情報取扱者名簿（様式4）及び情報管理体制図（" + japaneseDate(in.effective) + "現在）");
    attach.spaceBeforePt = 8;
    doc.body.push_back(attach);
    doc.body.push_back(Paragraph::text("以上", Align::Right));
    return doc;
}

} // namespace meibo::forms
