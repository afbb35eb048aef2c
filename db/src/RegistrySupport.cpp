// The registry's shared store helpers (declared in RegistrySupport.h): binding dates, reading
// people and roster rows, the one way a person's record changes, the identity and history lookups.

#include "RegistrySupport.h"

#include <pwd.h>
#include <unistd.h>

namespace meibo::db::detail {

std::string osUser()
{
    const passwd* pw = ::getpwuid(::getuid());
    return pw ? pw->pw_name : std::to_string(::getuid());
}

std::optional<Date> dateOf(const SQLite::Column& c)
{
    if (c.isNull())
        return std::nullopt;
    return core::parseIsoDate(c.getString());
}

void bindDate(SQLite::Statement& s, int index, const std::optional<Date>& d)
{
    if (d)
        s.bind(index, core::formatIsoDate(*d));
    else
        s.bind(index);
}

json dateJson(const std::optional<Date>& d)
{
    return d ? json(core::formatIsoDate(*d)) : json(nullptr);
}

json personJson(const core::PersonData& p)
{
    core::RosterRow row;
    row.person = p;
    json out = json::object();
    for (const core::RosterField* f : core::personFields()) {
        const std::string v = f->get(row);
        out[std::string(f->key)] = v.empty() && f->nullable ? json(nullptr) : json(v);
    }
    return out;
}

json contractJson(const core::Contract& c)
{
    return {{"code", c.code},
            {"title", c.title},
            {"signed", dateJson(c.signedOn)},
            {"start", core::formatIsoDate(c.start)},
            {"end", core::formatIsoDate(c.end)},
            {"addressee", c.addressee},
            {"ministry_contact", c.ministryContact},
            {"personal_data_requested", dateJson(c.personalDataRequestedOn)},
            {"roster_consented", dateJson(c.rosterConsentedOn)},
            {"report_months", c.reportMonths},
            {"report_align", c.reportFiscalAlign ? "fiscal" : "contract"},
            {"report_due_days", c.reportDueDays},
            {"incident_report_days", c.incidentReportDays}};
}

core::Role roleFromId(const std::string& id)
{
    for (core::Role r : {core::Role::Responsible, core::Role::Manager, core::Role::Worker, core::Role::Subcontractor})
        if (id == core::roleId(r))
            return r;
    return core::Role::Worker;
}

void validatePerson(core::PersonData& p)
{
    const core::FieldContext context{core::todayLocal()};
    core::RosterRow row;
    row.person = std::move(p);
    for (const core::RosterField* f : core::personFields())
        core::setRosterField(row, *f, f->get(row), context);
    p = std::move(row.person);
}

void validatePeriod(const std::optional<Date>& from, const std::optional<Date>& to)
{
    if (from && to && *to < *from)
        throw Error(ErrorCode::InvalidInput,
                    "valid_to (" + core::formatIsoDate(*to) + ") is before valid_from (" + core::formatIsoDate(*from) +
                        ")",
                    "valid_to",
                    "終了日（" + core::formatIsoDate(*to) + "）が開始日（" + core::formatIsoDate(*from) +
                        "）より前です。");
}

Error schemaTooOld()
{
    return Error(ErrorCode::IllegalState, "the registry's schema is too old; open it for writing once to upgrade", "",
                 "名簿ファイルの形式が古いため、この操作はできません。一度書き込みできる状態で開くと更新されます。");
}

std::optional<Clash> firstClash(SQLite::Database& db, std::int64_t contractId)
{
    SQLite::Statement labels(db,
                             std::string("SELECT a.id, b.id, a.label FROM assignment a JOIN assignment b ON "
                                         "a.contract_id = b.contract_id AND a.id < b.id AND a.label = b.label AND ") +
                                 kOverlap + " WHERE a.contract_id = ? LIMIT 1");
    labels.bind(1, contractId);
    if (labels.executeStep())
        return Clash{labels.getColumn(1).getInt64(),
                     "label " + labels.getColumn(2).getString() +
                         " is used by two people at the same time; each person needs their own label",
                     "記号 " + labels.getColumn(2).getString() +
                         " が同じ期間に2人に使われています。記号は1人に1つです。"};
    SQLite::Statement people(db, std::string("SELECT a.id, b.id, a.label, b.label FROM assignment a JOIN assignment b "
                                             "ON a.contract_id = b.contract_id AND a.id < b.id AND a.person_id = "
                                             "b.person_id AND ") +
                                     kOverlap + " WHERE a.contract_id = ? LIMIT 1");
    people.bind(1, contractId);
    if (people.executeStep())
        return Clash{people.getColumn(1).getInt64(),
                     "the same person would be on the roster twice at the same time (labels " +
                         people.getColumn(2).getString() + " and " + people.getColumn(3).getString() +
                         "); end one assignment before the other begins",
                     "同じ人が同じ期間に名簿へ2度載ることになります（記号 " + people.getColumn(2).getString() + " と " +
                         people.getColumn(3).getString() + "）。一方の担当を終えてから、もう一方を始めてください。"};
    return std::nullopt;
}

std::optional<std::int64_t> subcontractorId(SQLite::Database& db, const std::string& name)
{
    SQLite::Statement q(db, "SELECT id FROM subcontractor WHERE name = ?");
    q.bind(1, name);
    if (q.executeStep())
        return q.getColumn(0).getInt64();
    return std::nullopt;
}

std::int64_t requireSubcontractor(SQLite::Database& db, const std::string& name)
{
    if (auto id = subcontractorId(db, name))
        return *id;
    throw Error(ErrorCode::NotFound, "“" + name + "” is not a known subcontractor", "organization",
                "「" + name + "」は登録されている再委託先ではありません。",
                Fix{"Add it to the contract's subcontractors first (Edit ▸ Contract).",
                    "先に契約の再委託先に追加してください。",
                    "Add it first with `meibo-cli subcontractor add --name …`.",
                    "先に `meibo-cli subcontractor add --name …` で追加してください。"});
}

std::string personColumn(const core::RosterField& f)
{
    return f.key == "organization" ? "subcontractor_id" : std::string(f.key);
}

const std::string& personColumnNames()
{
    static const std::string names = [] {
        std::string out;
        for (const core::RosterField* f : core::personFields())
            out += (out.empty() ? "" : ", ") + personColumn(*f);
        return out;
    }();
    return names;
}

const std::string& personColumnsRead()
{
    static const std::string names = [] {
        std::string out;
        for (const core::RosterField* f : core::personFields())
            out += (out.empty() ? "" : ", ") +
                   (f->key == "organization" ? std::string("coalesce(s.name, '')") : "v." + std::string(f->key));
        return out;
    }();
    return names;
}

int bindPerson(SQLite::Statement& s, const core::PersonData& p, std::optional<std::int64_t> subId)
{
    core::RosterRow row;
    row.person = p;
    int i = 0;
    for (const core::RosterField* f : core::personFields()) {
        ++i;
        if (f->key == "organization") {
            if (subId)
                s.bind(i, *subId);
            else
                s.bind(i);
            continue;
        }
        const std::string v = f->get(row);
        if (v.empty() && f->nullable)
            s.bind(i);
        else
            s.bind(i, v);
    }
    return i;
}

void insertVersion(SQLite::Database& db, std::int64_t personId, const core::PersonData& p, std::optional<Date> from,
                   std::optional<Date> to, std::optional<std::int64_t> subId)
{
    static const std::string sql = [] {
        std::string marks;
        for (std::size_t i = 0; i < core::personFields().size() + 3; ++i)
            marks += i ? ",?" : "?";
        return "INSERT INTO person_version (" + personColumnNames() + ", person_id, valid_from, valid_to) VALUES (" +
               marks + ")";
    }();
    SQLite::Statement ins(db, sql);
    const int n = bindPerson(ins, p, subId);
    ins.bind(n + 1, personId);
    bindDate(ins, n + 2, from);
    bindDate(ins, n + 3, to);
    ins.exec();
}

void updateVersion(SQLite::Database& db, std::int64_t versionId, const core::PersonData& p,
                   std::optional<std::int64_t> subId)
{
    static const std::string sql = [] {
        std::string sets;
        for (const core::RosterField* f : core::personFields())
            sets += (sets.empty() ? "" : ", ") + personColumn(*f) + " = ?";
        return "UPDATE person_version SET " + sets + " WHERE id = ?";
    }();
    SQLite::Statement up(db, sql);
    const int n = bindPerson(up, p, subId);
    up.bind(n + 1, versionId);
    up.exec();
}

core::PersonData readPerson(SQLite::Statement& q, int first)
{
    core::RosterRow row;
    int i = first;
    for (const core::RosterField* f : core::personFields()) {
        const SQLite::Column c = q.getColumn(i++);
        f->put(row, c.isNull() ? std::string() : c.getString());
    }
    return row.person;
}

std::optional<std::pair<std::int64_t, core::PersonData>> versionOf(SQLite::Database& db, std::int64_t personId,
                                                                   std::optional<Date> asOf)
{
    // Without a day: the latest version (the open-ended one sorts last by valid_from).
    const std::string sql = std::string("SELECT v.id, ") + personColumnsRead() +
                            " FROM person_version v LEFT JOIN subcontractor s ON s.id = v.subcontractor_id "
                            "WHERE v.person_id = ?1" +
                            (asOf ? " AND coalesce(v.valid_from, '0000-00-00') <= ?2 AND "
                                    "coalesce(v.valid_to, '9999-99-99') >= ?2"
                                  : "") +
                            " ORDER BY coalesce(v.valid_from, '0000-00-00') DESC LIMIT 1";
    SQLite::Statement q(db, sql);
    q.bind(1, personId);
    if (asOf)
        q.bind(2, core::formatIsoDate(*asOf));
    if (!q.executeStep())
        return std::nullopt;
    return std::make_pair(q.getColumn(0).getInt64(), readPerson(q, 1));
}

std::vector<core::AgreedShowing> agreedShowings(SQLite::Database& db, std::int64_t personId)
{
    SQLite::Statement q(db, "SELECT c.id, c.code, c.roster_consented_on, a.valid_from, a.valid_to FROM assignment a "
                            "JOIN contract c ON c.id = a.contract_id WHERE a.person_id = ? AND "
                            "c.roster_consented_on IS NOT NULL ORDER BY c.code");
    q.bind(1, personId);
    std::vector<core::AgreedShowing> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), *dateOf(q.getColumn(2)),
                       dateOf(q.getColumn(3)), dateOf(q.getColumn(4))});
    return out;
}

