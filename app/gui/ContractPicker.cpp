#include "ContractPicker.h"

#include "Convert.h"
#include "Session.h"

#include "meibo/db/Registry.h"

namespace meibo::gui {

ContractPicker::ContractPicker(Session& session, QWidget* parent) : QComboBox(parent), m_session(session)
{
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(36);
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_reloading)
            emit contractChanged();
    });
    connect(&m_session, &Session::closed, this, [this] {
        m_reloading = true;
        clear();
        m_contracts.clear();
        m_reloading = false;
    });
}

void ContractPicker::reload()
{
    const QString keep = currentData().toString();
    m_reloading = true;
    clear();
    m_contracts.clear();
    if (m_session.isOpen())
        m_contracts = db::Registry(m_session.vault()).contracts();
    for (const auto& c : m_contracts)
        addItem(qs(c.code) + QStringLiteral(" — ") + qs(c.title).left(40), qs(c.code));
    const int i = findData(keep);
    setCurrentIndex(i >= 0 ? i : (count() ? 0 : -1));
    m_reloading = false;
    if (currentData().toString() != keep)
        emit contractChanged();
}

std::optional<core::Contract> ContractPicker::current() const
{
    const int i = currentIndex();
    if (i < 0 || i >= int(m_contracts.size()))
        return std::nullopt;
    return m_contracts[i];
}

bool ContractPicker::selectCode(const QString& code)
{
    const int i = findData(code);
    if (i < 0)
        return false;
    setCurrentIndex(i);
    return true;
}

} // namespace meibo::gui
