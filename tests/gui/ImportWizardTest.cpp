// The import wizard as the officer drives it (QT_QPA_PLATFORM=offscreen): CP932 CSV and .xlsx files
// from tests/data/import, a sheet chosen, an unusual heading mapped, a bad row shown with its
// Japanese sentence, and every refusal leaving the registry as it was.

#include "Application.h"
#include "ContractPicker.h"
#include "Convert.h"
#include "GuiFixture.h"
#include "ImportWizard.h"
#include "MessageBar.h"
#include "Prompts.h"
#include "RosterView.h"

#include "meibo/core/RosterCsv.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPointer>
#include <QTableWidget>
#include <QTest>
#include <QUrl>

using namespace meibo;
using meibo::test::day;

namespace {

const std::string kData = MEIBO_TEST_DATA "/import/";

/// Every assignment of contract K1, as "label name" lines.
QStringList rosterOf(db::Registry reg)
{
    QStringList out;
    for (const auto& e : reg.assignments(reg.contract("K1").id))
        out << QStringLiteral("%1 %2").arg(gui::qs(e.label), gui::qs(e.person.name));
    out.sort();
    return out;
}

/// Waits until the wizard has read the file.
bool waitRead(gui::ImportWizard& w)
{
    for (int i = 0; i < 200 && w.isLoading(); ++i)
        QTest::qWait(25);
    return !w.isLoading();
}

/// The combo of the mapping row whose heading is `heading`.
QComboBox* mappingCombo(gui::ImportWizard& w, const QString& heading)
{
    for (int r = 0; r < w.mappingTable()->rowCount(); ++r)
        if (w.mappingTable()->item(r, 0)->text() == heading)
            return qobject_cast<QComboBox*>(w.mappingTable()->cellWidget(r, 2));
    return nullptr;
}

/// The preview row of a file line.
int previewRow(gui::ImportWizard& w, int line)
{
    for (int r = 0; r < w.previewTable()->rowCount(); ++r)
        if (w.previewTable()->item(r, 0)->text() == QString::number(line))
            return r;
    return -1;
}

} // namespace

class ImportWizardTest : public QObject {
    Q_OBJECT
private slots:
    void init() { gui::setUiLanguage(QStringLiteral("ja")); }
    void cleanup() { gui::setUiLanguage(QStringLiteral("en")); }

    void aCp932CsvIsImported()
    {
        meibo::test::TempDir dir;
        meibo::test::WindowFixture f(meibo::test::makeRegistryWithContract(dir));
        QPointer<gui::ImportWizard> w = f.window.openImport(QString::fromStdString(kData + "roster-ja-cp932.csv"));
        QVERIFY(w);
        QVERIFY(waitRead(*w));
        QCOMPARE(w->contractPicker()->currentData().toString(), QStringLiteral("K1"));
        QVERIFY2(w->formatLabel()->text().contains(QStringLiteral("Shift_JIS (CP932)")), qPrintable(w->formatLabel()->text()));
        QVERIFY(!w->sheetCombo()->isEnabled());
        QCOMPARE(int(w->parsed().issues.size()), 0);
        // The Japanese headings, each read as its item.
        QComboBox* name = mappingCombo(*w, QStringLiteral("氏名"));
        QVERIFY(name);
        QCOMPARE(name->currentData().toString(), QStringLiteral("name"));
        QCOMPARE(mappingCombo(*w, QStringLiteral("生年月日"))->currentData().toString(), QStringLiteral("birth_date"));
        w->next();
        w->next();
        QCOMPARE(w->currentId(), int(gui::ImportWizard::PreviewPage));
        QCOMPARE(w->previewTable()->rowCount(), 3);
        QCOMPARE(w->previewTable()->item(previewRow(*w, 3), 4)->text(), QStringLiteral("髙橋 花子"));
        QVERIFY(w->problemsOfLine(3).isEmpty());
        QVERIFY(w->importRoster());
        QCOMPARE(rosterOf(f.registry()),
                 (QStringList{QStringLiteral("A 経済 太郎"), QStringLiteral("B 髙橋 花子"), QStringLiteral("C Emily Carter")}));
        const auto roster = f.registry().assignments(f.registry().contract("K1").id);
        QCOMPARE(QString::fromStdString(roster[2].person.passportNo), QStringLiteral("TZ1234567"));
        QVERIFY(w->outcome().contains(QStringLiteral("K1")));
    }

