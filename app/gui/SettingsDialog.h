#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;
class QLineEdit;

namespace meibo::gui {

/// Auto-lock minutes, the interface language (applies at the next start) and the officer's name.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    QSpinBox* minutesSpin() const { return m_minutes; }
    QComboBox* languageCombo() const { return m_language; }
    void save();

private:
    QSpinBox* m_minutes;
    QComboBox* m_language;
};

} // namespace meibo::gui
