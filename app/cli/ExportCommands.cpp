// cert generate/import/show, export, verify: the signed submission bundle.

#include "Commands.h"
#include "Console.h"

#include "meibo/core/Files.h"
#include "meibo/core/Error.h"
#include "meibo/db/Registry.h"
#include "meibo/forms/Export.h"
#include "meibo/forms/Signing.h"

#include <QGuiApplication>

#include <cstring>
#include <fstream>
#include <optional>
#include <sys/stat.h>
#include <iostream>
#include <memory>
#include <sstream>

namespace meibo::cli {

using core::Error;
using core::ErrorCode;

void ensureGuiApplication()
{
    if (QGuiApplication::instance())
        return;
    // Qt's own notices (runtime folder, fonts) are not the user's business on a command line.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type == QtCriticalMsg || type == QtFatalMsg)
            std::cerr << "meibo-cli: " << message.toStdString() << "\n";
    });
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "meibo-cli";
    static char* argv[] = {name, nullptr};
    // Never destroyed: it must outlive every static that Qt's fonts and paint engines leave behind.
    new QGuiApplication(argc, argv);
}

namespace {


std::string fingerprint(const std::string& pem)
{
    return forms::certificateFingerprint(pem);
}

/// A certificate file for `verify --cert`: a regular file of at most 1 MiB holding a certificate.
std::string readCertificateFile(const std::string& path)
{
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (1 << 20))
        throw Error(ErrorCode::NotFound, "cannot read the certificate " + path + ": give a PEM file (-----BEGIN "
                                         "CERTIFICATE-----), as `meibo-cli cert show` prints it", path);
    std::string pem = core::readWholeFile(path, "the certificate", "証明書");
    try {
        forms::certificateFingerprint(pem);
    } catch (const Error&) {
        throw Error(ErrorCode::InvalidInput, path + " holds no certificate: give a PEM file (-----BEGIN "
                                             "CERTIFICATE-----), as `meibo-cli cert show` prints it", path);
    }
    return pem;
}

} // namespace

ExportSummary runExport(db::Vault& vault, const ExportRequest& request)
{
    app::ExportRequest shared = request;
    if (!request.p12File.empty())
        shared.p12Passphrase = readFirstLine(request.p12PassphraseFile, "PKCS#12 passphrase", "PKCS#12 のパスフレーズ");
    ensureGuiApplication();
    const ExportSummary summary = app::runExport(vault, shared);
    db::wipe(shared.p12Passphrase);
    if (summary.madeSelfSigned && !request.quiet)
        std::cout << "No certificate was kept: made a self-signed one for “" << summary.signer
                  << "” and kept it (see `meibo-cli cert`).\n";
    return summary;
}

void printExportSummary(const ExportSummary& summary, const std::string& outDir)
{
    std::cout << "Wrote " << summary.files.size() << " files to " << outDir << " (signed by “" << summary.signer
              << "”, roster of " << core::formatIsoDate(summary.asOf) << ", " << static_cast<int>(summary.milliseconds)
              << " ms).\n"
              << "This folder holds personal data in plain form (names, addresses, passport numbers): it is "
                 "readable only by you (0700). Send it, then delete it.\n";
    for (const auto& f : summary.files)
        std::cout << "  " << f.first << "\n";
}

