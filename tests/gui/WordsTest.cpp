// Every word the window shows a person: refusals in the interface language with no command line, key
// or rule id; steps that cannot be undone confirmed (No changes nothing, Yes does it); the recovery
// key kept before its dialog closes; the audit log as a history; every view and dialog usable at
// 1366×768 with no mnemonic twice, in both languages.

#include "Application.h"
#include "AuditView.h"
#include "ChangesView.h"
#include "ContractDialog.h"
#include "Convert.h"
#include "CreateDialog.h"
#include "DashboardView.h"
#include "ExportDialog.h"
#include "GuiFixture.h"
#include "Mnemonics.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "MethodsDialog.h"
#include "PersonDialog.h"
#include "PersonPicker.h"
#include "Prompts.h"
#include "RecoveryKeyDialog.h"
#include "RegistersView.h"
#include "ReportView.h"
#include "RosterView.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "TestSupport.h"
#include "UnlockDialog.h"
#include "WordsSupport.h"

#include "meibo/core/Registers.h"
#include "meibo/core/Report.h"
#include "meibo/core/RosterFields.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Reports.h"
#include "meibo/db/Vault.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPdfWriter>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>

using namespace meibo;

namespace {
using namespace meibo::test::words;

void clickOk(QDialog& dialog)
{
    auto* box = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(box);
    QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

/// Fails when two texts shown in `window` (labels, buttons, group boxes) share a mnemonic.
void checkMnemonics(QWidget* window, const QString& name)
{
    const QString clash = meibo::test::mnemonicClash(window);
    QVERIFY2(clash.isEmpty(), qPrintable(name + QStringLiteral(": ") + clash));
}

/// Fails unless `window` fits 1366×768 and every button it shows lies inside it (a button inside a
/// scroll area counts when the area itself is inside).
void checkFits(QWidget* window, const QString& name)
{
    window->resize(window->size().boundedTo(QSize(1366, 768)));
    QApplication::processEvents();
    QVERIFY2(window->width() <= 1366 && window->height() <= 768,
             qPrintable(QStringLiteral("%1 is %2×%3").arg(name).arg(window->width()).arg(window->height())));
    QVERIFY2(window->minimumSizeHint().height() <= 768,
             qPrintable(QStringLiteral("%1 needs %2 px").arg(name).arg(window->minimumSizeHint().height())));
    const QRect inside = window->rect();
    for (QAbstractButton* b : window->findChildren<QAbstractButton*>()) {
        if (!b->isVisibleTo(window) || b->window() != window)
            continue;
        QWidget* reference = b;
        for (QWidget* p = b->parentWidget(); p && p != window; p = p->parentWidget())
            if (qobject_cast<QAbstractScrollArea*>(p))
                reference = p; // reachable by scrolling: the area must be in view
        const QRect r(reference->mapTo(window, QPoint(0, 0)), reference->size());
        QVERIFY2(inside.contains(r), qPrintable(QStringLiteral("%1: “%2” at %3,%4 %5×%6 is outside %7×%8")
                                                    .arg(name, b->text())
                                                    .arg(r.x())
                                                    .arg(r.y())
                                                    .arg(r.width())
                                                    .arg(r.height())
                                                    .arg(inside.width())
                                                    .arg(inside.height())));
    }
}

/// A change set of D's title, submitted (and, when asked, consented).
std::int64_t changeSet(Fixture& f, bool consented)
{
    db::ChangeSets changes(f.window.session().vault());
    const auto id = changes.create(f.contractId(), day("2026-07-01"), "昇任", false);
    core::ChangeItem item;
    item.kind = core::ChangeItem::Kind::Set;
    item.label = "D";
    item.fields.emplace_back("title", "主任研究員");
    changes.addItems(id, {item});
    changes.submit(id, day("2026-06-01"), "電子メール");
    if (consented)
        changes.consent(id, day("2026-06-10"), "担当職員");
    f.window.session().notifyChanged();
    return id;
}
} // namespace

class WordsTest : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        gui::setOpenFoldersOnDesktop(false);
        gui::setAnswerHook([](const QString&) { return true; });
    }
    void cleanup()
    {
        gui::setAnswerHook({});
        gui::setFailureHook({});
        gui::RecoveryKeyDialog::setPrintHook({});
    }

    void theWrongPassphraseIsSaidForAPerson_data()
    {
        QTest::addColumn<bool>("japanese");
        QTest::newRow("ja") << true;
        QTest::newRow("en") << false;
    }
    void theWrongPassphraseIsSaidForAPerson()
    {
        QFETCH(bool, japanese);
        Language language(japanese);
        meibo::test::TempDir dir;
        const QString path = QString::fromStdString(seededRegistry(dir));
        const auto before = meibo::test::readBytes(path.toStdString());
        gui::UnlockDialog dialog(path);
        dialog.show();
        QSignalSpy attempts(&dialog, &gui::UnlockDialog::attemptFinished);
        QTest::keyClicks(dialog.secretEdit(), QStringLiteral("not the passphrase"));
        clickOk(dialog);
        QVERIFY(attempts.wait(10000));
        const QString text = dialog.errorLabel()->text();
        checkLanguage(text, japanese);
        QVERIFY2(text.contains(japanese ? QStringLiteral("回復キーを使う") : QStringLiteral("Use the recovery key instead")),
                 qPrintable(text));
        QVERIFY(meibo::test::readBytes(path.toStdString()) == before);
    }

    void applyingBeforeConsentIsRefusedInWords_data() { theWrongPassphraseIsSaidForAPerson_data(); }
    void applyingBeforeConsentIsRefusedInWords()
    {
        QFETCH(bool, japanese);
        Language language(japanese);
        Fixture f;
        const auto id = changeSet(f, false);
        auto* view = f.window.changesView();
        f.window.tabs()->setCurrentWidget(view);
        QVERIFY(view->selectChange(id));
        const auto audit = f.auditEntries();
        QVERIFY(!view->apply());
        const QString text = view->messageBar()->text();
        checkLanguage(text, japanese);
        QVERIFY2(text.contains(japanese ? QStringLiteral("「同意」") : QStringLiteral("(Consent)")), qPrintable(text));
        QCOMPARE(view->selected()->state, core::ChangeState::Submitted);
        QCOMPARE(f.auditEntries(), audit);
    }

    void theFinalizeRefusalScrollsAndKeepsFinalizeOnScreen_data() { theWrongPassphraseIsSaidForAPerson_data(); }
    void theFinalizeRefusalScrollsAndKeepsFinalizeOnScreen()
    {
        QFETCH(bool, japanese);
        Language language(japanese);
        Fixture f;
        const auto id = db::Reports(f.window.session().vault()).create(f.contractId(), day("2026-09-30"));
        f.window.session().notifyChanged();
        auto* view = f.window.reportView();
        f.window.tabs()->setCurrentWidget(view);
        QVERIFY(view->current());
        QCOMPARE(view->current()->id, id);
        const auto audit = f.auditEntries();
        QVERIFY(!view->finalize());
        const QString text = view->messageBar()->text();
        checkLanguage(text, japanese);
        QVERIFY2(text.contains(japanese ? QStringLiteral("確定できません") : QStringLiteral("cannot be finalized")),
                 qPrintable(text));
        QCOMPARE(db::Reports(f.window.session().vault()).get(id).state, core::ReportState::Draft);
        QCOMPARE(f.auditEntries(), audit);
        // Twenty missing answers scroll inside the bar; the window keeps its size and 確定 stays in it.
        QApplication::processEvents();
        QVERIFY(view->messageBar()->height() <= view->messageBar()->maximumGrowth());
        checkFits(&f.window, QStringLiteral("report view with the refusal"));
        for (const QString& gap : [&] {
                 QStringList out;
                 for (int i = 0; i < view->gapsList()->count(); ++i)
                     out << view->gapsList()->item(i)->text();
                 return out;
             }())
            checkLanguage(gap, japanese);
    }

    void aFullExportFolderIsRefusedInWords_data() { theWrongPassphraseIsSaidForAPerson_data(); }
    void aFullExportFolderIsRefusedInWords()
    {
        QFETCH(bool, japanese);
        Language language(japanese);
        Fixture f;
        gui::ExportDialog* dialog = f.window.openExport();
        QVERIFY(dialog);
        dialog->methodsCheck()->setChecked(false);
        const std::string busy = f.dir.file("busy");
        QDir().mkpath(QString::fromStdString(busy));
        meibo::test::writeText(busy + "/keep.txt", "mine");
        dialog->folderEdit()->setText(QString::fromStdString(busy));
        QVERIFY(!dialog->start());
        // The folder's path is quoted as it is; the sentence around it is the person's.
        QString text = dialog->messageBar()->text();
        text.remove(QString::fromStdString(busy));
        checkLanguage(text, japanese);
        QCOMPARE(QDir(QString::fromStdString(busy)).entryList(QDir::Files).size(), 1);
        dialog->reject();
    }

    void contractDatesAreTakenAsPeopleTypeThem_data() { theWrongPassphraseIsSaidForAPerson_data(); }
    void contractDatesAreTakenAsPeopleTypeThem()
    {
        QFETCH(bool, japanese);
        Language language(japanese);
        Fixture f;
        gui::ContractDialog* dialog = f.window.openContract(false);
        QVERIFY(dialog);
        const auto audit = f.auditEntries();
        dialog->edit(QStringLiteral("code"))->setText(QStringLiteral("METI-2"));
        dialog->edit(QStringLiteral("title"))->setText(QStringLiteral("第二調査"));
        dialog->edit(QStringLiteral("start"))->setText(QStringLiteral("2026年7月1日"));
        dialog->edit(QStringLiteral("end"))->setText(QStringLiteral("2026/13/45"));
        QVERIFY(!dialog->save());
        const QString text = dialog->messageBar()->text();
        checkLanguage(text.section(QStringLiteral("2026/13/45"), 0, 0) + text.section(QStringLiteral("2026/13/45"), 1),
                      japanese);
        QVERIFY2(text.contains(japanese ? QStringLiteral("契約の終了日") : QStringLiteral("The end of the contract")),
                 qPrintable(text));
        QCOMPARE(f.registry().contracts().size(), std::size_t(1));
        QCOMPARE(f.auditEntries(), audit);
        dialog->edit(QStringLiteral("end"))->setText(QStringLiteral("令和9年3月31日"));
        dialog->edit(QStringLiteral("signed"))->setText(QStringLiteral("R8.6.20"));
        QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
        const auto c = f.registry().contract("METI-2");
        QCOMPARE(QString::fromStdString(core::formatIsoDate(c.start)), QStringLiteral("2026-07-01"));
        QCOMPARE(QString::fromStdString(core::formatIsoDate(c.end)), QStringLiteral("2027-03-31"));
        QCOMPARE(isoTextOf(c.signedOn), QStringLiteral("2026-06-20"));
        dialog->accept();
    }

    void findingsShowTheirSentenceOnly_data() { theWrongPassphraseIsSaidForAPerson_data(); }
    void findingsShowTheirSentenceOnly()
    {
        QFETCH(bool, japanese);
        Language language(japanese);
        Fixture f;
        // The dashboard names no rule id; every finding is in the interface language (the grouped
        // findings' rows and every finding's sentence, as the dashboard holds them).
        const QString html = f.window.dashboard()->plainText();
        QVERIFY2(!html.contains(QStringLiteral("disclosure-incomplete")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("training-missing")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("meibo-cli")), qPrintable(html));
        QVERIFY2(html.contains(japanese ? QStringLiteral("情報セキュリティ教育") : QStringLiteral("training")), qPrintable(html));
        QVERIFY2(html.contains(japanese ? QStringLiteral("管理台帳の画面") : QStringLiteral("Registers view")),
                 qPrintable(html));
    }

    void consentToTheRosterIsConfirmed()
    {
        Fixture f;
        const auto audit = f.auditEntries();
        QString asked;
        gui::setAnswerHook([&](const QString& q) {
            asked = q;
            return false;
        });
        auto contract = f.registry().contract("METI-1");
        auto* dialog = new gui::ContractDialog(f.window.session(), contract, &f.window);
        dialog->edit(QStringLiteral("roster_consented"))->setText(QStringLiteral("2026/6/15"));
        QVERIFY(!dialog->save());
        QVERIFY2(asked.contains(QStringLiteral("change notice")), qPrintable(asked));
        QVERIFY(!f.registry().contract("METI-1").rosterConsentedOn);
        QCOMPARE(f.auditEntries(), audit);

        gui::setAnswerHook([&](const QString& q) {
            asked = q;
            return true;
        });
        QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
        QCOMPARE(isoTextOf(f.registry().contract("METI-1").rosterConsentedOn), QStringLiteral("2026-06-15"));
        // Saving again asks nothing more.
        asked.clear();
        QVERIFY(dialog->save());
        QVERIFY(asked.isEmpty());
        delete dialog;
    }

    void finalizingIsConfirmedAndNamesContradictedItems()
    {
        Fixture f;
        const auto id = completeReport(f);
        auto* view = f.window.reportView();
        f.window.tabs()->setCurrentWidget(view);
        QCOMPARE(view->current()->id, id);
        view->onEdit()->setDate(QDate(2026, 10, 5));
        // Item 10 is 実施 while nobody has a training on record (training-missing): named.
        QVERIFY2(!view->contradictedItems().isEmpty(), "no contradiction found");
        QString asked;
        gui::setAnswerHook([&](const QString& q) {
            asked = q;
            return false;
        });
        const auto audit = f.auditEntries();
        QVERIFY(!view->finalize());
        QVERIFY2(asked.contains(QStringLiteral("10 (marked 実施)")), qPrintable(asked));
        QVERIFY2(asked.contains(QStringLiteral("no longer be changed")), qPrintable(asked));
        QCOMPARE(db::Reports(f.window.session().vault()).get(id).state, core::ReportState::Draft);
        QCOMPARE(f.auditEntries(), audit);

        gui::setAnswerHook([](const QString&) { return true; });
        QVERIFY2(view->finalize(), qPrintable(view->messageBar()->text()));
        QCOMPARE(db::Reports(f.window.session().vault()).get(id).state, core::ReportState::Final);
    }

    void applyingAChangeSetIsConfirmed()
    {
        Fixture f;
        const auto id = changeSet(f, true);
        auto* view = f.window.changesView();
        f.window.tabs()->setCurrentWidget(view);
        QVERIFY(view->selectChange(id));
        QString asked;
        gui::setAnswerHook([&](const QString& q) {
            asked = q;
            return false;
        });
        const auto audit = f.auditEntries();
        QVERIFY(!view->apply());
        QVERIFY2(asked.contains(QStringLiteral("2026-07-01")) && asked.contains(QStringLiteral("cannot be undone")),
                 qPrintable(asked));
        QCOMPARE(view->selected()->state, core::ChangeState::Consented);
        QCOMPARE(f.auditEntries(), audit);

        gui::setAnswerHook([](const QString&) { return true; });
        QVERIFY2(view->apply(), qPrintable(view->messageBar()->text()));
        QCOMPARE(view->selected()->state, core::ChangeState::Applied);
        bool promoted = false;
        for (const auto& e : f.registry().roster(f.contractId(), day("2026-07-01")))
            promoted = promoted || (e.label == "D" && e.person.title == "主任研究員");
        QVERIFY(promoted);
    }

    void exportingEmptyMethodsWarnsFirst()
    {
        Fixture f;
        gui::ExportDialog* dialog = f.window.openExport();
        QVERIFY(dialog);
        dialog->methodsCheck()->setChecked(true);
        const std::string out = f.dir.file("bundle");
        dialog->folderEdit()->setText(QString::fromStdString(out));
        QString asked;
        gui::setAnswerHook([&](const QString& q) {
            asked = q;
            return false;
        });
        QVERIFY(!dialog->start());
        QVERIFY2(asked.contains(QStringLiteral("17 of the 17")), qPrintable(asked));
        QVERIFY2(asked.contains(QStringLiteral("未記入")), qPrintable(asked));
        QVERIFY(!meibo::test::exists(out));
        dialog->reject();
    }

    void theRecoveryKeyIsKeptBeforeItsDialogCloses()
    {
        const QString key = QStringLiteral("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL-MNOP-QR7Z");
        gui::RecoveryKeyDialog dialog(key, QStringLiteral("/home/officer/Documents/registry.meibo"));
        dialog.show();
        QSignalSpy finished(&dialog, &QDialog::finished);
        // Neither Escape nor Done closes it before the last group is typed.
        QVERIFY(!dialog.closeButton()->isEnabled());
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.messageBar()->isError());
        QTest::keyClicks(dialog.confirmEdit(), QStringLiteral("QR7"));
        QVERIFY(!dialog.closeButton()->isEnabled());
        // Copy.
        dialog.copy();
        QCOMPARE(QApplication::clipboard()->text(), key);
        // Printing to a file is refused; the print dialog offers no file.
        gui::RecoveryKeyDialog::setPrintHook([](QPrinter& printer) {
            printer.setOutputFormat(QPrinter::PdfFormat);
            printer.setOutputFileName(QStringLiteral("/tmp/key.pdf"));
            return true;
        });
        QVERIFY(!dialog.print());
        QVERIFY2(dialog.messageBar()->text().contains(QStringLiteral("paper")), qPrintable(dialog.messageBar()->text()));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/key.pdf")));
        gui::RecoveryKeyDialog::setPrintHook([](QPrinter&) { return false; }); // cancelled
        QVERIFY(!dialog.print());
        // What goes on the paper: every group of the key (read back with pdftotext).
        meibo::test::TempDir dir;
        const std::string pdf = dir.file("page.pdf");
        {
            QPdfWriter writer(QString::fromStdString(pdf));
            dialog.render(writer);
        }
        const auto text = meibo::test::runProcess({"/usr/bin/pdftotext", pdf, "-"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(QString::fromStdString(text.out).contains(QStringLiteral("ABCD EFGH IJKL")), text.out.c_str());
        QVERIFY2(QString::fromStdString(text.out).contains(QStringLiteral("QR7Z")), text.out.c_str());
        // The last group (case does not matter) lets it close.
        QTest::keyClick(dialog.confirmEdit(), Qt::Key_Z);
        QVERIFY(dialog.closeButton()->isEnabled());
        QTest::mouseClick(dialog.closeButton(), Qt::LeftButton);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void aNewRegistryNeedsItsNameAndOpensWithoutAskingAgain()
    {
        meibo::test::TempDir dir;
        const QString path = QString::fromStdString(dir.file("new.meibo"));
        gui::CreateDialog dialog(path);
        dialog.show();
        QSignalSpy attempts(&dialog, &gui::CreateDialog::attemptFinished);
        dialog.organizationEdit()->setText(QStringLiteral("   "));
        dialog.passphraseEdit()->setText(QStringLiteral("one passphrase here"));
        dialog.repeatEdit()->setText(QStringLiteral("one passphrase here"));
        clickOk(dialog);
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.takeFirst().at(0).toBool(), false);
        QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("organization")),
                 qPrintable(dialog.errorLabel()->text()));
        QVERIFY(!meibo::test::exists(path.toStdString()));

        dialog.organizationEdit()->setText(QStringLiteral("株式会社テスト"));
        clickOk(dialog);
        QVERIFY(attempts.wait(30000));
        QCOMPARE(attempts.takeFirst().at(0).toBool(), true);
        auto vault = dialog.takeVault();
        QVERIFY(vault);
        QVERIFY(vault->isOpen());
        QCOMPARE(QString::fromStdString(vault->organizationName()), QStringLiteral("株式会社テスト"));
    }

    void afterTheRecoveryKeyANewPassphraseIsOffered()
    {
        Fixture f;
        int wanted = 0;
        QObject::connect(&f.window, &gui::MainWindow::newPassphraseWanted, [&] { ++wanted; });
        gui::setAnswerHook([](const QString&) { return false; });
        QVERIFY(!f.window.offerNewPassphrase());
        QCOMPARE(wanted, 0);
        gui::setAnswerHook([](const QString&) { return true; });
        QVERIFY(f.window.offerNewPassphrase());
        QCOMPARE(wanted, 1);
    }

    void theAuditLogReadsAsAHistory_data() { theWrongPassphraseIsSaidForAPerson_data(); }
    void theAuditLogReadsAsAHistory()
    {
        QFETCH(bool, japanese);
        Language language(japanese);
        Fixture f;
        core::ImportRow row;
        for (const auto& e : f.registry().roster(f.contractId(), day("2026-06-01")))
            if (e.label == "D") {
                static_cast<core::RosterRow&>(row) = e;
                row.personId = e.personId;
            }
        row.person.title = "主任研究員";
        f.registry().saveRosterRow(f.contractId(), row);
        f.window.session().notifyChanged();
        auto* view = f.window.auditView();
        f.window.tabs()->setCurrentWidget(view);
        QSortFilterProxyModel* model = view->proxy();
        QVERIFY(model->rowCount() > 3);
        // The newest first: the title's change, in words.
        const QString when = model->index(0, gui::AuditView::TimeColumn).data().toString();
        const QString what = model->index(0, gui::AuditView::ActionColumn).data().toString();
        const QString changes = model->index(0, gui::AuditView::ChangesColumn).data().toString();
        QVERIFY2(when.contains(japanese ? QStringLiteral("日本時間") : QStringLiteral("JST")), qPrintable(when));
        QVERIFY2(!when.contains(QRegularExpression(QStringLiteral("\\dT\\d|[+-]\\d\\d:?\\d\\d$|UTC"))), qPrintable(when));
        QCOMPARE(what, japanese ? QStringLiteral("個人記録を訂正") : QStringLiteral("Person's record corrected"));
        QVERIFY2(changes.contains(japanese ? QStringLiteral("役職: 研究員 → 主任研究員")
                                           : QStringLiteral("Title: 研究員 → 主任研究員")),
                 qPrintable(changes));
        QVERIFY2(!changes.contains(QLatin1Char('{')) && !changes.contains(QStringLiteral("\"")), qPrintable(changes));
        // No visible column shows an operation code; the filter still finds one.
        for (int c = 0; c < model->columnCount(); ++c)
            if (!view->table()->isColumnHidden(c))
                QVERIFY(!model->index(0, c).data().toString().contains(QStringLiteral("person.edit")));
        view->filterEdit()->setText(QStringLiteral("contract.add"));
        QCOMPARE(model->rowCount(), 1);
        // The time is Japan's: 9 hours ahead of UTC.
        QCOMPARE(gui::auditTimeText(QStringLiteral("2026-06-01T01:02:03+0000")),
                 japanese ? QStringLiteral("2026年6月1日 10:02:03（日本時間）") : QStringLiteral("2026-06-01 10:02:03 JST"));
    }

    void noBannerSurvivesAViewChange()
    {
        Fixture f;
        auto* report = f.window.reportView();
        f.window.tabs()->setCurrentWidget(report);
        QVERIFY(!report->finalize()); // no report yet: refused
        QVERIFY(report->messageBar()->isVisible());
        f.window.tabs()->setCurrentWidget(f.window.rosterView());
        f.window.tabs()->setCurrentWidget(report);
        QVERIFY(!report->messageBar()->isVisible());
        QVERIFY(report->messageBar()->text().isEmpty());
    }

    void everyViewAndDialogFits1366x768WithNoMnemonicTwice_data() { theWrongPassphraseIsSaidForAPerson_data(); }
    void everyViewAndDialogFits1366x768WithNoMnemonicTwice()
    {
        QFETCH(bool, japanese);
        Language language(japanese);
        Fixture f;
        for (int i = 0; i < f.window.tabs()->count(); ++i) {
            f.window.tabs()->setCurrentIndex(i);
            checkFits(&f.window, f.window.tabs()->tabText(i));
        }
        QList<QDialog*> dialogs;
        dialogs << f.window.openContract(false) << f.window.openContract(true) << f.window.openOrganization()
                << f.window.openExport();
        f.window.tabs()->setCurrentWidget(f.window.reportView());
        dialogs << f.window.reportView()->editMethods();
        f.window.tabs()->setCurrentWidget(f.window.rosterView());
        dialogs << f.window.rosterView()->addPerson();
        QVERIFY(f.window.rosterView()->selectLabel(QStringLiteral("D")));
        dialogs << f.window.rosterView()->editSelected();
        for (QDialog* d : dialogs) {
            QVERIFY(d);
            checkFits(d, d->windowTitle());
            checkMnemonics(d, d->windowTitle());
            d->reject();
        }
        meibo::test::TempDir dir;
        gui::UnlockDialog unlock(QString::fromStdString(f.path));
        gui::CreateDialog create(QString::fromStdString(dir.file("x.meibo")));
        gui::RecoveryKeyDialog key(QStringLiteral("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL-MNOP-QR7Z"),
                                   QString::fromStdString(f.path));
        gui::SettingsDialog settings;
        const auto people = f.registry().roster(f.contractId(), day("2026-07-01"));
        QVERIFY(!people.empty());
        gui::PersonPicker one(people, false), several(people, true);
        for (QDialog* d : QList<QDialog*>{&unlock, &create, &key, &settings, &one, &several}) {
            d->show();
            checkFits(d, d->windowTitle());
            checkMnemonics(d, d->windowTitle());
            d->hide();
        }
        QDialog* guide = f.window.openUserGuide();
        checkFits(guide, guide->windowTitle());
        QVERIFY(!guide->findChild<QTextBrowser*>()->toPlainText().isEmpty());
        guide->reject();
        QDialog* clauses = f.window.openClauses();
        QVERIFY(clauses->findChild<QTextBrowser*>()->toPlainText().contains(QStringLiteral("再委託")));
        clauses->reject();
    }

private:
    static QString isoTextOf(const std::optional<core::Date>& d)
    {
        return d ? QString::fromStdString(core::formatIsoDate(*d)) : QString();
    }
};

int main(int argc, char** argv)
{
    meibo::test::TempDir config;
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.path()));
    gui::Application app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MeiboWordsTest"));
    WordsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "WordsTest.moc"
