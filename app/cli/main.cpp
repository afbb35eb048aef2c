// meibo-cli: everything the GUI does, scriptable. Conventions in docs/cli.md.

#include "Commands.h"
#include "Console.h"

#include "meibo/core/Error.h"
#include "meibo/core/Version.h"

#include <iostream>

using namespace meibo;

int main(int argc, char** argv)
{
    cli::Context ctx;
    int exitCode = cli::Ok;
    CLI::App app{"meibo-cli — the encrypted registry of information handlers (情報取扱者名簿)", "meibo-cli"};
    app.set_version_flag("--version", std::string("meibo-cli ") + core::kVersion);
    app.add_option("-f,--file", ctx.file, "Registry file (default: $MEIBO_FILE, then the GUI's registry)");
    app.add_option("--passphrase-file", ctx.passphraseFile, "Read the passphrase from the first line of FILE");
    app.add_option("--recovery-key-file", ctx.recoveryKeyFile, "Open with the recovery key in FILE");
    app.require_subcommand(1);
    app.fallthrough();

    auto* help = app.add_subcommand("help", "Show every command and option");
    help->callback([&] {
        std::cout << cli::fullHelp();
        exitCode = cli::Ok;
    });
    cli::addVaultCommands(app, ctx, exitCode);
    cli::addRosterCommands(app, ctx, exitCode);
    cli::addChangeCommands(app, ctx, exitCode);
    cli::addExportCommands(app, ctx, exitCode);
    cli::addReportCommands(app, ctx, exitCode);
    cli::addDeadlinesCommand(app, ctx, exitCode);
    cli::addDemoCommand(app, ctx, exitCode);
    cli::addInspectCommand(app, ctx, exitCode);

    // Name an unknown command plainly (CLI11 would only say that a command is required).
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "-f" || arg == "--file" || arg == "--passphrase-file" || arg == "--recovery-key-file") {
            ++i;
            continue;
        }
        if (!arg.empty() && arg[0] == '-')
            continue;
        bool known = false;
        for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
            known = known || sub->get_name() == arg;
        if (!known) {
            if (cli::japaneseMessages())
                std::cerr << "meibo-cli: 「" << arg << "」というコマンドはありません。`meibo-cli help` でコマンドを確認してください。\n";
            else
                std::cerr << "meibo-cli: unknown command “" << arg << "”. Run `meibo-cli help` for the commands.\n";
            return cli::Usage;
        }
        break;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::cout << app.help();
        return cli::Ok;
    } catch (const CLI::CallForAllHelp&) {
        std::cout << cli::fullHelp();
        return cli::Ok;
    } catch (const CLI::CallForVersion&) {
        std::cout << app.version() << "\n";
        return cli::Ok;
    } catch (const CLI::ParseError& e) {
        std::cerr << "meibo-cli: " << e.what() << (cli::japaneseMessages() ? "（`meibo-cli help` でコマンドとオプションを確認できます）\n"
                                                              : " (`meibo-cli help` lists the commands and options)\n");
        return cli::Usage;
    } catch (const cli::UsageError& e) {
        std::cerr << "meibo-cli: " << e.what() << (cli::japaneseMessages() ? "（`meibo-cli help` でコマンドとオプションを確認できます）\n"
                                                              : " (`meibo-cli help` lists the commands and options)\n");
        return cli::Usage;
    } catch (const core::Error& e) {
        std::cerr << "meibo-cli: " << e.message(core::FrontEnd::Cli, meibo::cli::japaneseMessages()) << "\n";
        return e.code() == core::ErrorCode::InvalidInput && e.where() == "usage" ? cli::Usage : cli::Failed;
    } catch (const std::exception& e) {
        std::cerr << "meibo-cli: unexpected failure: " << e.what() << "\n";
        return cli::Failed;
    }
    return exitCode;
}
