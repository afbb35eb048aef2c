#include "MessageBar.h"

#include <QLabel>
#include <QScrollBar>

#include <algorithm>

namespace meibo::gui {

MessageBar::MessageBar(QWidget* parent) : QScrollArea(parent), m_label(new QLabel(this))
{
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setWidget(m_label);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    hide();
}

int MessageBar::maximumGrowth() const { return fontMetrics().lineSpacing() * 6 + 16; }

QSize MessageBar::sizeHint() const
{
    const int width = std::max(viewport()->width(), 200);
    const int wanted = m_label->heightForWidth(width);
    return {QScrollArea::sizeHint().width(), std::min(std::max(wanted, m_label->sizeHint().height()), maximumGrowth())};
}

QSize MessageBar::minimumSizeHint() const
{
    return {0, std::min(m_label->minimumSizeHint().height(), fontMetrics().lineSpacing() * 2 + 16)};
}

QString MessageBar::text() const { return m_label->text(); }

void MessageBar::showText(const QString& text, const QString& style)
{
    m_label->setStyleSheet(style);
    m_label->setText(text);
    verticalScrollBar()->setValue(0);
    show();
    updateGeometry();
}

void MessageBar::showError(const QString& text)
{
    m_error = true;
    showText(text, QStringLiteral("QLabel { color: #8b0000; background: #fdecea; border: 1px solid #e0a0a0; "
                                  "padding: 6px; }"));
}

void MessageBar::showInfo(const QString& text)
{
    m_error = false;
    showText(text, QStringLiteral("QLabel { color: #0b3d0b; background: #eaf6ea; border: 1px solid #a0d0a0; "
                                  "padding: 6px; }"));
}

void MessageBar::clearMessage()
{
    m_error = false;
    m_label->clear();
    hide();
    updateGeometry();
}

} // namespace meibo::gui
