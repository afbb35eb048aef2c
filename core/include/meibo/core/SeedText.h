#pragma once

#include <string>
#include <vector>

/// Texts of the specification (seed 000_a7528689e240a19d.txt), verbatim but for round brackets, which
/// are full width （） throughout (the seed mixes both widths); paragraphs joined with "\n".
namespace meibo::core::seed {

/// Form 4 (様式4 情報取扱者名簿).
struct Form4Text {
    /// Table heading without its "①" marker: "情報取扱者名簿".
    std::string title;
    /// The heading above ① and ②: "情報取扱者名簿及び情報管理体制図".
    std::string sectionTitle;
    /// The table's heading as the seed prints it: "①情報取扱者名簿".
    std::string heading;
    /// 氏名, 個人住所, 生年月日, 所属部署, 役職, "パスポート番号及び国籍（※4）" (line breaks of the cell removed).
    std::vector<std::string> columns;
    /// "情報管理責任者（※1）" (row A).
    std::string roleResponsible;
    /// "情報取扱管理者（※2）" (rows B, C).
    std::string roleManager;
    /// "業務従事者（※3）" (rows D, E).
    std::string roleWorker;
    /// "再委託先" (row F).
    std::string roleSubcontractor;
    /// The notes （※1）–（※5）, each starting with its marker as in the seed.
    std::vector<std::string> notes;
};
/// The texts of form 4.
const Form4Text& form4();

/// The structure diagram (情報管理体制図) and what it must show.
struct StructureText {
    /// Heading without its "②" marker: "情報管理体制図".
    std::string title;
    /// The diagram's heading as the seed prints it: "②情報管理体制図".
    std::string heading;
    /// "【情報管理体制図に記載すべき事項】".
    std::string requirementsHeading;
    /// The bullet lines, without the leading "- ・ " markup.
    std::vector<std::string> requirements;
};
/// The texts of the structure diagram.
const StructureText& structure();

/// Clause 8 (情報管理体制) ①, "（確保すべき履行体制）", its paragraph, ②, ③ — verbatim, one string per paragraph.
const std::vector<std::string>& clause8();

/// One security clause 1)–17) of 「情報セキュリティに関する事項」.
struct Clause {
    /// "1" .. "17".
    std::string id;
    /// The bracketed section heading the clause falls under, e.g. "【情報セキュリティ関連規程等の遵守】".
    std::string heading;
    /// Full clause text after "N) ", with sub-points and continuation paragraphs, joined with "\n".
    std::string text;
};
/// The clauses 1)–17) in order.
const std::vector<Clause>& clauses();

/// The status report (実施状況報告書, 別紙) form.
struct ReportText {
    /// "情報セキュリティに関する事項の遵守の方法の実施状況報告書".
    std::string title;
    /// Date, addressee (殿), 住所/名称/代表者氏名, the "…下記のとおり報告します。" sentence and "記", in order.
    std::vector<std::string> headerLines;
    /// "１．契約件名等" as written in the seed.
    std::string section1;
    /// "２．報告事項" as written in the seed.
    std::string section2;
    /// "項目", "確認事項", "実施状況".
    std::vector<std::string> tableColumns;
    /// The 記載要領 lines, verbatim, one per line.
    std::vector<std::string> instructions;
    /// The row labels of the section 1 table: "契約締結日", "契約件名".
    std::vector<std::string> section1Rows;
    /// The heading above the instructions: "記載要領".
    std::string instructionsHeading;
};
/// The texts of the status report.
const ReportText& report();

/// One line of the report table: its id, its 項目 label as printed, and its 確認事項 text verbatim.
struct ReportItem {
    /// "2", …, "15", "15.1", …, "15.10", "16", "16.1", …, "16.6", "17".
    std::string id;
    /// The 項目 cell text (paragraphs joined with "\n"); empty for sub-items, which have no cell of their own.
    std::string label;
    /// The 確認事項 text (for 15 and 16 the lead sentence only; sub-items carry their ①… children).
    std::string check;
};
/// The report items in the table's order, sub-items right after their parent.
const std::vector<ReportItem>& reportItems();

}  // namespace meibo::core::seed
