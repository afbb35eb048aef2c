// The inspection's findings as a PDF for the file: rendered like every other form (PdfRenderer)
// and signed like the bundle (Signing), so the officer can show that the check was done.

#include "meibo/forms/Inspect.h"
#include "meibo/forms/PdfRenderer.h"
#include "meibo/forms/Signing.h"

#include <cctype>

namespace meibo::forms {

namespace {

std::string pdfTime(const std::string& iso)
{
    std::string out;
    for (char c : iso)
        if (std::isdigit(static_cast<unsigned char>(c)))
            out += c;
    out.resize(14, '0');
    return out + "Z";
}

} // namespace

std::string inspectReportPdf(const InspectResult& result, const std::vector<std::string>& paths,
                             const std::string& generatedAtUtc, const SigningIdentity* identity)
{
    Document doc;
    doc.title = "公開前点検の結果";
    doc.subject = "契約 5.(2) 成果物の公開前点検";
    doc.created = generatedAtUtc.substr(0, 10);
    doc.headerRight = "公開前点検";
    doc.baseSizePt = 9;
    doc.landscape = true;
    doc.body.push_back(Paragraph::text("公開前点検の結果（契約 5.(2)）", Paragraph::Align::Center, true, 14));
    std::string inspected;
    for (const auto& p : paths)
        inspected += (inspected.empty() ? "" : "、") + p;
    doc.body.push_back(Paragraph::text("点検日時（UTC）：" + generatedAtUtc));
    doc.body.push_back(Paragraph::text("点検対象：" + inspected));
    doc.body.push_back(Paragraph::text("ファイル数：" + std::to_string(result.files) + "　指摘：" +
                                       std::to_string(result.findings.size()) + " 件　読めなかったファイル：" +
                                       std::to_string(result.unreadable)));
    if (result.findings.empty()) {
        doc.body.push_back(Paragraph::text("指摘はありません。"));
    } else {
        Table t;
        t.columnWidthsMm = {10, 55, 35, 30, 137}; // A4 landscape: 297 mm less 2 × 15 mm
        t.rows.push_back({Cell::text("No.", Paragraph::Align::Center, true), Cell::text("ファイル", Paragraph::Align::Center, true),
                          Cell::text("箇所", Paragraph::Align::Center, true), Cell::text("規則", Paragraph::Align::Center, true),
                          Cell::text("内容と対処", Paragraph::Align::Center, true)});
        for (auto& c : t.rows.back())
            c.shaded = true;
        int n = 0;
        for (const auto& f : result.findings) {
            Cell what;
            what.paragraphs.push_back(Paragraph::text(f.messageJa));
            what.paragraphs.push_back(Paragraph::text(f.message, Paragraph::Align::Left, false, 8));
            t.rows.push_back({Cell::text(std::to_string(++n), Paragraph::Align::Right), Cell::text(f.file), Cell::text(f.where),
                              Cell::text(f.rule + (f.warning ? "（注意）" : "")), what});
        }
        doc.body.push_back(t);
    }
    PdfOptions options;
    if (identity)
        options.signatureLines = {"電子署名：" + identity->signerName, "署名日時（UTC）：" + generatedAtUtc};
    const RenderedPdf pdf = renderPdf(doc, options);
    if (!identity)
        return pdf.bytes;
    return signPdf(pdf.bytes, *identity, pdf.signatureBox, "公開前点検の記録", pdfTime(generatedAtUtc));
}

} // namespace meibo::forms
