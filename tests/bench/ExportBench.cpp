// The whole signed bundle for a 50- and a 1,000-person contract, against LibreOffice headless
// converting the same DOCX files to PDF, in the same run.

#include "Bench.h"

#include "meibo/core/Model.h"
#include "meibo/forms/Export.h"
#include "meibo/forms/Signing.h"

#include <QGuiApplication>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace meibo::bench {

namespace {

forms::RosterDocumentInput roster(int people)
{
    forms::RosterDocumentInput in;
    in.organization.name = "株式会社ベンチマーク";
    in.contract.code = "BENCH";
    in.contract.title = "令和8年度産業保安等調査研究事業（ベンチマーク）";
    in.contract.start = *core::parseIsoDate("2026-04-01");
    in.contract.end = *core::parseIsoDate("2027-03-31");
    in.contract.signedOn = in.contract.start;
    in.asOf = *core::parseIsoDate("2026-06-01");
    in.generated = "2026-06-01";
    in.auditHead = "1234:0123456789abcdef";
    const int managers = std::max(2, people / 25);
    for (int i = 0; i < people; ++i) {
        core::RosterEntry e;
        e.role = i == 0 ? core::Role::Responsible : i <= managers ? core::Role::Manager : core::Role::Worker;
        e.label = i == 0 ? "A" : (i <= managers ? "M" : "W") + std::to_string(i);
        e.reportsTo = i == 0 ? "" : i <= managers ? "A" : "M" + std::to_string(1 + i % managers);
        e.person.name = "従事者 " + std::to_string(i);
        e.person.address = "東京都千代田区霞が関一丁目" + std::to_string(i) + "番";
        e.person.birthDate = core::parseIsoDate("1985-05-05");
        e.person.department = "調査研究部";
        e.person.title = "研究員";
        e.person.nationality = i % 10 ? "JP" : "US";
        e.person.residenceStatus = i % 10 ? core::ResidenceStatus::Japanese : core::ResidenceStatus::Other;
        e.person.passportNo = i % 10 ? "" : "X1234567";
        e.need = "調査を担当";
        e.personId = i + 1;
        e.person.trackRecord = "産業保安分野の調査研究" + std::to_string(3 + i % 7) + "件";
        in.entries.push_back(e);
    }
    return in;
}

/// Clause 4): a qualification and a training for everyone (what the disclosure prints).
forms::DisclosureFacts disclosure(const forms::RosterDocumentInput& roster)
{
    forms::DisclosureFacts facts;
    for (const auto& e : roster.entries)
        facts.expertise[e.personId] = {
            {0, e.personId, false, "情報処理安全確保支援士", core::parseIsoDate("2021-04-01"), "IPA"},
            {0, e.personId, true, "情報セキュリティ研修", core::parseIsoDate("2026-04-10"), "社内"}};
    facts.subcontractors.push_back({0, "株式会社ベンチ分析", "", "", "資本金1千万円", "本社"});
    return facts;
}

struct Sample {
    double ms;     ///< a fresh process's first bundle (fonts, Qt and Graphviz start cold)
    double warmMs; ///< the same process's second bundle
    long peakKiB;
};

/// One bundle, in a child process so that its peak memory is its own.
Sample bundleOnce(const forms::ExportInput& input, const std::string& dir)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return {0, 0, 0};
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        double ms[2] = {0, 0};
        try {
            std::filesystem::create_directories(dir);
            for (int run = 0; run < 2; ++run) {
                const std::string target = dir + (run ? "/warm" : "");
                std::filesystem::create_directories(target);
                const auto start = Clock::now();
                const auto files = forms::buildBundle(input, target);
                forms::writeBundle(target, files);
                ms[run] = msSince(start);
            }
        } catch (const std::exception& e) {
            // Never let the child return into the parent's loop.
            std::cerr << "meibo-bench export: " << e.what() << "\n";
            ::_exit(1);
        }
        if (::write(fds[1], ms, sizeof ms) < 0)
            ::_exit(1);
        ::_exit(0);
    }
    ::close(fds[1]);
    double ms[2] = {-1, -1};
    if (::read(fds[0], ms, sizeof ms) != sizeof ms)
        ms[0] = ms[1] = -1;
    ::close(fds[0]);
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    return {ms[0], ms[1], usage.ru_maxrss};
}

