#pragma once

#include "meibo/forms/Document.h"

#include <QDialog>

class QPrinter;
class QTextBrowser;

namespace meibo::gui {

/// A document model as HTML for a QTextBrowser: the same paragraphs and tables as the PDF and DOCX,
/// shown in memory only (nothing written to disk).
QString documentHtml(const forms::Document& document);

/// A window showing a document preview (the change notice before it is exported), and printing it
/// (many offices print, stamp and scan): the same paragraphs and tables, paginated for the paper.
class DocumentPreview : public QDialog {
    Q_OBJECT
public:
    DocumentPreview(const forms::Document& document, QWidget* parent = nullptr);
    QString plainText() const;
    /// Prints the preview's pages on `printer`; returns how many. Throws core::Error when the
    /// printer cannot be opened (nothing printed).
    int print(QPrinter& printer) const;
    /// Asks for a printer (QPrintDialog), prints, and reports a failure through the one guard.
    void printWithDialog();

private:
    forms::Document m_document;
    QTextBrowser* m_browser;
};

} // namespace meibo::gui
