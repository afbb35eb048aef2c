// inspect: the pre-publication check of deliverables (contract 5.(2)). With -f, the registry's
// handlers are looked for in the files and the run is recorded in the audit log (paths and counts).

#include "Commands.h"
#include "Console.h"

#include "meibo/core/Error.h"
#include "meibo/db/Registry.h"
#include "meibo/forms/Export.h"
#include "meibo/forms/Inspect.h"
#include "meibo/forms/Signing.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

namespace meibo::cli {

namespace {

using core::Error;
using core::ErrorCode;

std::string nowUtc()
{
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

/// Refuses a report file that is there already, before anything is inspected or written.
void refuseExisting(const std::filesystem::path& path)
{
    if (std::filesystem::exists(std::filesystem::symlink_status(path)))
        throw Error(ErrorCode::AlreadyExists, path.string() + " exists already: give --report a new or empty folder",
                    path.string(), path.string() + " は既にあります。--report には新しいフォルダーか空のフォルダーを指定してください。");
}

} // namespace

void addInspectCommand(CLI::App& app, Context& ctx, int& exitCode)
{
    auto* cmd = app.add_subcommand("inspect", "Check deliverables before publication (contract 5.(2)): hidden rows, "
                                              "columns and sheets, comments, tracked changes, metadata, embedded "
                                              "files, pages without text, personal data");
    static std::vector<std::string> paths;
    static std::string reportDir;
    cmd->add_option("PATH", paths, "files or folders (walked recursively)")->required();
    cmd->add_option("--report", reportDir, "also write the findings to DIR: inspection.csv and inspection.pdf "
                                           "(signed with the registry's certificate when -f is given)");
    cmd->add_flag("--json", ctx.json, "JSON output");
    cmd->callback([&] {
        // The report names the registry's handlers next to what was found: it is personal data and
        // goes where an export goes, an owner-only folder (0700, files 0600, whatever the umask),
        // made and checked before anything is inspected or recorded.
        std::optional<forms::ExportFolder> reportFolder;
        if (!reportDir.empty()) {
            namespace fs = std::filesystem;
            for (const char* name : {"inspection.csv", "inspection.pdf"})
                refuseExisting(fs::path(reportDir) / name);
            reportFolder.emplace(reportDir);
        }
        forms::InspectOptions options;
        std::optional<db::Vault> vault;
        std::optional<db::Registry> reg;
        // Only a registry named with -f is searched (as `verify` does): $MEIBO_FILE alone asks for
        // no passphrase.
        if (!ctx.file.empty()) {
            vault.emplace(ctx.openVault());
            reg.emplace(*vault);
            for (const auto& [id, person] : reg->people())
                options.people.push_back({person.name, person.address, person.birthDate, person.passportNo});
            if (const std::string org = reg->organization().name; !org.empty())
                options.knownAuthors.push_back(org);
        }
        const forms::InspectResult result = forms::inspectPaths(paths, options);

        std::map<std::string, int> byRule;
        for (const auto& f : result.findings)
            ++byRule[f.rule];
        if (reg)
            reg->recordInspection(paths, result.files, result.unreadable, byRule);

        std::vector<std::string> written;
        if (reportFolder) {
            std::optional<forms::SigningIdentity> identity;
            if (reg)
                if (const auto kept = reg->signingIdentity())
                    identity = forms::SigningIdentity{kept->certificatePem, kept->privateKeyPem, kept->signer};
            ensureGuiApplication();
            reportFolder->write(
                {{"inspection.csv", forms::inspectCsv(result.findings)},
                 {"inspection.pdf",
                  forms::inspectReportPdf(result, paths, nowUtc(), identity ? &*identity : nullptr)}});
            written.push_back((std::filesystem::path(reportDir) / "inspection.csv").string());
            written.push_back((std::filesystem::path(reportDir) / "inspection.pdf").string());
        }

        const bool ja = japaneseMessages();
        if (ctx.json) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& f : result.findings)
                list.push_back({{"rule", f.rule},
                                {"file", f.file},
                                {"where", f.where},
                                {"message", f.message},
                                {"message_ja", f.messageJa},
                                {"severity", f.warning ? "warning" : "error"}});
            Context::printJson({{"findings", list},
                                {"files", result.files},
                                {"unreadable", result.unreadable},
                                {"registry", reg.has_value()},
                                {"report", written}});
        } else {
            for (const auto& f : result.findings)
                std::cout << f.file << (f.where.empty() ? "" : ": " + f.where) << ": "
                          << (f.warning ? (ja ? "注意：" : "warning: ") : "") << (ja ? f.messageJa : f.message) << "\n";
            if (ja)
                std::cout << result.files << " 個のファイルを点検し、指摘は " << result.findings.size() << " 件でした"
                          << (reg ? "（名簿の取扱者と照合済み）" : "（名簿なし：-f で取扱者の個人情報も照合します）") << "。\n";
            else
                std::cout << "Inspected " << result.files << (result.files == 1 ? " file" : " files") << ": "
                          << result.findings.size() << (result.findings.size() == 1 ? " finding" : " findings")
                          << (reg ? " (checked against the registry's handlers)."
                                  : " (no registry: give -f to look for the handlers' personal data as well).")
                          << "\n";
            for (const auto& w : written)
                std::cout << (ja ? "書き出し：" : "Wrote ") << w << "\n";
        }
        exitCode = result.unreadable > 0 ? Failed : result.findings.empty() ? Ok : CheckErrors;
    });
}

} // namespace meibo::cli
