#include "MessageBar.h"

namespace meibo::gui {

MessageBar::MessageBar(QWidget* parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void MessageBar::showError(const QString& text)
{
    m_error = true;
    setStyleSheet(QStringLiteral("QLabel { color: #8b0000; background: #fdecea; border: 1px solid #e0a0a0; "
                                 "padding: 6px; }"));
    setText(text);
    show();
}

void MessageBar::showInfo(const QString& text)
{
    m_error = false;
    setStyleSheet(QStringLiteral("QLabel { color: #0b3d0b; background: #eaf6ea; border: 1px solid #a0d0a0; "
                                 "padding: 6px; }"));
    setText(text);
    show();
}

void MessageBar::clearMessage()
{
    m_error = false;
    clear();
    hide();
}

} // namespace meibo::gui
