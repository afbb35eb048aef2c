#include "Sodium.h"

#include "meibo/core/Error.h"

namespace meibo::db {
void ensureSodium()
{
    static const int rc = sodium_init();
    if (rc < 0)
        throw core::Error(core::ErrorCode::Internal, "libsodium could not be initialised");
}
} // namespace meibo::db
