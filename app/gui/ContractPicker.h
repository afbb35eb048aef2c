#pragma once

#include "meibo/core/Model.h"

#include <QComboBox>

#include <optional>

namespace meibo::gui {

class Session;

/// A combo of the registry's contracts ("CODE — title"), refilled on every change, keeping the choice.
class ContractPicker : public QComboBox {
    Q_OBJECT
public:
    explicit ContractPicker(Session& session, QWidget* parent = nullptr);
    void reload();
    std::optional<core::Contract> current() const;
    bool selectCode(const QString& code);

signals:
    void contractChanged();

private:
    Session& m_session;
    std::vector<core::Contract> m_contracts;
    bool m_reloading = false;
};

} // namespace meibo::gui
