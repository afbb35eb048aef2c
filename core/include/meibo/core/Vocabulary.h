#pragma once

#include "meibo/core/Model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

/// Full-width digits, Latin letters and signs as ASCII (Unicode NFKC, ICU): for codes, dates,
/// passport numbers, labels and country names — never for names or addresses, whose characters
/// are the person's own.
std::string foldWidth(std::string_view text);

/// A country of ISO 3166-1 with its names as ICU gives them.
struct Country {
    std::string code;   ///< alpha-2, upper case ("VN")
    std::string nameJa; ///< "ベトナム"
    std::string nameEn; ///< "Vietnam"
};
/// Every ISO 3166-1 country ICU knows (uloc_getISOCountries), by code; built once.
const std::vector<Country>& countries();

/// A country as people write it: an ISO 3166-1 alpha-2 or alpha-3 code (any case, full-width too),
/// or its name in Japanese or English as ICU gives it (日本, 韓国, アメリカ合衆国, United States) or a
/// common short form (米国, 英国, USA), or the picker's label "ベトナム (VN)" (name and code agreeing);
/// as alpha-2 upper case; nullopt when ICU knows no such country.
std::optional<std::string> normalizeCountry(std::string_view code);
/// The country's name in Japanese (ICU), e.g. "JP" → "日本"; the code itself when unknown.
std::string countryNameJa(const std::string& alpha2);
/// The country as a list shows it: "ベトナム (VN)"; the code alone when ICU has no name for it.
std::string countryLabel(const std::string& alpha2);

/// Plausible passport number: 6–12 letters and digits (upper-cased, spaces removed); nullopt otherwise.
std::optional<std::string> normalizePassport(std::string_view text);

/// A form label: 1–8 ASCII letters or digits, starting with a letter (A, B, C, F1 …), upper-cased.
std::optional<std::string> normalizeLabel(std::string_view text);

} // namespace meibo::core
