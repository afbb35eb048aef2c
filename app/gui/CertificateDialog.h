#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace meibo::gui {

class MessageBar;
class Session;

/// The certificate that signs exported documents (what `meibo-cli cert …` does): shows the kept one
/// with its SHA-256 fingerprint (to tell the ministry), imports a PKCS#12 file or makes a self-signed
/// one. Reading the PKCS#12 and making the key run on a worker.
class CertificateDialog : public QDialog {
    Q_OBJECT
public:
    explicit CertificateDialog(Session& session, QWidget* parent = nullptr);

    QLabel* signerLabel() const { return m_signer; }
    QLabel* fingerprintLabel() const { return m_fingerprint; }
    QLineEdit* fileEdit() const { return m_file; }
    QLineEdit* filePassphraseEdit() const { return m_filePass; }
    QLineEdit* nameEdit() const { return m_name; }
    MessageBar* messageBar() const { return m_message; }

    /// Imports the PKCS#12 file named in the form; false (with the reason shown) when refused at once.
    bool importFile();
    /// Makes a self-signed certificate for the name in the form; false when refused at once.
    bool generate();
    /// Writes the kept certificate (PEM, no key) to `path`.
    bool saveCertificate(const QString& path);

signals:
    void attemptFinished(bool kept);

private:
    struct Made;
    void reload();
    bool confirmReplace();
    void keep(const Made& made);
    void refuse(const QString& text);
    void setBusy(bool busy);

    Session& m_session;
    QLabel* m_signer;
    QLabel* m_source;
    QLabel* m_fingerprint;
    QPushButton* m_copy;
    QPushButton* m_save;
    QLineEdit* m_file;
    QLineEdit* m_filePass;
    QLineEdit* m_name;
    QProgressBar* m_busy;
    MessageBar* m_message;
};

} // namespace meibo::gui
