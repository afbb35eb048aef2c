#include "NewRecoveryKeyDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace meibo::gui {

NewRecoveryKeyDialog::NewRecoveryKeyDialog(const QString& key, QWidget* parent)
    : QDialog(parent), m_key(new QLabel(key, this))
{
    setWindowTitle(tr("New recovery key"));
    auto* text = new QLabel(tr("This is the registry's new recovery key, shown only now. Print it or write it down "
                               "and keep it apart from the computer: it opens the registry if the passphrase is "
                               "forgotten. The old recovery key no longer opens the registry (backups written "
                               "before now still open with it)."),
                            this);
    text->setWordWrap(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (mono.pointSizeF() > 0)
        mono.setPointSizeF(mono.pointSizeF() * 1.3);
    m_key->setFont(mono);
    m_key->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_key->setAlignment(Qt::AlignCenter);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* copy = buttons->addButton(tr("&Copy the key"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_key->text()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_key);
    layout->addWidget(buttons);
}

QString NewRecoveryKeyDialog::key() const { return m_key->text(); }

} // namespace meibo::gui
