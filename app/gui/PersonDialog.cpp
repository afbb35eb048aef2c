#include "PersonDialog.h"

#include "ChangeSetDraft.h"
#include "Convert.h"
#include "MessageBar.h"
#include "Prompts.h"
#include "Session.h"

#include "meibo/core/ChangeSet.h"
#include "meibo/core/Error.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/Vocabulary.h"
#include "meibo/db/Registry.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace meibo::gui {

namespace {
const char* kPersonFields[] = {"name",        "name_kana", "address",      "birth_date",  "department",
                               "title",       "nationality", "passport_no", "organization"};

std::string residenceId(const QComboBox* combo) { return combo->currentData().toString().toStdString(); }
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
    auto* roleLabel = new QLabel(tr("&Role (区分):"), formWidget);
    roleLabel->setBuddy(m_role);
    form->addRow(roleLabel, m_role);
    addLine(QStringLiteral("label"), tr("&Label (記号):"), formWidget)->setMaxLength(8);
    addLine(QStringLiteral("name"), tr("&Name (氏名):"), formWidget);
    addLine(QStringLiteral("name_kana"), tr("&Kana (ふりがな):"), formWidget);
    addLine(QStringLiteral("address"), tr("&Address (個人住所):"), formWidget);
    addLine(QStringLiteral("birth_date"), tr("&Birth date (生年月日):"), formWidget)
        ->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
    addLine(QStringLiteral("department"), tr("De&partment (所属部署):"), formWidget);
    addLine(QStringLiteral("title"), tr("&Title (役職):"), formWidget);
    addLine(QStringLiteral("nationality"), tr("Nat&ionality (国籍):"), formWidget)
        ->setPlaceholderText(QStringLiteral("JP, US, KR …"));
    m_residence->addItem(QString(), QString());
    for (auto s : {core::ResidenceStatus::Japanese, core::ResidenceStatus::Permanent,
                   core::ResidenceStatus::SpecialPermanent, core::ResidenceStatus::Other})
        m_residence->addItem(QString::fromUtf8(core::residenceStatusName(s)), QString::fromUtf8(core::residenceStatusName(s)));
    auto* resLabel = new QLabel(tr("Resi&dence status (在留区分):"), formWidget);
    resLabel->setBuddy(m_residence);
    form->addRow(resLabel, m_residence);
    addLine(QStringLiteral("passport_no"), tr("Pa&ssport no. (パスポート番号):"), formWidget);
    addLine(QStringLiteral("organization"), tr("&Organization (再委託先; empty = own staff):"), formWidget);
    addLine(QStringLiteral("reports_to"), tr("R&eports to (報告先):"), formWidget)->setMaxLength(8);
    addLine(QStringLiteral("need"), tr("&Why needed (必要性):"), formWidget);
    addLine(QStringLiteral("valid_from"), tr("&From (期間):"), formWidget)
        ->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
    if (m_contract.rosterConsentedOn) {
        m_effective = addLine(QStringLiteral("effective"), tr("Effecti&ve (change set):"), formWidget);
        m_effective->setText(qs(core::formatIsoDate(m_session.today())));
        auto* note = new QLabel(tr("The ministry agreed to this roster on %1: a change goes into a change set "
                                   "(変更届) and takes effect after its consent.")
                                    .arg(isoText(m_contract.rosterConsentedOn)),
                                formWidget);
        note->setWordWrap(true);
        form->addRow(note);
    }

