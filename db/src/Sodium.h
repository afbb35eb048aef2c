#pragma once

#include <sodium.h>

namespace meibo::db {
/// Initialises libsodium once (thread-safe); throws if the library cannot start.
void ensureSodium();
} // namespace meibo::db
