#include "meibo/core/Error.h"

namespace meibo::core {

const char* errorCodeName(ErrorCode code) noexcept
{
    switch (code) {
    case ErrorCode::InvalidInput: return "invalid-input";
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::AlreadyExists: return "already-exists";
    case ErrorCode::WrongSecret: return "wrong-secret";
    case ErrorCode::NotARegistry: return "not-a-registry";
    case ErrorCode::UnsupportedVersion: return "unsupported-version";
    case ErrorCode::Damaged: return "damaged";
    case ErrorCode::InUse: return "in-use";
    case ErrorCode::IllegalState: return "illegal-state";
    case ErrorCode::Io: return "io";
    case ErrorCode::Internal: return "internal";
    }
    return "internal";
}

} // namespace meibo::core
