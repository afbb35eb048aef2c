#pragma once

#include "meibo/db/Vault.h"

#include <nlohmann/json.hpp>

#include <string>

namespace meibo::cli {

/// Global options and the services every command uses. Commands return their exit status.
struct Context {
    std::string file;               ///< -f VAULT ("" = $MEIBO_FILE, then the GUI's default)
    std::string passphraseFile;     ///< --passphrase-file
    std::string recoveryKeyFile;    ///< --recovery-key-file
    bool json = false;              ///< --json (set per command)

    std::string registryPath() const;
    /// The secret that opens the registry, from the sources of docs/cli.md in order.
    db::Secret readSecret() const;
    /// A new passphrase: from `file` when given, else asked twice at the terminal, else stdin.
    db::SecureBuffer readNewPassphrase(const std::string& file, bool alsoFromStdin) const;
    db::Vault openVault(bool readOnly = false) const;

    static void printJson(const nlohmann::json& doc);
};

/// Exit statuses of docs/cli.md.
enum Exit : int { Ok = 0, Failed = 1, Usage = 2, CheckErrors = 3 };

} // namespace meibo::cli
