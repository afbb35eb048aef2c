// No mnemonic twice anywhere, in both languages: every view (against the menu bar's letters) and
// every dialog and wizard page the officer can open, each judged by the one rule in Mnemonics.h.

#include "AdminMenu.h"
#include "Application.h"
#include "BackupDialog.h"
#include "CertificateDialog.h"
#include "ContractDialog.h"
#include "Convert.h"
#include "CreateDialog.h"
#include "EolImportDialog.h"
#include "ExportDialog.h"
#include "GuiFixture.h"
#include "ImportWizard.h"
#include "InspectDialog.h"
#include "KeySlotsDialog.h"
#include "MethodsDialog.h"
#include "Mnemonics.h"
#include "PassphraseDialog.h"
#include "Prompts.h"
#include "PeopleView.h"
#include "PersonDialog.h"
#include "PersonPicker.h"
#include "QualificationsDialog.h"
#include "RecoveryKeyDialog.h"
#include "RegistersView.h"
#include "ReportView.h"
#include "RosterView.h"
#include "SettingsDialog.h"
#include "SubcontractorsDialog.h"
#include "UnlockDialog.h"
#include "VerifyBundleDialog.h"
#include "WordsSupport.h"

#include "meibo/core/Registers.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

using namespace meibo;
using meibo::test::mnemonicClash;
using meibo::test::mnemonicOf;
using meibo::test::words::Language;

namespace {

const char* kRoster = "role,label,name,name_kana,address,birth_date,department,title,nationality,residence_status,"
                      "reports_to,need,valid_from\n"
                      "情報管理責任者,A,見本 一郎,みほん いちろう,東京都千代田区1-1,1970-01-01,管理部,部長,JP,日本国籍,,,2026-04-01\n"
                      "業務従事者,B,見本 花子,みほん はなこ,東京都港区2-2,1990-02-02,調査部,研究員,JP,日本国籍,A,調査のため,"
                      "2026-04-01\n";


} // namespace

class MnemonicsTest : public QObject {
    Q_OBJECT

    QStringList clashes;
    int letters = 0; ///< mnemonics read, to show the rule saw the windows it judged

    void check(QWidget* w, const QString& name, const QList<QChar>& taken = {})
    {
        QVERIFY2(w, qPrintable(name + QStringLiteral(" did not open")));
        letters += int(test::mnemonicsShown(w).size());
        const QString clash = mnemonicClash(w, taken);
        if (!clash.isEmpty())
            clashes << name + QStringLiteral(" — ") + clash;
    }
    template <typename D> void checkAdmin(test::WindowFixture& f, const QString& name)
    {
        QPointer<D> d = gui::openAdminDialog<D>(&f.window, f.window.session());
        check(d, name);
        if (d)
            d->reject();
    }

private slots:
    void theRuleSeesAClash()
    {
        QWidget w;
        auto* save = new QPushButton(QStringLiteral("&Save"), &w);
        new QPushButton(QStringLiteral("&Select"), &w);
        new QPushButton(QStringLiteral("Fish && &Chips"), &w);
        const QString clash = mnemonicClash(&w);
        QVERIFY2(clash.startsWith(QStringLiteral("S: ")) && clash.contains(QStringLiteral("&Save")) &&
                     clash.contains(QStringLiteral("&Select")),
                 qPrintable(clash));
        save->setText(QStringLiteral("Sa&ve"));
        QVERIFY(mnemonicClash(&w).isEmpty());
        QCOMPARE(mnemonicClash(&w, {QLatin1Char('C')}), QStringLiteral("C is a menu's: Fish && &Chips"));
        save->hide(); // a hidden button shows no letter
        save->setText(QStringLiteral("&Select"));
        QVERIFY(mnemonicClash(&w).isEmpty());
    }

