#pragma once

#include <QApplication>

namespace meibo::gui {

/// Meibo's QApplication: every event is delivered through the one guard (Prompts.h::guarded), so
/// an exception from a slot or an event handler shows a sentence instead of ending the program.
class Application : public QApplication {
public:
    Application(int& argc, char** argv) : QApplication(argc, argv) {}
    bool notify(QObject* receiver, QEvent* event) override;
};

} // namespace meibo::gui