void addExportCommands(CLI::App& app, Context& ctx, int& exitCode)
{
    // ---- cert
    auto* cert = app.add_subcommand("cert", "The certificate that signs exported documents");
    cert->require_subcommand(1);
    static std::string cn, p12File, p12PassFile;
    auto* gen = cert->add_subcommand("generate", "Make a self-signed certificate for the organization and keep it");
    gen->add_option("--cn", cn, "the signer's name (default: the organization)");
    gen->callback([&] {
        db::Vault vault = ctx.openVault();
        db::Registry reg(vault);
        const auto org = reg.organization();
        const std::string name = cn.empty() ? org.name : cn;
        if (name.empty())
            throw Error(ErrorCode::InvalidInput, "give --cn NAME, or set the organization's name first (org set --name)");
        const auto id = forms::generateSelfSigned(name, org.name);
        reg.setSigningIdentity({id.certificatePem, id.privateKeyPem, id.signerName, "self-signed"});
        std::cout << "Made and kept a self-signed certificate for “" << id.signerName << "” (SHA-256 "
                  << fingerprint(id.certificatePem) << ").\n"
                  << "Recipients see the signature as valid but the issuer as unknown unless they trust it.\n";
        exitCode = Ok;
    });
    auto* imp = cert->add_subcommand("import", "Keep a PKCS#12 certificate and key in the registry");
    imp->add_option("FILE", p12File, "the .p12 / .pfx file")->required();
    imp->add_option("--p12-passphrase-file", p12PassFile, "first line: the file's passphrase")->required();
    imp->callback([&] {
        std::string pass = readFirstLine(p12PassFile, "PKCS#12 passphrase", "PKCS#12 のパスフレーズ");
        const auto id = forms::identityFromPkcs12(core::readWholeFile(p12File, "the PKCS#12 file", "PKCS#12 ファイル"), pass);
        db::wipe(pass);
        db::Vault vault = ctx.openVault();
        db::Registry(vault).setSigningIdentity({id.certificatePem, id.privateKeyPem, id.signerName, "pkcs12"});
        std::cout << "Kept the certificate of “" << id.signerName << "” inside the registry; " << p12File
                  << " is no longer needed by Meibo.\n";
        exitCode = Ok;
    });
    auto* show = cert->add_subcommand("show", "Show the kept certificate");
    show->add_flag("--json", ctx.json, "JSON output");
    show->callback([&] {
        db::Vault vault = ctx.openVault(true);
        const auto id = db::Registry(vault).signingIdentity();
        if (!id)
            throw Error(ErrorCode::NotFound, "no certificate kept yet: `meibo-cli cert generate` or `cert import`");
        if (ctx.json)
            Context::printJson({{"signer", id->signer}, {"source", id->source}, {"sha256", fingerprint(id->certificatePem)},
                                {"certificate", id->certificatePem}});
        else
            std::cout << id->signer << " (" << id->source << ")\nSHA-256 " << fingerprint(id->certificatePem) << "\n"
                      << id->certificatePem;
        exitCode = Ok;
    });

    // ---- export
    auto* exp = app.add_subcommand("export", "Write the signed submission bundle for a contract into DIR");
    static std::string contractRef, outDir, asOfText, reportId, changeId, expP12, expP12Pass;
    static bool preContract = false;
    exp->add_option("--contract", contractRef, "contract id or code")->required();
    exp->add_option("--out", outDir, "a new or empty folder")->required();
    exp->add_option("--as-of", asOfText, "the roster's day (default today; with --change, its effective day)");
    exp->add_option("--report", reportId, "add a status report (実施状況報告書)");
    exp->add_option("--change", changeId, "add a change notice (変更届); the roster is shown as it will be");
    exp->add_option("--p12", expP12, "sign with this PKCS#12 instead of the kept certificate");
    exp->add_option("--p12-passphrase-file", expP12Pass, "first line: the PKCS#12 passphrase");
    exp->add_flag("--pre-contract", preContract, "leave addresses and birth dates out (※5)");
    static bool withMethods = false, withCertificate = false;
    exp->add_flag("--methods", withMethods, "add the compliance methods (遵守の方法, clause 1's 確認書類)");
    exp->add_flag("--deletion-certificate", withCertificate,
                  "add the certificate of return / deletion (clause 8); refused while any item is pending");
    static bool csvKeys = false;
    static std::string dates;
    exp->add_flag("--csv-keys", csvKeys,
                  "roster.csv, roster.xlsx, disclosure.csv and the status report's CSV with the import's keys as "
                  "column names and ISO country codes (default: the form's Japanese column names)");
    exp->add_option("--dates", dates, "dates in roster.csv and roster.xlsx: wareki (令和8年4月1日) or iso (2026-04-01); "
                                      "default wareki, iso with --csv-keys")
        ->check(CLI::IsMember({"wareki", "iso"}));
    exp->add_flag("--json", ctx.json, "JSON output");
    exp->callback([&] {
        if (!expP12.empty() && expP12Pass.empty())
            throw Error(ErrorCode::InvalidInput, "--p12 needs --p12-passphrase-file", "usage");
        db::Vault vault = ctx.openVault();
        ExportRequest request;
        request.contract = contractRef;
        request.outDir = outDir;
        if (!asOfText.empty())
            request.asOf = requireDate(asOfText, "as-of");
        if (!changeId.empty())
            request.changeId = parseId(changeId, "change");
        if (!reportId.empty())
            request.reportId = parseId(reportId, "report");
        request.methods = withMethods;
        request.deletionCertificate = withCertificate;
        request.p12File = expP12;
        request.p12PassphraseFile = expP12Pass;
        request.preContract = preContract;
        request.layout.keys = csvKeys;
        request.layout.isoDates = dates.empty() ? csvKeys : dates == "iso";
        request.quiet = ctx.json;
        const ExportSummary summary = runExport(vault, request);
        if (ctx.json) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& [name, size] : summary.files)
                list.push_back({{"name", name}, {"size", size}});
            Context::printJson({{"out", outDir}, {"files", list}, {"signer", summary.signer},
                                {"as_of", core::formatIsoDate(summary.asOf)}, {"personal_data", true},
                                {"milliseconds", summary.milliseconds}});
        } else {
            printExportSummary(summary, outDir);
        }
        exitCode = Ok;
    });

    // ---- verify
    auto* verify = app.add_subcommand("verify", "Check an export folder: the manifest's signature, who signed it, "
                                                "and every file");
    static std::string verifyDir, verifyCert;
    verify->add_option("DIR", verifyDir, "the export folder")->required();
    verify->add_option("--cert", verifyCert, "fail unless the bundle was signed with this certificate (PEM)");
    verify->add_flag("--json", ctx.json, "JSON output");
    verify->callback([&] {
        // Whom to compare the signer with: the certificate given, or the one kept in the registry
        // named with -f (a registry found only through $MEIBO_FILE is not asked for a passphrase).
        std::optional<forms::ExpectedSigner> expected;
        std::string source;
        if (!verifyCert.empty() && !ctx.file.empty())
            throw Error(ErrorCode::InvalidInput, "give either -f REGISTRY or --cert FILE.pem to compare the signer "
                                                 "with, not both", "usage");
        if (!verifyCert.empty()) {
            expected = forms::ExpectedSigner{readCertificateFile(verifyCert), "the certificate in " + verifyCert};
            source = "cert";
        } else if (!ctx.file.empty()) {
            db::Vault vault = ctx.openVault(true);
            const auto kept = db::Registry(vault).signingIdentity();
            if (!kept)
                throw Error(ErrorCode::NotFound,
                            ctx.file + " keeps no certificate, so there is nothing to compare the signer with: give "
                                       "--cert FILE.pem, or leave -f out",
                            ctx.file);
            expected = forms::ExpectedSigner{kept->certificatePem,
                                             "the certificate kept in the registry (“" + kept->signer + "”)"};
            source = "registry";
        }
        const auto check = forms::verifyBundle(verifyDir, expected);
        if (ctx.json) {
            nlohmann::json doc = {{"ok", check.ok},
                                  {"signer", check.signer},
                                  {"signer_sha256", check.signerFingerprint},
                                  {"problems", check.problems}};
            if (expected)
                doc["expected"] = {{"source", source},
                                   {"path", source == "cert" ? verifyCert : ctx.file},
                                   {"sha256", check.expectedFingerprint},
                                   {"matches", check.signerMatches}};
            else
                doc["expected"] = nullptr;
            Context::printJson(doc);
        }
        if (!check.ok) {
            std::string all;
            for (const auto& p : check.problems)
                all += (all.empty() ? "" : "; ") + p;
            const bool onlySigner = expected && !check.signerFingerprint.empty() && !check.signerMatches &&
                                    check.problems.size() == 1;
            std::cerr << "meibo-cli: " << verifyDir
                      << (onlySigner ? " was not signed by the expected certificate: "
                                     : " does not match its signed manifest: ")
                      << all << "\n";
            exitCode = Failed;
            return;
        }
        if (!ctx.json) {
            std::cout << "Every file matches the manifest, signed by “" << check.signer << "”.\n"
                      << "Signer's certificate SHA-256: " << check.signerFingerprint << "\n";
            if (expected)
                std::cout << "This is " << expected->source << ".\n";
            else
                std::cout << "Anyone can make a certificate with any name: compare this fingerprint with the one "
                             "the sender gave you, or verify with -f REGISTRY or --cert FILE.pem.\n";
        }
        exitCode = Ok;
    });
}

} // namespace meibo::cli
