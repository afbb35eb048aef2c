#pragma once

#include "meibo/core/Model.h"

#include <optional>
#include <string>
#include <string_view>

namespace meibo::core {

/// 情報管理責任者 / 情報取扱管理者 / 業務従事者 / 再委託先, or the English aliases
/// responsible / manager / worker / subcontractor (case-insensitive).
std::optional<Role> parseRole(std::string_view text);
/// The form's Japanese name of a role.
const char* roleName(Role role);
/// The form's note for a role: "※1" … "※3", "" for 再委託先.
const char* roleNote(Role role);
/// Stable English id (responsible, manager, worker, subcontractor).
const char* roleId(Role role);

/// 日本国籍 / 永住者 / 特別永住者 / その他, or japanese / permanent / special-permanent / other.
std::optional<ResidenceStatus> parseResidenceStatus(std::string_view text);
const char* residenceStatusName(ResidenceStatus status);

/// ※4: passport number and nationality are required of everyone except Japanese nationals and
/// permanent residents — and special permanent residents (特別永住者) are taken out of that exemption.
bool passportRequired(const std::optional<ResidenceStatus>& status);

/// An ISO 3166-1 alpha-2 or alpha-3 code (any case) as alpha-2 upper case; nullopt when ICU knows
/// no such country.
std::optional<std::string> normalizeCountry(std::string_view code);
/// The country's name in Japanese (ICU), e.g. "JP" → "日本"; the code itself when unknown.
std::string countryNameJa(const std::string& alpha2);

/// Plausible passport number: 6–12 letters and digits (upper-cased, spaces removed); nullopt otherwise.
std::optional<std::string> normalizePassport(std::string_view text);

/// A form label: 1–8 ASCII letters or digits, starting with a letter (A, B, C, F1 …), upper-cased.
std::optional<std::string> normalizeLabel(std::string_view text);

} // namespace meibo::core
