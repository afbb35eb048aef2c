// The GUI as the officer drives it, under QT_QPA_PLATFORM=offscreen. Every refusal is checked for
// its message and for leaving the registry as it was.

#include "Application.h"
#include "AuditView.h"
#include "ChangesView.h"
#include "ContractDialog.h"
#include "ContractPicker.h"
#include "Convert.h"
#include "CreateDialog.h"
#include "DashboardView.h"
#include "DocumentPreview.h"
#include "ExportDialog.h"
#include "IdleLock.h"
#include "MainWindow.h"
#include "Mnemonics.h"
#include "MessageBar.h"
#include "MethodsDialog.h"
#include "PersonDialog.h"
#include "RegistersView.h"
#include "ReportView.h"
#include "Prompts.h"
#include "RosterModel.h"
#include "RosterView.h"
#include "Session.h"
#include "SettingsDialog.h"
#include "StructureView.h"
#include "TestSupport.h"
#include "UnlockDialog.h"

#include "meibo/core/RosterCsv.h"
#include "meibo/db/ChangeSets.h"
#include "meibo/db/Compliance.h"
#include "meibo/db/Registers.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Reports.h"
#include "meibo/db/Vault.h"
#include "meibo/forms/Export.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QTextBrowser>
#include <QTranslator>
#include <QSettings>
#include <QMenuBar>
#include <QMenu>
#include <QTabWidget>

#include <cstdlib>

using namespace meibo;

namespace {
const char* kPass = "correct horse battery staple";

const char* kRoster =
    "role,label,name,address,birth_date,department,title,nationality,residence_status,passport_no,reports_to,need,"
    "valid_from\n"
    "情報管理責任者,A,経済 太郎,東京都千代田区霞が関1-3-1,1970-04-01,情報セキュリティ部,部長,JP,日本国籍,,,全責任を負うため,"
    "2026-04-01\n"
    "情報取扱管理者,B,産業 花子,東京都港区芝公園4-2-8,1982-09-15,調査研究部,課長,JP,日本国籍,,A,進捗管理のため,2026-04-01\n"
    "業務従事者,D,保安 次郎,神奈川県横浜市中区本町6-50,1978-01-20,調査研究部,研究員,JP,日本国籍,,B,文献調査のため,"
    "2026-04-01\n";

core::Date day(const char* iso) { return *core::parseIsoDate(iso); }

std::string makeRegistry(const meibo::test::TempDir& dir)
{
    db::CreateOptions options;
    options.organizationName = "テスト株式会社";
    options.kdf = db::KdfSettings::fastForTests();
    const std::string path = dir.file("r.meibo");
    db::Vault::create(path, db::SecureBuffer::fromString(kPass), options);
    return path;
}

/// A registry with one signed contract and a three-person roster.
std::string makeFilledRegistry(const meibo::test::TempDir& dir)
{
    const std::string path = makeRegistry(dir);
    db::Vault vault = db::Vault::open(path, db::Secret::passphrase(kPass));
    db::Registry reg(vault);
    core::Organization org;
    org.name = "テスト株式会社";
    org.address = "東京都千代田区丸の内1-1-1";
    org.representative = "代表取締役 見本 一郎";
    reg.setOrganization(org);
    core::Contract c;
    c.code = "METI-1";
    c.title = "令和8年度テスト調査事業";
    c.start = day("2026-04-01");
    c.end = day("2027-03-31");
    c.signedOn = day("2026-04-01");
    c.addressee = "経済産業省テスト課長";
    c.id = reg.addContract(c);
    reg.importRoster(c.id, core::parseRosterCsv(kRoster, day("2026-06-01")));
    return path;
}

std::unique_ptr<db::Vault> openVault(const std::string& path)
{
    return std::make_unique<db::Vault>(db::Vault::open(path, db::Secret::passphrase(kPass)));
}

void clickOk(QDialog& dialog)
{
    auto* box = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(box);
    QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

/// A window on the filled registry, with today pinned to 2026-06-01.
struct Fixture {
    meibo::test::TempDir dir;
    std::string path = makeFilledRegistry(dir);
    gui::MainWindow window;
    Fixture()
    {
        window.session().setToday(day("2026-06-01"));
        window.show();
        window.showVault(openVault(path));
    }
    db::Registry registry() { return db::Registry(window.session().vault()); }
    std::int64_t contractId() { return registry().contract("METI-1").id; }
    std::size_t rosterSize(const char* on = "2026-06-01") { return registry().roster(contractId(), day(on)).size(); }
    std::size_t changeCount() { return db::ChangeSets(window.session().vault()).list(contractId()).size(); }
    std::int64_t auditEntries() { return registry().verifyAudit().entries; }
};

QStringList listTexts(const QListWidget* list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

/// The rule ids of a side panel's findings: kept as data, never in the text (issue 17).
QStringList listRules(const QListWidget* list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->data(Qt::UserRole).toString();
    return out;
}

bool anyContains(const QStringList& texts, const QString& needle)
{
    for (const QString& t : texts)
        if (t.contains(needle))
            return true;
    return false;
}

/// Fails when two texts of `widget` share a mnemonic, or one takes a menu bar's letter.
void checkMnemonicsDoNotClash(QWidget* widget, const QList<QChar>& taken)
{
    const QString clash = meibo::test::mnemonicClash(widget, taken);
    QVERIFY2(clash.isEmpty(), qPrintable(clash));
}
} // namespace

class GuiTest : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        gui::setOpenFoldersOnDesktop(false);
        // Steps that cannot be undone ask first (finalize, apply, consent, export without methods):
        // these tests answer Yes unless they say otherwise; WordsTest checks the questions.
        gui::setAnswerHook([](const QString&) { return true; });
    }
    void cleanup() { gui::setAnswerHook({}); }

