// The officer's window on a large registry: 50 contracts, 5,000 people (one contract of 2,550 with
// its teams, 49 of 50), offscreen. open_ms: from the key derived (Vault::open with the fast KDF:
// the pages are still authenticated) to the dashboard painted with its findings; switch_ms: each
// view in turn, and changing the contract in the roster and structure views, each until nothing
// is left to load and the window is painted; peak_rss_mib: this process's peak (the registry is
// built in a child process so that its memory is not counted). --quick: 3 contracts, 60 people.

#include "Bench.h"

#include "ContractPicker.h"
#include "DashboardView.h"
#include "MainWindow.h"
#include "RosterView.h"
#include "Session.h"
#include "StructureView.h"

#include "meibo/core/RosterCsv.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Vault.h"

#include <QApplication>
#include <QTabWidget>
#include <QThreadPool>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace meibo::bench {

namespace {

const char* kPass = "bench passphrase";

std::string rosterCsv(int contract, int people)
{
    std::string csv = "role,label,name,address,birth_date,department,title,nationality,residence_status,"
                      "passport_no,reports_to,need,valid_from\n";
    const std::string tag = std::to_string(contract);
    csv += "情報管理責任者,A,責任者 " + tag + ",東京都千代田区霞が関1-3-1,1970-01-01,情報セキュリティ部,部長,JP,日本国籍,,,全責任,"
           "2026-04-01\n";
    // A manager per 50 people; everyone else reports to one of them (teams of about 50).
    const int managers = std::max(1, people / 50);
    for (int m = 1; m <= managers; ++m)
        csv += "情報取扱管理者,M" + std::to_string(m) + ",管理者 " + tag + "-" + std::to_string(m) +
               ",東京都港区芝公園4-2-8,1975-01-01,調査研究部,課長,JP,日本国籍,,A,進捗管理,2026-04-01\n";
    for (int i = managers + 1; i < people; ++i)
        csv += "業務従事者,W" + std::to_string(i) + ",従事者 " + tag + "-" + std::to_string(i) +
               ",東京都港区芝公園4-2-8,1990-01-01,調査研究部,研究員," + (i % 10 ? "JP,日本国籍,," : "US,その他,X1234567,") +
               "M" + std::to_string(1 + i % managers) + ",調査を担当,2026-04-01\n";
    return csv;
}

/// Builds the registry (in a child process: its memory is not the window's). Returns success.
bool buildRegistry(const std::string& path, int contracts, int bigPeople, int smallPeople)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        try {
            db::CreateOptions options;
            options.organizationName = "株式会社ベンチマーク";
            options.kdf = db::KdfSettings::fastForTests();
            db::Vault::create(path, db::SecureBuffer::fromString(kPass), options);
            db::Vault vault = db::Vault::open(path, db::Secret::passphrase(kPass));
            db::Registry reg(vault);
            core::Organization org;
            org.name = "株式会社ベンチマーク";
            org.address = "東京都千代田区丸の内1-1-1";
            org.representative = "代表取締役 見本 一郎";
            reg.setOrganization(org);
            db::ChangeSets changes(vault);
            for (int i = 1; i <= contracts; ++i) {
                core::Contract c;
                char code[32];
                std::snprintf(code, sizeof code, "BENCH-%02d", i);
                c.code = code;
                c.title = "令和8年度ベンチマーク調査事業 " + std::to_string(i);
                c.start = *core::parseIsoDate("2026-04-01");
                c.end = *core::parseIsoDate("2027-03-31");
                c.signedOn = c.start;
                c.addressee = "経済産業省ベンチマーク課長";
                c.id = reg.addContract(c);
                const auto parsed = core::parseRosterCsv(rosterCsv(i, i == 1 ? bigPeople : smallPeople),
                                                         *core::parseIsoDate("2026-06-01"));
                if (!parsed.issues.empty()) {
                    std::cerr << "meibo-bench gui: the generated roster has problems:\n"
                              << core::formatIssues(parsed.issues) << "\n";
                    ::_exit(1);
                }
                reg.importRoster(c.id, parsed);
                // A change notice waiting for consent, so the dashboard and the changes view have one.
                const auto id = changes.create(c.id, *core::parseIsoDate("2026-06-10"), "担当者の追加", false);
                core::ChangeItem item;
                item.kind = core::ChangeItem::Kind::Set;
                item.label = "W" + std::to_string(std::max(2, (i == 1 ? bigPeople : smallPeople) - 1));
                item.fields.emplace_back("title", "主任研究員");
                changes.addItems(id, {item});
                changes.submit(id, *core::parseIsoDate("2026-06-01"), "メール");
            }
        } catch (const std::exception& e) {
            std::cerr << "meibo-bench gui: " << e.what() << "\n";
            ::_exit(1);
        }
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/// Until nothing is left to do: events processed, no worker busy; then the window painted.
void settle(QWidget& window)
{
    for (;;) {
        QApplication::processEvents(QEventLoop::AllEvents);
        if (QThreadPool::globalInstance()->activeThreadCount() == 0) {
            QApplication::processEvents(QEventLoop::AllEvents);
            if (QThreadPool::globalInstance()->activeThreadCount() == 0)
                break;
        }
        QThreadPool::globalInstance()->waitForDone(5);
    }
    window.repaint();
}

} // namespace

