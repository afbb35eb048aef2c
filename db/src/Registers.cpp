#include "meibo/db/Registers.h"

#include "RegistrySupport.h"

namespace meibo::db {

using namespace detail;

namespace {
const char* kEntryColumns = "id, kind, contract_id, fields, ended_on, end_note";

json entryJson(const core::RegisterEntry& e)
{
    json fields = json::object();
    for (const auto& [k, v] : e.fields)
        fields[k] = v;
    return {{"id", e.id},
            {"kind", e.kind},
            {"contract_id", e.contractId},
            {"fields", fields},
            {"ended_on", dateJson(e.endedOn)},
            {"end_note", e.endNote}};
}

core::RegisterEntry readEntry(SQLite::Statement& q)
{
    core::RegisterEntry e;
    e.id = q.getColumn(0).getInt64();
    e.kind = q.getColumn(1).getString();
    e.contractId = q.getColumn(2).getInt64();
    const json fields = json::parse(q.getColumn(3).getString());
    for (const auto& [k, v] : fields.items())
        e.fields[k] = v.get<std::string>();
    e.endedOn = dateOf(q.getColumn(4));
    e.endNote = q.getColumn(5).getString();
    return e;
}

core::RegisterEntry load(SQLite::Database& db, std::int64_t id)
{
    SQLite::Statement q(db, std::string("SELECT ") + kEntryColumns + " FROM register_entry WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep())
        throw Error(ErrorCode::NotFound, "there is no register entry #" + std::to_string(id), "id",
                    "管理台帳の記録 #" + std::to_string(id) + " はありません。",
                    Fix{"", "", "`meibo-cli register list KIND --contract C` shows them.",
                        "`meibo-cli register list 種類 --contract 契約` で一覧できます。"});
    return readEntry(q);
}

std::string fieldsText(const core::RegisterEntry& e) { return entryJson(e)["fields"].dump(); }

void store(SQLite::Database& db, const core::RegisterEntry& e)
{
    SQLite::Statement up(db, "UPDATE register_entry SET fields = ?, ended_on = ?, end_note = ? WHERE id = ?");
    up.bind(1, fieldsText(e));
    bindDate(up, 2, e.endedOn);
    up.bind(3, e.endNote);
    up.bind(4, e.id);
    up.exec();
}

/// Checks what the core cannot: a trainee's label must be someone's on the contract's roster.
void checkAgainstRegistry(SQLite::Database& db, const core::RegisterEntry& e)
{
    if (e.kind != "training")
        return;
    SQLite::Statement q(db, "SELECT 1 FROM assignment WHERE contract_id = ? AND label = ?");
    q.bind(1, e.contractId);
    q.bind(2, e.field("person"));
    if (!q.executeStep())
        throw Error(ErrorCode::InvalidInput,
                    "nobody on this contract's roster has the label “" + e.field("person") +
                        "”; give the 記号 of form 4 (A, B, C …)",
                    "person",
                    "この契約の名簿に記号「" + e.field("person") + "」の人はいません。様式4の記号（A、B、C …）で指定してください。");
}
} // namespace

Registers::Registers(Vault& vault) : m_vault(vault)
{
    if (vault.schemaVersion() < 5)
        throw schemaTooOld();
}

std::int64_t Registers::add(const std::string& kind, std::int64_t contractId, std::map<std::string, std::string> fields)
{
    return addAll(kind, contractId, {std::move(fields)}).front();
}

std::vector<std::int64_t> Registers::addAll(const std::string& kind, std::int64_t contractId,
                                            std::vector<std::map<std::string, std::string>> entries)
{
    for (auto& fields : entries)
        core::validateRegisterFields(core::registerKind(kind), fields);
    return write(m_vault, "saving the register entry", [&](SQLite::Database& db, AuditLog& audit) {
        loadContract(db, contractId);
        std::vector<std::int64_t> ids;
        for (const auto& fields : entries) {
            core::RegisterEntry e;
            e.kind = kind;
            e.contractId = contractId;
            e.fields = fields;
            checkAgainstRegistry(db, e);
            SQLite::Statement ins(db, "INSERT INTO register_entry (kind, contract_id, fields) VALUES (?,?,?)");
            ins.bind(1, kind);
            ins.bind(2, contractId);
            ins.bind(3, fieldsText(e));
            ins.exec();
            e.id = db.getLastInsertRowid();
            audit.append("register.add", "register/" + std::to_string(e.id), nullptr, entryJson(e));
            ids.push_back(e.id);
        }
        return ids;
    });
}

void Registers::edit(std::int64_t id, const std::map<std::string, std::string>& changes)
{
    write(m_vault, "saving the register entry", [&](SQLite::Database& db, AuditLog& audit) {
        core::RegisterEntry e = load(db, id);
        const json before = entryJson(e);
        for (const auto& [k, v] : changes)
            e.fields[k] = v;
        core::validateRegisterFields(core::registerKind(e.kind), e.fields);
        checkAgainstRegistry(db, e);
        store(db, e);
        audit.append("register.edit", "register/" + std::to_string(id), before, entryJson(e));
    });
}

void Registers::end(std::int64_t id, const Date& on, const std::string& note)
{
    write(m_vault, "saving the register entry", [&](SQLite::Database& db, AuditLog& audit) {
        core::RegisterEntry e = load(db, id);
        if (e.endedOn)
            throw Error(ErrorCode::IllegalState,
                        "register entry #" + std::to_string(id) + " already ended on " + core::formatIsoDate(*e.endedOn),
                        "id",
                        "管理台帳の記録 #" + std::to_string(id) + " は " + core::formatIsoDate(*e.endedOn) +
                            " にすでに終了しています。");
        const json before = entryJson(e);
        e.endedOn = on;
        e.endNote = note;
        store(db, e);
        audit.append("register.end", "register/" + std::to_string(id), before, entryJson(e));
    });
}

core::RegisterEntry Registers::get(std::int64_t id) const { return load(VaultAccess::database(m_vault), id); }

std::vector<core::RegisterEntry> Registers::list(std::int64_t contractId, const std::string& kind) const
{
    return read("reading the registry", [&]() -> std::vector<core::RegisterEntry> {
        if (!kind.empty())
            core::registerKind(kind);
        SQLite::Statement q(VaultAccess::database(m_vault),
                            std::string("SELECT ") + kEntryColumns +
                                " FROM register_entry WHERE contract_id = ?1 AND (?2 = '' OR kind = ?2) ORDER BY id");
        q.bind(1, contractId);
        q.bind(2, kind);
        std::vector<core::RegisterEntry> out;
        while (q.executeStep())
            out.push_back(readEntry(q));
        return out;
    });
}

std::vector<core::EolMatch> Registers::importEol(std::int64_t contractId, const core::EolImport& eol)
{
    if (!eol.issues.empty())
        throw Error(ErrorCode::InvalidInput,
                    "the end-of-life list has problems; nothing was imported:\n" + core::formatIssues(eol.issues),
                    "line " + std::to_string(eol.issues.front().line),
                    "サポート期限の一覧に問題があるため、何も取り込んでいません。\n" + core::formatIssues(eol.issues, true));
    const auto matches = core::matchEol(list(contractId, "software"), eol);
    write(m_vault, "importing end-of-support dates", [&](SQLite::Database& db, AuditLog& audit) {
        for (const auto& m : matches) {
            core::RegisterEntry e = load(db, m.entryId);
            const json before = entryJson(e);
            e.fields["support_end"] = core::formatIsoDate(m.supportEnd);
            store(db, e);
            audit.append("register.import-eol", "register/" + std::to_string(e.id), before, entryJson(e));
        }
    });
    return matches;
}

} // namespace meibo::db
