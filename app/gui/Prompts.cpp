#include "Prompts.h"

#include <QMessageBox>

namespace meibo::gui {

namespace {
std::function<bool(const QString&)>& hook()
{
    static std::function<bool(const QString&)> h;
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

bool openFoldersOnDesktop() { return openFolders(); }
void setOpenFoldersOnDesktop(bool open) { openFolders() = open; }

} // namespace meibo::gui