std::optional<core::KnownPerson> knownPerson(SQLite::Database& db, std::int64_t personId)
{
    auto v = versionOf(db, personId, std::nullopt);
    if (!v)
        return std::nullopt;
    core::KnownPerson k{personId, v->second, {}};
    SQLite::Statement q(db, "SELECT DISTINCT c.code FROM assignment a JOIN contract c ON c.id = a.contract_id WHERE "
                            "a.person_id = ? ORDER BY c.code");
    q.bind(1, personId);
    while (q.executeStep())
        k.contracts.push_back(q.getColumn(0).getString());
    return k;
}

core::IdentityCandidates identityCandidates(SQLite::Database& db, std::int64_t contractId, const core::ImportRow& row)
{
    core::IdentityCandidates c;
    SQLite::Statement holder(db, "SELECT person_id FROM assignment WHERE contract_id = ? AND label = ? AND "
                                 "coalesce(valid_from, '0000-00-00') <= coalesce(?, '9999-99-99') AND "
                                 "coalesce(?, '0000-00-00') <= coalesce(valid_to, '9999-99-99') "
                                 "ORDER BY coalesce(valid_from, '0000-00-00') DESC LIMIT 1");
    holder.bind(1, contractId);
    holder.bind(2, row.label);
    bindDate(holder, 3, row.validTo);
    bindDate(holder, 4, row.validFrom);
    if (holder.executeStep())
        c.labelHolder = knownPerson(db, holder.getColumn(0).getInt64());
    if (row.personId)
        c.byId = knownPerson(db, *row.personId);
    if (row.person.birthDate) {
        SQLite::Statement same(db, "SELECT DISTINCT person_id FROM person_version WHERE name = ? AND birth_date = ? "
                                   "ORDER BY person_id");
        same.bind(1, core::tidyText(row.person.name));
        same.bind(2, core::formatIsoDate(*row.person.birthDate));
        while (same.executeStep()) {
            const std::int64_t id = same.getColumn(0).getInt64();
            if (c.labelHolder && c.labelHolder->id == id)
                continue;
            if (auto k = knownPerson(db, id); k && core::samePerson(k->person, row.person))
                c.sameNameAndBirth.push_back(*k);
        }
    }
    return c;
}

