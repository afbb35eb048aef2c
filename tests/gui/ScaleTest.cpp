// Readable at scale (issue 15): the dashboard's findings grouped and loaded lazily on a worker, the
// structure's large teams folded, the timeline, printing from the preview and the timeline, the
// notice of what is due within a week and the calendar file. Offscreen (QT_QPA_PLATFORM=offscreen).

#include "Application.h"
#include "ChangesView.h"
#include "ContractPicker.h"
#include "Convert.h"
#include "DashboardView.h"
#include "DocumentPreview.h"
#include "FindingsModel.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "Prompts.h"
#include "ReportView.h"
#include "RosterModel.h"
#include "RosterView.h"
#include "Session.h"
#include "StructureView.h"
#include "TestSupport.h"
#include "TimelineView.h"

#include "meibo/core/RosterCsv.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Vault.h"
#include "meibo/forms/Document.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPrinter>
#include <QProcess>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

#include <algorithm>
#include <filesystem>
#include <tuple>

using namespace meibo;

namespace {
const char* kPass = "correct horse battery staple";

core::Date day(const char* iso) { return *core::parseIsoDate(iso); }

/// A contract's roster: the responsible person, `managers` managers, and workers in their teams.
std::string rosterCsv(const std::string& tag, int managers, int workers)
{
    std::string csv = "role,label,name,address,birth_date,department,title,nationality,residence_status,passport_no,"
                      "reports_to,need,valid_from\n"
                      "情報管理責任者,A,責任 " + tag + ",東京都千代田区霞が関1-3-1,1970-04-01,情報セキュリティ部,部長,JP,日本国籍,,,"
                      "全責任を負うため,2026-04-01\n";
    for (int m = 1; m <= managers; ++m)
        csv += "情報取扱管理者,M" + std::to_string(m) + ",管理 " + tag + "-" + std::to_string(m) +
               ",東京都港区芝公園4-2-8,1982-09-15,調査研究部,課長,JP,日本国籍,,A,進捗管理のため,2026-04-01\n";
    for (int w = 1; w <= workers; ++w)
        csv += "業務従事者,W" + std::to_string(w) + ",従事 " + tag + "-" + std::to_string(w) +
               ",神奈川県横浜市中区本町6-50,1978-01-20,調査研究部,研究員,JP,日本国籍,,M" +
               std::to_string(1 + (w - 1) % managers) + ",文献調査のため,2026-04-01\n";
    return csv;
}

/// Two contracts: BIG (2 managers, 60 workers: two teams of 30) and SMALL (1 manager, 3 workers),
/// and a change set of BIG submitted, effective within the week.
struct Registry {
    meibo::test::TempDir dir;
    std::string path = dir.file("r.meibo");
    std::int64_t big = 0, small = 0, change = 0;
    Registry()
    {
        db::CreateOptions options;
        options.organizationName = "テスト株式会社";
        options.kdf = db::KdfSettings::fastForTests();
        db::Vault::create(path, db::SecureBuffer::fromString(kPass), options);
        db::Vault vault = db::Vault::open(path, db::Secret::passphrase(kPass));
        db::Registry reg(vault);
        core::Organization org;
        org.name = "テスト株式会社";
        org.address = "東京都千代田区丸の内1-1-1";
        org.representative = "代表取締役 見本 一郎";
        reg.setOrganization(org);
        for (auto [code, managers, workers] : {std::tuple{"BIG", 2, 60}, std::tuple{"SMALL", 1, 3}}) {
            core::Contract c;
            c.code = code;
            c.title = std::string("令和8年度テスト調査事業 ") + code;
            c.start = day("2026-04-01");
            c.end = day("2027-03-31");
            c.signedOn = day("2026-04-01");
            c.addressee = "経済産業省テスト課長";
            c.id = reg.addContract(c);
            reg.importRoster(c.id, core::parseRosterCsv(rosterCsv(code, managers, workers), day("2026-06-01")));
            (std::string(code) == "BIG" ? big : small) = c.id;
        }
        db::ChangeSets changes(vault);
        change = changes.create(big, day("2026-06-05"), "担当者の異動", false);
        core::ChangeItem leave;
        leave.kind = core::ChangeItem::Kind::Leave;
        leave.label = "W7";
        changes.addItems(change, {leave});
        changes.submit(change, day("2026-06-01"), "e-mail");
    }
};

struct Fixture {
    Registry registry;
    gui::MainWindow window;
    Fixture()
    {
        window.session().setToday(day("2026-06-02"));
        window.resize(1280, 800);
        window.show();
        window.showVault(std::make_unique<db::Vault>(db::Vault::open(registry.path, db::Secret::passphrase(kPass))));
        window.dashboard()->waitUntilLoaded();
    }
};

bool has(const char* program) { return QProcess::execute(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("command -v %1 >/dev/null").arg(QLatin1String(program))}) == 0; }

QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

int pdfPages(const QString& file)
{
    const QString info = run(QStringLiteral("pdfinfo"), {file});
    for (const QString& line : info.split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("Pages:")))
            return line.mid(6).trimmed().toInt();
    return -1;
}

/// Every text the tree shows (display role), all levels, fetched rows only.
QStringList shownTexts(QAbstractItemModel* model, const QModelIndex& parent = {})
{
    QStringList out;
    for (int r = 0; r < model->rowCount(parent); ++r)
        for (int c = 0; c < model->columnCount(parent); ++c) {
            const QModelIndex i = model->index(r, c, parent);
            out << i.data().toString();
            if (c == 0)
                out << shownTexts(model, i);
        }
    return out;
}

QModelIndex ruleRow(gui::FindingsModel* model, const QString& contract, const QString& title)
{
    for (int c = 0; c < model->rowCount(); ++c) {
        const QModelIndex ci = model->index(c, 0);
        if (ci.data().toString() != contract)
            continue;
        for (int r = 0; r < model->rowCount(ci); ++r)
            if (model->index(r, 0, ci).data().toString().contains(title))
                return model->index(r, 0, ci);
    }
    return {};
}
} // namespace

class ScaleTest : public QObject {
    Q_OBJECT
private slots:
    void init() { gui::setOpenFoldersOnDesktop(false); }
    void cleanup()
    {
        gui::setAnswerHook({});
        gui::setFailureHook({});
    }

