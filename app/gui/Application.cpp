#include "Application.h"

#include "Prompts.h"

namespace meibo::gui {

bool Application::notify(QObject* receiver, QEvent* event)
{
    bool handled = false;
    guarded([&] { handled = QApplication::notify(receiver, event); });
    return handled;
}

} // namespace meibo::gui
