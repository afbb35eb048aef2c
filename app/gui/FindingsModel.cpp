#include "FindingsModel.h"

#include "Convert.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QFont>

#include <algorithm>
#include <map>

namespace meibo::gui {

namespace {
constexpr quintptr kFindingBit = quintptr(1) << 20;

const char* const kContext = "meibo::gui::FindingsModel";

/// "who: what to do" → "what to do": the fix shared by a rule's findings, shown once on its row.
QString withoutSubject(const QString& message)
{
    for (const QString& colon : {QStringLiteral("："), QStringLiteral(": ")}) {
        const auto at = message.indexOf(colon);
        if (at > 0 && at < 80)
            return message.mid(at + colon.size()).trimmed();
    }
    return message;
}

QBrush severityBrush(core::Severity s)
{
    return QBrush(s == core::Severity::Error ? QColor(0x8b, 0, 0) : QColor(0x7a, 0x5a, 0));
}
} // namespace

QString ruleTitle(const std::string& rule)
{
    static const std::map<std::string, const char*> titles = {
        {"one-responsible-person", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "One information security officer")},
        {"passport-required", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Passport number or nationality missing")},
        {"passport-shared", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Same passport number for two people")},
        {"address-dob-pending", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Address or birth date not recorded yet")},
        {"address-dob-requested",
         QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Address or birth date requested by the ministry")},
        {"subcontractor-unknown", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Subcontractor not on the contract")},
        {"structure-disconnected", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Reporting line broken")},
        {"structure-cycle", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Reporting lines in a circle")},
        {"disclosure-incomplete",
         QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Disclosure incomplete (affiliation, expertise, track record, nationality)")},
        {"need-missing", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Need to handle the information not stated")},
        {"change-awaiting-consent", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Change notice waiting for consent")},
        {"change-consented-not-applied",
         QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Consented change notice not applied")},
        {"change-late-notice", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Change notified after the fact")},
        {"report-due", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Status report due")},
        {"report-overdue", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Status report overdue")},
        {"training-missing", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Security training not recorded")},
        {"software-support-ends", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Software support ending")},
        {"software-support-unknown", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Software support end unknown")},
        {"cloud-not-ismap", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Cloud service not ISMAP-registered")},
        {"cloud-approval-missing", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Cloud service without approval")},
        {"incident-report-late", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Incident reported late")},
        {"copy-without-permission", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Copy made without permission")},
        {"information-not-returned",
         QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Information not returned or deleted")},
        {"audit-finding-open", QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Audit finding still open")},
    };
    const auto it = titles.find(rule);
    return QCoreApplication::translate(kContext, it != titles.end()
                                                     ? it->second
                                                     : QT_TRANSLATE_NOOP("meibo::gui::FindingsModel", "Other findings"));
}

FindingTarget findingTarget(const core::Finding& f)
{
    FindingTarget t;
    t.contract = qs(f.contract);
    const QString subject = qs(f.subject);
    const QString first = subject.section(QLatin1Char(' '), 0, 0);
    if (f.rule.rfind("change-", 0) == 0 || subject.startsWith(QLatin1String("change "))) {
        t.view = FindingTarget::View::Changes;
        t.changeId = subject.section(QLatin1Char(' '), 1, 1).toLongLong();
        return t;
    }
    if (f.rule.rfind("report-", 0) == 0) {
        t.view = FindingTarget::View::Report;
        return t;
    }
    static const std::map<std::string, const char*> kinds = {
        {"software-support-ends", "software"}, {"software-support-unknown", "software"},
        {"cloud-not-ismap", "cloud"},          {"cloud-approval-missing", "cloud"},
        {"incident-report-late", "incident"},  {"copy-without-permission", "information"},
        {"information-not-returned", "information"}, {"audit-finding-open", "audit"}};
    if (const auto k = kinds.find(f.rule); k != kinds.end()) {
        t.view = FindingTarget::View::Registers;
        t.registerKind = QString::fromLatin1(k->second);
        if (first.startsWith(QLatin1Char('#')))
            t.entryId = first.mid(1).toLongLong();
        return t;
    }
    t.view = FindingTarget::View::Roster; // the person: "LABEL name"
    t.label = first;
    return t;
}

FindingsModel::FindingsModel(QObject* parent) : QAbstractItemModel(parent) {}

void FindingsModel::setFindings(std::vector<core::Finding> findings, const std::vector<std::string>& contractOrder)
{
    beginResetModel();
    m_findings = std::move(findings);
    m_contracts.clear();
    std::map<std::string, std::size_t> contractAt;
    for (const auto& code : contractOrder)
        if (contractAt.emplace(code, m_contracts.size()).second)
            m_contracts.push_back({code, 0, 0, {}});
    std::vector<std::map<std::string, std::size_t>> ruleAt(m_contracts.size());
    for (int i = 0; i < int(m_findings.size()); ++i) {
        const auto& f = m_findings[std::size_t(i)];
        auto c = contractAt.find(f.contract);
        if (c == contractAt.end()) {
            c = contractAt.emplace(f.contract, m_contracts.size()).first;
            m_contracts.push_back({f.contract, 0, 0, {}});
            ruleAt.emplace_back();
        }
        Contract& contract = m_contracts[c->second];
        (f.severity == core::Severity::Error ? contract.errors : contract.warnings)++;
        auto r = ruleAt[c->second].find(f.rule);
        if (r == ruleAt[c->second].end()) {
            r = ruleAt[c->second].emplace(f.rule, contract.rules.size()).first;
            contract.rules.push_back({f.rule, f.severity, {}, 0});
        }
        Rule& rule = contract.rules[r->second];
        if (f.severity == core::Severity::Error)
            rule.severity = core::Severity::Error;
        rule.findings.push_back(i);
    }
    // Contracts without findings stay out; errors before warnings, then the largest groups first.
    m_contracts.erase(std::remove_if(m_contracts.begin(), m_contracts.end(),
                                     [](const Contract& c) { return c.rules.empty(); }),
                      m_contracts.end());
    for (auto& c : m_contracts)
        std::stable_sort(c.rules.begin(), c.rules.end(), [](const Rule& a, const Rule& b) {
            if (a.severity != b.severity)
                return a.severity == core::Severity::Error;
            return a.findings.size() > b.findings.size();
        });
    endResetModel();
}

void FindingsModel::clear()
{
    beginResetModel();
    m_findings.clear();
    m_findings.shrink_to_fit();
    m_contracts.clear();
    endResetModel();
}

QModelIndex FindingsModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < int(m_contracts.size()) ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() == 0) { // a rule under a contract
        const auto& c = m_contracts[std::size_t(parent.row())];
        return row < int(c.rules.size()) ? createIndex(row, column, quintptr(parent.row() + 1)) : QModelIndex();
    }
    if (parent.internalId() < kFindingBit) { // a finding under a rule
        const int contract = int(parent.internalId()) - 1;
        const auto& rule = m_contracts[std::size_t(contract)].rules[std::size_t(parent.row())];
        return row < rule.fetched ? createIndex(row, column, (quintptr(contract + 1) << 20) | quintptr(parent.row() + 1))
                                  : QModelIndex();
    }
    return {};
}

QModelIndex FindingsModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    if (child.internalId() < kFindingBit)
        return createIndex(int(child.internalId()) - 1, 0, quintptr(0));
    const int contract = int(child.internalId() >> 20) - 1;
    const int rule = int(child.internalId() & (kFindingBit - 1)) - 1;
    return createIndex(rule, 0, quintptr(contract + 1));
}

int FindingsModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_contracts.size());
    if (parent.column() != 0)
        return 0;
    if (parent.internalId() == 0)
        return int(m_contracts[std::size_t(parent.row())].rules.size());
    if (parent.internalId() < kFindingBit)
        return m_contracts[std::size_t(parent.internalId() - 1)].rules[std::size_t(parent.row())].fetched;
    return 0;
}

int FindingsModel::columnCount(const QModelIndex&) const { return ColumnCount; }

bool FindingsModel::hasChildren(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return !m_contracts.empty();
    if (parent.column() != 0)
        return false;
    if (parent.internalId() == 0)
        return true;
    if (parent.internalId() < kFindingBit)
        return !m_contracts[std::size_t(parent.internalId() - 1)].rules[std::size_t(parent.row())].findings.empty();
    return false;
}

bool FindingsModel::canFetchMore(const QModelIndex& parent) const
{
    if (!parent.isValid() || parent.internalId() == 0 || parent.internalId() >= kFindingBit)
        return false;
    const auto& rule = m_contracts[std::size_t(parent.internalId() - 1)].rules[std::size_t(parent.row())];
    return rule.fetched < int(rule.findings.size());
}

void FindingsModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    auto& rule = m_contracts[std::size_t(parent.internalId() - 1)].rules[std::size_t(parent.row())];
    const int more = std::min(kBatch, int(rule.findings.size()) - rule.fetched);
    beginInsertRows(parent.sibling(parent.row(), 0), rule.fetched, rule.fetched + more - 1);
    rule.fetched += more;
    endInsertRows();
}

int FindingsModel::fetchedFindingRows() const
{
    int n = 0;
    for (const auto& c : m_contracts)
        for (const auto& r : c.rules)
            n += r.fetched;
    return n;
}

const core::Finding* FindingsModel::findingAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == 0)
        return nullptr;
    if (index.internalId() < kFindingBit) {
        const auto& rule = m_contracts[std::size_t(index.internalId() - 1)].rules[std::size_t(index.row())];
        return rule.findings.size() == 1 ? &m_findings[std::size_t(rule.findings.front())] : nullptr;
    }
    const int contract = int(index.internalId() >> 20) - 1;
    const int rule = int(index.internalId() & (kFindingBit - 1)) - 1;
    const auto& r = m_contracts[std::size_t(contract)].rules[std::size_t(rule)];
    return &m_findings[std::size_t(r.findings[std::size_t(index.row())])];
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == 0) {
        const Contract& c = m_contracts[std::size_t(index.row())];
        if (role == Qt::DisplayRole) {
            if (index.column() == Text)
                return qs(c.code);
            if (index.column() == Count)
                return c.errors + c.warnings;
            if (index.column() == Fix)
                return tr("%1 error(s), %2 warning(s)").arg(c.errors).arg(c.warnings);
        }
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role == Qt::ForegroundRole && index.column() == Fix)
            return severityBrush(c.errors ? core::Severity::Error : core::Severity::Warning);
        return {};
    }
    if (index.internalId() < kFindingBit) {
        const Rule& r = m_contracts[std::size_t(index.internalId() - 1)].rules[std::size_t(index.row())];
        const core::Finding& first = m_findings[std::size_t(r.findings.front())];
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
            if (index.column() == Text)
                return severityText(r.severity) + QStringLiteral(": ") + ruleTitle(r.rule);
            if (index.column() == Count)
                return int(r.findings.size());
            if (index.column() == Fix)
                return r.findings.size() == 1 ? findingText(first) : withoutSubject(findingText(first));
        }
        if (role == Qt::ForegroundRole && index.column() == Text)
            return severityBrush(r.severity);
        if (role == FindingRole && r.findings.size() == 1)
            return r.findings.front();
        return {};
    }
    const core::Finding* f = findingAt(index);
    if (!f)
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        if (index.column() == Text)
            return qs(f->subject);
        if (index.column() == Fix)
            return findingText(*f);
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == Text)
        return severityBrush(f->severity);
    if (role == FindingRole)
        return int(f - m_findings.data());
    return {};
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Text:
        return tr("Contract / rule / subject");
    case Count:
        return tr("Count");
    case Fix:
        return tr("What to do");
    default:
        return {};
    }
}

} // namespace meibo::gui
