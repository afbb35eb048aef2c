#include "meibo/forms/Forms.h"

#include "meibo/core/RosterFields.h"

#include "meibo/core/SeedText.h"
#include "meibo/core/Vocabulary.h"
#include "meibo/forms/JapaneseDate.h"

namespace meibo::forms {

namespace {
using Align = Paragraph::Align;

std::string roleCell(core::Role role)
{
    const auto& t = core::seed::form4();
    switch (role) {
    case core::Role::Responsible: return t.roleResponsible;
    case core::Role::Manager: return t.roleManager;
    case core::Role::Worker: return t.roleWorker;
    case core::Role::Subcontractor: return t.roleSubcontractor;
    }
    return "";
}

Paragraph headingLine(const std::string& text) { return Paragraph::text(text, Align::Center, true, 16); }

/// The date, the seed's heading over ① and ②, the contract and the contractor; then `heading`
/// ("①情報取扱者名簿" or "②情報管理体制図") over what follows.
void preamble(Document& doc, const RosterDocumentInput& in, const std::string& heading)
{
    Paragraph date = Paragraph::text(japaneseDate(in.asOf) + "現在", Align::Right);
    doc.body.push_back(date);
    Paragraph title = headingLine(core::seed::form4().sectionTitle);
    title.spaceAfterPt = 8;
    doc.body.push_back(title);
    doc.body.push_back(Paragraph::text("契約件名：" + in.contract.title));
    Paragraph contractor = Paragraph::text("受注者：" + in.organization.name);
    contractor.spaceAfterPt = 6;
    doc.body.push_back(contractor);
    Paragraph part = Paragraph::text(heading, Align::Left, true, 12);
    part.spaceAfterPt = 4;
    doc.body.push_back(part);
}

std::string footerText(const RosterDocumentInput& in)
{
    return in.auditHead.empty() ? std::string() : "監査ログ " + in.auditHead;
}

/// A landscape roster document with its metadata, header and footer.
Document rosterDocument(const RosterDocumentInput& in, const std::string& title, const std::string& header)
{
    Document doc;
    doc.title = title + "（" + in.contract.code + "）";
    doc.subject = in.contract.title;
    doc.author = in.organization.name;
    doc.created = in.generated;
    doc.headerRight = header;
    doc.footerLeft = footerText(in);
    doc.landscape = true;
    return doc;
}
} // namespace

std::string passportCell(const core::RosterEntry& e)
{
    if (!core::passportRequired(e.person.residenceStatus))
        return {};
    std::string out = e.person.passportNo;
    if (!e.person.nationality.empty())
        out += (out.empty() ? "" : "\n") + core::countryNameJa(e.person.nationality);
    return out;
}

Document form4Document(const RosterDocumentInput& in)
{
    const auto& text = core::seed::form4();
    Document doc = rosterDocument(in, text.title, "様式4");
    doc.baseSizePt = 10;
    preamble(doc, in, text.heading);

    // 区分, 記号, then the seed's six columns (A4 landscape text width 257 mm).
    // The headings stay on one line each (a note marker on a line of its own): 国籍 is not split as
    // 国/籍 in Word or LibreOffice, whose DOCX columns are widened to them.
    std::vector<Cell> header = {Cell::oneLine("区分", Align::Center, true), Cell::oneLine("記号", Align::Center, true)};
    for (const auto& col : text.columns) {
        const auto note = col.find("（※");
        header.push_back(Cell::oneLine(note == std::string::npos || note == 0 ? col : col.substr(0, note) + "\n" + col.substr(note),
                                       Align::Center, true));
    }
    for (auto& c : header)
        c.shaded = true;
    // A long roster is printed as consecutive tables of at most kChunk rows, each with the header:
    // table layout time grows much faster than linearly with the rows of one table.
    constexpr int kChunk = 60;
    std::vector<std::pair<core::Role, const core::RosterEntry*>> lines;
    for (core::Role role : {core::Role::Responsible, core::Role::Manager, core::Role::Worker, core::Role::Subcontractor}) {
        bool any = false;
        for (const auto& e : in.entries)
            if (e.role == role) {
                lines.emplace_back(role, &e);
                any = true;
            }
        if (!any)
            lines.emplace_back(role, nullptr); // the form shows every role, with an empty row when nobody holds it
    }
    for (std::size_t start = 0; start < lines.size(); start += kChunk) {
        const std::size_t end = std::min(lines.size(), start + kChunk);
        Table table;
        table.columnWidthsMm = {34, 11, 30, 58, 32, 32, 22, 38};
        table.sizePt = 9;
        table.rows.push_back(header);
        for (std::size_t i = start; i < end; ++i) {
            const auto [role, entry] = lines[i];
            std::vector<Cell> row;
            if (i == start || lines[i - 1].first != role) {
                std::size_t span = 1;
                while (i + span < end && lines[i + span].first == role)
                    ++span;
                Cell roleCellValue = Cell::text(roleCell(role), Align::Left, false);
                roleCellValue.rowSpan = static_cast<int>(span);
                row.push_back(roleCellValue);
            } else {
                row.push_back(Cell::coveredCell());
            }
            if (!entry) {
                for (int k = 0; k < 7; ++k)
                    row.push_back(Cell::text(""));
            } else {
                const core::RosterEntry& e = *entry;
                const auto& p = e.person;
                std::string department = p.department;
                if (!p.organization.empty())
                    department = p.organization + (department.empty() ? "" : "\n" + department);
                row.push_back(Cell::oneLine(e.label, Align::Center));
                row.push_back(Cell::text(p.name));
                // ※5 as the field table says (core::Privacy): the same fields as the CSV and XLSX leave out.
                row.push_back(Cell::text(core::fieldText(e, core::rosterField("address"), in.preContract)));
                const std::string born = core::fieldText(e, core::rosterField("birth_date"), in.preContract);
                row.push_back(Cell::oneLine(born.empty() ? "" : japaneseDate(*core::parseIsoDate(born)))); // never 15/日
                row.push_back(Cell::text(department));
                row.push_back(Cell::text(p.title));
                row.push_back(Cell::text(passportCell(e)));
            }
            table.rows.push_back(std::move(row));
        }
        doc.body.push_back(std::move(table));
    }
    Paragraph gap;
    gap.spaceAfterPt = 4;
    gap.keepWithPrevious = true; // the notes print on the page of the table's last rows
    doc.body.push_back(gap);
    for (const auto& note : text.notes) {
        Paragraph p = Paragraph::text(note, Align::Left, false, 9);
        p.spaceAfterPt = 2;
        p.keepWithPrevious = true;
        doc.body.push_back(p);
    }
    if (in.preContract) {
        Paragraph p = Paragraph::text("※ 本名簿は契約前の提出のため、個人住所及び生年月日の記載を省略しています（※5）。", Align::Left,
                                      false, 9);
        p.spaceBeforePt = 4;
        doc.body.push_back(p);
    }
    return doc;
}

Document structureDocument(const RosterDocumentInput& in, const Image& diagram)
{
    const auto& text = core::seed::structure();
    Document doc = rosterDocument(in, text.title, "情報管理体制図");
    preamble(doc, in, text.heading);
    doc.body.push_back(diagram);
    Paragraph heading = Paragraph::text(text.requirementsHeading, Align::Left, true, 9);
    heading.spaceBeforePt = 6;
    doc.body.push_back(heading);
    for (const auto& line : text.requirements)
        doc.body.push_back(Paragraph::text("・" + line, Align::Left, false, 9));
    return doc;
}

} // namespace meibo::forms
