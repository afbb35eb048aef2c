#include "Prompts.h"

#include "Convert.h"

#include "meibo/core/Error.h"

#include <QApplication>

#include <QMessageBox>

namespace meibo::gui {

namespace {
std::function<bool(const QString&)>& hook()
{
    static std::function<bool(const QString&)> h;
    return h;
}
std::function<void(const QString&)>& failureHook()
{
    static std::function<void(const QString&)> h;
    return h;
}
bool& openFolders()
{
    static bool open = true;
    return open;
}
} // namespace

bool askYesNo(QWidget* parent, const QString& title, const QString& text)
{
    if (hook())
        return hook()(text);
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No) ==
           QMessageBox::Yes;
}

void setAnswerHook(std::function<bool(const QString&)> h) { hook() = std::move(h); }

void reportFailure(const QString& text)
{
    if (failureHook()) {
        failureHook()(text);
        return;
    }
    QMessageBox::warning(QApplication::activeWindow(), QStringLiteral("Meibo"), text);
}

void setFailureHook(std::function<void(const QString&)> h) { failureHook() = std::move(h); }

bool guarded(const std::function<void()>& step)
{
    try {
        step();
        return true;
    } catch (const core::Error& e) {
        reportFailure(errorText(e));
    } catch (const std::exception&) {
        reportFailure(unexpectedErrorText());
    }
    return false;
}

bool openFoldersOnDesktop() { return openFolders(); }
void setOpenFoldersOnDesktop(bool open) { openFolders() = open; }

} // namespace meibo::gui
