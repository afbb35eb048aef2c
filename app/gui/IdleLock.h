#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

namespace meibo::gui {

/// Locks after a time without keyboard or mouse input anywhere in the application. Installed as an
/// event filter on the application; armed only while a registry is open.
class IdleLock : public QObject {
    Q_OBJECT
public:
    explicit IdleLock(QObject* parent = nullptr);
    ~IdleLock() override;

    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return std::chrono::milliseconds(m_timer.interval()); }
    void arm();
    void disarm();
    bool isArmed() const { return m_timer.isActive(); }

    /// QSettings key for the minutes (default 5).
    static int configuredMinutes();
    static void setConfiguredMinutes(int minutes);

signals:
    void idle();
    /// The desktop's screen saver or lock screen came on (freedesktop or GNOME, over D-Bus).
    void screenLocked();

private slots:
    void screenSaverActive(bool active);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
};

} // namespace meibo::gui
