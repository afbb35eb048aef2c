#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace meibo::gui {

/// A yes/no question to the officer. Tests answer it through setAnswerHook instead of a dialog.
bool askYesNo(QWidget* parent, const QString& title, const QString& text);

/// Tests: answer every question with this function (it sees the text); an empty function restores
/// the dialog.
void setAnswerHook(std::function<bool(const QString&)> hook);

/// Whether to open folders on the desktop after an export (off in tests).
bool openFoldersOnDesktop();
void setOpenFoldersOnDesktop(bool open);

} // namespace meibo::gui
