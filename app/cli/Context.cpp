#include "Context.h"

#include "Console.h"

#include "meibo/core/Error.h"
#include "meibo/db/Paths.h"

#include <iostream>

namespace meibo::cli {

std::string Context::registryPath() const { return file.empty() ? db::defaultRegistryPath() : file; }

db::Secret Context::readSecret() const
{
    if (!recoveryKeyFile.empty()) {
        std::string text = readFirstLine(recoveryKeyFile, "recovery key", "回復キー");
        db::Secret s = db::Secret::recoveryKey(text);
        db::wipe(text);
        return s;
    }
    std::string text;
    if (!passphraseFile.empty())
        text = readFirstLine(passphraseFile, "passphrase", "パスフレーズ");
    else if (!stdinIsTerminal()) {
        auto line = readStdinLine();
        if (!line)
            throw core::Error(core::ErrorCode::InvalidInput,
                              "no passphrase on standard input: pipe it in, or use --passphrase-file FILE", "passphrase",
                              "標準入力にパスフレーズがありません。パイプで渡すか、--passphrase-file FILE で指定してください。");
        text = std::move(*line);
    } else
        text = promptHidden("Passphrase for " + registryPath() + ": ");
    db::Secret s = db::Secret::passphrase(text);
    db::wipe(text);
    return s;
}

db::SecureBuffer Context::readNewPassphrase(const std::string& newFile, bool alsoFromStdin) const
{
    std::string text;
    if (!newFile.empty())
        text = readFirstLine(newFile, "new passphrase", "新しいパスフレーズ");
    else if (alsoFromStdin && !stdinIsTerminal()) {
        auto line = readStdinLine();
        if (!line)
            throw core::Error(core::ErrorCode::InvalidInput, "no passphrase on standard input", "passphrase",
                              "標準入力に新しいパスフレーズがありません。");
        text = std::move(*line);
    } else if (stdinIsTerminal()) {
        text = promptHidden("New passphrase: ");
        std::string again = promptHidden("Repeat the new passphrase: ");
        const bool same = again == text;
        db::wipe(again);
        if (!same) {
            db::wipe(text);
            throw core::Error(core::ErrorCode::InvalidInput, "the two passphrases differ; nothing was changed",
                              "passphrase", "2 回入力したパスフレーズが一致しません。何も変更していません。");
        }
    } else
        throw core::Error(core::ErrorCode::InvalidInput, "give the new passphrase with --new-passphrase-file FILE",
                          "passphrase", "新しいパスフレーズを --new-passphrase-file FILE で指定してください。");
    db::SecureBuffer out = db::SecureBuffer::fromString(text);
    db::wipe(text);
    db::checkNewPassphraseRules(out);
    return out;
}

db::Vault Context::openVault(bool readOnly) const
{
    const std::string path = registryPath();
    db::Secret secret = readSecret();
    db::OpenOptions options;
    options.readOnly = readOnly;
    return db::Vault::open(path, secret, options);
}

void Context::printJson(const nlohmann::json& doc) { std::cout << doc.dump(2) << '\n'; }

} // namespace meibo::cli
