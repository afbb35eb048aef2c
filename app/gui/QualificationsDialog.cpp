#include "QualificationsDialog.h"

#include "Convert.h"
#include "MessageBar.h"
#include "Session.h"
#include "SessionAction.h"

#include "meibo/core/Error.h"
#include "meibo/core/RosterFields.h"
#include "meibo/db/Registry.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace meibo::gui {

QualificationsDialog::QualificationsDialog(Session& session, std::int64_t personId, QWidget* parent)
    : QDialog(parent), m_session(session), m_personId(personId), m_title(new QLabel(this)),
      m_table(new QTableWidget(0, 4, this)), m_kind(new QComboBox(this)), m_name(new QLineEdit(this)),
      m_date(new QLineEdit(this)), m_issuer(new QLineEdit(this)), m_trackRecord(new QPlainTextEdit(this)),
      m_message(new MessageBar(this))
{
    setWindowTitle(tr("Qualifications, trainings and track record"));
    m_title->setWordWrap(true);
    auto* note = new QLabel(tr("Clause 4 of the security terms asks to show the ministry the affiliation, expertise, "
                               "track record and nationality of everyone working on the contract. Record here the "
                               "person's security qualifications and trainings (expertise) and their track record."),
                            this);
    note->setWordWrap(true);

    // Qualifications and trainings: the list, then one line to add another.
    auto* quals = new QGroupBox(tr("Qualifications and trainings (専門性)"), this);
    m_table->setHorizontalHeaderLabels({tr("Kind"), tr("Name"), tr("Date"), tr("Issuer")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_kind->addItem(tr("Qualification"), false);
    m_kind->addItem(tr("Training"), true);
    m_name->setPlaceholderText(tr("e.g. 情報処理安全確保支援士"));
    m_name->setMaxLength(200);
    m_date->setPlaceholderText(tr("YYYY-MM-DD (empty when unknown)"));
    m_issuer->setPlaceholderText(tr("e.g. IPA"));
    m_issuer->setMaxLength(200);
    auto* form = new QFormLayout;
    auto* kindLabel = new QLabel(tr("&Kind:"), this);
    kindLabel->setBuddy(m_kind);
    auto* nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    auto* dateLabel = new QLabel(tr("&Date obtained or attended:"), this);
    dateLabel->setBuddy(m_date);
    auto* issuerLabel = new QLabel(tr("&Issuer or organizer:"), this);
    issuerLabel->setBuddy(m_issuer);
    form->addRow(kindLabel, m_kind);
    form->addRow(nameLabel, m_name);
    form->addRow(dateLabel, m_date);
    form->addRow(issuerLabel, m_issuer);
    auto* add = new QPushButton(tr("&Add"), this);
    auto* ql = new QVBoxLayout(quals);
    ql->addWidget(m_table, 1);
    ql->addLayout(form);
    ql->addWidget(add, 0, Qt::AlignRight);

    // The track record: the person's record field (core/RosterFields.h), long text.
    auto* track = new QGroupBox(tr("Track record (実績)"), this);
    const core::RosterField& trackField = core::rosterField("track_record");
    m_trackRecord->setPlaceholderText(japaneseUi() ? qs(std::string(trackField.hintJa)) : qs(std::string(trackField.hint)));
    auto* trackLabel = new QLabel(tr("&Track record, e.g. past contracts of this kind:"), this);
    trackLabel->setBuddy(m_trackRecord);
    auto* saveTrack = new QPushButton(tr("&Save track record"), this);
    auto* tl = new QVBoxLayout(track);
    tl->addWidget(trackLabel);
    tl->addWidget(m_trackRecord, 1);
    tl->addWidget(saveTrack, 0, Qt::AlignRight);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(note);
    layout->addWidget(quals, 3);
    layout->addWidget(track, 2);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(640, 700);

    connect(add, &QPushButton::clicked, this, [this] { addQualification(); });
    connect(saveTrack, &QPushButton::clicked, this, [this] { saveTrackRecord(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    connect(&m_session, &Session::closed, this, &QDialog::reject); // locking drops the record shown here
    reload();
}

void QualificationsDialog::reload()
{
    if (!m_session.isOpen())
        return;
    try {
        db::Registry reg(m_session.vault());
        const core::PersonData person = reg.person(m_personId);
        m_title->setText(tr("<b>%1</b> (%2)").arg(qs(person.name).toHtmlEscaped(),
                                                  person.organization.empty() ? tr("own staff")
                                                                              : qs(person.organization).toHtmlEscaped()));
        m_trackRecord->setPlainText(qs(person.trackRecord));
        const auto list = reg.qualifications(m_personId);
        m_table->setRowCount(int(list.size()));
        for (int r = 0; r < int(list.size()); ++r) {
            const core::Qualification& q = list[std::size_t(r)];
            const QStringList cells{q.training ? tr("Training") : tr("Qualification"), qs(q.name), isoText(q.on),
                                    qs(q.issuer)};
            for (int c = 0; c < cells.size(); ++c)
                m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
        }
        m_table->resizeColumnsToContents();
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
    }
}

bool QualificationsDialog::addQualification()
{
    const QString name = m_name->text().trimmed();
    const QString date = m_date->text().trimmed();
    core::Qualification q;
    q.personId = m_personId;
    q.training = m_kind->currentData().toBool();
    q.name = ss(name);
    q.issuer = ss(m_issuer->text().trimmed());
    if (name.isEmpty()) {
        m_message->showError(tr("Give the name of the qualification or training; nothing was added."));
        m_name->setFocus();
        return false;
    }
    if (!date.isEmpty()) {
        q.on = core::parseDateInput(ss(date));
        if (!q.on) {
            m_message->showError(tr("“%1” is not a date: write it as YYYY-MM-DD (e.g. 2024-10-01); nothing was added.")
                                     .arg(date));
            m_date->setFocus();
            return false;
        }
        if (*q.on > m_session.today()) {
            m_message->showError(tr("%1 is after today: record a qualification once it is obtained and a training once "
                                    "it was attended; nothing was added.")
                                     .arg(qs(core::formatIsoDate(*q.on))));
            m_date->setFocus();
            return false;
        }
    }
    const bool ok = runAction(m_session, *m_message, [&] {
        db::Registry(m_session.vault()).addQualification(q);
        return (q.training ? tr("Recorded the training “%1”.") : tr("Recorded the qualification “%1”.")).arg(name);
    });
    if (ok) {
        m_name->clear();
        m_date->clear();
        m_issuer->clear();
        const QString shown = m_message->text();
        reload();
        m_message->showInfo(shown);
    }
    return ok;
}

bool QualificationsDialog::saveTrackRecord()
{
    return runAction(m_session, *m_message, [&] {
        db::Registry reg(m_session.vault());
        core::PersonData person = reg.person(m_personId);
        // The field's own rule (length, characters), as `person set` checks it.
        person.trackRecord = core::checkField(core::rosterField("track_record"), ss(m_trackRecord->toPlainText()),
                                              core::FieldContext{m_session.today()});
        reg.correctPerson(m_personId, person);
        return tr("Saved the track record of %1.").arg(qs(person.name));
    });
}

} // namespace meibo::gui