    void theDashboardGroupsFindingsByContractAndRuleAndLoadsThemLazily()
    {
        Fixture f;
        auto* dash = f.window.dashboard();
        auto* model = dash->findingsModel();
        QVERIFY(!dash->isLoading());
        const auto& all = model->findings();
        QVERIFY(all.size() > 60); // nobody has a qualification or a track record: one finding each at least
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("BIG"));
        // Each rule row counts its findings; the counts add up to every finding of the contract.
        int sum = 0;
        const QModelIndex big = model->index(0, 0);
        for (int r = 0; r < model->rowCount(big); ++r)
            sum += model->index(r, gui::FindingsModel::Count, big).data().toInt();
        QCOMPARE(sum, int(std::count_if(all.begin(), all.end(), [](const core::Finding& x) { return x.contract == "BIG"; })));
        QCOMPARE(model->index(0, gui::FindingsModel::Count).data().toInt(), sum);
        // Nothing under a rule is handed to the view until it opens, then 200 at most at a time.
        QCOMPARE(model->fetchedFindingRows(), 0);
        const QModelIndex disclosure = ruleRow(model, QStringLiteral("BIG"), gui::ruleTitle("disclosure-incomplete"));
        QVERIFY(disclosure.isValid());
        const int count = model->index(disclosure.row(), gui::FindingsModel::Count, big).data().toInt();
        QCOMPARE(count, 63); // A, two managers, 60 workers
        QVERIFY(model->canFetchMore(disclosure));
        dash->findingsTree()->expand(disclosure);
        QTRY_COMPARE(model->rowCount(disclosure), count);
        QCOMPARE(model->fetchedFindingRows(), count);
        // The fix is said once on the rule's row, without a person's name in front.
        const QString fix = model->index(disclosure.row(), gui::FindingsModel::Fix, big).data().toString();
        QVERIFY2(fix.contains(QStringLiteral("clause 4)")), qPrintable(fix));
        QVERIFY2(!fix.contains(QStringLiteral("従事 BIG")), qPrintable(fix));
        // No rule id on screen.
        for (const QString& text : shownTexts(model))
            for (const auto& x : all)
                QVERIFY2(!text.contains(QString::fromStdString(x.rule)), qPrintable(text));
        // The summary counts every finding.
        QVERIFY2(dash->plainText().contains(QStringLiteral("%1 error(s)").arg(dash->errorCount())),
                 qPrintable(dash->plainText().left(400)));
    }

    void aClickOrEnterOnAFindingGoesToThePersonOrTheChange()
    {
        Fixture f;
        auto* dash = f.window.dashboard();
        auto* model = dash->findingsModel();
        auto* tree = dash->findingsTree();
        const QModelIndex disclosure = ruleRow(model, QStringLiteral("BIG"), gui::ruleTitle("disclosure-incomplete"));
        QVERIFY(disclosure.isValid());
        tree->expand(disclosure);
        QTRY_VERIFY(model->rowCount(disclosure) > 5);
        const QModelIndex fifth = model->index(4, 0, disclosure);
        const core::Finding* finding = model->findingAt(fifth);
        QVERIFY(finding);
        const QString label = QString::fromStdString(finding->subject).section(QLatin1Char(' '), 0, 0);
        tree->scrollTo(fifth);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(fifth).center());
        QCOMPARE(f.window.tabs()->currentWidget(), static_cast<QWidget*>(f.window.rosterView()));
        QCOMPARE(f.window.rosterView()->contractPicker()->currentData().toString(), QStringLiteral("BIG"));
        const auto* entry = f.window.rosterView()->model()->entryAt(f.window.rosterView()->table()->currentIndex().row());
        QVERIFY(entry);
        QCOMPARE(QString::fromStdString(entry->label), label);

        // Enter on the change set waiting for consent: the changes view, with it selected.
        f.window.tabs()->setCurrentWidget(dash);
        const QModelIndex waiting = ruleRow(model, QStringLiteral("BIG"), gui::ruleTitle("change-awaiting-consent"));
        QVERIFY(waiting.isValid());
        tree->expand(waiting);
        QTRY_COMPARE(model->rowCount(waiting), 1);
        tree->setFocus();
        tree->setCurrentIndex(model->index(0, 0, waiting));
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(f.window.tabs()->currentWidget(), static_cast<QWidget*>(f.window.changesView()));
        QCOMPARE(f.window.changesView()->table()->currentRow() >= 0, true);
        QVERIFY2(f.window.changesView()->table()->item(f.window.changesView()->table()->currentRow(), 0)->text().contains(
                     QString::number(f.registry.change)),
                 qPrintable(f.window.changesView()->table()->item(f.window.changesView()->table()->currentRow(), 0)->text()));
    }

    void lockingWhileTheDashboardReadsWaitsForTheReadAndDropsIt()
    {
        Fixture f;
        auto* dash = f.window.dashboard();
        for (int i = 0; i < 3; ++i)
            f.window.session().notifyChanged(); // reads on a worker, each superseding the last
        QVERIFY(dash->isLoading());
        f.window.lockRegistry(); // waits for the read; nothing of it is shown afterwards
        QVERIFY(!f.window.hasVault());
        QTest::qWait(50);
        QVERIFY(dash->plainText().isEmpty());
        QCOMPARE(dash->findingsModel()->rowCount(), 0);
        QVERIFY(db::Vault::open(f.registry.path, db::Secret::passphrase(kPass)).isOpen());
    }

    void theStructureFoldsLargeTeamsOpensThemAndFindsAPerson()
    {
        Fixture f;
        auto* view = f.window.structureView();
        f.window.tabs()->setCurrentWidget(view);
        QVERIFY(view->contractPicker()->selectCode(QStringLiteral("BIG")));
        QCOMPARE(view->foldedTeams(), QStringList({QStringLiteral("+M1"), QStringLiteral("+M2")}));
        // A, two managers and two folded teams: five boxes, not 63.
        QCOMPARE(view->diagram()->boxCount(), 5);
        QVERIFY(!view->diagram()->boxRect(QStringLiteral("+M1")).isEmpty());
        // A click on a folded team opens it (the diagram's own group box lists its 30 people).
        const QPoint at = view->diagram()->boxRect(QStringLiteral("+M1")).center().toPoint();
        QTest::mouseClick(view->diagram(), Qt::LeftButton, {}, at);
        QCOMPARE(view->foldedTeams(), QStringList({QStringLiteral("+M2")}));
        QCOMPARE(view->diagram()->boxCount(), 5);

        // Search: W8 reports to M2 (folded): the team opens, the person is framed.
        view->searchEdit()->setText(QStringLiteral("従事 BIG-8"));
        QTest::keyClick(view->searchEdit(), Qt::Key_Return);
        QVERIFY(view->foldedTeams().isEmpty());
        QVERIFY(!view->diagram()->highlightRect().isEmpty());
        QVERIFY2(view->messageBar()->text().contains(QStringLiteral("W8")), qPrintable(view->messageBar()->text()));
        // Nobody matches: said, and the diagram stays as it was.
        const int boxes = view->diagram()->boxCount();
        QVERIFY(!view->find(QStringLiteral("存在しない人")));
        QVERIFY2(view->messageBar()->text().contains(QStringLiteral("存在しない人")), qPrintable(view->messageBar()->text()));
        QCOMPARE(view->diagram()->boxCount(), boxes);
        QVERIFY(view->diagram()->highlightRect().isEmpty());
        // Folded again on request; the small contract folds nothing.
        view->setTeamOpen(QStringLiteral("+M1"), false);
        QCOMPARE(view->foldedTeams(), QStringList({QStringLiteral("+M1")}));
        QVERIFY(view->contractPicker()->selectCode(QStringLiteral("SMALL")));
        QVERIFY(view->foldedTeams().isEmpty());
    }

    void theTimelineShowsPeopleChangesAndReportsAndClicksThrough()
    {
        Fixture f;
        auto* view = f.window.timelineView();
        f.window.tabs()->setCurrentWidget(view);
        QVERIFY(view->contractPicker()->selectCode(QStringLiteral("BIG")));
        view->waitUntilLoaded();
        auto* chart = view->chart();
        QCOMPARE(chart->rowCount(), 63);
        QVERIFY(chart->height() > 63 * 10);
        // The change notice's lane goes to the change set.
        const QRect lane = chart->changeRowRect(f.registry.change);
        QVERIFY(!lane.isEmpty());
        QCOMPARE(int(chart->hitAt(lane.center()).kind), int(gui::TimelineChart::Hit::Kind::Change));
        QTest::mouseClick(chart, Qt::LeftButton, {}, lane.center());
        QCOMPARE(f.window.tabs()->currentWidget(), static_cast<QWidget*>(f.window.changesView()));
        // A person's row goes to the person.
        f.window.tabs()->setCurrentWidget(view);
        const QRect row = chart->personRowRect(QStringLiteral("W12"));
        QVERIFY(!row.isEmpty());
        view->scrollArea()->ensureVisible(row.center().x(), row.center().y());
        QTest::mouseClick(chart, Qt::LeftButton, {}, QPoint(400, row.center().y()));
        QCOMPARE(f.window.tabs()->currentWidget(), static_cast<QWidget*>(f.window.rosterView()));
        const auto* entry = f.window.rosterView()->model()->entryAt(f.window.rosterView()->table()->currentIndex().row());
        QVERIFY(entry);
        QCOMPARE(QString::fromStdString(entry->label), QStringLiteral("W12"));
        // The report periods go to the report.
        f.window.tabs()->setCurrentWidget(view);
        QTest::mouseClick(chart, Qt::LeftButton, {}, QPoint(400, chart->reportRowRect().center().y()));
        QCOMPARE(f.window.tabs()->currentWidget(), static_cast<QWidget*>(f.window.reportView()));
        QCOMPARE(f.window.reportView()->contractPicker()->currentData().toString(), QStringLiteral("BIG"));
    }

    void theTimelinePrintsOnPagesWithTheAxisOnEach()
    {
        if (!has("pdftotext") || !has("pdfinfo"))
            QSKIP("pdftotext/pdfinfo (poppler-utils) missing");
        Fixture f;
        auto* view = f.window.timelineView();
        f.window.tabs()->setCurrentWidget(view);
        QVERIFY(view->contractPicker()->selectCode(QStringLiteral("BIG")));
        view->waitUntilLoaded();
        meibo::test::TempDir dir;
        const QString file = QString::fromStdString(dir.file("timeline.pdf"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(file);
        printer.setPageSize(QPageSize(QPageSize::A4));
        printer.setPageOrientation(QPageLayout::Landscape);
        const int pages = view->chart()->print(printer);
        QVERIFY(pages >= 1);
        QCOMPARE(pdfPages(file), pages);
        const QString text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), file, QStringLiteral("-")});
        QCOMPARE(int(text.count(QStringLiteral("timeline"))), pages); // "BIG — timeline" heads every page
        QVERIFY2(text.contains(QStringLiteral("W60")), qPrintable(text.left(2000))); // the last person too
        QVERIFY2(text.contains(QStringLiteral("2026-")), qPrintable(text.left(2000)));
    }

    void aPreviewPrintsItsPagesAndARefusedPrinterIsSaid()
    {
        if (!has("pdftotext") || !has("pdfinfo"))
            QSKIP("pdftotext/pdfinfo (poppler-utils) missing");
        forms::Document doc;
        doc.title = "Print check";
        doc.fontFamily = "IPAexGothic";
        for (int i = 0; i < 150; ++i) { // long enough for several pages
            forms::Paragraph p;
            p.runs.push_back({"Line " + std::to_string(i + 1) + " of the roster", false, 0});
            doc.body.emplace_back(p);
        }
        gui::DocumentPreview preview(doc);
        meibo::test::TempDir dir;
        const QString file = QString::fromStdString(dir.file("printed.pdf"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(file);
        printer.setPageSize(QPageSize(QPageSize::A4));
        const int pages = preview.print(printer);
        QVERIFY(pages >= 2);
        QCOMPARE(pdfPages(file), pages);
        const QString text = run(QStringLiteral("pdftotext"), {file, QStringLiteral("-")});
        QVERIFY2(text.contains(QStringLiteral("Line 1 of the roster")) && text.contains(QStringLiteral("Line 150 of")),
                 qPrintable(text.left(500)));

        // A printer that cannot be opened: the sentence, and nothing written.
        const QString nowhere = QString::fromStdString(dir.file("no-such-folder/printed.pdf"));
        QPrinter bad(QPrinter::HighResolution);
        bad.setOutputFormat(QPrinter::PdfFormat);
        bad.setOutputFileName(nowhere);
        QStringList shown;
        gui::setFailureHook([&](const QString& text) { shown << text; });
        QVERIFY(!gui::guarded([&] { preview.print(bad); }));
        QCOMPARE(shown.size(), 1);
        QVERIFY2(shown.front().contains(QStringLiteral("printer")) || shown.front().contains(QStringLiteral("プリンター")),
                 qPrintable(shown.front()));
        QVERIFY(!QFile::exists(nowhere));
    }

    void whatIsDueWithinAWeekIsSaidOnOpenAndGoesToACalendarFile()
    {
        Fixture f;
        // The change set takes effect on 2026-06-05, three days after "today".
        const QStringList due = f.window.dashboard()->dueSoonLines();
        QVERIFY2(due.size() == 1, qPrintable(due.join('\n')));
        QVERIFY2(due.front().contains(QStringLiteral("BIG")) && due.front().contains(QStringLiteral("2026-06-05")),
                 qPrintable(due.front()));
        QVERIFY2(f.window.statusBar()->currentMessage().contains(QStringLiteral("2026-06-05")),
                 qPrintable(f.window.statusBar()->currentMessage()));
        QVERIFY(f.window.dashboard()->plainText().contains(due.front()));

        meibo::test::TempDir dir;
        const QString file = QString::fromStdString(dir.file("deadlines.ics"));
        QVERIFY(f.window.exportDeadlines(file));
        QFile ics(file);
        QVERIFY(ics.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(ics.readAll());
        QVERIFY(text.startsWith(QStringLiteral("BEGIN:VCALENDAR\r\n")));
        QVERIFY2(text.contains(QStringLiteral("DTSTART;VALUE=DATE:20260605")), qPrintable(text));
        QCOMPARE(text.count(QStringLiteral("BEGIN:VEVENT")), 5); // per contract: next report, end; the consent
        QVERIFY(!(QFile::permissions(file) & (QFile::ReadGroup | QFile::ReadOther)));

        // Into a folder that does not exist: said, nothing written.
        QStringList shown;
        gui::setFailureHook([&](const QString& t) { shown << t; });
        const QString nowhere = QString::fromStdString(dir.file("no-such-folder/deadlines.ics"));
        QVERIFY(!f.window.exportDeadlines(nowhere));
        QCOMPARE(shown.size(), 1);
        QVERIFY2(shown.front().contains(QStringLiteral("deadlines.ics")), qPrintable(shown.front()));
        QVERIFY(!QFile::exists(nowhere));
    }

    void theNewActionsHaveKeysAndTheTimelineSpeaksJapanese()
    {
        gui::MainWindow window;
        QAction* timeline = nullptr;
        QAction* calendar = nullptr;
        for (QAction* menu : window.menuBar()->actions())
            for (QAction* a : menu->menu()->actions()) {
                if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_T))
                    timeline = a;
                if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D))
                    calendar = a;
            }
        QVERIFY(timeline && timeline->text().contains(QLatin1Char('&')));
        QVERIFY(calendar && calendar->text().contains(QLatin1Char('&')));
        QTranslator ja;
        QVERIFY(ja.load(QStringLiteral(":/i18n/meibo_ja.qm")));
        QApplication::installTranslator(&ja);
        {
            gui::MainWindow translated;
            QCOMPARE(translated.tabs()->tabText(translated.tabs()->indexOf(translated.timelineView())),
                     QStringLiteral("タイムライン"));
        }
        QApplication::removeTranslator(&ja);
    }
};

int main(int argc, char** argv)
{
    meibo::test::TempDir config;
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.path()));
    gui::Application app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MeiboTest"));
    ScaleTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "ScaleTest.moc"
