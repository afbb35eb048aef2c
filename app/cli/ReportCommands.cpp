// report new/set/show/finalize/revise/list, schedule, register add/edit/end/list/import-eol/kinds,
// method set/show: the status report and the evidence behind it.

#include "Commands.h"
#include "Console.h"
#include "Json.h"

#include "meibo/core/Files.h"
#include "meibo/core/Error.h"
#include "meibo/core/Registers.h"
#include "meibo/core/Report.h"
#include "meibo/core/SeedText.h"
#include "meibo/db/Checks.h"
#include "meibo/db/Compliance.h"
#include "meibo/db/Registers.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Reports.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace meibo::cli {

namespace {
using core::Error;
using core::ErrorCode;

/// Findings of the contract on `asOf`, grouped by the report item they concern.
std::map<std::string, std::vector<core::Finding>> findingsByItem(db::Vault& vault, const core::Contract& c,
                                                                 const core::Date& asOf)
{
    std::map<std::string, std::vector<core::Finding>> out;
    for (auto& f : db::checkContract(vault, c, asOf)) {
        std::string item = core::reportItemOfRule(f.rule);
        if (!item.empty())
            out[item].push_back(std::move(f));
    }
    return out;
}

nlohmann::json reportJson(const core::StatusReport& r, const core::Contract& c,
                          const std::map<std::string, std::string>& methods,
                          const std::map<std::string, std::vector<core::Finding>>& findings)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& a : r.answers) {
        nlohmann::json it{{"item", a.item},
                          {"status", core::itemStatusJa(core::lineStatus(r, a.item))},
                          {"status_id", core::itemStatusId(core::lineStatus(r, a.item))},
                          {"text", a.text}};
        if (auto m = methods.find(a.item); m != methods.end())
            it["method"] = m->second;
        nlohmann::json fs = nlohmann::json::array();
        if (auto f = findings.find(a.item); f != findings.end())
            for (const auto& finding : f->second)
                fs.push_back(toJson(finding));
        it["findings"] = fs;
        items.push_back(it);
    }
    nlohmann::json gaps = nlohmann::json::array(), gapsJa = nlohmann::json::array();
    for (const auto& g : core::reportGapList(r)) {
        gaps.push_back(core::gapSentence(g, core::FrontEnd::Cli, false));
        gapsJa.push_back(core::gapSentence(g, core::FrontEnd::Cli, true));
    }
    return {{"id", r.id},
            {"contract", c.code},
            {"period_start", core::formatIsoDate(r.periodStart)},
            {"period_end", core::formatIsoDate(r.periodEnd)},
            {"revision", r.revision},
            {"revision_of", r.revisionOf ? nlohmann::json(*r.revisionOf) : nlohmann::json(nullptr)},
            {"state", core::reportStateId(r.state)},
            {"finalized_on", toJson(r.finalizedOn)},
            {"audit_head", r.auditHead},
            {"items", items},
            {"missing", gaps},
            {"missing_ja", gapsJa}};
}

