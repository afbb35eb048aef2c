// A person's qualifications, trainings and track record from the person dialog, and the People view
// (one person across every contract, with the history of their record), offscreen.

#include "Application.h"
#include "Convert.h"
#include "GuiFixture.h"
#include "Mnemonics.h"
#include "ImportWizard.h"
#include "MessageBar.h"
#include "PeopleView.h"
#include "PersonDialog.h"
#include "QualificationsDialog.h"
#include "RosterView.h"

#include "meibo/core/RosterCsv.h"
#include "meibo/db/Checks.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QGroupBox>
#include <QMenuBar>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace meibo;
using meibo::test::day;
using meibo::test::mnemonicClash;

namespace {

const char* kRoster = "区分,記号,氏名,ふりがな,生年月日,所属部署,国籍,在留区分,報告先,必要性,従事開始日\n"
                      "情報管理責任者,A,経済 太郎,けいざい たろう,1970-04-01,情報セキュリティ部,JP,日本国籍,,全体の責任者,"
                      "2026-04-01\n"
                      "業務従事者,B,髙橋 花子,たかはし はなこ,1985-12-03,調査研究部,JP,日本国籍,A,分析を担当,2026-04-01\n";

/// The disclosure-incomplete findings of K1 today, by subject.
QStringList disclosureFindings(meibo::test::WindowFixture& f)
{
    QStringList out;
    const auto contract = f.registry().contract("K1");
    for (const auto& finding : db::checkContract(f.window.session().vault(), contract, day("2026-06-01")))
        if (finding.rule == "disclosure-incomplete")
            out << gui::qs(finding.subject) + QStringLiteral(": ") + gui::qs(finding.messageJa);
    return out;
}

std::int64_t idOf(db::Registry reg, const std::string& name)
{
    for (const auto& [id, p] : reg.people())
        if (p.name == name)
            return id;
    return 0;
}

} // namespace

class PeopleViewTest : public QObject {
    Q_OBJECT
private slots:
    void init() { gui::setUiLanguage(QStringLiteral("ja")); }
    void cleanup() { gui::setUiLanguage(QStringLiteral("en")); }

