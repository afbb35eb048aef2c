// org, contract, subcontractor, person, qualification, assign, end, import, roster, check, audit.

#include "Commands.h"
#include "Console.h"
#include "Json.h"

#include "meibo/core/Files.h"
#include "meibo/core/Error.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/RosterFile.h"
#include "meibo/core/RosterFields.h"
#include "meibo/core/RosterRules.h"
#include "meibo/core/Text.h"
#include "meibo/core/Vocabulary.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Checks.h"
#include "meibo/db/Registry.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <iostream>
#include <sstream>

namespace meibo::cli {

namespace {

using core::Error;
using core::ErrorCode;



/// FIELD=VALUE pairs onto a person record, each by its field's rule.
void applyAssignments(core::PersonData& p, const std::vector<std::string>& pairs)
{
    const core::FieldContext context{core::todayLocal()};
    for (const std::string& pair : pairs) {
        const auto eq = pair.find('=');
        if (eq == std::string::npos)
            throw Error(ErrorCode::InvalidInput,
                        "“" + pair + "” is not FIELD=VALUE; the fields are " + core::personFieldNames(), {},
                        "「" + pair + "」は 項目=値 の形ではありません。項目は " + core::personFieldNames() + " です。");
        namingField([&] { core::setPersonField(p, pair.substr(0, eq), pair.substr(eq + 1), context); });
    }
}

/// One option per person field (core/RosterFields.h): --name, --name-kana (or --kana), --birth-date …
struct PersonOptions {
    std::vector<std::string> fields; // FIELD=VALUE
    std::map<std::string, std::string> values; // key -> value given

    static std::string flagOf(const core::RosterField& f)
    {
        std::string flag = "--" + std::string(f.key);
        std::replace(flag.begin(), flag.end(), '_', '-');
        return flag;
    }

