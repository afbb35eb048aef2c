#include "IdleLock.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QEvent>
#include <QSettings>

namespace meibo::gui {

IdleLock::IdleLock(QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::chrono::minutes(configuredMinutes()));
    connect(&m_timer, &QTimer::timeout, this, &IdleLock::idle);
    QCoreApplication::instance()->installEventFilter(this);
    // Where the desktop says its screen is locked, lock too. D-Bus is local IPC on the session bus;
    // without one (tests, other platforms) these connections simply fail and nothing happens.
    auto bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        bus.connect(QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("/org/freedesktop/ScreenSaver"),
                    QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("ActiveChanged"), this,
                    SLOT(screenSaverActive(bool)));
        bus.connect(QStringLiteral("org.gnome.ScreenSaver"), QStringLiteral("/org/gnome/ScreenSaver"),
                    QStringLiteral("org.gnome.ScreenSaver"), QStringLiteral("ActiveChanged"), this,
                    SLOT(screenSaverActive(bool)));
    }
}

void IdleLock::screenSaverActive(bool active)
{
    if (active && m_timer.isActive())
        emit screenLocked();
}

IdleLock::~IdleLock()
{
    if (auto* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleLock::setTimeout(std::chrono::milliseconds timeout)
{
    const bool armed = m_timer.isActive();
    m_timer.setInterval(timeout);
    if (armed)
        m_timer.start();
}

void IdleLock::arm() { m_timer.start(); }
void IdleLock::disarm() { m_timer.stop(); }

int IdleLock::configuredMinutes()
{
    const int minutes = QSettings().value(QStringLiteral("security/autoLockMinutes"), 5).toInt();
    return minutes >= 1 ? minutes : 5;
}

void IdleLock::setConfiguredMinutes(int minutes)
{
    QSettings().setValue(QStringLiteral("security/autoLockMinutes"), minutes);
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event)
{
    if (m_timer.isActive()) {
        switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::MouseButtonPress:
        case QEvent::MouseMove:
        case QEvent::Wheel:
        case QEvent::TouchBegin:
            m_timer.start(); // input: the officer is here
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace meibo::gui
