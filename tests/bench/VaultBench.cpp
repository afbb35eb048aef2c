// The registry against plain SQLite: open, one committed edit, full scan — at 100, 1,000 and
// 10,000 handlers with ten audit rows each. The three targets run interleaved, round by round, so
// that whatever the machine does meanwhile falls on all of them alike.
//
// What is measured is the storage layer (the encrypting VFS, the journal, the page checks at open),
// so both sides hold the same rows in the same tables of the benchmark's own (bench_handler,
// bench_audit), never the registry's schema: a change to the person table cannot break it again.
// From db's internals it uses only VaultAccess::database and beforeWrite.

#include "Bench.h"
#include "VaultAccess.h"

#include "meibo/db/Vault.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <random>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace meibo::bench {

namespace {

const std::string kPass = "benchmark passphrase";

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS bench_handler (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_kana TEXT, address TEXT, birth_date TEXT,
    department TEXT, title TEXT, nationality TEXT, passport_no TEXT, organization TEXT, need TEXT);
CREATE TABLE IF NOT EXISTS bench_audit (
    id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,
    before TEXT, after TEXT, hash BLOB NOT NULL);
)sql";

enum class Kind { Registry, PlainDelete, PlainWal };
const char* kindName(Kind k)
{
    switch (k) {
    case Kind::Registry: return "registry";
    case Kind::PlainDelete: return "sqlite_delete";
    case Kind::PlainWal: return "sqlite_wal";
    }
    return "";
}

struct Target {
    Kind kind;
    std::string path;
    std::unique_ptr<db::Vault> vault;
    std::unique_ptr<SQLite::Database> plain;

    SQLite::Database& database() { return vault ? db::VaultAccess::database(*vault) : *plain; }

    void open()
    {
        if (kind == Kind::Registry) {
            vault = std::make_unique<db::Vault>(db::Vault::open(path, db::Secret::passphrase(kPass)));
            return;
        }
        plain = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 5000);
        plain->exec("PRAGMA temp_store = MEMORY");
        plain->exec("PRAGMA synchronous = EXTRA");
        plain->exec(kind == Kind::PlainWal ? "PRAGMA journal_mode = WAL" : "PRAGMA journal_mode = DELETE");
        // The same verification the registry does at open, so "open" means the same on both sides.
        plain->execAndGet("PRAGMA quick_check(1)");
    }
    void close()
    {
        vault.reset();
        plain.reset();
    }
};

std::string text(std::mt19937& rng, std::size_t n)
{
    static const char* words[] = {"東京都", "千代田区", "霞が関", "一丁目", "情報", "管理", "部", "課長",
                                  "山田", "花子", "研究員", "株式会社", "Tokyo", "Suzuki", "2026"};
    std::string out;
    while (out.size() < n)
        out += words[rng() % (sizeof words / sizeof *words)];
    return out;
}

void populate(SQLite::Database& d, int handlers)
{
    std::mt19937 rng(static_cast<unsigned>(handlers));
    d.exec(kSchema);
    SQLite::Transaction tx(d);
    SQLite::Statement person(d, "INSERT INTO bench_handler (name, name_kana, address, birth_date, department, title, "
                                "nationality, passport_no, organization, need) VALUES (?,?,?,?,?,?,?,?,?,?)");
    SQLite::Statement audit(d, "INSERT INTO bench_audit (at, actor, entity, before, after, hash) VALUES (?,?,?,?,?,?)");
    for (int i = 0; i < handlers; ++i) {
        person.bind(1, text(rng, 12));
        person.bind(2, text(rng, 18));
        person.bind(3, text(rng, 48));
        person.bind(4, "1980-04-01");
        person.bind(5, text(rng, 15));
        person.bind(6, text(rng, 9));
        person.bind(7, i % 10 ? "JP" : "US");
        person.bind(8, i % 10 ? "" : "TZ1234567");
        person.bind(9, "");
        person.bind(10, text(rng, 60));
        person.exec();
        person.reset();
        for (int a = 0; a < 10; ++a) {
            const std::string blob(32, static_cast<char>(rng()));
            audit.bind(1, "2026-11-25T10:00:00+09:00");
            audit.bind(2, "officer");
            audit.bind(3, "person/" + std::to_string(i + 1));
            audit.bind(4, text(rng, 80));
            audit.bind(5, text(rng, 80));
            audit.bind(6, blob.data(), static_cast<int>(blob.size()));
            audit.exec();
            audit.reset();
        }
    }
    tx.commit();
}

