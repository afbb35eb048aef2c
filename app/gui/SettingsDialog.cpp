#include "SettingsDialog.h"

#include "IdleLock.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace meibo::gui {

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent), m_minutes(new QSpinBox(this)), m_language(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    m_minutes->setRange(1, 120);
    m_minutes->setSuffix(tr(" min"));
    m_minutes->setValue(IdleLock::configuredMinutes());
    m_language->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    const QString lang = QSettings().value(QStringLiteral("ui/language"), QStringLiteral("ja")).toString();
    m_language->setCurrentIndex(lang == QLatin1String("en") ? 1 : 0);

    auto* form = new QFormLayout;
    auto* minutesLabel = new QLabel(tr("Lock &after idle:"), this);
    minutesLabel->setBuddy(m_minutes);
    form->addRow(minutesLabel, m_minutes);
    auto* languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, m_language);
    auto* note = new QLabel(tr("Locking closes the registry and wipes its key from memory. A new language "
                               "applies the next time Meibo starts."),
                            this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void SettingsDialog::save()
{
    IdleLock::setConfiguredMinutes(m_minutes->value());
    QSettings().setValue(QStringLiteral("ui/language"), m_language->currentData().toString());
}

} // namespace meibo::gui
