#include "ContractDialog.h"

#include "Convert.h"
#include "MessageBar.h"
#include "Prompts.h"
#include "Session.h"

#include "meibo/core/Error.h"
#include "meibo/db/Registry.h"

#include <QCoreApplication>
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

/// What a date field of the contract is, for the sentence that refuses it.
QString dateFieldName(const QString& key)
{
    if (key == QLatin1String("start"))
        return QCoreApplication::translate("meibo::gui::ContractDialog", "The start of the contract");
    if (key == QLatin1String("end"))
        return QCoreApplication::translate("meibo::gui::ContractDialog", "The end of the contract");
    if (key == QLatin1String("signed"))
        return QCoreApplication::translate("meibo::gui::ContractDialog", "The signing date");
    if (key == QLatin1String("data_requested"))
        return QCoreApplication::translate("meibo::gui::ContractDialog", "The day personal data was asked for");
    return QCoreApplication::translate("meibo::gui::ContractDialog", "The day the roster was agreed");
}

/// A date as people type it (2026/6/1, 2026年6月1日, 令和8年6月1日 …), the import's parser; a refusal
/// names the field in words.
std::optional<core::Date> optionalDate(const QLineEdit* e, const QString& key)
{
    const std::string text = ss(e->text().trimmed());
    if (text.empty())
        return std::nullopt;
    try {
        return core::requireDate(text, ss(key));
    } catch (const core::Error& error) {
        throw core::Error(error.code(), ss(dateFieldName(key)) + ": " + error.what(), error.where(),
                          ss(dateFieldName(key)) + "：" + error.messageJa());
    }
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
        m_edits.value(QString::fromLatin1(date))->setPlaceholderText(tr("e.g. 2026-06-01, 2026/6/1 or 令和8年6月1日"));
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
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("Give the contract a short code, e.g. METI-2026-01.")),
                              "code");
        if (c.title.empty())
            throw core::Error(core::ErrorCode::InvalidInput, ss(tr("The title (契約件名) is required.")), "title");
        for (const char* key : {"start", "end"})
            if (m_edits.value(QString::fromLatin1(key))->text().trimmed().isEmpty())
                throw core::Error(core::ErrorCode::InvalidInput,
                                  ss(tr("%1 is required.").arg(dateFieldName(QString::fromLatin1(key)))), key);
        c.start = *optionalDate(m_edits.value(QStringLiteral("start")), QStringLiteral("start"));
        c.end = *optionalDate(m_edits.value(QStringLiteral("end")), QStringLiteral("end"));
        c.signedOn = optionalDate(m_edits.value(QStringLiteral("signed")), QStringLiteral("signed"));
        c.addressee = ss(m_edits.value(QStringLiteral("addressee"))->text().trimmed());
        c.ministryContact = ss(m_edits.value(QStringLiteral("contact"))->text().trimmed());
        c.personalDataRequestedOn =
            optionalDate(m_edits.value(QStringLiteral("data_requested")), QStringLiteral("data_requested"));
        const bool wasAgreed = m_contract && m_contract->rosterConsentedOn;
        c.rosterConsentedOn = optionalDate(m_edits.value(QStringLiteral("roster_consented")), QStringLiteral("roster_consented"));
        // Recording the ministry's consent changes how the roster may change from then on: ask first.
        if (c.rosterConsentedOn && !wasAgreed &&
            !askYesNo(this, tr("Record the ministry's consent"),
                      tr("Record that the ministry agreed the roster of %1 on %2?\n\nFrom that day on, every change "
                         "to this roster — people joining or leaving, their details, the structure — must be notified "
                         "in advance as a change notice and applied only after the ministry consents. Edits that "
                         "would rewrite an agreed day are refused.")
                          .arg(qs(c.code), qs(core::formatIsoDate(*c.rosterConsentedOn))))) {
            m_message->showInfo(tr("Nothing was saved."));
            return false;
        }
        db::Registry reg(m_session.vault());
        if (m_contract) {
            reg.updateContract(c);
            m_contract = c; // what is saved now is what the next save compares with
        } else {
            reg.addContract(c);
        }
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
