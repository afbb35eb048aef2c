#include "meibo/forms/PdfRenderer.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace meibo::forms {

namespace {

/// Unicode's table of radicals and compatibility forms that stand for a unified ideograph
/// (package unicode-data); e.g. U+2F47 ⽇ → U+65E5 日.
const std::map<unsigned, unsigned>& equivalents()
{
    static std::map<unsigned, unsigned> table;
    static std::once_flag once;
    std::call_once(once, [] {
        std::ifstream in("/usr/share/unicode/EquivalentUnifiedIdeograph.txt");
        if (!in)
            throw std::runtime_error("/usr/share/unicode/EquivalentUnifiedIdeograph.txt is missing: install the "
                                     "unicode-data package");
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#')
                continue;
            unsigned lo = 0, hi = 0, target = 0;
            if (std::sscanf(line.c_str(), "%x..%x ; %x", &lo, &hi, &target) == 3) {
                for (unsigned c = lo; c <= hi; ++c)
                    table[c] = target;
            } else if (std::sscanf(line.c_str(), "%x ; %x", &lo, &target) == 2) {
                table[lo] = target;
            }
        }
    });
    return table;
}

std::string hex4(unsigned v)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04X", v);
    return buf;
}

/// Rewrites the destination of one "<src> <dst>" entry when dst is a single BMP code point that
/// has a unified equivalent.
std::string fixDestination(const std::string& dst)
{
    if (dst.size() != 4)
        return dst;
    const unsigned code = static_cast<unsigned>(std::stoul(dst, nullptr, 16));
    if (code == 0x0009)
        return "0020";
    auto it = equivalents().find(code);
    if (it == equivalents().end() || it->second > 0xFFFF)
        return dst;
    return hex4(it->second);
}

std::string repairCMap(const std::string& cmap)
{
    std::string out;
    std::istringstream in(cmap);
    std::string line;
    enum { None, Char, Range } section = None;
    static const std::regex pair(R"(^\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*$)");
    static const std::regex range(R"(^\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*$)");
    std::smatch m;
    while (std::getline(in, line)) {
        if (line.find("beginbfchar") != std::string::npos)
            section = Char;
        else if (line.find("beginbfrange") != std::string::npos)
            section = Range;
        else if (line.find("endbfchar") != std::string::npos || line.find("endbfrange") != std::string::npos)
            section = None;
        else if (section == Char && std::regex_match(line, m, pair))
            line = "<" + m[1].str() + "> <" + fixDestination(m[2].str()) + ">";
        else if (section == Range && line.find('[') != std::string::npos) {
            // "<lo> <hi> [<d1> <d2> …]": each destination in the array stands for one code.
            const auto open = line.find('[');
            std::string head = line.substr(0, open + 1), tail = line.substr(open + 1), fixedTail;
            std::size_t pos = 0;
            while (pos < tail.size()) {
                const auto lt = tail.find('<', pos);
                if (lt == std::string::npos) {
                    fixedTail += tail.substr(pos);
                    break;
                }
                const auto gt = tail.find('>', lt);
                fixedTail += tail.substr(pos, lt - pos) + "<" + fixDestination(tail.substr(lt + 1, gt - lt - 1)) + ">";
                pos = gt + 1;
            }
            line = head + fixedTail;
        } else if (section == Range && std::regex_match(line, m, range)) {
            // A range whose destinations run through radicals is written out code by code.
            const unsigned lo = static_cast<unsigned>(std::stoul(m[1].str(), nullptr, 16));
            const unsigned hi = static_cast<unsigned>(std::stoul(m[2].str(), nullptr, 16));
            const std::string d = m[3].str();
            if (d.size() == 4) {
                const unsigned start = static_cast<unsigned>(std::stoul(d, nullptr, 16));
                bool touched = false;
                for (unsigned i = 0; i <= hi - lo && !touched; ++i)
                    touched = fixDestination(hex4(start + i)) != hex4(start + i);
                if (touched) {
                    std::string expanded;
                    for (unsigned i = 0; i <= hi - lo; ++i)
                        expanded += "<" + hex4(lo + i) + "> <" + hex4(start + i) + "> <" +
                                    fixDestination(hex4(start + i)) + ">\n";
                    expanded.pop_back();
                    line = expanded;
                }
            }
        }
        out += line + "\n";
    }
    return out;
}

} // namespace

std::string repairToUnicode(const std::string& pdf)
{
    QPDF doc;
    doc.processMemoryFile("document.pdf", pdf.data(), pdf.size());
    for (QPDFObjectHandle obj : doc.getAllObjects()) {
        if (!obj.isDictionary() || !obj.hasKey("/ToUnicode"))
            continue;
        QPDFObjectHandle cmap = obj.getKey("/ToUnicode");
        if (!cmap.isStream())
            continue;
        const auto data = cmap.getStreamData(qpdf_dl_all);
        const std::string text(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        const std::string fixed = repairCMap(text);
        if (fixed != text)
            cmap.replaceStreamData(fixed, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
    }
    QPDFWriter writer(doc);
    writer.setOutputMemory();
    writer.setObjectStreamMode(qpdf_o_disable); // a classic xref table: the signature appends to it
    writer.setDeterministicID(true);
    writer.setCompressStreams(true);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

} // namespace meibo::forms
