// The rest of issue 17's words and steps: ending an assignment is confirmed (and on an agreed roster
// becomes a change notice); people are chosen by name (報告先, a training's participants); a saved
// report item moves on to the next; the export dialog remembers its choices and the report just
// finalized, and takes a new folder's name; the registry's refusals reach the window in Japanese;
// the side panels show findings without rule ids, their whole text in a tooltip.

#include "ExportDialog.h"
#include "MessageBar.h"
#include "PersonDialog.h"
#include "PersonPicker.h"
#include "Prompts.h"
#include "RegistersView.h"
#include "ReportView.h"
#include "RosterModel.h"
#include "RosterView.h"
#include "StructureView.h"
#include "WordsSupport.h"

#include "meibo/db/ChangeSets.h"
#include "meibo/db/Registers.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QMenu>
#include <QMenuBar>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextDocumentFragment>

using namespace meibo;
using namespace meibo::test::words;

namespace {

bool onRoster(Fixture& f, const char* label, const char* onDay)
{
    for (const auto& e : f.registry().roster(f.contractId(), day(onDay)))
        if (e.label == label)
            return true;
    return false;
}

/// The dialog window-modal on top of `parent` (what a button or key opened).
template <typename T> T* openDialog(QWidget* parent)
{
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* d = qobject_cast<T*>(w); d && d->isVisible() && d->parentWidget() && d->parentWidget()->window() == parent->window())
            return d;
    return nullptr;
}

void clickButton(QDialog* dialog, QDialogButtonBox::StandardButton which)
{
    auto* box = dialog->findChild<QDialogButtonBox*>();
    QVERIFY(box);
    QTest::mouseClick(box->button(which), Qt::LeftButton);
}

/// Checks every finding line of a side panel: the sentence without a rule id, the whole line in
/// its tooltip, the rule id kept as data.
void checkFindingLines(QListWidget* list, int atLeast, bool japanese)
{
    int findings = 0;
    for (int i = 0; i < list->count(); ++i) {
        const QListWidgetItem* item = list->item(i);
        const QString rule = item->data(Qt::UserRole).toString();
        if (rule.isEmpty())
            continue; // "No findings", "… and 3 more"
        ++findings;
        QVERIFY2(!item->text().contains(rule), qPrintable(item->text()));
        QVERIFY2(!item->text().contains(QLatin1Char('[')), qPrintable(item->text()));
        checkLanguage(item->text(), japanese);
        QCOMPARE(QTextDocumentFragment::fromHtml(item->toolTip()).toPlainText(), item->text());
    }
    QVERIFY2(findings >= atLeast, qPrintable(QString::number(findings)));
}

} // namespace

