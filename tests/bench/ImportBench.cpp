// A 1,000-person roster CSV: parse (libcsv + validation) and import (one transaction, one audit
// entry per row) into a fresh registry, five times; medians printed. Then the same roster as the
// officers' files hold it, read by core::readRosterFile: UTF-8, Japanese Excel's CP932 CSV and an
// .xlsx workbook (written here with libxlsxwriter) — the cost of detecting and converting the
// encoding and of unzipping the workbook, against the UTF-8 baseline. --quick: 20 people, once.
// Only the public API (core::parseRosterCsv, core::readRosterFile, db::Registry), so it follows the
// person record as it changes.

#include "Bench.h"

#include "meibo/core/Csv.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/RosterFile.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Vault.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

#include <unicode/ucnv.h>
#include <xlsxwriter.h>

namespace meibo::bench {

namespace {
/// The UTF-8 text in CP932 (ICU's windows-31j), as Japanese Excel saves "CSV".
std::string toCp932(const std::string& utf8)
{
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() * 2 + 16, '\0');
    const int32_t n = ucnv_convert("windows-31j", "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                   static_cast<int32_t>(utf8.size()), &status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU cannot write CP932: ") + u_errorName(status));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

/// The CSV's records as one sheet of an .xlsx workbook (strings only, as an officer's sheet holds).
std::string toXlsx(const std::string& csv, const std::string& path)
{
    lxw_workbook* book = workbook_new(path.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(book, "様式4");
    const core::CsvRead read = core::readCsv(csv);
    for (std::size_t r = 0; r < read.records.size(); ++r)
        for (std::size_t c = 0; c < read.records[r].fields.size(); ++c)
            if (!read.records[r].fields[c].empty())
                worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                       read.records[r].fields[c].c_str(), nullptr);
    if (workbook_close(book) != LXW_NO_ERROR)
        throw std::runtime_error("libxlsxwriter could not write " + path);
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
} // namespace

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

    // The same roster in the formats officers have, each read (detected, converted, validated) by
    // readRosterFile. What varies is the way in, not the rows: every format must give no issue.
    struct Format {
        const char* key;
        std::string fileName, bytes;
        std::vector<double> ms;
    };
    std::vector<Format> formats;
    formats.push_back({"utf8_csv", "roster.csv", csv, {}});
    formats.push_back({"cp932_csv", "roster.csv", toCp932(csv), {}});
    formats.push_back({"xlsx", "roster.xlsx", toXlsx(csv, dir + "/roster.xlsx"), {}});
    core::RosterFileOptions options;
    options.today = core::todayLocal();
    for (int round = 0; round < rounds; ++round)
        for (auto& f : formats) {
            options.fileName = f.fileName;
            const auto start = Clock::now();
            const auto parsed = core::readRosterFile(f.bytes, options);
            f.ms.push_back(msSince(start));
            if (!parsed.issues.empty() || parsed.rows.size() != static_cast<std::size_t>(people)) {
                std::cerr << "meibo-bench import: the " << f.key << " roster does not read back:\n"
                          << core::formatIssues(parsed.issues) << "\n";
                std::filesystem::remove_all(dir);
                return 1;
            }
        }
    std::filesystem::remove_all(dir);
    const Stats p = Stats::of(parse), i = Stats::of(import);
    const double base = Stats::of(formats.front().ms).median;
    if (json) {
        nlohmann::json out{{"benchmark", "import"}, {"quick", quick != 0}, {"people", people},
                           {"parse", p.json()}, {"import", i.json()},
                           {"import_" + std::to_string(people) + "_ms", p.median + i.median}};
        for (const auto& f : formats) {
            const Stats st = Stats::of(f.ms);
            out["read_file"][f.key] = st.json();
            out["read_file"][f.key]["ratio_vs_utf8"] = base > 0 ? st.median / base : 0.0;
        }
        std::cout << out.dump(2) << "\n";
    } else {
        std::printf("%d-person roster CSV: parse %.1f ms (p95 %.1f), import %.1f ms (p95 %.1f), total %.1f ms\n",
                    people, p.median, p.p95, i.median, i.p95, p.median + i.median);
        for (const auto& f : formats) {
            const Stats st = Stats::of(f.ms);
            std::printf("  read as %-9s %.1f ms (p95 %.1f), %.2fx the UTF-8 CSV\n", f.key, st.median, st.p95,
                        base > 0 ? st.median / base : 0.0);
        }
    }
    return 0;
}

} // namespace meibo::bench
