#include "AdminMenu.h"

#include "BackupDialog.h"
#include "CertificateDialog.h"
#include "EolImportDialog.h"
#include "KeySlotsDialog.h"
#include "PassphraseDialog.h"
#include "Session.h"
#include "SubcontractorsDialog.h"
#include "VerifyBundleDialog.h"

#include "meibo/db/Registry.h"
#include "meibo/forms/Export.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>

namespace meibo::gui {

template <typename Dialog> Dialog* openAdminDialog(QWidget* parent, Session& session)
{
    if (!session.isOpen())
        return nullptr;
    auto* dialog = new Dialog(session, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

template PassphraseDialog* openAdminDialog<PassphraseDialog>(QWidget*, Session&);
template KeySlotsDialog* openAdminDialog<KeySlotsDialog>(QWidget*, Session&);
template CertificateDialog* openAdminDialog<CertificateDialog>(QWidget*, Session&);
template VerifyBundleDialog* openAdminDialog<VerifyBundleDialog>(QWidget*, Session&);
template BackupDialog* openAdminDialog<BackupDialog>(QWidget*, Session&);
template SubcontractorsDialog* openAdminDialog<SubcontractorsDialog>(QWidget*, Session&);
template EolImportDialog* openAdminDialog<EolImportDialog>(QWidget*, Session&);

QMenu* addAdminMenu(QMainWindow* window, Session& session, QList<QAction*>& needVault)
{
    // "E&xtras": T, O, L, S and U are taken (Repor&t, &On, Fina&lize, &Status in the views, &Unlock on
    // the welcome page), so "Tools" and "Utilities" would clash.
    auto* menu = window->menuBar()->addMenu(QCoreApplication::translate("meibo::gui::AdminMenu", "E&xtras"));
    Session* s = &session;
    needVault << menu->addAction(QCoreApplication::translate("meibo::gui::AdminMenu", "Change the &passphrase…"), window,
                                 [window, s] { openAdminDialog<PassphraseDialog>(window, *s); });
    needVault << menu->addAction(QCoreApplication::translate("meibo::gui::AdminMenu", "&Key slots and recovery key…"), window,
                                 [window, s] { openAdminDialog<KeySlotsDialog>(window, *s); });
    needVault << menu->addAction(QCoreApplication::translate("meibo::gui::AdminMenu", "Signing &certificate…"), window,
                                 [window, s] { openAdminDialog<CertificateDialog>(window, *s); });
    menu->addSeparator();
    needVault << menu->addAction(QCoreApplication::translate("meibo::gui::AdminMenu", "&Verify a bundle…"), window,
                                 [window, s] { openAdminDialog<VerifyBundleDialog>(window, *s); });
    needVault << menu->addAction(QCoreApplication::translate("meibo::gui::AdminMenu", "&Backup and restore…"), window,
                                 [window, s] { openAdminDialog<BackupDialog>(window, *s); });
    menu->addSeparator();
    needVault << menu->addAction(QCoreApplication::translate("meibo::gui::AdminMenu", "&Subcontractors…"), window,
                                 [window, s] { openAdminDialog<SubcontractorsDialog>(window, *s); });
    needVault << menu->addAction(QCoreApplication::translate("meibo::gui::AdminMenu", "Import the &end-of-life list…"),
                                 window, [window, s] { openAdminDialog<EolImportDialog>(window, *s); });
    return menu;
}

QStringList saveAdminScreenshots(QWidget* parent, Session& session, const QString& dir)
{
    QStringList written;
    if (!session.isOpen())
        return written;
    auto save = [&](QDialog* d, const char* name) {
        d->show();
        QApplication::processEvents();
        const QString file = QDir(dir).filePath(QString::fromLatin1(name));
        if (d->grab().save(file, "PNG"))
            written << file;
        d->reject();
    };
    if (auto* d = openAdminDialog<PassphraseDialog>(parent, session))
        save(d, "passphrase.png");
    if (auto* d = openAdminDialog<KeySlotsDialog>(parent, session)) {
        d->nameEdit()->setText(QStringLiteral("deputy"));
        save(d, "key-slots.png");
    }
    if (auto* d = openAdminDialog<CertificateDialog>(parent, session))
        save(d, "certificates.png");
    if (auto* d = openAdminDialog<VerifyBundleDialog>(parent, session)) {
        // The demo's own export, checked against the registry's certificate (synchronously: a picture).
        const QDir beside = QFileInfo(QString::fromStdString(session.vault().path())).absoluteDir();
        const QStringList exports = beside.entryList({QStringLiteral("export-*")}, QDir::Dirs, QDir::Name);
        if (!exports.isEmpty()) {
            const QString folder = beside.filePath(exports.first());
            d->folderEdit()->setText(folder);
            std::optional<forms::ExpectedSigner> expected;
            if (const auto id = db::Registry(session.vault()).signingIdentity())
                expected = forms::ExpectedSigner{id->certificatePem, "the registry"};
            try {
                d->showCheck(forms::verifyBundle(folder.toStdString(), expected), expected.has_value());
            } catch (const std::exception&) {
                // No picture of a result, then: the empty dialog still shows what it asks.
            }
        }
        save(d, "verify-bundle.png");
    }
    if (auto* d = openAdminDialog<BackupDialog>(parent, session))
        save(d, "backup.png");
    if (auto* d = openAdminDialog<SubcontractorsDialog>(parent, session))
        save(d, "subcontractors.png");
    if (auto* d = openAdminDialog<EolImportDialog>(parent, session)) {
        // The form as the officer fills it; nothing is imported for a picture.
        d->fileEdit()->setText(QStringLiteral("/home/officer/eol/endoflife.csv"));
        save(d, "eol-import.png");
    }
    return written;
}

} // namespace meibo::gui