bool writePersonRecord(SQLite::Database& db, AuditLog& audit, std::int64_t personId, const core::PersonData& next,
                       std::optional<Date> from, const char* action, std::optional<std::int64_t> changingContract,
                       json context)
{
    auto latest = versionOf(db, personId, std::nullopt);
    if (!latest)
        throw Error(ErrorCode::NotFound, "no person with id " + std::to_string(personId), "person",
                    "番号 " + std::to_string(personId) + " の人は登録されていません。");
    // The version that the change starts in: the latest for a correction, the one in force on `from`.
    auto base = from ? versionOf(db, personId, *from) : latest;
    if (!base)
        base = latest;
    const auto changes = core::diffPerson(base->second, next);
    if (changes.empty())
        return false;
    SQLite::Statement span(db, "SELECT valid_from, valid_to FROM person_version WHERE id = ?");
    span.bind(1, base->first);
    span.executeStep();
    const auto baseFrom = dateOf(span.getColumn(0));
    const auto baseTo = dateOf(span.getColumn(1));
    const auto showings = agreedShowings(db, personId);
    core::requireHistoryOpen(base->second.name, showings, from ? from : baseFrom, from ? std::nullopt : baseTo,
                             changingContract);
    std::optional<std::int64_t> subId;
    if (!next.organization.empty())
        subId = requireSubcontractor(db, next.organization);
    if (!from || (baseFrom && *baseFrom == *from)) {
        updateVersion(db, base->first, next, subId);
    } else {
        SQLite::Statement later(db, "SELECT valid_from FROM person_version WHERE person_id = ? AND valid_from > ? "
                                    "ORDER BY valid_from LIMIT 1");
        later.bind(1, personId);
        later.bind(2, core::formatIsoDate(*from));
        if (later.executeStep())
            throw Error(ErrorCode::IllegalState,
                        "from: this person's record already changes on " + later.getColumn(0).getString() +
                            "; a change must start after the last one (apply change sets in the order of "
                            "their dates)",
                        "from",
                        "この人の記録は " + later.getColumn(0).getString() +
                            " から既に変わっています。変更はそれより後の日付から登録してください。");
        SQLite::Statement close(db, "UPDATE person_version SET valid_to = ? WHERE id = ?");
        close.bind(1, core::formatIsoDate(core::addDays(*from, -1)));
        close.bind(2, base->first);
        close.exec();
        insertVersion(db, personId, next, from, baseTo, subId);
    }
    json before = json::object(), after = std::move(context);
    for (const core::FieldChange& c : changes) {
        before[std::string(c.field->key)] = c.before;
        after[std::string(c.field->key)] = c.after;
    }
    if (from)
        after["effective"] = core::formatIsoDate(*from);
    audit.append(action, "person/" + std::to_string(personId), before, after);
    return true;
}

