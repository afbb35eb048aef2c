#include "PeopleView.h"

#include "Convert.h"
#include "MessageBar.h"
#include "QualificationsDialog.h"
#include "Session.h"

#include "meibo/core/Error.h"
#include "meibo/core/RosterFields.h"
#include "meibo/db/Registry.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QShowEvent>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meibo::gui {

namespace {

QTableWidget* readOnlyTable(int columns, QWidget* parent)
{
    auto* t = new QTableWidget(0, columns, parent);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

QString fieldName(const core::RosterField& f)
{
    return japaneseUi() ? qs(std::string(f.labelJa)) : qs(std::string(f.labelEn));
}

/// Text compared by the search: without spaces (ASCII and full-width), case-folded.
QString searchKey(const QString& text)
{
    QString out = text;
    out.remove(QLatin1Char(' ')).remove(QChar(0x3000));
    return out.toCaseFolded();
}

} // namespace

PeopleView::PeopleView(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_search(new QLineEdit(this)), m_people(readOnlyTable(4, this)),
      m_personTitle(new QLabel(this)), m_assignments(readOnlyTable(7, this)), m_history(nullptr),
      m_qualifications(new QListWidget(this)), m_message(new MessageBar(this))
{
    const auto fields = core::personFields();
    m_history = readOnlyTable(2 + int(fields.size()), this);

    auto* searchLabel = new QLabel(tr("Search by &name:"), this);
    searchLabel->setBuddy(m_search);
    m_search->setPlaceholderText(tr("name or kana, e.g. 経済"));
    m_search->setClearButtonEnabled(true);
    m_people->setHorizontalHeaderLabels({fieldName(core::rosterField("name")), fieldName(core::rosterField("name_kana")),
                                         fieldName(core::rosterField("organization")),
                                         fieldName(core::rosterField("department"))});
    auto* left = new QWidget(this);
    auto* ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(searchLabel);
    searchRow->addWidget(m_search, 1);
    ll->addLayout(searchRow);
    ll->addWidget(m_people, 1);

    m_personTitle->setWordWrap(true);
    m_assignments->setHorizontalHeaderLabels({tr("Contract"), tr("Title"), fieldName(core::rosterField("role")),
                                              fieldName(core::rosterField("label")),
                                              fieldName(core::rosterField("valid_from")),
                                              fieldName(core::rosterField("valid_to")),
                                              fieldName(core::rosterField("need"))});
    QStringList historyHeader{tr("From"), tr("To")};
    for (const core::RosterField* f : fields)
        historyHeader << fieldName(*f);
    m_history->setHorizontalHeaderLabels(historyHeader);
    auto* quals = new QPushButton(tr("&Qualifications and track record…"), this);
    auto* right = new QWidget(this);
    auto* rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    rl->addWidget(m_personTitle);
    rl->addWidget(new QLabel(tr("Contracts and roles:"), this));
    rl->addWidget(m_assignments, 2);
    rl->addWidget(new QLabel(tr("History of the record (each version and the days it covers):"), this));
    rl->addWidget(m_history, 2);
    auto* qualRow = new QHBoxLayout;
    qualRow->addWidget(new QLabel(tr("Qualifications and trainings:"), this));
    qualRow->addStretch();
    qualRow->addWidget(quals);
    rl->addLayout(qualRow);
    rl->addWidget(m_qualifications, 1);

    auto* split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(m_search, &QLineEdit::textChanged, this, &PeopleView::applyFilter);
    connect(m_people, &QTableWidget::currentCellChanged, this, [this] { showPerson(); });
    connect(quals, &QPushButton::clicked, this, [this] { openQualifications(); });
    // Read when shown: the view costs nothing while the officer works elsewhere.
    connect(&m_session, &Session::opened, this, [this] {
        m_stale = true;
        if (isVisible())
            refresh();
    });
    connect(&m_session, &Session::changed, this, [this] {
        m_stale = true;
        if (isVisible())
            refresh();
    });
    connect(&m_session, &Session::closed, this, [this] {
        m_people->setRowCount(0);
        m_assignments->setRowCount(0);
        m_history->setRowCount(0);
        m_qualifications->clear();
        m_personTitle->clear();
        m_message->clearMessage();
        m_stale = true;
    });
}

void PeopleView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void PeopleView::refresh()
{
    m_stale = false;
    if (!m_session.isOpen())
        return;
    const std::int64_t keep = currentPersonId();
    try {
        const auto people = db::Registry(m_session.vault()).people();
        const QSignalBlocker block(m_people);
        m_people->setRowCount(int(people.size()));
        for (int r = 0; r < int(people.size()); ++r) {
            const auto& [id, p] = people[std::size_t(r)];
            const QStringList cells{qs(p.name), qs(p.nameKana),
                                    p.organization.empty() ? tr("(own staff)") : qs(p.organization), qs(p.department)};
            for (int c = 0; c < cells.size(); ++c) {
                auto* item = new QTableWidgetItem(cells[c]);
                item->setData(Qt::UserRole, qint64(id));
                m_people->setItem(r, c, item);
            }
        }
        m_people->resizeColumnsToContents();
    } catch (const core::Error& e) {
        m_people->setRowCount(0);
        m_message->showError(errorText(e));
        return;
    }
    applyFilter();
    for (int r = 0; r < m_people->rowCount(); ++r)
        if (keep && m_people->item(r, 0)->data(Qt::UserRole).toLongLong() == keep && !m_people->isRowHidden(r)) {
            m_people->setCurrentCell(r, 0);
            break;
        }
    showPerson();
}

void PeopleView::applyFilter()
{
    const QString key = searchKey(m_search->text());
    int firstShown = -1;
    for (int r = 0; r < m_people->rowCount(); ++r) {
        const bool match = key.isEmpty() || searchKey(m_people->item(r, 0)->text()).contains(key) ||
                           searchKey(m_people->item(r, 1)->text()).contains(key);
        m_people->setRowHidden(r, !match);
        if (match && firstShown < 0)
            firstShown = r;
    }
    const int current = m_people->currentRow();
    if (current < 0 || m_people->isRowHidden(current)) {
        if (firstShown >= 0)
            m_people->setCurrentCell(firstShown, 0);
        else
            m_people->setCurrentCell(-1, -1);
    }
    showPerson();
}

std::int64_t PeopleView::currentPersonId() const
{
    const int r = m_people->currentRow();
    if (r < 0 || r >= m_people->rowCount() || m_people->isRowHidden(r) || !m_people->item(r, 0))
        return 0;
    return m_people->item(r, 0)->data(Qt::UserRole).toLongLong();
}

bool PeopleView::selectName(const QString& name)
{
    m_search->setText(name);
    return currentPersonId() != 0;
}

void PeopleView::showPerson()
{
    m_assignments->setRowCount(0);
    m_history->setRowCount(0);
    m_qualifications->clear();
    const std::int64_t id = currentPersonId();
    if (!id || !m_session.isOpen()) {
        m_personTitle->setText(m_people->rowCount() ? tr("Nobody matches the search.") : QString());
        return;
    }
    try {
        db::Registry reg(m_session.vault());
        const auto assignments = reg.personAssignments(id);
        const auto versions = reg.personVersions(id);
        const auto quals = reg.qualifications(id);
        const core::PersonData& latest = versions.back().person;
        m_personTitle->setText(tr("<b>%1</b> — on %n contract roster(s)", nullptr, [&] {
                                   QStringList codes;
                                   for (const auto& a : assignments)
                                       if (!codes.contains(qs(a.contractCode)))
                                           codes << qs(a.contractCode);
                                   return int(codes.size());
                               }())
                                   .arg(qs(latest.name).toHtmlEscaped()));
        m_assignments->setRowCount(int(assignments.size()));
        for (int r = 0; r < int(assignments.size()); ++r) {
            const db::PersonAssignment& a = assignments[std::size_t(r)];
            const QStringList cells{qs(a.contractCode), qs(a.contractTitle), roleText(a.role), qs(a.label),
                                    isoText(a.validFrom), a.validTo ? isoText(a.validTo) : tr("(open)"), qs(a.need)};
            for (int c = 0; c < cells.size(); ++c)
                m_assignments->setItem(r, c, new QTableWidgetItem(cells[c]));
        }
        m_assignments->resizeColumnsToContents();
        const auto fields = core::personFields();
        // Newest first: the record as it is now heads the list.
        m_history->setRowCount(int(versions.size()));
        for (int r = 0; r < int(versions.size()); ++r) {
            const db::PersonVersion& v = versions[versions.size() - 1 - std::size_t(r)];
            core::RosterRow row;
            row.person = v.person;
            m_history->setItem(r, 0, new QTableWidgetItem(v.validFrom ? isoText(v.validFrom) : tr("(from the start)")));
            m_history->setItem(r, 1, new QTableWidgetItem(v.validTo ? isoText(v.validTo) : tr("(current)")));
            for (int c = 0; c < int(fields.size()); ++c)
                m_history->setItem(r, 2 + c, new QTableWidgetItem(qs(fields[std::size_t(c)]->get(row)).replace(
                                                 QLatin1Char('\n'), QLatin1Char(' '))));
        }
        m_history->resizeColumnsToContents();
        for (const core::Qualification& q : quals)
            new QListWidgetItem(QStringLiteral("%1：%2 %3 %4")
                                    .arg(q.training ? tr("Training") : tr("Qualification"), qs(q.name), isoText(q.on),
                                         qs(q.issuer))
                                    .trimmed(),
                                m_qualifications);
        if (quals.empty())
            new QListWidgetItem(tr("None recorded."), m_qualifications);
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
    }
}

QualificationsDialog* PeopleView::openQualifications()
{
    const std::int64_t id = currentPersonId();
    if (!id || !m_session.isOpen()) {
        m_message->showError(tr("Select a person first."));
        return nullptr;
    }
    auto* dialog = new QualificationsDialog(m_session, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace meibo::gui
