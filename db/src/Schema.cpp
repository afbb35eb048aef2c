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
                              "). Update Meibo to open it; the file was not changed");
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
