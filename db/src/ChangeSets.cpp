#include "meibo/db/ChangeSets.h"
#include "meibo/db/Compliance.h"

#include "RegistrySupport.h"

#include "meibo/db/Registry.h"

namespace meibo::db {

using namespace detail;

namespace {

Date dayBefore(const Date& d) { return Date{std::chrono::sys_days{d} - std::chrono::days{1}}; }

/// An incoming person's row as stored in the change set: every field of the table, plus the
/// person it was identified as when the item was added.
json rowJson(const core::ImportRow& r)
{
    json j = json::object();
    for (const core::RosterField& f : core::rosterFields()) {
        const std::string v = f.get(r);
        j[std::string(f.key)] = v.empty() && f.nullable ? json(nullptr) : json(v);
    }
    j["role"] = core::roleId(r.role);
    if (r.personId)
        j["person_id"] = *r.personId;
    return j;
}

core::ImportRow rowFromJson(const json& j)
{
    core::ImportRow r;
    for (const core::RosterField& f : core::rosterFields())
        if (auto it = j.find(std::string(f.key)); it != j.end() && it->is_string())
            f.put(r, it->get<std::string>());
    r.role = core::parseRole(j.value("role", "worker")).value_or(core::Role::Worker);
    if (auto it = j.find("person_id"); it != j.end() && it->is_number_integer())
        r.personId = it->get<std::int64_t>();
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
        throw Error(ErrorCode::NotFound, "there is no change set " + std::to_string(id), "change",
                    "変更届 " + std::to_string(id) + " はありません。",
                    Fix{"", "", "`meibo-cli change list --contract C` shows them.",
                        "`meibo-cli change list --contract 契約` で一覧できます。"});
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

/// Writes the set into the registry from `day` (inside the caller's transaction): the roster that
/// core::rosterAfter computes — the same engine as the preview — stored as assignments ended and
/// begun, and people's records changed from that day through the history rule.
void applyItems(SQLite::Database& db, AuditLog& audit, const core::ChangeSet& c, const Date& day)
{
    const std::string where = "change " + std::to_string(c.id);
    const std::string whereJa = "変更届 " + std::to_string(c.id);
    const core::FieldContext context{day};
    const std::vector<core::RosterEntry> before = rosterOn(db, c.contractId, day);
    const std::vector<core::RosterEntry> after = core::rosterAfter(before, c, day, context);
    auto entry = [](const std::vector<core::RosterEntry>& roster, const std::string& label) {
        return std::find_if(roster.begin(), roster.end(), [&](const core::RosterEntry& e) { return e.label == label; });
    };
    const json note = {{"change", c.id}};
    // In rosterAfter's order: leaving, joining, then the rest.
    for (const core::ChangeItem& item : c.items) {
        if (item.kind != core::ChangeItem::Kind::Leave)
            continue;
        auto seat = seatOn(db, c.contractId, item.label, day);
        if (seat->from && *seat->from >= day)
            throw Error(ErrorCode::IllegalState,
                        where + ": " + item.label + " only joins on " + core::formatIsoDate(*seat->from), "label",
                        whereJa + "：記号 " + item.label + " の人は " + core::formatIsoDate(*seat->from) +
                            " に加わる予定のため、それより前に外すことはできません。");
        SQLite::Statement up(db, "UPDATE assignment SET valid_to = ? WHERE id = ?");
        up.bind(1, core::formatIsoDate(dayBefore(day)));
        up.bind(2, seat->id);
        up.exec();
    }
    for (const core::ChangeItem& item : c.items) {
        if (item.kind != core::ChangeItem::Kind::Join)
            continue;
        const core::PersonData& p = item.join.person;
        if (!p.organization.empty())
            ensureSubcontractor(db, c.contractId, p.organization, day);
        std::int64_t personId = 0;
        if (item.join.personId) {
            // Identified when the item was added (core::identify); their record changes from `day`.
            personId = *item.join.personId;
            const auto current = versionOf(db, personId, day);
            if (!current)
                throw Error(ErrorCode::NotFound, where + ": person " + std::to_string(personId) + " is not registered",
                            "person", whereJa + "：番号 " + std::to_string(personId) + " の人は登録されていません。");
            writePersonRecord(db, audit, personId, core::mergePerson(current->second, p), day, "change.person",
                              c.contractId, note);
        } else {
            personId = insertPerson(db, audit, p, "change.person", note);
        }
        insertAssignment(db, c.contractId, personId, core::roleId(item.join.role), item.join.label, item.join.need,
                         item.join.reportsTo, day, std::nullopt);
    }
    for (const core::ChangeItem& item : c.items) {
        switch (item.kind) {
        case core::ChangeItem::Kind::Set: {
            auto seat = seatOn(db, c.contractId, item.label, day);
            const core::RosterEntry& next = *entry(after, item.label);
            writePersonRecord(db, audit, seat->personId, next.person, day, "change.person", c.contractId, note);
            const std::string role = core::roleId(next.role);
            if (role != seat->role || next.need != seat->need || next.reportsTo != seat->reportsTo) {
                if (seat->from && *seat->from == day) {
                    SQLite::Statement up(db, "UPDATE assignment SET role = ?, need = ?, reports_to = ? WHERE id = ?");
                    up.bind(1, role);
                    up.bind(2, next.need);
                    up.bind(3, next.reportsTo);
                    up.bind(4, seat->id);
                    up.exec();
                } else {
                    SQLite::Statement up(db, "UPDATE assignment SET valid_to = ? WHERE id = ?");
                    up.bind(1, core::formatIsoDate(dayBefore(day)));
                    up.bind(2, seat->id);
                    up.exec();
                    insertAssignment(db, c.contractId, seat->personId, role, item.label, next.need, next.reportsTo, day,
                                     seat->to);
                }
            }
            break;
        }
        case core::ChangeItem::Kind::Join:
        case core::ChangeItem::Kind::Leave: break;
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
                throw Error(ErrorCode::IllegalState,
                            where + ": “" + item.subcontractor + "” is not a subcontractor of the contract on " +
                                core::formatIsoDate(day),
                            "subcontractor",
                            whereJa + "：「" + item.subcontractor + "」は " + core::formatIsoDate(day) +
                                " の時点でこの契約の再委託先ではありません。");
            break;
        }
        }
    }
    if (auto clash = firstClash(db, c.contractId))
        throw Error(ErrorCode::IllegalState, where + " cannot be applied: " + clash->message, "label",
                    whereJa + " は反映できません：" + clash->messageJa);
}

} // namespace

ChangeSets::ChangeSets(Vault& vault) : m_vault(vault)
{
    if (vault.schemaVersion() < 3)
        throw schemaTooOld();
}

std::int64_t ChangeSets::create(std::int64_t contractId, const Date& effective, const std::string& reason, bool late)
{
    if (reason.empty())
        throw Error(ErrorCode::InvalidInput, "say why the roster or structure changes", "reason",
                    "名簿または体制を変更する理由を入力してください。");
    return write(m_vault, "saving the change set", [&](SQLite::Database& db, AuditLog& audit) {
        SQLite::Statement exists(db, "SELECT 1 FROM contract WHERE id = ?");
        exists.bind(1, contractId);
        if (!exists.executeStep())
            throw Error(ErrorCode::NotFound, "no contract with id " + std::to_string(contractId), "contract",
                        "契約（番号 " + std::to_string(contractId) + "）は登録されていません。");
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
    return read("reading the registry", [&]() -> std::vector<core::ChangeSet> {
        SQLite::Statement q(VaultAccess::database(m_vault),
                            std::string("SELECT ") + kChangeColumns + " FROM change_set WHERE contract_id = ? ORDER BY id");
        q.bind(1, contractId);
        std::vector<core::ChangeSet> out;
        while (q.executeStep())
            out.push_back(readChange(q));
        return out;
    });
}

void ChangeSets::addItems(std::int64_t id, const std::vector<core::ChangeItem>& items)
{
    write(m_vault, "saving the change set", [&](SQLite::Database& db, AuditLog& audit) {
        core::ChangeSet c = load(db, id);
        core::workflow::requireDraft(c);
        const json before = changeJson(c);
        const std::string contractCode = loadContract(db, c.contractId).code;
        for (const core::ChangeItem& item : items) {
            const std::string what = "change " + std::to_string(id) + ", " + item.label + ": ";
            const std::string whatJa = "変更届 " + std::to_string(id) + "、記号 " + item.label + "：";
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
                                "label",
                                whatJa + core::formatIsoDate(c.effective) +
                                    " にはこの記号を他の人が使っています。加わる人には空いている記号を付けてください。");
                // Who joins is decided now (core::identify), so that the ministry is told of the
                // person the registry will record.
                core::ImportRow row = item.join;
                row.validFrom = c.effective;
                core::IdentityCandidates candidates = identityCandidates(db, c.contractId, row);
                candidates.labelHolder.reset(); // a label passing on in this set was checked above
                const core::Identity who = core::identify(row, candidates, false, contractCode);
                core::ChangeItem stored = item;
                if (!who.isNew)
                    stored.join.personId = who.personId;
                c.items.push_back(std::move(stored));
                continue;
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
                                    "label",
                                    whatJa + core::formatIsoDate(c.effective) + " の名簿にこの記号の人はいません。");
                }
                {
                    core::ChangeItem stored = item;
                    for (auto& [field, value] : stored.fields)
                        value = core::checkSetField(field, value, core::FieldContext{c.effective});
                    c.items.push_back(std::move(stored));
                    continue;
                }
            case core::ChangeItem::Kind::Method:
                if (!isComplianceItem(item.label))
                    throw Error(ErrorCode::InvalidInput,
                                "“" + item.label + "” is not a clause; give 1 (the structure) or 2 … 17", "item",
                                "「" + item.label + "」は条項の番号ではありません。1（体制）または 2～17 を指定してください。");
                if (item.fields.size() != 1 || item.fields.front().first != "method" ||
                    item.fields.front().second.empty())
                    throw Error(ErrorCode::InvalidInput, "the new compliance method's text is required",
                                "method", "新しい遵守の方法を入力してください。");
                break;
            case core::ChangeItem::Kind::SubcontractorAdd:
            case core::ChangeItem::Kind::SubcontractorRemove:
                if (item.subcontractor.empty())
                    throw Error(ErrorCode::InvalidInput, "the subcontractor's name is required", "name",
                                "再委託先の名称を入力してください。");
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
        if constexpr (std::is_invocable_v<Step, SQLite::Database&, AuditLog&, core::ChangeSet&>)
            step(db, audit, c);
        else
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
                                    ". Apply or withdraw that one first, or put both changes in one set",
                                "label",
                                "変更届 " + std::to_string(c.id) + " は提出できません：変更届 " +
                                    std::to_string(other.id) + "（" + core::formatIsoDate(other.effective) +
                                    " 発効）も記号 " + label +
                                    " を変更します。先にそちらを反映するか取り下げるか、両方の変更を1つの変更届にまとめてください。");
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
    transition(m_vault, id, "change.apply", [&](SQLite::Database& db, AuditLog& audit, core::ChangeSet& c) {
        day = core::workflow::applyDate(c);
        applyItems(db, audit, c, day);
        c.state = core::ChangeState::Applied;
        c.appliedFrom = day;
    });
    return day;
}

ChangeSets::Preview ChangeSets::preview(std::int64_t id)
{
    // A read: the roster before, and core::rosterAfter over it — no transaction, no writer lock.
    SQLite::Database& db = VaultAccess::database(m_vault);
    try {
        const core::ChangeSet c = load(db, id);
        Preview p;
        p.on = c.state == core::ChangeState::Consented ? core::workflow::applyDate(c) : c.effective;
        if (c.state == core::ChangeState::Applied) {
            p.on = *c.appliedFrom;
            p.before = rosterOn(db, c.contractId, dayBefore(p.on));
            p.after = rosterOn(db, c.contractId, p.on);
            return p;
        }
        p.before = rosterOn(db, c.contractId, p.on);
        p.after = core::rosterAfter(p.before, c, p.on, core::FieldContext{p.on});
        // Someone registered who joins: their record as it will read, the row's values over it.
        for (core::RosterEntry& e : p.after)
            if (e.assignmentId == 0 && e.personId != 0)
                if (auto v = versionOf(db, e.personId, p.on))
                    e.person = core::mergePerson(v->second, e.person);
        return p;
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        rethrowSqlite(e, "computing the roster after the change");
    }
}

} // namespace meibo::db
