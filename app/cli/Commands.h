#pragma once

#include "Context.h"
#include "ExportRun.h"

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
void addDeadlinesCommand(CLI::App& app, Context& ctx, int& exitCode);

/// What `export` (and `demo`) writes: the shared request, with the PKCS#12 passphrase in a file.
struct ExportRequest : app::ExportRequest {
    std::string p12PassphraseFile;
};
using app::ExportSummary;
/// Reads the PKCS#12 passphrase file, starts the offscreen QGuiApplication, runs app::runExport.
ExportSummary runExport(db::Vault& vault, const ExportRequest& request);
void printExportSummary(const ExportSummary& summary, const std::string& outDir);

/// Rendering needs a QGuiApplication; without a display it runs offscreen.
void ensureGuiApplication();
void addInspectCommand(CLI::App& app, Context& ctx, int& exitCode);

/// The full help text of `meibo-cli help` (also in docs/cli.md).
const char* fullHelp();

} // namespace meibo::cli
