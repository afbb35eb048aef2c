// demo DIR: a sample registry to try Meibo with. It grows with each issue; today it holds the
// registry file and the organization, and says plainly what it does not make yet.

#include "Commands.h"

#include "meibo/core/Error.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sys/stat.h>

namespace meibo::cli {

void addDemoCommand(CLI::App& app, Context& ctx, int& exitCode)
{
    auto* demo = app.add_subcommand("demo", "Build a sample registry in DIR and say what was made");
    static std::string dir;
    demo->add_option("DIR", dir, "Folder to create (owner-only)")->required();
    demo->add_flag("--json", ctx.json, "Print the result as JSON");
    demo->callback([&] {
        if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
            throw core::Error(core::ErrorCode::Io, "cannot create " + dir + ": " + std::strerror(errno));
        ::chmod(dir.c_str(), 0700);
        const std::string path = dir + "/demo.meibo";
        const std::string passFile = dir + "/demo-passphrase.txt";
        const std::string passphrase = "demo-passphrase";
        db::CreateOptions options;
        options.organizationName = "株式会社サンプル情報研究所";
        const std::string recovery =
            db::Vault::create(path, db::SecureBuffer::fromString(passphrase), options);
        {
            std::ofstream out(passFile);
            out << passphrase << "\n";
        }
        ::chmod(passFile.c_str(), 0600);
        // Prove the registry opens and verifies before saying so.
        db::Vault vault = db::Vault::open(path, db::Secret::passphrase(passphrase));
        const auto info = vault.info();
        if (ctx.json) {
            Context::printJson({{"registry", path},
                                {"passphrase_file", passFile},
                                {"recovery_key", recovery},
                                {"pages", info.pages},
                                {"documents", nlohmann::json::array()},
                                {"not_yet", "roster, documents and signed export are not implemented in this "
                                            "version"}});
        } else {
            std::cout << "Made a sample encrypted registry: " << path << "\n"
                      << "  organization: " << vault.organizationName() << "\n"
                      << "  passphrase:   in " << passFile << " (a demo only: never keep a real one in a file)\n"
                      << "  verified:     " << info.pages << " pages authenticated\n"
                      << "Try:  meibo-cli -f " << path << " --passphrase-file " << passFile << " status\n\n"
                      << "Not made yet: this version has the encrypted registry only. The sample roster, the\n"
                      << "documents (様式4, 情報管理体制図, signed PDFs, DOCX, CSV/XLSX) and the signed export\n"
                      << "arrive with the roster and documents work; nothing else was written to " << dir << ".\n";
        }
        exitCode = Ok;
    });
}

} // namespace meibo::cli