std::int64_t insertPerson(SQLite::Database& db, AuditLog& audit, const core::PersonData& p, const char* action,
                          json context)
{
    std::optional<std::int64_t> subId;
    if (!p.organization.empty())
        subId = requireSubcontractor(db, p.organization);
    SQLite::Statement ins(db, "INSERT INTO person (created_at) VALUES (datetime('now'))");
    ins.exec();
    const std::int64_t id = db.getLastInsertRowid();
    insertVersion(db, id, p, std::nullopt, std::nullopt, subId);
    if (action) {
        json after = personJson(p);
        for (auto& [k, v] : context.items())
            after[k] = v;
        audit.append(action, "person/" + std::to_string(id), nullptr, after);
    }
    return id;
}

std::vector<core::RosterEntry> readEntries(SQLite::Statement& q)
{
    std::vector<core::RosterEntry> out;
    while (q.executeStep()) {
        core::RosterEntry e;
        e.assignmentId = q.getColumn(0).getInt64();
        e.personId = q.getColumn(1).getInt64();
        e.label = q.getColumn(2).getString();
        e.role = roleFromId(q.getColumn(3).getString());
        e.need = q.getColumn(4).getString();
        e.reportsTo = q.getColumn(5).getString();
        e.validFrom = dateOf(q.getColumn(6));
        e.validTo = dateOf(q.getColumn(7));
        e.qualifications = q.getColumn(8).getInt();
        e.person = readPerson(q, 9);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<core::RosterEntry> rosterOn(SQLite::Database& db, std::int64_t contractId, const Date& asOf)
{
    SQLite::Statement q(
        db, std::string("SELECT a.id, a.person_id, a.label, a.role, a.need, a.reports_to, a.valid_from, a.valid_to, "
                        "(SELECT count(*) FROM qualification q WHERE q.person_id = a.person_id), ") +
                personColumnsRead() +
                " FROM assignment a JOIN person_version v ON v.person_id = a.person_id AND "
                "coalesce(v.valid_from, "
                "'0000-00-00') <= ?2 AND coalesce(v.valid_to, '9999-99-99') >= ?2 LEFT JOIN subcontractor s ON "
                "s.id = "
                "v.subcontractor_id WHERE a.contract_id = ?1 AND coalesce(a.valid_from, '0000-00-00') <= ?2 AND "
                "coalesce(a.valid_to, '9999-99-99') >= ?2 ORDER BY " +
                kRoleOrder + ", a.label");
    q.bind(1, contractId);
    q.bind(2, core::formatIsoDate(asOf));
    return readEntries(q);
}

core::Contract readContract(SQLite::Statement& q)
{
    core::Contract c;
    c.id = q.getColumn(0).getInt64();
    c.code = q.getColumn(1).getString();
    c.title = q.getColumn(2).getString();
    c.signedOn = dateOf(q.getColumn(3));
    c.start = *dateOf(q.getColumn(4));
    c.end = *dateOf(q.getColumn(5));
    c.addressee = q.getColumn(6).getString();
    c.ministryContact = q.getColumn(7).getString();
    c.personalDataRequestedOn = dateOf(q.getColumn(8));
    c.rosterConsentedOn = dateOf(q.getColumn(9));
    c.reportMonths = q.getColumn(10).getInt();
    c.reportFiscalAlign = q.getColumn(11).getString() == "fiscal";
    c.reportDueDays = q.getColumn(12).getInt();
    c.incidentReportDays = q.getColumn(13).getInt();
    return c;
}

void validateContract(const core::Contract& c)
{
    if (c.code.empty() || c.code.size() > 32)
        throw Error(ErrorCode::InvalidInput,
                    "a contract needs a short code of 1–32 characters (e.g. METI-2026-01)", "code",
                    "契約には1～32文字の短い記号を付けてください（例：METI-2026-01）。");
    bool digitsOnly = true;
    for (char ch : c.code) {
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '_' && ch != '.')
            throw Error(ErrorCode::InvalidInput,
                        "the code “" + c.code + "” may use only letters, digits, '-', '_' and '.'", "code",
                        "契約の記号「" + c.code + "」に使えるのは英字、数字、「-」「_」「.」だけです。");
        digitsOnly = digitsOnly && std::isdigit(static_cast<unsigned char>(ch));
    }
    if (digitsOnly)
        throw Error(ErrorCode::InvalidInput, "a code of digits only would be mistaken for a contract's number", "code",
                    "数字だけの記号は契約の番号と紛らわしいため使えません。英字を含めてください。");
    if (c.title.empty())
        throw Error(ErrorCode::InvalidInput, "the contract title (契約件名) is required", "title",
                    "契約件名は必須です。");
    if (c.incidentReportDays < 0 || c.incidentReportDays > 30)
        throw Error(ErrorCode::InvalidInput, "the days to report an incident must be 0–30", "incident-report-days",
                    "インシデント報告の期限は0～30日で指定してください。");
    (void)core::reportSchedule(c); // checks the settings
    if (c.end < c.start)
        throw Error(ErrorCode::InvalidInput,
                    "the contract ends (" + core::formatIsoDate(c.end) + ") before it starts (" +
                        core::formatIsoDate(c.start) + ")",
                    "end",
                    "契約の終了日（" + core::formatIsoDate(c.end) + "）が開始日（" + core::formatIsoDate(c.start) +
                        "）より前です。");
}

std::string auditHeadOf(SQLite::Database& db)
{
    SQLite::Statement q(db, "SELECT value FROM meta WHERE key = 'audit_head'");
    if (!q.executeStep())
        return {};
    const std::string head = q.getColumn(0).getString();
    const auto colon = head.find(':');
    return colon == std::string::npos ? head : head.substr(0, colon + 17);
}

core::Contract loadContract(SQLite::Database& db, std::int64_t contractId)
{
    SQLite::Statement q(db, std::string("SELECT ") + kContractColumns + " FROM contract WHERE id = ?");
    q.bind(1, contractId);
    if (!q.executeStep())
        throw Error(ErrorCode::NotFound, "no contract with id " + std::to_string(contractId), "contract",
                    "契約（番号 " + std::to_string(contractId) + "）は登録されていません。");
    return readContract(q);
}

void requireRosterOpen(SQLite::Database& db, std::int64_t contractId)
{
    SQLite::Statement q(db, "SELECT code, roster_consented_on FROM contract WHERE id = ?");
    q.bind(1, contractId);
    if (!q.executeStep())
        throw Error(ErrorCode::NotFound, "no contract with id " + std::to_string(contractId), "contract",
                    "契約（番号 " + std::to_string(contractId) + "）は登録されていません。");
    if (q.getColumn(1).isNull())
        return;
    const std::string code = q.getColumn(0).getString();
    throw Error(ErrorCode::IllegalState,
                "the roster of " + code + " was agreed with the ministry on " + q.getColumn(1).getString() +
                    " (8 ①): from then on it changes only with advance notice and consent",
                {},
                code + " の情報取扱者名簿は" + q.getColumn(1).getString() +
                    "に担当課室の同意を得ています（8 ①）。以後の変更は事前の届出と同意によってのみ行えます。",
                Fix{"Make a change set in the Changes view.", "変更届の画面で変更届を作成してください。",
                    "Make a change set: meibo-cli change new --contract " + code + " --effective YYYY-MM-DD --reason …",
                    "変更届を作成してください：meibo-cli change new --contract " + code +
                        " --effective YYYY-MM-DD --reason …"});
}

} // namespace meibo::db::detail
