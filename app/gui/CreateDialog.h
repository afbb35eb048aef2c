#pragma once

#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace meibo::db {
class Vault;
}

namespace meibo::gui {

/// Creates a new registry: organization name and the passphrase twice; the key derivation runs on
/// a worker thread. On success the registry is open (the passphrase just typed is not asked again)
/// and the recovery key is to be shown once (RecoveryKeyDialog). An empty organization is refused.
class CreateDialog : public QDialog {
    Q_OBJECT
public:
    explicit CreateDialog(QString path, QWidget* parent = nullptr);
    ~CreateDialog() override;
    QString recoveryKey() const { return m_recoveryKey; }
    /// The registry just created, open for writing; empty before success or once taken.
    std::unique_ptr<db::Vault> takeVault();

    QLineEdit* organizationEdit() const { return m_org; }
    QLineEdit* passphraseEdit() const { return m_pass; }
    QLineEdit* repeatEdit() const { return m_repeat; }
    QLabel* errorLabel() const { return m_error; }

signals:
    void attemptFinished(bool created);

private:
    void tryCreate();

    QString m_path;
    QLineEdit* m_org;
    QLineEdit* m_pass;
    QLineEdit* m_repeat;
    QLabel* m_error;
    QProgressBar* m_busy;
    QDialogButtonBox* m_buttons;
    QString m_recoveryKey;
    std::unique_ptr<db::Vault> m_vault;
};

} // namespace meibo::gui
