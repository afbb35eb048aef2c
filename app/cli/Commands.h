#pragma once

#include "Context.h"

#include "meibo/core/Date.h"

#include <CLI/CLI.hpp>

#include <optional>

namespace meibo::cli {

/// Each add…Commands declares its verbs as data on `app`; the callbacks set `exitCode`.
void addVaultCommands(CLI::App& app, Context& ctx, int& exitCode);
void addDemoCommand(CLI::App& app, Context& ctx, int& exitCode);
void addRosterCommands(CLI::App& app, Context& ctx, int& exitCode);
void addChangeCommands(CLI::App& app, Context& ctx, int& exitCode);
void addExportCommands(CLI::App& app, Context& ctx, int& exitCode);
void addReportCommands(CLI::App& app, Context& ctx, int& exitCode);

/// What `export` (and `demo`) writes.
struct ExportRequest {
    std::string contract;
    std::string outDir;
    std::optional<core::Date> asOf;
    std::optional<std::int64_t> changeId;
    std::optional<std::int64_t> reportId;  ///< adds status-report-ID.pdf/.docx
    bool methods = false;                  ///< adds compliance-methods.pdf/.docx
    bool deletionCertificate = false;      ///< adds deletion-certificate.pdf/.docx
    std::string p12File, p12PassphraseFile;
    bool preContract = false;
    bool quiet = false;
};
struct ExportSummary {
    std::vector<std::pair<std::string, std::size_t>> files;
    std::string signer;
    core::Date asOf{};
    double milliseconds = 0;
};
ExportSummary runExport(db::Vault& vault, const ExportRequest& request);
void printExportSummary(const ExportSummary& summary, const std::string& outDir);

/// The full help text of `meibo-cli help` (also in docs/cli.md).
const char* fullHelp();

} // namespace meibo::cli
