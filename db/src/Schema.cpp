#include "Schema.h"

#include "meibo/core/Error.h"

#include <SQLiteCpp/Transaction.h>

#include <string>
#include <vector>

namespace meibo::db {

namespace {
struct Migration {
    int version;
    const char* sql;
};

// Ordered, append-only: a released migration is never edited, a new one is added.
const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> list = {
        {1, R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
CREATE TABLE organization (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    name           TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    representative TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO organization (id) VALUES (1);
)sql"},
        // The form-4 roster: contracts, subcontractors, people (effective-dated versions), their
        // qualifications, assignments to contracts, and the hash-chained audit log.
        {2, R"sql(
ALTER TABLE organization ADD COLUMN capital_officers TEXT NOT NULL DEFAULT '';
ALTER TABLE organization ADD COLUMN work_places TEXT NOT NULL DEFAULT '';
CREATE TABLE contract (
    id                         INTEGER PRIMARY KEY,
    code                       TEXT NOT NULL UNIQUE,
    title                      TEXT NOT NULL,
    signed_on                  TEXT,
    start_on                   TEXT NOT NULL,
    end_on                     TEXT NOT NULL,
    addressee                  TEXT NOT NULL DEFAULT '',
    ministry_contact           TEXT NOT NULL DEFAULT '',
    personal_data_requested_on TEXT,
    CHECK (start_on <= end_on)
) STRICT;
CREATE TABLE subcontractor (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE,
    address          TEXT NOT NULL DEFAULT '',
    representative   TEXT NOT NULL DEFAULT '',
    capital_officers TEXT NOT NULL DEFAULT '',
    work_places      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE contract_subcontractor (
    id               INTEGER PRIMARY KEY,
    contract_id      INTEGER NOT NULL REFERENCES contract (id),
    subcontractor_id INTEGER NOT NULL REFERENCES subcontractor (id),
    valid_from       TEXT,
    valid_to         TEXT
) STRICT;
CREATE TABLE person (
    id         INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE person_version (
    id               INTEGER PRIMARY KEY,
    person_id        INTEGER NOT NULL REFERENCES person (id),
    valid_from       TEXT,
    valid_to         TEXT,
    name             TEXT NOT NULL,
    name_kana        TEXT NOT NULL DEFAULT '',
    address          TEXT NOT NULL DEFAULT '',
    birth_date       TEXT,
    department       TEXT NOT NULL DEFAULT '',
    title            TEXT NOT NULL DEFAULT '',
    nationality      TEXT NOT NULL DEFAULT '',
    residence_status TEXT,
    passport_no      TEXT NOT NULL DEFAULT '',
    subcontractor_id INTEGER REFERENCES subcontractor (id),
    track_record     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX person_version_by_person ON person_version (person_id);
CREATE INDEX person_version_by_name ON person_version (name, birth_date);
CREATE TABLE qualification (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person (id),
    training    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    obtained_on TEXT,
    issuer      TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE assignment (
    id          INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contract (id),
    person_id   INTEGER NOT NULL REFERENCES person (id),
    role        TEXT NOT NULL CHECK (role IN ('responsible', 'manager', 'worker', 'subcontractor')),
    label       TEXT NOT NULL,
    need        TEXT NOT NULL DEFAULT '',
    reports_to  TEXT NOT NULL DEFAULT '',
    valid_from  TEXT,
    valid_to    TEXT
) STRICT;
CREATE INDEX assignment_by_contract ON assignment (contract_id, label);
CREATE INDEX assignment_by_person ON assignment (contract_id, person_id);
CREATE TABLE audit_log (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    officer   TEXT NOT NULL,
    os_user   TEXT NOT NULL,
    key_slot  TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    prev_hash BLOB NOT NULL,
    hash      BLOB NOT NULL
) STRICT;
)sql"},
        // Advance notice of changes: change sets (変更届) and the date the initial roster was agreed.
        {3, R"sql(
ALTER TABLE contract ADD COLUMN roster_consented_on TEXT;
CREATE TABLE change_set (
    id               INTEGER PRIMARY KEY,
    contract_id      INTEGER NOT NULL REFERENCES contract (id),
    state            TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'consented', 'rejected', 'applied',
                                                    'withdrawn')),
    effective_on     TEXT NOT NULL,
    reason           TEXT NOT NULL,
    late             INTEGER NOT NULL DEFAULT 0,
    submitted_on     TEXT,
    submitted_how    TEXT NOT NULL DEFAULT '',
    consented_on     TEXT,
    consented_by     TEXT NOT NULL DEFAULT '',
    rejected_on      TEXT,
    rejection_reason TEXT NOT NULL DEFAULT '',
    withdrawn_on     TEXT,
    applied_from     TEXT,
    items            TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX change_set_by_contract ON change_set (contract_id);
)sql"},
        // The certificate and key that sign exported documents (kept only inside the registry).
        {4, R"sql(
CREATE TABLE signing_identity (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    certificate_pem TEXT NOT NULL,
    private_key_pem TEXT NOT NULL,
    signer          TEXT NOT NULL,
    source          TEXT NOT NULL,
    stored_at       TEXT NOT NULL
) STRICT;
)sql"},
        // The status report (実施状況報告書) with its revisions, its schedule settings per contract, the
        // evidence registers behind it, and the compliance methods (clause 1's 確認書類).
        {5, R"sql(
ALTER TABLE contract ADD COLUMN report_months INTEGER NOT NULL DEFAULT 6 CHECK (report_months BETWEEN 1 AND 12);
ALTER TABLE contract ADD COLUMN report_align TEXT NOT NULL DEFAULT 'contract' CHECK (report_align IN ('contract', 'fiscal'));
ALTER TABLE contract ADD COLUMN report_due_days INTEGER NOT NULL DEFAULT 14;
ALTER TABLE contract ADD COLUMN incident_report_days INTEGER NOT NULL DEFAULT 1;
CREATE TABLE status_report (
    id           INTEGER PRIMARY KEY,
    contract_id  INTEGER NOT NULL REFERENCES contract (id),
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    revision     INTEGER NOT NULL DEFAULT 1,
    revision_of  INTEGER REFERENCES status_report (id),
    state        TEXT NOT NULL CHECK (state IN ('draft', 'final')),
    finalized_on TEXT,
    audit_head   TEXT NOT NULL DEFAULT '',
    answers      TEXT NOT NULL,
    CHECK (period_start <= period_end)
) STRICT;
CREATE INDEX status_report_by_contract ON status_report (contract_id, period_end);
CREATE TABLE register_entry (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('training', 'software', 'cloud', 'incident', 'information', 'audit')),
    contract_id INTEGER NOT NULL REFERENCES contract (id),
    fields      TEXT NOT NULL,
    ended_on    TEXT,
    end_note    TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX register_entry_by_contract ON register_entry (contract_id, kind);
CREATE TABLE compliance_method (
    id          INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contract (id),
    item        TEXT NOT NULL,
    method      TEXT NOT NULL,
    valid_from  TEXT,
    valid_to    TEXT
) STRICT;
CREATE INDEX compliance_method_by_contract ON compliance_method (contract_id, item);
)sql"},
    };
    return list;
}
} // namespace

int latestSchemaVersion() { return migrations().back().version; }

void migrate(SQLite::Database& db, const std::function<void(int, int)>& beforeFirst)
{
    const int current = db.execAndGet("PRAGMA user_version").getInt();
    const int latest = latestSchemaVersion();
    if (current > latest)
        throw core::Error(core::ErrorCode::UnsupportedVersion,
                          "this registry was written by a newer Meibo (schema " + std::to_string(current) +
                              "; this Meibo knows up to " + std::to_string(latest) +
                              "). Update Meibo to open it; the file was not changed", std::string(), "この名簿ファイルは新しい版の Meibo で作られています（スキーマ " + std::to_string(current) + "。この Meibo は " + std::to_string(latest) + " まで）。Meibo を更新してから開いてください。ファイルは変更していません。");
    if (current == latest)
        return;
    if (beforeFirst)
        beforeFirst(current, latest);
    for (const Migration& m : migrations()) {
        if (m.version <= current)
            continue;
        SQLite::Transaction tx(db);
        db.exec(m.sql);
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
    }
}

} // namespace meibo::db
