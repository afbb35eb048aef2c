#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace meibo::gui {

class ContractPicker;
class MessageBar;
class Session;

/// The signed submission bundle: contract, day, an optional change notice, the certificate, the
/// folder. The registry is read on the GUI thread; rendering and signing run on a worker thread
/// with a progress bar; the bundle is verified at the end and its folder opened.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(Session& session, QWidget* parent = nullptr);

    ContractPicker* contractPicker() const { return m_contracts; }
    QDateEdit* asOfEdit() const { return m_asOf; }
    QComboBox* changeCombo() const { return m_change; }
    QComboBox* reportCombo() const { return m_report; }
    QCheckBox* methodsCheck() const { return m_methods; }
    QCheckBox* deletionCheck() const { return m_deletion; }
    QLineEdit* folderEdit() const { return m_folder; }
    QRadioButton* p12Radio() const { return m_useP12; }
    QLineEdit* p12FileEdit() const { return m_p12File; }
    QLineEdit* p12PassphraseEdit() const { return m_p12Pass; }
    QCheckBox* preContractCheck() const { return m_preContract; }
    QCheckBox* isoDatesCheck() const { return m_isoDates; }
    QCheckBox* csvKeysCheck() const { return m_csvKeys; }
    QProgressBar* progressBar() const { return m_progress; }
    MessageBar* messageBar() const { return m_message; }
    QString verifyResult() const { return m_verify; }

    /// Starts the export (returns false at once when something is missing or refused). A new folder
    /// is made by the export; one whose parent folder is missing too is created after a question.
    bool start();
    /// Chooses the bundle's folder; a new folder's name may be typed (created when the export runs).
    void chooseFolder();

    /// Remembers the report just finalized on a contract: the dialog chooses it next time.
    static void rememberReport(const QString& contract, qint64 reportId);

signals:
    /// The export ended: written and verified, or failed (the message bar says why).
    void finished(bool ok);

private:
    void reloadChanges();
    void setBusy(bool busy);
    /// The choices of the last export (documents, layout, signing, folder), kept in QSettings.
    void restoreChoices();
    void rememberChoices() const;

    Session& m_session;
    ContractPicker* m_contracts;
    QDateEdit* m_asOf;
    QComboBox* m_change;
    QComboBox* m_report;
    QCheckBox* m_methods;
    QCheckBox* m_deletion;
    QCheckBox* m_preContract;
    QCheckBox* m_isoDates;
    QCheckBox* m_csvKeys;
    QRadioButton* m_useKept;
    QRadioButton* m_useP12;
    QLineEdit* m_p12File;
    QLineEdit* m_p12Pass;
    QLineEdit* m_folder;
    QProgressBar* m_progress;
    MessageBar* m_message;
    QPushButton* m_run;
    QString m_verify;
};

} // namespace meibo::gui
