#include "PersonDialog.h"

#include "ChangeSetDraft.h"
#include "Convert.h"
#include "MessageBar.h"
#include "PersonPicker.h"
#include "Prompts.h"
#include "QualificationsDialog.h"
#include "Session.h"

#include "meibo/core/ChangeSet.h"
#include "meibo/core/Error.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/Vocabulary.h"
#include "meibo/db/Registry.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace meibo::gui {

namespace {
std::string residenceId(const QComboBox* combo) { return combo->currentData().toString().toStdString(); }

/// The dialog's fields: every field of the row (core/RosterFields.h) but the long track record,
/// which belongs with the person's qualifications; the role and the residence status are chosen
/// from lists.
bool inDialog(const core::RosterField& f) { return f.key != "track_record"; }
} // namespace

PersonDialog::PersonDialog(Session& session, core::Contract contract, std::optional<core::RosterEntry> entry,
                           QWidget* parent)
    : QDialog(parent), m_session(session), m_contract(std::move(contract)), m_entry(std::move(entry)),
      m_role(new QComboBox(this)), m_residence(new QComboBox(this)), m_message(new MessageBar(this))
{
    setWindowTitle(m_entry ? tr("Edit %1").arg(qs(core::subjectOf(*m_entry))) : tr("Add a person"));
    auto* formWidget = new QWidget(this);
    auto* form = new QFormLayout(formWidget);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    for (auto r : {core::Role::Responsible, core::Role::Manager, core::Role::Worker, core::Role::Subcontractor})
        m_role->addItem(roleText(r), int(r));
    m_residence->addItem(QString(), QString());
    for (auto s : {core::ResidenceStatus::Japanese, core::ResidenceStatus::Permanent,
                   core::ResidenceStatus::SpecialPermanent, core::ResidenceStatus::Other})
        m_residence->addItem(QString::fromUtf8(core::residenceStatusName(s)), QString::fromUtf8(core::residenceStatusName(s)));
    // One row per field of the table, with a mnemonic no other row of the dialog takes.
    // Cancel, saVe, the change set's effective day, Qualifications, choose 報告先 (W)
    QString taken = QStringLiteral("cvxqw");
    for (const core::RosterField& f : core::rosterFields()) {
        if (!inDialog(f))
            continue;
        const QString label = fieldLabel(f, taken);
        if (f.key == "role" || f.key == "residence_status") {
            QComboBox* combo = f.key == "role" ? m_role : m_residence;
            auto* l = new QLabel(label, formWidget);
            l->setBuddy(combo);
            form->addRow(l, combo);
            continue;
        }
        QLineEdit* edit = addLine(qs(std::string(f.key)), label, formWidget);
        edit->setMaxLength(int(f.maxChars));
        if (f.nullable || f.key == "nationality")
            edit->setPlaceholderText(japaneseUi() ? qs(std::string(f.hintJa)) : qs(std::string(f.hint)));
    }
    // 報告先 chosen by name from the roster, or typed as a label.
    if (QLineEdit* reportsTo = m_edits.value(QStringLiteral("reports_to"))) {
        auto* pick = new QPushButton(tr("Choose… (&W)"), formWidget);
        pick->setObjectName(QStringLiteral("pickReportsTo"));
        pick->setToolTip(tr("Choose the person this one reports to from the roster, by name"));
        auto* cell = static_cast<QVBoxLayout*>(reportsTo->parentWidget()->layout());
        auto* row = new QHBoxLayout;
        cell->removeWidget(reportsTo);
        row->addWidget(reportsTo, 1);
        row->addWidget(pick);
        cell->insertLayout(0, row);
        connect(pick, &QPushButton::clicked, this, [this] { pickReportsTo(); });
    }
    if (m_contract.rosterConsentedOn) {
        m_effective = addLine(QStringLiteral("effective"), tr("Effecti&ve day of the change (変更届):"), formWidget);
        m_effective->setText(qs(core::formatIsoDate(m_session.today())));
        auto* note = new QLabel(tr("The ministry agreed to this roster on %1: a change goes into a change set "
                                   "(変更届) and takes effect after its consent.")
                                    .arg(isoText(m_contract.rosterConsentedOn)),
                                formWidget);
        note->setWordWrap(true);
        form->addRow(note);
    }

    if (m_entry) {
        m_role->setCurrentIndex(m_role->findData(int(m_entry->role)));
        if (m_entry->person.residenceStatus)
            m_residence->setCurrentIndex(
                m_residence->findData(QString::fromUtf8(core::residenceStatusName(*m_entry->person.residenceStatus))));
        for (const core::RosterField& f : core::rosterFields())
            if (QLineEdit* e = m_edits.value(qs(std::string(f.key))))
                e->setText(qs(f.get(*m_entry)));
        // The label names the row, and the period changes by joining and leaving.
        m_edits[QStringLiteral("label")]->setReadOnly(true);
        m_edits[QStringLiteral("valid_from")]->setReadOnly(true);
        m_edits[QStringLiteral("valid_to")]->setReadOnly(true);
    } else {
        m_role->setCurrentIndex(m_role->findData(int(core::Role::Worker)));
        m_edits[QStringLiteral("valid_from")]->setText(qs(core::formatIsoDate(m_session.today())));
    }

    // ※4 beside the passport number; the residence status follows the nationality.
    if (QLineEdit* passport = m_edits.value(QStringLiteral("passport_no"))) {
        m_passportNote = new QLabel(tr("※4: everyone but Japanese nationals and permanent residents (永住者) gives a "
                                       "passport number and nationality; special permanent residents (特別永住者) "
                                       "are not exempt."),
                                    formWidget);
        m_passportNote->setWordWrap(true);
        m_passportNote->setStyleSheet(QStringLiteral("color: #555"));
        passport->parentWidget()->layout()->addWidget(m_passportNote);
    }
    if (QLineEdit* nationality = m_edits.value(QStringLiteral("nationality"))) {
        // Picked from ICU's country list as 「ベトナム (VN)」, found by any part of the name or the code;
        // a name or code typed in full is taken too (the field's rule), and the ISO code is stored.
        QStringList labels;
        for (const core::Country& c : core::countries())
            labels << qs(core::countryLabel(c.code));
        auto* completer = new QCompleter(labels, nationality);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        completer->setCompletionMode(QCompleter::PopupCompletion);
        completer->setMaxVisibleItems(12);
        nationality->setCompleter(completer);
        showCountryLabel();
        connect(nationality, &QLineEdit::textChanged, this, &PersonDialog::followNationality);
        connect(nationality, &QLineEdit::editingFinished, this, &PersonDialog::showCountryLabel);
    }
    followNationality();

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(formWidget);
    scroll->setWidgetResizable(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(620, 720);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_session, &Session::closed, this, &QDialog::reject); // locking drops the record shown here
    if (m_entry) {
        // Clause 4's expertise and track record, kept with the person rather than this roster row.
        auto* quals = buttons->addButton(tr("&Qualifications and track record…"), QDialogButtonBox::ActionRole);
        quals->setObjectName(QStringLiteral("qualifications"));
        connect(quals, &QPushButton::clicked, this, [this] { openQualifications(); });
    }
}

