#pragma once

#include <QDialog>

class QLabel;

namespace meibo::gui {

/// Shows a recovery key once, with a button that copies it. Kept small on purpose: the recovery-key
/// display with print and confirmation (issue 17) replaces it where it is used.
class NewRecoveryKeyDialog : public QDialog {
    Q_OBJECT
public:
    NewRecoveryKeyDialog(const QString& key, QWidget* parent = nullptr);
    QString key() const;

private:
    QLabel* m_key;
};

} // namespace meibo::gui
