// libFuzzer harness for core::readCsv, the RFC 4180 reader under every CSV import.
// Oracles: no crash, leak or undefined behaviour; an error names a line inside the file; a file that
// reads writes back with core::csvLine and reads again to the same fields (what Meibo exports, it
// must import unchanged); no line number lies past the end of the file. MEIBO_FUZZ_STRICT=1: bytes
// that are not strict UTF-8 are refused.

#include "FuzzSupport.h"

#include "meibo/core/Csv.h"

#include <algorithm>
#include <cstdint>
#include <string>

using meibo::fuzz::fail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const meibo::core::CsvRead read = meibo::core::readCsv(bytes);
    if (!read.error.empty()) {
        const auto lines = 1 + std::count(bytes.begin(), bytes.end(), '\n');
        if (read.errorLine < 1 || read.errorLine > lines)
            fail("readCsv names line " + std::to_string(read.errorLine) + " of a file of " + std::to_string(lines) +
                 " lines");
        return 0;
    }
    std::string_view body = bytes;
    if (body.substr(0, 3) == "\xEF\xBB\xBF")
        body.remove_prefix(3);
    if (meibo::fuzz::strict() && !meibo::fuzz::strictUtf8(body))
        fail("readCsv accepted bytes that are not strict UTF-8 (overlong, surrogate or beyond U+10FFFF)");

    int previous = 0;
    std::string rewritten;
    const auto lines = 1 + std::count(bytes.begin(), bytes.end(), '\n');
    for (const auto& record : read.records) {
        if (record.line > lines)
            fail("a record names line " + std::to_string(record.line) + " of a file of " + std::to_string(lines) +
                 " lines");
        // Not strictly: libcsv ends a record at a lone CR too, so one physical line can hold two.
        if (record.line < previous)
            fail("record lines go backwards");
        previous = record.line;
        if (record.fields.empty())
            fail("a record with no field");
        rewritten += meibo::core::csvLine(record.fields);
    }
    const meibo::core::CsvRead again = meibo::core::readCsv(rewritten);
    if (!again.error.empty())
        fail("csvLine wrote what readCsv refuses: " + again.error);
    // A record of one empty field is written as an empty line, which CSV cannot tell from no record.
    std::vector<std::vector<std::string>> want, got;
    for (const auto& r : read.records)
        if (!(r.fields.size() == 1 && r.fields[0].empty()))
            want.push_back(r.fields);
    for (const auto& r : again.records)
        got.push_back(r.fields);
    if (want != got) {
        std::string why = "written back with csvLine and read again, the fields differ";
        for (std::size_t i = 0; i < std::min(want.size(), got.size()); ++i)
            if (want[i] != got[i]) {
                for (std::size_t k = 0; k < std::min(want[i].size(), got[i].size()); ++k)
                    if (want[i][k] != got[i][k]) {
                        why += ": record " + std::to_string(i + 1) + " field " + std::to_string(k + 1) + " was [" +
                               want[i][k] + "], is [" + got[i][k] + "]";
                        break;
                    }
                break;
            }
        fail(why);
    }
    return 0;
}