void commitOneEdit(Target& t, std::mt19937& rng, int handlers)
{
    if (t.vault)
        db::VaultAccess::beforeWrite(*t.vault); // what every real write does (the daily backup check)
    SQLite::Database& d = t.database();
    SQLite::Transaction tx(d);
    SQLite::Statement up(d, "UPDATE bench_handler SET title = ? WHERE id = ?");
    up.bind(1, text(rng, 9));
    up.bind(2, static_cast<int>(1 + rng() % static_cast<unsigned>(handlers)));
    up.exec();
    SQLite::Statement ins(d, "INSERT INTO bench_audit (at, actor, entity, before, after, hash) VALUES (?,?,?,?,?,?)");
    const std::string blob(32, 'h');
    ins.bind(1, "2026-11-25T10:00:00+09:00");
    ins.bind(2, "officer");
    ins.bind(3, "person/1");
    ins.bind(4, text(rng, 80));
    ins.bind(5, text(rng, 80));
    ins.bind(6, blob.data(), static_cast<int>(blob.size()));
    ins.exec();
    tx.commit();
}

std::int64_t fullScan(Target& t)
{
    SQLite::Database& d = t.database();
    sqlite3_db_release_memory(d.getHandle()); // cold page cache: every page comes through the VFS
    std::int64_t total = d.execAndGet("SELECT sum(length(name) + length(address) + length(need)) FROM bench_handler")
                             .getInt64();
    total += d.execAndGet("SELECT sum(length(before) + length(after)) FROM bench_audit").getInt64();
    return total;
}

long peakMemoryKiB(Target& t, int handlers)
{
    // In a child, so the figure is this target's alone.
    const pid_t pid = ::fork();
    if (pid == 0) {
        try {
            std::mt19937 rng(1);
            t.close();
            t.open();
            fullScan(t);
            for (int i = 0; i < 10; ++i)
                commitOneEdit(t, rng, handlers);
            t.close();
        } catch (...) {
            ::_exit(1);
        }
        ::_exit(0);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    return usage.ru_maxrss;
}

} // namespace

