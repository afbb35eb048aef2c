#pragma once

#include <string>

namespace meibo::db {

/// The registry used when none is named: $MEIBO_FILE, else `registry.meibo` in the app-data folder
/// ($XDG_DATA_HOME/meibo, or ~/.local/share/meibo) — the same file for the GUI and the CLI.
std::string defaultRegistryPath();

/// Creates the folder of `path` (and its parents) owner-only (0700) when it is missing.
void ensureParentFolder(const std::string& path);

} // namespace meibo::db