    void unlockRefusesAWrongPassphraseThenOpens()
    {
        meibo::test::TempDir dir;
        const QString path = QString::fromStdString(makeRegistry(dir));
        const auto before = meibo::test::readBytes(path.toStdString());
        gui::UnlockDialog dialog(path);
        dialog.show();
        QSignalSpy attempts(&dialog, &gui::UnlockDialog::attemptFinished);

        QTest::keyClicks(dialog.secretEdit(), QStringLiteral("not the passphrase"));
        clickOk(dialog);
        QVERIFY(attempts.wait(10000));
        QCOMPARE(attempts.takeFirst().at(0).toBool(), false);
        QVERIFY(dialog.errorLabel()->isVisible());
        QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("passphrase does not open")),
                 qPrintable(dialog.errorLabel()->text()));
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.secretEdit()->text().isEmpty()); // the typed secret does not linger
        QVERIFY(meibo::test::readBytes(path.toStdString()) == before); // a wrong try changes nothing

        QTest::keyClicks(dialog.secretEdit(), QString::fromLatin1(kPass));
        QTest::keyClick(dialog.secretEdit(), Qt::Key_Return); // Enter unlocks, as the default button
        QVERIFY(attempts.wait(10000));
        QCOMPARE(attempts.takeFirst().at(0).toBool(), true);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        auto vault = dialog.takeVault();
        QVERIFY(vault);
        QCOMPARE(QString::fromStdString(vault->organizationName()), QStringLiteral("テスト株式会社"));
    }

    void theRecoveryKeyUnlocksToo()
    {
        meibo::test::TempDir dir;
        db::CreateOptions options;
        options.kdf = db::KdfSettings::fastForTests();
        const std::string path = dir.file("r.meibo");
        const std::string key = db::Vault::create(path, db::SecureBuffer::fromString(kPass), options);
        gui::UnlockDialog dialog(QString::fromStdString(path));
        dialog.show();
        QSignalSpy attempts(&dialog, &gui::UnlockDialog::attemptFinished);
        dialog.recoveryCheck()->setChecked(true);
        QCOMPARE(dialog.secretEdit()->echoMode(), QLineEdit::Normal);
        QTest::keyClicks(dialog.secretEdit(), QString::fromStdString(key));
        clickOk(dialog);
        QVERIFY(attempts.wait(10000));
        QCOMPARE(attempts.takeFirst().at(0).toBool(), true);
        QCOMPARE(QString::fromStdString(dialog.takeVault()->openedSlot()), QStringLiteral("recovery"));
    }

    void createRefusesMismatchedPassphrasesThenCreates()
    {
        meibo::test::TempDir dir;
        const QString path = QString::fromStdString(dir.file("new.meibo"));
        gui::CreateDialog dialog(path);
        dialog.show();
        QSignalSpy attempts(&dialog, &gui::CreateDialog::attemptFinished);
        dialog.organizationEdit()->setText(QStringLiteral("株式会社テスト")); // keyClicks types Latin-1 only
        QTest::keyClicks(dialog.passphraseEdit(), QStringLiteral("one passphrase here"));
        QTest::keyClicks(dialog.repeatEdit(), QStringLiteral("another passphrase"));
        clickOk(dialog);
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.takeFirst().at(0).toBool(), false);
        QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("differ")));
        QVERIFY(!meibo::test::exists(path.toStdString()));

        dialog.passphraseEdit()->setText(QStringLiteral("one passphrase here"));
        dialog.repeatEdit()->setText(QStringLiteral("one passphrase here"));
        clickOk(dialog);
        QVERIFY(attempts.wait(20000));
        QCOMPARE(attempts.takeFirst().at(0).toBool(), true);
        QCOMPARE(dialog.recoveryKey().size(), 64);
        QVERIFY(meibo::test::exists(path.toStdString()));
    }

    void theMainWindowShowsTheRegistryAndLocks()
    {
        meibo::test::TempDir dir;
        const std::string path = makeRegistry(dir);
        gui::MainWindow window;
        window.show();
        window.showVault(openVault(path));
        QVERIFY(window.hasVault());
        QVERIFY(window.summaryText().contains(QStringLiteral("テスト株式会社")));
        window.lockRegistry();
        QVERIFY(!window.hasVault());
        QVERIFY(window.summaryText().isEmpty());
        // Locked means the registry is free for another writer again.
        QVERIFY(db::Vault::open(path, db::Secret::passphrase(kPass)).isOpen());
    }

    void aContractAndTheOrganizationAreKeptFromTheGui()
    {
        Fixture f;
        const auto audit = f.auditEntries();
        gui::ContractDialog* dialog = f.window.openContract(false);
        QVERIFY(dialog);
        dialog->edit(QStringLiteral("code"))->setText(QStringLiteral("METI-2"));
        dialog->edit(QStringLiteral("title"))->setText(QStringLiteral("令和8年度第二調査"));
        dialog->edit(QStringLiteral("start"))->setText(QStringLiteral("2026-07-01"));
        dialog->edit(QStringLiteral("end"))->setText(QStringLiteral("2026-02-30")); // no such day
        QVERIFY(!dialog->save());
        QVERIFY2(dialog->messageBar()->text().contains(QStringLiteral("end")), qPrintable(dialog->messageBar()->text()));
        QCOMPARE(f.registry().contracts().size(), std::size_t(1));
        QCOMPARE(f.auditEntries(), audit);
        dialog->edit(QStringLiteral("end"))->setText(QStringLiteral("2027-03-31"));
        QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
        dialog->accept();
        QCOMPARE(f.registry().contracts().size(), std::size_t(2));
        QVERIFY(f.window.rosterView()->contractPicker()->findData(QStringLiteral("METI-2")) >= 0);

        gui::OrganizationDialog* org = f.window.openOrganization();
        QVERIFY(org);
        org->edit(QStringLiteral("name"))->clear();
        QVERIFY(!org->save());
        QVERIFY(org->messageBar()->text().contains(QStringLiteral("name")));
        QCOMPARE(QString::fromStdString(f.registry().organization().name), QStringLiteral("テスト株式会社"));
        org->edit(QStringLiteral("name"))->setText(QStringLiteral("テスト株式会社（新）"));
        org->edit(QStringLiteral("officer"))->setText(QStringLiteral("経済 太郎"));
        QVERIFY(org->save());
        QCOMPARE(QString::fromStdString(f.registry().organization().name), QStringLiteral("テスト株式会社（新）"));
        QCOMPARE(QString::fromStdString(f.registry().officerName()), QStringLiteral("経済 太郎"));
    }

    void theDashboardShowsFindingsAndWaitingChanges()
    {
        Fixture f;
        auto* dash = f.window.dashboard();
        QCOMPARE(f.window.tabs()->currentWidget(), static_cast<QWidget*>(dash));
        QVERIFY2(dash->plainText().contains(QStringLiteral("METI-1")), qPrintable(dash->plainText()));
        QVERIFY2(dash->plainText().contains(QStringLiteral("%1 error(s)").arg(dash->errorCount())),
                 qPrintable(dash->plainText()));
        // A submitted change set shows with the days left before it takes effect.
        db::ChangeSets changes(f.window.session().vault());
        const auto id = changes.create(f.contractId(), day("2026-06-11"), "異動", false);
        core::ChangeItem leave;
        leave.kind = core::ChangeItem::Kind::Leave;
        leave.label = "D";
        changes.addItems(id, {leave});
        changes.submit(id, day("2026-06-01"), "e-mail");
        f.window.session().notifyChanged();
        QVERIFY2(dash->plainText().contains(QStringLiteral("10 day(s) left")), qPrintable(dash->plainText()));
    }

    void aFailingReadOrAnyExceptionShowsASentenceAndTheProgramGoesOn()
    {
        Fixture f;
        QStringList shown;
        gui::setFailureHook([&](const QString& text) { shown << text; });
        struct Restore { ~Restore() { gui::setFailureHook({}); } } restore;

        // An exception out of any event handler reaches the officer as a sentence, not an abort.
        QTimer::singleShot(0, [] { throw std::runtime_error("std::bad_alloc in libfoo.so"); });
        QTest::qWait(20);
        QCOMPARE(shown.size(), 1);
        QVERIFY2(!shown.first().contains(QStringLiteral("libfoo")), qPrintable(shown.first()));
        QVERIFY2(shown.first().contains(QStringLiteral("not changed")), qPrintable(shown.first()));

        // A page of the registry damaged under the open window: every view that reads it fails, the
        // officer reads why, and the window stays.
        shown.clear();
        auto bytes = meibo::test::readBytes(f.path);
        const auto original = bytes;
        for (std::size_t i = 4096 + 200; i < 4096 + 216; ++i)
            bytes[i] ^= 0x5a;
        meibo::test::writeBytes(f.path, bytes);
        f.window.session().notifyChanged();
        QVERIFY(!shown.isEmpty());
        for (const QString& text : shown) {
            QVERIFY2(!text.contains(QStringLiteral("SQLite"), Qt::CaseInsensitive), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("disk I/O")), qPrintable(text));
        }
        QVERIFY(f.window.isVisible());
        meibo::test::writeBytes(f.path, original);
        shown.clear();
        f.window.session().notifyChanged();
        QVERIFY2(shown.isEmpty(), qPrintable(shown.join('\n')));
        QCOMPARE(f.rosterSize(), std::size_t(3));
    }

    void theDialogSavesThroughTheSameStoreAsPersonSet()
    {
        Fixture f;
        auto* view = f.window.rosterView();
        QVERIFY(view->selectLabel(QStringLiteral("D")));
        gui::PersonDialog* dialog = view->editSelected();
        QVERIFY(dialog);
        // A control character is refused under its field, in words for a person, before anything is written.
        const auto audit = f.auditEntries();
        dialog->edit(QStringLiteral("title"))->setText(QStringLiteral("主任") + QChar(0x1b) + QStringLiteral("研究員"));
        QVERIFY(!dialog->save());
        QVERIFY2(dialog->fieldError(QStringLiteral("title")).contains(QStringLiteral("control character")),
                 qPrintable(dialog->fieldError(QStringLiteral("title"))));
        QVERIFY(!dialog->fieldError(QStringLiteral("title")).contains(QStringLiteral("line 1")));
        QCOMPARE(f.auditEntries(), audit);
        dialog->edit(QStringLiteral("title"))->setText(QStringLiteral("主任研究員"));
        QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
        dialog->accept();
        const auto entries = f.registry().auditEntries(1);
        QCOMPARE(QString::fromStdString(entries.back().action), QStringLiteral("person.edit"));
        QVERIFY(QString::fromStdString(entries.back().after).contains(QStringLiteral("主任研究員")));
        QVERIFY(!QString::fromStdString(entries.back().after).contains(QStringLiteral("\"line\":1")));
    }

    void addAPersonSeeTheFindingAndFixIt()
    {
        Fixture f;
        auto* view = f.window.rosterView();
        QCOMPARE(view->model()->personCount(), 3);
        const auto audit = f.auditEntries();

        // Inline validation: a bad country and a bad date are named under their fields; nothing is saved.
        gui::PersonDialog* dialog = view->addPerson();
        QVERIFY(dialog);
        dialog->edit(QStringLiteral("label"))->setText(QStringLiteral("E"));
        dialog->edit(QStringLiteral("name"))->setText(QStringLiteral("Emily Carter"));
        dialog->edit(QStringLiteral("reports_to"))->setText(QStringLiteral("B"));
        dialog->edit(QStringLiteral("nationality"))->setText(QStringLiteral("XX"));
        dialog->edit(QStringLiteral("birth_date"))->setText(QStringLiteral("1990-13-01"));
        QVERIFY(!dialog->save());
        QVERIFY2(dialog->fieldError(QStringLiteral("nationality")).contains(QStringLiteral("ISO 3166")),
                 qPrintable(dialog->fieldError(QStringLiteral("nationality"))));
        QVERIFY(!dialog->fieldError(QStringLiteral("birth_date")).isEmpty());
        QVERIFY(dialog->messageBar()->text().contains(QStringLiteral("nothing was saved")));
        QCOMPARE(f.rosterSize(), std::size_t(3));
        QCOMPARE(f.auditEntries(), audit);

        // A label in use is refused, not overwritten.
        dialog->edit(QStringLiteral("nationality"))->setText(QStringLiteral("US"));
        dialog->edit(QStringLiteral("birth_date"))->setText(QStringLiteral("1990-06-30"));
        dialog->edit(QStringLiteral("label"))->setText(QStringLiteral("D"));
        QVERIFY(!dialog->save());
        QVERIFY2(dialog->fieldError(QStringLiteral("label")).contains(QStringLiteral("already")),
                 qPrintable(dialog->fieldError(QStringLiteral("label"))));
        QCOMPARE(f.rosterSize(), std::size_t(3));
        QCOMPARE(f.auditEntries(), audit);

        // A foreign national without a passport number is saved, and the roster shows the finding.
        dialog->edit(QStringLiteral("label"))->setText(QStringLiteral("E"));
        dialog->residenceCombo()->setCurrentIndex(dialog->residenceCombo()->findText(QStringLiteral("その他")));
        dialog->edit(QStringLiteral("need"))->setText(QStringLiteral("海外文献調査のため"));
        QSignalSpy accepted(dialog, &QDialog::accepted);
        auto* box = dialog->findChild<QDialogButtonBox*>();
        QTest::mouseClick(box->button(QDialogButtonBox::Save), Qt::LeftButton);
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(f.rosterSize(), std::size_t(4));
        QCOMPARE(view->model()->personCount(), 4);
        QVERIFY(view->selectLabel(QStringLiteral("E")));
        QVERIFY2(anyContains(listRules(view->findingsList()), QStringLiteral("passport-required")),
                 qPrintable(listTexts(view->findingsList()).join('\n')));

        // Fixed in the edit dialog: the finding goes.
        gui::PersonDialog* edit = view->editSelected();
        QVERIFY(edit);
        QCOMPARE(edit->edit(QStringLiteral("name"))->text(), QStringLiteral("Emily Carter"));
        edit->edit(QStringLiteral("passport_no"))->setText(QStringLiteral("X12345678"));
        QVERIFY(edit->save());
        edit->accept();
        QVERIFY(view->selectLabel(QStringLiteral("E")));
        QVERIFY2(!anyContains(listRules(view->findingsList()), QStringLiteral("passport-required")),
                 qPrintable(listTexts(view->findingsList()).join('\n')));
        QCOMPARE(QString::fromStdString(f.registry().roster(f.contractId(), day("2026-06-01")).back().person.passportNo),
                 QStringLiteral("X12345678"));
    }

    void findingsAndReportGapsFollowTheInterfaceLanguage()
    {
        struct English { ~English() { gui::setUiLanguage(QStringLiteral("en")); } } backToEnglish;
        Fixture f;
        auto* dash = f.window.dashboard();
        // Nobody has expertise or a track record on record: clause 4), in English by default.
        QVERIFY2(dash->plainText().contains(QStringLiteral("clause 4) asks")), qPrintable(dash->plainText()));
        gui::setUiLanguage(QStringLiteral("ja"));
        QVERIFY(gui::japaneseUi());
        f.window.session().notifyChanged();
        QVERIFY2(dash->plainText().contains(QStringLiteral("本業務の全ての従事者の所属、専門性、実績及び国籍")),
                 qPrintable(dash->plainText()));
        QVERIFY2(!dash->plainText().contains(QStringLiteral("clause 4) asks")), qPrintable(dash->plainText()));

        auto* view = f.window.reportView();
        f.window.tabs()->setCurrentWidget(view);
        view->periodEndEdit()->setDate(QDate(2026, 9, 30));
        QVERIFY2(view->createReport(), qPrintable(view->messageBar()->text()));
        const QStringList gaps = listTexts(view->gapsList());
        QVERIFY(!gaps.isEmpty());
        QVERIFY2(gaps.first().startsWith(QStringLiteral("2：実施状況が未記入です")), qPrintable(gaps.join('\n')));
    }

    void afterConsentAnEditBecomesAChangeSet()
    {
        Fixture f;
        auto c = f.registry().contract("METI-1");
        c.rosterConsentedOn = day("2026-04-15");
        f.registry().updateContract(c);
        f.window.session().notifyChanged();
        auto* view = f.window.rosterView();
        QVERIFY(view->selectLabel(QStringLiteral("D")));
        const auto audit = f.auditEntries();

        // Declined: refused with the reason, nothing changed.
        gui::setAnswerHook([](const QString& q) { return !q.contains(QStringLiteral("agreed")); });
        gui::PersonDialog* dialog = view->editSelected();
        QVERIFY(dialog);
        dialog->edit(QStringLiteral("title"))->setText(QStringLiteral("主任研究員"));
        QVERIFY(!dialog->save());
        QVERIFY2(dialog->messageBar()->text().contains(QStringLiteral("refused")),
                 qPrintable(dialog->messageBar()->text()));
        QCOMPARE(f.changeCount(), std::size_t(0));
        QCOMPARE(f.auditEntries(), audit);

        // Accepted: a draft change set holds the change; the roster itself is unchanged.
        gui::setAnswerHook([](const QString&) { return true; });
        QVERIFY(dialog->save());
        QVERIFY2(dialog->outcome().contains(QStringLiteral("draft")), qPrintable(dialog->outcome()));
        dialog->accept();
        QCOMPARE(f.changeCount(), std::size_t(1));
        const auto change = db::ChangeSets(f.window.session().vault()).list(f.contractId()).front();
        QCOMPARE(change.state, core::ChangeState::Draft);
        QCOMPARE(change.items.size(), std::size_t(1));
        QCOMPARE(change.items.front().kind, core::ChangeItem::Kind::Set);
        QCOMPARE(QString::fromStdString(f.registry().roster(f.contractId(), day("2026-06-01"))[2].person.title),
                 QStringLiteral("研究員"));
    }

    void theStructureChangesFromTheContextMenuAndIsRechecked()
    {
        Fixture f;
        auto* view = f.window.structureView();
        f.window.tabs()->setCurrentWidget(view);
        QCOMPARE(view->diagram()->boxCount(), 3);
        QVERIFY(!view->diagram()->boxRect(QStringLiteral("D")).isEmpty());
        QCOMPARE(view->diagram()->labelAt(view->diagram()->boxRect(QStringLiteral("D")).center().toPoint()),
                 QStringLiteral("D"));
        const auto audit = f.auditEntries();

        // The keyboard chooses a person, as the context menu's key will use.
        view->diagram()->setFocus();
        QTest::keyClick(view->diagram(), Qt::Key_Right);
        QVERIFY(!view->diagram()->currentLabel().isEmpty());

        QVERIFY(!view->changeReportsTo(QStringLiteral("Z"), QStringLiteral("A")));
        QVERIFY2(view->messageBar()->text().contains(QStringLiteral("not on the roster")),
                 qPrintable(view->messageBar()->text()));
        QCOMPARE(f.auditEntries(), audit);

        QVERIFY(view->changeReportsTo(QStringLiteral("D"), QStringLiteral("A")));
        QCOMPARE(QString::fromStdString(f.registry().roster(f.contractId(), day("2026-06-01"))[2].reportsTo),
                 QStringLiteral("A"));
        // Dragging D's box onto B's makes D report to B again.
        QTest::mousePress(view->diagram(), Qt::LeftButton, {},
                          view->diagram()->boxRect(QStringLiteral("D")).center().toPoint());
        QTest::mouseRelease(view->diagram(), Qt::LeftButton, {},
                            view->diagram()->boxRect(QStringLiteral("B")).center().toPoint());
        QCOMPARE(QString::fromStdString(f.registry().roster(f.contractId(), day("2026-06-01"))[2].reportsTo),
                 QStringLiteral("B"));
        // A cycle (the responsible person reporting to D) is found at once.
        QVERIFY(view->changeReportsTo(QStringLiteral("A"), QStringLiteral("D")));
        QVERIFY2(anyContains(listRules(view->findingsList()), QStringLiteral("structure-")),
                 qPrintable(listTexts(view->findingsList()).join('\n')));
    }

    void aChangeSetIsCreatedSubmittedConsentedAndApplied()
    {
        Fixture f;
        auto* view = f.window.changesView();
        f.window.tabs()->setCurrentWidget(view);
        const auto audit = f.auditEntries();

        // No reason: refused, nothing made.
        view->effectiveEdit()->setDate(QDate(2026, 7, 1));
        QVERIFY(!view->createChange());
        QVERIFY(view->messageBar()->text().contains(QStringLiteral("reason")));
        QCOMPARE(f.changeCount(), std::size_t(0));
        QCOMPARE(f.auditEntries(), audit);

        view->reasonEdit()->setText(QStringLiteral("昇任"));
        const auto id = view->createChange();
        QVERIFY(id);
        QCOMPARE(view->selected()->id, *id);
        QVERIFY(view->setField(QStringLiteral("D"), QStringLiteral("title"), QStringLiteral("主任研究員")));
        // A joining person from a CSV.
        const std::string csv = f.dir.file("join.csv");
        meibo::test::writeText(csv, "role,label,name,nationality,residence_status,reports_to,need\n"
                                    "業務従事者,G,新人 三郎,JP,日本国籍,B,集計作業のため\n");
        QVERIFY2(view->addCsv(QString::fromStdString(csv)), qPrintable(view->messageBar()->text()));
        QCOMPARE(view->selected()->items.size(), std::size_t(2));

        // Applying before consent is refused with the lawful order, and nothing moves.
        view->onEdit()->setDate(QDate(2026, 6, 2));
        view->noteEdit()->setText(QStringLiteral("e-mail"));
        QVERIFY(view->submit());
        const auto beforeApply = f.auditEntries();
        QVERIFY(!view->apply());
        QVERIFY2(view->messageBar()->isError(), qPrintable(view->messageBar()->text()));
        QCOMPARE(view->selected()->state, core::ChangeState::Submitted);
        QCOMPARE(f.auditEntries(), beforeApply);

        // The notice, previewed in memory.
        gui::DocumentPreview* preview = view->previewNotice();
        QVERIFY(preview);
        QVERIFY2(preview->plainText().contains(QStringLiteral("新人 三郎")), qPrintable(preview->plainText()));
        preview->close();

        view->onEdit()->setDate(QDate(2026, 6, 10));
        view->noteEdit()->setText(QStringLiteral("化学物質管理課"));
        QVERIFY(view->consent());
        QCOMPARE(view->selected()->state, core::ChangeState::Consented);
        QVERIFY(view->apply());
        QCOMPARE(view->selected()->state, core::ChangeState::Applied);
        const auto roster = f.registry().roster(f.contractId(), day("2026-07-01"));
        QCOMPARE(roster.size(), std::size_t(4));
        QCOMPARE(f.rosterSize("2026-06-30"), std::size_t(3));
        bool promoted = false;
        for (const auto& e : roster)
            promoted = promoted || (e.label == "D" && e.person.title == "主任研究員");
        QVERIFY(promoted);
    }

    void theAuditLogFiltersAndVerifies()
    {
        Fixture f;
        auto* view = f.window.auditView();
        QVERIFY(view->proxy()->rowCount() > 3);
        view->filterEdit()->setText(QStringLiteral("contract.add"));
        QCOMPARE(view->proxy()->rowCount(), 1);
        QVERIFY(view->verify());
        QVERIFY2(view->messageBar()->text().contains(QStringLiteral("intact")), qPrintable(view->messageBar()->text()));
    }

    void anExportIsWrittenOnAWorkerAndVerified()
    {
        Fixture f;
        gui::ExportDialog* dialog = f.window.openExport();
        QVERIFY(dialog);
        QSignalSpy finished(dialog, &gui::ExportDialog::finished);
        dialog->asOfEdit()->setDate(QDate(2026, 6, 1));

        // No folder, then a folder that holds files: refused, nothing written.
        QVERIFY(!dialog->start());
        QVERIFY(dialog->messageBar()->text().contains(QStringLiteral("folder")));
        const std::string busy = f.dir.file("busy");
        QDir().mkpath(QString::fromStdString(busy));
        meibo::test::writeText(busy + "/keep.txt", "mine");
        dialog->folderEdit()->setText(QString::fromStdString(busy));
        QVERIFY(!dialog->start());
        QVERIFY2(dialog->messageBar()->text().contains(QStringLiteral("already holds files")),
                 qPrintable(dialog->messageBar()->text()));
        QCOMPARE(QDir(QString::fromStdString(busy)).entryList(QDir::Files).size(), 1);

        const std::string out = f.dir.file("bundle");
        dialog->folderEdit()->setText(QString::fromStdString(out));
        QVERIFY(dialog->start());
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.takeFirst().at(0).toBool(), qPrintable(dialog->messageBar()->text()));
        QVERIFY2(dialog->verifyResult().contains(QStringLiteral("Verified")), qPrintable(dialog->verifyResult()));
        QVERIFY(dialog->progressBar()->maximum() > 0); // the worker reported every file
        QCOMPARE(dialog->progressBar()->value(), dialog->progressBar()->maximum());
        const auto check = forms::verifyBundle(out);
        QVERIFY(check.ok);
        QVERIFY(meibo::test::exists(out + "/" + forms::bundle::kForm4Pdf));
    }

    void itLocksItselfAfterAnIdleTime()
    {
        Fixture f;
        QVERIFY(f.window.rosterView()->model()->rowCount() > 0);
        QVERIFY(f.window.idleLock().isArmed());
        QVERIFY(f.window.rosterView()->selectLabel(QStringLiteral("D")));
        QPointer<gui::PersonDialog> open = f.window.rosterView()->editSelected(); // a record on screen
        QVERIFY(open && open->isVisible());
        f.window.idleLock().setTimeout(std::chrono::milliseconds(300));
        QTRY_VERIFY_WITH_TIMEOUT(!f.window.hasVault(), 5000);
        QVERIFY(!open || !open->isVisible()); // the dialog with the person's data went with the lock
        // Every decrypted row is gone from the views, and the file is free again.
        QCOMPARE(f.window.rosterView()->model()->rowCount(), 0);
        QCOMPARE(f.window.changesView()->table()->rowCount(), 0);
        QVERIFY(f.window.dashboard()->plainText().isEmpty());
        QVERIFY(!f.window.idleLock().isArmed());
        QVERIFY(db::Vault::open(f.path, db::Secret::passphrase(kPass)).isOpen());
    }

    void aReportIsFilledAndFinalized()
    {
        Fixture f;
        auto* view = f.window.reportView();
        f.window.tabs()->setCurrentWidget(view);
        const auto audit = f.auditEntries();

        // A day outside the contract: refused, nothing made.
        view->periodEndEdit()->setDate(QDate(2030, 1, 1));
        QVERIFY(!view->createReport());
        QVERIFY2(view->messageBar()->text().contains(QStringLiteral("outside the contract")),
                 qPrintable(view->messageBar()->text()));
        QCOMPARE(f.auditEntries(), audit);

        view->periodEndEdit()->setDate(QDate(2026, 9, 30));
        const auto id = view->createReport();
        QVERIFY2(id, qPrintable(view->messageBar()->text()));
        QCOMPARE(view->current()->id, *id);
        QVERIFY(view->gapsList()->count() > 10); // every item is still open

        // Finalizing with answers missing is refused, naming them; the report stays a draft.
        QVERIFY(view->setAnswer(QStringLiteral("2"), core::ItemStatus::NotApplicable, QString()));
        QVERIFY(!view->finalize());
        QVERIFY2(view->messageBar()->text().contains(QStringLiteral("2:")), qPrintable(view->messageBar()->text()));
        QCOMPARE(db::Reports(f.window.session().vault()).get(*id).state, core::ReportState::Draft);

        // Through the editor: select, choose the status, write the reason, save.
        QVERIFY(view->selectItem(QStringLiteral("2")));
        view->statusCombo()->setCurrentIndex(view->statusCombo()->findText(QStringLiteral("該当なし")));
        view->textEdit()->setPlainText(QStringLiteral("再委託を行わないため"));
        QVERIFY2(view->saveItem(), qPrintable(view->messageBar()->text()));
        QCOMPARE(QString::fromStdString(core::answerOf(*view->current(), "2").text), QStringLiteral("再委託を行わないため"));
        for (const auto& item : core::reportItemIds()) {
            if (!core::parentItem(item).empty() || item == "2")
                continue;
            const QString text = item == "15" ? QStringLiteral("情報システムの構築は行わない") : QString();
            const auto status = item == "15" ? core::ItemStatus::NotApplicable : core::ItemStatus::Done;
            QVERIFY2(view->setAnswer(QString::fromStdString(item), status, text), qPrintable(view->messageBar()->text()));
        }
        QVERIFY2(view->gapsList()->count() == 0, qPrintable(listTexts(view->gapsList()).join(QLatin1Char('\n'))));
        // Never dated before its period begins; then final, and frozen.
        view->onEdit()->setDate(QDate(2026, 3, 31));
        QVERIFY(!view->finalize());
        QVERIFY2(view->messageBar()->text().contains(QStringLiteral("before the period")),
                 qPrintable(view->messageBar()->text()));
        QCOMPARE(db::Reports(f.window.session().vault()).get(*id).state, core::ReportState::Draft);
        view->onEdit()->setDate(QDate(2026, 10, 5));
        QVERIFY2(view->finalize(), qPrintable(view->messageBar()->text()));
        QCOMPARE(db::Reports(f.window.session().vault()).get(*id).state, core::ReportState::Final);

        // The final report goes into the signed bundle.
        gui::ExportDialog* exporter = f.window.openExport();
        QVERIFY(exporter);
        QSignalSpy finished(exporter, &gui::ExportDialog::finished);
        exporter->reportCombo()->setCurrentIndex(exporter->reportCombo()->findData(QVariant::fromValue(qlonglong(*id))));
        QVERIFY(exporter->reportCombo()->currentIndex() > 0);
        const std::string out = f.dir.file("with-report");
        exporter->folderEdit()->setText(QString::fromStdString(out));
        QVERIFY(exporter->start());
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.takeFirst().at(0).toBool(), qPrintable(exporter->messageBar()->text()));
        QVERIFY(meibo::test::exists(out + "/status-report-" + std::to_string(*id) + ".pdf"));
        QVERIFY(forms::verifyBundle(out).ok);
    }

    void aRegisterEntryIsAddedAndFeedsTheFindings()
    {
        Fixture f;
        auto* view = f.window.registersView();
        f.window.tabs()->setCurrentWidget(view);
        const auto audit = f.auditEntries();

        // A required field missing: refused, naming it; nothing added.
        gui::RegisterEntryDialog* dialog = view->addEntry(QStringLiteral("software"));
        QVERIFY(dialog);
        dialog->setValue(QStringLiteral("name"), QStringLiteral("Windows 10"));
        QVERIFY(!dialog->save());
        QVERIFY2(dialog->messageBar()->text().contains(QStringLiteral("バージョン")), // named by its label, not its key
                 qPrintable(dialog->messageBar()->text()));
        QCOMPARE(f.auditEntries(), audit);

        dialog->setValue(QStringLiteral("version"), QStringLiteral("22H2"));
        dialog->setValue(QStringLiteral("installed_at"), QStringLiteral("調査研究部 PC 3台"));
        dialog->setValue(QStringLiteral("support_end"), QStringLiteral("2025-10-14"));
        QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
        dialog->accept();
        QCOMPARE(view->table(QStringLiteral("software"))->rowCount(), 1);
        // The finding's sentence, not its rule id (that stays with the command line).
        QVERIFY2(f.window.dashboard()->plainText().contains(QStringLiteral("support ended on 2025-10-14")),
                 qPrintable(f.window.dashboard()->plainText()));
        QVERIFY(!f.window.dashboard()->plainText().contains(QStringLiteral("software-support-ends")));
        QVERIFY(f.window.dashboard()->plainText().contains(QStringLiteral("Windows 10")));

        // Ended: kept, with its end date.
        view->table(QStringLiteral("software"))->selectRow(0);
        view->endOnEdit()->setDate(QDate(2026, 6, 1));
        view->endNoteEdit()->setText(QStringLiteral("Windows 11 へ移行"));
        QVERIFY2(view->endSelected(), qPrintable(view->messageBar()->text()));
        const auto entries = db::Registers(f.window.session().vault()).list(f.contractId(), "software");
        QCOMPARE(entries.size(), std::size_t(1));
        QVERIFY(entries.front().endedOn);
    }

    void aComplianceMethodIsEditedAndShownInTheReport()
    {
        Fixture f;
        auto* view = f.window.reportView();
        f.window.tabs()->setCurrentWidget(view);
        view->periodEndEdit()->setDate(QDate(2026, 9, 30));
        QVERIFY2(view->createReport(), qPrintable(view->messageBar()->text()));
        QVERIFY(view->selectItem(QStringLiteral("11")));
        QVERIFY2(view->methodLabel()->text().contains(QStringLiteral("none recorded")),
                 qPrintable(view->methodLabel()->text()));

        // From the report view, at the selected item.
        gui::MethodsDialog* dialog = view->editMethods();
        QVERIFY(dialog);
        QCOMPARE(dialog->table()->rowCount(), 17);
        QCOMPARE(dialog->table()->item(dialog->table()->currentRow(), 0)->data(Qt::UserRole).toString(),
                 QStringLiteral("11"));
        QVERIFY(!dialog->effectiveEdit()->isEnabled()); // no change set before consent

        // Saving the text already in force: refused, nothing written.
        const auto audit = f.auditEntries();
        QVERIFY(!dialog->save());
        QVERIFY2(dialog->messageBar()->text().contains(QStringLiteral("Nothing was changed")),
                 qPrintable(dialog->messageBar()->text()));
        QCOMPARE(f.auditEntries(), audit);

        const QString method = QStringLiteral("受領した情報は施錠できる書庫に保管し、持出しは管理簿に記録する。");
        dialog->methodEdit()->setPlainText(method);
        QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
        QCOMPARE(f.auditEntries(), audit + 1);
        QCOMPARE(QString::fromStdString(db::Compliance(f.window.session().vault()).methods(f.contractId()).at("11")),
                 method);
        QCOMPARE(dialog->table()->item(dialog->table()->currentRow(), 2)->text(), method);
        QCOMPARE(f.changeCount(), std::size_t(0));
        dialog->reject();
        QVERIFY(view->selectItem(QStringLiteral("11")));
        QCOMPARE(view->methodLabel()->text(), method);

        // Item 1 (the structure) too, from the Edit menu with its shortcut.
        QAction* action = nullptr;
        for (QAction* menu : f.window.menuBar()->actions())
            for (QAction* a : menu->menu()->actions())
                if (a->text() == QStringLiteral("Compliance &methods…"))
                    action = a;
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
        action->trigger();
        dialog = nullptr;
        for (auto* d : view->findChildren<gui::MethodsDialog*>())
            if (d->isVisible())
                dialog = d;
        QVERIFY(dialog);
        QVERIFY(dialog->selectItem(QStringLiteral("1")));
        dialog->methodEdit()->setPlainText(QStringLiteral("情報管理責任者の下に情報取扱管理者を置く。"));
        QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
        QCOMPARE(dialog->methodOf(QStringLiteral("1")), QStringLiteral("情報管理責任者の下に情報取扱管理者を置く。"));
        dialog->reject();
    }

    void afterConsentAMethodBecomesAChangeSet()
    {
        Fixture f;
        db::Compliance(f.window.session().vault()).set(f.contractId(), "2", "規程等を社内規程に取り込み遵守する。");
        auto c = f.registry().contract("METI-1");
        c.rosterConsentedOn = day("2026-04-15");
        f.registry().updateContract(c);
        f.window.session().notifyChanged();
        auto* view = f.window.reportView();
        f.window.tabs()->setCurrentWidget(view);
        gui::MethodsDialog* dialog = view->editMethods();
        QVERIFY(dialog);
        QVERIFY(dialog->effectiveEdit()->isEnabled());
        QVERIFY(dialog->selectItem(QStringLiteral("2")));
        QCOMPARE(dialog->methodEdit()->toPlainText(), QStringLiteral("規程等を社内規程に取り込み遵守する。"));
        const auto audit = f.auditEntries();
        auto method = [&] {
            return QString::fromStdString(db::Compliance(f.window.session().vault()).methods(f.contractId()).at("2"));
        };
        const QString newMethod = QStringLiteral("規程等の改正を四半期ごとに確認し、社内規程に反映する。");

        // Declined: refused with the reason, nothing changed.
        QStringList asked;
        gui::setAnswerHook([&](const QString& q) {
            asked << q;
            return false;
        });
        dialog->methodEdit()->setPlainText(newMethod);
        QVERIFY(!dialog->save());
        QVERIFY2(anyContains(asked, QStringLiteral("change set")), qPrintable(asked.join(QLatin1Char('\n'))));
        QVERIFY2(dialog->messageBar()->text().contains(QStringLiteral("refused")),
                 qPrintable(dialog->messageBar()->text()));
        QCOMPARE(f.changeCount(), std::size_t(0));
        QCOMPARE(f.auditEntries(), audit);
        QCOMPARE(method(), QStringLiteral("規程等を社内規程に取り込み遵守する。"));

        // Clearing cannot go into a change set: refused before anything is made.
        gui::setAnswerHook([](const QString&) { return true; });
        dialog->methodEdit()->clear();
        QVERIFY(!dialog->save());
        QVERIFY2(dialog->messageBar()->text().contains(QStringLiteral("can no longer be cleared")),
                 qPrintable(dialog->messageBar()->text()));
        QCOMPARE(f.changeCount(), std::size_t(0));
        QCOMPARE(f.auditEntries(), audit);

        // Accepted: a draft change set holds the new method; the method in force is unchanged.
        dialog->methodEdit()->setPlainText(newMethod);
        dialog->effectiveEdit()->setDate(QDate(2026, 7, 1));
        QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
        QVERIFY2(dialog->messageBar()->text().contains(QStringLiteral("draft")), qPrintable(dialog->messageBar()->text()));
        QCOMPARE(f.changeCount(), std::size_t(1));
        db::ChangeSets sets(f.window.session().vault());
        const auto change = sets.list(f.contractId()).front();
        QCOMPARE(change.state, core::ChangeState::Draft);
        QCOMPARE(change.effective, day("2026-07-01"));
        QCOMPARE(change.items.size(), std::size_t(1));
        QCOMPARE(change.items.front().kind, core::ChangeItem::Kind::Method);
        QCOMPARE(change.items.front().label, std::string("2"));
        QCOMPARE(change.items.front().fields,
                 (std::vector<std::pair<std::string, std::string>>{{"method", newMethod.toStdString()}}));
        QCOMPARE(method(), QStringLiteral("規程等を社内規程に取り込み遵守する。"));
        QCOMPARE(dialog->methodOf(QStringLiteral("2")), QStringLiteral("規程等を社内規程に取り込み遵守する。"));

        // Once consented and applied, the new method holds from its day.
        sets.submit(change.id, day("2026-06-02"), "メール");
        sets.consent(change.id, day("2026-06-05"), "テスト課 担当職員");
        sets.apply(change.id);
        f.window.session().notifyChanged();
        QCOMPARE(method(), newMethod);
        QCOMPARE(dialog->methodOf(QStringLiteral("2")), newMethod);
        dialog->reject();
    }

    void theDisposalChecklistShowsPendingThenDone()
    {
        Fixture f;
        auto* view = f.window.registersView();
        f.window.tabs()->setCurrentWidget(view);
        QVERIFY(!view->certificateButton()->isEnabled());
        db::Registers(f.window.session().vault())
            .add("information", f.contractId(), {{"name", "調査票（紙）"}, {"received_on", "2026-05-10"}});
        f.window.session().notifyChanged();
        QCOMPARE(view->checklist()->count(), 1);
        QString line = view->checklist()->item(0)->text();
        QVERIFY2(line.startsWith(QStringLiteral("✗")) && line.contains(QStringLiteral("確認した担当職員")) &&
                     line.contains(QStringLiteral("返却・廃棄・消去日")),
                 qPrintable(line));
        QVERIFY(!view->certificateButton()->isEnabled());

        // A malformed date: refused, naming the field; still pending.
        view->kinds()->setCurrentWidget(view->table(QStringLiteral("information"))->parentWidget());
        view->table(QStringLiteral("information"))->selectRow(0);
        gui::RegisterEntryDialog* dialog = view->editSelected();
        QVERIFY(dialog);
        const auto audit = f.auditEntries();
        dialog->setValue(QStringLiteral("disposal"), QStringLiteral("delete"));
        dialog->setValue(QStringLiteral("disposed_on"), QStringLiteral("2026-13-01"));
        QVERIFY(!dialog->save());
        QVERIFY2(dialog->messageBar()->text().contains(QStringLiteral("返却・廃棄・消去日")), // its label, not its key
                 qPrintable(dialog->messageBar()->text()));
        QCOMPARE(f.auditEntries(), audit);
        QVERIFY(view->checklist()->item(0)->text().startsWith(QStringLiteral("✗")));

        dialog->setValue(QStringLiteral("disposed_on"), QStringLiteral("2026-05-30"));
        dialog->setValue(QStringLiteral("confirmed_by"), QStringLiteral("テスト課 担当職員"));
        dialog->setValue(QStringLiteral("confirmed_on"), QStringLiteral("2026-05-31"));
        QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
        dialog->accept();
        QCOMPARE(view->checklist()->count(), 1);
        line = view->checklist()->item(0)->text();
        QVERIFY2(line.startsWith(QStringLiteral("✓")) && line.contains(QStringLiteral("調査票（紙）")), qPrintable(line));
        QVERIFY(view->certificateButton()->isEnabled());

        // The button opens the export with the certificate chosen, for this contract.
        QTest::mouseClick(view->certificateButton(), Qt::LeftButton);
        auto* exporter = f.window.findChild<gui::ExportDialog*>();
        QVERIFY(exporter);
        QVERIFY(exporter->deletionCheck()->isChecked());
        QCOMPARE(exporter->contractPicker()->current()->code, std::string("METI-1"));
        exporter->reject();
    }

    void itLocksWithTheScreen()
    {
        Fixture f;
        // What the desktop's ActiveChanged(true) signal calls (over D-Bus, when there is a session bus).
        QVERIFY(QMetaObject::invokeMethod(&f.window.idleLock(), "screenSaverActive", Q_ARG(bool, true)));
        QVERIFY(!f.window.hasVault());
        QCOMPARE(f.window.rosterView()->model()->rowCount(), 0);
    }

    void everyMenuActionHasAKeyAndTheViewsSpeakJapanese()
    {
        {
            gui::MainWindow window;
            for (QAction* menu : window.menuBar()->actions()) {
                QVERIFY2(menu->text().contains(QLatin1Char('&')), qPrintable(menu->text()));
                QStringList inMenu;
                for (QAction* a : menu->menu()->actions()) {
                    if (a->isSeparator())
                        continue;
                    QVERIFY2(a->text().contains(QLatin1Char('&')) || !a->shortcut().isEmpty(), qPrintable(a->text()));
                    const QChar m = meibo::test::mnemonicOf(a->text());
                    QVERIFY2(m.isNull() || !inMenu.contains(m), qPrintable(menu->text() + QStringLiteral(": ") + a->text()));
                    inMenu << m;
                }
            }
            // The views' own mnemonics clash neither with each other nor with the menu bar's.
            QList<QChar> menus;
            for (QAction* menu : window.menuBar()->actions())
                menus << meibo::test::mnemonicOf(menu->text());
            checkMnemonicsDoNotClash(window.reportView(), menus);
            checkMnemonicsDoNotClash(window.registersView(), menus);
        }
        {
            // And the compliance methods' dialog within itself.
            Fixture f;
            f.window.tabs()->setCurrentWidget(f.window.reportView());
            gui::MethodsDialog* dialog = f.window.reportView()->editMethods();
            QVERIFY(dialog);
            checkMnemonicsDoNotClash(dialog, {});
            dialog->reject();
        }
        QTranslator ja;
        QVERIFY(ja.load(QStringLiteral(":/i18n/meibo_ja.qm")));
        QApplication::installTranslator(&ja);
        {
            gui::MainWindow window;
            QStringList tabs;
            for (int i = 0; i < window.tabs()->count(); ++i)
                tabs << window.tabs()->tabText(i);
            QCOMPARE(tabs, QStringList({QStringLiteral("ダッシュボード"), QStringLiteral("名簿"), QStringLiteral("体制図"),
                                        QStringLiteral("変更届"), QStringLiteral("実施状況報告書"),
                                        QStringLiteral("管理台帳"), QStringLiteral("監査ログ"),
                                        QStringLiteral("タイムライン"), QStringLiteral("人物")}));
            QStringList edit;
            for (QAction* a : window.menuBar()->actions().at(1)->menu()->actions())
                edit << a->text();
            QVERIFY2(edit.contains(QStringLiteral("遵守の方法(&M)…")), qPrintable(edit.join(QLatin1Char('\n'))));
            QCOMPARE(window.registersView()->certificateButton()->text(), QStringLiteral("返却・消去証明書を出力(&T)…"));
        }
        QApplication::removeTranslator(&ja);
    }

    void theSettingsKeepTheLockTimeAndTheLanguage()
    {
        gui::SettingsDialog dialog;
        dialog.minutesSpin()->setValue(12);
        dialog.languageCombo()->setCurrentIndex(dialog.languageCombo()->findData(QStringLiteral("en")));
        dialog.save();
        QCOMPARE(gui::IdleLock::configuredMinutes(), 12);
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("en"));
        gui::IdleLock::setConfiguredMinutes(5);
        QSettings().remove(QStringLiteral("ui/language"));
    }

    void theLastRegistryIsOfferedAtStart()
    {
        meibo::test::TempDir dir;
        const QString path = QString::fromStdString(makeRegistry(dir));
        QSettings().setValue(QStringLiteral("registry/last"), path);
        gui::MainWindow window;
        window.show();
        QPushButton* last = nullptr;
        for (auto* b : window.findChildren<QPushButton*>())
            if (b->text().contains(QStringLiteral("r.meibo")))
                last = b;
        QVERIFY(last);
        QVERIFY(last->isVisible());
        QCOMPARE(last->toolTip(), path);
        QSettings().remove(QStringLiteral("registry/last"));
    }
};

int main(int argc, char** argv)
{
    // Settings of the tests stay in a folder of their own.
    meibo::test::TempDir config;
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.path()));
    gui::Application app(argc, argv); // as the program runs: every event through the one guard
    QApplication::setOrganizationName(QStringLiteral("MeiboTest"));
    GuiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "GuiTest.moc"
