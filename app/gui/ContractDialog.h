#pragma once

#include "meibo/core/Model.h"

#include <QDialog>
#include <QMap>

#include <optional>

class QLineEdit;

namespace meibo::gui {

class MessageBar;
class Session;

/// A contract's details (new or existing): code, 契約件名, period, signing day, addressee, the day the
/// ministry asked for deferred personal data (※5) and the day it agreed to the roster (8 ①).
class ContractDialog : public QDialog {
    Q_OBJECT
public:
    ContractDialog(Session& session, std::optional<core::Contract> contract, QWidget* parent = nullptr);
    /// code, title, start, end, signed, addressee, contact, data_requested, roster_consented
    QLineEdit* edit(const QString& field) const { return m_edits.value(field); }
    MessageBar* messageBar() const { return m_message; }
    bool save();

private:
    Session& m_session;
    std::optional<core::Contract> m_contract;
    QMap<QString, QLineEdit*> m_edits;
    MessageBar* m_message;
};

/// The contractor: 名称, 住所, 代表者氏名, the clause-4 facts, and the officer's name for the audit log.
class OrganizationDialog : public QDialog {
    Q_OBJECT
public:
    explicit OrganizationDialog(Session& session, QWidget* parent = nullptr);
    /// name, address, representative, capital, places, officer
    QLineEdit* edit(const QString& field) const { return m_edits.value(field); }
    MessageBar* messageBar() const { return m_message; }
    bool save();

private:
    Session& m_session;
    QMap<QString, QLineEdit*> m_edits;
    MessageBar* m_message;
};

} // namespace meibo::gui
