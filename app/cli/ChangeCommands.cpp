// change new/add/submit/consent/reject/apply/withdraw/list/show: advance notice and consent.

#include "Commands.h"
#include "Console.h"
#include "Json.h"

#include "meibo/core/Files.h"
#include "meibo/core/ChangeSet.h"
#include "meibo/core/Error.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/Vocabulary.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Registry.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace meibo::cli {

namespace {
using core::Error;
using core::ErrorCode;

nlohmann::json changeSummary(const core::ChangeSet& c)
{
    return {{"id", c.id},
            {"state", core::changeStateId(c.state)},
            {"effective", core::formatIsoDate(c.effective)},
            {"submitted", toJson(c.submittedOn)},
            {"consented", toJson(c.consentedOn)},
            {"rejected", toJson(c.rejectedOn)},
            {"applied_from", toJson(c.appliedFrom)},
            {"late", c.late},
            {"reason", c.reason}};
}

nlohmann::json changeDetail(const core::ChangeSet& c)
{
    nlohmann::json j = changeSummary(c);
    j["submitted_how"] = c.submittedHow;
    j["consented_by"] = c.consentedBy;
    j["rejection_reason"] = c.rejectionReason;
    j["withdrawn"] = toJson(c.withdrawnOn);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& i : c.items) {
        nlohmann::json it{{"kind", core::changeKindId(i.kind)}, {"label", i.label}};
        if (i.kind == core::ChangeItem::Kind::Join) {
            core::RosterEntry e;
            e.label = i.join.label;
            e.role = i.join.role;
            e.person = i.join.person;
            e.need = i.join.need;
            e.reportsTo = i.join.reportsTo;
            it["join"] = toJson(e);
        }
        if (!i.fields.empty()) {
            nlohmann::json f = nlohmann::json::object();
            for (const auto& [k, v] : i.fields)
                f[k] = v;
            it["set"] = f;
        }
        if (!i.subcontractor.empty())
            it["subcontractor"] = i.subcontractor;
        items.push_back(it);
    }
    j["items"] = items;
    return j;
}
} // namespace

