#include "Session.h"

#include "Prompts.h"

#include "meibo/core/Error.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

namespace meibo::gui {

Session::Session(QObject* parent) : QObject(parent) {}

Session::~Session()
{
    if (m_holds > 0) // a worker still uses the Vault: it must finish before the Vault goes
        QThreadPool::globalInstance()->waitForDone();
    m_closeWanted = false;
    close();
}

void Session::open(std::unique_ptr<db::Vault> vault)
{
    if (m_holds > 0) // the registry open now is still in a worker's hands: let it finish first
        QThreadPool::globalInstance()->waitForDone();
    m_closeWanted = false;
    close();
    m_vault = std::move(vault);
    if (m_vault)
        emit opened();
}

void Session::close()
{
    if (!m_vault)
        return;
    if (m_holds > 0) {
        m_closeWanted = true;
        return;
    }
    m_closeWanted = false;
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

std::shared_ptr<void> Session::holdOpen()
{
    ++m_holds;
    QPointer<Session> self(this);
    return std::shared_ptr<void>(nullptr, [this, self](void*) {
        // The worker may drop its token on its own thread: the count is atomic, the close that
        // waited for it happens on the GUI thread.
        if (--m_holds == 0)
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self] {
                    if (self && self->m_holds == 0 && self->m_closeWanted)
                        self->close();
                },
                Qt::QueuedConnection);
    });
}

core::Date Session::today() const { return m_today.value_or(core::todayLocal()); }

void Session::notifyChanged()
{
    guarded([this] { emit changed(); });
}

} // namespace meibo::gui
