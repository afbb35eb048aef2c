// The diagram's geometry read from its layout and from what each output draws: lines meet the
// boxes (no gap an arrowhead would have filled), a frame's caption is crossed by no line and
// covered by no box — in the PNG, the SVG and the PDF alike.
#include "FormsTestSupport.h"

#include "meibo/forms/Diagram.h"
#include "meibo/forms/PdfRenderer.h"

#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>

using namespace meibo;
using namespace meibo::test;

namespace {

constexpr double kPtPerMm = 72.0 / 25.4;

/// The sample roster with a second subcontractor (two people, one reporting to the other) and a
/// second person at the first one.
forms::RosterDocumentInput twoSubcontractors()
{
    auto input = sampleRosterInput();
    auto add = [&](const std::string& label, const std::string& name, const std::string& org, const std::string& up) {
        core::RosterEntry e = input.entries.back(); // F, a subcontractor's person
        e.label = label;
        e.person.name = name;
        e.person.organization = org;
        e.reportsTo = up;
        input.entries.push_back(e);
    };
    add("G", "分析 四郎", "株式会社サンプル分析センター", "F");
    add("H", "調査 五郎", "有限会社テスト調査", "B");
    add("I", "調査 六子", "有限会社テスト調査", "H");
    input.subcontractors.push_back({"有限会社テスト調査", std::nullopt, std::nullopt});
    return input;
}

/// Points along a line's cubic Bézier pieces, every few hundredths of a piece.
std::vector<QPointF> along(const forms::StructureDiagram::Line& line)
{
    std::vector<QPointF> out;
    const auto& p = line.points;
    for (std::size_t i = 0; i + 3 < p.size(); i += 3)
        for (int k = 0; k <= 50; ++k) {
            const double t = k / 50.0, u = 1 - t;
            out.emplace_back(u * u * u * p[i].first + 3 * u * u * t * p[i + 1].first + 3 * u * t * t * p[i + 2].first +
                                 t * t * t * p[i + 3].first,
                             u * u * u * p[i].second + 3 * u * u * t * p[i + 1].second + 3 * u * t * t * p[i + 2].second +
                                 t * t * t * p[i + 3].second);
        }
    return out;
}

QRectF rectOf(const forms::StructureDiagram::Box& b) { return {b.x, b.y, b.w, b.h}; }

/// The point of the box's border nearest to `p`, and how far it is.
std::pair<QPointF, double> nearestOnBorder(const QRectF& r, QPointF p)
{
    const QPointF candidates[] = {{std::clamp(p.x(), r.left(), r.right()), r.top()},
                                  {std::clamp(p.x(), r.left(), r.right()), r.bottom()},
                                  {r.left(), std::clamp(p.y(), r.top(), r.bottom())},
                                  {r.right(), std::clamp(p.y(), r.top(), r.bottom())}};
    std::pair<QPointF, double> best{{}, 1e9};
    for (const QPointF& c : candidates) {
        const double d = std::hypot(c.x() - p.x(), c.y() - p.y());
        if (d < best.second)
            best = {c, d};
    }
    return best;
}

/// The box whose border is nearest to `p`.
std::pair<QPointF, double> nearestBox(const forms::StructureDiagram& diagram, QPointF p)
{
    std::pair<QPointF, double> best{{}, 1e9};
    for (const auto& b : diagram.boxes()) {
        const auto n = nearestOnBorder(rectOf(b), p);
        if (n.second < best.second)
            best = n;
    }
    return best;
}

void checkLayout(const forms::StructureDiagram& diagram, std::size_t groups)
{
    REQUIRE(diagram.groups().size() == groups);
    REQUIRE(!diagram.lines().empty());
    for (const auto& line : diagram.lines()) {
        const auto points = along(line);
        REQUIRE(points.size() >= 2);
        for (const QPointF& end : {points.front(), points.back()}) {
            INFO("line end at " << end.x() << ", " << end.y() << " pt");
            CHECK(nearestBox(diagram, end).second < 0.5 * kPtPerMm);
        }
    }
    for (const auto& g : diagram.groups()) {
        INFO("caption of " << g.name);
        const QRectF caption(g.captionX, g.captionY, g.captionW, g.captionH);
        CHECK(QRectF(g.x, g.y, g.w, g.h).contains(caption));
        for (const auto& b : diagram.boxes())
            CHECK_FALSE(caption.intersects(rectOf(b)));
        const QRectF clear = caption.adjusted(-0.5, -0.5, 0.5, 0.5); // half the pen's width around it
        for (const auto& line : diagram.lines())
            for (const QPointF& p : along(line))
                CHECK_FALSE(clear.contains(p));
    }
}

/// In a picture of the diagram (`toPixel` maps its points), every line is drawn up to the box it
/// ends on: the pixels from the box's border along the line's last 2 mm are dark.
void checkLinesMeetBoxes(const QImage& picture, const forms::StructureDiagram& diagram,
                         const std::function<QPointF(QPointF)>& toPixel)
{
    const QImage grey = picture.convertToFormat(QImage::Format_Grayscale8);
    auto dark = [&](QPointF at) {
        const QPointF px = toPixel(at);
        int darkest = 255;
        for (int dx = -1; dx <= 1; ++dx)
            for (int dy = -1; dy <= 1; ++dy) {
                const int x = static_cast<int>(std::lround(px.x())) + dx, y = static_cast<int>(std::lround(px.y())) + dy;
                if (grey.valid(x, y))
                    darkest = std::min(darkest, qGray(grey.pixel(x, y)));
            }
        return darkest < 128;
    };
    for (const auto& line : diagram.lines()) {
        const auto points = along(line);
        for (bool head : {false, true}) {
            const QPointF end = head ? points.back() : points.front();
            const QPointF border = nearestBox(diagram, end).first;
            std::vector<QPointF> probe;
            for (int k = 0; k <= 10; ++k) // from the box's border to the line's end
                probe.push_back(border + (end - border) * (k / 10.0));
            double run = 0;
            for (std::size_t i = 1; i < points.size() && run < 2 * kPtPerMm; ++i) { // then along the line
                const QPointF a = head ? points[points.size() - i] : points[i - 1];
                const QPointF b = head ? points[points.size() - i - 1] : points[i];
                run += std::hypot(b.x() - a.x(), b.y() - a.y());
                probe.push_back(b);
            }
            int light = 0;
            for (const QPointF& p : probe)
                light += dark(p) ? 0 : 1;
            INFO("line end at " << end.x() << ", " << end.y() << " pt; box border at " << border.x() << ", " << border.y());
            CHECK(light == 0);
        }
    }
}

QImage fromPng(const std::string& png)
{
    QImage image;
    image.loadFromData(reinterpret_cast<const uchar*>(png.data()), static_cast<int>(png.size()), "PNG");
    return image;
}

} // namespace

