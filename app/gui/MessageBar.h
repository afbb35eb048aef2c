#pragma once

#include <QScrollArea>

class QLabel;

namespace meibo::gui {

/// The one message widget of a view or dialog: an error (what happened and what to do) or a notice.
/// A long message (the finalize refusal lists every missing answer) scrolls inside a few lines' height
/// instead of growing the window and pushing its buttons off screen.
class MessageBar : public QScrollArea {
    Q_OBJECT
public:
    explicit MessageBar(QWidget* parent = nullptr);
    void showError(const QString& text);
    void showInfo(const QString& text);
    void clearMessage();
    bool isError() const { return m_error; }
    QString text() const;
    /// The most it grows to before it scrolls, in pixels.
    int maximumGrowth() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    void showText(const QString& text, const QString& style);
    QLabel* m_label;
    bool m_error = false;
};

} // namespace meibo::gui