int runGuiBench(bool json, int quick)
{
    const int contracts = quick ? 3 : 50;
    const int big = quick ? 30 : 2550, small = quick ? 15 : 50;
    const int people = big + (contracts - 1) * small;
    const std::string dir =
        (std::filesystem::temp_directory_path() / ("meibo-bench-gui-" + std::to_string(::getpid()))).string();
    std::filesystem::create_directories(dir);
    const std::string path = dir + "/bench.meibo";
    const auto built = Clock::now();
    if (!buildRegistry(path, contracts, big, small)) {
        std::filesystem::remove_all(dir);
        return 1;
    }
    const double buildMs = msSince(built);

    int argc = 1;
    char name[] = "meibo-bench";
    char* argv[] = {name, nullptr};
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MeiboBench"));
    gui::MainWindow window;
    window.session().setToday(*core::parseIsoDate("2026-06-05"));
    window.resize(1280, 800);
    window.show();
    settle(window);

    // Open: the key is derived, then pages authenticated, the window filled, the dashboard painted.
    auto secret = db::Secret::passphrase(kPass);
    auto start = Clock::now();
    window.showVault(std::make_unique<db::Vault>(db::Vault::open(path, secret)));
    settle(window);
    const double openMs = msSince(start);
    const int errors = window.dashboard()->errorCount(), warnings = window.dashboard()->warningCount();

    // Switching: every view in turn (twice round), then the contract in the roster and structure views.
    std::vector<double> views, contractSwitch;
    nlohmann::json firstVisit = nlohmann::json::object(); // each view's first switch, by its object's class
    QTabWidget* tabs = window.tabs();
    for (int round = 0; round < (quick ? 1 : 2); ++round)
        for (int i = 1; i <= tabs->count(); ++i) {
            start = Clock::now();
            tabs->setCurrentIndex(i % tabs->count());
            settle(window);
            views.push_back(msSince(start));
            if (round == 0)
                firstVisit[tabs->currentWidget()->metaObject()->className()] = views.back();
        }
    for (QWidget* view : {static_cast<QWidget*>(window.rosterView()), static_cast<QWidget*>(window.structureView())}) {
        tabs->setCurrentWidget(view);
        settle(window);
        gui::ContractPicker* picker = view == window.rosterView() ? window.rosterView()->contractPicker()
                                                                  : window.structureView()->contractPicker();
        const int n = std::min(picker->count(), quick ? 3 : 6);
        for (int k = 1; k <= n; ++k) {
            start = Clock::now();
            picker->setCurrentIndex(k % picker->count()); // back to the big contract at the end
            settle(window);
            contractSwitch.push_back(msSince(start));
        }
    }
    std::vector<double> all = views;
    all.insert(all.end(), contractSwitch.begin(), contractSwitch.end());
    const Stats v = Stats::of(views), c = Stats::of(contractSwitch), a = Stats::of(all);
    window.lockRegistry();
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const double rssMib = usage.ru_maxrss / 1024.0;
    std::filesystem::remove_all(dir);

    const std::string n = std::to_string(people);
    if (json)
        std::cout << nlohmann::json{{"benchmark", "gui"},
                                    {"quick", quick != 0},
                                    {"contracts", contracts},
                                    {"people", people},
                                    {"findings", errors + warnings},
                                    {"build_registry_ms", buildMs},
                                    {"views", v.json()},
                                    {"first_visit_ms", firstVisit},
                                    {"contract_switch", c.json()},
                                    {"open_ms_" + n, openMs},
                                    {"switch_ms_p95_" + n, a.p95},
                                    {"peak_rss_mib_" + n, rssMib}}
                         .dump(2)
                  << "\n";
    else
        std::printf("%d contracts, %d people, %d findings (registry built in %.0f ms)\n"
                    "open to the dashboard painted: %.0f ms\n"
                    "switch views: median %.0f ms, p95 %.0f ms; change contract: median %.0f ms, p95 %.0f ms; all p95 "
                    "%.0f ms\n"
                    "peak RSS %.0f MiB\n",
                    contracts, people, errors + warnings, buildMs, openMs, v.median, v.p95, c.median, c.p95, a.p95,
                    rssMib);
    return 0;
}

} // namespace meibo::bench
