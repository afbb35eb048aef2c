#include "KeySlotsDialog.h"

#include "Convert.h"
#include "MessageBar.h"
#include "RecoveryKeyDialog.h"
#include "Prompts.h"
#include "Session.h"
#include "Worker.h"

#include "meibo/core/Error.h"
#include "meibo/db/Vault.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <memory>

namespace meibo::gui {

namespace {
struct Outcome {
    bool added = false;
    QString text;
};

enum Column { NameColumn, KindColumn, CostColumn, NoteColumn, ColumnCount };
} // namespace

KeySlotsDialog::KeySlotsDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_table(new QTableWidget(0, ColumnCount, this)),
      m_remove(new QPushButton(tr("Re&move the selected slot…"), this)),
      m_rotate(new QPushButton(tr("Replace the reco&very key…"), this)), m_name(new QLineEdit(this)),
      m_pass(new QLineEdit(this)), m_repeat(new QLineEdit(this)), m_add(new QPushButton(tr("&Add the slot"), this)),
      m_busy(new QProgressBar(this)), m_message(new MessageBar(this))
{
    setWindowTitle(tr("Key slots"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Opens with"), tr("Key derivation"), tr("Note")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto* tableLabel = new QLabel(tr("&Slots (up to 8):"), this);
    tableLabel->setBuddy(m_table);
    auto* explain = new QLabel(tr("Each slot opens the same registry: the officer's passphrase, a deputy's own "
                                  "passphrase, and the recovery key. Removing a slot or replacing the recovery key "
                                  "takes effect at once; backups written before still open with the old ones."),
                               this);
    explain->setWordWrap(true);
    m_pass->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_name->setPlaceholderText(tr("e.g. deputy"));
    m_busy->setRange(0, 0);
    m_busy->hide();
    auto* addBox = new QGroupBox(tr("A deputy's passphrase"), this);
    auto* form = new QFormLayout(addBox);
    form->addRow(tr("Slot &name:"), m_name);
    form->addRow(tr("&Passphrase:"), m_pass);
    form->addRow(tr("R&epeat the passphrase:"), m_repeat);
    form->addRow(QString(), m_add);
    auto* row = new QHBoxLayout;
    row->addWidget(m_remove);
    row->addWidget(m_rotate);
    row->addStretch();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addWidget(tableLabel);
    layout->addWidget(m_table, 1);
    layout->addLayout(row);
    layout->addWidget(addBox);
    layout->addWidget(m_message);
    layout->addWidget(m_busy);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, [this] { addSlot(); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeSelected(); });
    connect(m_rotate, &QPushButton::clicked, this, [this] { rotateRecoveryKey(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        m_remove->setEnabled(!rows.isEmpty() && m_table->item(rows.first().row(), NameColumn)->data(Qt::UserRole).toBool());
    });
    resize(640, 520);
    reload();
}

void KeySlotsDialog::reload()
{
    m_table->setRowCount(0);
    m_remove->setEnabled(false);
    if (!m_session.isOpen())
        return;
    db::Vault& vault = m_session.vault();
    const std::string opened = vault.openedSlot();
    for (const auto& s : vault.info().keySlots) {
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        const bool recovery = s.kind == "recovery-key";
        auto* name = new QTableWidgetItem(qs(s.name));
        // Removable: a passphrase slot other than the one this session was opened with.
        name->setData(Qt::UserRole, !recovery && s.name != opened);
        m_table->setItem(r, NameColumn, name);
        m_table->setItem(r, KindColumn, new QTableWidgetItem(recovery ? tr("the recovery key") : tr("a passphrase")));
        QString cost = tr("none needed (a random key)");
        if (s.kdf == "argon2id13")
            cost = s.memLimitBytes >= (1u << 20) ? tr("Argon2id, %1 MiB × %2 passes").arg(s.memLimitBytes >> 20).arg(s.opsLimit)
                                                : tr("Argon2id, %1 KiB × %2 passes").arg(s.memLimitBytes >> 10).arg(s.opsLimit);
        m_table->setItem(r, CostColumn, new QTableWidgetItem(cost));
        QString note;
        if (s.name == opened)
            note = tr("opened this session");
        else if (recovery)
            note = tr("cannot be removed; replace it instead");
        m_table->setItem(r, NoteColumn, new QTableWidgetItem(note));
    }
    m_table->resizeColumnsToContents();
}

bool KeySlotsDialog::selectSlot(const QString& name)
{
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, NameColumn)->text() == name) {
            m_table->selectRow(r);
            return true;
        }
    return false;
}

void KeySlotsDialog::refuse(const QString& text)
{
    m_message->showError(text);
    emit attemptFinished(false);
}

bool KeySlotsDialog::addSlot()
{
    m_message->clearMessage();
    if (!m_session.isOpen())
        return false;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() || name.toUtf8().size() > 32) {
        refuse(tr("Give the slot a name of 1 to 32 bytes (up to 32 letters or about 10 Japanese characters), "
                  "e.g. the deputy's name. Nothing was changed."));
        return false;
    }
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, NameColumn)->text() == name) {
            refuse(tr("There is a key slot named “%1” already: choose another name. Nothing was changed.").arg(name));
            return false;
        }
    if (m_pass->text() != m_repeat->text()) {
        refuse(tr("The two passphrases differ: type the same one twice. Nothing was changed."));
        return false;
    }
    QByteArray utf8 = m_pass->text().toUtf8();
    auto pass = std::make_shared<db::SecureBuffer>(utf8.constData(), std::size_t(utf8.size()));
    utf8.fill('\0');
    try {
        db::checkNewPassphraseRules(*pass);
    } catch (const core::Error& e) {
        refuse(errorText(e));
        return false;
    }
    m_pass->clear();
    m_repeat->clear();
    db::Vault* vault = &m_session.vault();
    auto hold = m_session.holdOpen();
    const std::string slotName = ss(name);
    m_busy->show();
    setEnabled(false);
    runInBackground<Outcome>(
        this,
        [vault, pass, slotName, hold]() -> Outcome {
            Outcome o;
            try {
                vault->addPassphraseSlot(slotName, *pass);
                o = {true, tr("Added the key slot “%1”: the registry now opens with its passphrase too.").arg(qs(slotName))};
            } catch (const core::Error& e) {
                o.text = errorText(e);
            } catch (const std::exception&) {
                o.text = unexpectedErrorText();
            }
            pass->clear();
            return o;
        },
        [this](QFuture<Outcome> f) {
            m_busy->hide();
            setEnabled(true);
            const Outcome o = f.result();
            if (!o.added)
                return refuse(o.text);
            m_name->clear();
            reload();
            m_message->showInfo(o.text);
            emit attemptFinished(true);
        });
    return true;
}

