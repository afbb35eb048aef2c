// meibo: the officer's desktop tool. All of it lives in meibo_gui; this only starts it.

#include "Application.h"
#include "Convert.h"
#include "MainWindow.h"

#include "meibo/core/Error.h"
#include "meibo/core/Version.h"
#include "meibo/db/SecureBuffer.h"
#include "meibo/db/Vault.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <iostream>

int main(int argc, char** argv)
{
    meibo::gui::Application app(argc, argv); // every event through the one guard
    QApplication::setOrganizationName(QStringLiteral("Meibo"));
    QApplication::setApplicationName(QStringLiteral("meibo"));
    QApplication::setApplicationVersion(QString::fromLatin1(meibo::core::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("meibo"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Meibo — information handler registry"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("User interface language: ja or en."),
                            QStringLiteral("LANG"));
    parser.addOption(lang);
    // For the documentation's pictures (docs/screenshots.sh): open with a passphrase file, save a PNG
    // of each view into DIR, quit. Hidden: a passphrase in a file is for the demo registry only.
    QCommandLineOption passFile(QStringLiteral("passphrase-file"), QStringLiteral("First line: the passphrase."),
                                QStringLiteral("FILE"));
    passFile.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save PNGs of the views into DIR."),
                                  QStringLiteral("DIR"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(passFile);
    parser.addOption(screenshot);
    parser.addPositionalArgument(QStringLiteral("registry"), QStringLiteral("Registry file to open."));
    parser.process(app);

    // Japanese unless English is asked for (here or in the settings).
    QSettings settings;
    const QString language = parser.isSet(lang) ? parser.value(lang)
                                                : settings.value(QStringLiteral("ui/language"), QStringLiteral("ja"))
                                                      .toString();
    meibo::gui::setUiLanguage(language); // findings and report gaps follow the translator
    QTranslator translator;
    QTranslator qtTranslator; // Qt's own buttons and dialogs (Save, Cancel …): qt6-translations-l10n
    if (language != QLatin1String("en")) {
        if (translator.load(QStringLiteral(":/i18n/meibo_ja.qm")))
            QApplication::installTranslator(&translator);
        if (qtTranslator.load(QStringLiteral("qtbase_ja"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(&qtTranslator);
    }

    meibo::gui::MainWindow window;
    window.show();
    QString registry = parser.positionalArguments().isEmpty() ? QString() : parser.positionalArguments().constFirst();
    if (parser.isSet(passFile) && !registry.isEmpty()) {
        QFile f(parser.value(passFile));
        if (!f.open(QIODevice::ReadOnly)) {
            std::cerr << "meibo: cannot read " << parser.value(passFile).toStdString() << "\n";
            return 1;
        }
        std::string pass = QString::fromUtf8(f.readLine()).trimmed().toStdString();
        try {
            window.showVault(std::make_unique<meibo::db::Vault>(
                meibo::db::Vault::open(registry.toStdString(), meibo::db::Secret::passphrase(pass))));
        } catch (const meibo::core::Error& e) {
            meibo::db::wipe(pass);
            std::cerr << "meibo: " << e.what() << "\n";
            return 1;
        }
        meibo::db::wipe(pass);
        if (parser.isSet(screenshot)) {
            window.resize(1280, 800);
            QApplication::processEvents();
            const QStringList files = window.saveScreenshots(parser.value(screenshot));
            for (const QString& f : files)
                std::cout << f.toStdString() << "\n";
            window.lockRegistry();
            return files.isEmpty() ? 1 : 0;
        }
    } else if (!registry.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, registry] { window.openRegistry(registry); });
    } else {
        // The last registry is offered at once; Escape leaves the welcome page with its buttons.
        const QString last = settings.value(QStringLiteral("registry/last")).toString();
        if (!last.isEmpty() && QFileInfo::exists(last))
            QTimer::singleShot(0, &window, [&window, last] { window.openRegistry(last); });
    }
    return QApplication::exec();
}
