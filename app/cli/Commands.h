#pragma once

#include "Context.h"

#include <CLI/CLI.hpp>

namespace meibo::cli {

/// Each add…Commands declares its verbs as data on `app`; the callbacks set `exitCode`.
void addVaultCommands(CLI::App& app, Context& ctx, int& exitCode);
void addDemoCommand(CLI::App& app, Context& ctx, int& exitCode);
void addRosterCommands(CLI::App& app, Context& ctx, int& exitCode);
void addChangeCommands(CLI::App& app, Context& ctx, int& exitCode);

/// The full help text of `meibo-cli help` (also in docs/cli.md).
const char* fullHelp();

} // namespace meibo::cli
