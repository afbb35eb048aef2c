#pragma once

#include "meibo/db/Vault.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QStackedWidget;

namespace meibo::gui {

/// The main window. Today: open or create a registry, see that it is verified, lock it.
/// The roster, changes, reports and documents views join it with their issues.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Takes an opened registry (from the unlock dialog or a test) and shows it.
    void showVault(std::unique_ptr<db::Vault> vault);
    bool hasVault() const { return m_vault != nullptr; }
    QString summaryText() const;

public slots:
    void openRegistry(const QString& path = {});
    void newRegistry();
    void lockRegistry();

private:
    void refresh();

    std::unique_ptr<db::Vault> m_vault;
    QStackedWidget* m_stack;
    QLabel* m_summary;
};

} // namespace meibo::gui
