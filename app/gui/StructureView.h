#pragma once

#include "meibo/core/Model.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <memory>

class QDateEdit;
class QLineEdit;
class QListWidget;
class QScrollArea;

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
    /// Frames the box that shows `label` (a person's own box, or the team box listing them).
    void setHighlight(const QString& label);
    QRectF highlightRect() const;
    /// The size the diagram wants at a readable scale (one pixel per point), for the scroll area.
    QSize naturalSize() const;

signals:
    void contextMenuForLabel(const QString& label, const QPoint& globalPos);
    /// A box was clicked (the folded team boxes open with it).
    void clicked(const QString& label);
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
    QString m_highlight;
    QString m_dragged;  ///< the box being dragged onto its new superior
    QPointF m_dragPos;
};

/// The structure: the diagram drawn live from the roster, reporting lines changed from a box's
/// context menu (or the keyboard: Menu key on the selected label), the structure rules checked
/// again after every change. A large roster stays readable: a team of kFoldFrom or more people
/// (who have nobody under them) is folded into one box under its superior, which opens on a click
/// (or Enter); a search by name or label opens the person's team and frames them; the diagram
/// scrolls instead of shrinking below a readable scale.
class StructureView : public QWidget {
    Q_OBJECT
public:
    explicit StructureView(Session& session, QWidget* parent = nullptr);
    void refresh();
    DiagramWidget* diagram() const { return m_diagram; }
    QListWidget* findingsList() const { return m_findings; }
    MessageBar* messageBar() const { return m_message; }
    ContractPicker* contractPicker() const { return m_contracts; }
    QLineEdit* searchEdit() const { return m_search; }
    QScrollArea* scrollArea() const { return m_scroll; }
    static constexpr int kFoldFrom = 10;
    /// The labels of the folded team boxes now shown ("+" and their superior's label).
    QStringList foldedTeams() const;
    /// Opens (or folds again) the team box `label` from foldedTeams().
    void setTeamOpen(const QString& label, bool open);
    /// Finds the first person whose name or label contains `text`, opens their team and frames
    /// them; false when nobody matches.
    bool find(const QString& text);
    /// Makes `label` report to `above` (directly before the ministry's consent; else offers a change set).
    bool changeReportsTo(const QString& label, const QString& above);

private:
    void showMenu(const QString& label, const QPoint& globalPos);
    /// Lays the diagram out again from m_entries with the teams folded as chosen.
    void relayout();
    QString teamOf(const core::RosterEntry& entry) const;
    /// Sizes the diagram to the scroll area: fitted when that is readable, else at one pixel per point.
    void fitDiagram();
    bool eventFilter(QObject* watched, QEvent* event) override;

    Session& m_session;
    ContractPicker* m_contracts;
    QDateEdit* m_asOf;
    QLineEdit* m_search;
    QScrollArea* m_scroll;
    DiagramWidget* m_diagram;
    QListWidget* m_findings;
    MessageBar* m_message;
    std::vector<core::RosterEntry> m_entries;
    std::int64_t m_shownContract = -1;
    QSet<QString> m_openTeams;      ///< folded teams the officer opened (kept across refreshes)
    QHash<QString, int> m_teamSize; ///< folded team box → people in it, as last laid out
};

} // namespace meibo::gui
