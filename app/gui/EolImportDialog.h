#pragma once

#include <QDialog>

class QLineEdit;
class QTableWidget;

namespace meibo::gui {

class ContractPicker;
class MessageBar;
class Session;

/// Dates a contract's software ledger from an end-of-life list (CSV: product, cycle, eol), as
/// `meibo-cli register import-eol` does: all or nothing; shows each entry it dated.
class EolImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit EolImportDialog(Session& session, QWidget* parent = nullptr);

    ContractPicker* contractPicker() const { return m_contracts; }
    QLineEdit* fileEdit() const { return m_file; }
    QTableWidget* matches() const { return m_matches; }
    MessageBar* messageBar() const { return m_message; }

    /// Reads the file of the form and dates the ledger; false (with the reason shown) when refused.
    bool import();

private:
    Session& m_session;
    ContractPicker* m_contracts;
    QLineEdit* m_file;
    QTableWidget* m_matches;
    MessageBar* m_message;
};

} // namespace meibo::gui