double libreOfficeOnce(const std::string& dir, const std::string& home)
{
    const std::string cmd = "HOME=" + home + " soffice --headless --convert-to pdf --outdir " + dir + "/lo " + dir +
                            "/form4-roster.docx " + dir + "/structure.docx > /dev/null 2>&1";
    const auto start = Clock::now();
    const int rc = std::system(cmd.c_str());
    const double ms = msSince(start);
    return rc == 0 ? ms : -1;
}

} // namespace

int runOneBundle(int people, const std::string& dir)
{
    int argc = 1;
    char name[] = "meibo-bench";
    char* argv[] = {name, nullptr};
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    forms::ExportInput input;
    input.roster = roster(people);
    input.disclosure = disclosure(input.roster);
    input.identity = forms::generateSelfSigned("ベンチマーク署名者", "株式会社ベンチマーク");
    input.generatedAt = "2026-06-01T09:00:00Z";
    std::filesystem::create_directories(dir);
    const auto start = Clock::now();
    forms::writeBundle(dir, forms::buildBundle(input, dir));
    std::printf("%d people: bundle %.0f ms (this process's first)\n", people, msSince(start));
    return 0;
}

int runExportBench(bool json, int quick)
{
    int argc = 1;
    char name[] = "meibo-bench";
    char* argv[] = {name, nullptr};
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const std::string root =
        (std::filesystem::temp_directory_path() / ("meibo-bench-export-" + std::to_string(::getpid()))).string();
    std::filesystem::create_directories(root);
    const auto identity = forms::generateSelfSigned("ベンチマーク署名者", "株式会社ベンチマーク");
    // --quick (a smoke run): 5 people, one bundle, no LibreOffice.
    const bool haveLibreOffice = !quick && std::system("command -v soffice > /dev/null 2>&1") == 0;
    nlohmann::json out{{"benchmark", "export"},
                       {"note", "bundle = form 4, the structure diagram and the clause-4 disclosure as signed PDF and DOCX, CSV, XLSX, PNG, SVG, "
                                "signed manifest, written to disk; cold = a fresh process's first bundle, warm = its second; "
                                "libreoffice = a fresh soffice --headless converting the two DOCX of the same bundle to "
                                "PDF (one process, both files)"},
                       {"libreoffice", haveLibreOffice},
                       {"quick", quick != 0}};
    const int rounds = quick ? 1 : 7;
    for (int people : quick ? std::vector<int>{5} : std::vector<int>{50, 1000}) {
        forms::ExportInput input;
        input.roster = roster(people);
        input.disclosure = disclosure(input.roster);
        input.identity = identity;
        input.generatedAt = "2026-06-01T09:00:00Z";
        std::vector<double> bundle, warm, lo;
        long peak = 0;
        std::string last;
        for (int r = 0; r < rounds; ++r) {
            last = root + "/b" + std::to_string(people) + "-" + std::to_string(r);
            const Sample s = bundleOnce(input, last);
            bundle.push_back(s.ms);
            warm.push_back(s.warmMs);
            peak = std::max(peak, s.peakKiB);
            if (haveLibreOffice && r < 3)
                lo.push_back(libreOfficeOnce(last, root + "/home"));
        }
        if (std::any_of(bundle.begin(), bundle.end(), [](double ms) { return ms < 0; })) {
            std::cerr << "meibo-bench export: a bundle for " << people << " people failed (see above)\n";
            std::filesystem::remove_all(root);
            return 1;
        }
        const Stats b = Stats::of(bundle);
        const Stats w = Stats::of(warm);
        const Stats l = Stats::of(lo);
        const std::string key = std::to_string(people);
        out["bundle_" + key] = b.json();
        out["bundle_warm_" + key] = w.json();
        out["peak_rss_mib_" + key] = peak / 1024.0;
        if (haveLibreOffice) {
            out["libreoffice_" + key] = l.json();
            out["speedup_vs_libreoffice_" + key] = l.median / b.median; // both start cold
            out["speedup_warm_vs_libreoffice_" + key] = l.median / w.median;
        }
        if (!json) {
            std::printf("%5d people: bundle median %.0f ms cold (p95 %.0f), %.0f ms warm; peak %.1f MiB", people, b.median,
                        b.p95, w.median, peak / 1024.0);
            if (haveLibreOffice)
                std::printf("; LibreOffice DOCX->PDF median %.0f ms; speedup %.1fx cold, %.1fx warm", l.median,
                            l.median / b.median, l.median / w.median);
            std::printf("\n");
        }
    }
    std::filesystem::remove_all(root);
    if (json)
        std::cout << out.dump(2) << "\n";
    return 0;
}

} // namespace meibo::bench
