#include "meibo/forms/Export.h"

#include "meibo/core/Error.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/RosterFields.h"
#include "meibo/core/Vocabulary.h"
#include "meibo/forms/Diagram.h"
#include "meibo/forms/DocxWriter.h"
#include "meibo/forms/JapaneseDate.h"
#include "meibo/forms/PdfRenderer.h"

#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <xlsxwriter.h>

#include <QPainter>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <future>
#include <memory>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace meibo::forms {

namespace {

using core::Error;
using core::ErrorCode;

std::string sha256Hex(const std::string& bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < len; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string pdfTime(const std::string& iso)
{
    // "2026-11-25T10:11:12Z" -> "20261125101112Z"
    std::string out;
    for (char c : iso)
        if (std::isdigit(static_cast<unsigned char>(c)))
            out += c;
    out.resize(14, '0');
    return out + "Z";
}

std::vector<std::string> signatureLines(const ExportInput& in)
{
    return {"電子署名：" + in.identity.signerName,
            "署名日時：" + in.generatedAt + "（PDF署名 ETSI.CAdES.detached）"};
}

std::string signedPdf(const Document& doc, const PdfOptions& baseOptions, const ExportInput& in)
{
    PdfOptions options = baseOptions;
    options.signatureLines = signatureLines(in);
    const RenderedPdf pdf = renderPdf(doc, options);
    return signPdf(pdf.bytes, in.identity, pdf.signatureBox, "情報取扱者名簿等の提出", pdfTime(in.generatedAt));
}

} // namespace

std::string rosterXlsx(const RosterDocumentInput& input, const std::string& scratchDir)
{
    const std::string path = scratchDir + "/.roster-xlsx.tmp";
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    std::string tmpdir = scratchDir;
    options.tmpdir = tmpdir.data(); // libxlsxwriter's temporary files stay in the export folder
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (!wb)
        throw Error(ErrorCode::Io, "cannot write " + path);
    lxw_doc_properties props{};
    std::string title = "情報取扱者名簿 " + input.contract.code;
    std::string author = input.organization.name;
    props.title = title.data();
    props.author = author.data();
    std::tm tm{};
    const auto d = input.asOf;
    tm.tm_year = static_cast<int>(d.year()) - 1900;
    tm.tm_mon = static_cast<int>(static_cast<unsigned>(d.month())) - 1;
    tm.tm_mday = static_cast<int>(static_cast<unsigned>(d.day()));
    props.created = timegm(&tm); // reproducible: the roster's date, not the clock
    workbook_set_properties(wb, &props);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "様式4");
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    // One column per field of form 4's row (core/RosterFields.h), ※5 applied as in the CSV.
    const auto& fields = core::rosterFields();
    for (std::size_t c = 0; c < fields.size(); ++c)
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), std::string(fields[c].key).c_str(), bold);
    lxw_row_t row = 1;
    for (const auto& e : input.entries) {
        for (std::size_t c = 0; c < fields.size(); ++c)
            worksheet_write_string(ws, row, static_cast<lxw_col_t>(c),
                                   core::fieldText(e, fields[c], input.preContract).c_str(), nullptr);
        ++row;
    }
    worksheet_set_column(ws, 0, static_cast<lxw_col_t>(fields.size() - 1), 16, nullptr);
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        throw Error(ErrorCode::Io, std::string("cannot write the XLSX: ") + lxw_strerror(err));
    std::string bytes = readFile(path);
    ::unlink(path.c_str());
    return bytes;
}

