#include "meibo/db/SecureBuffer.h"

#include "meibo/core/Error.h"
#include "Sodium.h"

#include <cstring>
#include <string>
#include <utility>

namespace meibo::db {

SecureBuffer::SecureBuffer(std::size_t size)
{
    ensureSodium();
    if (size == 0)
        return;
    m_data = static_cast<std::uint8_t*>(sodium_malloc(size));
    if (!m_data)
        throw core::Error(core::ErrorCode::Internal, "could not allocate guarded memory for key material");
    m_size = size;
    sodium_memzero(m_data, m_size);
}

SecureBuffer::SecureBuffer(const void* data, std::size_t size) : SecureBuffer(size)
{
    if (size)
        std::memcpy(m_data, data, size);
}

SecureBuffer::~SecureBuffer() { clear(); }

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr)), m_size(std::exchange(other.m_size, 0))
{
}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

void SecureBuffer::clear() noexcept
{
    if (m_data)
        sodium_free(m_data); // wipes before freeing
    m_data = nullptr;
    m_size = 0;
}

void wipe(std::string& text) noexcept
{
    if (!text.empty())
        sodium_memzero(text.data(), text.size());
    text.clear();
}

} // namespace meibo::db
