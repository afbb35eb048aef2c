#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QTableWidget;

namespace meibo::gui {

class ContractPicker;
class MessageBar;
class Session;

/// Subcontractors (再委託先) and their links to contracts, as `meibo-cli subcontractor add|link|list`
/// keep them: every subcontractor, the selected contract's links with their periods, a form to add
/// one and a form to link one to the contract for a period.
class SubcontractorsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SubcontractorsDialog(Session& session, QWidget* parent = nullptr);

    QTableWidget* subcontractors() const { return m_all; }
    QTableWidget* links() const { return m_links; }
    ContractPicker* contractPicker() const { return m_contracts; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* addressEdit() const { return m_address; }
    QLineEdit* representativeEdit() const { return m_representative; }
    QComboBox* linkName() const { return m_linkName; }
    QLineEdit* fromEdit() const { return m_from; }
    QLineEdit* toEdit() const { return m_to; }
    MessageBar* messageBar() const { return m_message; }

    /// Adds the subcontractor of the form; false (with the reason shown) when refused.
    bool addSubcontractor();
    /// Links the chosen subcontractor to the contract for the period of the form; false when refused.
    bool link();

private:
    void reload();

    Session& m_session;
    QTableWidget* m_all;
    ContractPicker* m_contracts;
    QTableWidget* m_links;
    QLineEdit* m_name;
    QLineEdit* m_address;
    QLineEdit* m_representative;
    QLineEdit* m_capital;
    QLineEdit* m_places;
    QComboBox* m_linkName;
    QLineEdit* m_from;
    QLineEdit* m_to;
    MessageBar* m_message;
};

} // namespace meibo::gui
