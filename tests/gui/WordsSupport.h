#pragma once

// What the words tests share (issue 17): a window on a three-person registry, the interface in one
// language for a test, and the checks that a text is for a person (no command line, key, rule id or
// UTC) and in the interface language.

#include "Application.h"
#include "Convert.h"
#include "GuiFixture.h"
#include "MainWindow.h"
#include "Session.h"
#include "TestSupport.h"

#include "meibo/core/Registers.h"
#include "meibo/core/Report.h"
#include "meibo/core/RosterFields.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Reports.h"
#include "meibo/db/Vault.h"

#include <QApplication>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>
#include <QTranslator>

namespace meibo::test::words {

using meibo::test::day;
inline const char* kPass = meibo::test::kGuiPass;

inline const char* kRoster =
    "role,label,name,address,birth_date,department,title,nationality,residence_status,passport_no,reports_to,need,"
    "valid_from\n"
    "情報管理責任者,A,経済 太郎,東京都千代田区霞が関1-3-1,1970-04-01,情報セキュリティ部,部長,JP,日本国籍,,,全責任を負うため,"
    "2026-04-01\n"
    "情報取扱管理者,B,産業 花子,東京都港区芝公園4-2-8,1982-09-15,調査研究部,課長,JP,日本国籍,,A,進捗管理のため,2026-04-01\n"
    "業務従事者,D,保安 次郎,神奈川県横浜市中区本町6-50,1978-01-20,調査研究部,研究員,JP,日本国籍,,B,文献調査のため,"
    "2026-04-01\n";

/// A registry with one contract METI-1 and three people (no organization details).
inline std::string seededRegistry(const meibo::test::TempDir& dir)
{
    return meibo::test::makeRegistry(dir, {"r.meibo", "METI-1", false, kRoster, nullptr});
}

/// The interface in one language for the length of a test: the translator and core's sentences.
class Language {
public:
    explicit Language(bool japanese)
    {
        gui::setUiLanguage(japanese ? QStringLiteral("ja") : QStringLiteral("en"));
        if (japanese && m_ja.load(QStringLiteral(":/i18n/meibo_ja.qm")))
            QApplication::installTranslator(&m_ja);
    }
    ~Language()
    {
        QApplication::removeTranslator(&m_ja);
        gui::setUiLanguage(QStringLiteral("en"));
    }

private:
    QTranslator m_ja;
};

/// A window on a three-person registry, today pinned to 2026-06-01.
struct Fixture {
    meibo::test::TempDir dir;
    std::string path = seededRegistry(dir);
    gui::MainWindow window;
    Fixture()
    {
        window.session().setToday(day("2026-06-01"));
        window.resize(1366, 768);
        window.show();
        window.showVault(std::make_unique<db::Vault>(db::Vault::open(path, db::Secret::passphrase(kPass))));
    }
    db::Registry registry() { return db::Registry(window.session().vault()); }
    std::int64_t contractId() { return registry().contract("METI-1").id; }
    std::int64_t auditEntries() { return registry().verifyAudit().entries; }
};

/// The keys a person must never see in front of a sentence ("birth_date: …"): every roster field's and
/// every register field's.
inline QStringList storedKeys()
{
    QStringList keys;
    for (const core::RosterField& f : core::rosterFields())
        keys << QString::fromLatin1(f.key.data(), int(f.key.size()));
    for (const auto& kind : core::registerKinds())
        for (const auto& f : kind.fields)
            keys << QString::fromStdString(f.name);
    return keys;
}

/// What a person must never read: command-line syntax, a stored key in front, a rule id, UTC. A
/// file's path is quoted as it is and not judged.
inline void checkForAPerson(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("/[^\\s、。）)”」]+")));
    QVERIFY2(!text.isEmpty(), "no text shown");
    for (const QString& key : storedKeys())
        QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("(^|\\s)%1[:：]").arg(key))),
                 qPrintable(key + QStringLiteral(" in: ") + text));
    QVERIFY2(!text.contains(QStringLiteral("--")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("meibo-cli")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1Char('`')), qPrintable(text));
    QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("\\b[a-z]+(-[a-z]+)+\\b"))), qPrintable(text)); // rule ids
    QVERIFY2(!text.contains(QStringLiteral("UTC")), qPrintable(text));
}

inline bool hasJapanese(const QString& text)
{
    for (const QChar c : text)
        if ((c.unicode() >= 0x3040 && c.unicode() <= 0x30ff) || (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff))
            return true;
    return false;
}

/// Japanese: Japanese words and no English sentence; English: no Japanese outside the form's terms.
inline void checkLanguage(const QString& text, bool japanese)
{
    checkForAPerson(text);
    if (japanese) {
        QVERIFY2(hasJapanese(text), qPrintable(text));
        QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}"))),
                 qPrintable(text));
    } else {
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("[A-Za-z]{3,} [A-Za-z]{3,}"))), qPrintable(text));
    }
}

/// A report of the first period with every item answered 実施 (15 該当なし with its content).
inline std::int64_t completeReport(Fixture& f)
{
    db::Reports reports(f.window.session().vault());
    const auto id = reports.create(f.contractId(), day("2026-09-30"));
    for (const auto& item : core::reportItemIds()) {
        if (!core::parentItem(item).empty())
            continue;
        if (item == "15")
            reports.set(id, item, core::ItemStatus::NotApplicable, "情報システムの構築は行わない");
        else
            reports.set(id, item, core::ItemStatus::Done, "");
    }
    f.window.session().notifyChanged();
    return id;
}

} // namespace meibo::test::words
