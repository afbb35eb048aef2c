// The nationality field of the person dialog: a searchable list of ICU's countries shown as
// 「ベトナム (VN)」, found by the Japanese name or the code, stored as the ISO code; an unknown name is
// refused in Japanese and nothing changes; 日本 sets 在留区分 日本国籍. Offscreen.

#include "Application.h"
#include "Convert.h"
#include "GuiFixture.h"
#include "MessageBar.h"
#include "PersonDialog.h"
#include "RosterView.h"

#include "meibo/core/Vocabulary.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QTranslator>

#include <stdexcept>

using namespace meibo;
using meibo::test::day;

namespace {

const char* kRoster = "区分,記号,氏名,ふりがな,生年月日,所属部署,国籍,在留区分,報告先,必要性,従事開始日\n"
                      "情報管理責任者,A,経済 太郎,けいざい たろう,1970-04-01,情報セキュリティ部,JP,日本国籍,,全体の責任者,"
                      "2026-04-01\n"
                      "業務従事者,B,髙橋 花子,たかはし はなこ,1985-12-03,調査研究部,JP,日本国籍,A,分析を担当,2026-04-01\n";

/// B's record on K1 as stored.
core::RosterEntry entryB(meibo::test::WindowFixture& f)
{
    for (const auto& e : f.registry().roster(f.registry().contract("K1").id, day("2026-06-01")))
        if (e.label == "B")
            return e;
    throw std::runtime_error("B is not on the roster");
}

/// Types `text` into the field as a person does, the dialog's window active: Latin letters key by
/// key, Japanese as the input method commits it.
void typeInto(QLineEdit* edit, const QString& text)
{
    edit->window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(edit->window()));
    edit->setFocus();
    edit->clear();
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii) {
        QTest::keyClicks(edit, text);
        return;
    }
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QApplication::sendEvent(edit, &commit);
}

/// The completions the list offers for what is in the field now.
QStringList offered(QLineEdit* edit)
{
    QStringList out;
    QCompleter* c = edit->completer();
    if (!c)
        return out;
    c->setCompletionPrefix(edit->text());
    for (int i = 0; c->setCurrentRow(i); ++i)
        out << c->currentCompletion();
    return out;
}

} // namespace

