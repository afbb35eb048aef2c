#pragma once

#include "meibo/core/Model.h"

#include <QAbstractItemModel>

#include <vector>

namespace meibo::gui {

/// Where a finding is fixed: the view, the contract, and the person, change set or register entry.
struct FindingTarget {
    enum class View { Roster, Changes, Report, Registers };
    View view = View::Roster;
    QString contract;
    QString label;             ///< roster: the person's label
    qint64 changeId = 0;       ///< changes: the change set
    QString registerKind;      ///< registers: "software", "cloud" …
    qint64 entryId = 0;        ///< registers: the entry
};
/// Reads the target from the finding's rule and subject (the subjects core writes: "D 山田花子",
/// "change 3", "#12 name", "period 1 (…)").
FindingTarget findingTarget(const core::Finding& finding);

/// A short title for a rule, in the interface language (the GUI shows no rule ids).
QString ruleTitle(const std::string& rule);

/// The findings of every contract as a tree: contract (errors and warnings counted) ▸ rule (how many,
/// and how to fix them) ▸ one row per finding. Rows under a rule are handed to the view 200 at a
/// time (canFetchMore / fetchMore) when it expands or scrolls there, so 10,000 findings cost the
/// view only the groups it shows.
class FindingsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Text, Count, Fix, ColumnCount };
    enum { FindingRole = Qt::UserRole + 1 }; ///< on a finding row: its index in findings()
    static constexpr int kBatch = 200;

    explicit FindingsModel(QObject* parent = nullptr);

    /// Replaces the findings; `contractOrder` lists the contract codes in the order to show them.
    void setFindings(std::vector<core::Finding> findings, const std::vector<std::string>& contractOrder);
    void clear();
    const std::vector<core::Finding>& findings() const { return m_findings; }
    /// The finding on this row, or nullptr for a contract or rule row (a rule row with one finding
    /// gives that finding).
    const core::Finding* findingAt(const QModelIndex& index) const;
    /// Rows the view has been given under rule groups so far (for tests of the lazy loading).
    int fetchedFindingRows() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    struct Rule {
        std::string rule;
        core::Severity severity = core::Severity::Warning; ///< the worst of its findings
        std::vector<int> findings;                          ///< indices into m_findings
        int fetched = 0;                                    ///< rows handed to the view
    };
    struct Contract {
        std::string code;
        int errors = 0, warnings = 0;
        std::vector<Rule> rules;
    };
    // An index's internalId names its parent: 0 for a contract row, contract + 1 for a rule row,
    // ((contract + 1) << 20) | (rule + 1) for a finding row.
    std::vector<core::Finding> m_findings;
    std::vector<Contract> m_contracts;
};

} // namespace meibo::gui
