#include "DocumentPreview.h"

#include "Convert.h"
#include "Prompts.h"

#include "meibo/core/Error.h"

#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QAbstractTextDocumentLayout>
#include <QTextDocument>


#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace meibo::gui {

namespace {
QString align(forms::Paragraph::Align a)
{
    switch (a) {
    case forms::Paragraph::Align::Center:
        return QStringLiteral("center");
    case forms::Paragraph::Align::Right:
        return QStringLiteral("right");
    case forms::Paragraph::Align::Justify:
        return QStringLiteral("justify");
    default:
        return QStringLiteral("left");
    }
}

QString paragraphHtml(const forms::Paragraph& p)
{
    QString runs;
    for (const auto& r : p.runs) {
        QString t = qs(r.text).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        if (r.bold)
            t = QStringLiteral("<b>") + t + QStringLiteral("</b>");
        if (r.sizePt > 0)
            t = QStringLiteral("<span style='font-size:%1pt'>%2</span>").arg(r.sizePt).arg(t);
        runs += t;
    }
    return QStringLiteral("<p align='%1' style='margin-top:%2px; margin-bottom:%3px; margin-left:%4px'>%5</p>")
        .arg(align(p.align))
        .arg(int(p.spaceBeforePt))
        .arg(int(p.spaceAfterPt))
        .arg(int(p.indentMm * 3.78))
        .arg(runs.isEmpty() ? QStringLiteral("&nbsp;") : runs);
}
} // namespace

QString documentHtml(const forms::Document& document)
{
    QString html = QStringLiteral("<html><body style='font-family:\"%1\"'>").arg(qs(document.fontFamily));
    if (!document.headerRight.empty())
        html += QStringLiteral("<p align='right'>%1</p>").arg(qs(document.headerRight).toHtmlEscaped());
    for (const auto& block : document.body) {
        if (const auto* p = std::get_if<forms::Paragraph>(&block)) {
            html += paragraphHtml(*p);
        } else if (const auto* t = std::get_if<forms::Table>(&block)) {
            html += QStringLiteral("<table border='1' cellspacing='0' cellpadding='4' width='100%' "
                                   "style='border-collapse:collapse'>");
            for (const auto& row : t->rows) {
                html += QStringLiteral("<tr>");
                for (const auto& cell : row) {
                    if (cell.covered)
                        continue;
                    QString content;
                    for (const auto& p : cell.paragraphs)
                        content += paragraphHtml(p);
                    html += QStringLiteral("<td colspan='%1' rowspan='%2'%3>%4</td>")
                                .arg(cell.colSpan)
                                .arg(cell.rowSpan)
                                .arg(cell.shaded ? QStringLiteral(" bgcolor='#e8e8e8'") : QString())
                                .arg(content);
                }
                html += QStringLiteral("</tr>");
            }
            html += QStringLiteral("</table>");
        } else if (const auto* i = std::get_if<forms::Image>(&block)) {
            html += QStringLiteral("<p align='center'><i>[%1]</i></p>").arg(qs(i->altText).toHtmlEscaped());
        }
    }
    if (!document.footerLeft.empty())
        html += QStringLiteral("<hr><p style='font-size:8pt'>%1</p>").arg(qs(document.footerLeft).toHtmlEscaped());
    html += QStringLiteral("</body></html>");
    return html;
}

DocumentPreview::DocumentPreview(const forms::Document& document, QWidget* parent)
    : QDialog(parent), m_document(document), m_browser(new QTextBrowser(this))
{
    setWindowTitle(tr("Preview: %1").arg(qs(document.title)));
    m_browser->setHtml(documentHtml(document));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* print = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    print->setShortcut(QKeySequence::Print);
    connect(print, &QPushButton::clicked, this, &DocumentPreview::printWithDialog);
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("A preview in memory: export the change set to get the signed PDF and DOCX."), this);
    layout->addWidget(note);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(900, 700);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString DocumentPreview::plainText() const { return m_browser->toPlainText(); }

int DocumentPreview::print(QPrinter& printer) const
{
    // The pages the preview shows, laid out for the printer's paper. (Qt PDF could print the
    // exported PDF's own pages, but it links Qt Network, and Meibo links no network library.)
    QTextDocument doc;
    doc.setHtml(documentHtml(m_document));
    doc.setDefaultFont(m_browser->document()->defaultFont());
    QPainter probe;
    if (!probe.begin(&printer))
        throw core::Error(core::ErrorCode::Io, "the printer could not be opened: check it and try again", {},
                          "プリンターを開けませんでした。プリンターを確認して、もう一度印刷してください。");
    probe.end();
    // Laid out on the printer itself, a page its printable area (else the text comes out tiny).
    doc.documentLayout()->setPaintDevice(&printer);
    doc.setPageSize(printer.pageLayout().paintRectPixels(printer.resolution()).size());
    doc.print(&printer);
    return doc.pageCount();
}

void DocumentPreview::printWithDialog()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(m_document.landscape ? QPageLayout::Landscape : QPageLayout::Portrait);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print %1").arg(qs(m_document.title)));
    if (dialog.exec() != QDialog::Accepted)
        return;
    guarded([&] { print(printer); });
}

} // namespace meibo::gui