    void anXlsxWorkbookIsImportedFromTheSheetChosen()
    {
        meibo::test::TempDir dir;
        meibo::test::WindowFixture f(meibo::test::makeRegistryWithContract(dir));
        QPointer<gui::ImportWizard> w = f.window.openImport(QString::fromStdString(kData + "form4-two-sheets.xlsx"));
        QVERIFY(w && waitRead(*w));
        // Two sheets hold a roster: the officer chooses, and the sentence names no command-line option.
        QLabel* message = nullptr;
        for (QLabel* l : w->findChildren<QLabel*>())
            if (l->text().contains(QStringLiteral("K1")) && l->text().contains(QStringLiteral("K2")) && l->isVisibleTo(w))
                message = l;
        QVERIFY(message);
        QVERIFY2(!message->text().contains(QStringLiteral("--")), qPrintable(message->text()));
        QVERIFY(!w->button(QWizard::NextButton)->isEnabled());
        QVERIFY(w->sheetCombo()->isEnabled());
        QVERIFY(w->sheetCombo()->findData(QStringLiteral("メモ")) >= 0);
        QVERIFY(!w->importRoster());
        QVERIFY(rosterOf(f.registry()).isEmpty());

        w->sheetCombo()->setCurrentIndex(w->sheetCombo()->findData(QStringLiteral("K2")));
        QVERIFY(waitRead(*w));
        QCOMPARE(QString::fromStdString(w->parsed().sheet), QStringLiteral("K2"));
        QVERIFY(w->formatLabel()->text().contains(QStringLiteral(".xlsx")));
        QCOMPARE(int(w->parsed().issues.size()), 0);
        QVERIFY(w->button(QWizard::NextButton)->isEnabled());
        w->next();
        w->next();
        QCOMPARE(w->previewTable()->rowCount(), 5);
        // What the form lacks is stated: every row starts with the contract.
        QVERIFY2(w->summaryLabel()->text().contains(QStringLiteral("2026-04-01")), qPrintable(w->summaryLabel()->text()));
        QVERIFY(w->importRoster());
        QCOMPARE(rosterOf(f.registry()).size(), 5);
        for (const auto& e : f.registry().assignments(f.registry().contract("K1").id))
            QCOMPARE(gui::isoText(e.validFrom), QStringLiteral("2026-04-01"));
    }

    void aBadRowShowsItsProblemInJapaneseAndNothingIsImported()
    {
        meibo::test::TempDir dir;
        meibo::test::WindowFixture f(meibo::test::makeRegistryWithContract(dir));
        const std::string file = dir.file("名簿.csv");
        meibo::test::writeText(file, "区分,記号,氏名,生年月日,国籍,在留区分,報告先,必要性\n"
                                     "情報管理責任者,A,経済 太郎,1970-04-01,JP,日本国籍,,全体の責任者\n"
                                     "業務従事者,B,髙橋 花子,1985-02-30,JP,日本国籍,A,分析を担当\n");
        const auto auditBefore = f.registry().auditEntries().size();
        QPointer<gui::ImportWizard> w = f.window.openImport(QString::fromStdString(file));
        QVERIFY(w && waitRead(*w));
        QVERIFY(w->formatLabel()->text().contains(QStringLiteral("UTF-8")));
        w->next();
        w->next();
        QCOMPARE(w->previewTable()->rowCount(), 2);
        // The bad row: its line, its column and the field's Japanese sentence beside it.
        const QString problem = w->previewTable()->item(previewRow(*w, 3), 1)->text();
        QVERIFY2(problem.contains(QStringLiteral("3行目・生年月日列：「1985-02-30」は使えません。")), qPrintable(problem));
        QVERIFY(problem.contains(QStringLiteral("過去の日付")));
        QVERIFY(w->previewTable()->item(previewRow(*w, 2), 1)->text() != problem);
        // Import refused (the Import button too): the message says why, the registry is unchanged.
        QVERIFY(!w->importRoster());
        QVERIFY(w->messageBar()->isError());
        QVERIFY(!w->messageBar()->text().isEmpty());
        w->button(QWizard::FinishButton)->click();
        QVERIFY(w->isVisible());
        QVERIFY(rosterOf(f.registry()).isEmpty());
        QCOMPARE(f.registry().auditEntries().size(), auditBefore);
        QVERIFY(f.registry().people().empty());
    }

