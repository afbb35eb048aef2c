#include "meibo/core/ZipArchive.h"

#include <zip.h>

namespace meibo::core {

struct ZipArchive::Impl {
    zip_t* zip = nullptr;
    Limits limits;
    std::vector<std::string> names;
    std::uint64_t total = 0;
};

ZipArchive::ZipArchive(std::string_view bytes, Limits limits) : m(std::make_unique<Impl>())
{
    m->limits = limits;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source)
        m->zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!m->zip) {
        if (source)
            zip_source_free(source);
        zip_error_fini(&error);
        throw Refused{Failure::NotZip, {}};
    }
    zip_error_fini(&error);
    const zip_int64_t n = zip_get_num_entries(m->zip, 0);
    if (n < 0 || static_cast<std::uint64_t>(n) > m->limits.entries) {
        zip_discard(m->zip);
        throw Refused{Failure::TooLarge, {}};
    }
    for (zip_int64_t i = 0; i < n; ++i)
        if (const char* name = zip_get_name(m->zip, static_cast<zip_uint64_t>(i), 0))
            m->names.emplace_back(name);
}

ZipArchive::~ZipArchive()
{
    if (m && m->zip)
        zip_discard(m->zip);
}

const std::vector<std::string>& ZipArchive::names() const { return m->names; }

bool ZipArchive::has(const std::string& name) const { return zip_name_locate(m->zip, name.c_str(), 0) >= 0; }

std::optional<std::string> ZipArchive::read(const std::string& name)
{
    const zip_int64_t index = zip_name_locate(m->zip, name.c_str(), 0);
    if (index < 0)
        return std::nullopt;
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(m->zip, static_cast<zip_uint64_t>(index), 0),
                                                             zip_fclose);
    if (!file) {
        const int code = zip_error_code_zip(zip_get_error(m->zip));
        const Failure failure =
            code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD ? Failure::Encrypted
                                                                                                 : Failure::Damaged;
        throw Refused{failure, name};
    }
    std::string out;
    char buffer[65536];
    for (;;) {
        const zip_int64_t got = zip_fread(file.get(), buffer, sizeof buffer);
        if (got < 0)
            throw Refused{Failure::Damaged, name};
        if (got == 0)
            break;
        out.append(buffer, static_cast<std::size_t>(got));
        m->total += static_cast<std::uint64_t>(got);
        if (out.size() > m->limits.partBytes || m->total > m->limits.totalBytes)
            throw Refused{Failure::TooLarge, name};
    }
    return out;
}

} // namespace meibo::core
