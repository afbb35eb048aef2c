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
#include <zip.h>

#include <QPainter>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <future>
#include <memory>
#include <random>
#include <set>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>
#include <utility>

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

/// "2026-06-01T09:00:00Z" as the reader in Japan reads it: 令和8年6月1日 18時00分00秒（日本時間）. The
/// signature dictionary keeps the UTC instant; only the printed line is Japan time.
std::string japanTime(const std::string& utc)
{
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (std::sscanf(utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &sec) != 6)
        return utc;
    using namespace std::chrono;
    const sys_seconds t = sys_days{year{y} / month{unsigned(mo)} / day{unsigned(d)}} + hours{h} + minutes{mi} +
                          seconds{sec} + hours{9}; // JST has no daylight saving time
    const auto dayStart = floor<days>(t);
    const hh_mm_ss clock{t - dayStart};
    char buf[64];
    std::snprintf(buf, sizeof buf, " %02d時%02d分%02d秒（日本時間）", int(clock.hours().count()),
                  int(clock.minutes().count()), int(clock.seconds().count()));
    return japaneseDate(core::Date{dayStart}) + buf;
}

std::vector<std::string> signatureLines(const ExportInput& in)
{
    return {"電子署名：" + in.identity.signerName,
            "署名日時：" + japanTime(in.generatedAt) + "（PDF署名 ETSI.CAdES.detached）"};
}

std::string signedPdf(const Document& doc, const PdfOptions& baseOptions, const ExportInput& in)
{
    PdfOptions options = baseOptions;
    options.signatureLines = signatureLines(in);
    const RenderedPdf pdf = renderPdf(doc, options);
    return signPdf(pdf.bytes, in.identity, pdf.signatureBox, "情報取扱者名簿等の提出", pdfTime(in.generatedAt),
                   PdfSignatureKind::CertifyNoChanges);
}

} // namespace

namespace {

/// A descriptor closed when it goes.
class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

bool haveProcFd()
{
    static const bool have = ::access("/proc/self/fd", X_OK) == 0;
    return have;
}

/// A name no one else uses inside the folder (for file systems without O_TMPFILE).
std::string randomName(const char* stem)
{
    static const char* hex = "0123456789abcdef";
    std::random_device random;
    std::string name = stem;
    for (int i = 0; i < 16; ++i)
        name += hex[random() & 15];
    return name;
}

std::string readAllAt(int fd, const std::string& what)
{
    struct stat st{};
    if (::fstat(fd, &st) != 0)
        throw Error(ErrorCode::Io, "cannot read " + what + ": " + std::strerror(errno));
    std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
    std::size_t off = 0;
    while (off < bytes.size()) {
        const ssize_t n = ::pread(fd, bytes.data() + off, bytes.size() - off, static_cast<off_t>(off));
        if (n <= 0)
            throw Error(ErrorCode::Io, "cannot read " + what + ": " + std::strerror(n < 0 ? errno : EIO));
        off += static_cast<std::size_t>(n);
    }
    return bytes;
}

} // namespace