    void qualificationsAndTrackRecordAreSavedAndTheFindingGoes()
    {
        meibo::test::TempDir dir;
        const std::string path = meibo::test::makeRegistryWithContract(dir);
        {
            db::Vault vault = db::Vault::open(path, db::Secret::passphrase(meibo::test::kGuiPass));
            db::Registry reg(vault);
            reg.importRoster(reg.contract("K1").id, core::parseRosterCsv(kRoster, day("2026-06-01")));
        }
        meibo::test::WindowFixture f(path);
        const std::int64_t hanako = idOf(f.registry(), "髙橋 花子");
        QVERIFY(hanako);
        QStringList before = disclosureFindings(f);
        QCOMPARE(before.size(), 2);
        for (const QString& s : before)
            QVERIFY2(s.contains(QStringLiteral("不足している事項：専門性（情報セキュリティに係る資格・研修実績）、実績。")),
                     qPrintable(s));

        // From the roster: the person dialog, then its qualifications button.
        gui::RosterView* roster = f.window.rosterView();
        f.window.tabs()->setCurrentWidget(roster);
        QVERIFY(roster->selectLabel(QStringLiteral("B")));
        QPointer<gui::PersonDialog> person = roster->editSelected();
        QVERIFY(person);
        auto* button = person->findChild<QPushButton*>(QStringLiteral("qualifications"));
        QVERIFY(button);
        button->click();
        auto* d = person->findChild<gui::QualificationsDialog*>();
        QVERIFY(d);
        QCOMPARE(d->table()->rowCount(), 0);

        // Refused: no name; a date that is no day; a date after today. Nothing is recorded.
        const auto auditBefore = f.registry().auditEntries().size();
        d->dateEdit()->setText(QStringLiteral("2024-10-01"));
        QVERIFY(!d->addQualification());
        QVERIFY(d->messageBar()->isError());
        d->nameEdit()->setText(QStringLiteral("情報処理安全確保支援士"));
        d->dateEdit()->setText(QStringLiteral("2024-13-01"));
        QVERIFY(!d->addQualification());
        QVERIFY(d->messageBar()->text().contains(QStringLiteral("2024-13-01")));
        d->dateEdit()->setText(QStringLiteral("2027-01-01"));
        QVERIFY(!d->addQualification());
        QVERIFY(d->messageBar()->isError());
        QVERIFY(f.registry().qualifications(hanako).empty());
        QCOMPARE(f.registry().auditEntries().size(), auditBefore);

        // A qualification (with a 和暦 date) and a training.
        d->dateEdit()->setText(QStringLiteral("令和6年10月1日"));
        d->issuerEdit()->setText(QStringLiteral("IPA"));
        QVERIFY(d->addQualification());
        QVERIFY(!d->messageBar()->isError());
        d->kindCombo()->setCurrentIndex(d->kindCombo()->findData(true));
        d->nameEdit()->setText(QStringLiteral("情報セキュリティ研修"));
        d->dateEdit()->setText(QStringLiteral("2026-05-10"));
        QVERIFY(d->addQualification());
        QCOMPARE(d->table()->rowCount(), 2);
        const auto quals = f.registry().qualifications(hanako);
        QCOMPARE(int(quals.size()), 2);
        QCOMPARE(gui::isoText(quals[0].on), QStringLiteral("2024-10-01"));
        QCOMPARE(QString::fromStdString(quals[0].issuer), QStringLiteral("IPA"));
        QVERIFY(!quals[0].training);
        QVERIFY(quals[1].training);
        // Still missing: the track record.
        QStringList after = disclosureFindings(f);
        QCOMPARE(after.size(), 2);
        for (const QString& s : after)
            if (s.contains(QStringLiteral("髙橋")))
                QVERIFY2(s.contains(QStringLiteral("不足している事項：実績。")), qPrintable(s));

        // A track record too long for the field is refused, then a good one saved: the finding goes.
        d->trackRecordEdit()->setPlainText(QString(2001, QChar(0x5b9f)));
        QVERIFY(!d->saveTrackRecord());
        QVERIFY(d->messageBar()->isError());
        QVERIFY(f.registry().person(hanako).trackRecord.empty());
        d->trackRecordEdit()->setPlainText(QStringLiteral("化学物質規制調査 5件"));
        QVERIFY(d->saveTrackRecord());
        QCOMPARE(QString::fromStdString(f.registry().person(hanako).trackRecord), QStringLiteral("化学物質規制調査 5件"));
        after = disclosureFindings(f);
        QCOMPARE(after.size(), 1);
        QVERIFY2(!after.join('\n').contains(QStringLiteral("髙橋")), qPrintable(after.join('\n')));
        // The roster view sees it too: no such finding beside her any more.
        d->accept();
        person->reject();
        QVERIFY(roster->selectLabel(QStringLiteral("B")));
        for (int i = 0; i < roster->findingsList()->count(); ++i)
            QVERIFY(roster->findingsList()->item(i)->data(Qt::UserRole).toString() != QStringLiteral("disclosure-incomplete"));
    }

    void theNewDialogsHaveKeysThatDoNotClash()
    {
        meibo::test::TempDir dir;
        meibo::test::WindowFixture f(meibo::test::makeRegistryWithContract(dir));
        QList<QChar> menus;
        for (QAction* menu : f.window.menuBar()->actions())
            menus << menu->text().at(menu->text().indexOf(QLatin1Char('&')) + 1).toUpper();
        f.window.tabs()->setCurrentWidget(f.window.peopleView());
        QString clash = mnemonicClash(f.window.peopleView(), menus);
        QVERIFY2(clash.isEmpty(), qPrintable(clash));
        f.registry().addPerson([] {
            core::PersonData p;
            p.name = "見本 四郎";
            return p;
        }());
        f.window.session().notifyChanged();
        QPointer<gui::QualificationsDialog> d = f.window.peopleView()->openQualifications();
        QVERIFY(d);
        clash = mnemonicClash(d);
        QVERIFY2(clash.isEmpty(), qPrintable(clash));
        d->reject();
        QPointer<gui::ImportWizard> w = f.window.openImport();
        QVERIFY(w);
        for (int id : w->pageIds()) {
            clash = mnemonicClash(w->page(id));
            QVERIFY2(clash.isEmpty(), qPrintable(clash));
        }
        w->reject();
    }

    void aNewPersonHasNoQualificationsButtonUntilSaved()
    {
        meibo::test::TempDir dir;
        meibo::test::WindowFixture f(meibo::test::makeRegistryWithContract(dir));
        f.window.tabs()->setCurrentWidget(f.window.rosterView());
        QPointer<gui::PersonDialog> person = f.window.rosterView()->addPerson();
        QVERIFY(person);
        QVERIFY(!person->findChild<QPushButton*>(QStringLiteral("qualifications")));
        QVERIFY(!person->openQualifications());
        person->reject();
    }

