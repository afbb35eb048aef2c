#pragma once

#include "meibo/core/Model.h"

#include <string>
#include <vector>

class QPainter;
class QRectF;

namespace meibo::forms {

/// 情報管理体制図: one box per person on the roster (role, label, name, department), the
/// subcontractors' people inside a box per subcontractor, lines along the reporting graph. Laid
/// out by Graphviz (dot), drawn with QPainter so the fonts match the other documents: as vectors
/// in the PDF, and as PNG and SVG on their own. Five or more people without reports under the same
/// person (and organization) share one box that lists them, so large rosters stay legible and fast.
class StructureDiagram {
public:
    explicit StructureDiagram(const std::vector<core::RosterEntry>& entries,
                     const std::string& fontFamily = "IPAexGothic");

    double widthMm() const { return m_width * 25.4 / 72.0; }
    double heightMm() const { return m_height * 25.4 / 72.0; }

    /// Draws the diagram into `target`, scaled to fit and centred.
    void paint(QPainter& painter, const QRectF& target) const;
    std::string png(int dpi = 200) const;
    std::string svg() const;

    struct Box {
        std::string label;
        std::vector<std::string> lines;
        double x = 0, y = 0, w = 0, h = 0; // points, origin top-left
        bool responsible = false;
        int columns = 1;   ///< a group box lists its members in columns, after the first line
        int members = 0;   ///< people in this box (1, or the size of a group)
    };
    struct Group {
        std::string name;
        double x = 0, y = 0, w = 0, h = 0;                             ///< the dashed frame
        double captionX = 0, captionY = 0, captionW = 0, captionH = 0; ///< "再委託先：…", inside the frame
    };
    struct Line {
        std::vector<std::pair<double, double>> points; // cubic Bézier control points (dot's splines)
    };
    const std::vector<Box>& boxes() const { return m_boxes; }
    const std::vector<Group>& groups() const { return m_groups; }
    /// The reporting lines, each starting on the box reported to and ending on the box reporting.
    const std::vector<Line>& lines() const { return m_lines; }

private:
    std::string m_font;
    std::vector<Box> m_boxes;
    std::vector<Group> m_groups;
    std::vector<Line> m_lines;
    double m_width = 0, m_height = 0; // points
};

} // namespace meibo::forms
