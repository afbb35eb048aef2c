#pragma once

#include "meibo/forms/Forms.h"
#include "meibo/forms/Signing.h"

#include <functional>
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
inline constexpr const char* kManifest = "manifest.json";
inline constexpr const char* kManifestSignature = "manifest.json.p7s";
} // namespace bundle

/// Renders every document (PDF signed, DOCX), the data (CSV with BOM, XLSX without hidden parts),
/// the diagram images, and the manifest (names, sizes, SHA-256, audit-chain head, time) with its
/// detached CMS signature. `scratchDir` holds libxlsxwriter's temporary files (inside the export
/// folder: personal data goes nowhere else). Needs a QGuiApplication.
std::vector<BundleFile> buildBundle(const ExportInput& input, const std::string& scratchDir);

/// Writes the bundle into `dir` (created 0700; files 0600, each written to a temporary name and
/// renamed). Refuses a folder that already holds files.
void writeBundle(const std::string& dir, const std::vector<BundleFile>& files);

/// The roster as XLSX: one visible sheet, no hidden rows, columns or sheets.
std::string rosterXlsx(const RosterDocumentInput& input, const std::string& scratchDir);

struct BundleCheck {
    bool ok = true;
    std::string signer;
    std::vector<std::string> problems; ///< one sentence per file that differs, is missing or was added
};
/// Checks the manifest's signature and every file's size and SHA-256 against it.
BundleCheck verifyBundle(const std::string& dir);

} // namespace meibo::forms