void printReport(const nlohmann::json& j)
{
    std::cout << "Report " << j["id"] << " — " << j["contract"].get<std::string>() << ", period "
              << j["period_start"].get<std::string>() << " – " << j["period_end"].get<std::string>() << ", revision "
              << j["revision"] << ", " << j["state"].get<std::string>() << "\n";
    for (const auto& it : j["items"]) {
        const std::string item = it["item"];
        const bool sub = item.find('.') != std::string::npos;
        std::string status = it["status"];
        std::cout << (sub ? "    " : "  ") << item << "\t" << (status.empty() ? "(未回答)" : status);
        if (!it["text"].get<std::string>().empty())
            std::cout << "\t" << it["text"].get<std::string>();
        std::cout << "\n";
        if (it.contains("method"))
            std::cout << (sub ? "      " : "    ") << "遵守の方法: " << it["method"].get<std::string>() << "\n";
        // Beside the item: each rule once, with the people or entries it concerns.
        std::map<std::string, std::vector<std::string>> subjects;
        std::map<std::string, std::string> severity;
        for (const auto& f : it["findings"]) {
            subjects[f["rule"]].push_back(f["subject"]);
            if (severity[f["rule"]] != "error")
                severity[f["rule"]] = f["severity"];
        }
        for (const auto& [rule, who] : subjects) {
            std::string list;
            for (std::size_t i = 0; i < who.size() && i < 4; ++i)
                list += (i ? ", " : "") + who[i];
            if (who.size() > 4)
                list += " … (" + std::to_string(who.size()) + ")";
            std::cout << (sub ? "      " : "    ") << "! " << severity[rule] << " " << rule << ": " << list << "\n";
        }
    }
    const bool ja = japaneseMessages();
    if (!j["missing"].empty()) {
        std::cout << (ja ? "確定の前に記入が必要な項目:\n" : "Still missing before it can be finalized:\n");
        for (const auto& g : j[ja ? "missing_ja" : "missing"])
            std::cout << "  " << g.get<std::string>() << "\n";
    }
}

std::map<std::string, std::string> parseFields(const std::vector<std::string>& pairs)
{
    std::map<std::string, std::string> out;
    for (const auto& pair : pairs) {
        const auto eq = pair.find('=');
        if (eq == std::string::npos || eq == 0)
            throw Error(ErrorCode::InvalidInput, "“" + pair + "” is not FIELD=VALUE", "usage");
        out[pair.substr(0, eq)] = pair.substr(eq + 1);
    }
    return out;
}

nlohmann::json entryJson(const core::RegisterEntry& e)
{
    nlohmann::json fields = nlohmann::json::object();
    for (const auto& [k, v] : e.fields)
        fields[k] = v;
    return {{"id", e.id}, {"kind", e.kind}, {"fields", fields}, {"ended_on", toJson(e.endedOn)}, {"end_note", e.endNote}};
}

} // namespace

