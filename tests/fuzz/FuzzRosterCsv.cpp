// libFuzzer harness for core::parseRosterCsv, the roster import (through its public signature only:
// its insides are being rewritten). Oracles: no crash, leak or undefined behaviour, no exception
// (every problem is a CsvIssue); issues and rows name lines inside the file; a file readCsv refuses
// yields an issue; a file with control characters or bytes that are not strict UTF-8 yields an issue
// (issue 11); no line number lies past the end of the file.

#include "FuzzSupport.h"

#include "meibo/core/Csv.h"
#include "meibo/core/Date.h"
#include "meibo/core/RosterCsv.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>

using meibo::fuzz::fail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace std::chrono;
    static const meibo::core::Date today{year{2026}, month{12}, day{7}};
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    meibo::core::RosterImport parsed;
    try {
        parsed = meibo::core::parseRosterCsv(bytes, today);
    } catch (const std::exception& e) {
        fail(std::string("parseRosterCsv threw instead of returning issues: ") + e.what());
    }
    const auto lines = 1 + std::count(bytes.begin(), bytes.end(), '\n');
    for (const auto& issue : parsed.issues) {
        if (issue.line < 0 || issue.line > lines)
            fail("an issue names line " + std::to_string(issue.line) + " of a file of " + std::to_string(lines) +
                 " lines");
        if (issue.message.empty())
            fail("an issue without a message");
    }
    for (const auto& row : parsed.rows)
        if (row.line < 2 || row.line > lines)
            fail("a row names line " + std::to_string(row.line) + " of a file of " + std::to_string(lines) + " lines");
    (void)meibo::core::formatIssues(parsed.issues);
    if (parsed.issues.empty() && !meibo::core::readCsv(bytes).error.empty())
        fail("readCsv refuses the file but parseRosterCsv reported no issue");
    if (parsed.issues.empty() && !parsed.rows.empty()) {
        std::string_view body = bytes;
        if (body.substr(0, 3) == "\xEF\xBB\xBF")
            body.remove_prefix(3);
        if (!meibo::fuzz::strictUtf8(body))
            fail("a roster that is not strict UTF-8 was accepted");
        for (char c : body)
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)
                fail("a roster with a control character was accepted");
    }
    return 0;
}
