#pragma once

// A ZIP container read from memory (libzip): the one reader behind the .xlsx roster import and the
// inspection of Office deliverables. Parts are inflated in chunks and counted as they come, so a
// ZIP bomb is refused by what it actually unpacks to, never by the size its header claims.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meibo::core {

class ZipArchive {
public:
    /// Bounds on what the container may unpack to; past any of them read() throws TooLarge.
    struct Limits {
        std::uint64_t partBytes = 64ull * 1024 * 1024;   ///< one part, inflated
        std::uint64_t totalBytes = 256ull * 1024 * 1024; ///< every part read, together
        std::uint64_t entries = 100000;                  ///< names in the central directory
    };

    enum class Failure {
        NotZip,    ///< not a ZIP container, or its central directory is damaged
        Encrypted, ///< the part is encrypted (a password-protected Office file)
        Damaged,   ///< the part cannot be inflated, or its checksum is wrong
        TooLarge,  ///< past one of the Limits
    };

    /// Thrown by the constructor and read(); each caller words it for its own reader.
    struct Refused {
        Failure failure;
        std::string part;   ///< the part concerned; empty for the container itself
    };

    /// The bytes must outlive the archive (they are not copied).
    ZipArchive(std::string_view bytes, Limits limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    /// Every entry's name, in the central directory's order.
    const std::vector<std::string>& names() const;
    bool has(const std::string& name) const;
    /// The part's inflated bytes; nullopt when there is no such part.
    std::optional<std::string> read(const std::string& name);

private:
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace meibo::core