void addReportCommands(CLI::App& app, Context& ctx, int& exitCode)
{
    static std::string contractRef, periodEnd, idText, item, status, text, on, asOf;

    // ---- report
    auto* report = app.add_subcommand("report", "Status reports (実施状況報告書) on clauses 2)–17)");
    report->require_subcommand(1);
    auto* rNew = report->add_subcommand("new", "Start the report of a period (answers carried forward); prints its id");
    rNew->add_option("--contract", contractRef, "contract id or code")->required();
    rNew->add_option("--period-end", periodEnd, "the last day of the period reported on (YYYY-MM-DD)")->required();
    rNew->callback([&] {
        db::Vault vault = ctx.openVault();
        db::Registry reg(vault);
        const auto c = reg.contract(contractRef);
        std::cout << db::Reports(vault).create(c.id, requireDate(periodEnd, "period-end")) << "\n";
        exitCode = Ok;
    });

    auto* rSet = report->add_subcommand("set", "Answer one item: ID ITEM STATUS [--text TEXT]");
    rSet->add_option("ID", idText, "report id")->required();
    rSet->add_option("ITEM", item, "2 … 17, 15.1 … 15.10, 16.1 … 16.6 (or as the report's CSV writes them: 15)(1))")->required();
    rSet->add_option("STATUS", status, "実施, 未実施 or 該当なし (done, not-done, n/a)")->required();
    rSet->add_option("--text", text, "reason (未実施 / 該当なし, printed on the 別葉); for 15 the content as well");
    rSet->callback([&] {
        const auto st = core::parseItemStatus(status);
        if (!st)
            throw Error(ErrorCode::InvalidInput,
                        "status: “" + status + "” is not 実施, 未実施 or 該当なし (done, not-done, n/a)", "status");
        const std::string itemId = core::requireReportItem(item); // "15.1", "15)(1)" as the CSV writes it, …
        db::Vault vault = ctx.openVault();
        const auto result = db::Reports(vault).set(parseId(idText, "report"), itemId, *st, text);
        if (result.newRevision)
            std::cout << "Report " << idText << " is final and stays as it is; the change went into its revision, report "
                      << result.reportId << ".\n";
        else
            std::cout << "Item " << itemId << " of report " << result.reportId << ": " << core::itemStatusJa(*st) << ".\n";
        text.clear();
        exitCode = Ok;
    });

    auto* rShow = report->add_subcommand("show", "Show a report with each item's method and related findings");
    rShow->add_option("ID", idText, "report id")->required();
    rShow->add_option("--as-of", asOf, "the day the findings are checked on (default today)");
    rShow->add_flag("--json", ctx.json, "JSON output");
    rShow->callback([&] {
        db::Vault vault = ctx.openVault(true);
        const auto r = db::Reports(vault).get(parseId(idText, "report"));
        db::Registry reg(vault);
        const auto c = reg.contract(std::to_string(r.contractId));
        const core::Date day = asOf.empty() ? core::todayLocal() : requireDate(asOf, "as-of");
        const auto j = reportJson(r, c, db::Compliance(vault).methods(c.id, r.periodEnd), findingsByItem(vault, c, day));
        if (ctx.json)
            Context::printJson(j);
        else
            printReport(j);
        exitCode = Ok;
    });

    auto* rFinal = report->add_subcommand("finalize", "Make the report final (refused while answers are missing)");
    rFinal->add_option("ID", idText, "report id")->required();
    rFinal->add_option("--on", on, "the day (default today)");
    rFinal->callback([&] {
        db::Vault vault = ctx.openVault();
        const auto id = parseId(idText, "report");
        db::Reports reports(vault);
        reports.finalize(id, on.empty() ? core::todayLocal() : requireDate(on, "on"));
        std::cout << "Report " << id << " is final (audit head " << reports.get(id).auditHead
                  << "). Export it with `meibo-cli export --report " << id << " …`.\n";
        exitCode = Ok;
    });

    auto* rRevise = report->add_subcommand("revise", "Open a new draft revision of a final report; prints its id");
    rRevise->add_option("ID", idText, "report id")->required();
    rRevise->callback([&] {
        db::Vault vault = ctx.openVault();
        std::cout << db::Reports(vault).revise(parseId(idText, "report")) << "\n";
        exitCode = Ok;
    });

    auto* rList = report->add_subcommand("list", "List a contract's reports and revisions");
    rList->add_option("--contract", contractRef, "contract id or code")->required();
    rList->add_flag("--json", ctx.json, "JSON output");
    rList->callback([&] {
        db::Vault vault = ctx.openVault(true);
        db::Registry reg(vault);
        const auto c = reg.contract(contractRef);
        nlohmann::json list = nlohmann::json::array();
        for (const auto& r : db::Reports(vault).list(c.id)) {
            list.push_back({{"id", r.id},
                            {"period_start", core::formatIsoDate(r.periodStart)},
                            {"period_end", core::formatIsoDate(r.periodEnd)},
                            {"revision", r.revision},
                            {"state", core::reportStateId(r.state)},
                            {"finalized_on", toJson(r.finalizedOn)},
                            {"missing", core::reportGaps(r).size()}});
            if (!ctx.json)
                std::cout << r.id << "\t" << core::formatIsoDate(r.periodStart) << " – " << core::formatIsoDate(r.periodEnd)
                          << "\trev " << r.revision << "\t" << core::reportStateId(r.state) << "\n";
        }
        if (ctx.json)
            Context::printJson({{"contract", c.code}, {"reports", list}});
        exitCode = Ok;
    });

    // ---- schedule
    auto* schedule = app.add_subcommand("schedule", "Report periods and due dates of a contract");
    schedule->add_option("--contract", contractRef, "contract id or code")->required();
    schedule->add_option("--as-of", asOf, "the day (default today)");
    schedule->add_flag("--json", ctx.json, "JSON output");
    schedule->callback([&] {
        db::Vault vault = ctx.openVault(true);
        db::Registry reg(vault);
        const auto c = reg.contract(contractRef);
        const core::Date day = asOf.empty() ? core::todayLocal() : requireDate(asOf, "as-of");
        const auto periods = core::reportSchedule(c);
        const auto reports = db::Reports(vault).list(c.id);
        nlohmann::json list = nlohmann::json::array();
        for (const auto& p : periods) {
            const core::StatusReport* latest = core::latestReportFor(reports, p);
            std::string state = latest ? core::reportStateId(latest->state) : (p.due < day ? "overdue" : "open");
            if (latest && latest->state != core::ReportState::Final && p.due < day)
                state = "overdue";
            list.push_back({{"period", p.number},
                            {"start", core::formatIsoDate(p.start)},
                            {"end", core::formatIsoDate(p.end)},
                            {"due", core::formatIsoDate(p.due)},
                            {"report", latest ? nlohmann::json(latest->id) : nlohmann::json(nullptr)},
                            {"state", state}});
            if (!ctx.json)
                std::cout << p.number << "\t" << core::formatIsoDate(p.start) << " – " << core::formatIsoDate(p.end)
                          << "\tdue " << core::formatIsoDate(p.due) << "\t" << state
                          << (latest ? "\treport " + std::to_string(latest->id) : std::string()) << "\n";
        }
        if (ctx.json)
            Context::printJson({{"contract", c.code},
                                {"months", c.reportMonths},
                                {"align", c.reportFiscalAlign ? "fiscal" : "contract"},
                                {"due_days", c.reportDueDays},
                                {"periods", list}});
        exitCode = Ok;
    });

    // ---- register
    static std::string kind, note;
    static std::vector<std::string> fieldArgs;
    auto* reg = app.add_subcommand("register", "Evidence registers: training, software, cloud, incident, information, audit");
    reg->require_subcommand(1);
    auto* gAdd = reg->add_subcommand("add", "Add an entry: KIND --contract C FIELD=VALUE …; prints its id");
    gAdd->add_option("KIND", kind, "training, software, cloud, incident, information or audit")->required();
    gAdd->add_option("--contract", contractRef, "contract id or code")->required();
    gAdd->add_option("FIELD=VALUE", fieldArgs, "the entry's fields (`meibo-cli register kinds` lists them)");
    gAdd->callback([&] {
        db::Vault vault = ctx.openVault();
        db::Registry registry(vault);
        const auto c = registry.contract(contractRef);
        namingRegisterField([&] { std::cout << db::Registers(vault).add(kind, c.id, parseFields(fieldArgs)) << "\n"; });
        fieldArgs.clear();
        exitCode = Ok;
    });
    auto* gEdit = reg->add_subcommand("edit", "Change fields of an entry: ID FIELD=VALUE …");
    gEdit->add_option("ID", idText, "entry id")->required();
    gEdit->add_option("FIELD=VALUE", fieldArgs, "fields to change (FIELD= clears an optional one)")->required();
    gEdit->callback([&] {
        db::Vault vault = ctx.openVault();
        const auto id = parseId(idText, "id");
        namingRegisterField([&] { db::Registers(vault).edit(id, parseFields(fieldArgs)); });
        std::cout << "Saved register entry #" << id << ".\n";
        fieldArgs.clear();
        exitCode = Ok;
    });
    auto* gEnd = reg->add_subcommand("end", "End an entry (removed, stopped, closed, returned …): ID --on D");
    gEnd->add_option("ID", idText, "entry id")->required();
    gEnd->add_option("--on", on, "the day (YYYY-MM-DD)")->required();
    gEnd->add_option("--note", note, "what happened");
    gEnd->callback([&] {
        db::Vault vault = ctx.openVault();
        const auto id = parseId(idText, "id");
        db::Registers(vault).end(id, requireDate(on, "on"), note);
        std::cout << "Register entry #" << id << " ended on " << on << ".\n";
        exitCode = Ok;
    });
    auto* gList = reg->add_subcommand("list", "List entries: [KIND] --contract C");
    gList->add_option("KIND", kind, "one register (default: all)");
    gList->add_option("--contract", contractRef, "contract id or code")->required();
    gList->add_flag("--json", ctx.json, "JSON output");
    gList->callback([&] {
        db::Vault vault = ctx.openVault(true);
        db::Registry registry(vault);
        const auto c = registry.contract(contractRef);
        nlohmann::json list = nlohmann::json::array();
        for (const auto& e : db::Registers(vault).list(c.id, kind)) {
            list.push_back(entryJson(e));
            if (!ctx.json) {
                std::cout << "#" << e.id << "\t" << e.kind;
                for (const auto& [k, v] : e.fields)
                    std::cout << "\t" << k << "=" << v;
                if (e.endedOn)
                    std::cout << "\t(ended " << core::formatIsoDate(*e.endedOn) << ")";
                std::cout << "\n";
            }
        }
        if (ctx.json)
            Context::printJson({{"contract", c.code}, {"entries", list}});
        exitCode = Ok;
    });
    static std::string eolFile;
    auto* gEol = reg->add_subcommand("import-eol", "Date the software ledger from an end-of-life CSV (product,cycle,eol)");
    gEol->add_option("FILE", eolFile, "CSV with product, cycle and eol columns")->required();
    gEol->add_option("--contract", contractRef, "contract id or code")->required();
    gEol->callback([&] {
        db::Vault vault = ctx.openVault();
        db::Registry registry(vault);
        const auto c = registry.contract(contractRef);
        const auto matches = db::Registers(vault).importEol(c.id, core::parseEolCsv(core::readWholeFile(eolFile, "the end-of-life list", "サポート終了日一覧")));
        for (const auto& m : matches)
            std::cout << "#" << m.entryId << " " << m.name << " " << m.version << ": support ends "
                      << core::formatIsoDate(m.supportEnd) << " (line " << m.line << ")\n";
        std::cout << matches.size() << " software entr" << (matches.size() == 1 ? "y" : "ies") << " dated.\n";
        exitCode = Ok;
    });
    auto* gKinds = reg->add_subcommand("kinds", "The registers and their fields");
    gKinds->add_flag("--json", ctx.json, "JSON output");
    gKinds->callback([&] {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& k : core::registerKinds()) {
            nlohmann::json fields = nlohmann::json::array();
            for (const auto& f : k.fields) {
                static const char* types[] = {"text", "date", "yes/no", "choice"};
                fields.push_back({{"name", f.name},
                                  {"type", types[static_cast<int>(f.type)]},
                                  {"required", f.required},
                                  {"label", f.labelJa},
                                  {"choices", f.choices}});
            }
            list.push_back({{"kind", k.id}, {"name", k.nameJa}, {"item", k.clause}, {"fields", fields}});
        }
        if (ctx.json)
            Context::printJson({{"registers", list}});
        else
            for (const auto& k : list) {
                std::cout << k["kind"].get<std::string>() << " — " << k["name"].get<std::string>() << " (item "
                          << k["item"].get<std::string>() << ")\n";
                for (const auto& f : k["fields"]) {
                    std::cout << "  " << f["name"].get<std::string>() << " (" << f["type"].get<std::string>()
                              << (f["required"].get<bool>() ? ", required" : "") << ") " << f["label"].get<std::string>();
                    if (!f["choices"].empty())
                        std::cout << ": " << f["choices"].dump();
                    std::cout << "\n";
                }
            }
        exitCode = Ok;
    });

    // ---- disposal: the contract-end checklist of clause 8
    auto* disposal = app.add_subcommand("disposal", "The return / deletion checklist of the information received (clause 8)");
    disposal->add_option("--contract", contractRef, "contract id or code")->required();
    disposal->add_flag("--json", ctx.json, "JSON output");
    disposal->callback([&] {
        db::Vault vault = ctx.openVault(true);
        db::Registry registry(vault);
        const auto c = registry.contract(contractRef);
        nlohmann::json list = nlohmann::json::array();
        int pending = 0;
        const auto entries = db::Registers(vault).list(c.id, "information");
        for (const auto& item : core::disposalChecklist(entries)) {
            pending += item.done() ? 0 : 1;
            list.push_back({{"id", item.entryId}, {"name", item.name}, {"done", item.done()}, {"missing", item.missing}});
            if (ctx.json)
                continue;
            std::cout << (item.done() ? "[x] " : "[ ] ") << "#" << item.entryId << " " << item.name;
            if (item.done()) {
                const auto& e = *std::find_if(entries.begin(), entries.end(),
                                              [&](const core::RegisterEntry& x) { return x.id == item.entryId; });
                std::cout << " — " << e.field("disposal") << " " << e.field("disposed_on") << ", confirmed by "
                          << e.field("confirmed_by") << " on " << e.field("confirmed_on");
            } else {
                std::cout << " — still to record:";
                for (const auto& m : item.missing)
                    std::cout << " " << m;
            }
            std::cout << "\n";
        }
        if (ctx.json)
            Context::printJson({{"contract", c.code}, {"items", list}, {"pending", pending}});
        else if (list.empty())
            std::cout << "No information is recorded as received for " << c.code
                      << " (`meibo-cli register add information …`).\n";
        else
            std::cout << (pending == 0 ? "Everything is returned or deleted with confirmation: `meibo-cli export --contract " +
                                             c.code + " --deletion-certificate …` prints the certificate.\n"
                                       : std::to_string(pending) + " item(s) pending.\n");
        exitCode = Ok;
    });

    // ---- method
    auto* method = app.add_subcommand("method", "Compliance methods (遵守の方法, clause 1's 確認書類)");
    method->require_subcommand(1);
    auto* mSet = method->add_subcommand("set", "Write the method for clause ITEM (1 = the structure, 2 … 17)");
    mSet->add_option("--contract", contractRef, "contract id or code")->required();
    mSet->add_option("ITEM", item, "1 … 17")->required();
    mSet->add_option("TEXT", text, "the method (empty clears it)")->required();
    mSet->callback([&] {
        db::Vault vault = ctx.openVault();
        db::Registry registry(vault);
        const auto c = registry.contract(contractRef);
        db::Compliance(vault).set(c.id, item, text);
        std::cout << "Saved the method for clause " << item << " of " << c.code << ".\n";
        text.clear();
        exitCode = Ok;
    });
    auto* mShow = method->add_subcommand("show", "Show the methods in force");
    mShow->add_option("--contract", contractRef, "contract id or code")->required();
    mShow->add_option("--as-of", asOf, "the day (default: the latest)");
    mShow->add_flag("--json", ctx.json, "JSON output");
    mShow->callback([&] {
        db::Vault vault = ctx.openVault(true);
        db::Registry registry(vault);
        const auto c = registry.contract(contractRef);
        std::optional<core::Date> day;
        if (!asOf.empty())
            day = requireDate(asOf, "as-of");
        const auto methods = db::Compliance(vault).methods(c.id, day);
        nlohmann::json j = nlohmann::json::object();
        for (int i = 1; i <= 17; ++i) {
            const std::string k = std::to_string(i);
            auto it = methods.find(k);
            j[k] = it == methods.end() ? nlohmann::json(nullptr) : nlohmann::json(it->second);
            if (!ctx.json)
                std::cout << k << ")\t" << (it == methods.end() ? "(未記入)" : it->second) << "\n";
        }
        if (ctx.json)
            Context::printJson({{"contract", c.code}, {"methods", j}});
        exitCode = Ok;
    });
}

} // namespace meibo::cli
