#include "RosterModel.h"

#include "Convert.h"

#include "meibo/core/RosterRules.h"
#include "meibo/core/Vocabulary.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace meibo::gui {

RosterModel::RosterModel(QObject* parent) : QAbstractTableModel(parent) {}

void RosterModel::setRoster(std::vector<core::RosterEntry> entries, std::vector<core::Finding> findings)
{
    beginResetModel();
    m_entries = std::move(entries);
    m_findings = std::move(findings);
    m_rows.clear();
    std::optional<core::Role> current;
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (!current || *current != m_entries[i].role) {
            current = m_entries[i].role;
            m_rows.push_back({-1, *current});
        }
        m_rows.push_back({int(i), m_entries[i].role});
    }
    endResetModel();
}

void RosterModel::clear()
{
    beginResetModel();
    // Personal data leaves memory with the rows (the strings' buffers are freed, not overwritten).
    m_entries.clear();
    m_entries.shrink_to_fit();
    m_findings.clear();
    m_rows.clear();
    endResetModel();
}

int RosterModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int RosterModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const core::RosterEntry* RosterModel::entryAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()) || m_rows[row].entry < 0)
        return nullptr;
    return &m_entries[m_rows[row].entry];
}

bool RosterModel::isHeading(int row) const { return row >= 0 && row < int(m_rows.size()) && m_rows[row].entry < 0; }

int RosterModel::rowOfLabel(const QString& label) const
{
    for (int r = 0; r < int(m_rows.size()); ++r)
        if (const auto* e = entryAt(r); e && qs(e->label) == label)
            return r;
    return -1;
}

std::vector<core::Finding> RosterModel::findingsFor(const core::RosterEntry* entry) const
{
    if (!entry)
        return m_findings;
    std::vector<core::Finding> out;
    const std::string subject = core::subjectOf(*entry);
    const std::string prefix = entry->label + " ";
    for (const auto& f : m_findings)
        if (f.subject == subject || f.subject.rfind(prefix, 0) == 0 ||
            f.subject.find(", " + subject) != std::string::npos)
            out.push_back(f);
    return out;
}

QVariant RosterModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row& row = m_rows[index.row()];
    if (row.entry < 0) {
        if (role == Qt::DisplayRole && index.column() == 0)
            return roleText(row.role) + QStringLiteral(" ") + QString::fromUtf8(core::roleNote(row.role));
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role == Qt::BackgroundRole)
            return QBrush(QColor(0xe8, 0xee, 0xf6));
        return {};
    }
    const core::RosterEntry& e = m_entries[row.entry];
    if (role == Qt::ToolTipRole && index.column() == Findings) {
        QStringList lines;
        for (const auto& f : findingsFor(&e))
            lines << findingText(f);
        return lines.join(QStringLiteral("\n"));
    }
    if (role == Qt::ForegroundRole && index.column() == Findings) {
        for (const auto& f : findingsFor(&e))
            if (f.severity == core::Severity::Error)
                return QBrush(QColor(0x8b, 0, 0));
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    const core::PersonData& p = e.person;
    switch (index.column()) {
    case Label:
        return qs(e.label);
    case Name:
        return qs(p.name);
    case Kana:
        return qs(p.nameKana);
    case Department:
        return qs(p.department);
    case Title:
        return qs(p.title);
    case Nationality:
        return p.nationality.empty() ? QString() : qs(core::countryNameJa(p.nationality));
    case Residence:
        return p.residenceStatus ? QString::fromUtf8(core::residenceStatusName(*p.residenceStatus)) : QString();
    case Passport:
        return qs(p.passportNo);
    case Organization:
        return qs(p.organization);
    case ReportsTo:
        return qs(e.reportsTo);
    case Period:
        return isoText(e.validFrom) + QStringLiteral(" – ") + isoText(e.validTo);
    case Need:
        return qs(e.need);
    case Findings: {
        const auto n = findingsFor(&e).size();
        return n ? QString::number(n) : QString();
    }
    default:
        return {};
    }
}

QVariant RosterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Label:
        return tr("Label");
    case Name:
        return tr("Name");
    case Kana:
        return tr("Kana");
    case Department:
        return tr("Department");
    case Title:
        return tr("Title");
    case Nationality:
        return tr("Nationality");
    case Residence:
        return tr("Residence status");
    case Passport:
        return tr("Passport no.");
    case Organization:
        return tr("Organization");
    case ReportsTo:
        return tr("Reports to");
    case Period:
        return tr("Period");
    case Need:
        return tr("Need");
    case Findings:
        return tr("Findings");
    default:
        return {};
    }
}

Qt::ItemFlags RosterModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace meibo::gui
