#include "AuditLog.h"

#include "Sodium.h"

#include <SQLiteCpp/Statement.h>

#include <ctime>

namespace meibo::db {

namespace {

using Hash = std::array<std::uint8_t, 32>;

void feed(crypto_generichash_state& st, const std::string& field)
{
    std::uint8_t len[8];
    for (int i = 0; i < 8; ++i)
        len[i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(field.size()) >> (8 * i));
    crypto_generichash_update(&st, len, sizeof len);
    crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(field.data()), field.size());
}

Hash entryHash(const SecureBuffer& key, const Hash& prev, std::int64_t seq, const std::vector<std::string>& fields)
{
    crypto_generichash_state st;
    crypto_generichash_init(&st, key.data(), key.size(), 32);
    crypto_generichash_update(&st, prev.data(), prev.size());
    feed(st, std::to_string(seq));
    for (const auto& f : fields)
        feed(st, f);
    Hash h{};
    crypto_generichash_final(&st, h.data(), h.size());
    return h;
}

std::string hex(const Hash& h)
{
    char out[65];
    sodium_bin2hex(out, sizeof out, h.data(), h.size());
    return out;
}

std::string nowIso()
{
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &local);
    return buf;
}

std::string text(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

} // namespace

AuditLog::AuditLog(SQLite::Database& db, const SecureBuffer& key, std::string officer, std::string osUser,
                   std::string keySlot)
    : m_db(db), m_key(key), m_officer(std::move(officer)), m_osUser(std::move(osUser)), m_keySlot(std::move(keySlot))
{
}

void AuditLog::append(const std::string& action, const std::string& entity, const nlohmann::json& before,
                      const nlohmann::json& after)
{
    Hash prev{};
    std::int64_t seq = 1;
    {
        SQLite::Statement last(m_db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        if (last.executeStep()) {
            seq = last.getColumn(0).getInt64() + 1;
            std::memcpy(prev.data(), last.getColumn(1).getBlob(), prev.size());
        }
    }
    const std::string at = nowIso();
    const std::string b = before.is_null() ? std::string() : before.dump();
    const std::string a = after.is_null() ? std::string() : after.dump();
    const Hash h = entryHash(m_key, prev, seq, {at, m_officer, m_osUser, m_keySlot, action, entity, b, a});
    SQLite::Statement ins(m_db, "INSERT INTO audit_log (seq, at, officer, os_user, key_slot, action, entity, before, "
                                "after, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    ins.bind(1, seq);
    ins.bind(2, at);
    ins.bind(3, m_officer);
    ins.bind(4, m_osUser);
    ins.bind(5, m_keySlot);
    ins.bind(6, action);
    ins.bind(7, entity);
    if (before.is_null())
        ins.bind(8);
    else
        ins.bind(8, b);
    if (after.is_null())
        ins.bind(9);
    else
        ins.bind(9, a);
    ins.bind(10, prev.data(), static_cast<int>(prev.size()));
    ins.bind(11, h.data(), static_cast<int>(h.size()));
    ins.exec();
    SQLite::Statement head(m_db, "INSERT INTO meta (key, value) VALUES ('audit_head', ?) "
                                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    head.bind(1, std::to_string(seq) + ":" + hex(h));
    head.exec();
}

AuditLog::Verification AuditLog::verify(SQLite::Database& db, const SecureBuffer& key)
{
    Verification v;
    Hash prev{};
    std::int64_t expected = 1;
    SQLite::Statement q(db, "SELECT seq, at, officer, os_user, key_slot, action, entity, before, after, prev_hash, hash "
                            "FROM audit_log ORDER BY seq");
    auto fail = [&](std::string problem) {
        v.ok = false;
        v.problem = std::move(problem);
        return v;
    };
    while (q.executeStep()) {
        const std::int64_t seq = q.getColumn(0).getInt64();
        if (seq != expected)
            return fail(seq > expected ? "entry " + std::to_string(expected) + " is missing (the log jumps from " +
                                             std::to_string(expected - 1) + " to " + std::to_string(seq) + ")"
                                       : "entry " + std::to_string(seq) + " is out of order");
        const SQLite::Column prevCol = q.getColumn(9), hashCol = q.getColumn(10);
        if (prevCol.getBytes() != 32 || hashCol.getBytes() != 32 ||
            std::memcmp(prevCol.getBlob(), prev.data(), 32) != 0)
            return fail("entry " + std::to_string(seq) + " does not follow entry " + std::to_string(seq - 1) +
                        " (an entry was inserted, removed or replaced there)");
        const Hash h = entryHash(key, prev, seq,
                                 {text(q.getColumn(1)), text(q.getColumn(2)), text(q.getColumn(3)), text(q.getColumn(4)),
                                  text(q.getColumn(5)), text(q.getColumn(6)), text(q.getColumn(7)),
                                  text(q.getColumn(8))});
        if (std::memcmp(hashCol.getBlob(), h.data(), 32) != 0)
            return fail("entry " + std::to_string(seq) + " was changed after it was written (its hash does not match)");
        prev = h;
        ++expected;
        ++v.entries;
    }
    SQLite::Statement head(db, "SELECT value FROM meta WHERE key = 'audit_head'");
    const std::string recorded = head.executeStep() ? head.getColumn(0).getString() : std::string();
    const std::string actual = v.entries ? std::to_string(v.entries) + ":" + hex(prev) : std::string();
    if (recorded != actual)
        return fail("the log ends at entry " + std::to_string(v.entries) + " but its recorded head is entry " +
                    (recorded.empty() ? std::string("0") : recorded.substr(0, recorded.find(':'))) +
                    " (entries were cut off the end)");
    return v;
}

} // namespace meibo::db
