#pragma once

#include "meibo/forms/Document.h"

#include <QDialog>

class QTextBrowser;

namespace meibo::gui {

/// A document model as HTML for a QTextBrowser: the same paragraphs and tables as the PDF and DOCX,
/// shown in memory only (nothing written to disk).
QString documentHtml(const forms::Document& document);

/// A window showing a document preview (the change notice before it is exported).
class DocumentPreview : public QDialog {
    Q_OBJECT
public:
    DocumentPreview(const forms::Document& document, QWidget* parent = nullptr);
    QString plainText() const;

private:
    QTextBrowser* m_browser;
};

} // namespace meibo::gui
