// init, info, status, passwd, slot …, backup: the registry file itself.

#include "Commands.h"

#include "meibo/core/Error.h"
#include "meibo/db/Checks.h"
#include "meibo/db/Paths.h"

#include <ctime>
#include <iostream>

namespace meibo::cli {

namespace {

std::string isoTime(std::int64_t unix)
{
    const std::time_t t = static_cast<std::time_t>(unix);
    std::tm local{};
    localtime_r(&t, &local);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &local);
    return buf;
}

nlohmann::json slotsJson(const std::vector<db::SlotInfo>& slots)
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : slots) {
        nlohmann::json j{{"index", s.index}, {"kind", s.kind}, {"name", s.name}, {"kdf", s.kdf}};
        if (s.kdf == "argon2id13") {
            j["ops_limit"] = s.opsLimit;
            j["mem_limit_bytes"] = s.memLimitBytes;
        }
        out.push_back(std::move(j));
    }
    return out;
}

void printRecoveryKey(const std::string& key)
{
    std::cout << "\nRecovery key (shown only now — print it or write it down, and keep it apart from the "
                 "computer):\n\n    "
              << key
              << "\n\nIt opens the registry when the passphrase is forgotten: meibo-cli --recovery-key-file FILE "
                 "passwd\n";
}

} // namespace

