#include "meibo/core/XlsxReader.h"

#include "meibo/core/Date.h"
#include "meibo/core/Error.h"
#include "meibo/core/ZipArchive.h"

#include <pugixml.hpp>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <set>

namespace meibo::core {

namespace {

[[noreturn]] void notAWorkbook(const std::string& why, const std::string& whyJa)
{
    throw Error(ErrorCode::InvalidInput, "the file is not a workbook Meibo can read: " + why +
                                             "; open it in Excel and save it again as .xlsx, or as CSV UTF-8",
                "xlsx",
                "Excel のブック（.xlsx）として読めません（" + whyJa +
                    "）。Excel で開き、.xlsx か CSV UTF-8 で保存し直してください。");
}

/// The workbook's container: a roster needs far less than the inspection's bounds.
class Zip {
public:
    explicit Zip(std::string_view bytes) try : m_archive(bytes, ZipArchive::Limits{}) {
    } catch (const ZipArchive::Refused& refused) {
        refuse(refused);
    }

    /// The part's bytes; nullopt when the workbook has no such part.
    std::optional<std::string> read(const std::string& name) const
    {
        try {
            return m_archive.read(name);
        } catch (const ZipArchive::Refused& refused) {
            refuse(refused);
        }
    }

private:
    [[noreturn]] static void refuse(const ZipArchive::Refused& refused)
    {
        const std::string& part = refused.part;
        switch (refused.failure) {
        case ZipArchive::Failure::NotZip:
            notAWorkbook("it is not a ZIP container", "ZIP 形式になっていません");
        case ZipArchive::Failure::Encrypted:
            notAWorkbook("the part " + part + " is encrypted (remove the password in Excel first)",
                         "部品 " + part + " が暗号化されています。Excel でパスワードを解除してください");
        case ZipArchive::Failure::TooLarge:
            notAWorkbook(part.empty() ? "it holds too many parts" : "the part " + part + " is too large",
                         part.empty() ? "部品が多すぎます" : "部品 " + part + " が大きすぎます");
        case ZipArchive::Failure::Damaged:
            break;
        }
        notAWorkbook("the part " + part + " is damaged", "部品 " + part + " が壊れています");
    }
    mutable ZipArchive m_archive;
};

pugi::xml_document parse(const Zip& zip, const std::string& name, bool required)
{
    pugi::xml_document doc;
    const auto text = zip.read(name);
    if (!text) {
        if (required)
            notAWorkbook("the part " + name + " is missing", "部品 " + name + " がありません");
        return doc;
    }
    const pugi::xml_parse_result ok = doc.load_buffer(text->data(), text->size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!ok)
        notAWorkbook("the part " + name + " is not well-formed XML (" + ok.description() + ")",
                     "部品 " + name + " の XML が壊れています");
    return doc;
}

/// Local names: parts may use a namespace prefix (x:row) or none.
const char* localName(const pugi::xml_node& node)
{
    const char* name = node.name();
    const char* colon = std::strchr(name, ':');
    return colon ? colon + 1 : name;
}

pugi::xml_node child(const pugi::xml_node& node, const char* name)
{
    for (pugi::xml_node c : node.children())
        if (std::strcmp(localName(c), name) == 0)
            return c;
    return {};
}

template <typename F> void eachChild(const pugi::xml_node& node, const char* name, F f)
{
    for (pugi::xml_node c : node.children())
        if (std::strcmp(localName(c), name) == 0)
            f(c);
}

pugi::xml_attribute attribute(const pugi::xml_node& node, const char* local)
{
    for (pugi::xml_attribute a : node.attributes()) {
        const char* name = a.name();
        const char* colon = std::strchr(name, ':');
        if (std::strcmp(colon ? colon + 1 : name, local) == 0)
            return a;
    }
    return {};
}

/// The text of a string item: <t>, or the runs <r><t> of rich text; phonetic runs (<rPh>) left out.
std::string stringItem(const pugi::xml_node& si)
{
    std::string out;
    for (pugi::xml_node c : si.children()) {
        if (std::strcmp(localName(c), "t") == 0)
            out += c.text().get();
        else if (std::strcmp(localName(c), "r") == 0)
            out += child(c, "t").text().get();
    }
    return out;
}

/// Whether a number format shows a date: Excel's built-in date formats (14–22 and the East Asian
/// 27–36, 50–58), or a format code with a year, day or era, quoted text and [colours] aside.
bool isDateFormat(int id, const std::string& code)
{
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
        return true;
    if (code.empty() || code == "General" || code == "general" || code == "@")
        return false;
    bool quoted = false;
    bool escaped = false;
    int bracket = 0;
    for (char c : code) {
        if (escaped) {
            escaped = false;
            continue;
        }
        if (c == '\\' && !quoted)
            escaped = true;
        else if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '[')
            ++bracket;
        else if (!quoted && c == ']')
            bracket = bracket > 0 ? bracket - 1 : 0;
        else if (!quoted && bracket == 0 && (c == 'y' || c == 'Y' || c == 'd' || c == 'D' || c == 'e' || c == 'g'))
            return true;
    }
    return false;
}

/// (column 0-based, row 1-based) of "C7"; nullopt for anything else.
std::optional<std::pair<int, int>> cellRef(std::string_view ref)
{
    int col = 0, row = 0;
    std::size_t i = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3)
        col = col * 26 + (ref[i++] - 'A' + 1);
    const std::size_t letters = i;
    while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && i < letters + 7)
        row = row * 10 + (ref[i++] - '0');
    if (letters == 0 || i == letters || i != ref.size() || row < 1)
        return std::nullopt;
    return std::make_pair(col - 1, row);
}

