#include "RosterModel.h"

#include "Convert.h"

#include "meibo/core/RosterRules.h"
#include "meibo/core/Vocabulary.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>
#include <functional>
#include <unordered_map>

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
    // Which findings are about whom, once (the view asks for every visible row, often): a finding is
    // about a person when its subject is theirs, starts with their label, or names them after a comma.
    m_findingsOf.assign(m_entries.size(), {});
    std::unordered_map<std::string, std::size_t> byLabel;
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        byLabel.emplace(m_entries[i].label, i);
    for (std::size_t k = 0; k < m_findings.size(); ++k) {
        const std::string& subject = m_findings[k].subject;
        std::vector<std::size_t> about;
        if (const auto e = byLabel.find(subject.substr(0, subject.find(' '))); e != byLabel.end()) {
            if (subject == core::subjectOf(m_entries[e->second]) || subject.rfind(e->first + " ", 0) == 0)
                about.push_back(e->second);
        }
        for (std::size_t at = subject.find(", "); at != std::string::npos; at = subject.find(", ", at + 2)) {
            const std::string rest = subject.substr(at + 2);
            if (const auto e = byLabel.find(rest.substr(0, rest.find(' '))); e != byLabel.end())
                if (rest.rfind(core::subjectOf(m_entries[e->second]), 0) == 0)
                    about.push_back(e->second);
        }
        std::sort(about.begin(), about.end());
        about.erase(std::unique(about.begin(), about.end()), about.end());
        for (const auto i : about)
            m_findingsOf[i].push_back(int(k));
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
    m_findingsOf.clear();
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
    const std::less<const core::RosterEntry*> before;
    if (m_entries.empty() || before(entry, m_entries.data()) || !before(entry, m_entries.data() + m_entries.size())) {
        // Not one of this model's rows (a copy): compared by subject.
        const std::string subject = core::subjectOf(*entry);
        for (const auto& f : m_findings)
            if (f.subject == subject || f.subject.rfind(entry->label + " ", 0) == 0 ||
                f.subject.find(", " + subject) != std::string::npos)
                out.push_back(f);
        return out;
    }
    for (const int k : m_findingsOf[std::size_t(entry - m_entries.data())])
        out.push_back(m_findings[std::size_t(k)]);
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