int runVaultBench(bool json, int quick)
{
    const std::string dir = (std::filesystem::temp_directory_path() / ("meibo-bench-" + std::to_string(::getpid())))
                                .string();
    std::filesystem::create_directories(dir);
    // --quick: a smoke run (tiny size, one round of each), its figures meaningless.
    const std::vector<int> sizes = quick ? std::vector<int>{20} : std::vector<int>{100, 1000, 10000};
    const int openRounds = quick ? 1 : 9;
    const int commitRounds = quick ? 1 : 60;
    const int scanRounds = quick ? 1 : 9;
    nlohmann::json out{{"benchmark", "vault"},
                       {"note", "registry = encrypted (VFS shim, XChaCha20-Poly1305 pages), journal_mode=DELETE, "
                                "synchronous=EXTRA; sqlite_delete = plain SQLite, same modes; sqlite_wal = plain SQLite "
                                "in WAL mode. open = open + verification (registry: every page authenticated + "
                                "quick_check, KDF at its cheapest so it is excluded; plain: quick_check)."},
                       {"quick", quick != 0},
                       {"sizes", nlohmann::json::object()}};
    if (!json)
        std::printf("%-8s %-14s %12s %12s %12s %12s %12s %12s %10s\n", "handlers", "target", "open med", "open p95",
                    "commit med", "commit p95", "scan med", "scan p95", "peak MiB");
    for (int handlers : sizes) {
        std::vector<Target> targets;
        for (Kind k : {Kind::Registry, Kind::PlainDelete, Kind::PlainWal})
            targets.push_back(Target{k, dir + "/" + std::to_string(handlers) + "-" + kindName(k) + ".db", {}, {}});
        // Build each database once.
        {
            db::CreateOptions options;
            options.kdf = db::KdfSettings::fastForTests();
            db::Vault::create(targets[0].path, db::SecureBuffer::fromString(kPass), options);
        }
        for (Target& t : targets) {
            t.open();
            if (t.vault)
                db::VaultAccess::beforeWrite(*t.vault); // today's backup now, not inside the timings
            populate(t.database(), handlers);
            t.close();
        }
        std::vector<std::vector<double>> opens(3), commits(3), scans(3);
        for (int r = 0; r < openRounds; ++r)
            for (std::size_t i = 0; i < targets.size(); ++i) {
                const auto start = Clock::now();
                targets[i].open();
                opens[i].push_back(msSince(start));
                targets[i].close();
            }
        for (Target& t : targets)
            t.open();
        std::mt19937 rng(7);
        for (int r = 0; r < commitRounds; ++r)
            for (std::size_t i = 0; i < targets.size(); ++i) {
                const auto start = Clock::now();
                commitOneEdit(targets[i], rng, handlers);
                commits[i].push_back(msSince(start));
            }
        std::int64_t checksum[3] = {0, 0, 0};
        for (int r = 0; r < scanRounds; ++r)
            for (std::size_t i = 0; i < targets.size(); ++i) {
                const auto start = Clock::now();
                checksum[i] = fullScan(targets[i]);
                scans[i].push_back(msSince(start));
            }
        nlohmann::json size{{"file_bytes", nlohmann::json::object()}};
        Stats o[3], c[3], s[3];
        for (std::size_t i = 0; i < targets.size(); ++i) {
            o[i] = Stats::of(opens[i]);
            c[i] = Stats::of(commits[i]);
            s[i] = Stats::of(scans[i]);
            const long peak = peakMemoryKiB(targets[i], handlers);
            size[kindName(targets[i].kind)] = {{"open", o[i].json()},
                                               {"commit", c[i].json()},
                                               {"scan", s[i].json()},
                                               {"peak_rss_mib", peak / 1024.0},
                                               {"scan_checksum", checksum[i]}};
            size["file_bytes"][kindName(targets[i].kind)] = std::filesystem::file_size(targets[i].path);
            if (!json)
                std::printf("%-8d %-14s %12.2f %12.2f %12.2f %12.2f %12.2f %12.2f %10.1f\n", handlers,
                            kindName(targets[i].kind), o[i].median, o[i].p95, c[i].median, c[i].p95, s[i].median,
                            s[i].p95, peak / 1024.0);
        }
        size["ratios"] = {{"commit_vs_same_mode", c[0].median / c[1].median},
                          {"commit_vs_wal", c[0].median / c[2].median},
                          {"scan_vs_same_mode", s[0].median / s[1].median},
                          {"open_vs_same_mode", o[0].median / o[1].median}};
        if (!json)
            std::printf("%-8s ratios: commit %.3fx same mode, %.3fx WAL; scan %.2fx; open %.2fx\n", "",
                        c[0].median / c[1].median, c[0].median / c[2].median, s[0].median / s[1].median,
                        o[0].median / o[1].median);
        const std::string key = std::to_string(handlers);
        out["sizes"][key] = size;
        out["commit_ratio_" + key] = c[0].median / c[1].median;
        out["scan_ratio_" + key] = s[0].median / s[1].median;
        out["open_ms_" + key] = o[0].median;
        for (Target& t : targets)
            t.close();
    }
    std::filesystem::remove_all(dir);
    if (json)
        std::cout << out.dump(2) << "\n";
    return 0;
}

} // namespace meibo::bench
