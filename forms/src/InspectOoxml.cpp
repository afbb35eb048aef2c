// The inspection of Office Open XML: .xlsx/.xlsm (SpreadsheetML) and .docx/.docm (WordprocessingML).
// core's ZipArchive reads the container with every part's decompressed size counted as it is read
// (the sizes the ZIP declares are not trusted), pugixml the parts.

#include "InspectInternal.h"

#include "meibo/core/XlsxReader.h"
#include "meibo/core/ZipArchive.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>

namespace meibo::forms::inspect {

namespace {

/// Thrown for a container that cannot be read; becomes a `file-unreadable` finding.
struct Unreadable {
    std::string en, ja;
};

/// The document's container, bounded as the inspection's limits say; its refusals become
/// `file-unreadable` findings.
class Zip {
public:
    explicit Zip(std::string_view bytes) try : m_archive(bytes, limits()) {
    } catch (const core::ZipArchive::Refused& refused) {
        refuse(refused);
    }

    const std::vector<std::string>& names() const { return m_archive.names(); }
    bool has(const std::string& name) const { return m_archive.has(name); }

    /// The part's bytes, read in chunks and refused past the part and total limits.
    std::optional<std::string> read(const std::string& name)
    {
        try {
            return m_archive.read(name);
        } catch (const core::ZipArchive::Refused& refused) {
            refuse(refused);
        }
    }

private:
    static core::ZipArchive::Limits limits()
    {
        core::ZipArchive::Limits l;
        l.partBytes = InspectLimits::kZipPartBytes;
        l.totalBytes = InspectLimits::kZipTotalBytes;
        return l;
    }
    [[noreturn]] static void refuse(const core::ZipArchive::Refused& refused)
    {
        const std::string& name = refused.part;
        switch (refused.failure) {
        case core::ZipArchive::Failure::NotZip:
            throw Unreadable{"The file is not a readable Office document (its ZIP container is damaged); open it in Excel or "
                             "Word, save it again and inspect again.",
                             "Office 文書として読めません（ZIP コンテナーが壊れています）。Excel か Word で開いて保存し直し、再度点検してください。"};
        case core::ZipArchive::Failure::Encrypted:
            throw Unreadable{"The part " + name + " is encrypted; remove the password and inspect again.",
                             "部品 " + name + " が暗号化されています。パスワードを解除して再度点検してください。"};
        case core::ZipArchive::Failure::TooLarge:
            throw Unreadable{"The file unpacks to far more than any document needs (a ZIP bomb, or a part over 64 MB): it was "
                             "not inspected further. Do not deliver it; save the document again from Office.",
                             "展開すると文書として異常な大きさになります（ZIP 爆弾、または 64 MB を超える部品）。点検を中止しました。"
                             "このまま納品せず、Office で保存し直してください。"};
        case core::ZipArchive::Failure::Damaged:
            break;
        }
        throw Unreadable{"The part " + name + " is damaged; open the file in Office, save it again and inspect again.",
                         "部品 " + name + " が壊れています。Office で開いて保存し直し、再度点検してください。"};
    }
    core::ZipArchive m_archive;
};

const char* localName(const char* name)
{
    const char* colon = std::strchr(name, ':');
    return colon ? colon + 1 : name;
}

bool is(const pugi::xml_node& node, const char* local) { return std::strcmp(localName(node.name()), local) == 0; }

pugi::xml_node child(const pugi::xml_node& node, const char* name)
{
    for (pugi::xml_node c : node.children())
        if (is(c, name))
            return c;
    return {};
}

pugi::xml_attribute attr(const pugi::xml_node& node, const char* local)
{
    for (pugi::xml_attribute a : node.attributes())
        if (std::strcmp(localName(a.name()), local) == 0)
            return a;
    return {};
}

/// Walks every element below `root` in document order, without recursion (a part nested a
/// million deep must not exhaust the stack).
template <typename F> void walk(const pugi::xml_node& root, F&& f)
{
    pugi::xml_node n = root.first_child();
    while (n) {
        if (n.type() == pugi::node_element)
            f(n);
        if (n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (n && n != root && !n.next_sibling())
            n = n.parent();
        if (!n || n == root)
            break;
        n = n.next_sibling();
    }
}

bool truthy(const pugi::xml_attribute& a)
{
    if (!a)
        return false;
    const std::string v = a.value();
    return v == "1" || v == "true" || v == "on";
}

std::optional<pugi::xml_document> parse(Zip& zip, const std::string& name)
{
    auto text = zip.read(name);
    if (!text)
        return std::nullopt;
    std::optional<pugi::xml_document> doc(std::in_place);
    if (!doc->load_buffer(text->data(), text->size(), pugi::parse_default | pugi::parse_ws_pcdata))
        throw Unreadable{"The part " + name + " is not well-formed XML; open the file in Office, save it again and inspect again.",
                         "部品 " + name + " の XML が壊れています。Office で開いて保存し直し、再度点検してください。"};
    return doc;
}

/// The relationships of a part: id → (type's last segment, target resolved against the part's folder).
std::map<std::string, std::pair<std::string, std::string>> relationships(Zip& zip, const std::string& part)
{
    std::map<std::string, std::pair<std::string, std::string>> out;
    const auto slash = part.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : part.substr(0, slash + 1);
    const std::string file = slash == std::string::npos ? part : part.substr(slash + 1);
    const auto doc = parse(zip, folder + "_rels/" + file + ".rels");
    if (!doc)
        return out;
    for (pugi::xml_node r : child(*doc, "Relationships").children()) {
        std::string type = attr(r, "Type").value();
        type = type.substr(type.rfind('/') + 1);
        std::string target = attr(r, "Target").value();
        if (std::string(attr(r, "TargetMode").value()) != "External") {
            // Resolved against the part's folder: "xl/worksheets/" + "../comments1.xml" → "xl/comments1.xml".
            const std::string joined = !target.empty() && target[0] == '/' ? target.substr(1) : folder + target;
            std::vector<std::string> segments;
            for (std::size_t start = 0; start <= joined.size();) {
                std::size_t end = joined.find('/', start);
                if (end == std::string::npos)
                    end = joined.size();
                const std::string seg = joined.substr(start, end - start);
                if (seg == "..") {
                    if (!segments.empty())
                        segments.pop_back();
                } else if (!seg.empty() && seg != ".") {
                    segments.push_back(seg);
                }
                start = end + 1;
            }
            target.clear();
            for (const auto& seg : segments)
                target += (target.empty() ? "" : "/") + seg;
        }
        out[attr(r, "Id").value()] = {type, target};
    }
    return out;
}

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string ranges(const std::vector<int>& sorted, const std::function<std::string(int)>& name)
{
    std::string out;
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1)
            ++j;
        if (!out.empty())
            out += ",";
        out += name(sorted[i]);
        if (j > i)
            out += ":" + name(sorted[j]);
        i = j + 1;
    }
    return out;
}

/// Parts every kind of Office file may carry that must not go out unseen.
void inspectPackageParts(Zip& zip, Findings& out)
{
    std::set<std::string> reported;
    for (const std::string& name : zip.names()) {
        if (startsWith(name, "customXml/") && name.find("/item") != std::string::npos && name.find("Props") == std::string::npos &&
            name.find("_rels") == std::string::npos)
            out.add("office-custom-xml", name,
                    "The document carries custom XML data (" + name + "), which Office does not show: remove it "
                    "(Document Inspector: Custom XML Data) before publication.",
                    "画面に表示されないカスタム XML データ（" + name + "）が含まれています。公開前に削除してください（ドキュメント検査の「カスタム XML データ」）。");
        if (name.find("vbaProject.bin") != std::string::npos)
            out.add("office-macro", name,
                    "The document contains macros (" + name + "): save it as .xlsx or .docx without macros before publication.",
                    "マクロ（" + name + "）が含まれています。公開前にマクロなしの .xlsx か .docx で保存してください。");
        if ((startsWith(name, "xl/embeddings/") || startsWith(name, "word/embeddings/") || startsWith(name, "ppt/embeddings/")) &&
            name.back() != '/')
            out.add("office-embedded-object", name,
                    "An embedded object (" + name + ") is inside the document; its content is not visible as such: "
                    "delete it or paste it as a picture before publication.",
                    "埋め込みオブジェクト（" + name + "）が含まれています。中身はそのままでは見えません。公開前に削除するか、図として貼り付け直してください。");
    }
}

void inspectProperties(Zip& zip, Findings& out)
{
    const auto& known = out.options().knownAuthors;
    auto report = [&](const std::string& part, const char* field, const char* fieldJa, const std::string& value) {
        if (value.empty())
            return;
        for (const auto& k : known)
            if (normalizeForMatch(k) == normalizeForMatch(value))
                return;
        out.add("office-personal-metadata", part,
                std::string("The document properties name ") + field + " “" + value + "” (" + part +
                    "): remove it (File > Info > Inspect Document > Document Properties and Personal Information) before publication.",
                std::string("文書のプロパティに") + fieldJa + "「" + value + "」が記録されています（" + part +
                    "）。公開前に削除してください（ファイル＞情報＞ドキュメント検査＞ドキュメントのプロパティと個人情報）。");
    };
    if (const auto coreProps = parse(zip, "docProps/core.xml")) {
        const pugi::xml_node props = coreProps->document_element();
        report("docProps/core.xml", "the author", "作成者", child(props, "creator").text().get());
        report("docProps/core.xml", "the last editor", "最終更新者", child(props, "lastModifiedBy").text().get());
    }
    if (const auto app = parse(zip, "docProps/app.xml")) {
        const pugi::xml_node props = app->document_element();
        report("docProps/app.xml", "the company", "会社名", child(props, "Company").text().get());
        report("docProps/app.xml", "the manager", "管理者", child(props, "Manager").text().get());
    }
}

// ---- Excel

struct CellStyle {
    std::string fontColor; ///< ARGB or "" (automatic: black)
    std::string fillColor; ///< ARGB or "" (no fill: white)
};

std::string argb(const pugi::xml_node& color)
{
    std::string rgb = attr(color, "rgb").value();
    if (rgb.size() == 6)
        rgb = "FF" + rgb;
    for (char& c : rgb)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return rgb;
}

std::vector<CellStyle> cellStyles(Zip& zip, const std::string& part)
{
    std::vector<CellStyle> out;
    const auto doc = parse(zip, part);
    if (!doc)
        return out;
    const pugi::xml_node sheet = doc->document_element();
    std::vector<std::string> fonts, fills;
    for (pugi::xml_node f : child(sheet, "fonts").children())
        fonts.push_back(argb(child(f, "color")));
    for (pugi::xml_node f : child(sheet, "fills").children()) {
        const pugi::xml_node pattern = child(f, "patternFill");
        const std::string type = attr(pattern, "patternType").value();
        fills.push_back(type == "solid" ? argb(child(pattern, "fgColor")) : "");
    }
    for (pugi::xml_node xf : child(sheet, "cellXfs").children()) {
        const auto font = static_cast<std::size_t>(attr(xf, "fontId").as_uint());
        const auto fill = static_cast<std::size_t>(attr(xf, "fillId").as_uint());
        out.push_back({font < fonts.size() ? fonts[font] : "", fill < fills.size() ? fills[fill] : ""});
    }
    return out;
}

bool invisible(const CellStyle& s)
{
    if (s.fontColor.empty())
        return false; // automatic colour follows the fill
    const std::string fill = s.fillColor.empty() ? "FFFFFFFF" : s.fillColor;
    return s.fontColor == fill;
}

void inspectXlsx(Zip& zip, const PersonalData& personal, Findings& out)
{
    const auto workbook = parse(zip, "xl/workbook.xml");
    if (!workbook)
        throw Unreadable{"The workbook has no xl/workbook.xml; open it in Excel, save it again and inspect again.",
                         "ブックに xl/workbook.xml がありません。Excel で開いて保存し直し、再度点検してください。"};
    const pugi::xml_node wb = workbook->document_element();
    const auto rels = relationships(zip, "xl/workbook.xml");

    std::vector<std::string> shared;
    if (const auto sst = parse(zip, "xl/sharedStrings.xml"))
        for (pugi::xml_node si : sst->document_element().children()) {
            if (!is(si, "si"))
                continue;
            std::string text;
            walk(si, [&](const pugi::xml_node& n) {
                if (is(n, "t") && !is(n.parent(), "rPh"))
                    text += n.text().get();
            });
            shared.push_back(std::move(text));
        }
    std::string stylesPart = "xl/styles.xml";
    for (const auto& [id, rel] : rels)
        if (rel.first == "styles")
            stylesPart = rel.second;
    const std::vector<CellStyle> styles = cellStyles(zip, stylesPart);

    for (pugi::xml_node name : child(wb, "definedNames").children()) {
        const std::string n = attr(name, "name").value();
        if (truthy(attr(name, "hidden")) && !startsWith(n, "_xlnm."))
            out.add("xlsx-hidden-name", n,
                    "The workbook has a hidden defined name “" + n + "” (" + name.text().get() +
                        "): delete it (or make it visible) before publication.",
                    "ブックに非表示の名前定義「" + n + "」があります。公開前に削除するか表示してください。");
    }

    for (pugi::xml_node sheet : child(wb, "sheets").children()) {
        const std::string sheetName = attr(sheet, "name").value();
        const std::string state = attr(sheet, "state").value();
        if (state == "hidden" || state == "veryHidden")
            out.add("xlsx-hidden-sheet", sheetName,
                    "The sheet “" + sheetName + "” is " + (state == "veryHidden" ? "very hidden (not even listed by Unhide)" : "hidden") +
                        ": unhide it and check it, or delete it before publication.",
                    "シート「" + sheetName + "」が" + (state == "veryHidden" ? "完全に非表示（再表示の一覧にも出ません）" : "非表示") +
                        "です。再表示して確かめるか、公開前に削除してください。");
        const auto rel = rels.find(attr(sheet, "id").value());
        if (rel == rels.end())
            continue;
        const std::string part = rel->second.second;
        const auto doc = parse(zip, part);
        if (!doc)
            continue;
        const pugi::xml_node ws = doc->document_element();
        const bool filtered = static_cast<bool>(child(ws, "autoFilter"));
        if (truthy(attr(child(ws, "sheetFormatPr"), "zeroHeight")))
            out.add("xlsx-hidden-row", sheetName,
                    "On the sheet “" + sheetName + "” every row not written has zero height (hidden): select the sheet, unhide all rows and check them.",
                    "シート「" + sheetName + "」では、既定の行の高さが 0（非表示）です。すべての行を再表示して確かめてください。");
        std::vector<int> hiddenCols;
        for (pugi::xml_node col : child(ws, "cols").children()) {
            const pugi::xml_attribute width = attr(col, "width");
            if (truthy(attr(col, "hidden")) || (width && width.as_double() <= 0.0)) {
                const int lo = attr(col, "min").as_int(), hi = std::min(attr(col, "max").as_int(), 16384);
                for (int c = std::max(lo, 1); c <= hi; ++c)
                    hiddenCols.push_back(c);
            }
        }
        if (!hiddenCols.empty()) {
            if (hiddenCols.back() == 16384) { // "hide everything to the right" is layout, not content: name the start
                while (hiddenCols.size() > 1 && hiddenCols[hiddenCols.size() - 2] == hiddenCols.back() - 1)
                    hiddenCols.pop_back();
            }
            const std::string cols = ranges(hiddenCols, [](int c) { return core::xlsxColumnName(c - 1); });
            out.add("xlsx-hidden-column", sheetName + "!" + cols,
                    (hiddenCols.size() == 1 ? "Column " : "Columns ") + cols + " of the sheet “" + sheetName + "” " +
                        (hiddenCols.size() == 1 ? "is" : "are") + " hidden (or 0 wide): unhide and check, or delete before publication.",
                    "シート「" + sheetName + "」の列 " + cols + " が非表示（または幅 0）です。再表示して確かめるか、公開前に削除してください。");
        }
        std::vector<int> hiddenRows;
        std::vector<std::pair<std::string, std::size_t>> cellTexts;
        for (pugi::xml_node row : child(ws, "sheetData").children()) {
            if (!is(row, "row"))
                continue;
            const pugi::xml_attribute ht = attr(row, "ht");
            if (truthy(attr(row, "hidden")) || (ht && ht.as_double() <= 0.0))
                hiddenRows.push_back(attr(row, "r").as_int());
            for (pugi::xml_node c : row.children()) {
                if (!is(c, "c"))
                    continue;
                const std::string type = attr(c, "t").value();
                std::string text;
                if (type == "s") {
                    const auto i = static_cast<std::size_t>(child(c, "v").text().as_ullong(~0ull));
                    if (i < shared.size())
                        text = shared[i];
                } else if (type == "inlineStr") {
                    walk(child(c, "is"), [&](const pugi::xml_node& n) {
                        if (is(n, "t"))
                            text += n.text().get();
                    });
                } else {
                    text = child(c, "v").text().get();
                }
                if (text.empty())
                    continue;
                const auto style = static_cast<std::size_t>(attr(c, "s").as_uint());
                if (style < styles.size() && invisible(styles[style])) {
                    const std::string ref = attr(c, "r").value();
                    out.add("xlsx-invisible-text", sheetName + "!" + ref,
                            "The text of cell " + ref + " on the sheet “" + sheetName + "” has the colour of its background (invisible): "
                            "give it a visible colour and check it, or delete it.",
                            "シート「" + sheetName + "」のセル " + ref + " の文字色が背景色と同じです（見えない文字）。色を変えて確かめるか、削除してください。");
                }
                personal.scan(
                    text,
                    [&] {
                        const std::string ref(attr(c, "r").value());
                        return Place{sheetName + "!" + ref, "cell " + ref + " of the sheet “" + sheetName + "”",
                                     "シート「" + sheetName + "」のセル " + ref};
                    },
                    out);
            }
        }
        if (!hiddenRows.empty()) {
            std::sort(hiddenRows.begin(), hiddenRows.end());
            const std::string rows = ranges(hiddenRows, [](int r) { return std::to_string(r); });
            if (filtered)
                out.add("xlsx-filtered-row", sheetName + "!" + rows,
                        (hiddenRows.size() == 1 ? "Row " : "Rows ") + rows + " of the sheet “" + sheetName + "” " +
                            (hiddenRows.size() == 1 ? "is" : "are") + " filtered out: clear the filter and check them, or delete them before publication.",
                        "シート「" + sheetName + "」の行 " + rows + " がフィルターで隠れています。フィルターを解除して確かめるか、公開前に削除してください。");
            else
                out.add("xlsx-hidden-row", sheetName + "!" + rows,
                        (hiddenRows.size() == 1 ? "Row " + rows + " of the sheet “" + sheetName + "” is hidden (or 0 high): unhide it and check it, "
                                                 "or delete it before publication."
                                               : "Rows " + rows + " of the sheet “" + sheetName + "” are hidden (or 0 high): unhide them and "
                                                 "check them, or delete them before publication."),
                        "シート「" + sheetName + "」の行 " + rows + " が非表示（または高さ 0）です。再表示して確かめるか、公開前に削除してください。");
        }
        for (const auto& [id, srel] : relationships(zip, part)) {
            const std::string& type = srel.first;
            if (type == "comments" || type == "threadedComment") {
                const auto comments = parse(zip, srel.second);
                std::vector<std::string> refs;
                if (comments)
                    walk(comments->document_element(), [&](const pugi::xml_node& n) {
                        if ((is(n, "comment") || is(n, "threadedComment")) && attr(n, "ref"))
                            refs.push_back(attr(n, "ref").value());
                    });
                std::string list;
                for (std::size_t k = 0; k < refs.size() && k < 10; ++k)
                    list += (k ? "," : "") + refs[k];
                if (refs.size() > 10)
                    list += ",…";
                out.add("xlsx-comment", sheetName + "!" + list,
                        std::string(type == "comments" ? "Comments" : "Threaded comments") + " on the sheet “" + sheetName + "” (cells " +
                            list + "): delete them (Review > Delete) before publication.",
                        "シート「" + sheetName + "」にコメントがあります（セル " + list + "）。公開前に削除してください（校閲＞削除）。");
            }
        }
    }
    for (const auto& [id, rel] : rels) {
        if (rel.first == "externalLink")
            out.add("xlsx-external-link", rel.second,
                    "The workbook links to another workbook (" + rel.second + "), whose path and cached values travel with it: "
                    "break the link (Data > Edit Links > Break Link) before publication.",
                    "ブックが他のブックにリンクしています（" + rel.second + "）。リンク先のパスと値が含まれます。公開前にリンクを解除してください（データ＞リンクの編集＞リンクの解除）。");
        if (rel.first == "connections")
            out.add("xlsx-data-connection", rel.second,
                    "The workbook has data connections (" + rel.second + "), which name servers, files or accounts: "
                    "delete them (Data > Queries & Connections) before publication.",
                    "ブックにデータ接続（" + rel.second + "）があり、サーバーやファイル、アカウント名が含まれます。公開前に削除してください（データ＞クエリと接続）。");
    }
}

// ---- Word

void inspectDocx(Zip& zip, const PersonalData& personal, Findings& out)
{
    if (!zip.has("word/document.xml"))
        throw Unreadable{"The document has no word/document.xml; open it in Word, save it again and inspect again.",
                         "文書に word/document.xml がありません。Word で開いて保存し直し、再度点検してください。"};
    std::vector<std::string> parts{"word/document.xml"};
    for (const std::string& name : zip.names())
        if ((startsWith(name, "word/header") || startsWith(name, "word/footer") || name == "word/footnotes.xml" ||
             name == "word/endnotes.xml") &&
            name.size() > 4 && name.compare(name.size() - 4, 4, ".xml") == 0)
            parts.push_back(name);
    for (const std::string& part : parts) {
        const auto doc = parse(zip, part);
        if (!doc)
            continue;
        int paragraph = 0;
        std::size_t changes = 0, hidden = 0, white = 0, tiny = 0;
        int firstChange = 0, firstHidden = 0, firstWhite = 0, firstTiny = 0;
        std::set<std::string> changeAuthors;
        walk(doc->document_element(), [&](const pugi::xml_node& n) {
            if (is(n, "p") && !is(n.parent(), "pPr")) {
                ++paragraph;
                std::string text;
                walk(n, [&](const pugi::xml_node& t) {
                    if (is(t, "t") || is(t, "delText"))
                        text += t.text().get();
                });
                personal.scan(
                    text,
                    [&] {
                        const std::string p = std::to_string(paragraph);
                        return Place{part + " ¶" + p, "paragraph " + p + " of " + part, part + " の第 " + p + " 段落"};
                    },
                    out);
            } else if (is(n, "ins") || is(n, "del") || is(n, "moveFrom") || is(n, "moveTo")) {
                if (!changes++)
                    firstChange = paragraph;
                if (attr(n, "author"))
                    changeAuthors.insert(attr(n, "author").value());
            } else if (is(n, "rPr") && is(n.parent(), "r")) {
                std::string runText;
                for (pugi::xml_node t : n.parent().children())
                    if (is(t, "t"))
                        runText += t.text().get();
                if (runText.find_first_not_of(" \t") == std::string::npos)
                    return;
                const pugi::xml_node vanish = child(n, "vanish");
                if (vanish && std::string(attr(vanish, "val").value()) != "0" && std::string(attr(vanish, "val").value()) != "false") {
                    if (!hidden++)
                        firstHidden = paragraph;
                }
                const std::string color = attr(child(n, "color"), "val").value();
                const bool highlighted = static_cast<bool>(child(n, "highlight")) || static_cast<bool>(child(n, "shd"));
                if ((color == "FFFFFF" || color == "ffffff") && !highlighted) {
                    if (!white++)
                        firstWhite = paragraph;
                }
                const pugi::xml_attribute size = attr(child(n, "sz"), "val");
                if (size && size.as_int() <= 2) {
                    if (!tiny++)
                        firstTiny = paragraph;
                }
            }
        });
        auto at = [&](int p) { return part + " ¶" + std::to_string(p); };
        if (changes) {
            std::string authors;
            for (const auto& a : changeAuthors)
                authors += (authors.empty() ? "" : ", ") + a;
            out.add("docx-tracked-change", at(firstChange),
                    count(changes, "tracked change", "tracked changes") + " in " + part + " (first in paragraph " +
                        std::to_string(firstChange) + (authors.empty() ? "" : ", by " + authors) +
                        "): earlier wording and the editors' names are inside the file. Accept or reject every change (Review > Accept All Changes) before publication.",
                    part + " に変更履歴が " + std::to_string(changes) + " 件あります（最初は第 " + std::to_string(firstChange) + " 段落" +
                        (authors.empty() ? "" : "、変更者 " + authors) + "）。以前の文言と変更者名がファイルに残ります。公開前にすべての変更を承諾または元に戻してください（校閲＞すべての変更を反映）。");
        }
        if (hidden)
            out.add("docx-hidden-text", at(firstHidden),
                    count(hidden, "run", "runs") + " of hidden text in " + part + " (first in paragraph " + std::to_string(firstHidden) +
                        "): show hidden text (Home > ¶), check it and delete it before publication.",
                    part + " に隠し文字が " + std::to_string(hidden) + " か所あります（最初は第 " + std::to_string(firstHidden) +
                        " 段落）。編集記号を表示して確かめ、公開前に削除してください。");
        if (white)
            out.add("docx-white-text", at(firstWhite),
                    count(white, "run", "runs") + " of white text in " + part + " (first in paragraph " + std::to_string(firstWhite) +
                        "), invisible on a white page: give it a visible colour and check it, or delete it.",
                    part + " に白い文字が " + std::to_string(white) + " か所あります（最初は第 " + std::to_string(firstWhite) +
                        " 段落）。白い紙面では見えません。色を変えて確かめるか、削除してください。");
        if (tiny)
            out.add("docx-tiny-text", at(firstTiny),
                    count(tiny, "run", "runs") + " of text at 1 point or less in " + part + " (first in paragraph " +
                        std::to_string(firstTiny) + "), too small to read: enlarge it and check it, or delete it.",
                    part + " に 1 ポイント以下の文字が " + std::to_string(tiny) + " か所あります（最初は第 " + std::to_string(firstTiny) +
                        " 段落）。拡大して確かめるか、削除してください。");
    }
    if (const auto comments = parse(zip, "word/comments.xml")) {
        std::size_t n = 0;
        std::set<std::string> authors;
        for (pugi::xml_node c : comments->document_element().children())
            if (is(c, "comment")) {
                ++n;
                if (attr(c, "author"))
                    authors.insert(attr(c, "author").value());
            }
        if (n) {
            std::string names;
            for (const auto& a : authors)
                names += (names.empty() ? "" : ", ") + a;
            out.add("docx-comment", "word/comments.xml",
                    count(n, "comment", "comments") + (names.empty() ? "" : " by " + names) +
                        " are in the document: delete them all (Review > Delete > Delete All Comments) before publication.",
                    "文書にコメントが " + std::to_string(n) + " 件あります" + (names.empty() ? "" : "（作成者 " + names + "）") +
                        "。公開前にすべて削除してください（校閲＞削除＞ドキュメント内のすべてのコメントを削除）。");
        }
    }
}

} // namespace

void inspectOoxml(std::string_view bytes, bool word, const PersonalData& personal, Findings& out)
{
    try {
        Zip zip(bytes);
        if (zip.has("EncryptionInfo") || zip.has("EncryptedPackage"))
            throw Unreadable{"The document is encrypted; remove the password and inspect again.",
                             "文書が暗号化されています。パスワードを解除して再度点検してください。"};
        inspectPackageParts(zip, out);
        inspectProperties(zip, out);
        if (word)
            inspectDocx(zip, personal, out);
        else
            inspectXlsx(zip, personal, out);
    } catch (const Unreadable& u) {
        out.unreadable(u.en, u.ja);
    }
}

} // namespace meibo::forms::inspect
