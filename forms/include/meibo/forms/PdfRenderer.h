#pragma once

#include "meibo/forms/Document.h"
#include "meibo/forms/Signing.h"

#include <functional>
#include <string>
#include <vector>

class QPainter;
class QRectF;

namespace meibo::forms {

/// A vector drawing the PDF renderer draws where an Image names it (Image::vectorId).
using VectorDrawing = std::function<void(QPainter& painter, const QRectF& target)>;

struct PdfOptions {
    std::vector<VectorDrawing> drawings;
    /// The visible signature block on the last page ("電子署名 …"); empty = no block.
    std::vector<std::string> signatureLines;
};

struct RenderedPdf {
    std::string bytes;
    SignaturePlacement signatureBox; ///< where signPdf should put the widget (PDF points)
    int pages = 0;
};

/// Renders a Document to PDF with Qt (A4, IPAex fonts embedded as subsets), then repairs the
/// fonts' ToUnicode maps so the extracted text is the same characters as the data (Qt maps some
/// kanji to Kangxi radicals, U+2F00–U+2FDF, and tabs for spaces). Needs a QGuiApplication.
RenderedPdf renderPdf(const Document& document, const PdfOptions& options);

/// The ToUnicode repair on its own (qpdf): every destination code point that Unicode's
/// EquivalentUnifiedIdeograph.txt maps to a unified ideograph is replaced by it, U+0009 by U+0020.
/// Writes a classic cross-reference table (no object streams) with a deterministic /ID.
std::string repairToUnicode(const std::string& pdf);

} // namespace meibo::forms
