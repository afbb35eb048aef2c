#pragma once

#include "meibo/core/Model.h"

#include <QWidget>

#include <memory>

class QDateEdit;
class QListWidget;

namespace meibo::forms {
class StructureDiagram;
}

namespace meibo::gui {

class ContractPicker;
class MessageBar;
class Session;

/// Draws the 情報管理体制図 with the same layout and painter as the exported document.
class DiagramWidget : public QWidget {
    Q_OBJECT
public:
    explicit DiagramWidget(QWidget* parent = nullptr);
    ~DiagramWidget() override;
    void setRoster(std::vector<core::RosterEntry> entries);
    void clear();
    /// The label of the box under `pos` (widget coordinates), "" for none or for a group box.
    QString labelAt(const QPoint& pos) const;
    QRectF boxRect(const QString& label) const;
    int boxCount() const;
    /// The box chosen with the arrow keys (drawn with a focus frame), "" for none.
    QString currentLabel() const { return m_current; }
    void setCurrentLabel(const QString& label);

signals:
    void contextMenuForLabel(const QString& label, const QPoint& globalPos);
    /// A person's box was dragged onto another's: `label` should report to `above`.
    void droppedOn(const QString& label, const QString& above);

protected:
    void paintEvent(QPaintEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    QRectF target() const;
    QStringList labels() const;
    std::unique_ptr<forms::StructureDiagram> m_diagram;
    QString m_current;
    QString m_dragged;  ///< the box being dragged onto its new superior
    QPointF m_dragPos;
};

/// The structure: the diagram drawn live from the roster, reporting lines changed from a box's
/// context menu (or the keyboard: Menu key on the selected label), the structure rules checked
/// again after every change.
class StructureView : public QWidget {
    Q_OBJECT
public:
    explicit StructureView(Session& session, QWidget* parent = nullptr);
    void refresh();
    DiagramWidget* diagram() const { return m_diagram; }
    QListWidget* findingsList() const { return m_findings; }
    MessageBar* messageBar() const { return m_message; }
    ContractPicker* contractPicker() const { return m_contracts; }
    /// Makes `label` report to `above` (directly before the ministry's consent; else offers a change set).
    bool changeReportsTo(const QString& label, const QString& above);

private:
    void showMenu(const QString& label, const QPoint& globalPos);

    Session& m_session;
    ContractPicker* m_contracts;
    QDateEdit* m_asOf;
    DiagramWidget* m_diagram;
    QListWidget* m_findings;
    MessageBar* m_message;
    std::vector<core::RosterEntry> m_entries;
};

} // namespace meibo::gui
