#pragma once

#include <QDialog>

#include <string>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace meibo::gui {

class MessageBar;
class Session;

/// Backs up the registry now (what `meibo-cli backup` does: the encrypted `<file>.bak`) and restores
/// it from a backup of the same registry (db::Vault::restoreFrom), after saying what is replaced;
/// the question defaults to No. Both run on a worker.
class BackupDialog : public QDialog {
    Q_OBJECT
public:
    explicit BackupDialog(Session& session, QWidget* parent = nullptr);

    QLabel* lastBackupLabel() const { return m_last; }
    QLineEdit* restoreEdit() const { return m_from; }
    MessageBar* messageBar() const { return m_message; }

    /// Writes `<file>.bak` on a worker.
    bool backUp();
    /// Asks, then restores from the file in the form on a worker; false when refused or not confirmed.
    bool restore();

signals:
    void attemptFinished(bool done);

private:
    void reload();
    void run(bool restoring, const std::string& from);

    Session& m_session;
    QLabel* m_last;
    QLineEdit* m_from;
    QPushButton* m_backUp;
    QPushButton* m_restore;
    QProgressBar* m_busy;
    MessageBar* m_message;
};

} // namespace meibo::gui
