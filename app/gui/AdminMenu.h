#pragma once

#include <QList>
#include <QStringList>

class QAction;
class QMainWindow;
class QMenu;
class QWidget;

namespace meibo::gui {

class Session;

/// The Extras menu: the passphrase, key slots, signing certificate, bundle verification, backup and
/// restore — what the CLI's passwd, slot, cert, verify and backup do. Actions that need an open
/// registry are appended to `needVault`.
QMenu* addAdminMenu(QMainWindow* window, Session& session, QList<QAction*>& needVault);

/// Opens the dialog of one of those actions (window-modal, deleted on close) and returns it.
template <typename Dialog> Dialog* openAdminDialog(QWidget* parent, Session& session);

/// Saves a PNG of each of those dialogs into `dir` (the --screenshot mode): passphrase, key-slots,
/// certificates, verify-bundle (of an `export-*` folder beside the registry, as `meibo-cli demo`
/// leaves it) and backup.
QStringList saveAdminScreenshots(QWidget* parent, Session& session, const QString& dir);

} // namespace meibo::gui
