#pragma once

#include "meibo/core/Model.h"

#include <nlohmann/json.hpp>

namespace meibo::cli {

nlohmann::json toJson(const std::optional<core::Date>& date);
nlohmann::json toJson(const core::Contract& contract);
nlohmann::json toJson(const core::RosterEntry& entry);
nlohmann::json toJson(const core::PersonData& person);
nlohmann::json toJson(const core::Finding& finding);

} // namespace meibo::cli
