#include "ContractDialog.h"

#include "Convert.h"
#include "MessageBar.h"
#include "Session.h"

#include "meibo/core/Error.h"
#include "meibo/db/Registry.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace meibo::gui {

namespace {
/// A form of line edits; returns them by key.
QMap<QString, QLineEdit*> buildForm(QDialog* dialog, QFormLayout* form,
                                    const std::vector<std::pair<QString, QString>>& fields)
{
    QMap<QString, QLineEdit*> edits;
    for (const auto& [key, label] : fields) {
        auto* e = new QLineEdit(dialog);
        e->setObjectName(key);
        e->setMinimumWidth(420);
        auto* l = new QLabel(label, dialog);
        l->setBuddy(e);
        form->addRow(l, e);
        edits.insert(key, e);
    }
    return edits;
}

std::optional<core::Date> optionalDate(const QLineEdit* e, const char* field)
{
    const std::string text = ss(e->text().trimmed());
    if (text.empty())
        return std::nullopt;
    return core::requireIsoDate(text, field);
}

void finish(QDialog* dialog, QVBoxLayout* layout, QFormLayout* form, MessageBar* message,
            const std::function<bool()>& save)
{
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, dialog);
    layout->addLayout(form);
    layout->addWidget(message);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, dialog, [dialog, save] {
        if (save())
            dialog->accept();
    });
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
}
} // namespace

ContractDialog::ContractDialog(Session& session, std::optional<core::Contract> contract, QWidget* parent)
    : QDialog(parent), m_session(session), m_contract(std::move(contract)), m_message(new MessageBar(this))
{
    setWindowTitle(m_contract ? tr("Contract %1").arg(qs(m_contract->code)) : tr("New contract"));
    auto* form = new QFormLayout;
    m_edits = buildForm(this, form,
                        {{QStringLiteral("code"), tr("&Code:")},
                         {QStringLiteral("title"), tr("&Title (契約件名):")},
                         {QStringLiteral("start"), tr("&Start:")},
                         {QStringLiteral("end"), tr("&End:")},
                         {QStringLiteral("signed"), tr("Si&gned on (契約締結日):")},
                         {QStringLiteral("addressee"), tr("&Addressee (… 殿):")},
                         {QStringLiteral("contact"), tr("Ministry c&ontact:")},
                         {QStringLiteral("data_requested"), tr("Personal data as&ked for on (※5):")},
                         {QStringLiteral("roster_consented"), tr("&Roster agreed on (8 ①):")}});
    for (const char* date : {"start", "end", "signed", "data_requested", "roster_consented"})
        m_edits.value(QString::fromLatin1(date))->setPlaceholderText(QStringLiteral("YYYY-MM-DD"));
    if (m_contract) {
        const auto& c = *m_contract;
        m_edits.value(QStringLiteral("code"))->setText(qs(c.code));
        m_edits.value(QStringLiteral("code"))->setReadOnly(true);
        m_edits.value(QStringLiteral("title"))->setText(qs(c.title));
        m_edits.value(QStringLiteral("start"))->setText(qs(core::formatIsoDate(c.start)));
        m_edits.value(QStringLiteral("end"))->setText(qs(core::formatIsoDate(c.end)));
        m_edits.value(QStringLiteral("signed"))->setText(isoText(c.signedOn));
        m_edits.value(QStringLiteral("addressee"))->setText(qs(c.addressee));
        m_edits.value(QStringLiteral("contact"))->setText(qs(c.ministryContact));
        m_edits.value(QStringLiteral("data_requested"))->setText(isoText(c.personalDataRequestedOn));
        m_edits.value(QStringLiteral("roster_consented"))->setText(isoText(c.rosterConsentedOn));
    }
    auto* note = new QLabel(tr("Once the roster is agreed with the ministry, it changes only through change sets."), this);
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    finish(this, layout, form, m_message, [this] { return save(); });
    connect(&m_session, &Session::closed, this, &QDialog::reject);
}

