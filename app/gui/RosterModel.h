#pragma once

#include "meibo/core/Model.h"

#include <QAbstractTableModel>

#include <vector>

namespace meibo::gui {

/// The roster of one contract on one day as a table over core values (no SQL here): a heading row
/// for each 区分 present, in the form's order, followed by its people. Findings are counted per row.
class RosterModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Label, Name, Kana, Department, Title, Nationality, Residence, Passport, Organization, ReportsTo,
                  Period, Need, Findings, ColumnCount };

    explicit RosterModel(QObject* parent = nullptr);

    void setRoster(std::vector<core::RosterEntry> entries, std::vector<core::Finding> findings);
    /// Drops every row (locking).
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    /// The person on this row, or nullptr for a heading row.
    const core::RosterEntry* entryAt(int row) const;
    bool isHeading(int row) const;
    int rowOfLabel(const QString& label) const;
    int personCount() const { return int(m_entries.size()); }
    /// The findings about this person (all findings when `entry` is null).
    std::vector<core::Finding> findingsFor(const core::RosterEntry* entry) const;
    const std::vector<core::RosterEntry>& entries() const { return m_entries; }

private:
    struct Row {
        int entry = -1; ///< index into m_entries, -1 for a heading
        core::Role role = core::Role::Worker;
    };
    std::vector<core::RosterEntry> m_entries;
    std::vector<core::Finding> m_findings;
    std::vector<std::vector<int>> m_findingsOf; ///< per entry: its findings (indices), computed once
    std::vector<Row> m_rows;
};

} // namespace meibo::gui
