#include "meibo/db/Compliance.h"

#include "RegistrySupport.h"

namespace meibo::db {

using namespace detail;

bool isComplianceItem(const std::string& item)
{
    for (int i = 1; i <= 17; ++i)
        if (item == std::to_string(i))
            return true;
    return false;
}

Compliance::Compliance(Vault& vault) : m_vault(vault)
{
    if (vault.schemaVersion() < 5)
        throw schemaTooOld();
}

std::map<std::string, std::string> Compliance::methods(std::int64_t contractId, std::optional<Date> asOf) const
{
    return read("reading the compliance methods", [&]() -> std::map<std::string, std::string> {
        SQLite::Statement q(VaultAccess::database(m_vault),
                            "SELECT item, method FROM compliance_method WHERE contract_id = ?1 AND "
                            "(?2 IS NULL AND valid_to IS NULL OR ?2 IS NOT NULL AND coalesce(valid_from, '0000-00-00') "
                            "<= ?2 AND coalesce(valid_to, '9999-99-99') >= ?2)");
        q.bind(1, contractId);
        bindDate(q, 2, asOf);
        std::map<std::string, std::string> out;
        while (q.executeStep())
            out[q.getColumn(0).getString()] = q.getColumn(1).getString();
        return out;
    });
}

void Compliance::set(std::int64_t contractId, const std::string& item, const std::string& method)
{
    if (!isComplianceItem(item))
        throw Error(ErrorCode::InvalidInput,
                    "“" + item + "” is not a clause; give 1 (the structure) or 2 … 17", "item",
                    "「" + item + "」は条項の番号ではありません。1（体制）または 2～17 を指定してください。");
    write(m_vault, "saving the compliance method", [&](SQLite::Database& db, AuditLog& audit) {
        requireRosterOpen(db, contractId);
        SQLite::Statement old(db, "SELECT method FROM compliance_method WHERE contract_id = ? AND item = ? AND "
                                  "valid_to IS NULL");
        old.bind(1, contractId);
        old.bind(2, item);
        const json before = old.executeStep() ? json(old.getColumn(0).getString()) : json(nullptr);
        SQLite::Statement del(db, "DELETE FROM compliance_method WHERE contract_id = ? AND item = ?");
        del.bind(1, contractId);
        del.bind(2, item);
        del.exec();
        if (!method.empty()) {
            SQLite::Statement ins(db, "INSERT INTO compliance_method (contract_id, item, method) VALUES (?,?,?)");
            ins.bind(1, contractId);
            ins.bind(2, item);
            ins.bind(3, method);
            ins.exec();
        }
        audit.append("compliance.set", "contract/" + std::to_string(contractId) + "/method/" + item, before,
                     method.empty() ? json(nullptr) : json(method));
    });
}

} // namespace meibo::db
