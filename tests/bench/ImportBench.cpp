// A 1,000-person roster CSV: parse (libcsv + validation) and import (one transaction, one audit
// entry per row) into a fresh registry, five times; medians printed. --quick: 20 people, once.
// Only the public API (core::parseRosterCsv, db::Registry), so it follows the person record as it
// changes.

#include "Bench.h"

#include "meibo/core/RosterCsv.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Vault.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace meibo::bench {

int runImportBench(bool json, int quick)
{
    const int people = quick ? 20 : 1000;
    const int rounds = quick ? 1 : 5;
    std::string csv = "role,label,name,name_kana,address,birth_date,department,title,nationality,residence_status,"
                      "passport_no,reports_to,need,valid_from\n"
                      "情報管理責任者,A,責任 者,せきにん しゃ,東京都千代田区霞が関1-3-1,1970-01-01,情報セキュリティ部,部長,JP,日本国籍,,,"
                      "全責任,2026-04-01\n";
    for (int i = 1; i < people; ++i)
        csv += "業務従事者,W" + std::to_string(i) + ",従事者 " + std::to_string(i) + ",じゅうじしゃ,東京都港区芝公園4-2-8," +
               "1990-01-01,調査研究部,研究員," + (i % 10 ? "JP,日本国籍,," : "US,その他,X1234567,") + "A,調査を担当," +
               "2026-04-01\n";
    const std::string dir =
        (std::filesystem::temp_directory_path() / ("meibo-bench-import-" + std::to_string(::getpid()))).string();
    std::filesystem::create_directories(dir);
    std::vector<double> parse, import;
    for (int round = 0; round < rounds; ++round) {
        const std::string path = dir + "/r" + std::to_string(round) + ".meibo";
        db::CreateOptions options;
        options.kdf = db::KdfSettings::fastForTests();
        db::Vault::create(path, db::SecureBuffer::fromString("bench passphrase"), options);
        db::Vault vault = db::Vault::open(path, db::Secret::passphrase("bench passphrase"));
        db::Registry reg(vault);
        core::Contract c;
        c.code = "BENCH";
        c.title = "bench";
        c.start = *core::parseIsoDate("2026-04-01");
        c.end = *core::parseIsoDate("2027-03-31");
        c.id = reg.addContract(c);
        auto start = Clock::now();
        const auto parsed = core::parseRosterCsv(csv, core::todayLocal());
        parse.push_back(msSince(start));
        if (!parsed.issues.empty()) {
            // The benchmark's own CSV no longer reads: say so instead of timing an import of nothing.
            std::cerr << "meibo-bench import: the generated roster has problems:\n" << core::formatIssues(parsed.issues)
                      << "\n";
            std::filesystem::remove_all(dir);
            return 1;
        }
        start = Clock::now();
        reg.importRoster(c.id, parsed);
        import.push_back(msSince(start));
    }
    std::filesystem::remove_all(dir);
    const Stats p = Stats::of(parse), i = Stats::of(import);
    if (json)
        std::cout << nlohmann::json{{"benchmark", "import"}, {"quick", quick != 0}, {"people", people},
                                    {"parse", p.json()}, {"import", i.json()},
                                    {"import_" + std::to_string(people) + "_ms", p.median + i.median}}
                         .dump(2)
                  << "\n";
    else
        std::printf("%d-person roster CSV: parse %.1f ms (p95 %.1f), import %.1f ms (p95 %.1f), total %.1f ms\n",
                    people, p.median, p.p95, i.median, i.p95, p.median + i.median);
    return 0;
}

} // namespace meibo::bench
