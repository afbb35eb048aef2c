#include "meibo/forms/Diagram.h"

#include "meibo/core/Error.h"

#include "Glyphs.h"

#include "meibo/core/Vocabulary.h"

#include <graphviz/gvc.h>

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>

#include <cmath>
#include <map>
#include <set>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace meibo::forms {

namespace {

QString q(const std::string& s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

constexpr double kFontPt = 9;
constexpr double kPadPt = 6;
constexpr double kCaptionPadPt = 3;
constexpr int kPngQuality = 50; // Qt's PNG writer turns 0–100 into zlib levels 9–0

// Graphviz keeps global state; one layout at a time.
std::mutex& graphvizMutex()
{
    static std::mutex m;
    return m;
}

void set(void* obj, const char* name, const std::string& value)
{
    agsafeset(obj, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

} // namespace

StructureDiagram::StructureDiagram(const std::vector<core::RosterEntry>& entries,
                                   const std::string& fontFamily)
    : m_font(fontFamily)
{
    QFont font(q(fontFamily));
    font.setFamilies(glyphs::families(q(fontFamily))); // per glyph: IPAex, then IPAmj
    font.setPointSizeF(kFontPt);
    // Measured on a 72-dpi device, so that one pixel is one point.
    QImage pointDevice(1, 1, QImage::Format_RGB32);
    pointDevice.setDotsPerMeterX(static_cast<int>(72 / 0.0254));
    pointDevice.setDotsPerMeterY(static_cast<int>(72 / 0.0254));
    const QFontMetricsF metrics(font, &pointDevice);
    // Leaves (nobody reports to them) under the same person and organization: grouped from five.
    std::map<std::string, int> reports;
    for (const auto& e : entries)
        ++reports[e.reportsTo];
    std::map<std::pair<std::string, std::string>, std::vector<const core::RosterEntry*>> leaves;
    for (const auto& e : entries)
        if (!reports.count(e.label) && !e.reportsTo.empty() && e.role != core::Role::Responsible)
            leaves[{e.reportsTo, e.person.organization}].push_back(&e);
    std::vector<core::RosterEntry> shown;
    std::map<std::string, std::vector<const core::RosterEntry*>> groupMembers;
    std::set<std::string> grouped;
    for (const auto& [key, members] : leaves)
        if (members.size() >= 5) {
            core::RosterEntry g;
            g.label = "group-" + std::to_string(groupMembers.size() + 1);
            g.reportsTo = key.first;
            g.person.organization = key.second;
            g.role = members.front()->role;
            groupMembers[g.label] = members;
            for (const auto* m : members)
                grouped.insert(m->label);
            shown.push_back(g);
        }
    for (const auto& e : entries)
        if (!grouped.count(e.label))
            shown.push_back(e);

    for (const auto& e : shown) {
        Box b;
        b.label = e.label;
        b.responsible = e.role == core::Role::Responsible;
        b.members = 1;
        if (auto g = groupMembers.find(e.label); g != groupMembers.end()) {
            b.members = static_cast<int>(g->second.size());
            b.columns = std::min(4, (b.members + 9) / 10);
            b.lines.push_back(std::string(core::roleName(e.role)) + " " + std::to_string(b.members) + "名");
            double col = 0;
            for (const auto* m : g->second) {
                b.lines.push_back(m->label + " " + m->person.name);
                col = std::max(col, metrics.horizontalAdvance(q(b.lines.back())));
            }
            const int rows = (b.members + b.columns - 1) / b.columns;
            b.w = std::max(metrics.horizontalAdvance(q(b.lines.front())), b.columns * (col + kPadPt)) + 2 * kPadPt;
            b.h = static_cast<double>(rows + 1) * metrics.height() + 2 * kPadPt;
            m_boxes.push_back(b);
            continue;
        }
        b.lines.push_back(std::string(core::roleName(e.role)) + "（" + e.label + "）");
        b.lines.push_back(e.person.name);
        std::string dept = e.person.department;
        if (!e.person.title.empty())
            dept += (dept.empty() ? "" : " ") + e.person.title;
        if (!dept.empty())
            b.lines.push_back(dept);
        double w = 0;
        for (const auto& l : b.lines)
            w = std::max(w, metrics.horizontalAdvance(q(l)));
        b.w = w + 2 * kPadPt;
        b.h = static_cast<double>(b.lines.size()) * metrics.height() + 2 * kPadPt;
        m_boxes.push_back(b);
    }
    // A character no font has would be a box in the PNG, the SVG and the signed PDF: refused here.
    for (const Box& b : m_boxes)
        for (const auto& l : b.lines)
            glyphs::require(q(fontFamily), q(l));
    for (const auto& e : entries)
        glyphs::require(q(fontFamily), q(e.person.organization));

    // Whole points: Graphviz rounds a node's size to points, and a line must end on the box drawn.
    for (Box& b : m_boxes) {
        b.w = std::ceil(b.w);
        b.h = std::ceil(b.h);
    }
    std::map<std::string, QString> captions; // organization -> its frame's caption
    for (const auto& e : shown)
        if (!e.person.organization.empty())
            captions.emplace(e.person.organization, QStringLiteral("再委託先：") + q(e.person.organization));

    std::lock_guard lock(graphvizMutex());
    GVC_t* gvc = gvContext();
    Agraph_t* g = agopen(const_cast<char*>("structure"), Agdirected, nullptr);
    set(g, "rankdir", "TB");
    set(g, "nodesep", "0.35");
    set(g, "ranksep", "0.45");
    set(g, "splines", "polyline"); // ortho routing grows too slow past a few hundred boxes
    // Lines without arrowheads: dot shortens a line by its arrowhead, which would leave a gap of
    // 3–4 mm above the box, as the arrowhead itself is not drawn.
    agattr(g, AGEDGE, const_cast<char*>("dir"), const_cast<char*>("none"));
    agattr(g, AGEDGE, const_cast<char*>("style"), const_cast<char*>(""));
    struct Cluster {
        Agraph_t* graph = nullptr;
        Agnode_t* caption = nullptr;
        double captionW = 0, captionH = 0;
    };
    std::map<std::string, Cluster> clusters;
    std::map<std::string, Agnode_t*> nodes;
    auto box = [](Agnode_t* n, double w, double h) {
        set(n, "shape", "box");
        set(n, "fixedsize", "true");
        set(n, "label", "");
        set(n, "width", std::to_string(w / 72.0));
        set(n, "height", std::to_string(h / 72.0));
    };
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const auto& org = shown[i].person.organization;
        Agraph_t* parent = g;
        if (!org.empty()) {
            auto& c = clusters[org];
            if (!c.graph) {
                const std::string name = "cluster_" + std::to_string(clusters.size());
                c.graph = agsubg(g, const_cast<char*>(name.c_str()), 1);
                set(c.graph, "margin", "8");
                // The caption is a node of its own at the top of the frame: dot keeps boxes off it and
                // routes lines around it, so nothing crosses or covers it.
                const std::string id = "caption" + std::to_string(clusters.size());
                c.caption = agnode(c.graph, const_cast<char*>(id.c_str()), 1);
                c.captionW = std::ceil(metrics.horizontalAdvance(captions[org]) + 2 * kCaptionPadPt);
                c.captionH = std::ceil(metrics.height() + kCaptionPadPt);
                box(c.caption, c.captionW, c.captionH);
                set(c.caption, "style", "invis");
            }
            parent = c.graph;
        }
        const std::string id = "n" + std::to_string(i);
        Agnode_t* n = agnode(parent, const_cast<char*>(id.c_str()), 1);
        box(n, m_boxes[i].w, m_boxes[i].h);
        nodes[shown[i].label] = n;
    }
    std::vector<Agedge_t*> drawn; // the reporting lines (not the invisible ones that place captions)
    for (std::size_t i = 0; i < shown.size(); ++i) {
        auto up = nodes.find(shown[i].reportsTo);
        if (up == nodes.end() || shown[i].reportsTo == shown[i].label)
            continue;
        drawn.push_back(agedge(g, up->second, nodes[shown[i].label], nullptr, 1));
        // Into a frame from outside it: the caption goes above the box, below the one it reports to.
        const auto& org = shown[i].person.organization;
        if (org.empty() || agcontains(clusters[org].graph, up->second))
            continue;
        for (Agedge_t* e : {agedge(g, up->second, clusters[org].caption, nullptr, 1),
                            agedge(g, clusters[org].caption, nodes[shown[i].label], nullptr, 1)})
            set(e, "style", "invis");
    }
    if (gvLayout(gvc, g, "dot") != 0) {
        agclose(g);
        gvFreeContext(gvc);
        throw core::Error(core::ErrorCode::Internal, "the structure diagram could not be laid out (Graphviz refused it); nothing was written");
    }
    const boxf bb = GD_bb(g);
    const double margin = 12;
    m_width = bb.UR.x - bb.LL.x + 2 * margin;
    m_height = bb.UR.y - bb.LL.y + 2 * margin;
    auto tx = [&](double x) { return x - bb.LL.x + margin; };
    auto ty = [&](double y) { return bb.UR.y - y + margin; }; // dot's y grows upward
    for (std::size_t i = 0; i < shown.size(); ++i) {
        Agnode_t* n = nodes[shown[i].label];
        const pointf c = ND_coord(n);
        m_boxes[i].x = tx(c.x) - m_boxes[i].w / 2;
        m_boxes[i].y = ty(c.y) - m_boxes[i].h / 2;
    }
    for (auto& [name, c] : clusters) {
        const boxf cb = GD_bb(c.graph);
        const pointf at = ND_coord(c.caption);
        m_groups.push_back({name, tx(cb.LL.x), ty(cb.UR.y), cb.UR.x - cb.LL.x, cb.UR.y - cb.LL.y,
                            tx(at.x) - c.captionW / 2, ty(at.y) - c.captionH / 2, c.captionW, c.captionH});
    }
    for (Agedge_t* e : drawn) {
        const splines* spl = ED_spl(e);
        if (!spl)
            continue;
        Line line;
        for (int b = 0; b < spl->size; ++b)
            for (int k = 0; k < static_cast<int>(spl->list[b].size); ++k)
                line.points.emplace_back(tx(spl->list[b].list[k].x), ty(spl->list[b].list[k].y));
        m_lines.push_back(std::move(line));
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    gvFreeContext(gvc);
}

void StructureDiagram::paint(QPainter& p, const QRectF& target) const
{
    if (m_width <= 0 || m_height <= 0)
        return;
    p.save();
    const double scale = std::min(target.width() / m_width, target.height() / m_height);
    p.translate(target.left() + (target.width() - m_width * scale) / 2,
                target.top() + (target.height() - m_height * scale) / 2);
    p.scale(scale, scale); // from here on: points
    p.setRenderHint(QPainter::Antialiasing);
    QFont font(q(m_font));
    font.setFamilies(glyphs::families(q(m_font)));
    font.setPointSizeF(kFontPt);
    // Point sizes follow the device's resolution; the painter's scale already maps points.
    const double pointToDevice = p.device()->logicalDpiY() / 72.0;
    font.setPointSizeF(kFontPt / pointToDevice);
    p.setFont(font);
    QPen thin(Qt::black, 0.8);
    for (const Group& g : m_groups) {
        p.setPen(QPen(Qt::black, 0.8, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(g.x, g.y, g.w, g.h));
        p.setPen(thin);
        p.drawText(QRectF(g.captionX, g.captionY, g.captionW, g.captionH), Qt::AlignCenter,
                   QStringLiteral("再委託先：") + q(g.name));
    }
    p.setPen(thin);
    for (const Line& l : m_lines) {
        if (l.points.size() < 4)
            continue;
        QPainterPath path(QPointF(l.points[0].first, l.points[0].second));
        for (std::size_t i = 1; i + 2 < l.points.size(); i += 3)
            path.cubicTo(QPointF(l.points[i].first, l.points[i].second),
                         QPointF(l.points[i + 1].first, l.points[i + 1].second),
                         QPointF(l.points[i + 2].first, l.points[i + 2].second));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
    for (const Box& b : m_boxes) {
        p.setPen(QPen(Qt::black, b.responsible ? 1.6 : 0.8));
        p.setBrush(b.responsible ? QColor(0xEE, 0xEE, 0xEE) : QColor(Qt::white));
        p.drawRect(QRectF(b.x, b.y, b.w, b.h));
        p.setPen(thin);
        if (b.members > 1) {
            const int rows = (b.members + b.columns - 1) / b.columns;
            const double lineHeight = (b.h - 2 * kPadPt) / static_cast<double>(rows + 1);
            p.drawText(QRectF(b.x + kPadPt / 2, b.y + kPadPt, b.w - kPadPt, lineHeight), Qt::AlignHCenter | Qt::AlignVCenter,
                       q(b.lines.front()));
            const double colWidth = (b.w - 2 * kPadPt) / b.columns;
            for (int i = 0; i < b.members; ++i) {
                const int col = i / rows, row = i % rows;
                p.drawText(QRectF(b.x + kPadPt + col * colWidth, b.y + kPadPt + (row + 1) * lineHeight, colWidth, lineHeight),
                           Qt::AlignLeft | Qt::AlignVCenter, q(b.lines[static_cast<std::size_t>(i) + 1]));
            }
            continue;
        }
        double y = b.y + kPadPt;
        const double lineHeight = (b.h - 2 * kPadPt) / static_cast<double>(b.lines.size());
        for (const auto& line : b.lines) {
            p.drawText(QRectF(b.x + kPadPt / 2, y, b.w - kPadPt, lineHeight), Qt::AlignHCenter | Qt::AlignVCenter, q(line));
            y += lineHeight;
        }
    }
    p.restore();
}

std::string StructureDiagram::png(int dpi) const
{
    const double scale = dpi / 72.0;
    QImage image(static_cast<int>(m_width * scale) + 1, static_cast<int>(m_height * scale) + 1, QImage::Format_RGB32);
    image.setDotsPerMeterX(static_cast<int>(dpi / 0.0254));
    image.setDotsPerMeterY(static_cast<int>(dpi / 0.0254));
    image.fill(Qt::white);
    {
        QPainter p(&image);
        paint(p, QRectF(0, 0, image.width(), image.height()));
    }
    // Black, white and greys only: one grey channel is a third of the pixels to compress, and a
    // lighter zlib level than Qt's default: 33 ms instead of 70 ms for 50 people, 85 KB instead of 67 KB.
    image = image.convertToFormat(QImage::Format_Grayscale8);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG", kPngQuality);
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

std::string StructureDiagram::svg() const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(QSize(static_cast<int>(m_width) + 1, static_cast<int>(m_height) + 1));
    generator.setViewBox(QRectF(0, 0, m_width, m_height));
    generator.setResolution(72);
    generator.setTitle(QStringLiteral("情報管理体制図"));
    {
        QPainter p(&generator);
        paint(p, QRectF(0, 0, m_width, m_height));
    }
    // Qt writes the first family only; the viewer gets the fallback too (CSS font-family list),
    // or it would draw 𠮷 with whatever font it finds; then the faces of the same widths Windows
    // has (Word 2016+ draws this SVG in the DOCX).
    const QByteArray family = "font-family=\"" + q(m_font).toUtf8() + "\"";
    const QByteArray windows = m_font.find("Mincho") != std::string::npos ? "'MS Mincho', serif" : "'MS Gothic', sans-serif";
    bytes.replace(family, "font-family=\"" + q(m_font).toUtf8() + ", " + glyphs::fallbackFamily().toUtf8() + ", " + windows + "\"");
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

} // namespace meibo::forms
