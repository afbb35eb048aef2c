// meibo: the officer's desktop tool. All of it lives in meibo_gui; this only starts it.

#include "MainWindow.h"

#include "meibo/core/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Meibo"));
    QApplication::setApplicationName(QStringLiteral("meibo"));
    QApplication::setApplicationVersion(QString::fromLatin1(meibo::core::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Meibo — information handler registry"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("User interface language: ja or en."),
                            QStringLiteral("LANG"));
    parser.addOption(lang);
    parser.addPositionalArgument(QStringLiteral("registry"), QStringLiteral("Registry file to open."));
    parser.process(app);

    // Japanese unless English is asked for (here or in the settings).
    QSettings settings;
    const QString language = parser.isSet(lang) ? parser.value(lang)
                                                : settings.value(QStringLiteral("ui/language"), QStringLiteral("ja"))
                                                      .toString();
    QTranslator translator;
    if (language != QLatin1String("en") && translator.load(QStringLiteral(":/i18n/meibo_ja.qm")))
        QApplication::installTranslator(&translator);

    meibo::gui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openRegistry(parser.positionalArguments().constFirst());
    return QApplication::exec();
}