    if (m_entry) {
        const core::PersonData& p = m_entry->person;
        m_role->setCurrentIndex(m_role->findData(int(m_entry->role)));
        m_edits[QStringLiteral("label")]->setText(qs(m_entry->label));
        m_edits[QStringLiteral("label")]->setReadOnly(true);
        m_edits[QStringLiteral("name")]->setText(qs(p.name));
        m_edits[QStringLiteral("name_kana")]->setText(qs(p.nameKana));
        m_edits[QStringLiteral("address")]->setText(qs(p.address));
        m_edits[QStringLiteral("birth_date")]->setText(isoText(p.birthDate));
        m_edits[QStringLiteral("department")]->setText(qs(p.department));
        m_edits[QStringLiteral("title")]->setText(qs(p.title));
        m_edits[QStringLiteral("nationality")]->setText(qs(p.nationality));
        if (p.residenceStatus)
            m_residence->setCurrentIndex(m_residence->findData(QString::fromUtf8(core::residenceStatusName(*p.residenceStatus))));
        m_edits[QStringLiteral("passport_no")]->setText(qs(p.passportNo));
        m_edits[QStringLiteral("organization")]->setText(qs(p.organization));
        m_edits[QStringLiteral("reports_to")]->setText(qs(m_entry->reportsTo));
        m_edits[QStringLiteral("need")]->setText(qs(m_entry->need));
        m_edits[QStringLiteral("valid_from")]->setText(isoText(m_entry->validFrom));
        m_edits[QStringLiteral("valid_from")]->setReadOnly(true);
    } else {
        m_role->setCurrentIndex(m_role->findData(int(core::Role::Worker)));
        m_edits[QStringLiteral("valid_from")]->setText(qs(core::formatIsoDate(m_session.today())));
    }

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
    const QString text = m_edits.value(field) ? m_edits.value(field)->text().trimmed() : QString();
    QString error;
    try {
        if (field == QLatin1String("label")) {
            if (!core::normalizeLabel(ss(text)))
                error = tr("A label is 1–8 letters or digits starting with a letter (A, B, F1 …).");
        } else if (field == QLatin1String("reports_to")) {
            if (!text.isEmpty() && !core::normalizeLabel(ss(text)))
                error = tr("The label of the person above (A, B …).");
            else if (text.isEmpty() && roleFromCombo() != core::Role::Responsible)
                error = tr("Everyone but the 情報管理責任者 reports to someone: give that person's label.");
        } else if (field == QLatin1String("valid_from") || field == QLatin1String("effective")) {
            if (!text.isEmpty() && !core::parseIsoDate(ss(text)))
                error = tr("A date as YYYY-MM-DD.");
            if (text.isEmpty() && field == QLatin1String("effective"))
                error = tr("A date as YYYY-MM-DD.");
        } else if (field == QLatin1String("need")) {
            // Optional here; the rules report a missing need as a finding.
        } else {
            core::PersonData scratch;
            core::setPersonField(scratch, ss(field), ss(text));
            if (field == QLatin1String("name") && text.isEmpty())
                error = tr("The full name (氏名) is required.");
            if (field == QLatin1String("birth_date") && scratch.birthDate && *scratch.birthDate >= m_session.today())
                error = tr("A date of birth lies in the past.");
        }
    } catch (const core::Error& e) {
        error = qs(e.what());
    }
    setFieldError(field, error);
    return error.isEmpty();
}

bool PersonDialog::validateAll()
{
    bool ok = true;
    for (auto it = m_edits.cbegin(); it != m_edits.cend(); ++it)
        ok = validateField(it.key()) && ok;
    return ok;
}

core::PersonData PersonDialog::personFromFields() const
{
    core::PersonData p = m_entry ? m_entry->person : core::PersonData{};
    for (const char* f : kPersonFields)
        core::setPersonField(p, f, ss(m_edits.value(QString::fromLatin1(f))->text().trimmed()));
    core::setPersonField(p, "residence_status", residenceId(m_residence));
    return p;
}

