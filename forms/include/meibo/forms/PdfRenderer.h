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

/// Renders a Document to PDF with Qt (A4, IPAex fonts embedded as subsets, IPAmj明朝 per glyph for
/// what IPAex lacks), then rebuilds every font's ToUnicode map from the text that was drawn (Qt
/// names each glyph by the lowest BMP code point that reaches it: Kangxi radicals for kanji, a soft
/// hyphen for −, nothing for 𠮷), and writes Title/Subject/Author as UTF-16 and /Lang ja. Throws
/// core::Error naming the text when a character is in no installed font. Needs a QGuiApplication.
RenderedPdf renderPdf(const Document& document, const PdfOptions& options);

/// The older ToUnicode repair on its own, for PDFs whose drawn text is not known (qpdf): every destination code point that Unicode's
/// EquivalentUnifiedIdeograph.txt maps to a unified ideograph is replaced by it, U+0009 by U+0020.
/// Writes a classic cross-reference table (no object streams) with a deterministic /ID.
std::string repairToUnicode(const std::string& pdf);

} // namespace meibo::forms
