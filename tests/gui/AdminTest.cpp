// The Extras menu's dialogs as the officer drives them (QT_QPA_PLATFORM=offscreen, Japanese
// interface): passphrase, key slots, signing certificate, bundle verification, backup and restore.
// Every refusal is checked for its Japanese sentence (no command-line syntax) and for leaving the
// registry as it was.

#include "AdminMenu.h"
#include "Application.h"
#include "BackupDialog.h"
#include "CertificateDialog.h"
#include "Convert.h"
#include "ContractPicker.h"
#include "EolImportDialog.h"
#include "GuiFixture.h"
#include "ExportDialog.h"
#include "KeySlotsDialog.h"
#include "MainWindow.h"
#include "MessageBar.h"
#include "RecoveryKeyDialog.h"
#include "PassphraseDialog.h"
#include "Prompts.h"
#include "Session.h"
#include "SubcontractorsDialog.h"
#include "TestSupport.h"
#include "VerifyBundleDialog.h"

#include "meibo/core/RosterCsv.h"
#include "meibo/db/Registers.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Vault.h"
#include "meibo/forms/Export.h"
#include "meibo/forms/Signing.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

using namespace meibo;

namespace {
using meibo::test::day;
const char* kPass = meibo::test::kGuiPass;

const char* kRoster =
    "role,label,name,address,birth_date,department,title,nationality,residence_status,passport_no,reports_to,need,"
    "valid_from\n"
    "情報管理責任者,A,経済 太郎,東京都千代田区霞が関1-3-1,1970-04-01,情報セキュリティ部,部長,JP,日本国籍,,,全責任を負うため,"
    "2026-04-01\n"
    "情報取扱管理者,B,産業 花子,東京都港区芝公園4-2-8,1982-09-15,調査研究部,課長,JP,日本国籍,,A,進捗管理のため,2026-04-01\n";

/// A registry with the organization, one contract and two people; `recovery` receives its key.
std::string seededRegistry(const meibo::test::TempDir& dir, std::string* recovery = nullptr,
                         const char* name = "r.meibo")
{
    return meibo::test::makeRegistry(dir, {name, "METI-1", true, kRoster, recovery});
}

struct Fixture {
    meibo::test::TempDir dir;
    std::string recovery;
    std::string path = seededRegistry(dir, &recovery);
    gui::MainWindow window;
    Fixture()
    {
        window.session().setToday(day("2026-06-01"));
        window.show();
        window.showVault(std::make_unique<db::Vault>(db::Vault::open(path, db::Secret::passphrase(kPass))));
    }
    gui::Session& session() { return window.session(); }
    db::Registry registry() { return db::Registry(session().vault()); }
    std::uint64_t generation() const { return db::Vault::inspect(path).headerGeneration; }
    QStringList slotNames() const
    {
        QStringList out;
        for (const auto& s : db::Vault::inspect(path).keySlots)
            out << QString::fromStdString(s.name);
        return out;
    }
};

/// A sentence for a person: Japanese, with no command-line syntax.
void checkJapaneseSentence(const QString& text, const QString& mustContain)
{
    QVERIFY2(text.contains(mustContain), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("--")) && !text.contains(QStringLiteral("meibo-cli")), qPrintable(text));
    bool japanese = false;
    for (const QChar c : text)
        japanese = japanese || (c.unicode() >= 0x3040 && c.unicode() <= 0x30ff);
    QVERIFY2(japanese, qPrintable(text));
}

/// Answers every question with `answer` while alive, and counts them.
struct Answer {
    int asked = 0;
    explicit Answer(bool answer)
    {
        gui::setAnswerHook([this, answer](const QString&) {
            ++asked;
            return answer;
        });
    }
    ~Answer() { gui::setAnswerHook({}); }
};

/// Locks the window and waits until the registry is closed (a worker may still hold it a moment).
void lock(Fixture& f)
{
    f.window.lockRegistry();
    QTRY_VERIFY_WITH_TIMEOUT(!f.window.hasVault(), 10000);
}