std::string serialToDate(double serial, bool date1904)
{
    const auto days = static_cast<long>(std::floor(serial));
    using namespace std::chrono;
    if (date1904)
        return formatIsoDate(Date{sys_days{Date{year{1904}, month{1}, day{1}}} + std::chrono::days{days}});
    if (days == 60)
        return "1900-02-29"; // Lotus's day that never was: refused as a date later
    // Serial 1 is 1900-01-01; after Lotus's 1900-02-29 the count is one ahead.
    const Date base = days < 60 ? Date{year{1899}, month{12}, day{31}} : Date{year{1899}, month{12}, day{30}};
    return formatIsoDate(Date{sys_days{base} + std::chrono::days{days}});
}

} // namespace

std::string xlsxColumnName(int column)
{
    std::string out;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
}

std::vector<XlsxSheet> readXlsx(std::string_view bytes)
{
    const Zip zip(bytes);
    const pugi::xml_document workbook = parse(zip, "xl/workbook.xml", true);
    const pugi::xml_document rels = parse(zip, "xl/_rels/workbook.xml.rels", true);
    const pugi::xml_document strings = parse(zip, "xl/sharedStrings.xml", false);
    const pugi::xml_document styles = parse(zip, "xl/styles.xml", false);

    std::vector<std::string> shared;
    eachChild(child(strings, "sst"), "si", [&](const pugi::xml_node& si) { shared.push_back(stringItem(si)); });

    std::map<int, std::string> customFormats;
    const pugi::xml_node styleSheet = child(styles, "styleSheet");
    eachChild(child(styleSheet, "numFmts"), "numFmt", [&](const pugi::xml_node& f) {
        customFormats[attribute(f, "numFmtId").as_int()] = attribute(f, "formatCode").as_string();
    });
    std::vector<bool> dateStyle;
    eachChild(child(styleSheet, "cellXfs"), "xf", [&](const pugi::xml_node& xf) {
        const int id = attribute(xf, "numFmtId").as_int();
        const auto custom = customFormats.find(id);
        dateStyle.push_back(isDateFormat(id, custom == customFormats.end() ? std::string() : custom->second));
    });

    const pugi::xml_node wb = child(workbook, "workbook");
    const pugi::xml_attribute d1904 = attribute(child(wb, "workbookPr"), "date1904");
    const bool date1904 = d1904 && (std::string(d1904.as_string()) == "1" || std::string(d1904.as_string()) == "true");

    std::map<std::string, std::string> targets;
    eachChild(child(rels, "Relationships"), "Relationship", [&](const pugi::xml_node& r) {
        std::string target = attribute(r, "Target").as_string();
        target = target.rfind('/', 0) == 0 ? target.substr(1) : "xl/" + target;
        targets[attribute(r, "Id").as_string()] = target;
    });

    std::vector<XlsxSheet> out;
    eachChild(child(wb, "sheets"), "sheet", [&](const pugi::xml_node& s) {
        XlsxSheet sheet;
        sheet.name = attribute(s, "name").as_string();
        const auto target = targets.find(attribute(s, "id").as_string());
        if (target == targets.end())
            notAWorkbook("the sheet “" + sheet.name + "” has no part", "シート「" + sheet.name + "」の部品がありません");
        const pugi::xml_document doc = parse(zip, target->second, false);
        const pugi::xml_node ws = child(doc, "worksheet");
        if (!ws) {
            out.push_back(std::move(sheet)); // a chart sheet or a dialog: no cells
            return;
        }
        int rowNumber = 0;
        eachChild(child(ws, "sheetData"), "row", [&](const pugi::xml_node& row) {
            rowNumber = attribute(row, "r") ? attribute(row, "r").as_int() : rowNumber + 1;
            int column = -1;
            eachChild(row, "c", [&](const pugi::xml_node& c) {
                const auto ref = cellRef(attribute(c, "r").as_string());
                column = ref ? ref->first : column + 1;
                const int r = ref ? ref->second : rowNumber;
                const std::string type = attribute(c, "t").as_string();
                const std::string value = child(c, "v").text().get();
                std::string text;
                if (type == "s") {
                    const auto index = static_cast<std::size_t>(std::strtoul(value.c_str(), nullptr, 10));
                    text = index < shared.size() ? shared[index] : std::string();
                } else if (type == "inlineStr") {
                    text = stringItem(child(c, "is"));
                } else if (type == "str" || type == "e") {
                    text = value;
                } else if (type == "b") {
                    text = value == "1" ? "TRUE" : "FALSE";
                } else if (!value.empty()) {
                    const auto style = static_cast<std::size_t>(attribute(c, "s").as_uint());
                    char* end = nullptr;
                    const double number = std::strtod(value.c_str(), &end);
                    if (style < dateStyle.size() && dateStyle[style] && end && *end == '\0' && number >= 1 &&
                        number < 2958466)
                        text = serialToDate(number, date1904);
                    else
                        text = value;
                }
                if (!text.empty())
                    sheet.rows[r][column] = XlsxCell{std::move(text), false};
            });
        });
        // A merged range shows its top-left cell's value in every row it covers (the form merges
        // 区分 down the rows of one role): each row below gets the value in the range's columns' first.
        eachChild(child(ws, "mergeCells"), "mergeCell", [&](const pugi::xml_node& m) {
            const std::string ref = attribute(m, "ref").as_string();
            const auto colon = ref.find(':');
            if (colon == std::string::npos)
                return;
            const auto from = cellRef(ref.substr(0, colon));
            const auto to = cellRef(ref.substr(colon + 1));
            if (!from || !to || to->second - from->second > 100000)
                return;
            const auto top = sheet.rows.find(from->second);
            if (top == sheet.rows.end() || !top->second.count(from->first))
                return;
            const std::string value = top->second.at(from->first).text;
            for (int r = from->second + 1; r <= to->second; ++r)
                if (!sheet.rows[r].count(from->first))
                    sheet.rows[r][from->first] = XlsxCell{value, true};
        });
        out.push_back(std::move(sheet));
    });
    if (out.empty())
        notAWorkbook("it has no sheets", "シートがありません");
    return out;
}

} // namespace meibo::core