bool PersonDialog::save()
{
    m_message->clearMessage();
    if (!validateAll()) {
        m_message->showError(tr("Some fields need attention (see the messages under them); nothing was saved."));
        return false;
    }
    try {
        const core::PersonData person = personFromFields();
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
            return saveAsChangeSet(person);
        }
        db::Registry reg(m_session.vault());
        const std::string label = *core::normalizeLabel(ss(m_edits.value(QStringLiteral("label"))->text().trimmed()));
        const QString fromText = m_edits.value(QStringLiteral("valid_from"))->text().trimmed();
        core::ImportRow row;
        row.line = 1;
        row.role = *roleFromCombo();
        row.label = label;
        row.person = person;
        row.need = ss(m_edits.value(QStringLiteral("need"))->text().trimmed());
        const QString up = m_edits.value(QStringLiteral("reports_to"))->text().trimmed();
        row.reportsTo = up.isEmpty() ? std::string() : *core::normalizeLabel(ss(up));
        if (m_entry) {
            row.validFrom = m_entry->validFrom;
            row.validTo = m_entry->validTo;
        } else {
            row.validFrom = core::parseIsoDate(ss(fromText));
            // A label is someone's for as long as they are on the roster: refuse rather than overwrite.
            for (const auto& a : reg.assignments(m_contract.id))
                if (a.label == label && (!a.validTo || !row.validFrom || *a.validTo >= *row.validFrom)) {
                    setFieldError(QStringLiteral("label"),
                                  tr("%1 is already %2's label on this contract: choose another.")
                                      .arg(qs(label), qs(a.person.name)));
                    m_message->showError(tr("Some fields need attention (see the messages under them); nothing was "
                                            "saved."));
                    return false;
                }
        }
        core::RosterImport one;
        one.columns = core::rosterCsvColumns();
        if (m_entry)
            std::erase_if(one.columns, [](const std::string& c) { return c == "valid_from" || c == "valid_to"; });
        one.rows.push_back(row);
        reg.importRoster(m_contract.id, one);
        m_outcome = m_entry ? tr("Saved %1.").arg(qs(core::subjectOf(*m_entry)))
                            : tr("Added %1 %2 to %3.").arg(qs(label), qs(person.name), qs(m_contract.code));
        m_session.notifyChanged();
        return true;
    } catch (const core::Error& e) {
        m_message->showError(qs(e.what()));
        return false;
    }
}

bool PersonDialog::saveAsChangeSet(const core::PersonData& person)
{
    const core::Date effective = *core::parseIsoDate(ss(m_effective->text().trimmed()));
    core::ChangeItem item;
    std::string reason;
    const std::string label = *core::normalizeLabel(ss(m_edits.value(QStringLiteral("label"))->text().trimmed()));
    const QString up = m_edits.value(QStringLiteral("reports_to"))->text().trimmed();
    const std::string reportsTo = up.isEmpty() ? std::string() : *core::normalizeLabel(ss(up));
    const std::string need = ss(m_edits.value(QStringLiteral("need"))->text().trimmed());
    if (!m_entry) {
        item.kind = core::ChangeItem::Kind::Join;
        item.label = label;
        item.join.line = 1;
        item.join.role = *roleFromCombo();
        item.join.label = label;
        item.join.person = person;
        item.join.need = need;
        item.join.reportsTo = reportsTo;
        item.join.validFrom = effective;
        reason = ss(tr("New information handler: %1 %2").arg(qs(label), qs(person.name)));
    } else {
        item.kind = core::ChangeItem::Kind::Set;
        item.label = label;
        const core::PersonData& before = m_entry->person;
        auto field = [&](const char* name, const std::string& now, const std::string& was) {
            if (now != was)
                item.fields.emplace_back(name, now);
        };
        field("name", person.name, before.name);
        field("name_kana", person.nameKana, before.nameKana);
        field("address", person.address, before.address);
        field("birth_date", person.birthDate ? core::formatIsoDate(*person.birthDate) : std::string(),
              before.birthDate ? core::formatIsoDate(*before.birthDate) : std::string());
        field("department", person.department, before.department);
        field("title", person.title, before.title);
        field("nationality", person.nationality, before.nationality);
        field("residence_status", person.residenceStatus ? core::residenceStatusName(*person.residenceStatus) : "",
              before.residenceStatus ? core::residenceStatusName(*before.residenceStatus) : "");
        field("passport_no", person.passportNo, before.passportNo);
        field("organization", person.organization, before.organization);
        field("role", core::roleName(*roleFromCombo()), core::roleName(m_entry->role));
        field("need", need, m_entry->need);
        field("reports_to", reportsTo, m_entry->reportsTo);
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
