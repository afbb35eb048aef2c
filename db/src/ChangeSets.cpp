#include "meibo/db/ChangeSets.h"
#include "meibo/db/Compliance.h"

#include "RegistrySupport.h"

#include "meibo/db/Registry.h"

namespace meibo::db {

using namespace detail;

namespace {

Date dayBefore(const Date& d) { return Date{std::chrono::sys_days{d} - std::chrono::days{1}}; }

json rowJson(const core::ImportRow& r)
{
    json j = personJson(r.person);
    j["role"] = core::roleId(r.role);
    j["label"] = r.label;
    j["need"] = r.need;
    j["reports_to"] = r.reportsTo;
    return j;
}

core::ImportRow rowFromJson(const json& j)
{
    core::ImportRow r;
    r.role = core::parseRole(j.value("role", "worker")).value_or(core::Role::Worker);
    r.label = j.value("label", "");
    r.need = j.value("need", "");
    r.reportsTo = j.value("reports_to", "");
    core::PersonData& p = r.person;
    p.name = j.value("name", "");
    p.nameKana = j.value("name_kana", "");
    p.address = j.value("address", "");
    if (j.contains("birth_date") && j["birth_date"].is_string())
        p.birthDate = core::parseIsoDate(j["birth_date"].get<std::string>());
    p.department = j.value("department", "");
    p.title = j.value("title", "");
    p.nationality = j.value("nationality", "");
    if (j.contains("residence_status") && j["residence_status"].is_string())
        p.residenceStatus = core::parseResidenceStatus(j["residence_status"].get<std::string>());
    p.passportNo = j.value("passport_no", "");
    p.organization = j.value("organization", "");
    p.trackRecord = j.value("track_record", "");
    return r;
}

json itemsJson(const std::vector<core::ChangeItem>& items)
{
    json out = json::array();
    for (const auto& i : items) {
        json j{{"kind", core::changeKindId(i.kind)}, {"label", i.label}};
        if (i.kind == core::ChangeItem::Kind::Join)
            j["join"] = rowJson(i.join);
        if (i.kind == core::ChangeItem::Kind::Set || i.kind == core::ChangeItem::Kind::Method) {
            json f = json::array();
            for (const auto& [k, v] : i.fields)
                f.push_back({k, v});
            j["fields"] = f;
        }
        if (!i.subcontractor.empty())
            j["subcontractor"] = i.subcontractor;
        out.push_back(j);
    }
    return out;
}

std::vector<core::ChangeItem> itemsFromJson(const json& arr)
{
    std::vector<core::ChangeItem> out;
    for (const auto& j : arr) {
        core::ChangeItem i;
        const std::string kind = j.value("kind", "");
        for (auto k : {core::ChangeItem::Kind::Join, core::ChangeItem::Kind::Leave, core::ChangeItem::Kind::Set,
                       core::ChangeItem::Kind::SubcontractorAdd, core::ChangeItem::Kind::SubcontractorRemove,
                       core::ChangeItem::Kind::Method})
            if (kind == core::changeKindId(k))
                i.kind = k;
        i.label = j.value("label", "");
        if (j.contains("join"))
            i.join = rowFromJson(j["join"]);
        if (j.contains("fields"))
            for (const auto& f : j["fields"])
                i.fields.emplace_back(f[0].get<std::string>(), f[1].get<std::string>());
        i.subcontractor = j.value("subcontractor", "");
        out.push_back(std::move(i));
    }
    return out;
}

json changeJson(const core::ChangeSet& c)
{
    return {{"id", c.id},
            {"contract_id", c.contractId},
            {"state", core::changeStateId(c.state)},
            {"effective", core::formatIsoDate(c.effective)},
            {"reason", c.reason},
            {"late", c.late},
            {"submitted", dateJson(c.submittedOn)},
            {"submitted_how", c.submittedHow},
            {"consented", dateJson(c.consentedOn)},
            {"consented_by", c.consentedBy},
            {"rejected", dateJson(c.rejectedOn)},
            {"rejection_reason", c.rejectionReason},
            {"withdrawn", dateJson(c.withdrawnOn)},
            {"applied_from", dateJson(c.appliedFrom)},
            {"items", itemsJson(c.items)}};
}

const char* kChangeColumns = "id, contract_id, state, effective_on, reason, late, submitted_on, submitted_how, "
                             "consented_on, consented_by, rejected_on, rejection_reason, withdrawn_on, applied_from, items";

core::ChangeSet readChange(SQLite::Statement& q)
{
    core::ChangeSet c;
    c.id = q.getColumn(0).getInt64();
    c.contractId = q.getColumn(1).getInt64();
    c.state = core::parseChangeState(q.getColumn(2).getString()).value_or(core::ChangeState::Draft);
    c.effective = *dateOf(q.getColumn(3));
    c.reason = q.getColumn(4).getString();
    c.late = q.getColumn(5).getInt() != 0;
    c.submittedOn = dateOf(q.getColumn(6));
    c.submittedHow = q.getColumn(7).getString();
    c.consentedOn = dateOf(q.getColumn(8));
    c.consentedBy = q.getColumn(9).getString();
    c.rejectedOn = dateOf(q.getColumn(10));
    c.rejectionReason = q.getColumn(11).getString();
    c.withdrawnOn = dateOf(q.getColumn(12));
    c.appliedFrom = dateOf(q.getColumn(13));
    c.items = itemsFromJson(json::parse(q.getColumn(14).getString()));
    return c;
}

core::ChangeSet load(SQLite::Database& db, std::int64_t id)
{
    SQLite::Statement q(db, std::string("SELECT ") + kChangeColumns + " FROM change_set WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep())
        throw Error(ErrorCode::NotFound, "no change set " + std::to_string(id) + ": `meibo-cli change list --contract C` "
                                                                               "shows them",
                    "change");
    return readChange(q);
}

void store(SQLite::Database& db, const core::ChangeSet& c)
{
    SQLite::Statement up(db, "UPDATE change_set SET state = ?, effective_on = ?, reason = ?, late = ?, submitted_on = ?, "
                             "submitted_how = ?, consented_on = ?, consented_by = ?, rejected_on = ?, "
                             "rejection_reason = ?, withdrawn_on = ?, applied_from = ?, items = ? WHERE id = ?");
    up.bind(1, core::changeStateId(c.state));
    up.bind(2, core::formatIsoDate(c.effective));
    up.bind(3, c.reason);
    up.bind(4, c.late ? 1 : 0);
    bindDate(up, 5, c.submittedOn);
    up.bind(6, c.submittedHow);
    bindDate(up, 7, c.consentedOn);
    up.bind(8, c.consentedBy);
    bindDate(up, 9, c.rejectedOn);
    up.bind(10, c.rejectionReason);
    bindDate(up, 11, c.withdrawnOn);
    bindDate(up, 12, c.appliedFrom);
    up.bind(13, itemsJson(c.items).dump());
    up.bind(14, c.id);
    up.exec();
}

/// The assignment with `label` on the contract's roster on `day`.
struct Seat {
    std::int64_t id = 0;
    std::int64_t personId = 0;
    std::string role, need, reportsTo;
    std::optional<Date> from, to;
};

std::optional<Seat> seatOn(SQLite::Database& db, std::int64_t contractId, const std::string& label, const Date& day)
{
    SQLite::Statement q(db, "SELECT id, person_id, role, need, reports_to, valid_from, valid_to FROM assignment WHERE "
                            "contract_id = ?1 AND label = ?2 AND coalesce(valid_from, '0000-00-00') <= ?3 AND "
                            "coalesce(valid_to, '9999-99-99') >= ?3");
    q.bind(1, contractId);
    q.bind(2, label);
    q.bind(3, core::formatIsoDate(day));
    if (!q.executeStep())
        return std::nullopt;
    return Seat{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                q.getColumn(3).getString(), q.getColumn(4).getString(), dateOf(q.getColumn(5)), dateOf(q.getColumn(6))};
}

void insertAssignment(SQLite::Database& db, std::int64_t contractId, std::int64_t personId, const std::string& role,
                      const std::string& label, const std::string& need, const std::string& reportsTo,
                      std::optional<Date> from, std::optional<Date> to)
{
    SQLite::Statement ins(db, "INSERT INTO assignment (contract_id, person_id, role, label, need, reports_to, valid_from, "
                              "valid_to) VALUES (?,?,?,?,?,?,?,?)");
    ins.bind(1, contractId);
    ins.bind(2, personId);
    ins.bind(3, role);
    ins.bind(4, label);
    ins.bind(5, need);
    ins.bind(6, reportsTo);
    bindDate(ins, 7, from);
    bindDate(ins, 8, to);
    ins.exec();
}

/// The person's record from `day` on becomes `data`; days before keep the old record.
void changePersonFrom(SQLite::Database& db, std::int64_t personId, const core::PersonData& data, const Date& day)
{
    SQLite::Statement later(db, "SELECT 1 FROM person_version WHERE person_id = ? AND valid_from > ?");
    later.bind(1, personId);
    later.bind(2, core::formatIsoDate(day));
    if (later.executeStep())
        throw Error(ErrorCode::IllegalState, "this person's record already changes after " + core::formatIsoDate(day) +
                                                 "; apply the change sets in the order of their dates");
    auto current = versionOf(db, personId, day);
    std::optional<std::int64_t> subId;
    if (!data.organization.empty())
        subId = subcontractorId(db, data.organization);
    SQLite::Statement from(db, "SELECT valid_from, valid_to FROM person_version WHERE id = ?");
    from.bind(1, current->first);
    from.executeStep();
    const auto validFrom = dateOf(from.getColumn(0));
    const auto validTo = dateOf(from.getColumn(1));
    if (validFrom && *validFrom == day) {
        updateVersion(db, current->first, data, subId);
        return;
    }
    SQLite::Statement close(db, "UPDATE person_version SET valid_to = ? WHERE id = ?");
    close.bind(1, core::formatIsoDate(dayBefore(day)));
    close.bind(2, current->first);
    close.exec();
    insertVersion(db, personId, data, day, validTo, subId);
}

std::int64_t ensureSubcontractor(SQLite::Database& db, std::int64_t contractId, const std::string& name,
                                 const Date& from)
{
    auto id = subcontractorId(db, name);
    if (!id) {
        SQLite::Statement ins(db, "INSERT INTO subcontractor (name) VALUES (?)");
        ins.bind(1, name);
        ins.exec();
        id = db.getLastInsertRowid();
    }
    SQLite::Statement linked(db, "SELECT 1 FROM contract_subcontractor WHERE contract_id = ?1 AND subcontractor_id = ?2 "
                                 "AND coalesce(valid_from, '0000-00-00') <= ?3 AND coalesce(valid_to, '9999-99-99') >= ?3");
    linked.bind(1, contractId);
    linked.bind(2, *id);
    linked.bind(3, core::formatIsoDate(from));
    if (!linked.executeStep()) {
        SQLite::Statement link(db, "INSERT INTO contract_subcontractor (contract_id, subcontractor_id, valid_from) "
                                   "VALUES (?,?,?)");
        link.bind(1, contractId);
        link.bind(2, *id);
        link.bind(3, core::formatIsoDate(from));
        link.exec();
    }
    return *id;
}

/// Writes every item of the set into the roster from `day` (inside the caller's transaction).
void applyItems(SQLite::Database& db, const core::ChangeSet& c, const Date& day)
{
    const std::string where = "change " + std::to_string(c.id);
    for (const core::ChangeItem& item : c.items) {
        switch (item.kind) {
        case core::ChangeItem::Kind::Join: {
            core::PersonData p = item.join.person;
            if (!p.organization.empty())
                ensureSubcontractor(db, c.contractId, p.organization, day);
            std::optional<std::int64_t> personId;
            SQLite::Statement find(db, "SELECT DISTINCT person_id FROM person_version WHERE name = ?1 AND "
                                       "((?2 IS NOT NULL AND birth_date = ?2) OR (?2 IS NULL AND birth_date IS NULL)) "
                                       "LIMIT 2");
            find.bind(1, p.name);
            bindDate(find, 2, p.birthDate);
            std::vector<std::int64_t> found;
            while (find.executeStep())
                found.push_back(find.getColumn(0).getInt64());
            if (found.size() == 1) {
                personId = found.front();
                changePersonFrom(db, *personId, p, day);
            } else {
                SQLite::Statement ins(db, "INSERT INTO person (created_at) VALUES (datetime('now'))");
                ins.exec();
                personId = db.getLastInsertRowid();
                std::optional<std::int64_t> subId;
                if (!p.organization.empty())
                    subId = subcontractorId(db, p.organization);
                insertVersion(db, *personId, p, std::nullopt, std::nullopt, subId);
            }
            insertAssignment(db, c.contractId, *personId, core::roleId(item.join.role), item.join.label, item.join.need,
                             item.join.reportsTo, day, std::nullopt);
            break;
        }
        case core::ChangeItem::Kind::Leave: {
            auto seat = seatOn(db, c.contractId, item.label, day);
            if (!seat)
                throw Error(ErrorCode::IllegalState, where + ": nobody with label " + item.label + " is on the roster on " +
                                                         core::formatIsoDate(day));
            if (seat->from && *seat->from >= day)
                throw Error(ErrorCode::IllegalState, where + ": " + item.label + " only joins on " +
                                                         core::formatIsoDate(*seat->from));
            SQLite::Statement up(db, "UPDATE assignment SET valid_to = ? WHERE id = ?");
            up.bind(1, core::formatIsoDate(dayBefore(day)));
            up.bind(2, seat->id);
            up.exec();
            break;
        }
        case core::ChangeItem::Kind::Set: {
            auto seat = seatOn(db, c.contractId, item.label, day);
            if (!seat)
                throw Error(ErrorCode::IllegalState, where + ": nobody with label " + item.label + " is on the roster on " +
                                                         core::formatIsoDate(day));
            core::PersonData p = versionOf(db, seat->personId, day)->second;
            bool personChanged = false, seatChanged = false;
            Seat next = *seat;
            for (const auto& [field, value] : item.fields) {
                if (field == "role") {
                    next.role = core::roleId(*core::parseRole(value));
                    seatChanged = true;
                } else if (field == "need") {
                    next.need = value;
                    seatChanged = true;
                } else if (field == "reports_to") {
                    next.reportsTo = value.empty() ? "" : *core::normalizeLabel(value);
                    seatChanged = true;
                } else {
                    core::setPersonField(p, field, value);
                    personChanged = true;
                }
            }
            if (personChanged)
                changePersonFrom(db, seat->personId, p, day);
            if (seatChanged) {
                if (seat->from && *seat->from == day) {
                    SQLite::Statement up(db, "UPDATE assignment SET role = ?, need = ?, reports_to = ? WHERE id = ?");
                    up.bind(1, next.role);
                    up.bind(2, next.need);
                    up.bind(3, next.reportsTo);
                    up.bind(4, seat->id);
                    up.exec();
                } else {
                    SQLite::Statement up(db, "UPDATE assignment SET valid_to = ? WHERE id = ?");
                    up.bind(1, core::formatIsoDate(dayBefore(day)));
                    up.bind(2, seat->id);
                    up.exec();
                    insertAssignment(db, c.contractId, seat->personId, next.role, item.label, next.need, next.reportsTo,
                                     day, seat->to);
                }
            }
            break;
        }
        case core::ChangeItem::Kind::SubcontractorAdd:
            ensureSubcontractor(db, c.contractId, item.subcontractor, day);
            break;
        case core::ChangeItem::Kind::Method: {
            // The old method stays on record up to the day before; the new one holds from `day`.
            SQLite::Statement close(db, "UPDATE compliance_method SET valid_to = ? WHERE contract_id = ? AND item = ? "
                                        "AND valid_to IS NULL");
            close.bind(1, core::formatIsoDate(dayBefore(day)));
            close.bind(2, c.contractId);
            close.bind(3, item.label);
            close.exec();
            SQLite::Statement ins(db, "INSERT INTO compliance_method (contract_id, item, method, valid_from) VALUES "
                                      "(?,?,?,?)");
            ins.bind(1, c.contractId);
            ins.bind(2, item.label);
            ins.bind(3, item.fields.front().second);
            ins.bind(4, core::formatIsoDate(day));
            ins.exec();
            break;
        }
        case core::ChangeItem::Kind::SubcontractorRemove: {
            SQLite::Statement up(db, "UPDATE contract_subcontractor SET valid_to = ?1 WHERE contract_id = ?2 AND "
                                     "subcontractor_id = (SELECT id FROM subcontractor WHERE name = ?3) AND "
                                     "coalesce(valid_to, '9999-99-99') >= ?4");
            up.bind(1, core::formatIsoDate(dayBefore(day)));
            up.bind(2, c.contractId);
            up.bind(3, item.subcontractor);
            up.bind(4, core::formatIsoDate(day));
            if (up.exec() == 0)
                throw Error(ErrorCode::IllegalState, where + ": “" + item.subcontractor +
                                                         "” is not a subcontractor of the contract on " +
                                                         core::formatIsoDate(day));
            break;
        }
        }
    }
    if (auto clash = firstClash(db, c.contractId))
        throw Error(ErrorCode::IllegalState, where + " cannot be applied: " + clash->second);
}

} // namespace

ChangeSets::ChangeSets(Vault& vault) : m_vault(vault)
{
    if (vault.schemaVersion() < 3)
        throw Error(ErrorCode::IllegalState, "the registry's schema is too old; open it for writing once to upgrade");
}

std::int64_t ChangeSets::create(std::int64_t contractId, const Date& effective, const std::string& reason, bool late)
{
    if (reason.empty())
        throw Error(ErrorCode::InvalidInput, "reason: say why the roster or structure changes", "reason");
    return write(m_vault, "saving the change set", [&](SQLite::Database& db, AuditLog& audit) {
        SQLite::Statement exists(db, "SELECT 1 FROM contract WHERE id = ?");
        exists.bind(1, contractId);
        if (!exists.executeStep())
            throw Error(ErrorCode::NotFound, "no contract with id " + std::to_string(contractId), "contract");
        SQLite::Statement ins(db, "INSERT INTO change_set (contract_id, state, effective_on, reason, late) VALUES "
                                  "(?, 'draft', ?, ?, ?)");
        ins.bind(1, contractId);
        ins.bind(2, core::formatIsoDate(effective));
        ins.bind(3, reason);
        ins.bind(4, late ? 1 : 0);
        ins.exec();
        const std::int64_t id = db.getLastInsertRowid();
        audit.append("change.new", "change/" + std::to_string(id), nullptr, changeJson(load(db, id)));
        return id;
    });
}

core::ChangeSet ChangeSets::get(std::int64_t id) const { return load(VaultAccess::database(m_vault), id); }

std::vector<core::ChangeSet> ChangeSets::list(std::int64_t contractId) const
{
    SQLite::Statement q(VaultAccess::database(m_vault),
                        std::string("SELECT ") + kChangeColumns + " FROM change_set WHERE contract_id = ? ORDER BY id");
    q.bind(1, contractId);
    std::vector<core::ChangeSet> out;
    while (q.executeStep())
        out.push_back(readChange(q));
    return out;
}

void ChangeSets::addItems(std::int64_t id, const std::vector<core::ChangeItem>& items)
{
    write(m_vault, "saving the change set", [&](SQLite::Database& db, AuditLog& audit) {
        core::ChangeSet c = load(db, id);
        core::workflow::requireDraft(c);
        const json before = changeJson(c);
        for (const core::ChangeItem& item : items) {
            const std::string what = "change " + std::to_string(id) + ", " + item.label + ": ";
            switch (item.kind) {
            case core::ChangeItem::Kind::Join: {
                bool leavingHere = false;
                for (const auto& other : c.items)
                    leavingHere = leavingHere ||
                                  (other.kind == core::ChangeItem::Kind::Leave && other.label == item.join.label);
                if (seatOn(db, c.contractId, item.join.label, c.effective) && !leavingHere)
                    throw Error(ErrorCode::InvalidInput,
                                what + "the label is already someone's on " + core::formatIsoDate(c.effective) +
                                    "; give the incoming person a free label",
                                "label");
                break;
            }
            case core::ChangeItem::Kind::Leave:
            case core::ChangeItem::Kind::Set:
                if (!seatOn(db, c.contractId, item.label, c.effective)) {
                    bool joining = false;
                    for (const auto& other : c.items)
                        joining = joining || (other.kind == core::ChangeItem::Kind::Join && other.join.label == item.label);
                    if (!joining)
                        throw Error(ErrorCode::InvalidInput,
                                    what + "nobody with this label is on the roster on " +
                                        core::formatIsoDate(c.effective),
                                    "label");
                }
                for (const auto& [field, value] : item.fields)
                    core::validateSetField(field, value);
                break;
            case core::ChangeItem::Kind::Method:
                if (!isComplianceItem(item.label))
                    throw Error(ErrorCode::InvalidInput,
                                "item: “" + item.label + "” is not a clause; give 1 (the structure) or 2 … 17", "item");
                if (item.fields.size() != 1 || item.fields.front().first != "method" ||
                    item.fields.front().second.empty())
                    throw Error(ErrorCode::InvalidInput, "method: the new compliance method's text is required",
                                "method");
                break;
            case core::ChangeItem::Kind::SubcontractorAdd:
            case core::ChangeItem::Kind::SubcontractorRemove:
                if (item.subcontractor.empty())
                    throw Error(ErrorCode::InvalidInput, "name: the subcontractor's name is required", "name");
                break;
            }
            c.items.push_back(item);
        }
        store(db, c);
        audit.append("change.edit", "change/" + std::to_string(id), before, changeJson(c));
    });
}

namespace {
template <typename Step>
void transition(Vault& vault, std::int64_t id, const char* action, Step&& step)
{
    write(vault, "saving the change set", [&](SQLite::Database& db, AuditLog& audit) {
        core::ChangeSet c = load(db, id);
        const json before = changeJson(c);
        step(db, c);
        store(db, c);
        audit.append(action, "change/" + std::to_string(id), before, changeJson(c));
    });
}
} // namespace

void ChangeSets::submit(std::int64_t id, const Date& on, const std::string& how)
{
    transition(m_vault, id, "change.submit", [&](SQLite::Database& db, core::ChangeSet& c) {
        core::workflow::submit(c, on, how);
        // Two pending sets that change the same people would overwrite each other.
        SQLite::Statement others(db, std::string("SELECT ") + kChangeColumns +
                                         " FROM change_set WHERE contract_id = ? AND id <> ? AND state IN ('submitted', "
                                         "'consented')");
        others.bind(1, c.contractId);
        others.bind(2, c.id);
        const auto mine = core::touchedLabels(c);
        while (others.executeStep()) {
            const core::ChangeSet other = readChange(others);
            for (const auto& label : core::touchedLabels(other))
                if (std::find(mine.begin(), mine.end(), label) != mine.end())
                    throw Error(ErrorCode::IllegalState,
                                "cannot submit change " + std::to_string(c.id) + ": change " + std::to_string(other.id) +
                                    " (" + core::changeStateId(other.state) + ", effective " +
                                    core::formatIsoDate(other.effective) + ") also changes " + label +
                                    ". Apply or withdraw that one first, or put both changes in one set");
        }
    });
}

void ChangeSets::consent(std::int64_t id, const Date& on, const std::string& by)
{
    transition(m_vault, id, "change.consent",
               [&](SQLite::Database&, core::ChangeSet& c) { core::workflow::consent(c, on, by); });
}

void ChangeSets::reject(std::int64_t id, const Date& on, const std::string& reason)
{
    transition(m_vault, id, "change.reject",
               [&](SQLite::Database&, core::ChangeSet& c) { core::workflow::reject(c, on, reason); });
}

void ChangeSets::withdraw(std::int64_t id, const Date& on)
{
    transition(m_vault, id, "change.withdraw",
               [&](SQLite::Database&, core::ChangeSet& c) { core::workflow::withdraw(c, on); });
}

Date ChangeSets::apply(std::int64_t id)
{
    Date day{};
    transition(m_vault, id, "change.apply", [&](SQLite::Database& db, core::ChangeSet& c) {
        day = core::workflow::applyDate(c);
        applyItems(db, c, day);
        c.state = core::ChangeState::Applied;
        c.appliedFrom = day;
    });
    return day;
}

ChangeSets::Preview ChangeSets::preview(std::int64_t id)
{
    SQLite::Database& db = VaultAccess::database(m_vault);
    const core::ChangeSet c = load(db, id);
    Registry registry(m_vault);
    Preview p;
    p.on = c.state == core::ChangeState::Consented ? core::workflow::applyDate(c) : c.effective;
    if (c.state == core::ChangeState::Applied) {
        p.on = *c.appliedFrom;
        p.before = registry.roster(c.contractId, dayBefore(p.on));
        p.after = registry.roster(c.contractId, p.on);
        return p;
    }
    p.before = registry.roster(c.contractId, p.on);
    try {
        SQLite::Transaction scratch(db); // rolled back: the preview is computed, never stored
        applyItems(db, c, p.on);
        p.after = registry.roster(c.contractId, p.on);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        rethrowSqlite(e, "computing the roster after the change");
    }
    return p;
}

} // namespace meibo::db
