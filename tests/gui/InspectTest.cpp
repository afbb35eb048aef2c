// The Inspect dialog as the officer uses it (offscreen): opened from the File menu with its
// shortcut, files dropped on it, findings listed in the interface language with file and place,
// the registry's handler found and the run recorded in the audit log; the files are not changed.

#include "Application.h"
#include "Convert.h"
#include "InspectDialog.h"
#include "MainWindow.h"
#include "Session.h"
#include "TestSupport.h"

#include "meibo/core/RosterCsv.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Vault.h"

#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QTableWidget>
#include <QTest>
#include <QUrl>

#include <fstream>
#include <sstream>

using namespace meibo;

namespace {
const char* kPass = "correct horse battery staple";
const QString kData = QStringLiteral(MEIBO_TEST_DATA "/inspect/");

std::string slurp(const QString& path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A registry holding 経済 太郎 (the handler personal.xlsx names).
std::string makeRegistry(const meibo::test::TempDir& dir)
{
    db::CreateOptions options;
    options.organizationName = "テスト株式会社";
    options.kdf = db::KdfSettings::fastForTests();
    const std::string path = dir.file("r.meibo");
    db::Vault::create(path, db::SecureBuffer::fromString(kPass), options);
    db::Vault vault = db::Vault::open(path, db::Secret::passphrase(kPass));
    db::Registry reg(vault);
    core::Contract c;
    c.code = "METI-1";
    c.title = "令和8年度テスト調査事業";
    c.start = *core::parseIsoDate("2026-04-01");
    c.end = *core::parseIsoDate("2027-03-31");
    c.id = reg.addContract(c);
    reg.importRoster(c.id, core::parseRosterCsv("role,label,name,address,birth_date,department,title,nationality,residence_status,"
                                                "passport_no,reports_to,need,valid_from\n"
                                                "情報管理責任者,A,経済 太郎,東京都千代田区霞が関一丁目3番1号,1970-04-01,情報セキュリティ部,"
                                                "部長,JP,日本国籍,,,全責任を負うため,2026-04-01\n",
                                                *core::parseIsoDate("2026-06-01")));
    return path;
}

gui::InspectDialog* openFromMenu(gui::MainWindow& window)
{
    QAction* action = nullptr;
    for (QAction* menu : window.menuBar()->actions())
        for (QAction* a : menu->menu()->actions())
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I))
                action = a;
    if (!action)
        return nullptr;
    action->trigger();
    return window.findChild<gui::InspectDialog*>();
}

QStringList column(const QTableWidget* table, int col)
{
    QStringList out;
    for (int r = 0; r < table->rowCount(); ++r)
        out << table->item(r, col)->text();
    return out;
}
} // namespace

class InspectTest : public QObject {
    Q_OBJECT
private slots:
    void droppedFilesAreInspectedWithoutARegistryAndNotChanged()
    {
        gui::MainWindow window;
        window.show();
        gui::InspectDialog* dialog = openFromMenu(window);
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const std::string before = slurp(kData + "hidden.xlsx");

        // Nothing listed yet: a sentence, no table.
        QVERIFY(!dialog->inspect());
        QVERIFY(!dialog->summary()->text().isEmpty());

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(kData + "hidden.xlsx"), QUrl::fromLocalFile(kData + "clean.pdf")});
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        static_cast<QObject*>(dialog)->event(&drop); // as the window system delivers a drop
        QCOMPARE(dialog->paths().size(), 2);
        QTableWidget* table = dialog->findings();
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(column(table, 0), QStringList(4, QStringLiteral("hidden.xlsx")));
        QVERIFY(column(table, 1).contains(QStringLiteral("集計!3")));
        QVERIFY(column(table, 1).contains(QStringLiteral("作業用")));
        // English here (the tests' interface language); the sentence names the sheet and the fix.
        QVERIFY(column(table, 3).join(QLatin1Char('\n')).contains(QStringLiteral("The sheet “作業用” is hidden")));
        QVERIFY(dialog->summary()->text().contains(QStringLiteral("No registry is open")));
        // No rule id or command-line syntax reaches the officer.
        for (const QString& text : column(table, 3) + column(table, 2)) {
            QVERIFY2(!text.contains(QStringLiteral("xlsx-")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("--")), qPrintable(text));
        }
        QCOMPARE(slurp(kData + "hidden.xlsx"), before);
    }

    void theFindingsFollowTheInterfaceLanguage()
    {
        struct English {
            ~English() { gui::setUiLanguage(QStringLiteral("en")); }
        } backToEnglish;
        gui::setUiLanguage(QStringLiteral("ja"));
        gui::MainWindow window;
        gui::InspectDialog dialog(window.session(), &window);
        dialog.addPaths({kData + "scanned.pdf"});
        QVERIFY(dialog.inspect());
        QCOMPARE(dialog.findings()->rowCount(), 1);
        QVERIFY(dialog.findings()->item(0, 3)->text().contains(QStringLiteral("透明テキスト")));
    }

    void withARegistryItsHandlerIsFoundAndTheRunIsAudited()
    {
        meibo::test::TempDir dir;
        const std::string path = makeRegistry(dir);
        gui::MainWindow window;
        window.show();
        window.showVault(std::make_unique<db::Vault>(db::Vault::open(path, db::Secret::passphrase(kPass))));
        const auto entriesBefore = db::Registry(window.session().vault()).verifyAudit().entries;
        gui::InspectDialog* dialog = openFromMenu(window);
        QVERIFY(dialog);
        dialog->addPaths({kData + "personal.xlsx"});
        QVERIFY(dialog->inspect());
        const QStringList places = column(dialog->findings(), 1);
        QVERIFY2(places.contains(QStringLiteral("回答者!B2")), qPrintable(places.join(QLatin1Char(' '))));
        QVERIFY(places.contains(QStringLiteral("回答者!C2")));
        QVERIFY(column(dialog->findings(), 3).join(QLatin1Char('\n')).contains(QStringLiteral("経済 太郎")));
        QVERIFY(dialog->summary()->text().contains(QStringLiteral("audit log")));
        db::Registry reg(window.session().vault());
        QCOMPARE(reg.verifyAudit().entries, entriesBefore + 1);
        QVERIFY(reg.verifyAudit().ok);
        const auto entries = reg.auditEntries(1);
        QCOMPARE(QString::fromStdString(entries.front().action), QStringLiteral("inspect.run"));
        QVERIFY(entries.front().after.find("霞が関") == std::string::npos);
    }
};

int main(int argc, char** argv)
{
    meibo::test::TempDir config;
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.path()));
    gui::Application app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MeiboTest"));
    InspectTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "InspectTest.moc"
