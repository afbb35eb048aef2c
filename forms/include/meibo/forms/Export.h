#pragma once

#include "meibo/forms/DataFiles.h"
#include "meibo/forms/Disclosure.h"
#include "meibo/forms/Forms.h"
#include "meibo/forms/Signing.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace meibo::forms {

/// One file of the bundle.
struct BundleFile {
    std::string name;
    std::string bytes;
};

/// What goes into an export folder, and how it is signed.
struct ExportInput {
    RosterDocumentInput roster;
    SigningIdentity identity;
    std::string generatedAt; ///< ISO 8601 date-time of generation (manifest, signatures)
    /// Extra documents rendered by the caller (change notice, status report): Document + file stem.
    std::vector<std::pair<std::string, Document>> extraDocuments;
    /// Extra data files made by the caller (e.g. the status report as CSV), signed in the manifest.
    std::vector<std::pair<std::string, std::string>> extraFiles;
    /// Clause 4): qualifications, trainings and subcontractors for the disclosure document.
    DisclosureFacts disclosure;
    /// How roster.csv, roster.xlsx and disclosure.csv name their columns and write dates.
    DataLayout layout;
    /// Called on the calling thread with (files done, total) for progress bars.
    std::function<void(int, int)> progress;
};

/// The stable file names of a bundle (docs/cli.md).
namespace bundle {
inline constexpr const char* kForm4Pdf = "form4-roster.pdf";
inline constexpr const char* kForm4Docx = "form4-roster.docx";
inline constexpr const char* kRosterCsv = "roster.csv";
inline constexpr const char* kRosterXlsx = "roster.xlsx";
inline constexpr const char* kStructurePdf = "structure.pdf";
inline constexpr const char* kStructureDocx = "structure.docx";
inline constexpr const char* kStructurePng = "structure.png";
inline constexpr const char* kStructureSvg = "structure.svg";
inline constexpr const char* kDisclosurePdf = "disclosure.pdf";
inline constexpr const char* kDisclosureDocx = "disclosure.docx";
inline constexpr const char* kDisclosureCsv = "disclosure.csv";
inline constexpr const char* kManifest = "manifest.json";
inline constexpr const char* kManifestSignature = "manifest.json.p7s";
} // namespace bundle

/// A folder an export writes into, held open by its descriptor so that it cannot be swapped for
/// another between the checks and the writes. Opening it creates it (0700) when it is missing, and
/// refuses, before anything is written: a path that is not a folder, a symbolic link, a folder owned
/// by another user or writable by group or others (a shared temporary folder), and a folder that
/// already holds files. The folder is then made 0700 (and a failure to do so refuses it too).
class ExportFolder {
public:
    explicit ExportFolder(const std::string& dir);
    ~ExportFolder();
    ExportFolder(ExportFolder&& other) noexcept;
    ExportFolder(const ExportFolder&) = delete;
    ExportFolder& operator=(const ExportFolder&) = delete;
    ExportFolder& operator=(ExportFolder&&) = delete;

    const std::string& path() const { return m_path; }
    int fd() const { return m_fd; }
    /// The folder as a path that names this very folder even if its name is moved (/proc/self/fd/N
    /// where there is one), for libraries that take a path.
    std::string pinnedPath() const;

    /// Writes the files: each created inside the folder (openat, O_CREAT|O_EXCL|O_NOFOLLOW, 0600)
    /// under NAME.part, synced, and renamed to NAME without replacing anything. On a failure the
    /// files written so far are removed again.
    void write(const std::vector<BundleFile>& files) const;

private:
    std::string m_path;
    int m_fd = -1;
};

/// The refusals of ExportFolder, checked without creating or changing anything, so that a caller
/// can refuse before it does anything else (stores a new certificate, say). A missing folder passes
/// when its parent folder exists. Throws core::Error saying what is wrong and what to do.
void checkExportFolder(const std::string& dir);

/// Renders every document (PDF signed as certification signatures, DOCX), the data (CSV with BOM,
/// XLSX without hidden parts), the diagram images, and the manifest (names, sizes, SHA-256,
/// audit-chain head, time) with its detached CMS signature. libxlsxwriter's temporary files go in
/// `scratch` (the export folder: personal data goes nowhere else). Needs a QGuiApplication.
std::vector<BundleFile> buildBundle(const ExportInput& input, const ExportFolder& scratch);
/// The same, opening `scratchDir` as an ExportFolder.
std::vector<BundleFile> buildBundle(const ExportInput& input, const std::string& scratchDir);

/// Writes the bundle into `dir`: ExportFolder(dir).write(files).
void writeBundle(const std::string& dir, const std::vector<BundleFile>& files);

/// The roster as XLSX: one visible sheet, no hidden rows, columns or sheets, laid out as `layout`
/// says (rosterTable); its metadata names Meibo as the application. Its temporary files are
/// unnamed (or unlinked at once) inside `scratch`, 0600.
std::string rosterXlsx(const RosterDocumentInput& input, const ExportFolder& scratch, const DataLayout& layout = {});
/// The same, opening `scratchDir` as an ExportFolder.
std::string rosterXlsx(const RosterDocumentInput& input, const std::string& scratchDir,
                       const DataLayout& layout = {});

/// The certificate a bundle must have been signed with, when the one checking it knows it.
struct ExpectedSigner {
    std::string certificatePem;
    std::string source; ///< for messages: "the certificate kept in the registry", "cert.pem"
};

/// One file of a bundle as verifyBundle found it.
struct BundleFileCheck {
    enum class Result {
        Matches,    ///< size and SHA-256 as the manifest says
        Changed,    ///< differs from the manifest
        Missing,    ///< listed in the manifest, not in the folder
        Unreadable, ///< cannot be read safely (a link, a device, too large, an I/O error)
        Added,      ///< in the folder, not in the manifest
    };
    std::string name;
    Result result = Result::Matches;
    std::uint64_t size = 0; ///< as the manifest lists it (0 for an added file)
};

struct BundleCheck {
    bool ok = true;
    /// The manifest's signature: valid (for the certificate it carries), missing, or not matching.
    enum class Signature { Valid, Missing, Invalid };
    Signature signature = Signature::Valid;
    std::vector<BundleFileCheck> files; ///< every file listed in the manifest, then every one added
    std::string signer;            ///< the signing certificate's common name (anyone can choose one)
    std::string signerFingerprint; ///< SHA-256 of the signing certificate, "AB:CD:…" (empty if unsigned)
    std::string expectedFingerprint; ///< of the ExpectedSigner, when one was given
    bool signerMatches = false;      ///< the signature was made with the ExpectedSigner's certificate
    std::vector<std::string> problems; ///< one sentence per file that differs, is missing or was added
};

/// Limits of verifyBundle: a bundle file larger than this is refused without being read.
inline constexpr std::uint64_t kMaxBundleFileBytes = 1ULL << 30;

/// Checks the manifest's signature and every file's size and SHA-256 against it; with `expected`,
/// also that the signature was made with that certificate. Reads only regular files inside `dir`
/// (no symbolic link, FIFO or device; no manifest name with `/` or `..`; none above
/// kMaxBundleFileBytes). Throws core::Error(Damaged or NotFound) with a sentence when there is no
/// readable, well-formed manifest listing at least one file.
BundleCheck verifyBundle(const std::string& dir, const std::optional<ExpectedSigner>& expected = std::nullopt);

} // namespace meibo::forms
