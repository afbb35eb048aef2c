// libFuzzer harness for the pre-publication inspection (forms::inspectBytes): the OOXML reader
// (libzip with bounded decompression, pugixml), the PDF reader (qpdf, content streams, ToUnicode
// maps) and the text scanner. The first byte picks the reader (.xlsx, .docx, .pdf, .csv); the rest
// is the file. Oracles: no crash, leak, undefined behaviour or hang; every finding has a rule, an
// English and a Japanese sentence; nothing but findings comes back (inspectBytes throws nothing).
// Seeds: tests/data/inspect (their first byte picks a reader; the fuzzer soon finds the others).

#include "FuzzSupport.h"

#include "meibo/forms/Inspect.h"

#include <cstdint>
#include <string>
#include <vector>

using meibo::fuzz::fail;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    static const char* names[] = {"f.xlsx", "f.docx", "f.pdf", "f.csv"};
    static const meibo::forms::InspectOptions options = [] {
        meibo::forms::InspectOptions o;
        o.people.push_back({"経済 太郎", "東京都千代田区霞が関一丁目3番1号", meibo::core::parseIsoDate("1970-04-01"), "X12345678"});
        return o;
    }();
    const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::vector<meibo::forms::InspectFinding> findings;
    try {
        findings = meibo::forms::inspectBytes(names[data[0] % 4], bytes, options);
    } catch (...) {
        fail("inspectBytes threw: a damaged file must be a finding");
    }
    for (const auto& f : findings)
        if (f.rule.empty() || f.message.empty() || f.messageJa.empty())
            fail("a finding without a rule or a sentence: " + f.rule);
    return 0;
}
