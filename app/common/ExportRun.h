#pragma once

#include "meibo/core/Date.h"
#include "meibo/db/Vault.h"
#include "meibo/forms/Export.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace meibo::app {

/// What an export writes: the contract, the folder, the roster's day, an optional change notice,
/// and the certificate (a PKCS#12 given now, else the one kept in the registry, else a new
/// self-signed one that is then kept).
struct ExportRequest {
    std::string contract; ///< id or code
    std::string outDir;
    std::optional<core::Date> asOf;
    std::optional<std::int64_t> changeId;
    std::optional<std::int64_t> reportId; ///< adds status-report-ID.pdf/.docx
    bool methods = false;                 ///< adds compliance-methods.pdf/.docx
    bool deletionCertificate = false;     ///< adds deletion-certificate.pdf/.docx
    std::string p12File; ///< read by prepareExport when given
    std::string p12Passphrase;
    bool preContract = false;
    bool quiet = false;
    /// roster.csv, roster.xlsx, disclosure.csv and status-report-ID.csv: Japanese column names (the
    /// default) or the keys; dates in the Japanese era or ISO.
    forms::DataLayout layout;
};

struct ExportSummary {
    std::vector<std::pair<std::string, std::size_t>> files;
    std::string signer;
    core::Date asOf{};
    double milliseconds = 0;
    bool madeSelfSigned = false; ///< no certificate was kept: one was made and kept now
};

/// The registry's side of an export: reads everything the documents need into plain values (and
/// keeps a new self-signed certificate when there is none). Refuses, before it reads or stores
/// anything, a folder forms::checkExportFolder refuses (one that holds files, is a link or a file,
/// belongs to another user or can be written by others). Uses the registry, so it runs on the
/// thread that owns the Vault.
struct PreparedExport {
    forms::ExportInput input;
    std::string outDir;
    bool madeSelfSigned = false;
};
PreparedExport prepareExport(db::Vault& vault, const ExportRequest& request);

/// The documents' side: renders, signs and writes the bundle through a forms::ExportFolder (0700
/// folder, checked again; 0600 files created with O_EXCL|O_NOFOLLOW). Touches
/// no registry, so it may run on a worker thread. Needs a QGuiApplication.
ExportSummary writeExport(PreparedExport prepared);

/// The change notice (変更届) of a change set as a document model, from the registry: the roster
/// before and after on its effective day, and the clause-4) disclosure of incoming people. The GUI
/// previews it in memory; the export renders it.
forms::Document changeNoticeDocument(db::Vault& vault, std::int64_t changeId);

/// Both, one after the other (the CLI and `demo`).
ExportSummary runExport(db::Vault& vault, const ExportRequest& request);

} // namespace meibo::app