    void thePeopleViewShowsAPersonInTwoContractsWithTheirHistory()
    {
        meibo::test::TempDir dir;
        const std::string path = meibo::test::makeRegistryWithContract(dir);
        {
            db::Vault vault = db::Vault::open(path, db::Secret::passphrase(meibo::test::kGuiPass));
            db::Registry reg(vault);
            reg.importRoster(reg.contract("K1").id, core::parseRosterCsv(kRoster, day("2026-06-01")));
            core::Contract c;
            c.code = "K2";
            c.title = "令和8年度別件調査";
            c.start = day("2026-07-01");
            c.end = day("2027-03-31");
            c.addressee = "経済産業省テスト課長";
            const auto k2 = reg.addContract(c);
            const std::int64_t taro = idOf(reg, "経済 太郎");
            reg.assign(k2, taro, core::Role::Manager, "B", "進捗管理のため", "A", day("2026-07-01"), std::nullopt);
            // He moved department from August: a second version of his record.
            core::PersonData p = reg.person(taro);
            p.department = "経営企画部";
            reg.changePerson(taro, p, day("2026-08-01"));
        }
        meibo::test::WindowFixture f(path);
        gui::PeopleView* view = f.window.peopleView();
        QVERIFY(view);
        f.window.tabs()->setCurrentWidget(view);
        QCOMPARE(view->peopleTable()->rowCount(), 2);

        QVERIFY(view->selectName(QStringLiteral("経済")));
        QCOMPARE(view->currentPersonId(), idOf(f.registry(), "経済 太郎"));
        QTableWidget* a = view->assignmentsTable();
        QCOMPARE(a->rowCount(), 2);
        QCOMPARE(a->item(0, 0)->text(), QStringLiteral("K1"));
        QCOMPARE(a->item(0, 2)->text(), QStringLiteral("情報管理責任者"));
        QCOMPARE(a->item(0, 3)->text(), QStringLiteral("A"));
        QCOMPARE(a->item(1, 0)->text(), QStringLiteral("K2"));
        QCOMPARE(a->item(1, 2)->text(), QStringLiteral("情報取扱管理者"));
        QCOMPARE(a->item(1, 4)->text(), QStringLiteral("2026-07-01"));
        // The history: the record now first (from August), then as it was until July's end.
        QTableWidget* h = view->historyTable();
        QCOMPARE(h->rowCount(), 2);
        QCOMPARE(h->item(0, 0)->text(), QStringLiteral("2026-08-01"));
        QCOMPARE(h->item(1, 1)->text(), QStringLiteral("2026-07-31"));
        int department = -1;
        for (int c = 0; c < h->columnCount(); ++c)
            if (h->horizontalHeaderItem(c)->text() == QStringLiteral("所属部署"))
                department = c;
        QVERIFY(department >= 0);
        QCOMPARE(h->item(0, department)->text(), QStringLiteral("経営企画部"));
        QCOMPARE(h->item(1, department)->text(), QStringLiteral("情報セキュリティ部"));

        // The search: by kana too, and a name nobody has selects nobody.
        QVERIFY(view->selectName(QStringLiteral("たかはし")));
        QCOMPARE(view->currentPersonId(), idOf(f.registry(), "髙橋 花子"));
        QCOMPARE(view->assignmentsTable()->rowCount(), 1);
        QVERIFY(!view->selectName(QStringLiteral("存在しない")));
        QCOMPARE(view->assignmentsTable()->rowCount(), 0);
        QVERIFY(!view->openQualifications());
        QVERIFY(view->messageBar()->isError());

        // A person added elsewhere appears when the view is shown again.
        view->searchEdit()->clear();
        f.window.tabs()->setCurrentIndex(0);
        f.registry().addPerson([] {
            core::PersonData p;
            p.name = "見本 四郎";
            return p;
        }());
        f.window.session().notifyChanged();
        f.window.tabs()->setCurrentWidget(view);
        QCOMPARE(view->peopleTable()->rowCount(), 3);
    }
};

int main(int argc, char** argv)
{
    meibo::test::TempDir config;
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.path()));
    gui::Application app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MeiboTest"));
    PeopleViewTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "PeopleViewTest.moc"