    void aRefusalOfTheRegistryLeavesItUnchangedUntilTheOfficerLinks()
    {
        meibo::test::TempDir dir;
        const std::string path = meibo::test::makeRegistryWithContract(dir);
        {
            // 経済 太郎 is already on another contract: the same name and date of birth.
            db::Vault vault = db::Vault::open(path, db::Secret::passphrase(meibo::test::kGuiPass));
            db::Registry reg(vault);
            core::Contract c;
            c.code = "K0";
            c.title = "前年度の調査";
            c.start = day("2025-04-01");
            c.end = day("2026-03-31");
            c.addressee = "経済産業省テスト課長";
            const auto id = reg.addContract(c);
            reg.importRoster(id, core::parseRosterCsv("区分,記号,氏名,生年月日,国籍,在留区分,必要性\n"
                                                      "情報管理責任者,A,経済 太郎,1970-04-01,JP,日本国籍,責任者\n",
                                                      day("2026-06-01")));
        }
        meibo::test::WindowFixture f(path);
        const auto auditBefore = f.registry().auditEntries().size();
        QPointer<gui::ImportWizard> w = f.window.openImport(QString::fromStdString(kData + "roster-ja-cp932.csv"));
        QVERIFY(w && waitRead(*w));
        w->contractPicker()->selectCode(QStringLiteral("K1"));
        QVERIFY(!w->linkExistingCheck()->isChecked());
        QVERIFY(!w->importRoster());
        QVERIFY(w->messageBar()->isError());
        QVERIFY2(w->messageBar()->text().contains(QStringLiteral("経済 太郎")), qPrintable(w->messageBar()->text()));
        QVERIFY2(w->messageBar()->text().contains(QStringLiteral("何も取り込んでいません")), qPrintable(w->messageBar()->text()));
        QVERIFY(rosterOf(f.registry()).isEmpty());
        QCOMPARE(f.registry().auditEntries().size(), auditBefore);
        QCOMPARE(f.registry().people().size(), std::size_t(1));

        w->linkExistingCheck()->setChecked(true);
        QVERIFY(w->importRoster());
        QCOMPARE(rosterOf(f.registry()).size(), 3);
        QCOMPARE(f.registry().people().size(), std::size_t(3)); // 経済 太郎 linked, two new
    }

    void anUnusualHeadingIsMappedByTheOfficer()
    {
        meibo::test::TempDir dir;
        meibo::test::WindowFixture f(meibo::test::makeRegistryWithContract(dir));
        const std::string file = dir.file("roster.csv");
        meibo::test::writeText(file, "区分,記号,お名前,生年月日,国籍,在留区分,報告先,必要性,備考\n"
                                     "情報管理責任者,A,経済 太郎,1970-04-01,JP,日本国籍,,全体の責任者,社内メモ\n"
                                     "業務従事者,B,髙橋 花子,1985-12-03,JP,日本国籍,A,分析を担当,\n");
        QPointer<gui::ImportWizard> w = f.window.openImport(QString::fromStdString(file));
        QVERIFY(w && waitRead(*w));
        // Unknown headings: refused by the reader, shown as not recognized.
        QVERIFY(!w->parsed().issues.empty());
        QVERIFY(!w->importRoster());
        QComboBox* name = mappingCombo(*w, QStringLiteral("お名前"));
        QVERIFY(name);
        QCOMPARE(name->currentData().toString(), QStringLiteral("?"));
        name->setCurrentIndex(name->findData(QStringLiteral("name")));
        QVERIFY(waitRead(*w));
        // 備考 is still unknown; ignoring it leaves no problem.
        QVERIFY(!w->parsed().issues.empty());
        QComboBox* note = mappingCombo(*w, QStringLiteral("備考"));
        QVERIFY(note);
        note->setCurrentIndex(note->findData(QString()));
        QVERIFY(waitRead(*w));
        QVERIFY2(w->parsed().issues.empty(), core::formatIssues(w->parsed().issues, true).c_str());
        QCOMPARE(mappingCombo(*w, QStringLiteral("お名前"))->currentData().toString(), QStringLiteral("name"));
        w->next();
        w->next();
        QVERIFY(w->summaryLabel()->text().contains(QStringLiteral("備考")));
        QVERIFY(w->importRoster());
        QCOMPARE(rosterOf(f.registry()), (QStringList{QStringLiteral("A 経済 太郎"), QStringLiteral("B 髙橋 花子")}));
    }

    void aRosterFileDroppedOnTheRosterOpensTheWizard()
    {
        meibo::test::TempDir dir;
        meibo::test::WindowFixture f(meibo::test::makeRegistryWithContract(dir));
        f.window.tabs()->setCurrentWidget(f.window.rosterView());
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(QString::fromStdString(kData + "form4.xlsx"))});
        QWidget* target = f.window.rosterView();
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &drop);
        auto* w = f.window.findChild<gui::ImportWizard*>();
        QVERIFY(w);
        QVERIFY(waitRead(*w));
        QVERIFY(w->fileEdit()->text().endsWith(QStringLiteral("form4.xlsx")));
        QVERIFY2(w->parsed().issues.empty(), core::formatIssues(w->parsed().issues, true).c_str());
        // Something that is no roster file is not taken.
        QMimeData other;
        other.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/picture.png"))});
        QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
        refused.ignore();
        QApplication::sendEvent(target, &refused);
        QVERIFY(!refused.isAccepted());
        w->reject();
    }
};

int main(int argc, char** argv)
{
    meibo::test::TempDir config;
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.path()));
    gui::Application app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MeiboTest"));
    ImportWizardTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "ImportWizardTest.moc"