void addChangeCommands(CLI::App& app, Context& ctx, int& exitCode)
{
    auto* change = app.add_subcommand("change", "Change sets (変更届): notice before, consent, then apply");
    change->require_subcommand(1);
    static std::string contractRef, effective, reason, on, by, how, csvFile, removeLabel, setLabel, subAdd, subRemove;
    static bool late = false;
    static std::int64_t id = 0;
    static std::vector<std::string> setFields;

    auto* create = change->add_subcommand("new", "Start a change set; prints its id");
    create->add_option("--contract", contractRef, "contract id or code")->required();
    create->add_option("--effective", effective, "the day the change takes effect (YYYY-MM-DD)")->required();
    create->add_option("--reason", reason, "why")->required();
    create->add_flag("--late", late, "record a change that already happened without notice (stays a finding)");
    create->callback([&] {
        db::Vault vault = ctx.openVault();
        db::Registry reg(vault);
        db::ChangeSets changes(vault);
        std::cout << changes.create(reg.contract(contractRef).id, requireDate(effective, "effective"), reason,
                                    late)
                  << "\n";
        exitCode = Ok;
    });

    auto* add = change->add_subcommand("add", "Add changes to a draft: --csv FILE | --remove LABEL | --set LABEL F=V …");
    add->add_option("ID", id, "change set id")->check(idText())->required();
    add->add_option("--csv", csvFile, "roster CSV: rows with a new label join, rows with a present label change");
    add->add_option("--remove", removeLabel, "the person with this label leaves");
    add->add_option("--set", setLabel, "the person with this label changes; FIELD=VALUE pairs follow");
    add->add_option("FIELD=VALUE", setFields, "with --set: role, need, reports_to or a person field");
    add->add_option("--add-subcontractor", subAdd, "a subcontractor joins the structure");
    add->add_option("--remove-subcontractor", subRemove, "a subcontractor leaves the structure");
    static std::vector<std::string> methodArgs;
    add->add_option("--method", methodArgs, "ITEM TEXT: a new compliance method (遵守の方法) for clause 1 … 17")
        ->expected(2);
    add->callback([&, add] {
        std::vector<core::ChangeItem> items;
        db::Vault vault = ctx.openVault();
        db::ChangeSets changes(vault);
        db::Registry reg(vault);
        const core::ChangeSet c = changes.get(id);
        if (add->count("--csv")) {
            const auto parsed =
                core::parseRosterCsv(core::readWholeFile(csvFile, "the roster", "名簿"), core::todayLocal());
            if (!parsed.issues.empty())
                throw Error(ErrorCode::InvalidInput,
                            csvFile + " has " + std::to_string(parsed.issues.size()) +
                                " problem(s); nothing was added:\n" + core::formatIssues(parsed.issues),
                            csvFile,
                            csvFile + " に " + std::to_string(parsed.issues.size()) + " 件の問題があるため、何も追加していません。\n" +
                                core::formatIssues(parsed.issues, true));
            items = core::changeItemsFromCsv(parsed, reg.roster(c.contractId, c.effective));
        }
        if (add->count("--remove")) {
            core::ChangeItem item;
            item.kind = core::ChangeItem::Kind::Leave;
            item.label = core::normalizeLabel(removeLabel).value_or(removeLabel);
            items.push_back(item);
        }
        if (add->count("--set")) {
            core::ChangeItem item;
            item.kind = core::ChangeItem::Kind::Set;
            item.label = core::normalizeLabel(setLabel).value_or(setLabel);
            for (const auto& pair : setFields) {
                const auto eq = pair.find('=');
                if (eq == std::string::npos)
                    throw Error(ErrorCode::InvalidInput, "“" + pair + "” is not FIELD=VALUE");
                item.fields.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
                // Checked here too, so that a refusal names the field as the command line does.
                namingField([&] {
                    core::checkSetField(item.fields.back().first, item.fields.back().second,
                                        core::FieldContext{c.effective});
                });
            }
            if (item.fields.empty())
                throw Error(ErrorCode::InvalidInput, "--set " + setLabel + " needs FIELD=VALUE pairs");
            items.push_back(item);
        }
        for (const auto* name : {&subAdd, &subRemove})
            if (!name->empty()) {
                core::ChangeItem item;
                item.kind = name == &subAdd ? core::ChangeItem::Kind::SubcontractorAdd
                                            : core::ChangeItem::Kind::SubcontractorRemove;
                item.subcontractor = *name;
                items.push_back(item);
            }
        if (methodArgs.size() == 2) {
            core::ChangeItem item;
            item.kind = core::ChangeItem::Kind::Method;
            item.label = methodArgs[0];
            item.fields.emplace_back("method", methodArgs[1]);
            items.push_back(item);
        }
        if (items.empty())
            throw Error(ErrorCode::InvalidInput,
                        "nothing to add: give --csv FILE, --remove LABEL, --set LABEL F=V or --method ITEM TEXT",
                        "usage");
        changes.addItems(id, items);
        std::cout << "Added " << items.size() << " change(s) to change set " << id << ".\n";
        exitCode = Ok;
    });

    auto dated = [&](CLI::App* cmd, bool requireOn) {
        cmd->add_option("ID", id, "change set id")->check(idText())->required();
        auto* opt = cmd->add_option("--on", on, "the day (YYYY-MM-DD)");
        if (requireOn)
            opt->required();
    };
    auto* submit = change->add_subcommand("submit", "Record that the change was notified to the ministry");
    dated(submit, true);
    submit->add_option("--how", how, "how it was sent (e-mail, paper …)");
    submit->callback([&] {
        db::Vault vault = ctx.openVault();
        db::ChangeSets(vault).submit(id, requireDate(on, "on"), how);
        std::cout << "Change set " << id << " submitted on " << on << ".\n";
        exitCode = Ok;
    });
    auto* consent = change->add_subcommand("consent", "Record the ministry's consent");
    dated(consent, true);
    consent->add_option("--by", by, "who consented");
    consent->callback([&] {
        db::Vault vault = ctx.openVault();
        db::ChangeSets(vault).consent(id, requireDate(on, "on"), by);
        std::cout << "Change set " << id << ": consent recorded (" << on << ").\n";
        exitCode = Ok;
    });
    auto* reject = change->add_subcommand("reject", "Record the ministry's rejection");
    dated(reject, true);
    reject->add_option("--reason", reason, "why it was rejected")->required();
    reject->callback([&] {
        db::Vault vault = ctx.openVault();
        db::ChangeSets(vault).reject(id, requireDate(on, "on"), reason);
        std::cout << "Change set " << id << ": rejection recorded (" << on << ").\n";
        exitCode = Ok;
    });
    auto* withdraw = change->add_subcommand("withdraw", "Withdraw a draft or submitted change set");
    dated(withdraw, false);
    withdraw->callback([&] {
        db::Vault vault = ctx.openVault();
        db::ChangeSets(vault).withdraw(id, on.empty() ? core::todayLocal() : requireDate(on, "on"));
        std::cout << "Change set " << id << " withdrawn.\n";
        exitCode = Ok;
    });
    auto* apply = change->add_subcommand("apply", "Make a consented change part of the roster");
    apply->add_option("ID", id, "change set id")->check(idText())->required();
    apply->callback([&] {
        db::Vault vault = ctx.openVault();
        const core::Date day = db::ChangeSets(vault).apply(id);
        std::cout << "Change set " << id << " applied: the roster changes from " << core::formatIsoDate(day) << ".\n";
        exitCode = Ok;
    });
    auto* list = change->add_subcommand("list", "Change sets of a contract");
    list->add_option("--contract", contractRef, "contract id or code")->required();
    list->add_flag("--json", ctx.json, "JSON output");
    list->callback([&] {
        db::Vault vault = ctx.openVault(true);
        db::Registry reg(vault);
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& c : db::ChangeSets(vault).list(reg.contract(contractRef).id)) {
            arr.push_back(changeSummary(c));
            if (!ctx.json)
                std::cout << c.id << "\t" << core::changeStateId(c.state) << "\teffective "
                          << core::formatIsoDate(c.effective) << (c.late ? "\t(late notice)" : "") << "\t" << c.reason
                          << "\n";
        }
        if (ctx.json)
            Context::printJson({{"changes", arr}});
        exitCode = Ok;
    });
    auto* show = change->add_subcommand("show", "One change set, with the roster before and after it");
    show->add_option("ID", id, "change set id")->check(idText())->required();
    show->add_flag("--json", ctx.json, "JSON output");
    show->callback([&] {
        db::Vault vault = ctx.openVault();
        db::ChangeSets changes(vault);
        const core::ChangeSet c = changes.get(id);
        nlohmann::json j = changeDetail(c);
        const auto preview = changes.preview(id);
        nlohmann::json before = nlohmann::json::array(), after = nlohmann::json::array();
        for (const auto& e : preview.before)
            before.push_back(toJson(e));
        for (const auto& e : preview.after)
            after.push_back(toJson(e));
        j["roster_on"] = core::formatIsoDate(preview.on);
        j["roster_before"] = before;
        j["roster_after"] = after;
        if (ctx.json) {
            Context::printJson(j);
        } else {
            std::cout << "Change set " << c.id << " — " << core::changeStateId(c.state) << ", effective "
                      << core::formatIsoDate(c.effective) << (c.late ? " (late notice)" : "") << "\n  reason: " << c.reason
                      << "\n";
            for (const auto& item : j["items"])
                std::cout << "  " << item["kind"].get<std::string>() << " " << item["label"].get<std::string>() << "\n";
            std::cout << "Roster on " << core::formatIsoDate(preview.on) << ": " << preview.before.size() << " before, "
                      << preview.after.size() << " after.\n";
        }
        exitCode = Ok;
    });
}

} // namespace meibo::cli
