// The one ZIP reader (core::ZipArchive) behind the .xlsx import and the inspection: what a part
// inflates to is counted as it is read, and every refusal names the part.

#include "meibo/core/Error.h"
#include "meibo/core/XlsxReader.h"
#include "meibo/core/ZipArchive.h"

#include <catch2/catch.hpp>
#include <zip.h>

#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <string>

using namespace meibo::core;

namespace {

/// A ZIP made by libzip in memory, every part deflated.
std::string makeZip(const std::map<std::string, std::string>& parts)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
    REQUIRE(out);
    zip_source_keep(out);
    zip_t* zip = zip_open_from_source(out, ZIP_TRUNCATE, &error);
    REQUIRE(zip);
    for (const auto& [name, bytes] : parts) {
        zip_source_t* s = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
        REQUIRE(s);
        const zip_int64_t index = zip_file_add(zip, name.c_str(), s, ZIP_FL_OVERWRITE);
        REQUIRE(index >= 0);
        zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
    }
    REQUIRE(zip_close(zip) == 0);
    REQUIRE(zip_source_open(out) == 0);
    zip_stat_t st;
    zip_stat_init(&st);
    REQUIRE(zip_source_stat(out, &st) == 0);
    std::string bytes(static_cast<std::size_t>(st.size), '\0');
    REQUIRE(zip_source_read(out, bytes.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_source_close(out);
    zip_source_free(out);
    zip_error_fini(&error);
    return bytes;
}

ZipArchive::Failure failureOf(const std::function<void()>& f, std::string* part = nullptr)
{
    try {
        f();
    } catch (const ZipArchive::Refused& r) {
        if (part)
            *part = r.part;
        return r.failure;
    }
    FAIL("no refusal");
    return ZipArchive::Failure::Damaged;
}

} // namespace

TEST_CASE("a ZIP's parts read back as written; a missing part is nullopt", "[zip]")
{
    const std::string bytes = makeZip({{"a.xml", "<a/>"}, {"dir/b.txt", std::string(5000, 'x')}});
    ZipArchive zip(bytes, ZipArchive::Limits{});
    CHECK(zip.names().size() == 2);
    CHECK(zip.has("dir/b.txt"));
    CHECK(zip.read("a.xml") == std::string("<a/>"));
    CHECK(zip.read("dir/b.txt") == std::string(5000, 'x'));
    CHECK_FALSE(zip.read("c.xml").has_value());
}

TEST_CASE("a part is refused by what it inflates to, naming the part", "[zip]")
{
    const std::string bytes = makeZip({{"small.xml", "<a/>"}, {"big.xml", std::string(4096, 'z')}});
    ZipArchive::Limits limits;
    limits.partBytes = 1000;
    ZipArchive zip(bytes, limits);
    CHECK(zip.read("small.xml").has_value());
    std::string part;
    CHECK(failureOf([&] { zip.read("big.xml"); }, &part) == ZipArchive::Failure::TooLarge);
    CHECK(part == "big.xml");

    ZipArchive::Limits total;
    total.totalBytes = 6000;
    ZipArchive twice(bytes, total);
    CHECK(twice.read("big.xml").has_value());
    CHECK(failureOf([&] { twice.read("big.xml"); }, &part) == ZipArchive::Failure::TooLarge);
}

TEST_CASE("bytes that are no ZIP, or a damaged part, are refused with their reason", "[zip]")
{
    CHECK(failureOf([] { ZipArchive zip("not a zip at all", ZipArchive::Limits{}); }) == ZipArchive::Failure::NotZip);

    // Flip a byte inside the deflated data of the one part: the central directory still reads, the
    // part does not (inflate error or CRC mismatch).
    std::string bytes = makeZip({{"p.xml", std::string(20000, 'q') + "end"}});
    const std::size_t data = 30 + std::string("p.xml").size(); // local header + name; no extra field
    bytes[data + 3] = static_cast<char>(bytes[data + 3] ^ 0x55);
    ZipArchive zip(bytes, ZipArchive::Limits{});
    std::string part;
    CHECK(failureOf([&] { zip.read("p.xml"); }, &part) == ZipArchive::Failure::Damaged);
    CHECK(part == "p.xml");
}

TEST_CASE("a roster workbook that unpacks to a ZIP bomb is refused in Japanese, naming the part", "[zip][xlsx]")
{
    // 70 MB of one byte deflates to about 70 KB: over the 64 MB a workbook's part may inflate to.
    const std::string bytes = makeZip({{"xl/workbook.xml", std::string(70u * 1024 * 1024, ' ')}});
    try {
        readXlsx(bytes);
        FAIL("the bomb was read");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("xl/workbook.xml") != std::string::npos);
        CHECK(e.messageJa().find("部品 xl/workbook.xml が大きすぎます") != std::string::npos);
    }
}