    void noViewOrDialogShowsAMnemonicTwice_data()
    {
        QTest::addColumn<bool>("japanese");
        QTest::newRow("ja") << true;
        QTest::newRow("en") << false;
    }
    void noViewOrDialogShowsAMnemonicTwice()
    {
        QFETCH(bool, japanese);
        Language language(japanese);
        clashes.clear();
        letters = 0;
        test::TempDir dir;
        test::RegistrySpec spec;
        spec.roster = kRoster;
        test::WindowFixture f(test::makeRegistry(dir, spec));

        // The menu bar: its menus' letters differ, and so do the entries' within each menu.
        QList<QChar> menus;
        for (QAction* menu : f.window.menuBar()->actions()) {
            menus << mnemonicOf(menu->text());
            QList<QChar> inMenu;
            for (QAction* a : menu->menu()->actions()) {
                const QChar m = mnemonicOf(a->text());
                if (!m.isNull() && inMenu.contains(m))
                    clashes << menu->text() + QStringLiteral(" ▸ ") + a->text();
                inMenu << m;
            }
        }
        // Each view, against the menu bar's letters.
        for (int i = 0; i < f.window.tabs()->count(); ++i) {
            f.window.tabs()->setCurrentIndex(i);
            check(f.window.tabs()->widget(i), f.window.tabs()->tabText(i), menus);
        }

        // Every dialog the window opens.
        QList<QPointer<QDialog>> opened;
        auto take = [&](QDialog* d, const QString& name) {
            check(d, name);
            opened << d;
        };
        take(f.window.openContract(false), QStringLiteral("new contract"));
        take(f.window.openContract(true), QStringLiteral("contract details"));
        take(f.window.openOrganization(), QStringLiteral("organization"));
        take(f.window.openExport(), QStringLiteral("export"));
        f.window.tabs()->setCurrentWidget(f.window.reportView());
        take(f.window.reportView()->editMethods(), QStringLiteral("methods"));
        f.window.tabs()->setCurrentWidget(f.window.rosterView());
        take(f.window.rosterView()->addPerson(), QStringLiteral("add person"));
        QVERIFY(f.window.rosterView()->selectLabel(QStringLiteral("B")));
        take(f.window.rosterView()->editSelected(), QStringLiteral("edit person"));
        take(f.window.rosterView()->endSelected(), QStringLiteral("end assignment"));
        f.window.tabs()->setCurrentWidget(f.window.peopleView());
        take(f.window.peopleView()->openQualifications(), QStringLiteral("qualifications"));
        for (QPointer<QDialog>& d : opened)
            if (d)
                d->reject();

        QPointer<gui::ImportWizard> wizard = f.window.openImport();
        QVERIFY(wizard);
        for (int id : wizard->pageIds())
            check(wizard->page(id), QStringLiteral("import wizard page %1").arg(id));
        wizard->reject();

        gui::InspectDialog inspect(f.window.session(), &f.window);
        check(&inspect, QStringLiteral("inspect"));

        const auto contract = f.registry().contract("K1");
        for (const auto& kind : core::registerKinds()) {
            gui::RegisterEntryDialog entry(f.window.session(), contract.id, kind, std::nullopt, &f.window);
            check(&entry, QStringLiteral("register entry ") + QString::fromStdString(kind.id));
        }
        const auto people = f.registry().roster(contract.id, test::day("2026-06-01"));
        gui::PersonPicker one(people, false), several(people, true);
        check(&one, QStringLiteral("person picker"));
        check(&several, QStringLiteral("person picker (several)"));

        checkAdmin<gui::PassphraseDialog>(f, QStringLiteral("passphrase"));
        checkAdmin<gui::KeySlotsDialog>(f, QStringLiteral("key slots"));
        checkAdmin<gui::CertificateDialog>(f, QStringLiteral("certificates"));
        checkAdmin<gui::VerifyBundleDialog>(f, QStringLiteral("verify bundle"));
        checkAdmin<gui::BackupDialog>(f, QStringLiteral("backup"));
        checkAdmin<gui::SubcontractorsDialog>(f, QStringLiteral("subcontractors"));
        checkAdmin<gui::EolImportDialog>(f, QStringLiteral("end-of-life import"));

        gui::UnlockDialog unlock(QString::fromStdString(f.path));
        gui::CreateDialog create(QString::fromStdString(dir.file("x.meibo")));
        gui::RecoveryKeyDialog key(QStringLiteral("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL-MNOP-QR7Z"),
                                   QString::fromStdString(f.path));
        gui::SettingsDialog settings;
        check(&unlock, QStringLiteral("unlock"));
        check(&create, QStringLiteral("create"));
        check(&key, QStringLiteral("recovery key"));
        check(&settings, QStringLiteral("settings"));

        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
        QVERIFY2(letters > 150, qPrintable(QString::number(letters)));
    }
};

int main(int argc, char** argv)
{
    meibo::test::TempDir config;
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.path()));
    gui::Application app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MeiboMnemonicsTest"));
    gui::setOpenFoldersOnDesktop(false);
    MnemonicsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "MnemonicsTest.moc"