    void declare(CLI::App* cmd)
    {
        for (const core::RosterField* f : core::personFields()) {
            std::string names = flagOf(*f);
            if (f->key == "name_kana")
                names += ",--kana";
            cmd->add_option(names, values[std::string(f->key)],
                            std::string(f->labelJa) + " — " + std::string(f->hint));
        }
    }
    /// Applies the options that were given onto `p`.
    void apply(CLI::App* cmd, core::PersonData& p) const
    {
        const core::FieldContext context{core::todayLocal()};
        for (const core::RosterField* f : core::personFields())
            if (cmd->count(flagOf(*f)))
                namingField([&] { core::setPersonField(p, f->key, values.at(std::string(f->key)), context); });
        applyAssignments(p, fields);
    }
};

void printFindingsText(const std::vector<core::Finding>& findings)
{
    const bool ja = japaneseMessages();
    if (findings.empty()) {
        std::cout << (ja ? "指摘事項はありません。\n" : "No findings.\n");
        return;
    }
    for (const core::Finding& f : findings)
        std::cout << (f.severity == core::Severity::Error ? "error   " : "warning ") << f.rule << "  [" << f.contract
                  << "] " << core::findingSentence(f, core::FrontEnd::Cli, ja) << "\n";
}

} // namespace

void addRosterCommands(CLI::App& app, Context& ctx, int& exitCode)
{
    // ---- org
    auto* org = app.add_subcommand("org", "The contractor: name, address, representative, clause-4 facts");
    org->require_subcommand(1);
    auto* orgSet = org->add_subcommand("set", "Set the organization's details");
    static std::string orgName, orgAddress, orgRep, orgCapital, orgPlaces, officer;
    orgSet->add_option("--name", orgName, "名称");
    orgSet->add_option("--address", orgAddress, "住所");
    orgSet->add_option("--representative", orgRep, "代表者氏名");
    orgSet->add_option("--capital-officers", orgCapital, "資本関係・役員 (clause 4)");
    orgSet->add_option("--work-places", orgPlaces, "業務の実施場所 (clause 4)");
    orgSet->add_option("--officer", officer, "the officer's name, written into every audit entry");
    orgSet->callback([&, orgSet] {
        db::Vault vault = ctx.openVault();
        db::Registry reg(vault);
        core::Organization o = reg.organization();
        if (orgSet->count("--name"))
            o.name = orgName;
        if (orgSet->count("--address"))
            o.address = orgAddress;
        if (orgSet->count("--representative"))
            o.representative = orgRep;
        if (orgSet->count("--capital-officers"))
            o.capitalAndOfficers = orgCapital;
        if (orgSet->count("--work-places"))
            o.workPlaces = orgPlaces;
        reg.setOrganization(o);
        if (orgSet->count("--officer"))
            reg.setOfficerName(officer);
        std::cout << "Saved the organization “" << o.name << "”.\n";
        exitCode = Ok;
    });
    auto* orgShow = org->add_subcommand("show", "Show the organization");
    orgShow->add_flag("--json", ctx.json, "JSON output");
    orgShow->callback([&] {
        db::Vault vault = ctx.openVault(true);
        db::Registry reg(vault);
        const auto o = reg.organization();
        const nlohmann::json j{{"name", o.name},
                               {"address", o.address},
                               {"representative", o.representative},
                               {"capital_officers", o.capitalAndOfficers},
                               {"work_places", o.workPlaces},
                               {"officer", reg.officerName()}};
        if (ctx.json)
            Context::printJson(j);
        else
            for (auto it = j.begin(); it != j.end(); ++it)
                std::cout << it.key() << ": " << it.value().get<std::string>() << "\n";
        exitCode = Ok;
    });

    // ---- contract
    auto* contract = app.add_subcommand("contract", "Contracts: add, list, show, set");
    contract->require_subcommand(1);
    static std::string cCode, cTitle, cStart, cEnd, cSigned, cAddressee, cContact, cRequested, cConsented, cRef;
    static std::string cReportAlign;
    static int cReportMonths = 6, cReportDueDays = 14, cIncidentDays = 1;
    auto declareContract = [&](CLI::App* cmd) {
        cmd->add_option("--title", cTitle, "契約件名");
        cmd->add_option("--start", cStart, "period start (YYYY-MM-DD)");
        cmd->add_option("--end", cEnd, "period end (YYYY-MM-DD)");
        cmd->add_option("--signed", cSigned, "契約締結日 (YYYY-MM-DD)");
        cmd->add_option("--addressee", cAddressee, "to whom the documents go, e.g. 経済産業省…課長");
        cmd->add_option("--contact", cContact, "the ministry's contact");
        cmd->add_option("--data-requested", cRequested,
                        "the day the ministry asked for the deferred addresses and birth dates (※5)");
        cmd->add_option("--roster-consented", cConsented,
                        "the day the ministry agreed to the roster and structure (8 ①); then changes need change sets");
        cmd->add_option("--report-months", cReportMonths, "status report period in months (default 6, at most 12)");
        cmd->add_option("--report-align", cReportAlign,
                        "cut report periods from the contract's start (contract) or at the fiscal half-years (fiscal)");
        cmd->add_option("--report-due-days", cReportDueDays, "a report is due this many days after its period (default 14)");
        cmd->add_option("--incident-report-days", cIncidentDays,
                        "an incident is reported to the ministry within this many days (default 1)");
    };
    // The report and incident settings of --report-… and --incident-report-days, onto `c`.
    auto applySettings = [](CLI::App* cmd, core::Contract& c) {
        if (cmd->count("--report-months"))
            c.reportMonths = cReportMonths;
        if (cmd->count("--report-align")) {
            if (cReportAlign != "contract" && cReportAlign != "fiscal")
                throw core::Error(core::ErrorCode::InvalidInput, "report-align: give contract or fiscal", "report-align");
            c.reportFiscalAlign = cReportAlign == "fiscal";
        }
        if (cmd->count("--report-due-days"))
            c.reportDueDays = cReportDueDays;
        if (cmd->count("--incident-report-days"))
            c.incidentReportDays = cIncidentDays;
    };
    auto* cAdd = contract->add_subcommand("add", "Add a contract; prints its id");
    cAdd->add_option("--code", cCode, "short code, e.g. METI-2026-01")->required();
    declareContract(cAdd);
    cAdd->get_option("--title")->required();
    cAdd->get_option("--start")->required();
    cAdd->get_option("--end")->required();
    cAdd->add_flag("--json", ctx.json, "JSON output");
    cAdd->callback([&, cAdd, applySettings] {
        db::Vault vault = ctx.openVault();
        db::Registry reg(vault);
        core::Contract c;
        c.code = cCode;
        c.title = cTitle;
        c.start = requireDate(cStart, "start");
        c.end = requireDate(cEnd, "end");
        c.signedOn = optionalDate(cSigned, "signed");
        c.addressee = cAddressee;
        c.ministryContact = cContact;
        c.personalDataRequestedOn = optionalDate(cRequested, "data-requested");
        c.rosterConsentedOn = optionalDate(cConsented, "roster-consented");
        applySettings(cAdd, c);
        c.id = reg.addContract(c);
        if (ctx.json)
            Context::printJson(toJson(c));
        else
            std::cout << c.id << "\n";
        exitCode = Ok;
    });
    auto* cList = contract->add_subcommand("list", "List the contracts");
    cList->add_flag("--json", ctx.json, "JSON output");
    cList->callback([&] {
        db::Vault vault = ctx.openVault(true);
        db::Registry reg(vault);
        nlohmann::json list = nlohmann::json::array();
        for (const auto& c : reg.contracts()) {
            list.push_back(toJson(c));
            if (!ctx.json)
                std::cout << c.id << "\t" << c.code << "\t" << core::formatIsoDate(c.start) << " – "
                          << core::formatIsoDate(c.end) << "\t" << c.title << "\n";
        }
        if (ctx.json)
            Context::printJson({{"contracts", list}});
        exitCode = Ok;
    });
    auto* cShow = contract->add_subcommand("show", "Show one contract");
    cShow->add_option("CONTRACT", cRef, "id or code")->required();
    cShow->add_flag("--json", ctx.json, "JSON output");
    cShow->callback([&] {
        db::Vault vault = ctx.openVault(true);
        db::Registry reg(vault);
        const auto c = reg.contract(cRef);
        nlohmann::json j = toJson(c);
        nlohmann::json subs = nlohmann::json::array();
        for (const auto& s : reg.subcontractorLinks(c.id))
            subs.push_back({{"name", s.name}, {"valid_from", toJson(s.validFrom)}, {"valid_to", toJson(s.validTo)}});
        j["subcontractors"] = subs;
        if (ctx.json)
            Context::printJson(j);
        else
            std::cout << j.dump(2) << "\n";
        exitCode = Ok;
    });
    auto* cSet = contract->add_subcommand("set", "Change a contract's details");
    cSet->add_option("CONTRACT", cRef, "id or code")->required();
    declareContract(cSet);
    cSet->callback([&, cSet, applySettings] {
        db::Vault vault = ctx.openVault();
        db::Registry reg(vault);
        core::Contract c = reg.contract(cRef);
        if (cSet->count("--title"))
            c.title = cTitle;
        if (cSet->count("--start"))
            c.start = requireDate(cStart, "start");
        if (cSet->count("--end"))
            c.end = requireDate(cEnd, "end");
        if (cSet->count("--signed"))
            c.signedOn = optionalDate(cSigned, "signed");
        if (cSet->count("--addressee"))
            c.addressee = cAddressee;
        if (cSet->count("--contact"))
            c.ministryContact = cContact;
        if (cSet->count("--data-requested"))
            c.personalDataRequestedOn = optionalDate(cRequested, "data-requested");
        if (cSet->count("--roster-consented"))
            c.rosterConsentedOn = optionalDate(cConsented, "roster-consented");
        applySettings(cSet, c);
        reg.updateContract(c);
        std::cout << "Saved contract " << c.code << ".\n";
        exitCode = Ok;
    });

    // ---- subcontractor
    auto* sub = app.add_subcommand("subcontractor", "Subcontractors (再委託先)");
    sub->require_subcommand(1);
    static std::string sName, sAddress, sRep, sCapital, sPlaces, sContract, sFrom, sTo;
    auto* sAdd = sub->add_subcommand("add", "Add a subcontractor (optionally to a contract)");
    sAdd->add_option("--name", sName, "名称")->required();
    sAdd->add_option("--address", sAddress, "住所");
    sAdd->add_option("--representative", sRep, "代表者氏名");
    sAdd->add_option("--capital-officers", sCapital, "資本関係・役員");
    sAdd->add_option("--work-places", sPlaces, "業務の実施場所");
    sAdd->add_option("--contract", sContract, "also make it part of this contract");
    sAdd->add_option("--from", sFrom, "from (YYYY-MM-DD)");
    sAdd->add_option("--to", sTo, "to (YYYY-MM-DD)");
    sAdd->callback([&] {
        db::Vault vault = ctx.openVault();
        db::Registry reg(vault);
        const auto from = optionalDate(sFrom, "from");
        const auto to = optionalDate(sTo, "to");
        const std::int64_t contractId = sContract.empty() ? 0 : reg.contract(sContract).id;
        const auto id = reg.addSubcontractor({0, sName, sAddress, sRep, sCapital, sPlaces});
        if (contractId)
            reg.linkSubcontractor(contractId, sName, from, to);
        std::cout << id << "\n";
        exitCode = Ok;
    });
    auto* sLink = sub->add_subcommand("link", "Make a subcontractor part of a contract for a period");
    sLink->add_option("--contract", sContract, "contract id or code")->required();
    sLink->add_option("--name", sName, "subcontractor's name")->required();
    sLink->add_option("--from", sFrom, "from (YYYY-MM-DD)");
    sLink->add_option("--to", sTo, "to (YYYY-MM-DD)");
    sLink->callback([&] {
        db::Vault vault = ctx.openVault();
        db::Registry reg(vault);
        reg.linkSubcontractor(reg.contract(sContract).id, sName, optionalDate(sFrom, "from"), optionalDate(sTo, "to"));
        std::cout << "Linked “" << sName << "” to contract " << sContract << ".\n";
        exitCode = Ok;
    });
    auto* sList = sub->add_subcommand("list", "List subcontractors");
    sList->add_flag("--json", ctx.json, "JSON output");
    sList->callback([&] {
        db::Vault vault = ctx.openVault(true);
        db::Registry reg(vault);
        nlohmann::json list = nlohmann::json::array();
        for (const auto& s : reg.subcontractors()) {
            list.push_back({{"id", s.id}, {"name", s.name}, {"address", s.address}, {"representative", s.representative}});
            if (!ctx.json)
                std::cout << s.id << "\t" << s.name << "\n";
        }
        if (ctx.json)
            Context::printJson({{"subcontractors", list}});
        exitCode = Ok;
    });

    // ---- person
    auto* person = app.add_subcommand("person", "People: add, list, show, set");
    person->require_subcommand(1);
    static PersonOptions pAdd, pSet;
    static std::int64_t personId = 0;
    static std::string pFrom, pAsOf;
    auto* personAdd = person->add_subcommand("add", "Add a person; prints the id");
    pAdd.declare(personAdd);
    personAdd->get_option("--name")->required();
    personAdd->callback([&, personAdd] {
        db::Vault vault = ctx.openVault();
        db::Registry reg(vault);
        core::PersonData p;
        pAdd.apply(personAdd, p);
        std::cout << reg.addPerson(p) << "\n";
        exitCode = Ok;
    });
    auto* personSet = person->add_subcommand(
        "set", "Correct a person's record, or with --from record a change from that day (earlier days keep the old)");
    personSet->add_option("ID", personId, "person id")->check(idText())->required();
    personSet->add_option("--from", pFrom, "the change takes effect on this day");
    pSet.declare(personSet);
    personSet->add_option("FIELD=VALUE", pSet.fields, "fields to set");
    personSet->callback([&, personSet] {
        db::Vault vault = ctx.openVault();
        db::Registry reg(vault);
        core::PersonData p = reg.person(personId);
        pSet.apply(personSet, p);
        if (pFrom.empty())
            reg.correctPerson(personId, p);
        else
            reg.changePerson(personId, p, requireDate(pFrom, "from"));
        std::cout << "Saved person " << personId << ".\n";
        exitCode = Ok;
    });
    auto* personList = person->add_subcommand("list", "List people");
    personList->add_flag("--json", ctx.json, "JSON output");
    personList->callback([&] {
        db::Vault vault = ctx.openVault(true);
        db::Registry reg(vault);
        nlohmann::json list = nlohmann::json::array();
        for (const auto& [id, p] : reg.people()) {
            nlohmann::json j = toJson(p);
            j["id"] = id;
            list.push_back(j);
            if (!ctx.json)
                std::cout << id << "\t" << p.name << "\t" << (p.organization.empty() ? "(own staff)" : p.organization)
                          << "\n";
        }
        if (ctx.json)
            Context::printJson({{"people", list}});
        exitCode = Ok;
    });
    auto* personShow = person->add_subcommand("show", "Show a person's record (as of a day)");
    personShow->add_option("ID", personId, "person id")->check(idText())->required();
    personShow->add_option("--as-of", pAsOf, "YYYY-MM-DD");
    personShow->add_flag("--json", ctx.json, "JSON output");
    personShow->callback([&] {
        db::Vault vault = ctx.openVault(true);
        db::Registry reg(vault);
        nlohmann::json j = toJson(reg.person(personId, optionalDate(pAsOf, "as-of")));
        j["id"] = personId;
        nlohmann::json quals = nlohmann::json::array();
        for (const auto& q : reg.qualifications(personId))
            quals.push_back({{"kind", q.training ? "training" : "qualification"},
                             {"name", q.name},
                             {"on", toJson(q.on)},
                             {"issuer", q.issuer}});
        j["qualifications"] = quals;
        Context::printJson(j);
        exitCode = Ok;
    });

    // ---- qualification
    auto* qual = app.add_subcommand("qualification", "Security qualifications and trainings (clause 4 expertise)");
    qual->require_subcommand(1);
    auto* qAdd = qual->add_subcommand("add", "Record a qualification or a training");
    static std::int64_t qPerson = 0;
    static bool qTraining = false;
    static std::string qName, qOn, qIssuer;
    qAdd->add_option("--person", qPerson, "person id")->check(idText())->required();
    qAdd->add_flag("--training", qTraining, "a training course (else a qualification)");
    qAdd->add_option("--name", qName, "what it is, e.g. 情報処理安全確保支援士")->required();
    qAdd->add_option("--on", qOn, "when (YYYY-MM-DD)");
    qAdd->add_option("--issuer", qIssuer, "by whom");
    qAdd->callback([&] {
        db::Vault vault = ctx.openVault();
        db::Registry reg(vault);
        core::Qualification q;
        q.personId = qPerson;
        q.training = qTraining;
        q.name = qName;
        q.on = optionalDate(qOn, "on");
        q.issuer = qIssuer;
        std::cout << reg.addQualification(q) << "\n";
        exitCode = Ok;
    });

    // ---- assign / end
    auto* assign = app.add_subcommand("assign", "Put a person on a contract's roster");
    static std::string aContract, aRole, aLabel, aNeed, aReports, aFrom, aTo;
    static std::int64_t aPerson = 0;
    assign->add_option("--contract", aContract, "contract id or code")->required();
    assign->add_option("--person", aPerson, "person id")->check(idText())->required();
    assign->add_option("--role", aRole, "情報管理責任者, 情報取扱管理者, 業務従事者, 再委託先 (or responsible …)")->required();
    assign->add_option("--label", aLabel, "記号 on the form: A, B, C …")->required();
    assign->add_option("--need", aNeed, "why this person must handle the information");
    assign->add_option("--reports-to", aReports, "label of the person above");
    assign->add_option("--from", aFrom, "first day (YYYY-MM-DD)");
    assign->add_option("--to", aTo, "last day (YYYY-MM-DD)");
    assign->callback([&] {
        const auto role = core::parseRole(aRole);
        if (!role)
            throw Error(ErrorCode::InvalidInput, "role: “" + aRole + "” is not 情報管理責任者, 情報取扱管理者, 業務従事者 or 再委託先",
                        "role");
        db::Vault vault = ctx.openVault();
        db::Registry reg(vault);
        std::cout << reg.assign(reg.contract(aContract).id, aPerson, *role, aLabel, aNeed, aReports,
                                optionalDate(aFrom, "from"), optionalDate(aTo, "to"))
                  << "\n";
        exitCode = Ok;
    });
    auto* end = app.add_subcommand("end", "Take a person off a contract's roster after a day (nothing is deleted)");
    static std::string eOn;
    end->add_option("--contract", aContract, "contract id or code")->required();
    end->add_option("--label", aLabel, "the person's label")->required();
    end->add_option("--on", eOn, "the last day on the roster (YYYY-MM-DD)")->required();
    end->callback([&] {
        db::Vault vault = ctx.openVault();
        db::Registry reg(vault);
        reg.endAssignment(reg.contract(aContract).id, aLabel, requireDate(eOn, "on"));
        std::cout << "Ended " << aLabel << " on " << eOn << ".\n";
        exitCode = Ok;
    });

    // ---- import
    auto* import = app.add_subcommand("import", "Import a roster CSV into a contract (all or nothing)");
    static std::string iContract, iFile;
    import->add_option("--contract", iContract, "contract id or code")->required();
    import->add_option("FILE", iFile, "roster file: .csv (UTF-8, CP932, UTF-16), .txt/.tsv (tabs) or .xlsx (docs/cli.md)")
        ->required();
    static std::string iSheet;
    import->add_option("--sheet", iSheet, ".xlsx: the sheet to read, when several hold a roster");
    static std::vector<std::string> iColumns;
    import->add_option("--column", iColumns,
                       "HEADER=FIELD: the column headed HEADER holds FIELD (a key or Japanese name; empty: ignore it)");
    import->add_flag("--json", ctx.json, "JSON output");
    static bool iLink = false;
    import->add_flag("--link-existing", iLink,
                     "a row whose name and date of birth match one person registered on another contract is that "
                     "person (without it, such a row is refused and the match is shown)");
    import->callback([&] {
        const std::string bytes = core::readWholeFile(iFile, "the roster", "名簿");
        core::RosterFileOptions options;
        options.today = core::todayLocal();
        options.fileName = iFile;
        options.sheet = iSheet;
        core::ColumnMapping columns;
        for (const std::string& c : iColumns) {
            const auto eq = c.find('=');
            if (eq == std::string::npos || eq == 0)
                throw Error(ErrorCode::InvalidInput,
                            "--column: “" + c + "” is not HEADER=FIELD (the header as the file has it, then the field)",
                            "column", "--column：「" + c + "」は 見出し=項目 の形ではありません（ファイルの見出し、次に項目名）。");
            columns[core::tidyText(c.substr(0, eq))] = core::tidyText(c.substr(eq + 1));
        }
        // A workbook laid out as form 4 has no 従事開始日 column: its rows start with the contract,
        // so the registry is read first (and not written until every row is valid).
        std::optional<db::Vault> vault;
        const bool workbook = bytes.rfind("PK\x03\x04", 0) == 0;
        if (workbook) {
            vault.emplace(ctx.openVault());
            options.contractStart = db::Registry(*vault).contract(iContract).start;
        }
        const core::RosterImport parsed = core::readRosterFile(bytes, options, columns);
        const bool ja = japaneseMessages();
        // What was found (encoding, sheet) and what was assumed, before the outcome.
        if (!ctx.json) {
            if (!parsed.encoding.empty())
                std::cerr << "meibo-cli: " << iFile
                          << (ja ? " を " + parsed.encoding + " として読みました。\n"
                                 : ": read as " + parsed.encoding + (parsed.format == "tsv" ? ", tab-separated" : "") +
                                       ".\n");
            if (!parsed.sheet.empty())
                std::cerr << "meibo-cli: " << iFile
                          << (ja ? " のシート「" + parsed.sheet + "」を読みました。\n" : ": read the sheet “" + parsed.sheet + "”.\n");
            for (std::size_t n = 0; n < parsed.notes.size(); ++n)
                std::cerr << "meibo-cli: " << (ja ? parsed.notesJa[n] : parsed.notes[n]) << "\n";
        }
        if (!parsed.issues.empty()) {
            // Every bad row, by line and column; nothing is opened or written.
            std::cerr << "meibo-cli: " << iFile
                      << (ja ? " に " + std::to_string(parsed.issues.size()) + " 件の問題があるため、何も取り込んでいません。\n"
                             : " has " + std::to_string(parsed.issues.size()) + " problem(s); nothing was imported:\n")
                      << core::formatIssues(parsed.issues, ja);
            if (ctx.json) {
                nlohmann::json issues = nlohmann::json::array();
                for (const auto& i : parsed.issues) {
                    nlohmann::json item = {{"line", i.line},
                                           {"column", i.column},
                                           {"message", core::issueText(i, core::FrontEnd::Cli, false)},
                                           {"message_ja", core::issueText(i, core::FrontEnd::Cli, true)}};
                    if (!i.sheet.empty()) {
                        item["sheet"] = i.sheet;
                        item["cell"] = i.cell;
                    }
                    issues.push_back(std::move(item));
                }
                Context::printJson({{"imported", false},
                                    {"format", parsed.format},
                                    {"encoding", parsed.encoding},
                                    {"issues", issues}});
            }
            exitCode = Failed;
            return;
        }
        if (!vault)
            vault.emplace(ctx.openVault());
        db::Registry reg(*vault);
        const auto result = reg.importRoster(reg.contract(iContract).id, parsed, iLink);
        if (ctx.json)
            Context::printJson({{"imported", true},
                                {"format", parsed.format},
                                {"encoding", parsed.encoding},
                                {"sheet", parsed.sheet},
                                {"notes", parsed.notes},
                                {"notes_ja", parsed.notesJa},
                                {"rows", parsed.rows.size()},
                                {"added", result.added},
                                {"updated", result.updated},
                                {"people_created", result.people}});
        else if (ja)
            std::cout << parsed.rows.size() << " 行を取り込みました（追加 " << result.added << "、更新 " << result.updated
                      << "、新しい人 " << result.people << "）。\n";
        else
            std::cout << "Imported " << parsed.rows.size() << " rows: " << result.added << " added, " << result.updated
                      << " updated, " << result.people << " new people.\n";
        exitCode = Ok;
    });

    // ---- roster
    auto* roster = app.add_subcommand("roster", "The roster of a contract on a day");
    static std::string rContract, rAsOf;
    static bool rCsv = false;
    roster->add_option("--contract", rContract, "contract id or code")->required();
    roster->add_option("--as-of", rAsOf, "the day (YYYY-MM-DD; default today)");
    roster->add_flag("--json", ctx.json, "JSON output");
    roster->add_flag("--csv", rCsv, "CSV with the import's columns (UTF-8 with BOM)");
    roster->callback([&] {
        const core::Date asOf = rAsOf.empty() ? core::todayLocal() : requireDate(rAsOf, "as-of");
        db::Vault vault = ctx.openVault(true);
        db::Registry reg(vault);
        const auto c = reg.contract(rContract);
        const auto entries = reg.roster(c.id, asOf);
        if (rCsv) {
            // The officer's own working copy on standard output, whole; the bundle applies ※5.
            std::cout << core::rosterToCsv(entries, false);
        } else if (ctx.json) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& e : entries)
                list.push_back(toJson(e));
            Context::printJson({{"contract", c.code}, {"as_of", core::formatIsoDate(asOf)}, {"entries", list}});
        } else {
            std::cout << c.code << " — " << c.title << " — roster on " << core::formatIsoDate(asOf) << "\n";
            for (const auto& e : entries)
                std::cout << "  " << e.label << "  " << core::roleName(e.role) << "  " << e.person.name << "  "
                          << e.person.department << "  " << e.person.title
                          << (e.reportsTo.empty() ? std::string() : "  → " + e.reportsTo) << "\n";
            if (entries.empty())
                std::cout << "  (nobody)\n";
        }
        exitCode = Ok;
    });

    // ---- check
    auto* check = app.add_subcommand("check", "Check the rules; exit 3 when an error is found");
    static std::string kContract, kAsOf;
    check->add_option("--contract", kContract, "contract id or code (default: all)");
    check->add_option("--as-of", kAsOf, "the day (YYYY-MM-DD; default today)");
    check->add_flag("--json", ctx.json, "JSON output");
    check->callback([&] {
        const core::Date asOf = kAsOf.empty() ? core::todayLocal() : requireDate(kAsOf, "as-of");
        db::Vault vault = ctx.openVault(true);
        db::Registry reg(vault);
        std::vector<core::Contract> contracts;
        if (kContract.empty())
            contracts = reg.contracts();
        else
            contracts.push_back(reg.contract(kContract));
        std::vector<core::Finding> findings;
        for (const auto& c : contracts) {
            auto f = db::checkContract(vault, c, asOf);
            findings.insert(findings.end(), f.begin(), f.end());
        }
        bool errors = false;
        nlohmann::json list = nlohmann::json::array();
        for (const auto& f : findings) {
            errors = errors || f.severity == core::Severity::Error;
            list.push_back(toJson(f));
        }
        if (ctx.json)
            Context::printJson({{"as_of", core::formatIsoDate(asOf)}, {"findings", list}});
        else
            printFindingsText(findings);
        exitCode = errors ? CheckErrors : Ok;
    });

    // ---- audit
    auto* audit = app.add_subcommand("audit", "The audit log: verify the chain, list entries");
    audit->require_subcommand(1);
    auto* aVerify = audit->add_subcommand("verify", "Check the hash chain; exit 1 naming the first broken link");
    aVerify->add_flag("--json", ctx.json, "JSON output");
    aVerify->callback([&] {
        db::Vault vault = ctx.openVault(true);
        db::Registry reg(vault);
        const auto v = reg.verifyAudit();
        if (ctx.json)
            Context::printJson({{"ok", v.ok}, {"entries", v.entries}, {"problem", v.problem}});
        if (!v.ok) {
            std::cerr << "meibo-cli: the audit log is broken: " << v.problem
                      << ". Keep this file as evidence and restore the registry from a backup.\n";
            exitCode = Failed;
            return;
        }
        if (!ctx.json)
            std::cout << "The audit log is intact: " << v.entries << " entries, every link verified.\n";
        exitCode = Ok;
    });
    auto* aList = audit->add_subcommand("list", "Show the latest audit entries");
    static std::int64_t aLimit = 50;
    aList->add_option("--limit", aLimit, "how many (default 50)")->check(countText());
    aList->add_flag("--json", ctx.json, "JSON output");
    aList->callback([&] {
        db::Vault vault = ctx.openVault(true);
        db::Registry reg(vault);
        nlohmann::json list = nlohmann::json::array();
        for (const auto& e : reg.auditEntries(aLimit)) {
            list.push_back({{"seq", e.seq},
                            {"at", e.at},
                            {"officer", e.officer},
                            {"os_user", e.osUser},
                            {"key_slot", e.keySlot},
                            {"action", e.action},
                            {"entity", e.entity},
                            {"before", e.before},
                            {"after", e.after}});
            if (!ctx.json)
                std::cout << e.seq << "  " << e.at << "  " << e.osUser << "/" << e.keySlot << "  " << e.action << "  "
                          << e.entity << "\n";
        }
        if (ctx.json)
            Context::printJson({{"entries", list}});
        exitCode = Ok;
    });
}

} // namespace meibo::cli
