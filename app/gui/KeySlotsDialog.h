#pragma once

#include "RecoveryKeyDialog.h"

#include <QDialog>
#include <QPointer>

class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace meibo::gui {

class MessageBar;
class Session;

/// The registry's key slots (what `meibo-cli slot …` does): lists them, adds a deputy's passphrase
/// (Argon2 on a worker), removes one, and replaces the recovery key.
class KeySlotsDialog : public QDialog {
    Q_OBJECT
public:
    explicit KeySlotsDialog(Session& session, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* passphraseEdit() const { return m_pass; }
    QLineEdit* repeatEdit() const { return m_repeat; }
    QPushButton* removeButton() const { return m_remove; }
    MessageBar* messageBar() const { return m_message; }
    /// The dialog that shows the last new recovery key (null before a rotation).
    RecoveryKeyDialog* recoveryKeyDialog() const { return m_keyDialog; }

    /// Adds the slot named in the form, on a worker; false (with the reason shown) when refused at once.
    bool addSlot();
    /// Removes the selected slot after asking; false when refused or not confirmed.
    bool removeSelected();
    /// Replaces the recovery key after asking and shows the new one; false when refused or not confirmed.
    bool rotateRecoveryKey();
    /// Selects the row of the slot named `name`.
    bool selectSlot(const QString& name);

signals:
    void attemptFinished(bool added);

private:
    void reload();
    void refuse(const QString& text);

    Session& m_session;
    QTableWidget* m_table;
    QPushButton* m_remove;
    QPushButton* m_rotate;
    QLineEdit* m_name;
    QLineEdit* m_pass;
    QLineEdit* m_repeat;
    QPushButton* m_add;
    QProgressBar* m_busy;
    MessageBar* m_message;
    QPointer<RecoveryKeyDialog> m_keyDialog;
};

} // namespace meibo::gui