class CountryPickerTest : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        gui::setUiLanguage(QStringLiteral("ja"));
        if (m_ja.load(QStringLiteral(":/i18n/meibo_ja.qm")))
            QApplication::installTranslator(&m_ja);
    }
    void cleanup()
    {
        QApplication::removeTranslator(&m_ja);
        gui::setUiLanguage(QStringLiteral("en"));
    }

    void theListHasEveryCountryWithItsJapaneseName()
    {
        // One list, from ICU: the codes are ISO 3166's, each with a Japanese and an English name.
        const auto& all = core::countries();
        QVERIFY2(all.size() > 240, qPrintable(QString::number(all.size())));
        bool vietnam = false;
        for (const auto& c : all) {
            QCOMPARE(int(c.code.size()), 2);
            vietnam = vietnam || (c.code == "VN" && c.nameJa == "ベトナム" && c.nameEn == "Vietnam");
        }
        QVERIFY(vietnam);
        QCOMPARE(core::countryLabel("VN"), std::string("ベトナム (VN)"));
        QVERIFY(core::normalizeCountry("ベトナム (VN)") == std::optional<std::string>("VN"));
        QVERIFY(core::normalizeCountry("ベトナム（ＶＮ）") == std::optional<std::string>("VN")); // full width
        QVERIFY(!core::normalizeCountry("日本 (VN)")); // the name and the code disagree
    }

    void typingVietnamStoresVN()
    {
        meibo::test::TempDir dir;
        meibo::test::WindowFixture f(meibo::test::makeRegistry(dir, {"r.meibo", "K1", true, kRoster, nullptr}));
        auto* view = f.window.rosterView();
        QVERIFY(view->selectLabel(QStringLiteral("B")));
        gui::PersonDialog* dialog = view->editSelected();
        QVERIFY(dialog);
        QLineEdit* nationality = dialog->edit(QStringLiteral("nationality"));
        // The stored code is shown as the list shows it.
        QCOMPARE(nationality->text(), QStringLiteral("日本 (JP)"));

        typeInto(nationality, QStringLiteral("ベトナム"));
        QCOMPARE(offered(nationality), QStringList{QStringLiteral("ベトナム (VN)")});
        // The code finds it too, in either case.
        typeInto(nationality, QStringLiteral("vn"));
        QVERIFY2(offered(nationality).contains(QStringLiteral("ベトナム (VN)")), qPrintable(offered(nationality).join(',')));
        // Chosen from the list: the label goes into the field.
        typeInto(nationality, QStringLiteral("ベトナム"));
        QCompleter* completer = nationality->completer();
        QVERIFY(completer->popup()->isVisible());
        completer->setCurrentRow(0);
        completer->popup()->setCurrentIndex(completer->currentIndex());
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(nationality->text(), QStringLiteral("ベトナム (VN)"));
        QCOMPARE(dialog->fieldError(QStringLiteral("nationality")), QString());
        // Not Japanese any more: the residence status is chosen again, with ※4 beside the passport.
        QVERIFY(dialog->residenceCombo()->isEnabled());
        QCOMPARE(dialog->residenceCombo()->currentText(), QString());
        dialog->residenceCombo()->setCurrentIndex(dialog->residenceCombo()->findText(QStringLiteral("その他")));
        dialog->edit(QStringLiteral("passport_no"))->setText(QStringLiteral("C1234567"));
        QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
        const auto b = entryB(f);
        QCOMPARE(b.person.nationality, std::string("VN"));
        QCOMPARE(b.person.passportNo, std::string("C1234567"));
    }

    void typingTheNameAloneStoresTheCode()
    {
        meibo::test::TempDir dir;
        meibo::test::WindowFixture f(meibo::test::makeRegistry(dir, {"r.meibo", "K1", true, kRoster, nullptr}));
        auto* view = f.window.rosterView();
        QVERIFY(view->selectLabel(QStringLiteral("B")));
        gui::PersonDialog* dialog = view->editSelected();
        QVERIFY(dialog);
        QLineEdit* nationality = dialog->edit(QStringLiteral("nationality"));
        typeInto(nationality, QStringLiteral("ベトナム"));
        nationality->completer()->popup()->hide();
        emit nationality->editingFinished(); // the field is left
        QCOMPARE(nationality->text(), QStringLiteral("ベトナム (VN)"));
        dialog->residenceCombo()->setCurrentIndex(dialog->residenceCombo()->findText(QStringLiteral("永住者")));
        QVERIFY2(dialog->save(), qPrintable(dialog->messageBar()->text()));
        QCOMPARE(entryB(f).person.nationality, std::string("VN"));
    }

    void anUnknownNameIsRefusedInJapaneseAndNothingChanges()
    {
        meibo::test::TempDir dir;
        meibo::test::WindowFixture f(meibo::test::makeRegistry(dir, {"r.meibo", "K1", true, kRoster, nullptr}));
        const auto before = entryB(f);
        const auto audit = f.registry().auditEntries(1000).size();
        auto* view = f.window.rosterView();
        QVERIFY(view->selectLabel(QStringLiteral("B")));
        gui::PersonDialog* dialog = view->editSelected();
        QVERIFY(dialog);
        QLineEdit* nationality = dialog->edit(QStringLiteral("nationality"));
        typeInto(nationality, QStringLiteral("ナルニア"));
        QCOMPARE(offered(nationality), QStringList());
        emit nationality->editingFinished();
        QCOMPARE(nationality->text(), QStringLiteral("ナルニア")); // left as typed, to be corrected
        const QString error = dialog->fieldError(QStringLiteral("nationality"));
        QVERIFY2(error.contains(QStringLiteral("「ナルニア」は使えません")) && error.contains(QStringLiteral("国コード")),
                 qPrintable(error));
        QVERIFY(!dialog->save());
        QVERIFY2(dialog->messageBar()->text().contains(QStringLiteral("保存")), qPrintable(dialog->messageBar()->text()));
        // Nothing changed: the record and the audit log are as they were.
        const auto after = entryB(f);
        QCOMPARE(after.person.nationality, before.person.nationality);
        QCOMPARE(after.person.residenceStatus, before.person.residenceStatus);
        QCOMPARE(f.registry().auditEntries(1000).size(), audit);
    }

    void japanMeansJapaneseNationality()
    {
        meibo::test::TempDir dir;
        meibo::test::WindowFixture f(meibo::test::makeRegistry(dir, {"r.meibo", "K1", true, kRoster, nullptr}));
        auto* view = f.window.rosterView();
        gui::PersonDialog* dialog = view->addPerson();
        QVERIFY(dialog);
        QLineEdit* nationality = dialog->edit(QStringLiteral("nationality"));
        typeInto(nationality, QStringLiteral("jp"));
        QVERIFY(offered(nationality).contains(QStringLiteral("日本 (JP)")));
        QCOMPARE(dialog->residenceCombo()->currentText(), QStringLiteral("日本国籍"));
        QVERIFY(!dialog->residenceCombo()->isEnabled());
        QVERIFY(!dialog->passportNote()->isVisibleTo(dialog));
        emit nationality->editingFinished();
        QCOMPARE(nationality->text(), QStringLiteral("日本 (JP)"));
    }

private:
    QTranslator m_ja;
};

int main(int argc, char** argv)
{
    meibo::test::TempDir config;
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.path()));
    gui::Application app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MeiboTest"));
    CountryPickerTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "CountryPickerTest.moc"
