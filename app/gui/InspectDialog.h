#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace meibo::gui {

class Session;

/// Inspect deliverables before publication (contract 5.(2)): the officer drops a folder or files
/// (or picks them), and the findings are listed with the file, the place and the sentence in the
/// interface language. With a registry open, its handlers' personal data is looked for too, and the
/// run is recorded in the audit log (paths and counts only). Nothing inspected is changed.
class InspectDialog : public QDialog {
    Q_OBJECT
public:
    explicit InspectDialog(Session& session, QWidget* parent = nullptr);

    void addPaths(const QStringList& paths);
    QStringList paths() const;
    /// Runs the inspection of the listed paths; false when there is nothing to inspect or it failed.
    bool inspect();

    QListWidget* pathList() const { return m_paths; }
    QTableWidget* findings() const { return m_findings; }
    QLabel* summary() const { return m_summary; }
    QPushButton* inspectButton() const { return m_inspect; }

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    Session& m_session;
    QListWidget* m_paths;
    QTableWidget* m_findings;
    QLabel* m_summary;
    QPushButton* m_inspect;
};

} // namespace meibo::gui
