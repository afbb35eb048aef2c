#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace meibo::db {

/// Bytes in libsodium's guarded memory (locked, guard pages, wiped when freed). Keys and
/// passphrases live here, never in std::string for longer than it takes to copy them in.
class SecureBuffer {
public:
    SecureBuffer() = default;
    explicit SecureBuffer(std::size_t size);
    SecureBuffer(const void* data, std::size_t size);
    static SecureBuffer fromString(std::string_view text) { return SecureBuffer(text.data(), text.size()); }
    ~SecureBuffer();

    SecureBuffer(SecureBuffer&& other) noexcept;
    SecureBuffer& operator=(SecureBuffer&& other) noexcept;
    SecureBuffer(const SecureBuffer&) = delete;
    SecureBuffer& operator=(const SecureBuffer&) = delete;

    std::uint8_t* data() noexcept { return m_data; }
    const std::uint8_t* data() const noexcept { return m_data; }
    std::size_t size() const noexcept { return m_size; }
    bool empty() const noexcept { return m_size == 0; }
    std::string_view view() const noexcept { return {reinterpret_cast<const char*>(m_data), m_size}; }

    /// Wipes and frees now (the destructor does the same).
    void clear() noexcept;

private:
    std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
};

/// Wipes a std::string's characters in place (for passphrases that passed through one).
void wipe(std::string& text) noexcept;

} // namespace meibo::db
