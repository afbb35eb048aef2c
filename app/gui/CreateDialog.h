#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace meibo::gui {

/// Creates a new registry: organization name and the passphrase twice; the key derivation runs on
/// a worker thread. On success the recovery key is shown once, with the advice to print it.
class CreateDialog : public QDialog {
    Q_OBJECT
public:
    explicit CreateDialog(QString path, QWidget* parent = nullptr);
    QString recoveryKey() const { return m_recoveryKey; }

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
};

} // namespace meibo::gui
