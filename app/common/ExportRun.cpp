// The export shared by meibo-cli and the GUI: gather from the registry, then render and sign.

#include "ExportRun.h"

#include "meibo/core/Files.h"
#include "meibo/core/RosterFields.h"

#include "meibo/core/Error.h"
#include "meibo/core/Report.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Compliance.h"
#include "meibo/db/Registers.h"
#include "meibo/db/Reports.h"
#include "meibo/db/Registry.h"
#include "meibo/forms/Signing.h"
#include "meibo/forms/StatusReportForms.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>

namespace meibo::app {

namespace {
using core::Error;
using core::ErrorCode;

std::string nowUtc()
{
    const std::time_t t = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}


} // namespace

forms::Document changeNoticeDocument(db::Vault& vault, std::int64_t changeId)
{
    db::Registry reg(vault);
    db::ChangeSets changes(vault);
    const core::ChangeSet change = changes.get(changeId);
    const auto preview = changes.preview(changeId);
    forms::ChangeNoticeInput notice;
    notice.organization = reg.organization();
    notice.contract = reg.contract(std::to_string(change.contractId));
    notice.noticeDate = change.submittedOn.value_or(core::todayLocal());
    notice.effective = preview.on;
    notice.reason = change.reason;
    notice.late = change.late;
    notice.lines = forms::diffRosters(preview.before, preview.after);
    // Changes to the compliance methods go in the same notice: the method in force the day
    // before the change, and the new text.
    const auto methodsBefore = db::Compliance(vault).methods(notice.contract.id, core::addDays(preview.on, -1));
    for (const auto& item : change.items)
        if (item.kind == core::ChangeItem::Kind::Method) {
            auto old = methodsBefore.find(item.label);
            notice.lines.push_back({item.label + ")", "", "遵守の方法（情報セキュリティに関する事項 " + item.label + ")）",
                                    old == methodsBefore.end() ? "（なし）" : old->second, item.fields.front().second});
        }
    for (const auto& item : change.items)
        if (item.kind == core::ChangeItem::Kind::Join)
            for (const auto& e : preview.after)
                if (e.label == item.join.label)
                    notice.incoming.push_back({e, reg.qualifications(e.personId)});
    notice.auditHead = reg.auditHead();
    notice.generated = core::formatIsoDate(core::todayLocal());
    return forms::changeNoticeDocument(notice);
}

PreparedExport prepareExport(db::Vault& vault, const ExportRequest& request)
{
    // Before anything else (a new certificate is stored below): a refused folder changes nothing.
    forms::checkExportFolder(request.outDir);
    db::Registry reg(vault);
    PreparedExport out;
    out.outDir = request.outDir;
    forms::ExportInput& in = out.input;
    const core::Contract contract = reg.contract(request.contract);
    in.roster.organization = reg.organization();
    in.roster.contract = contract;
    in.roster.asOf = request.asOf.value_or(core::todayLocal());
    if (request.changeId) {
        db::ChangeSets changes(vault);
        const core::ChangeSet change = changes.get(*request.changeId);
        if (change.contractId != contract.id)
            throw Error(ErrorCode::InvalidInput, "change set " + std::to_string(change.id) + " belongs to another contract",
                        "change", "変更 " + std::to_string(change.id) + " は別の契約のものです。この契約の変更を選んでください。");
        const auto preview = changes.preview(*request.changeId);
        in.roster.asOf = preview.on; // attached as the roster will be on the effective day
        in.roster.entries = preview.after;
        in.extraDocuments.emplace_back("change-notice-" + std::to_string(change.id),
                                       changeNoticeDocument(vault, *request.changeId));
    } else {
        in.roster.entries = reg.roster(contract.id, in.roster.asOf);
    }
    if (request.reportId) {
        const core::StatusReport report = db::Reports(vault).get(*request.reportId);
        if (report.contractId != contract.id)
            throw Error(ErrorCode::InvalidInput,
                        "report " + std::to_string(report.id) + " belongs to another contract", "report",
                        "報告書 " + std::to_string(report.id) + " は別の契約のものです。この契約の報告書を選んでください。");
        forms::StatusReportInput r{reg.organization(), contract, report,
                                   report.finalizedOn.value_or(core::todayLocal()),
                                   core::formatIsoDate(core::todayLocal())};
        in.extraDocuments.emplace_back("status-report-" + std::to_string(report.id), forms::statusReportDocument(r));
        in.extraFiles.emplace_back("status-report-" + std::to_string(report.id) + ".csv", core::reportToCsv(report, request.layout.keys));
    }
    if (request.methods) {
        forms::ComplianceMethodsInput m;
        m.organization = reg.organization();
        m.contract = contract;
        m.date = request.asOf.value_or(core::todayLocal());
        m.methods = db::Compliance(vault).methods(contract.id, m.date);
        for (const auto& link : reg.subcontractorLinks(contract.id))
            for (const auto& s : reg.subcontractors())
                if (s.name == link.name && core::within(m.date, link.validFrom, link.validTo))
                    m.subcontractors.push_back(s);
        m.auditHead = reg.auditHead();
        m.generated = core::formatIsoDate(core::todayLocal());
        in.extraDocuments.emplace_back("compliance-methods", forms::complianceMethodsDocument(m));
    }
    if (request.deletionCertificate) {
        forms::DeletionCertificateInput d;
        d.organization = reg.organization();
        d.contract = contract;
        d.date = request.asOf.value_or(core::todayLocal());
        d.information = db::Registers(vault).list(contract.id, "information");
        d.auditHead = reg.auditHead();
        d.generated = core::formatIsoDate(core::todayLocal());
        in.extraDocuments.emplace_back("deletion-certificate", forms::deletionCertificateDocument(d));
    }
    in.roster.subcontractors = reg.subcontractorLinks(contract.id);
    // Clause 4): everyone's qualifications and trainings, the contract's training register, and the
    // subcontractors on the contract that day.
    for (const auto& e : in.roster.entries)
        if (!in.disclosure.expertise.count(e.personId))
            in.disclosure.expertise[e.personId] = reg.qualifications(e.personId);
    in.disclosure.trainings = db::Registers(vault).list(contract.id, "training");
    const auto subcontractors = reg.subcontractors();
    for (const auto& link : in.roster.subcontractors)
        if (core::within(in.roster.asOf, link.validFrom, link.validTo))
            for (const auto& s : subcontractors)
                if (s.name == link.name)
                    in.disclosure.subcontractors.push_back(s);
    in.layout = request.layout;
    in.roster.preContract = core::personalDataWithheld(contract, in.roster.asOf, request.preContract);
    in.roster.auditHead = reg.auditHead();
    in.roster.generated = core::formatIsoDate(core::todayLocal());
    in.generatedAt = nowUtc();
    if (!request.p12File.empty()) {
        in.identity = forms::identityFromPkcs12(core::readWholeFile(request.p12File, "the PKCS#12 file", "PKCS#12 ファイル"), request.p12Passphrase);
    } else if (auto kept = reg.signingIdentity()) {
        in.identity = {kept->certificatePem, kept->privateKeyPem, kept->signer};
    } else {
        const std::string name = in.roster.organization.name.empty() ? std::string("Meibo") : in.roster.organization.name;
        in.identity = forms::generateSelfSigned(name, in.roster.organization.name);
        reg.setSigningIdentity({in.identity.certificatePem, in.identity.privateKeyPem, in.identity.signerName,
                                "self-signed"});
        out.madeSelfSigned = true;
    }
    return out;
}

ExportSummary writeExport(PreparedExport prepared)
{
    const auto started = std::chrono::steady_clock::now();
    // Created or opened, checked again and held by its descriptor: every file goes into this folder.
    const forms::ExportFolder folder(prepared.outDir);
    const auto files = forms::buildBundle(prepared.input, folder);
    folder.write(files);
    ExportSummary summary;
    summary.signer = prepared.input.identity.signerName;
    summary.asOf = prepared.input.roster.asOf;
    summary.madeSelfSigned = prepared.madeSelfSigned;
    for (const auto& f : files)
        summary.files.emplace_back(f.name, f.bytes.size());
    summary.milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

ExportSummary runExport(db::Vault& vault, const ExportRequest& request)
{
    const auto started = std::chrono::steady_clock::now();
    ExportSummary summary = writeExport(prepareExport(vault, request));
    summary.milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

} // namespace meibo::app
