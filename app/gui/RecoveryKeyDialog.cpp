#include "RecoveryKeyDialog.h"

#include "MessageBar.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QDate>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextDocument>
#include <QVBoxLayout>

namespace meibo::gui {

namespace {
std::function<bool(QPrinter&)>& printHook()
{
    static std::function<bool(QPrinter&)> hook;
    return hook;
}

/// The key's groups (letters and digits between separators), upper-case.
QStringList groupsOf(const QString& key)
{
    return key.toUpper().split(QRegularExpression(QStringLiteral("[^A-Z0-9]+")), Qt::SkipEmptyParts);
}
} // namespace

void RecoveryKeyDialog::setPrintHook(std::function<bool(QPrinter&)> hook) { printHook() = std::move(hook); }

RecoveryKeyDialog::RecoveryKeyDialog(const QString& key, const QString& registryPath, QWidget* parent)
    : QDialog(parent), m_key(key), m_path(registryPath), m_keyLabel(new QLabel(this)), m_confirm(new QLineEdit(this)),
      m_copy(new QPushButton(tr("&Copy"), this)), m_print(new QPushButton(tr("&Print…"), this)),
      m_close(new QPushButton(tr("&Done"), this)), m_message(new MessageBar(this))
{
    setWindowTitle(tr("Recovery key"));
    auto* intro = new QLabel(tr("The registry was created. This is its recovery key, shown only now. Print it (or "
                                "write it down) and keep the paper apart from the computer, locked away: it opens "
                                "the registry if the passphrase is forgotten, and anyone who has it can open it."),
                             this);
    intro->setWordWrap(true);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.4);
    m_keyLabel->setFont(mono);
    m_keyLabel->setText(groupsOf(m_key).join(QLatin1Char(' ')));
    m_keyLabel->setWordWrap(true);
    m_keyLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keyLabel->setAlignment(Qt::AlignCenter);
    m_keyLabel->setStyleSheet(QStringLiteral("QLabel { border: 1px solid #888; padding: 10px; background: #fff; }"));

    auto* confirmLabel = new QLabel(tr("To close, type the &last group of the key (the last four characters):"), this);
    confirmLabel->setWordWrap(true);
    confirmLabel->setBuddy(m_confirm);
    m_confirm->setMaxLength(8);
    m_close->setEnabled(false);
    m_close->setDefault(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_print);
    buttons->addStretch();
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_keyLabel);
    layout->addWidget(confirmLabel);
    layout->addWidget(m_confirm);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_copy, &QPushButton::clicked, this, [this] { copy(); });
    connect(m_print, &QPushButton::clicked, this, [this] { print(); });
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_confirm, &QLineEdit::textChanged, this, [this] { m_close->setEnabled(confirmed()); });
}

bool RecoveryKeyDialog::confirmed() const
{
    const QStringList groups = groupsOf(m_key);
    return !groups.isEmpty() && m_confirm->text().trimmed().toUpper() == groups.back();
}

void RecoveryKeyDialog::copy()
{
    QApplication::clipboard()->setText(groupsOf(m_key).join(QLatin1Char('-')));
    m_message->showInfo(tr("Copied. Paste it only where it stays offline (not into mail or a chat), then clear "
                           "the clipboard by copying something else."));
}

void RecoveryKeyDialog::render(QPagedPaintDevice& device) const
{
    QTextDocument doc;
    const QString html =
        QStringLiteral("<h2>%1</h2><p>%2</p><p>%3</p><p style='font-family: monospace; font-size: 20pt'>%4</p><p>%5</p>")
            .arg(tr("Meibo recovery key").toHtmlEscaped(), tr("Registry: %1").arg(m_path).toHtmlEscaped(),
                 tr("Printed on %1").arg(QDate::currentDate().toString(Qt::ISODate)).toHtmlEscaped(),
                 groupsOf(m_key).join(QLatin1Char(' ')).toHtmlEscaped(),
                 tr("Keep this paper locked away, apart from the computer. It opens the registry if the passphrase "
                    "is forgotten; anyone who has it can open the registry.")
                     .toHtmlEscaped());
    doc.setHtml(html);
    doc.documentLayout()->setPaintDevice(&device);
    const QRectF page = device.pageLayout().paintRectPixels(device.logicalDpiX());
    doc.setPageSize(page.size());
    QPainter painter(&device);
    doc.drawContents(&painter);
}

bool RecoveryKeyDialog::print()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::NativeFormat);
    printer.setDocName(tr("Meibo recovery key"));
    bool chosen = false;
    if (printHook()) {
        chosen = printHook()(printer);
    } else {
        QPrintDialog dialog(&printer, this);
        dialog.setOption(QAbstractPrintDialog::PrintToFile, false);
        chosen = dialog.exec() == QDialog::Accepted;
    }
    if (!chosen)
        return false;
    // The key belongs on paper: a printer set to write a file (PDF, PostScript) is refused.
    if (printer.outputFormat() != QPrinter::NativeFormat || !printer.outputFileName().isEmpty()) {
        m_message->showError(tr("Printing to a file is refused: the recovery key belongs on paper only. Choose a "
                                "printer."));
        return false;
    }
    render(printer);
    m_message->showInfo(tr("Sent to the printer %1.").arg(printer.printerName()));
    return true;
}

void RecoveryKeyDialog::accept()
{
    if (!confirmed()) {
        m_message->showError(tr("Type the last group of the key first: it shows that the key was kept."));
        return;
    }
    QDialog::accept();
}

void RecoveryKeyDialog::reject()
{
    // Escape and the window's close button lead to the same question as Done.
    accept();
}

} // namespace meibo::gui
