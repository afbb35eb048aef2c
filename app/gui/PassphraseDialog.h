#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QProgressBar;

namespace meibo::gui {

class MessageBar;
class Session;

/// Changes the passphrase of the open registry (what `meibo-cli passwd` does): the current one, the
/// new one twice. The rules are db's (checkNewPassphraseRules); the key derivation runs on a worker.
class PassphraseDialog : public QDialog {
    Q_OBJECT
public:
    explicit PassphraseDialog(Session& session, QWidget* parent = nullptr);

    QLineEdit* currentEdit() const { return m_current; }
    QLineEdit* newEdit() const { return m_new; }
    QLineEdit* repeatEdit() const { return m_repeat; }
    MessageBar* messageBar() const { return m_message; }
    /// Checks the input and starts the change on a worker; false (with the reason shown) when refused.
    bool start();

signals:
    void attemptFinished(bool changed);

private:
    void refuse(const QString& text);

    Session& m_session;
    QLineEdit* m_current;
    QLineEdit* m_new;
    QLineEdit* m_repeat;
    MessageBar* m_message;
    QProgressBar* m_busy;
    QDialogButtonBox* m_buttons;
};

} // namespace meibo::gui
