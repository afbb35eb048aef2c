#pragma once

// Pre-publication inspection of deliverables (contract 5.(2)): hidden rows, columns and sheets,
// comments, tracked changes, metadata, embedded files, JavaScript, pages without a text layer and
// personal data — in .xlsx/.xlsm, .docx/.docm, PDF, CSV and text. Reads only: nothing inspected
// is ever written. libzip (bounded decompression) and pugixml for OOXML, qpdf for PDF.

#include "meibo/core/Date.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meibo::forms {

/// One thing found in a file: a stable rule id (docs/cli.md), the file, the place in it (sheet!cell,
/// row range, page, paragraph, part name) and a sentence saying what was found and how to fix it.
struct InspectFinding {
    std::string rule;
    std::string file;
    std::string where;
    std::string message;
    std::string messageJa;
    bool warning = false; ///< a pattern that may be harmless (an e-mail address), not a certain problem
};

/// A handler of the registry, as much of them as the inspection looks for (never stored anywhere).
struct InspectPerson {
    std::string name;
    std::string address;
    std::optional<core::Date> birthDate;
    std::string passportNo;
};

struct InspectOptions {
    /// The registry's handlers (-f); empty without a registry: then only patterns are looked for.
    std::vector<InspectPerson> people;
    /// Names that may stand in document properties (the organization of the registry).
    std::vector<std::string> knownAuthors;
    /// Findings of one rule in one file beyond this are summed up in one more finding.
    std::size_t maxPerRule = 20;
};

/// The outcome of inspecting paths: every finding, and the files looked at.
struct InspectResult {
    std::vector<InspectFinding> findings;
    int files = 0;      ///< files inspected
    int unreadable = 0; ///< files that could not be read (also listed as `file-unreadable` findings)
};

/// Every regular file under `paths` (folders walked recursively, symbolic links not followed), in
/// path order. A path that does not exist or a file that cannot be read is an `unreadable` finding.
InspectResult inspectPaths(const std::vector<std::string>& paths, const InspectOptions& options);

/// One file's bytes; `name` picks the reader by its extension (or the bytes by their magic) and is
/// what findings name. Throws nothing for bad input: a damaged file is a `file-unreadable` finding.
std::vector<InspectFinding> inspectBytes(const std::string& name, std::string_view bytes,
                                         const InspectOptions& options);

/// Limits of the contract for deliverables (PDF) and of the readers (a ZIP bomb is refused).
struct InspectLimits {
    static constexpr std::uint64_t kPdfBytes = 128ull * 1024 * 1024;
    static constexpr int kPdfPages = 1000;
    static constexpr std::uint64_t kPdfChars = 4'000'000;
    static constexpr std::uint64_t kZipPartBytes = 64ull * 1024 * 1024;
    static constexpr std::uint64_t kZipTotalBytes = 256ull * 1024 * 1024;
    static constexpr std::uint64_t kFileBytes = 512ull * 1024 * 1024;
};

struct SigningIdentity;

/// The findings as a PDF report for the file (what was inspected, when, each finding in Japanese
/// and English), signed with `identity` when one is given (ETSI.CAdES.detached, as the bundle), so
/// that the officer can show the check was done. `generatedAtUtc` is "YYYY-MM-DDTHH:MM:SSZ".
/// Needs a QGuiApplication (rendering).
std::string inspectReportPdf(const InspectResult& result, const std::vector<std::string>& paths,
                             const std::string& generatedAtUtc, const SigningIdentity* identity);

/// The findings as CSV (header rule,severity,file,where,message,message_ja), RFC 4180.
std::string inspectCsv(const std::vector<InspectFinding>& findings);

} // namespace meibo::forms