class WordsStepsTest : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        gui::setOpenFoldersOnDesktop(false);
        gui::setAnswerHook([](const QString&) { return true; });
        QSettings().clear(); // each test starts from nothing remembered
    }
    void cleanup()
    {
        gui::setAnswerHook({});
        gui::setFailureHook({});
    }

    void endingAnAssignmentIsConfirmed()
    {
        Fixture f;
        auto* view = f.window.rosterView();
        f.window.tabs()->setCurrentWidget(view);
        QVERIFY(view->selectLabel(QStringLiteral("D")));
        // The view's key opens the question for the last day, from the roster as from the menu.
        QVERIFY(view->endAction()->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        QVERIFY(view->table()->actions().contains(view->endAction()));
        f.window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&f.window));
        view->table()->setFocus();
        QTest::keyClick(view->table(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QDialog* dialog = openDialog<QDialog>(view);
        QVERIFY2(dialog, "no dialog opened by Ctrl+Shift+E");
        auto* lastDay = dialog->findChild<QDateEdit*>(QStringLiteral("lastDay"));
        QVERIFY(lastDay);
        lastDay->setDate(QDate(2026, 6, 30));

        // No: nothing changes.
        const auto audit = f.auditEntries();
        QString asked;
        gui::setAnswerHook([&](const QString& q) {
            asked = q;
            return false;
        });
        clickButton(dialog, QDialogButtonBox::Ok);
        QVERIFY2(asked.contains(QStringLiteral("2026-06-30")) && asked.contains(QStringLiteral("保安 次郎")),
                 qPrintable(asked));
        QCOMPARE(f.auditEntries(), audit);
        QVERIFY(onRoster(f, "D", "2026-07-01"));
        QCOMPARE(view->messageBar()->text(), QStringLiteral("Nothing was changed."));

        // Yes: D leaves after 2026-06-30, one audited step, as `roster end` does it.
        gui::setAnswerHook([](const QString&) { return true; });
        QVERIFY(view->selectLabel(QStringLiteral("D")));
        QVERIFY(view->endAssignment(QStringLiteral("D"), day("2026-06-30")));
        QVERIFY(onRoster(f, "D", "2026-06-30"));
        QVERIFY(!onRoster(f, "D", "2026-07-01"));
        QCOMPARE(f.auditEntries(), audit + 1);
        QCOMPARE(QString::fromStdString(f.registry().auditEntries(1).back().action), QStringLiteral("assignment.end"));
        QVERIFY2(view->messageBar()->text().contains(QStringLiteral("2026-06-30")), qPrintable(view->messageBar()->text()));
    }

    void endingAnAssignmentIsInTheEditMenu()
    {
        Language language(true);
        Fixture f;
        auto* view = f.window.rosterView();
        QVERIFY(view->selectLabel(QStringLiteral("D")));
        f.window.tabs()->setCurrentWidget(f.window.reportView());
        QAction* entry = nullptr;
        for (QAction* menu : f.window.menuBar()->actions())
            if (menu->menu())
                for (QAction* a : menu->menu()->actions())
                    if (a->text().contains(QStringLiteral("担当を終了")))
                        entry = a;
        QVERIFY2(entry, "no 担当を終了 in the menus");
        QVERIFY2(entry->text().contains(QStringLiteral("(&N)")), qPrintable(entry->text()));
        // The key is shown after a tab, not registered twice (the roster view owns it).
        QVERIFY2(entry->text().endsWith(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E).toString(QKeySequence::NativeText)),
                 qPrintable(entry->text()));
        QVERIFY(entry->shortcut().isEmpty());
        const auto audit = f.auditEntries();
        entry->trigger();
        QCOMPARE(f.window.tabs()->currentWidget(), static_cast<QWidget*>(view));
        QDialog* dialog = openDialog<QDialog>(view);
        QVERIFY2(dialog, "the menu opened no dialog");
        QVERIFY(dialog->findChild<QDateEdit*>(QStringLiteral("lastDay")));
        dialog->reject();
        QCOMPARE(f.auditEntries(), audit);
    }

    void endingAnAssignmentOnAnAgreedRosterDraftsAChangeNotice_data()
    {
        QTest::addColumn<bool>("japanese");
        QTest::newRow("ja") << true;
        QTest::newRow("en") << false;
    }
    void endingAnAssignmentOnAnAgreedRosterDraftsAChangeNotice()
    {
        QFETCH(bool, japanese);
        Language language(japanese);
        Fixture f;
        auto contract = f.registry().contract("METI-1");
        contract.rosterConsentedOn = day("2026-05-01");
        f.registry().updateContract(contract);
        f.window.session().notifyChanged();
        auto* view = f.window.rosterView();
        QVERIFY(view->selectLabel(QStringLiteral("D")));
        const auto audit = f.auditEntries();
        QString asked;
        gui::setAnswerHook([&](const QString& q) {
            asked = q;
            return false;
        });
        QVERIFY(!view->endAssignment(QStringLiteral("D"), day("2026-06-30")));
        checkLanguage(asked, japanese);
        QVERIFY2(asked.contains(QStringLiteral("2026-07-01")), qPrintable(asked));
        QVERIFY2(asked.contains(japanese ? QStringLiteral("変更届") : QStringLiteral("notice")), qPrintable(asked));
        QVERIFY(db::ChangeSets(f.window.session().vault()).list(f.contractId()).empty());
        QCOMPARE(f.auditEntries(), audit);

        gui::setAnswerHook([](const QString&) { return true; });
        QVERIFY2(view->endAssignment(QStringLiteral("D"), day("2026-06-30")), qPrintable(view->messageBar()->text()));
        checkLanguage(view->messageBar()->text(), japanese);
        const auto sets = db::ChangeSets(f.window.session().vault()).list(f.contractId());
        QCOMPARE(sets.size(), std::size_t(1));
        QCOMPARE(sets.front().state, core::ChangeState::Draft);
        QCOMPARE(core::formatIsoDate(sets.front().effective), std::string("2026-07-01"));
        QCOMPARE(sets.front().items.size(), std::size_t(1));
        QCOMPARE(sets.front().items.front().kind, core::ChangeItem::Kind::Leave);
        QCOMPARE(sets.front().items.front().label, std::string("D"));
        // The roster itself waits for the ministry.
        QVERIFY(onRoster(f, "D", "2026-07-01"));
    }

    void reportsToIsChosenByName()
    {
        Fixture f;
        auto* view = f.window.rosterView();
        QVERIFY(view->selectLabel(QStringLiteral("D")));
        gui::PersonDialog* dialog = view->editSelected();
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("pickReportsTo")));
        gui::PersonPicker* picker = dialog->pickReportsTo();
        QVERIFY(picker);
        // Everyone else on the roster by name, not D itself; B is chosen now.
        QCOMPARE(picker->list()->count(), 2);
        QVERIFY(picker->list()->item(0)->text().contains(QStringLiteral("経済 太郎")));
        QCOMPARE(picker->chosen(), QStringList{QStringLiteral("B")});
        // Typing a name narrows the list and chooses the first match.
        picker->searchEdit()->setText(QStringLiteral("経済")); // as typed (keyClicks takes ASCII only)
        int shown = 0;
        for (int i = 0; i < picker->list()->count(); ++i)
            shown += !picker->list()->item(i)->isHidden();
        QCOMPARE(shown, 1);
        QCOMPARE(picker->chosen(), QStringList{QStringLiteral("A")});
        clickButton(picker, QDialogButtonBox::Ok);
        QCOMPARE(dialog->edit(QStringLiteral("reports_to"))->text(), QStringLiteral("A"));
        QVERIFY(dialog->fieldError(QStringLiteral("reports_to")).isEmpty());
        QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
        dialog->accept();
        bool moved = false;
        for (const auto& e : f.registry().roster(f.contractId(), day("2026-06-01")))
            moved = moved || (e.label == "D" && e.reportsTo == "A");
        QVERIFY(moved);
    }

    void aTrainingsParticipantsAreChosenTogether()
    {
        Fixture f;
        auto* view = f.window.registersView();
        f.window.tabs()->setCurrentWidget(view);
        gui::RegisterEntryDialog* dialog = view->addEntry(QStringLiteral("training"));
        QVERIFY(dialog);
        gui::PersonPicker* picker = dialog->pickPeople();
        QVERIFY(picker);
        QCOMPARE(picker->list()->count(), 3);
        picker->searchEdit()->setText(QStringLiteral("保安"));
        QCOMPARE(picker->chosen(), QStringList{}); // several: ticked, not the first match
        picker->searchEdit()->clear();
        picker->setChosen({QStringLiteral("A"), QStringLiteral("D")});
        clickButton(picker, QDialogButtonBox::Ok);
        auto* person = dialog->findChild<QLineEdit*>(QStringLiteral("person"));
        QVERIFY(person);
        QCOMPARE(person->text(), QStringLiteral("A, D"));
        dialog->setValue(QStringLiteral("course"), QStringLiteral("情報セキュリティ基礎研修"));
        dialog->setValue(QStringLiteral("on"), QStringLiteral("2026-05-20"));

        // One label that is nobody's: nothing at all is recorded (all or none).
        const auto audit = f.auditEntries();
        dialog->setValue(QStringLiteral("person"), QStringLiteral("A, Z, D"));
        QVERIFY(!dialog->save());
        QVERIFY2(dialog->messageBar()->text().contains(QStringLiteral("Z")), qPrintable(dialog->messageBar()->text()));
        QCOMPARE(f.auditEntries(), audit);
        QVERIFY(db::Registers(f.window.session().vault()).list(f.contractId(), "training").empty());

        dialog->setValue(QStringLiteral("person"), QStringLiteral("A, D"));
        QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
        dialog->accept();
        const auto entries = db::Registers(f.window.session().vault()).list(f.contractId(), "training");
        QCOMPARE(entries.size(), std::size_t(2));
        QCOMPARE(entries[0].field("person"), std::string("A"));
        QCOMPARE(entries[1].field("person"), std::string("D"));
        QCOMPARE(entries[1].field("course"), std::string("情報セキュリティ基礎研修"));
        QCOMPARE(f.auditEntries(), audit + 2);
    }

    void aSavedReportItemMovesToTheNext()
    {
        Fixture f;
        auto* view = f.window.reportView();
        f.window.tabs()->setCurrentWidget(view);
        view->periodEndEdit()->setDate(QDate(2026, 9, 30));
        const auto id = view->createReport();
        QVERIFY2(id, qPrintable(view->messageBar()->text()));
        QVERIFY(view->selectItem(QStringLiteral("2")));
        const int row = view->table()->currentRow();
        view->statusCombo()->setCurrentIndex(view->statusCombo()->findData(int(core::ItemStatus::Done)));
        QVERIFY2(view->saveItem(), qPrintable(view->messageBar()->text()));
        QCOMPARE(core::lineStatus(db::Reports(f.window.session().vault()).get(*id), "2"), core::ItemStatus::Done);
        QCOMPARE(view->table()->currentRow(), row + 1);
        QCOMPARE(view->table()->item(row + 1, 0)->data(Qt::UserRole).toString(), QStringLiteral("3"));
        // The editor shows the next item, not the one just saved.
        QCOMPARE(view->statusCombo()->currentData().toInt(), int(core::ItemStatus::Unset));

        // A refusal (no status chosen) stays on the item and saves nothing.
        const auto audit = f.auditEntries();
        QVERIFY(!view->saveItem());
        QCOMPARE(view->table()->currentRow(), row + 1);
        QCOMPARE(f.auditEntries(), audit);
    }

    void theExportDialogRemembersItsChoicesAndTheFinalizedReport()
    {
        Fixture f;
        const auto reportId = completeReport(f);
        auto* reportView = f.window.reportView();
        f.window.tabs()->setCurrentWidget(reportView);
        reportView->onEdit()->setDate(QDate(2026, 10, 5));
        QVERIFY2(reportView->finalize(), qPrintable(reportView->messageBar()->text()));

        gui::ExportDialog* dialog = f.window.openExport();
        QVERIFY(dialog);
        // The report just finalized is chosen.
        QCOMPARE(dialog->reportCombo()->currentData().toLongLong(), qlonglong(reportId));
        dialog->reportCombo()->setCurrentIndex(0);
        dialog->preContractCheck()->setChecked(true);
        dialog->csvKeysCheck()->setChecked(true);
        // A folder that does not exist, two levels down: asked first; No writes nothing.
        const QString folder = QString::fromStdString(f.dir.file("提出/2026-10"));
        dialog->folderEdit()->setText(folder);
        QString asked;
        gui::setAnswerHook([&](const QString& q) {
            asked = q;
            return false;
        });
        QVERIFY(!dialog->start());
        QVERIFY2(asked.contains(QStringLiteral("does not exist")), qPrintable(asked));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(f.dir.file("提出"))));

        gui::setAnswerHook([](const QString&) { return true; });
        QSignalSpy finished(dialog, &gui::ExportDialog::finished);
        QVERIFY2(dialog->start(), qPrintable(dialog->messageBar()->text()));
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.takeFirst().at(0).toBool(), qPrintable(dialog->messageBar()->text()));
        QVERIFY(QFileInfo(folder).isDir());
        QVERIFY(!QDir(folder).isEmpty());
        dialog->reject();

        // Next time: the same choices and folder; the report still the one finalized last.
        gui::ExportDialog* again = f.window.openExport();
        QVERIFY(again);
        QVERIFY(again->preContractCheck()->isChecked());
        QVERIFY(!again->deletionCheck()->isChecked());
        QVERIFY(again->csvKeysCheck()->isChecked());
        QVERIFY(again->isoDatesCheck()->isChecked());
        QVERIFY(!again->methodsCheck()->isChecked());
        QCOMPARE(again->folderEdit()->text(), QDir::cleanPath(folder));
        QCOMPARE(again->reportCombo()->currentData().toLongLong(), qlonglong(reportId));
        QVERIFY(again->p12PassphraseEdit()->text().isEmpty());
        again->reject();
    }

    void aRefusalOfTheRegistryReachesTheWindowInJapanese_data()
    {
        endingAnAssignmentOnAnAgreedRosterDraftsAChangeNotice_data();
    }
    void aRefusalOfTheRegistryReachesTheWindowInJapanese()
    {
        QFETCH(bool, japanese);
        Language language(japanese);
        Fixture f;
        auto* view = f.window.registersView();
        gui::RegisterEntryDialog* dialog = view->addEntry(QStringLiteral("training"));
        QVERIFY(dialog);
        dialog->setValue(QStringLiteral("person"), QStringLiteral("Z"));
        dialog->setValue(QStringLiteral("course"), QStringLiteral("基礎研修"));
        dialog->setValue(QStringLiteral("on"), QStringLiteral("2026-05-20"));
        const auto audit = f.auditEntries();
        QVERIFY(!dialog->save());
        const QString text = dialog->messageBar()->text();
        checkLanguage(text, japanese);
        QVERIFY2(text.contains(QStringLiteral("Z")), qPrintable(text));
        QCOMPARE(f.auditEntries(), audit);
        dialog->reject();

        // Ending the assignment of someone not on the roster that day: refused in words, nothing changed.
        QVERIFY(!f.window.rosterView()->endAssignment(QStringLiteral("D"), day("2026-03-01")));
        const QString refused = f.window.rosterView()->messageBar()->text();
        checkLanguage(refused, japanese);
        QCOMPARE(f.auditEntries(), audit);
    }

    void sidePanelsShowSentencesWithoutRuleIds_data() { endingAnAssignmentOnAnAgreedRosterDraftsAChangeNotice_data(); }
    void sidePanelsShowSentencesWithoutRuleIds()
    {
        QFETCH(bool, japanese);
        Language language(japanese);
        Fixture f;
        // Without its 情報管理責任者 from 2026-06-16, the structure has findings of its own.
        f.registry().endAssignment(f.contractId(), "A", day("2026-06-15"));
        f.window.session().notifyChanged();

        auto* roster = f.window.rosterView();
        f.window.tabs()->setCurrentWidget(roster);
        QVERIFY(roster->selectLabel(QStringLiteral("D")));
        checkFindingLines(roster->findingsList(), 1, japanese);
        roster->table()->clearSelection();
        roster->table()->setCurrentIndex(QModelIndex());
        checkFindingLines(roster->findingsList(), 2, japanese);

        auto* structure = f.window.structureView();
        f.window.tabs()->setCurrentWidget(structure);
        structure->refresh();
        checkFindingLines(structure->findingsList(), 1, japanese);
    }
};

int main(int argc, char** argv)
{
    meibo::test::TempDir config;
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.path()));
    gui::Application app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MeiboWordsStepsTest"));
    WordsStepsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "WordsStepsTest.moc"
