// The GUI as the officer drives it, under QT_QPA_PLATFORM=offscreen.

#include "CreateDialog.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "UnlockDialog.h"

#include "meibo/db/Vault.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace meibo;

namespace {
const char* kPass = "correct horse battery staple";

std::string makeRegistry(const meibo::test::TempDir& dir)
{
    db::CreateOptions options;
    options.organizationName = "テスト株式会社";
    options.kdf = db::KdfSettings::fastForTests();
    const std::string path = dir.file("r.meibo");
    db::Vault::create(path, db::SecureBuffer::fromString(kPass), options);
    return path;
}

void clickOk(QDialog& dialog)
{
    auto* box = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(box);
    QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
}
} // namespace

class GuiTest : public QObject {
    Q_OBJECT
private slots:
    void unlockRefusesAWrongPassphraseThenOpens()
    {
        meibo::test::TempDir dir;
        const QString path = QString::fromStdString(makeRegistry(dir));
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
        window.showVault(std::make_unique<db::Vault>(db::Vault::open(path, db::Secret::passphrase(kPass))));
        QVERIFY(window.hasVault());
        QVERIFY(window.summaryText().contains(QStringLiteral("テスト株式会社")));
        window.lockRegistry();
        QVERIFY(!window.hasVault());
        QVERIFY(window.summaryText().isEmpty());
        // Locked means the registry is free for another writer again.
        QVERIFY(db::Vault::open(path, db::Secret::passphrase(kPass)).isOpen());
    }
};

QTEST_MAIN(GuiTest)
#include "GuiTest.moc"
