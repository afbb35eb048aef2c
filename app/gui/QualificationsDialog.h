#pragma once

#include <QDialog>

#include <cstdint>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;

namespace meibo::gui {

class MessageBar;
class Session;

/// What clause 4 asks to disclose of a person besides the roster row: their security
/// qualifications and trainings (専門性) and their track record (実績) — what the
/// `disclosure-incomplete` finding asks for. Qualifications are added through the registry's
/// addQualification (as `qualification add`), the track record is the person's record field
/// (as `person set … track_record=`), each in its own transaction with its audit entry.
class QualificationsDialog : public QDialog {
    Q_OBJECT
public:
    QualificationsDialog(Session& session, std::int64_t personId, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QComboBox* kindCombo() const { return m_kind; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* dateEdit() const { return m_date; }
    QLineEdit* issuerEdit() const { return m_issuer; }
    QPlainTextEdit* trackRecordEdit() const { return m_trackRecord; }
    MessageBar* messageBar() const { return m_message; }

    /// Records the qualification or training the fields describe; shows why not when it cannot.
    bool addQualification();
    /// Saves the track record as the text box has it.
    bool saveTrackRecord();

private:
    void reload();

    Session& m_session;
    std::int64_t m_personId;
    QLabel* m_title;
    QTableWidget* m_table;
    QComboBox* m_kind;
    QLineEdit* m_name;
    QLineEdit* m_date;
    QLineEdit* m_issuer;
    QPlainTextEdit* m_trackRecord;
    MessageBar* m_message;
};

} // namespace meibo::gui