QualificationsDialog* PersonDialog::openQualifications()
{
    if (!m_entry || !m_session.isOpen())
        return nullptr;
    auto* dialog = new QualificationsDialog(m_session, m_entry->personId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

PersonPicker* PersonDialog::pickReportsTo()
{
    QLineEdit* reportsTo = m_edits.value(QStringLiteral("reports_to"));
    if (!reportsTo || !m_session.isOpen())
        return nullptr;
    std::vector<core::RosterEntry> people;
    try {
        for (auto& e : db::Registry(m_session.vault()).roster(m_contract.id, m_session.today()))
            if (!m_entry || e.label != m_entry->label)
                people.push_back(std::move(e));
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return nullptr;
    }
    auto* picker = new PersonPicker(people, false, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    picker->setChosen({reportsTo->text().trimmed()});
    connect(picker, &QDialog::accepted, this, [this, picker, reportsTo] {
        if (const QStringList chosen = picker->chosen(); !chosen.isEmpty()) {
            reportsTo->setText(chosen.first());
            validateField(QStringLiteral("reports_to"));
        }
    });
    picker->open();
    return picker;
}

void PersonDialog::followNationality()
{
    const QLineEdit* nationality = m_edits.value(QStringLiteral("nationality"));
    if (!nationality)
        return;
    std::string code;
    try { // the field's own rule: "JP", "jp", "日本" are Japan
        code = core::checkField(core::rosterField("nationality"), ss(nationality->text()), core::FieldContext{m_session.today()});
    } catch (const core::Error&) {
        code.clear(); // not a country yet: shown under the field when it is left
    }
    const QString japanese = QString::fromUtf8(core::residenceStatusName(core::ResidenceStatus::Japanese));
    const bool jp = code == "JP";
    if (jp)
        m_residence->setCurrentIndex(m_residence->findData(japanese));
    else if (m_residence->currentData().toString() == japanese && !code.empty())
        m_residence->setCurrentIndex(0); // a foreign national: choose the status
    m_residence->setEnabled(!jp);
    if (m_passportNote)
        m_passportNote->setVisible(!jp && !code.empty());
}

void PersonDialog::showCountryLabel()
{
    QLineEdit* nationality = m_edits.value(QStringLiteral("nationality"));
    if (!nationality || nationality->isReadOnly())
        return;
    if (const auto code = core::normalizeCountry(ss(nationality->text())))
        if (const QString label = qs(core::countryLabel(*code)); label != nationality->text())
            nationality->setText(label);
}

QLineEdit* PersonDialog::addLine(const QString& field, const QString& label, QWidget* form)
{
    auto* edit = new QLineEdit(form);
    edit->setObjectName(field);
    auto* error = new QLabel(form);
    error->setStyleSheet(QStringLiteral("color: #8b0000"));
    error->setWordWrap(true);
    error->hide();
    auto* cell = new QWidget(form);
    auto* v = new QVBoxLayout(cell);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(edit);
    v->addWidget(error);
    auto* l = new QLabel(label, form);
    l->setBuddy(edit);
    static_cast<QFormLayout*>(form->layout())->addRow(l, cell);
    m_edits.insert(field, edit);
    m_errors.insert(field, error);
    connect(edit, &QLineEdit::editingFinished, this, [this, field] { validateField(field); });
    return edit;
}

QString PersonDialog::fieldError(const QString& field) const
{
    const QLabel* l = m_errors.value(field);
    return l && !l->isHidden() ? l->text() : QString();
}

void PersonDialog::setFieldError(const QString& field, const QString& text)
{
    QLabel* l = m_errors.value(field);
    if (!l)
        return;
    l->setText(text);
    l->setVisible(!text.isEmpty());
    if (QLineEdit* e = m_edits.value(field))
        e->setStyleSheet(text.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #b00020; }"));
}

std::optional<core::Role> PersonDialog::roleFromCombo() const { return core::Role(m_role->currentData().toInt()); }

bool PersonDialog::validateField(const QString& field)
{
    const QString text = m_edits.value(field) ? m_edits.value(field)->text() : QString();
    QString error;
    try {
        if (field == QLatin1String("effective")) {
            if (!core::parseDateInput(ss(text.trimmed())))
                error = tr("The day the change takes effect, as YYYY-MM-DD.");
        } else if (const core::RosterField* f = core::findRosterField(ss(field))) {
            // The field's own rule, the same as every import and `person set`.
            core::checkField(*f, ss(text), core::FieldContext{m_session.today()});
            if (field == QLatin1String("reports_to") && text.trimmed().isEmpty() &&
                roleFromCombo() != core::Role::Responsible)
                error = tr("Everyone but the 情報管理責任者 reports to someone: give that person's label.");
        }
    } catch (const core::Error& e) {
        error = errorText(e);
    }
    setFieldError(field, error);
    return error.isEmpty();
}

QString PersonDialog::fieldLabel(const core::RosterField& f, QString& taken)
{
    const QString ja = qs(std::string(f.labelJa));
    const QString en = qs(std::string(f.labelEn));
    QChar key;
    // A letter of the English name, else any free letter, so that every field has its key.
    const QString candidates = en.toLower() + QStringLiteral("abcdefghijklmnopqrstuvwxyz");
    for (const QChar c : candidates)
        if (c.isLetter() && c.unicode() < 128 && !taken.contains(c)) {
            key = c;
            break;
        }
    if (!key.isNull())
        taken += key;
    if (japaneseUi())
        return key.isNull() ? ja + QLatin1Char(':') : QStringLiteral("%1(&%2):").arg(ja, QString(key.toUpper()));
    QString text = en;
    if (!key.isNull()) {
        const int at = text.toLower().indexOf(key);
        if (at >= 0)
            text.insert(at, QLatin1Char('&'));
        else
            text += QStringLiteral(" (&%1)").arg(key.toUpper());
    }
    return QStringLiteral("%1 (%2):").arg(text, ja);
}

bool PersonDialog::validateAll()
{
    bool ok = true;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        ok = validateField(it.key()) && ok;
    return ok;
}

core::ImportRow PersonDialog::rowFromFields() const
{
    core::ImportRow row;
    if (m_entry) {
        static_cast<core::RosterRow&>(row) = *m_entry;
        row.personId = m_entry->personId;
    }
    const core::FieldContext context{m_session.today()};
    for (const core::RosterField& f : core::rosterFields())
        if (const QLineEdit* e = m_edits.value(qs(std::string(f.key))))
            core::setRosterField(row, f, ss(e->text()), context);
    row.role = *roleFromCombo();
    core::setRosterField(row, core::rosterField("residence_status"), residenceId(m_residence), context);
    return row;
}

bool PersonDialog::save()
{
    m_message->clearMessage();
    if (!validateAll()) {
        m_message->showError(tr("Some fields need attention (see the messages under them); nothing was saved."));
        return false;
    }
    try {
        const core::ImportRow row = rowFromFields();
        if (m_contract.rosterConsentedOn) {
            const QString question =
                tr("The ministry agreed to the roster of %1 on %2 (8 ①): it changes only with advance notice and "
                   "consent. Put this change into a new change set (変更届) instead?")
                    .arg(qs(m_contract.code), isoText(m_contract.rosterConsentedOn));
            if (!askYesNo(this, tr("Roster agreed"), question)) {
                m_message->showError(tr("The roster was agreed with the ministry: direct edits are refused. Nothing "
                                        "was saved."));
                return false;
            }
            return saveAsChangeSet(row);
        }
        // The same store as `person set` and the import: the identity and history rules, audited as
        // person.add/person.edit and assignment.add/assignment.edit.
        db::Registry(m_session.vault()).saveRosterRow(m_contract.id, row);
        m_outcome = m_entry ? tr("Saved %1.").arg(qs(core::subjectOf(*m_entry)))
                            : tr("Added %1 %2 to %3.").arg(qs(row.label), qs(row.person.name), qs(m_contract.code));
        m_session.notifyChanged();
        return true;
    } catch (const core::Error& e) {
        // A refusal about one field is shown under it too.
        if (m_edits.contains(qs(e.where())))
            setFieldError(qs(e.where()), errorText(e));
        m_message->showError(errorText(e));
        return false;
    }
}

bool PersonDialog::saveAsChangeSet(const core::ImportRow& row)
{
    const core::Date effective = *core::parseDateInput(ss(m_effective->text().trimmed()));
    core::ChangeItem item;
    std::string reason;
    const std::string label = row.label;
    if (!m_entry) {
        item.kind = core::ChangeItem::Kind::Join;
        item.label = label;
        item.join = row;
        item.join.validFrom = effective;
        reason = ss(tr("New information handler: %1 %2").arg(qs(label), qs(row.person.name)));
    } else {
        item.kind = core::ChangeItem::Kind::Set;
        item.label = label;
        // Every field the change set may change whose value differs (core/RosterFields.h).
        for (const core::RosterField& f : core::rosterFields())
            if (core::settableField(f) && f.get(row) != f.get(*m_entry))
                item.fields.emplace_back(std::string(f.key), f.get(row));
        if (item.fields.empty()) {
            m_message->showError(tr("Nothing was changed."));
            return false;
        }
        reason = ss(tr("Change for %1").arg(qs(core::subjectOf(*m_entry))));
    }
    // Checked before the set is made, so that a refusal leaves nothing behind: an incoming label must
    // be free on the effective day, a changed one must be on the roster then.
    bool onRoster = false;
    for (const auto& e : db::Registry(m_session.vault()).roster(m_contract.id, effective))
        onRoster = onRoster || e.label == label;
    if (onRoster != bool(m_entry)) {
        m_message->showError(m_entry ? tr("%1 is not on the roster on %2: choose an effective day while they are.")
                                           .arg(qs(label), qs(core::formatIsoDate(effective)))
                                     : tr("%1 is already someone's label on %2: choose another.")
                                           .arg(qs(label), qs(core::formatIsoDate(effective))));
        return false;
    }
    const std::int64_t id = draftChangeSet(m_session, m_contract.id, effective, reason, {item});
    m_outcome = tr("Change set %1 was created as a draft with this change. Submit it to the ministry from the "
                   "Changes view; the roster changes once it is consented and applied.")
                    .arg(id);
    m_session.notifyChanged();
    return true;
}

} // namespace meibo::gui
