#pragma once

#include <QLabel>

namespace meibo::gui {

/// The one message widget of a view or dialog: an error (what happened and what to do) or a notice.
class MessageBar : public QLabel {
    Q_OBJECT
public:
    explicit MessageBar(QWidget* parent = nullptr);
    void showError(const QString& text);
    void showInfo(const QString& text);
    void clearMessage();
    bool isError() const { return m_error; }

private:
    bool m_error = false;
};

} // namespace meibo::gui
