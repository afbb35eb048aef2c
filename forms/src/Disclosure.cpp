#include "meibo/forms/Disclosure.h"

#include "meibo/core/Csv.h"
#include "meibo/core/RosterFields.h"
#include "meibo/core/SeedText.h"
#include "meibo/core/Vocabulary.h"
#include "meibo/forms/JapaneseDate.h"

namespace meibo::forms {

namespace {
using Align = Paragraph::Align;
namespace d = disclosure;

constexpr const char* kTitle = "従事者情報（情報セキュリティに関する事項4)）";

std::string orMissing(const std::string& text)
{
    return text.empty() ? std::string(d::kMissing) : text;
}

/// The roster in the form's order: by 区分, then as listed.
std::vector<const core::RosterEntry*> inFormOrder(const std::vector<core::RosterEntry>& entries)
{
    std::vector<const core::RosterEntry*> out;
    out.reserve(entries.size());
    for (core::Role role : {core::Role::Responsible, core::Role::Manager, core::Role::Worker, core::Role::Subcontractor})
        for (const auto& e : entries)
            if (e.role == role)
                out.push_back(&e);
    return out;
}

std::string joinLines(const std::vector<std::string>& lines)
{
    std::string out;
    for (const auto& l : lines)
        out += (out.empty() ? "" : "\n") + l;
    return out;
}

/// "（issuer、令和8年4月1日）", "" when neither is known.
std::string detail(const std::string& by, const std::optional<core::Date>& on)
{
    std::string inner = by;
    if (on)
        inner += (inner.empty() ? "" : "、") + japaneseDate(*on);
    return inner.empty() ? inner : "（" + inner + "）";
}

Cell head(const std::string& text)
{
    Cell c = Cell::oneLine(text, Align::Center, true); // a heading is never split (国/籍)
    c.shaded = true;
    return c;
}
} // namespace

std::vector<std::string> expertiseLines(const core::RosterEntry& entry, const DisclosureFacts& facts)
{
    std::vector<std::string> lines;
    if (auto it = facts.expertise.find(entry.personId); it != facts.expertise.end())
        for (const auto& q : it->second)
            lines.push_back(std::string(q.training ? d::kTraining : d::kQualification) + "：" + q.name +
                            detail(q.issuer, q.on));
    for (const auto& t : facts.trainings)
        if (t.kind == "training" && t.field("person") == entry.label)
            lines.push_back(std::string(d::kTraining) + "：" + t.field("course") + detail(t.field("by"), t.date("on")));
    return lines;
}

Document disclosureDocument(const RosterDocumentInput& in, const DisclosureFacts& facts)
{
    Document doc;
    doc.title = std::string(kTitle) + "（" + in.contract.code + "）";
    doc.subject = in.contract.title;
    doc.author = in.organization.name;
    doc.created = in.generated;
    doc.headerRight = "事項4";
    doc.footerLeft = in.auditHead.empty() ? std::string() : "監査ログ " + in.auditHead;
    doc.landscape = true;
    doc.baseSizePt = 10;

    doc.body.push_back(Paragraph::text(japaneseDate(in.asOf) + "現在", Align::Right));
    Paragraph title = Paragraph::text(kTitle, Align::Center, true, 16);
    title.spaceAfterPt = 8;
    doc.body.push_back(title);
    doc.body.push_back(Paragraph::text("契約件名：" + in.contract.title));
    Paragraph contractor = Paragraph::text("受注者：" + in.organization.name);
    contractor.spaceAfterPt = 6;
    doc.body.push_back(contractor);
    // The clause itself, verbatim from the seed: what this document answers.
    for (const auto& clause : core::seed::clauses())
        if (clause.id == "4") {
            Paragraph p = Paragraph::text("情報セキュリティに関する事項4)　" + clause.text, Align::Justify, false, 9);
            p.spaceAfterPt = 6;
            doc.body.push_back(p);
        }

    Paragraph one = Paragraph::text(std::string("１．") + d::kCapital + "及び" + d::kPlace, Align::Left, true);
    one.spaceAfterPt = 2;
    doc.body.push_back(one);
    Table company;
    company.columnWidthsMm = {57, 110, 90};
    company.sizePt = 9;
    company.rows.push_back({head("名称"), head("資本関係・役員"), head(d::kPlace)});
    company.rows.push_back({Cell::text(orMissing(in.organization.name) + "（受注者）"),
                            Cell::text(orMissing(in.organization.capitalAndOfficers)),
                            Cell::text(orMissing(in.organization.workPlaces))});
    for (const auto& s : facts.subcontractors)
        company.rows.push_back({Cell::text(s.name + "（再委託先）"), Cell::text(orMissing(s.capitalAndOfficers)),
                                Cell::text(orMissing(s.workPlaces))});
    doc.body.push_back(std::move(company));

    Paragraph two = Paragraph::text(std::string("２．") + d::kWorkers + "の" + d::kAffiliation + "、" + d::kExpertise +
                                        "、" + d::kTrackRecord + "及び" + d::kNationality,
                                    Align::Left, true);
    two.spaceBeforePt = 8;
    two.spaceAfterPt = 2;
    doc.body.push_back(two);
    std::vector<Cell> header = {head("区分"), head("記号"), head(std::string(core::rosterField("name").labelJa)),
                                head(d::kAffiliation), head(d::kExpertise), head(d::kTrackRecord),
                                head(d::kNationality)};
    // As form 4: consecutive tables of at most kChunk rows, each with its header (layout time grows
    // faster than linearly with one table's rows).
    constexpr std::size_t kChunk = 60;
    const auto people = inFormOrder(in.entries);
    for (std::size_t start = 0; start < std::max<std::size_t>(people.size(), 1); start += kChunk) {
        Table t;
        t.columnWidthsMm = {24, 10, 28, 50, 85, 40, 20};
        t.sizePt = 8;
        t.rows.push_back(header);
        for (std::size_t i = start; i < std::min(people.size(), start + kChunk); ++i) {
            const core::RosterEntry& e = *people[i];
            const auto& p = e.person;
            // Organization on one line, department and title on the next: two lines a row where
            // the texts allow (a 1,000-person roster stays about 50 pages).
            std::string affiliation = p.organization.empty() ? in.organization.name : p.organization;
            const std::string unit = p.department + (p.department.empty() || p.title.empty() ? "" : "　") + p.title;
            if (!unit.empty())
                affiliation += (affiliation.empty() ? "" : "\n") + unit;
            t.rows.push_back({Cell::text(core::roleName(e.role)), Cell::oneLine(e.label, Align::Center), Cell::text(p.name),
                              Cell::text(p.organization.empty() && p.department.empty() ? d::kMissing : affiliation),
                              Cell::text(orMissing(joinLines(expertiseLines(e, facts)))),
                              Cell::text(orMissing(p.trackRecord)),
                              Cell::oneLine(p.nationality.empty() ? d::kMissing : core::countryNameJa(p.nationality))});
        }
        if (people.empty())
            t.rows.push_back({Cell::text(""), Cell::text(""), Cell::text(""), Cell::text(""), Cell::text(""),
                              Cell::text(""), Cell::text("")});
        doc.body.push_back(std::move(t));
    }
    Paragraph note = Paragraph::text(std::string("※ ") + d::kMissing +
                                         "は登録簿に記録がない事項です。記録のうえ、改めて提示します。",
                                     Align::Left, false, 9);
    note.spaceBeforePt = 4;
    doc.body.push_back(note);
    return doc;
}

std::string disclosureCsv(const RosterDocumentInput& in, const DisclosureFacts& facts, const DataLayout& layout)
{
    const auto label = [&](const char* key) {
        return layout.keys ? std::string(key) : std::string(core::rosterField(key).labelJa);
    };
    std::string out = "\xEF\xBB\xBF";
    out += core::csvLine({label("role"), label("label"), label("name"), label("organization"), label("department"),
                          label("title"), layout.keys ? std::string("expertise") : std::string(d::kExpertise),
                          label("track_record"), label("nationality")});
    for (const core::RosterEntry* e : inFormOrder(in.entries)) {
        const auto& p = e->person;
        out += core::csvLine({core::roleName(e->role), e->label, p.name,
                              p.organization.empty() ? in.organization.name : p.organization, p.department, p.title,
                              joinLines(expertiseLines(*e, facts)), p.trackRecord,
                              fieldForReader(*e, core::rosterField("nationality"), layout)});
    }
    return out;
}

} // namespace meibo::forms
