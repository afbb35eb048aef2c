#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace meibo::forms {
struct BundleCheck;
}

namespace meibo::gui {

class MessageBar;
class Session;

/// Verifies a bundle folder received or kept (what `meibo-cli verify` does, through
/// forms::verifyBundle): who signed it, the certificate's fingerprint, whether it is the one kept in
/// the registry, and every file's result, in plain words. Hashing runs on a worker.
class VerifyBundleDialog : public QDialog {
    Q_OBJECT
public:
    explicit VerifyBundleDialog(Session& session, QWidget* parent = nullptr);

    QLineEdit* folderEdit() const { return m_folder; }
    QCheckBox* compareCheck() const { return m_compare; }
    QTableWidget* files() const { return m_files; }
    QLabel* signerLabel() const { return m_signer; }
    QLabel* fingerprintLabel() const { return m_fingerprint; }
    MessageBar* messageBar() const { return m_message; }

    /// Starts the check of the folder in the form; false (with the reason shown) when refused at once.
    bool start();
    /// Shows a finished check (the worker's result; also the screenshots).
    void showCheck(const forms::BundleCheck& check, bool compared);

signals:
    void attemptFinished(bool intact);

private:
    Session& m_session;
    QLineEdit* m_folder;
    QCheckBox* m_compare;
    QPushButton* m_run;
    QLabel* m_signer;
    QLabel* m_fingerprint;
    QTableWidget* m_files;
    QProgressBar* m_busy;
    MessageBar* m_message;
};

} // namespace meibo::gui