bool KeySlotsDialog::removeSelected()
{
    m_message->clearMessage();
    const auto rows = m_table->selectionModel()->selectedRows();
    if (!m_session.isOpen() || rows.isEmpty()) {
        m_message->showError(tr("Select the slot to remove first."));
        return false;
    }
    const QString name = m_table->item(rows.first().row(), NameColumn)->text();
    if (!askYesNo(this, tr("Remove the key slot"),
                  tr("Remove the key slot “%1”? Its passphrase will no longer open the registry. Backups written "
                     "before now still open with it.")
                      .arg(name)))
        return false;
    try {
        m_session.vault().removeSlot(ss(name));
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return false;
    }
    reload();
    m_message->showInfo(tr("Removed the key slot “%1”.").arg(name));
    return true;
}

bool KeySlotsDialog::rotateRecoveryKey()
{
    m_message->clearMessage();
    if (!m_session.isOpen())
        return false;
    if (!askYesNo(this, tr("Replace the recovery key"),
                  tr("Make a new recovery key? The present one stops opening the registry at once (backups written "
                     "before now still open with it). Have a printer or paper ready: the new key is shown only "
                     "once.")))
        return false;
    QString key;
    try {
        key = qs(m_session.vault().rotateRecoveryKey());
    } catch (const core::Error& e) {
        m_message->showError(errorText(e));
        return false;
    }
    reload();
    m_message->showInfo(tr("The recovery key was replaced; the old one no longer opens the registry."));
    m_keyDialog = new RecoveryKeyDialog(key, qs(m_session.vault().path()), this);
    m_keyDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_keyDialog->open();
    return true;
}

} // namespace meibo::gui