void addVaultCommands(CLI::App& app, Context& ctx, int& exitCode)
{
    // ---- init
    auto* init = app.add_subcommand("init", "Create a new encrypted registry (never overwrites)");
    static std::string orgName;
    static std::uint64_t kdfOps = 0, kdfMemMiB = 0;
    init->add_option("--org-name", orgName, "The contractor's name (名称)");
    init->add_option("--kdf-ops", kdfOps, "Argon2id passes (default 3)");
    init->add_option("--kdf-mem-mib", kdfMemMiB, "Argon2id memory in MiB (default 256)");
    init->add_flag("--json", ctx.json, "Print the result as JSON");
    init->callback([&] {
        const std::string path = ctx.registryPath();
        db::CreateOptions options;
        options.organizationName = orgName;
        if (kdfOps)
            options.kdf.opsLimit = kdfOps;
        if (kdfMemMiB)
            options.kdf.memLimitBytes = kdfMemMiB << 20;
        const bool weak = options.kdf.opsLimit < db::KdfSettings::standard().opsLimit ||
                          options.kdf.memLimitBytes < db::KdfSettings::standard().memLimitBytes;
        if (ctx.file.empty())
            db::ensureParentFolder(path);
        db::SecureBuffer pass = ctx.readNewPassphrase(ctx.passphraseFile, true);
        const std::string recovery = db::Vault::create(path, pass, options);
        if (ctx.json) {
            Context::printJson({{"path", path}, {"recovery_key", recovery}, {"weak_kdf", weak}});
        } else {
            std::cout << "Created the encrypted registry " << path << "\n";
            if (weak)
                std::cout << "Warning: the passphrase check is cheaper than the default; a stolen copy is easier to "
                             "attack. Use this only for tests.\n";
            printRecoveryKey(recovery);
        }
        exitCode = Ok;
    });

    // ---- info
    auto* info = app.add_subcommand("info", "Show the file's format, key slots and size (no passphrase)");
    info->add_flag("--json", ctx.json, "Print the result as JSON");
    info->callback([&] {
        const db::VaultInfo i = db::Vault::inspect(ctx.registryPath());
        const db::SlotInfo* kdf = nullptr;
        for (const auto& s : i.keySlots)
            if (s.kdf == "argon2id13" && !kdf)
                kdf = &s;
        if (ctx.json) {
            nlohmann::json j{{"path", i.path},
                             {"format_version", i.formatVersion},
                             {"file_id", i.fileId},
                             {"header_generation", i.headerGeneration},
                             {"created", isoTime(i.createdUnix)},
                             {"file_size", i.fileSize},
                             {"pages", i.pages},
                             {"page_size", 4096},
                             {"cipher", "XChaCha20-Poly1305"},
                             {"interrupted_write", i.hotJournal},
                             {"interrupted_key_change", i.pendingHeader},
                             {"key_slots", slotsJson(i.keySlots)}};
            if (kdf)
                j["kdf"] = {{"algorithm", "argon2id13"},
                            {"ops_limit", kdf->opsLimit},
                            {"mem_limit_bytes", kdf->memLimitBytes}};
            Context::printJson(j);
        } else {
            std::cout << "Registry:        " << i.path << "\n"
                      << "Format version:  " << i.formatVersion << " (XChaCha20-Poly1305 pages, Argon2id keys)\n"
                      << "File id:         " << i.fileId << "\n"
                      << "Created:         " << isoTime(i.createdUnix) << "\n"
                      << "Size:            " << i.fileSize << " bytes (" << i.pages << " pages of 4096)\n"
                      << "Key slots:\n";
            for (const auto& s : i.keySlots) {
                std::cout << "  " << s.index << "  " << s.name << " (" << s.kind;
                if (s.kdf == "argon2id13") {
                    if (s.memLimitBytes >= (1u << 20))
                        std::cout << ", Argon2id " << (s.memLimitBytes >> 20) << " MiB";
                    else
                        std::cout << ", Argon2id " << (s.memLimitBytes >> 10) << " KiB";
                    std::cout << " × " << s.opsLimit << " passes";
                }
                std::cout << ")\n";
            }
            if (i.hotJournal)
                std::cout << "An interrupted write left a journal; the next open finishes it.\n";
            if (i.pendingHeader)
                std::cout << "An interrupted key change is pending; the next open finishes it.\n";
        }
        exitCode = Ok;
    });

    // ---- status
    auto* status = app.add_subcommand("status", "Open and verify the registry; show what it holds");
    status->add_flag("--json", ctx.json, "Print the result as JSON");
    status->callback([&] {
        db::Vault vault = ctx.openVault(true);
        const auto counts = vault.tableCounts();
        const db::VaultInfo i = vault.info();
        const core::Date today = core::todayLocal();
        const auto deadlines = vault.schemaVersion() >= 5 ? db::upcomingDeadlines(vault, today) : std::vector<db::Deadline>{};
        nlohmann::json dl = nlohmann::json::array();
        for (const auto& d : deadlines)
            dl.push_back({{"contract", d.contract}, {"kind", d.kind}, {"due", core::formatIsoDate(d.due)},
                          {"days_left", core::daysBetween(today, d.due)}, {"what", d.what}});
        if (ctx.json) {
            nlohmann::json c = nlohmann::json::object();
            for (const auto& [name, n] : counts)
                c[name] = n;
            Context::printJson({{"path", vault.path()},
                                {"verified", true},
                                {"pages", i.pages},
                                {"schema_version", vault.schemaVersion()},
                                {"organization", vault.organizationName()},
                                {"opened_with", vault.openedSlot()},
                                {"counts", c},
                                {"deadlines", dl}});
        } else {
            std::cout << "Registry " << vault.path() << " opened with key slot \"" << vault.openedSlot() << "\".\n"
                      << "Verified: all " << i.pages << " pages authenticated, SQLite quick_check ok.\n"
                      << "Schema version " << vault.schemaVersion() << "; organization: "
                      << (vault.organizationName().empty() ? std::string("(not set)") : vault.organizationName())
                      << "\n";
            for (const auto& [name, n] : counts)
                std::cout << "  " << name << ": " << n << "\n";
            if (!deadlines.empty())
                std::cout << "Next deadlines:\n";
            for (const auto& d : deadlines)
                std::cout << "  " << core::formatIsoDate(d.due) << " (" << core::daysBetween(today, d.due) << " days)  "
                          << d.contract << "  " << d.what << "\n";
        }
        exitCode = Ok;
    });

    // ---- passwd
    auto* passwd = app.add_subcommand("passwd", "Change the passphrase (rewraps the data key; pages stay as they are)");
    static std::string newPassFile;
    passwd->add_option("--new-passphrase-file", newPassFile, "First line is the new passphrase");
    passwd->callback([&] {
        db::Vault vault = ctx.openVault();
        db::SecureBuffer next = ctx.readNewPassphrase(newPassFile, false);
        const std::string slotName = vault.changePassphrase(next);
        std::cout << "Changed the passphrase of key slot \"" << slotName << "\" in " << vault.path()
                  << ". The old passphrase still opens backups written before now.\n";
        exitCode = Ok;
    });

    // ---- slot list / add / remove / rotate-recovery
    auto* slot = app.add_subcommand("slot", "Key slots: further passphrases (a deputy officer) and the recovery key");
    slot->require_subcommand(1);
    auto* slotList = slot->add_subcommand("list", "List the key slots (no passphrase needed)");
    slotList->add_flag("--json", ctx.json, "Print the result as JSON");
    slotList->callback([&] {
        const db::VaultInfo i = db::Vault::inspect(ctx.registryPath());
        if (ctx.json)
            Context::printJson({{"key_slots", slotsJson(i.keySlots)}});
        else
            for (const auto& s : i.keySlots)
                std::cout << s.index << "\t" << s.name << "\t" << s.kind << "\n";
        exitCode = Ok;
    });
    auto* slotAdd = slot->add_subcommand("add", "Add a passphrase slot");
    static std::string slotName, slotPassFile;
    slotAdd->add_option("NAME", slotName, "Slot name, e.g. deputy")->required();
    slotAdd->add_option("--new-passphrase-file", slotPassFile, "First line is the slot's passphrase");
    slotAdd->callback([&] {
        db::Vault vault = ctx.openVault();
        db::SecureBuffer pass = ctx.readNewPassphrase(slotPassFile, false);
        vault.addPassphraseSlot(slotName, pass);
        std::cout << "Added key slot \"" << slotName << "\".\n";
        exitCode = Ok;
    });
    auto* slotRemove = slot->add_subcommand("remove", "Remove a passphrase slot");
    slotRemove->add_option("NAME", slotName, "Slot name")->required();
    slotRemove->callback([&] {
        db::Vault vault = ctx.openVault();
        vault.removeSlot(slotName);
        std::cout << "Removed key slot \"" << slotName << "\".\n";
        exitCode = Ok;
    });
    auto* rotate = slot->add_subcommand("rotate-recovery", "Replace the recovery key (the old one stops working)");
    rotate->callback([&] {
        db::Vault vault = ctx.openVault();
        printRecoveryKey(vault.rotateRecoveryKey());
        exitCode = Ok;
    });

    // ---- backup
    auto* backup = app.add_subcommand("backup", "Write the encrypted backup <file>.bak now");
    backup->callback([&] {
        db::Vault vault = ctx.openVault();
        vault.backupNow();
        std::cout << "Wrote " << vault.backupPath() << " (encrypted; opens with today's passphrases).\n";
        exitCode = Ok;
    });
}

} // namespace meibo::cli