namespace {

/// libxlsxwriter writes `<Application>Microsoft Excel</Application>` and Excel 2007's AppVersion
/// into docProps/app.xml, whatever wrote the file. The workbook names Meibo instead: the part is
/// replaced in the archive (its date kept, so the bytes stay reproducible).
std::string withMeiboAsApplication(const std::string& xlsx)
{
    const auto fail = [](const std::string& what) {
        return Error(ErrorCode::Internal, "the roster workbook (XLSX) could not be finished (" + what +
                                              "), so nothing was written; try the export again");
    };
    zip_error_t error;
    zip_error_init(&error);
    // libzip rewrites the archive inside the buffer it was given (cloning what stays): give it a
    // copy of its own to keep and free.
    void* copy = std::malloc(xlsx.size());
    if (!copy)
        throw fail("out of memory");
    std::memcpy(copy, xlsx.data(), xlsx.size());
    zip_source_t* source = zip_source_buffer_create(copy, xlsx.size(), 1, &error);
    if (!source)
        std::free(copy);
    zip_t* archive = source ? zip_open_from_source(source, 0, &error) : nullptr;
    zip_error_fini(&error);
    if (!archive) {
        if (source)
            zip_source_free(source);
        throw fail("cannot open it");
    }
    zip_source_keep(source);
    const std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(source, zip_source_free);
    std::unique_ptr<zip_t, decltype(&zip_discard)> open(archive, zip_discard);
    const zip_int64_t index = zip_name_locate(archive, "docProps/app.xml", 0);
    if (index < 0)
        return xlsx;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) < 0)
        throw fail("cannot read its properties");
    std::string app(static_cast<std::size_t>(stat.size), '\0');
    zip_file_t* part = zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0);
    const zip_int64_t got = part ? zip_fread(part, app.data(), stat.size) : -1;
    if (part)
        zip_fclose(part);
    if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size)
        throw fail("cannot read its properties");
    const auto replace = [&app](const std::string& from, const std::string& to) {
        if (const auto at = app.find(from); at != std::string::npos)
            app.replace(at, from.size(), to);
    };
    replace("<Application>Microsoft Excel</Application>", "<Application>Meibo</Application>");
    if (const auto at = app.find("<AppVersion>"); at != std::string::npos)
        if (const auto end = app.find("</AppVersion>", at); end != std::string::npos)
            app.erase(at, end + std::strlen("</AppVersion>") - at);
    zip_source_t* replacement = zip_source_buffer(archive, app.data(), app.size(), 0);
    if (!replacement || zip_file_replace(archive, static_cast<zip_uint64_t>(index), replacement, 0) < 0) {
        if (replacement)
            zip_source_free(replacement);
        throw fail("cannot replace its properties");
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
    if ((stat.valid & ZIP_STAT_MTIME) != 0)
        zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), stat.mtime, 0);
    if (zip_close(archive) < 0)
        throw fail(zip_strerror(archive));
    open.release();
    zip_stat_t out;
    zip_stat_init(&out);
    if (zip_source_stat(source, &out) < 0 || zip_source_open(source) < 0)
        throw fail("cannot read it back");
    std::string bytes(static_cast<std::size_t>(out.size), '\0');
    const zip_int64_t read = zip_source_read(source, bytes.data(), out.size);
    zip_source_close(source);
    if (read < 0 || static_cast<zip_uint64_t>(read) != out.size)
        throw fail("cannot read it back");
    return bytes;
}

} // namespace

std::string rosterXlsx(const RosterDocumentInput& input, const ExportFolder& scratch, const DataLayout& layout)
{
    // libxlsxwriter writes its result to a path with fopen (0644, following links). Give it a file
    // of ours instead: unnamed (O_TMPFILE) or named with O_EXCL|O_NOFOLLOW and unlinked at once,
    // 0600, inside the export folder, reached through /proc/self/fd. Without /proc, a named file
    // created the same way is used and removed after.
    std::string namedTemp;
    int raw = haveProcFd() ? ::openat(scratch.fd(), ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600) : -1;
    if (raw < 0) {
        namedTemp = randomName(".roster-xlsx-");
        raw = ::openat(scratch.fd(), namedTemp.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (raw < 0)
            throw Error(ErrorCode::Io, "cannot write the XLSX in " + scratch.path() + ": " + std::strerror(errno),
                        scratch.path());
        if (haveProcFd()) {
            ::unlinkat(scratch.fd(), namedTemp.c_str(), 0);
            namedTemp.clear();
        }
    }
    const Fd file(raw);
    struct Unlink {
        const ExportFolder& folder;
        const std::string& name;
        ~Unlink()
        {
            if (!name.empty())
                ::unlinkat(folder.fd(), name.c_str(), 0);
        }
    } unlinkLater{scratch, namedTemp};
    const std::string path =
        namedTemp.empty() ? "/proc/self/fd/" + std::to_string(file.get()) : scratch.path() + "/" + namedTemp;

    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    std::string tmpdir = scratch.pinnedPath();
    options.tmpdir = tmpdir.data(); // libxlsxwriter's own temporary files (mkstemp, 0600) stay in the folder
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (!wb)
        throw Error(ErrorCode::Io, "cannot write the XLSX in " + scratch.path(), scratch.path());
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
    // One column per field of form 4's row (core/RosterFields.h), ※5 applied as in the CSV, the
    // header and the values as the layout says (the same table as roster.csv).
    const auto table = rosterTable(input, layout);
    for (std::size_t r = 0; r < table.size(); ++r)
        // Strings stay strings in XLSX (never formulas): no neutralising needed here.
        for (std::size_t c = 0; c < table[r].size(); ++c)
            worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), table[r][c].c_str(),
                                   r == 0 ? bold : nullptr);
    worksheet_set_column(ws, 0, static_cast<lxw_col_t>(table.front().size() - 1), 16, nullptr);
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR)
        throw Error(ErrorCode::Io, std::string("cannot write the XLSX: ") + lxw_strerror(err));
    return withMeiboAsApplication(readAllAt(file.get(), "the XLSX"));
}

