#include "Session.h"

#include "Prompts.h"

#include "meibo/core/Error.h"

namespace meibo::gui {

Session::Session(QObject* parent) : QObject(parent) {}

Session::~Session() { close(); }

void Session::open(std::unique_ptr<db::Vault> vault)
{
    close();
    m_vault = std::move(vault);
    if (m_vault)
        emit opened();
}

void Session::close()
{
    if (!m_vault)
        return;
    emit aboutToClose();
    m_vault->close(); // closes the database and wipes the key
    m_vault.reset();
    emit closed();
}

db::Vault& Session::vault()
{
    if (!m_vault)
        throw core::Error(core::ErrorCode::IllegalState, "the registry is locked: unlock it first");
    return *m_vault;
}

core::Date Session::today() const { return m_today.value_or(core::todayLocal()); }

void Session::notifyChanged()
{
    guarded([this] { emit changed(); });
}

} // namespace meibo::gui
