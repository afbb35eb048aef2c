#include "PersonPicker.h"

#include "Convert.h"

#include "meibo/core/RosterRules.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace meibo::gui {

namespace {
constexpr int kLabelRole = Qt::UserRole;
constexpr int kSearchRole = Qt::UserRole + 1;
} // namespace

PersonPicker::PersonPicker(const std::vector<core::RosterEntry>& people, bool several, QWidget* parent)
    : QDialog(parent), m_search(new QLineEdit(this)), m_list(new QListWidget(this))
{
    setWindowTitle(several ? tr("Choose people") : tr("Choose a person"));
    auto* searchLabel = new QLabel(tr("&Search by name:"), this);
    searchLabel->setBuddy(m_search);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Name, reading or label"));
    m_list->setObjectName(QStringLiteral("people"));
    m_list->setSelectionMode(several ? QAbstractItemView::ExtendedSelection : QAbstractItemView::SingleSelection);
    QSet<QString> shown;
    for (const core::RosterEntry& e : people) {
        const QString label = qs(e.label);
        if (shown.contains(label))
            continue;
        shown.insert(label);
        auto* item = new QListWidgetItem(QStringLiteral("%1 (%2)").arg(qs(core::subjectOf(e)), roleText(e.role)), m_list);
        item->setData(kLabelRole, label);
        item->setData(kSearchRole, QStringList{label, qs(e.person.name), qs(e.person.nameKana)}.join(QLatin1Char('\n')));
        if (several)
            item->setCheckState(Qt::Unchecked);
    }
    auto* listLabel = new QLabel(several ? tr("&People (tick everyone who took part):") : tr("&People:"), this);
    listLabel->setBuddy(m_list);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(searchLabel);
    layout->addWidget(m_search);
    layout->addWidget(listLabel);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(460, 480);
    connect(m_search, &QLineEdit::textChanged, this, &PersonPicker::filter);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (!several)
        connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    else // Space or a click on the row ticks it, as well as the box.
        connect(m_list, &QListWidget::itemActivated, this, [](QListWidgetItem* item) {
            item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
        });
    m_search->setFocus();
}

void PersonPicker::filter(const QString& text)
{
    const QString wanted = text.trimmed();
    QListWidgetItem* first = nullptr;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        const bool match = wanted.isEmpty() || item->data(kSearchRole).toString().contains(wanted, Qt::CaseInsensitive);
        item->setHidden(!match);
        if (match && !first)
            first = item;
    }
    // One person: the first match is chosen, so that typing a name and Enter is enough.
    if (first && m_list->selectionMode() == QAbstractItemView::SingleSelection)
        m_list->setCurrentItem(first);
}

void PersonPicker::setChosen(const QStringList& labels)
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        const bool on = labels.contains(item->data(kLabelRole).toString());
        if (m_list->selectionMode() == QAbstractItemView::SingleSelection) {
            if (on)
                m_list->setCurrentItem(item);
        } else {
            item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        }
    }
}

QStringList PersonPicker::chosen() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem* item = m_list->item(i);
        const bool on = m_list->selectionMode() == QAbstractItemView::SingleSelection
                            ? item == m_list->currentItem() && !item->isHidden()
                            : item->checkState() == Qt::Checked;
        if (on)
            out << item->data(kLabelRole).toString();
    }
    return out;
}

} // namespace meibo::gui
