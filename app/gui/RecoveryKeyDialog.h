#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPagedPaintDevice;
class QPrinter;
class QPushButton;

namespace meibo::gui {

class MessageBar;

/// The recovery key, shown once after the registry is made: it can be copied and printed on paper
/// (the print dialog offers no file), and the dialog closes only after the officer types the key's
/// last group — proof that it was kept, not clicked away.
class RecoveryKeyDialog : public QDialog {
    Q_OBJECT
public:
    RecoveryKeyDialog(const QString& key, const QString& registryPath, QWidget* parent = nullptr);

    const QString& key() const { return m_key; }
    QLineEdit* confirmEdit() const { return m_confirm; }
    QPushButton* copyButton() const { return m_copy; }
    QPushButton* printButton() const { return m_print; }
    QPushButton* closeButton() const { return m_close; }
    MessageBar* messageBar() const { return m_message; }
    /// Whether the last group typed matches.
    bool confirmed() const;

    /// Copies the key to the clipboard.
    void copy();
    /// Asks for a printer (never a file) and prints the key; returns whether it was printed.
    bool print();
    /// Lays the key out on one page of `device` (the printer; tests use a PDF writer).
    void render(QPagedPaintDevice& device) const;

    /// Tests: instead of the print dialog, `hook` gets the printer (as configured) and says whether
    /// the officer chose to print. An empty function restores the dialog.
    static void setPrintHook(std::function<bool(QPrinter&)> hook);

    void accept() override;
    void reject() override;

private:
    QString m_key;
    QString m_path;
    QLabel* m_keyLabel;
    QLineEdit* m_confirm;
    QPushButton* m_copy;
    QPushButton* m_print;
    QPushButton* m_close;
    MessageBar* m_message;
};

} // namespace meibo::gui