std::string rosterXlsx(const RosterDocumentInput& input, const std::string& scratchDir, const DataLayout& layout)
{
    return rosterXlsx(input, ExportFolder(scratchDir), layout);
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
    return buildBundle(in, ExportFolder(scratchDir));
}

std::vector<BundleFile> buildBundle(const ExportInput& in, const ExportFolder& scratch)
{
    // Three threads: this one makes form 4's PDF; the side thread lays the diagram out (Graphviz),
    // rasterises its PNG, writes the SVG, the structure DOCX, the CSV, the XLSX and form 4's DOCX; a
    // third makes the disclosure's Document and PDF, the structure PDF, then the disclosure's DOCX
    // and CSV (the three take about the same time at 1,000 people). Each thread has its own
    // QPainter and paint device (QImage, QPdfWriter); Graphviz runs under its own mutex, ICU
    // formatters are per thread, qpdf and OpenSSL objects are not shared. The diagram and form 4's
    // Document pass between them through promises.
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
        // 300 dpi at the size the documents print it (the PDF's and the DOCX's), whatever the roster's size.
        image.png = diagram->png(static_cast<int>(std::ceil(300.0 * image.widthMm / std::max(1.0, diagram->widthMm()))));
        side("diagram png");
        image.svg = diagram->svg(); // the DOCX's vector drawing, the PNG its fallback
        side("diagram svg");
        out.structureDocx = writeDocx(structureDocument(roster, image));
        side("structure docx");
        out.png = std::move(image.png);
        out.svg = std::move(image.svg);
        out.csv = rosterCsv(roster, in.layout);
        out.xlsx = rosterXlsx(roster, scratch, in.layout);
        side("csv and xlsx");
        form4Ready.get(); // rethrows the main thread's failure to build it
        out.form4Docx = writeDocx(*form4);
        side("form 4 docx");
        return out;
    });

    // A third thread for the clause-4) disclosure (it needs nothing of the others) and the structure
    // PDF (the diagram is laid out by then); its fonts, ICU formatters and qpdf objects are its own
    // (the caches are per thread).
    struct ThirdFiles {
        std::string disclosurePdf, structurePdf, disclosureDocx, disclosureCsv;
    };
    std::future<ThirdFiles> thirdFiles = std::async(std::launch::async, [&] {
        StepTrace third("disclosure");
        ThirdFiles out;
        const Document disclosure = disclosureDocument(roster, in.disclosure); // once, for the PDF and the DOCX
        third("disclosure document");
        out.disclosurePdf = signedPdf(disclosure, {}, in);
        third("disclosure pdf signed");
        // Then the structure PDF: form 4's PDF alone keeps the main thread as busy.
        diagramReady.get(); // rethrows the diagram's failure
        third("waiting for the diagram layout");
        const Document structure = structureDocument(roster, diagramImage(*diagram));
        PdfOptions diagramOptions;
        const StructureDiagram& laid = *diagram;
        diagramOptions.drawings.push_back([&laid](QPainter& p, const QRectF& r) { laid.paint(p, r); });
        out.structurePdf = signedPdf(structure, diagramOptions, in);
        third("structure pdf signed");
        out.disclosureDocx = writeDocx(disclosure);
        out.disclosureCsv = disclosureCsv(roster, in.disclosure, in.layout);
        third("disclosure docx and csv");
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
    ThirdFiles disclosureFiles = thirdFiles.get();
    trace("waiting for the third thread");
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
    files.push_back({bundle::kStructurePdf, std::move(disclosureFiles.structurePdf)});
    files.push_back({bundle::kStructureDocx, std::move(side.structureDocx)});
    files.push_back({bundle::kStructurePng, std::move(side.png)});
    files.push_back({bundle::kStructureSvg, std::move(side.svg)});
    files.push_back({bundle::kRosterCsv, std::move(side.csv)});
    files.push_back({bundle::kRosterXlsx, std::move(side.xlsx)});
    files.push_back({bundle::kDisclosurePdf, std::move(disclosureFiles.disclosurePdf)});
    files.push_back({bundle::kDisclosureDocx, std::move(disclosureFiles.disclosureDocx)});
    files.push_back({bundle::kDisclosureCsv, std::move(disclosureFiles.disclosureCsv)});
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

// ---------------------------------------------------------------------------------------------
// The export folder

namespace {

/// `dir` without trailing slashes (a trailing slash would make open() follow a symbolic link).
std::string withoutTrailingSlashes(std::string dir)
{
    while (dir.size() > 1 && dir.back() == '/')
        dir.pop_back();
    return dir;
}

std::string parentOf(const std::string& dir)
{
    const std::size_t slash = dir.rfind('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : dir.substr(0, slash);
}

std::string octalMode(mode_t mode)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
    return buf;
}

/// Refuses what must never hold a plain-text roster: a link, a file, a folder of another user's,
/// a folder others can write into.
void refuseUnsafeFolder(const struct stat& st, const std::string& dir)
{
    if (S_ISLNK(st.st_mode))
        throw Error(ErrorCode::InvalidInput,
                    dir + " is a symbolic link: export into a real folder of your own (a link can lead to a place "
                          "other users can read)",
                    dir,
                    dir + " はシンボリックリンクです。リンクは他の利用者が読める場所を指すことがあるため、"
                          "自分のフォルダを選んで出力してください。");
    if (!S_ISDIR(st.st_mode))
        throw Error(ErrorCode::InvalidInput, dir + " is not a folder: export into a new or empty folder", dir,
                    dir + " はフォルダではありません。新しいフォルダか空のフォルダを選んで出力してください。");
    if (st.st_uid != ::geteuid())
        throw Error(ErrorCode::InvalidInput,
                    dir + " belongs to another user (uid " + std::to_string(st.st_uid) +
                        "), who could read the personal data written into it: export into a new folder of your own",
                    dir,
                    dir + " は別の利用者のフォルダです。その利用者が出力された個人情報を読めてしまうため、"
                          "自分の新しいフォルダを選んで出力してください。");
    if (st.st_mode & (S_IWGRP | S_IWOTH))
        throw Error(ErrorCode::InvalidInput,
                    dir + " can be written by other users (mode " + octalMode(st.st_mode) +
                        "), who could read or replace the files written into it: export into a new folder of your "
                        "own, not a shared one such as /tmp",
                    dir,
                    dir + " は他の利用者も書き込めるフォルダです（モード " + octalMode(st.st_mode) +
                        "）。出力したファイルを読まれたり差し替えられたりするおそれがあるため、/tmp のような共有フォルダではなく"
                        "自分の新しいフォルダを選んで出力してください。");
}

/// True when the folder open as `fd` holds nothing but "." and "..".
bool folderIsEmpty(int fd, const std::string& dir)
{
    const int copy = ::openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR* d = copy < 0 ? nullptr : ::fdopendir(copy);
    if (!d) {
        if (copy >= 0)
            ::close(copy);
        throw Error(ErrorCode::Io, "cannot list " + dir + ": " + std::strerror(errno), dir,
                    dir + " の中身を一覧できません。フォルダの権限を確かめてください。");
    }
    bool empty = true;
    while (const dirent* e = ::readdir(d))
        if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
            empty = false;
    ::closedir(d);
    return empty;
}

[[noreturn]] void alreadyHoldsFiles(const std::string& dir)
{
    throw Error(ErrorCode::AlreadyExists, dir + " already holds files: export into a new or empty folder", dir,
                dir + " には既にファイルがあります。新しいフォルダか空のフォルダを選んで出力してください。");
}

/// A bundle file's name: one plain name inside the folder.
bool isPlainName(const std::string& name)
{
    if (name.empty() || name == "." || name == ".." || name.size() > 255)
        return false;
    return std::none_of(name.begin(), name.end(),
                        [](char c) { return c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20; });
}

void writeAll(int fd, const std::string& bytes)
{
    std::size_t off = 0;
    while (off < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw std::system_error(n < 0 ? errno : EIO, std::generic_category());
        off += static_cast<std::size_t>(n);
    }
}

} // namespace

void checkExportFolder(const std::string& given)
{
    if (given.empty())
        throw Error(ErrorCode::InvalidInput, "choose a folder to export into", "out", "出力先のフォルダを選んでください。");
    const std::string dir = withoutTrailingSlashes(given);
    struct stat st{};
    if (::lstat(dir.c_str(), &st) != 0) {
        if (errno != ENOENT)
            throw Error(ErrorCode::Io, "cannot look at " + given + ": " + std::strerror(errno), given,
                        given + " を確かめられません。フォルダの場所と権限を確かめてください。");
        const std::string parent = parentOf(dir);
        struct stat ps{};
        if (::stat(parent.c_str(), &ps) != 0 || !S_ISDIR(ps.st_mode))
            throw Error(ErrorCode::NotFound, "cannot create " + given + ": the folder " + parent + " does not exist",
                        given, given + " を作れません。親のフォルダ " + parent + " がありません。");
        if (::access(parent.c_str(), W_OK | X_OK) != 0)
            throw Error(ErrorCode::Io, "cannot create " + given + ": you cannot write into " + parent, given,
                        given + " を作れません。フォルダ " + parent + " に書き込む権限がありません。");
        return;
    }
    refuseUnsafeFolder(st, given);
    const Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0)
        throw Error(ErrorCode::Io, "cannot open " + given + ": " + std::strerror(errno), given,
                    given + " を開けません。フォルダの権限を確かめてください。");
    if (!folderIsEmpty(fd.get(), given))
        alreadyHoldsFiles(given);
}

ExportFolder::ExportFolder(const std::string& given)
    : m_path(given)
{
    if (given.empty())
        throw Error(ErrorCode::InvalidInput, "choose a folder to export into", "out", "出力先のフォルダを選んでください。");
    const std::string dir = withoutTrailingSlashes(given);
    bool created = false;
    if (::mkdir(dir.c_str(), 0700) == 0)
        created = true;
    else if (errno != EEXIST)
        throw Error(ErrorCode::Io, "cannot create " + given + ": " + std::strerror(errno), given,
                    given + " を作れません。出力先の場所と権限を確かめてください。");
    m_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (m_fd < 0) {
        const int err = errno;
        struct stat st{};
        if (::lstat(dir.c_str(), &st) == 0)
            refuseUnsafeFolder(st, given); // a link or a file: say so
        throw Error(ErrorCode::Io, "cannot open " + given + ": " + std::strerror(err), given,
                    given + " を開けません。フォルダの権限を確かめてください。");
    }
    try {
        // Judged on the folder now open, not on its name: it cannot be swapped after this.
        struct stat st{};
        if (::fstat(m_fd, &st) != 0)
            throw Error(ErrorCode::Io, "cannot look at " + given + ": " + std::strerror(errno), given,
                        given + " を確かめられません。フォルダの場所と権限を確かめてください。");
        refuseUnsafeFolder(st, given);
        if (!folderIsEmpty(m_fd, given))
            alreadyHoldsFiles(given);
        if (::fchmod(m_fd, 0700) != 0)
            throw Error(ErrorCode::Io,
                        "cannot make " + given + " readable only by you (chmod 0700): " + std::strerror(errno) +
                            "; export into a folder of your own",
                        given, given + " を本人だけが読めるようにできません。自分のフォルダを選んで出力してください。");
        if (::fstat(m_fd, &st) != 0 || (st.st_mode & 0077) != 0)
            throw Error(ErrorCode::Io,
                        "cannot make " + given + " readable only by you: its file system keeps mode " +
                            octalMode(st.st_mode) + "; export into a folder on a disk with Unix permissions",
                        given,
                        given + " を本人だけが読めるようにできません（このディスクは権限を保てません）。"
                                "Linux の権限を保てるディスク上のフォルダを選んで出力してください。");
    } catch (...) {
        ::close(m_fd);
        m_fd = -1;
        if (created)
            ::rmdir(dir.c_str());
        throw;
    }
}

ExportFolder::~ExportFolder()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

ExportFolder::ExportFolder(ExportFolder&& other) noexcept
    : m_path(std::move(other.m_path))
    , m_fd(std::exchange(other.m_fd, -1))
{
}

std::string ExportFolder::pinnedPath() const
{
    return haveProcFd() ? "/proc/self/fd/" + std::to_string(m_fd) : m_path;
}

void ExportFolder::write(const std::vector<BundleFile>& files) const
{
    std::vector<std::string> written;
    try {
        for (const auto& f : files) {
            const std::string path = m_path + "/" + f.name;
            if (!isPlainName(f.name))
                throw Error(ErrorCode::Internal, "a bundle file has no plain name: “" + f.name + "”", f.name);
            const std::string part = f.name + ".part";
            const int fd = ::openat(m_fd, part.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
            if (fd < 0)
                throw Error(ErrorCode::Io,
                            "cannot write " + path + ": " +
                                (errno == EEXIST ? part + " appeared in the folder while exporting: something else "
                                                          "writes into it"
                                                 : std::string(std::strerror(errno))),
                            path);
            try {
                writeAll(fd, f.bytes);
                if (::fsync(fd) != 0)
                    throw std::system_error(errno, std::generic_category());
            } catch (const std::system_error& e) {
                ::close(fd);
                ::unlinkat(m_fd, part.c_str(), 0);
                throw Error(ErrorCode::Io, "cannot write " + path + ": " + std::strerror(e.code().value()), path);
            }
            if (::close(fd) != 0) {
                const int err = errno;
                ::unlinkat(m_fd, part.c_str(), 0);
                throw Error(ErrorCode::Io, "cannot write " + path + ": " + std::strerror(err), path);
            }
            // Never over something already there (a planted link included).
            int renamed = ::renameat2(m_fd, part.c_str(), m_fd, f.name.c_str(), RENAME_NOREPLACE);
            if (renamed != 0 && (errno == EINVAL || errno == ENOSYS)) {
                renamed = ::linkat(m_fd, part.c_str(), m_fd, f.name.c_str(), 0);
                if (renamed == 0)
                    ::unlinkat(m_fd, part.c_str(), 0);
            }
            if (renamed != 0) {
                const int err = errno;
                ::unlinkat(m_fd, part.c_str(), 0);
                throw Error(ErrorCode::Io,
                            "cannot write " + path + ": " +
                                (err == EEXIST ? f.name + " appeared in the folder while exporting: something else "
                                                          "writes into it"
                                               : std::string(std::strerror(err))),
                            path);
            }
            written.push_back(f.name);
        }
        ::fsync(m_fd);
    } catch (...) {
        for (const auto& name : written)
            ::unlinkat(m_fd, name.c_str(), 0);
        throw;
    }
}

void writeBundle(const std::string& dir, const std::vector<BundleFile>& files)
{
    ExportFolder(dir).write(files);
}

// ---------------------------------------------------------------------------------------------
// Verification

namespace {

constexpr std::size_t kMaxManifestBytes = 16u << 20;
constexpr std::size_t kMaxSignatureBytes = 1u << 20;
constexpr std::size_t kMaxManifestFiles = 10000;

/// One file of the bundle opened for reading, or why it cannot be: only a regular file, reached
/// without a symbolic link, never blocking (a FIFO is opened non-blocking and then refused).
struct OpenedFile {
    int fd = -1;
    std::uint64_t size = 0;
    std::string problem; ///< "" when open
    bool missing = false;
    ~OpenedFile()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

std::string notRegular(const std::string& name, mode_t mode)
{
    if (S_ISLNK(mode))
        return name + " is a symbolic link, not a file: a bundle holds only regular files (it was replaced after "
                      "export)";
    return name + " is not a regular file (" +
           (S_ISFIFO(mode)                     ? "a named pipe"
            : S_ISDIR(mode)                    ? "a folder"
            : S_ISCHR(mode) || S_ISBLK(mode)   ? "a device"
            : S_ISSOCK(mode)                   ? "a socket"
                                               : "not a plain file") +
           "): a bundle holds only regular files (it was replaced after export)";
}

void openBundleFile(int dirFd, const std::string& name, std::uint64_t limit, OpenedFile& out)
{
    // Looked at before it is opened, so that a device or a pipe is never opened at all; opened
    // without following links and without blocking, and looked at again through the descriptor
    // (the name may have been swapped in between).
    struct stat before{};
    if (::fstatat(dirFd, name.c_str(), &before, AT_SYMLINK_NOFOLLOW) != 0) {
        out.missing = errno == ENOENT;
        out.problem = out.missing ? name + " is missing" : name + " cannot be read: " + std::strerror(errno);
        return;
    }
    if (!S_ISREG(before.st_mode)) {
        out.problem = notRegular(name, before.st_mode);
        return;
    }
    out.fd = ::openat(dirFd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (out.fd < 0) {
        const int err = errno;
        out.missing = err == ENOENT;
        out.problem = out.missing       ? name + " is missing"
                      : err == ELOOP ? notRegular(name, S_IFLNK)
                                     : name + " cannot be read: " + std::strerror(err);
        return;
    }
    struct stat st{};
    if (::fstat(out.fd, &st) != 0) {
        out.problem = name + " cannot be read: " + std::strerror(errno);
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        out.problem = notRegular(name, st.st_mode);
        return;
    }
    out.size = static_cast<std::uint64_t>(st.st_size);
    if (out.size > limit)
        out.problem = name + " is larger than " + std::to_string(limit >> 20) +
                      " MiB, more than any file of a Meibo bundle: it was not read";
}

/// Reads a small file whole (the manifest and its signature).
std::string readSmall(int fd, std::uint64_t size, const std::string& what)
{
    std::string bytes(static_cast<std::size_t>(size), '\0');
    std::size_t off = 0;
    while (off < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + off, bytes.size() - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw Error(ErrorCode::Io, "cannot read " + what + ": " + std::strerror(errno), what);
        if (n == 0)
            break;
        off += static_cast<std::size_t>(n);
    }
    bytes.resize(off);
    return bytes;
}

/// SHA-256 of a file read in blocks (never whole in memory), and how many bytes were read.
std::pair<std::string, std::uint64_t> sha256OfFile(int fd, std::uint64_t limit)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        throw Error(ErrorCode::Internal, "cannot start a SHA-256 digest");
    std::vector<char> block(1 << 20);
    std::uint64_t total = 0;
    for (;;) {
        const ssize_t n = ::read(fd, block.data(), block.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw std::system_error(errno, std::generic_category());
        if (n == 0)
            break;
        total += static_cast<std::uint64_t>(n);
        if (total > limit) // grew while being read
            break;
        EVP_DigestUpdate(ctx.get(), block.data(), static_cast<std::size_t>(n));
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &len);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < len; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return {out, total};
}

struct ManifestEntry {
    std::string name;
    std::uint64_t size = 0;
    std::string sha256;
};

bool isSha256Hex(const std::string& s)
{
    return s.size() == 64 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

/// The manifest's file list, checked for shape; a sentence (not the JSON library's) for what is wrong.
std::vector<ManifestEntry> manifestEntries(const std::string& text, const std::string& where)
{
    const auto malformed = [&](const std::string& what) {
        return Error(ErrorCode::Damaged,
                     where + " is not a well-formed Meibo manifest: " + what +
                         ". Ask the sender for the bundle again; it cannot be checked as it is",
                     bundle::kManifest);
    };
    // nlohmann stops at a NUL and ignores what follows: what a person reads with `cat` and what is
    // checked could differ. A manifest Meibo writes holds no control character but line breaks.
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F)
            throw malformed("it holds a control character (byte " + std::to_string(i) + ")");
    }
    const nlohmann::json manifest = nlohmann::json::parse(text, nullptr, false);
    if (manifest.is_discarded())
        throw malformed("it is not valid JSON");
    if (!manifest.is_object())
        throw malformed("it is not a JSON object");
    const auto format = manifest.find("format");
    if (format == manifest.end() || !format->is_string() || *format != "meibo-export/1")
        throw malformed("its “format” is not “meibo-export/1”");
    const auto files = manifest.find("files");
    if (files == manifest.end() || !files->is_array())
        throw malformed("it has no “files” list");
    if (files->empty())
        throw malformed("its “files” list is empty, so it vouches for nothing");
    if (files->size() > kMaxManifestFiles)
        throw malformed("its “files” list names more than " + std::to_string(kMaxManifestFiles) + " files");
    std::vector<ManifestEntry> entries;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < files->size(); ++i) {
        const auto& f = (*files)[i];
        const std::string which = "entry " + std::to_string(i + 1) + " of “files”";
        if (!f.is_object())
            throw malformed(which + " is not an object");
        const auto name = f.find("name");
        const auto size = f.find("size");
        const auto sha = f.find("sha256");
        if (name == f.end() || !name->is_string())
            throw malformed(which + " has no “name” text");
        ManifestEntry e;
        e.name = name->get<std::string>();
        if (!isPlainName(e.name))
            throw malformed(which + " names “" + e.name.substr(0, 80) +
                            "”, which is not a plain file name inside the folder (no “/”, “..” or control "
                            "characters)");
        if (e.name == bundle::kManifest || e.name == bundle::kManifestSignature)
            throw malformed(which + " names the manifest itself");
        if (!seen.insert(e.name).second)
            throw malformed(which + " names “" + e.name + "” a second time");
        if (size == f.end() || !size->is_number_unsigned())
            throw malformed(which + " (" + e.name + ") has no “size” in bytes");
        e.size = size->get<std::uint64_t>();
        if (sha == f.end() || !sha->is_string() || !isSha256Hex(sha->get<std::string>()))
            throw malformed(which + " (" + e.name + ") has no “sha256” of 64 hexadecimal digits");
        e.sha256 = sha->get<std::string>();
        entries.push_back(std::move(e));
    }
    return entries;
}

} // namespace

BundleCheck verifyBundle(const std::string& dir, const std::optional<ExpectedSigner>& expected)
{
    BundleCheck check;
    const Fd folder(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (folder.get() < 0)
        throw Error(errno == ENOENT ? ErrorCode::NotFound : ErrorCode::Io,
                    "cannot open the folder " + dir + ": " + std::strerror(errno), dir);
    const std::string manifestPath = dir + "/" + bundle::kManifest;

    OpenedFile manifestFile;
    openBundleFile(folder.get(), bundle::kManifest, kMaxManifestBytes, manifestFile);
    if (manifestFile.missing)
        throw Error(ErrorCode::NotFound, dir + " holds no " + bundle::kManifest + ": is it a Meibo export folder?", dir);
    if (!manifestFile.problem.empty())
        throw Error(ErrorCode::Damaged, dir + ": " + manifestFile.problem, bundle::kManifest);
    const std::string manifestText = readSmall(manifestFile.fd, manifestFile.size, manifestPath);
    if (manifestText.empty())
        throw Error(ErrorCode::Damaged, manifestPath + " is empty: it is not a Meibo manifest", bundle::kManifest);

    OpenedFile signatureFile;
    openBundleFile(folder.get(), bundle::kManifestSignature, kMaxSignatureBytes, signatureFile);
    std::string signature;
    if (signatureFile.problem.empty())
        signature = readSmall(signatureFile.fd, signatureFile.size, dir + "/" + bundle::kManifestSignature);
    if (signatureFile.missing || (signatureFile.problem.empty() && signature.empty())) {
        check.ok = false;
        check.signature = BundleCheck::Signature::Missing;
        check.problems.push_back(std::string(bundle::kManifestSignature) + " is missing: the manifest is not signed");
    } else if (!signatureFile.problem.empty()) {
        check.ok = false;
        check.signature = BundleCheck::Signature::Invalid;
        check.problems.push_back(signatureFile.problem);
    } else {
        try {
            const CmsSigner signer = cmsVerifySigner(manifestText, signature);
            check.signer = signer.name;
            check.signerFingerprint = signer.fingerprint;
        } catch (const Error& e) {
            check.ok = false;
            check.signature = BundleCheck::Signature::Invalid;
            check.problems.push_back(std::string(bundle::kManifest) + ": the signature does not match (" + e.what() + ")");
        }
    }
    if (expected) {
        check.expectedFingerprint = certificateFingerprint(expected->certificatePem);
        check.signerMatches = !check.signerFingerprint.empty() && check.signerFingerprint == check.expectedFingerprint;
        if (!check.signerFingerprint.empty() && !check.signerMatches) {
            check.ok = false;
            check.problems.push_back("the manifest was signed by “" + check.signer + "” with the certificate SHA-256 " +
                                     check.signerFingerprint + ", not with " + expected->source + " (SHA-256 " +
                                     check.expectedFingerprint +
                                     "): someone else signed this bundle, or the certificate was replaced since");
        }
    }

    const std::vector<ManifestEntry> entries = manifestEntries(manifestText, manifestPath);
    std::set<std::string> listed{bundle::kManifest, bundle::kManifestSignature};
    for (const ManifestEntry& e : entries) {
        listed.insert(e.name);
        BundleFileCheck& result = check.files.emplace_back(BundleFileCheck{e.name, BundleFileCheck::Result::Matches, e.size});
        OpenedFile file;
        openBundleFile(folder.get(), e.name, kMaxBundleFileBytes, file);
        if (!file.problem.empty()) {
            check.ok = false;
            result.result = file.missing ? BundleFileCheck::Result::Missing : BundleFileCheck::Result::Unreadable;
            check.problems.push_back(file.problem);
            continue;
        }
        if (file.size != e.size) {
            check.ok = false;
            result.result = BundleFileCheck::Result::Changed;
            check.problems.push_back(e.name + " differs from the manifest (size or SHA-256): it was changed after export");
            continue;
        }
        try {
            const auto [sha, read] = sha256OfFile(file.fd, kMaxBundleFileBytes);
            if (read != e.size || sha != e.sha256) {
                check.ok = false;
                result.result = BundleFileCheck::Result::Changed;
                check.problems.push_back(e.name +
                                         " differs from the manifest (size or SHA-256): it was changed after export");
            }
        } catch (const std::system_error& err) {
            check.ok = false;
            result.result = BundleFileCheck::Result::Unreadable;
            check.problems.push_back(e.name + " cannot be read: " + err.code().message());
        }
    }
    const int copy = ::openat(folder.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (DIR* d = copy < 0 ? nullptr : ::fdopendir(copy)) {
        while (const dirent* e = ::readdir(d)) {
            const std::string name = e->d_name;
            if (name == "." || name == ".." || listed.count(name))
                continue;
            check.ok = false;
            check.files.push_back(BundleFileCheck{name, BundleFileCheck::Result::Added, 0});
            check.problems.push_back(name + " was added: it is not in the manifest");
        }
        ::closedir(d);
    } else if (copy >= 0) {
        ::close(copy);
    }
    return check;
}

} // namespace meibo::forms
