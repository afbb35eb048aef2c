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

/// Tells the officer that a step failed, with the sentence only (a dialog). Tests see the text
/// through setFailureHook instead.
void reportFailure(const QString& text);
void setFailureHook(std::function<void(const QString&)> hook);

/// The one guard between the program and an exception: runs `step`; a core::Error is reported with
/// its sentence in the interface language, anything else with a plain sentence that names no
/// library — never a crash. Returns whether `step` finished.
bool guarded(const std::function<void()>& step);

/// Whether to open folders on the desktop after an export (off in tests).
bool openFoldersOnDesktop();
void setOpenFoldersOnDesktop(bool open);

} // namespace meibo::gui