bool ContractDialog::save()
{
    m_message->clearMessage();
    try {
        core::Contract c = m_contract.value_or(core::Contract{});
        c.code = ss(m_edits.value(QStringLiteral("code"))->text().trimmed());
        c.title = ss(m_edits.value(QStringLiteral("title"))->text().trimmed());
        if (c.code.empty())
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("code: give the contract a short code, e.g. METI-2026-01")),
                              "code");
        if (c.title.empty())
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("title: the 契約件名 is required")), "title");
        c.start = core::requireIsoDate(ss(m_edits.value(QStringLiteral("start"))->text().trimmed()), "start");
        c.end = core::requireIsoDate(ss(m_edits.value(QStringLiteral("end"))->text().trimmed()), "end");
        c.signedOn = optionalDate(m_edits.value(QStringLiteral("signed")), "signed");
        c.addressee = ss(m_edits.value(QStringLiteral("addressee"))->text().trimmed());
        c.ministryContact = ss(m_edits.value(QStringLiteral("contact"))->text().trimmed());
        c.personalDataRequestedOn = optionalDate(m_edits.value(QStringLiteral("data_requested")), "data-requested");
        c.rosterConsentedOn = optionalDate(m_edits.value(QStringLiteral("roster_consented")), "roster-consented");
        db::Registry reg(m_session.vault());
        if (m_contract)
            reg.updateContract(c);
        else
            reg.addContract(c);
        m_session.notifyChanged();
        return true;
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return false;
    }
}

OrganizationDialog::OrganizationDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_message(new MessageBar(this))
{
    setWindowTitle(tr("Organization"));
    auto* form = new QFormLayout;
    m_edits = buildForm(this, form,
                        {{QStringLiteral("name"), tr("&Name (名称):")},
                         {QStringLiteral("address"), tr("&Address (住所):")},
                         {QStringLiteral("representative"), tr("&Representative (代表者氏名):")},
                         {QStringLiteral("capital"), tr("&Capital and officers (資本関係・役員):")},
                         {QStringLiteral("places"), tr("&Places of work (業務の実施場所):")},
                         {QStringLiteral("officer"), tr("&Officer (audit log):")}});
    try {
        db::Registry reg(m_session.vault());
        const auto o = reg.organization();
        m_edits.value(QStringLiteral("name"))->setText(qs(o.name));
        m_edits.value(QStringLiteral("address"))->setText(qs(o.address));
        m_edits.value(QStringLiteral("representative"))->setText(qs(o.representative));
        m_edits.value(QStringLiteral("capital"))->setText(qs(o.capitalAndOfficers));
        m_edits.value(QStringLiteral("places"))->setText(qs(o.workPlaces));
        m_edits.value(QStringLiteral("officer"))->setText(qs(reg.officerName()));
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
    }
    auto* layout = new QVBoxLayout(this);
    finish(this, layout, form, m_message, [this] { return save(); });
    connect(&m_session, &Session::closed, this, &QDialog::reject);
}

bool OrganizationDialog::save()
{
    m_message->clearMessage();
    try {
        db::Registry reg(m_session.vault());
        core::Organization o = reg.organization();
        o.name = ss(m_edits.value(QStringLiteral("name"))->text().trimmed());
        o.address = ss(m_edits.value(QStringLiteral("address"))->text().trimmed());
        o.representative = ss(m_edits.value(QStringLiteral("representative"))->text().trimmed());
        o.capitalAndOfficers = ss(m_edits.value(QStringLiteral("capital"))->text().trimmed());
        o.workPlaces = ss(m_edits.value(QStringLiteral("places"))->text().trimmed());
        reg.setOrganization(o);
        const std::string officer = ss(m_edits.value(QStringLiteral("officer"))->text().trimmed());
        if (officer != reg.officerName())
            reg.setOfficerName(officer);
        m_session.notifyChanged();
        return true;
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return false;
    }
}

} // namespace meibo::gui