namespace {

/// MEIBO_TRACE=1: how long each step took, per thread.
class StepTrace {
public:
    explicit StepTrace(const char* thread) : m_thread(thread), m_on(std::getenv("MEIBO_TRACE") != nullptr) {}
    void operator()(const char* what)
    {
        if (!m_on)
            return;
        const auto now = std::chrono::steady_clock::now();
        std::fprintf(stderr, "bundle [%s] %s: %.1f ms\n", m_thread, what,
                     std::chrono::duration<double, std::milli>(now - m_last).count());
        m_last = now;
    }

private:
    const char* m_thread;
    bool m_on;
    std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

/// The diagram as an Image of the structure document: as large as an A4 landscape page allows,
/// keeping its proportions (no PNG: the PDF draws the diagram as vectors).
Image diagramImage(const StructureDiagram& diagram)
{
    Image image;
    image.vectorId = 0;
    image.altText = "情報管理体制図";
    const double maxW = 250, maxH = 115;
    const double scale = std::min(maxW / std::max(1.0, diagram.widthMm()), maxH / std::max(1.0, diagram.heightMm()));
    image.widthMm = diagram.widthMm() * scale;
    image.heightMm = diagram.heightMm() * scale;
    return image;
}

} // namespace

std::vector<BundleFile> buildBundle(const ExportInput& in, const std::string& scratchDir)
{
    // Two threads: this one makes form 4's PDF and the structure PDF; the other lays the diagram
    // out (Graphviz), rasterises its PNG, writes the SVG, the structure DOCX, the CSV, the XLSX and
    // form 4's DOCX. Each thread has its own QPainter and paint device (QImage, QPdfWriter); Graphviz
    // runs under its own mutex, ICU formatters are per thread, qpdf and OpenSSL objects are not
    // shared. The diagram and form 4's Document pass between them through promises.
    const RosterDocumentInput& roster = in.roster;
    StepTrace trace("main");
    std::unique_ptr<StructureDiagram> diagram;
    std::promise<void> laidOut;
    std::future<void> diagramReady = laidOut.get_future();
    std::unique_ptr<Document> form4;
    std::promise<void> form4Built;
    std::future<void> form4Ready = form4Built.get_future();
    struct SideFiles {
        std::string png, svg, structureDocx, csv, xlsx, form4Docx;
    };
    // Declared after everything it uses, so that leaving this function (an exception included)
    // waits for the thread before those go away.
    std::future<SideFiles> sideFiles = std::async(std::launch::async, [&] {
        StepTrace side("side");
        try {
            diagram = std::make_unique<StructureDiagram>(roster.entries);
        } catch (...) {
            laidOut.set_exception(std::current_exception());
            throw;
        }
        laidOut.set_value();
        side("diagram layout");
        SideFiles out;
        Image image = diagramImage(*diagram);
        // Sharp enough to print (200 dpi), at most 3000 pixels wide.
        image.png = diagram->png(static_cast<int>(std::min(200.0, 3000.0 / std::max(1.0, diagram->widthMm() / 25.4))));
        side("diagram png");
        out.structureDocx = writeDocx(structureDocument(roster, image));
        side("structure docx");
        out.png = std::move(image.png);
        out.svg = diagram->svg();
        side("diagram svg");
        out.csv = core::rosterToCsv(roster.entries, roster.preContract);
        out.xlsx = rosterXlsx(roster, scratchDir);
        side("csv and xlsx");
        form4Ready.get(); // rethrows the main thread's failure to build it
        out.form4Docx = writeDocx(*form4);
        side("form 4 docx");
        return out;
    });

    try {
        form4 = std::make_unique<Document>(form4Document(roster));
    } catch (...) {
        form4Built.set_exception(std::current_exception());
        throw;
    }
    form4Built.set_value();
    trace("form 4 document");
    std::string form4Pdf = signedPdf(*form4, {}, in);
    trace("form 4 pdf signed");
    diagramReady.get(); // rethrows the diagram's failure
    trace("waiting for the diagram layout");
    const Document structure = structureDocument(roster, diagramImage(*diagram));
    PdfOptions diagramOptions;
    const StructureDiagram& laid = *diagram;
    diagramOptions.drawings.push_back([&laid](QPainter& p, const QRectF& r) { laid.paint(p, r); });
    std::string structurePdf = signedPdf(structure, diagramOptions, in);
    trace("structure pdf signed");
    std::vector<BundleFile> extra;
    for (const auto& [stem, doc] : in.extraDocuments) {
        extra.push_back({stem + ".pdf", signedPdf(doc, {}, in)});
        extra.push_back({stem + ".docx", writeDocx(doc)});
    }
    trace("extra documents");
    SideFiles side = sideFiles.get();
    trace("waiting for the side thread");

    std::vector<BundleFile> files;
    // The bundle's order, as before.
    files.push_back({bundle::kForm4Pdf, std::move(form4Pdf)});
    files.push_back({bundle::kForm4Docx, std::move(side.form4Docx)});
    files.push_back({bundle::kStructurePdf, std::move(structurePdf)});
    files.push_back({bundle::kStructureDocx, std::move(side.structureDocx)});
    files.push_back({bundle::kStructurePng, std::move(side.png)});
    files.push_back({bundle::kStructureSvg, std::move(side.svg)});
    files.push_back({bundle::kRosterCsv, std::move(side.csv)});
    files.push_back({bundle::kRosterXlsx, std::move(side.xlsx)});
    for (auto& f : extra)
        files.push_back(std::move(f));
    for (const auto& [name, bytes] : in.extraFiles)
        files.push_back({name, bytes});
    const int total = static_cast<int>(files.size()) + 2;
    if (in.progress)
        in.progress(static_cast<int>(files.size()), total);

    nlohmann::json list = nlohmann::json::array();
    for (const auto& f : files)
        list.push_back({{"name", f.name}, {"size", f.bytes.size()}, {"sha256", sha256Hex(f.bytes)}});
    const nlohmann::json manifest = {{"format", "meibo-export/1"},
                                     {"contract", roster.contract.code},
                                     {"as_of", core::formatIsoDate(roster.asOf)},
                                     {"generated", in.generatedAt},
                                     {"audit_head", roster.auditHead},
                                     {"signer", in.identity.signerName},
                                     {"personal_data", true},
                                     {"files", list}};
    const std::string manifestText = manifest.dump(2) + "\n";
    files.push_back({bundle::kManifest, manifestText});
    files.push_back({bundle::kManifestSignature, cmsSignDetached(manifestText, in.identity)});
    trace("manifest signed");
    if (in.progress)
        in.progress(total, total);
    return files;
}

void writeBundle(const std::string& dir, const std::vector<BundleFile>& files)
{
    for (const auto& f : files) {
        const std::string path = dir + "/" + f.name;
        const std::string tmp = path + ".part";
        const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
            throw Error(ErrorCode::Io, "cannot write " + path + ": " + std::strerror(errno));
        std::size_t off = 0;
        while (off < f.bytes.size()) {
            const ssize_t n = ::write(fd, f.bytes.data() + off, f.bytes.size() - off);
            if (n <= 0) {
                const int err = errno;
                ::close(fd);
                ::unlink(tmp.c_str());
                throw Error(ErrorCode::Io, "cannot write " + path + ": " + std::strerror(err));
            }
            off += static_cast<std::size_t>(n);
        }
        ::fsync(fd);
        ::close(fd);
        if (::rename(tmp.c_str(), path.c_str()) != 0)
            throw Error(ErrorCode::Io, "cannot write " + path + ": " + std::strerror(errno));
    }
}

BundleCheck verifyBundle(const std::string& dir)
{
    BundleCheck check;
    const std::string manifestText = readFile(dir + "/" + bundle::kManifest);
    const std::string signature = readFile(dir + "/" + bundle::kManifestSignature);
    if (manifestText.empty())
        throw Error(ErrorCode::NotFound, dir + " holds no " + bundle::kManifest + ": is it a Meibo export folder?", dir);
    if (signature.empty()) {
        check.ok = false;
        check.problems.push_back(std::string(bundle::kManifestSignature) + " is missing: the manifest is not signed");
    } else {
        try {
            check.signer = cmsVerifyDetached(manifestText, signature);
        } catch (const Error& e) {
            check.ok = false;
            check.problems.push_back(std::string(bundle::kManifest) + ": the signature does not match (" + e.what() + ")");
        }
    }
    nlohmann::json manifest;
    try {
        manifest = nlohmann::json::parse(manifestText);
    } catch (const std::exception&) {
        throw Error(ErrorCode::Damaged, dir + "/" + bundle::kManifest + " is not valid JSON", bundle::kManifest);
    }
    std::set<std::string> listed{bundle::kManifest, bundle::kManifestSignature};
    for (const auto& f : manifest.value("files", nlohmann::json::array())) {
        const std::string name = f.value("name", "");
        listed.insert(name);
        const std::string path = dir + "/" + name;
        struct stat st{};
        if (::stat(path.c_str(), &st) != 0) {
            check.ok = false;
            check.problems.push_back(name + " is missing");
            continue;
        }
        const std::string bytes = readFile(path);
        if (bytes.size() != f.value("size", std::size_t{0}) || sha256Hex(bytes) != f.value("sha256", "")) {
            check.ok = false;
            check.problems.push_back(name + " differs from the manifest (size or SHA-256): it was changed after export");
        }
    }
    if (DIR* d = ::opendir(dir.c_str())) {
        while (dirent* e = ::readdir(d)) {
            const std::string name = e->d_name;
            if (name == "." || name == ".." || listed.count(name))
                continue;
            check.ok = false;
            check.problems.push_back(name + " was added: it is not in the manifest");
        }
        ::closedir(d);
    }
    return check;
}

} // namespace meibo::forms