TEST_CASE("the diagram's lines end on the boxes' edges and its frames' captions stay clear", "[diagram]")
{
    const auto one = sampleRosterInput();
    checkLayout(forms::StructureDiagram(one.entries), 1);
    const auto two = twoSubcontractors();
    checkLayout(forms::StructureDiagram(two.entries), 2);
}

TEST_CASE("the diagram's PNG and SVG draw every line up to its box", "[diagram]")
{
    int round = 0;
    for (const auto& input : {sampleRosterInput(), twoSubcontractors()}) {
        const forms::StructureDiagram diagram(input.entries);
        const int dpi = 300;
        const std::string bytes = diagram.png(dpi);
        if (const char* keep = std::getenv("MEIBO_TEST_KEEP_PNG")) // to look at them
            writeBytes(std::string(keep) + "-" + std::to_string(++round) + ".png",
                       std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
        const QImage png = fromPng(bytes);
        REQUIRE(!png.isNull());
        const double scale = std::min(png.width() / (diagram.widthMm() * kPtPerMm), png.height() / (diagram.heightMm() * kPtPerMm));
        checkLinesMeetBoxes(png, diagram, [&](QPointF p) { return p * scale; });

        const std::string svg = diagram.svg();
        QSvgRenderer renderer(QByteArray(svg.data(), static_cast<qsizetype>(svg.size())));
        REQUIRE(renderer.isValid());
        QImage drawn(png.size(), QImage::Format_RGB32);
        drawn.fill(Qt::white);
        {
            QPainter p(&drawn);
            renderer.render(&p, QRectF(0, 0, diagram.widthMm() * kPtPerMm * scale, diagram.heightMm() * kPtPerMm * scale));
        }
        checkLinesMeetBoxes(drawn, diagram, [&](QPointF p) { return p * scale; });
    }
}

TEST_CASE("the diagram in the PDF draws every line up to its box (read back with pdftoppm)", "[diagram][client]")
{
    if (runProcess({"/usr/bin/which", "pdftoppm"}).exitCode != 0) {
        WARN("pdftoppm is not installed: skipped");
        return;
    }
    const auto input = twoSubcontractors();
    const forms::StructureDiagram diagram(input.entries);
    forms::Document doc; // A4 portrait: the drawing at the body's top (18 mm), centred in its 180 mm
    forms::Image image;
    image.widthMm = std::min(180.0, diagram.widthMm());
    image.heightMm = image.widthMm * diagram.heightMm() / diagram.widthMm();
    image.vectorId = 0;
    doc.body.push_back(image);
    forms::PdfOptions options;
    options.drawings.push_back([&diagram](QPainter& p, const QRectF& r) { diagram.paint(p, r); });
    const auto pdf = forms::renderPdf(doc, options);
    TempDir dir;
    writeBytes(dir.file("d.pdf"), std::vector<std::uint8_t>(pdf.bytes.begin(), pdf.bytes.end()));
    const int dpi = 300;
    REQUIRE(runProcess({"/usr/bin/pdftoppm", "-r", std::to_string(dpi), "-png", "-singlefile", dir.file("d.pdf"),
                        dir.file("page")})
                .exitCode == 0);
    QImage page(QString::fromStdString(dir.file("page.png")));
    REQUIRE(!page.isNull());
    const double left = 15 + (180 - image.widthMm) / 2, top = 18, mmPerPt = image.widthMm / (diagram.widthMm() * kPtPerMm);
    checkLinesMeetBoxes(page, diagram, [&](QPointF p) {
        return QPointF((left + p.x() * mmPerPt) * dpi / 25.4, (top + p.y() * mmPerPt) * dpi / 25.4);
    });
}