bool opens(const std::string& path, const db::Secret& secret)
{
    try {
        db::OpenOptions o;
        o.readOnly = true;
        return db::Vault::open(path, secret, o).isOpen();
    } catch (const core::Error&) {
        return false;
    }
}
} // namespace

class AdminTest : public QObject {
    Q_OBJECT
    QTranslator m_ja;

private slots:
    void initTestCase()
    {
        QVERIFY(m_ja.load(QStringLiteral(":/i18n/meibo_ja.qm")));
        QApplication::installTranslator(&m_ja);
        gui::setUiLanguage(QStringLiteral("ja"));
        gui::setOpenFoldersOnDesktop(false);
    }

    void thePassphraseChangesOnlyWithTheRightInput()
    {
        Fixture f;
        gui::PassphraseDialog dialog(f.session(), &f.window);
        QSignalSpy finished(&dialog, &gui::PassphraseDialog::attemptFinished);
        const auto before = f.generation();
        auto fill = [&](const char* current, const char* next, const char* repeat) {
            dialog.currentEdit()->setText(QString::fromUtf8(current));
            dialog.newEdit()->setText(QString::fromUtf8(next));
            dialog.repeatEdit()->setText(QString::fromUtf8(repeat));
        };
        // The two new ones differ; too short; a control character; the wrong current one.
        fill(kPass, "新しい合言葉はこれです", "新しい合言葉はこれでず");
        QVERIFY(!dialog.start());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("一致しません"));
        fill(kPass, "short", "short");
        QVERIFY(!dialog.start());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("8文字以上"));
        fill(kPass, "tab\there is bad", "tab\there is bad");
        QVERIFY(!dialog.start());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("制御文字"));
        fill("not the passphrase", "新しい合言葉はこれです", "新しい合言葉はこれです");
        QVERIFY(dialog.start());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.takeLast().at(0).toBool(), false);
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("現在のパスフレーズが違います"));
        QCOMPARE(f.generation(), before);
        QVERIFY(dialog.newEdit()->text().isEmpty()); // typed secrets do not stay on screen

        fill(kPass, "新しい合言葉はこれです", "新しい合言葉はこれです");
        QVERIFY(dialog.start());
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.takeLast().at(0).toBool(), qPrintable(dialog.messageBar()->text()));
        QVERIFY(!dialog.messageBar()->isError());
        QVERIFY(f.generation() > before);
        lock(f);
        QVERIFY(opens(f.path, db::Secret::passphrase("新しい合言葉はこれです")));
        QVERIFY(!opens(f.path, db::Secret::passphrase(kPass)));
    }

    void keySlotsAreAddedRemovedAndTheRecoveryKeyReplaced()
    {
        Fixture f;
        gui::KeySlotsDialog dialog(f.session(), &f.window);
        QSignalSpy finished(&dialog, &gui::KeySlotsDialog::attemptFinished);
        QCOMPARE(dialog.table()->rowCount(), 2); // officer, recovery
        const QStringList before = f.slotNames();

        // A name taken, passphrases that differ, one too short: refused, no slot added.
        dialog.nameEdit()->setText(QStringLiteral("officer"));
        dialog.passphraseEdit()->setText(QStringLiteral("deputy passphrase"));
        dialog.repeatEdit()->setText(QStringLiteral("deputy passphrase"));
        QVERIFY(!dialog.addSlot());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("officer"));
        dialog.nameEdit()->setText(QStringLiteral("副担当"));
        dialog.repeatEdit()->setText(QStringLiteral("deputy passphrasf"));
        QVERIFY(!dialog.addSlot());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("一致しません"));
        dialog.passphraseEdit()->setText(QStringLiteral("abc"));
        dialog.repeatEdit()->setText(QStringLiteral("abc"));
        QVERIFY(!dialog.addSlot());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("8文字以上"));
        QCOMPARE(f.slotNames(), before);

        dialog.passphraseEdit()->setText(QStringLiteral("deputy passphrase"));
        dialog.repeatEdit()->setText(QStringLiteral("deputy passphrase"));
        QVERIFY(dialog.addSlot());
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.takeLast().at(0).toBool(), qPrintable(dialog.messageBar()->text()));
        QVERIFY(f.slotNames().contains(QStringLiteral("副担当")));
        QCOMPARE(dialog.table()->rowCount(), 3);

        // The slot of this session and the recovery slot cannot be removed: the button says so.
        QVERIFY(dialog.selectSlot(QStringLiteral("officer")));
        QVERIFY(!dialog.removeButton()->isEnabled());
        QVERIFY(dialog.selectSlot(QStringLiteral("recovery")));
        QVERIFY(!dialog.removeButton()->isEnabled());
        QVERIFY(dialog.selectSlot(QStringLiteral("副担当")));
        QVERIFY(dialog.removeButton()->isEnabled());
        {
            Answer no(false);
            QVERIFY(!dialog.removeSelected());
            QCOMPARE(no.asked, 1);
            QVERIFY(f.slotNames().contains(QStringLiteral("副担当")));
        }
        {
            Answer yes(true);
            QVERIFY(dialog.removeSelected());
            QVERIFY(!f.slotNames().contains(QStringLiteral("副担当")));
        }

        // The recovery key: not replaced when the officer says No; replaced and shown when Yes.
        const auto generation = f.generation();
        {
            Answer no(false);
            QVERIFY(!dialog.rotateRecoveryKey());
            QCOMPARE(f.generation(), generation);
            QVERIFY(!dialog.recoveryKeyDialog());
        }
        {
            Answer yes(true);
            QVERIFY(dialog.rotateRecoveryKey());
        }
        QVERIFY(dialog.recoveryKeyDialog());
        const QString key = dialog.recoveryKeyDialog()->key();
        QVERIFY(!key.isEmpty());
        // The same dialog as after creating the registry: it closes once the key's last group is typed.
        dialog.recoveryKeyDialog()->accept();
        QVERIFY(dialog.recoveryKeyDialog()->isVisible());
        dialog.recoveryKeyDialog()->confirmEdit()->setText(
            key.split(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), Qt::SkipEmptyParts).last());
        dialog.recoveryKeyDialog()->accept();
        QVERIFY(!dialog.recoveryKeyDialog() || !dialog.recoveryKeyDialog()->isVisible());
        lock(f);
        QVERIFY(opens(f.path, db::Secret::recoveryKey(key.toStdString())));
        QVERIFY(!opens(f.path, db::Secret::recoveryKey(f.recovery)));
    }

    void theCertificateIsImportedGeneratedAndShownWithItsFingerprint()
    {
        Fixture f;
        // A PKCS#12 file as a certificate authority would hand it out, made by openssl.
        const std::string key = f.dir.file("key.pem"), cert = f.dir.file("cert.pem"), p12 = f.dir.file("signer.p12");
        const std::string openssl = QStandardPaths::findExecutable(QStringLiteral("openssl")).toStdString();
        QVERIFY2(!openssl.empty(), "the openssl program is needed (package openssl)");
        auto run = meibo::test::runProcess({openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                                            "-out", cert, "-subj", "/CN=Test Signer", "-days", "30"});
        QVERIFY2(run.exitCode == 0, run.err.c_str());
        run = meibo::test::runProcess({openssl, "pkcs12", "-export", "-in", cert, "-inkey", key, "-out", p12,
                                       "-passout", "pass:secret"});
        QVERIFY2(run.exitCode == 0, run.err.c_str());
        run = meibo::test::runProcess({openssl, "x509", "-in", cert, "-noout", "-fingerprint", "-sha256"});
        QVERIFY2(run.exitCode == 0, run.err.c_str());
        const QString expected = QString::fromStdString(run.out).section(QLatin1Char('='), 1).trimmed();

        gui::CertificateDialog dialog(f.session(), &f.window);
        QSignalSpy finished(&dialog, &gui::CertificateDialog::attemptFinished);
        QVERIFY(dialog.fingerprintLabel()->text().isEmpty());
        QVERIFY(!f.registry().signingIdentity());

        // No file; a file that is no PKCS#12; the wrong passphrase: refused, nothing kept.
        QVERIFY(!dialog.importFile());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("PKCS#12"));
        dialog.fileEdit()->setText(QString::fromStdString(cert));
        QVERIFY(dialog.importFile());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.takeLast().at(0).toBool(), false);
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("PKCS#12（.p12 / .pfx）の証明書ファイルではない"));
        dialog.fileEdit()->setText(QString::fromStdString(p12));
        dialog.filePassphraseEdit()->setText(QStringLiteral("wrong"));
        QVERIFY(dialog.importFile());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.takeLast().at(0).toBool(), false);
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("パスフレーズが違います"));
        QVERIFY(!f.registry().signingIdentity());

        dialog.filePassphraseEdit()->setText(QStringLiteral("secret"));
        QVERIFY(dialog.importFile());
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.takeLast().at(0).toBool(), qPrintable(dialog.messageBar()->text()));
        QCOMPARE(dialog.fingerprintLabel()->text(), expected); // as openssl prints it
        QCOMPARE(dialog.signerLabel()->text(), QStringLiteral("Test Signer"));
        QCOMPARE(f.registry().signingIdentity()->source, std::string("pkcs12"));

        // The saved certificate is the kept one (openssl reads the same fingerprint).
        const QString saved = QString::fromStdString(f.dir.file("saved.pem"));
        QVERIFY(dialog.saveCertificate(saved));
        run = meibo::test::runProcess({openssl, "x509", "-in", saved.toStdString(), "-noout", "-fingerprint", "-sha256"});
        QCOMPARE(QString::fromStdString(run.out).section(QLatin1Char('='), 1).trimmed(), expected);

        // A self-signed one: no name refused; the replacement asked, No keeps the imported one.
        dialog.nameEdit()->clear();
        QVERIFY(!dialog.generate());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("名前"));
        dialog.nameEdit()->setText(QStringLiteral("テスト株式会社"));
        {
            Answer no(false);
            QVERIFY(!dialog.generate());
            QCOMPARE(no.asked, 1);
        }
        QCOMPARE(f.registry().signingIdentity()->source, std::string("pkcs12"));
        {
            Answer yes(true);
            QVERIFY(dialog.generate());
            QVERIFY(finished.wait(60000));
        }
        QVERIFY2(finished.takeLast().at(0).toBool(), qPrintable(dialog.messageBar()->text()));
        const auto kept = f.registry().signingIdentity();
        QCOMPARE(kept->source, std::string("self-signed"));
        QCOMPARE(dialog.fingerprintLabel()->text(), QString::fromStdString(forms::certificateFingerprint(kept->certificatePem)));
        QVERIFY(dialog.fingerprintLabel()->text() != expected);
    }

    void aBundleIsVerifiedFileByFileAgainstTheKeptCertificate()
    {
        Fixture f;
        // A signed bundle, exported as the officer does.
        gui::ExportDialog* exporter = f.window.openExport();
        QVERIFY(exporter);
        QSignalSpy exported(exporter, &gui::ExportDialog::finished);
        exporter->asOfEdit()->setDate(QDate(2026, 6, 1));
        const std::string out = f.dir.file("bundle");
        exporter->folderEdit()->setText(QString::fromStdString(out));
        QVERIFY(exporter->start());
        QVERIFY(exported.wait(120000));
        exporter->reject();
        const auto truth = forms::verifyBundle(out);
        QVERIFY(truth.ok);

        gui::VerifyBundleDialog dialog(f.session(), &f.window);
        QSignalSpy finished(&dialog, &gui::VerifyBundleDialog::attemptFinished);
        QVERIFY(dialog.compareCheck()->isChecked()); // the export kept a certificate

        // No folder; a folder that is no bundle.
        QVERIFY(!dialog.start());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("フォルダー"));
        dialog.folderEdit()->setText(QString::fromStdString(f.dir.path()));
        QVERIFY(dialog.start());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.takeLast().at(0).toBool(), false);
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("manifest.json"));
        QCOMPARE(dialog.files()->rowCount(), 0);

        // The intact bundle: every file as signed, by the kept certificate.
        dialog.folderEdit()->setText(QString::fromStdString(out));
        QVERIFY(dialog.start());
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.takeLast().at(0).toBool(), qPrintable(dialog.messageBar()->text()));
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("名簿ファイルに保管している証明書"));
        QCOMPARE(dialog.files()->rowCount(), int(truth.files.size()));
        QCOMPARE(dialog.fingerprintLabel()->text(), QString::fromStdString(truth.signerFingerprint));
        const QString asSigned = dialog.files()->item(0, 2)->text();
        for (int r = 0; r < dialog.files()->rowCount(); ++r)
            QCOMPARE(dialog.files()->item(r, 2)->text(), asSigned);

        // One file changed and one added: both named, the rest still as signed; nothing written.
        const std::string changed = out + "/" + forms::bundle::kForm4Pdf;
        auto bytes = meibo::test::readBytes(changed);
        bytes.push_back('\n');
        meibo::test::writeBytes(changed, bytes);
        meibo::test::writeText(out + "/extra.txt", "not signed");
        const QStringList filesBefore = QDir(QString::fromStdString(out)).entryList(QDir::Files);
        QVERIFY(dialog.start());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.takeLast().at(0).toBool(), false);
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("信頼しないでください"));
        QStringList bad;
        for (int r = 0; r < dialog.files()->rowCount(); ++r)
            if (dialog.files()->item(r, 2)->text() != asSigned)
                bad << dialog.files()->item(r, 0)->text();
        bad.sort();
        QStringList expectedBad{QStringLiteral("extra.txt"), QString::fromUtf8(forms::bundle::kForm4Pdf)};
        expectedBad.sort();
        QCOMPARE(bad, expectedBad);
        QCOMPARE(QDir(QString::fromStdString(out)).entryList(QDir::Files), filesBefore);

        // Signed by another certificate than the registry's (the kept one was replaced since).
        QFile::remove(QString::fromStdString(out + "/extra.txt"));
        bytes.pop_back();
        meibo::test::writeBytes(changed, bytes);
        const auto other = forms::generateSelfSigned("別の署名者", "別の会社");
        f.registry().setSigningIdentity({other.certificatePem, other.privateKeyPem, other.signerName, "self-signed"});
        QVERIFY(dialog.start());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.takeLast().at(0).toBool(), false);
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("別の証明書"));
    }

    void theRegistryIsBackedUpAndRestoredOnlyWhenConfirmed()
    {
        Fixture f;
        gui::BackupDialog dialog(f.session(), &f.window);
        QSignalSpy finished(&dialog, &gui::BackupDialog::attemptFinished);
        const std::string bak = f.path + ".bak";
        QFile::remove(QString::fromStdString(bak));
        QVERIFY(dialog.backUp());
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.takeLast().at(0).toBool(), qPrintable(dialog.messageBar()->text()));
        QVERIFY(meibo::test::exists(bak));
        QVERIFY(dialog.lastBackupLabel()->text().contains(QString::fromStdString(bak)));

        // A change after the backup.
        core::Contract c;
        c.code = "METI-2";
        c.title = "後から追加した契約";
        c.start = day("2026-07-01");
        c.end = day("2027-03-31");
        f.registry().addContract(c);
        auto contracts = [&] { return f.registry().contracts().size(); };
        QCOMPARE(contracts(), std::size_t(2));

        // No file; a file that is not a registry; a backup of another registry: refused, unchanged.
        dialog.restoreEdit()->setText(QString::fromStdString(f.dir.file("none.bak")));
        QVERIFY(!dialog.restore());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("バックアップ"));
        meibo::test::writeText(f.dir.file("junk.bak"), std::string(8192, 'x'));
        dialog.restoreEdit()->setText(QString::fromStdString(f.dir.file("junk.bak")));
        {
            Answer yes(true);
            QVERIFY(dialog.restore());
            QVERIFY(finished.wait(60000));
        }
        QCOMPARE(finished.takeLast().at(0).toBool(), false);
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("変更していません"));
        QCOMPARE(contracts(), std::size_t(2));
        const std::string stranger = seededRegistry(f.dir, nullptr, "other.meibo");
        dialog.restoreEdit()->setText(QString::fromStdString(stranger));
        {
            Answer yes(true);
            QVERIFY(dialog.restore());
            QVERIFY(finished.wait(60000));
        }
        QCOMPARE(finished.takeLast().at(0).toBool(), false);
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("別の登録簿"));
        QCOMPARE(contracts(), std::size_t(2));

        // The right backup, but the officer says No: nothing happens.
        dialog.restoreEdit()->setText(QString::fromStdString(bak));
        {
            Answer no(false);
            QVERIFY(!dialog.restore());
            QCOMPARE(no.asked, 1);
        }
        QCOMPARE(contracts(), std::size_t(2));

        // Yes: the contract added since is gone, the rest is as it was, the audit chain holds.
        {
            Answer yes(true);
            QVERIFY(dialog.restore());
            QVERIFY(finished.wait(60000));
        }
        QVERIFY2(finished.takeLast().at(0).toBool(), qPrintable(dialog.messageBar()->text()));
        QCOMPARE(contracts(), std::size_t(1));
        QCOMPARE(f.registry().roster(f.registry().contract("METI-1").id, day("2026-06-01")).size(), std::size_t(2));
        QVERIFY(f.registry().verifyAudit().ok);
        QVERIFY(meibo::test::exists(f.session().vault().beforeRestorePath()));
        // The state before the restore is kept and opens with today's passphrase.
        lock(f);
        {
            db::Vault before = db::Vault::open(f.path + ".before-restore", db::Secret::passphrase(kPass));
            QCOMPARE(db::Registry(before).contracts().size(), std::size_t(2));
        }
        QVERIFY(opens(f.path, db::Secret::passphrase(kPass)));
    }

    void subcontractorsAreAddedAndLinkedToAContract()
    {
        Fixture f;
        gui::SubcontractorsDialog dialog(f.session(), &f.window);
        const auto id = f.registry().contract("METI-1").id;
        QCOMPARE(dialog.subcontractors()->rowCount(), 0);

        // No name: refused, nothing added.
        QVERIFY(!dialog.addSubcontractor());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("名称"));
        QVERIFY(f.registry().subcontractors().empty());

        dialog.nameEdit()->setText(QStringLiteral("株式会社再委託"));
        dialog.addressEdit()->setText(QStringLiteral("大阪府大阪市北区1-1"));
        dialog.representativeEdit()->setText(QStringLiteral("代表取締役 再委 三郎"));
        QVERIFY2(dialog.addSubcontractor(), qPrintable(dialog.messageBar()->text()));
        QCOMPARE(f.registry().subcontractors().size(), std::size_t(1));
        QCOMPARE(f.registry().subcontractors().front().address, std::string("大阪府大阪市北区1-1"));
        QCOMPARE(dialog.subcontractors()->rowCount(), 1);

        // The same name again: refused.
        dialog.nameEdit()->setText(QStringLiteral("株式会社再委託"));
        QVERIFY(!dialog.addSubcontractor());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("株式会社再委託"));
        QCOMPARE(f.registry().subcontractors().size(), std::size_t(1));

        // A link with a day that is no date, then one that ends before it starts: refused.
        QVERIFY(dialog.contractPicker()->selectCode(QStringLiteral("METI-1")));
        QCOMPARE(dialog.linkName()->currentText(), QStringLiteral("株式会社再委託"));
        dialog.fromEdit()->setText(QStringLiteral("2026/13/01"));
        QVERIFY(!dialog.link());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("2026-04-01"));
        dialog.fromEdit()->setText(QStringLiteral("2026-09-01"));
        dialog.toEdit()->setText(QStringLiteral("2026-08-31"));
        QVERIFY(!dialog.link());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("2026-08-31"));
        QVERIFY(f.registry().subcontractorLinks(id).empty());

        dialog.toEdit()->setText(QStringLiteral("2027-03-31"));
        QVERIFY2(dialog.link(), qPrintable(dialog.messageBar()->text()));
        const auto links = f.registry().subcontractorLinks(id);
        QCOMPARE(links.size(), std::size_t(1));
        QCOMPARE(links.front().name, std::string("株式会社再委託"));
        QCOMPARE(core::formatIsoDate(*links.front().validFrom), std::string("2026-09-01"));
        QCOMPARE(dialog.links()->rowCount(), 1);
    }

    void theEndOfLifeListDatesTheSoftwareLedger()
    {
        Fixture f;
        const auto id = f.registry().contract("METI-1").id;
        db::Registers registers(f.session().vault());
        registers.add("software", id, {{"name", "ubuntu"}, {"version", "22.04"}, {"installed_at", "作業用PC"}});
        auto supportEnd = [&] { return db::Registers(f.session().vault()).list(id, "software").front().field("support_end"); };
        const std::string good = f.dir.file("eol.csv"), bad = f.dir.file("bad.csv");
        meibo::test::writeText(good, "product,cycle,eol\nubuntu,22.04,2027-04-01\nubuntu,24.04,2029-05-31\n");
        meibo::test::writeText(bad, "product,cycle,eol\nubuntu,22.04,2027-04-01\nubuntu,20.04,soon\n");

        gui::EolImportDialog dialog(f.session(), &f.window);
        QVERIFY(dialog.contractPicker()->selectCode(QStringLiteral("METI-1")));
        QVERIFY(!dialog.import());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("CSV"));
        dialog.fileEdit()->setText(QString::fromStdString(bad));
        QVERIFY(!dialog.import());
        checkJapaneseSentence(dialog.messageBar()->text(), QStringLiteral("3"));
        QCOMPARE(supportEnd(), std::string());
        QCOMPARE(dialog.matches()->rowCount(), 0);

        dialog.fileEdit()->setText(QString::fromStdString(good));
        QVERIFY2(dialog.import(), qPrintable(dialog.messageBar()->text()));
        QCOMPARE(supportEnd(), std::string("2027-04-01"));
        QCOMPARE(dialog.matches()->rowCount(), 1);
        QCOMPARE(dialog.matches()->item(0, 2)->text(), QStringLiteral("2027-04-01"));
    }

    void theExtrasMenuOpensEachDialog()
    {
        Fixture f;
        QMenu* menu = nullptr;
        for (QAction* a : f.window.menuBar()->actions())
            if (a->menu() && a->text() == QStringLiteral("ツール(&X)"))
                menu = a->menu();
        QVERIFY(menu);
        int opened = 0;
        for (QAction* a : menu->actions()) {
            if (a->isSeparator())
                continue;
            QVERIFY2(a->text().contains(QLatin1Char('&')), qPrintable(a->text()));
            QVERIFY(a->isEnabled());
            a->trigger();
            QDialog* dialog = nullptr;
            for (QDialog* d : f.window.findChildren<QDialog*>())
                if (d->isVisible())
                    dialog = d;
            QVERIFY2(dialog, qPrintable(a->text()));
            dialog->reject();
            QApplication::processEvents();
            ++opened;
        }
        QCOMPARE(opened, 7);
        lock(f);
        for (QAction* a : menu->actions())
            QVERIFY(a->isSeparator() || !a->isEnabled());
    }

    void theScreenshotsOfTheDialogsAreSaved()
    {
        Fixture f;
        meibo::test::TempDir shots;
        const QStringList files = gui::saveAdminScreenshots(&f.window, f.session(), QString::fromStdString(shots.path()));
        QStringList names;
        for (const QString& file : files)
            names << QFileInfo(file).fileName();
        QCOMPARE(names, QStringList({QStringLiteral("passphrase.png"), QStringLiteral("key-slots.png"),
                                     QStringLiteral("certificates.png"), QStringLiteral("verify-bundle.png"),
                                     QStringLiteral("backup.png"), QStringLiteral("subcontractors.png"),
                                     QStringLiteral("eol-import.png")}));
        for (const QString& file : files) {
            QVERIFY2(QFileInfo::exists(file), qPrintable(file));
            QVERIFY(QImage(file).width() > 200);
        }
    }
};

int main(int argc, char** argv)
{
    meibo::test::TempDir config;
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.path()));
    gui::Application app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MeiboTest"));
    AdminTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "AdminTest.moc"
