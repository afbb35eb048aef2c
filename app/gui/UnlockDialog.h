#pragma once

#include "meibo/db/Vault.h"

#include <QDialog>

#include <memory>
#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace meibo::gui {

/// Asks for the passphrase (or the recovery key) and opens the registry on a worker thread.
/// A wrong secret is shown in the dialog, which stays open for another try.
class UnlockDialog : public QDialog {
    Q_OBJECT
public:
    explicit UnlockDialog(QString path, QWidget* parent = nullptr);
    ~UnlockDialog() override;

    /// The opened registry once the dialog was accepted.
    std::unique_ptr<db::Vault> takeVault();

    QLineEdit* secretEdit() const { return m_secret; }
    QLabel* errorLabel() const { return m_error; }
    QCheckBox* recoveryCheck() const { return m_useRecovery; }

signals:
    /// Emitted when an attempt ends (opened or refused): tests wait for it.
    void attemptFinished(bool opened);

private:
    void tryUnlock();
    void setBusy(bool busy);

    QString m_path;
    QLineEdit* m_secret;
    QCheckBox* m_useRecovery;
    QLabel* m_error;
    QProgressBar* m_busy;
    QDialogButtonBox* m_buttons;
    std::unique_ptr<db::Vault> m_vault;
};

} // namespace meibo::gui
