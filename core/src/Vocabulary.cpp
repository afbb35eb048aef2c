#include "meibo/core/Vocabulary.h"

#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <mutex>

namespace meibo::core {

namespace {
std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
std::string upper(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}
} // namespace

std::optional<Role> parseRole(std::string_view text)
{
    static const std::map<std::string, Role> names = {
        {"情報管理責任者", Role::Responsible}, {"情報取扱管理者", Role::Manager}, {"業務従事者", Role::Worker},
        {"再委託先", Role::Subcontractor},     {"responsible", Role::Responsible}, {"manager", Role::Manager},
        {"worker", Role::Worker},              {"subcontractor", Role::Subcontractor}};
    auto it = names.find(lower(text));
    return it == names.end() ? std::nullopt : std::optional<Role>(it->second);
}

const char* roleName(Role role)
{
    switch (role) {
    case Role::Responsible: return "情報管理責任者";
    case Role::Manager: return "情報取扱管理者";
    case Role::Worker: return "業務従事者";
    case Role::Subcontractor: return "再委託先";
    }
    return "";
}

const char* roleNote(Role role)
{
    switch (role) {
    case Role::Responsible: return "※1";
    case Role::Manager: return "※2";
    case Role::Worker: return "※3";
    case Role::Subcontractor: return "";
    }
    return "";
}

const char* roleId(Role role)
{
    switch (role) {
    case Role::Responsible: return "responsible";
    case Role::Manager: return "manager";
    case Role::Worker: return "worker";
    case Role::Subcontractor: return "subcontractor";
    }
    return "";
}

std::optional<ResidenceStatus> parseResidenceStatus(std::string_view text)
{
    static const std::map<std::string, ResidenceStatus> names = {
        {"日本国籍", ResidenceStatus::Japanese},
        {"永住者", ResidenceStatus::Permanent},
        {"特別永住者", ResidenceStatus::SpecialPermanent},
        {"その他", ResidenceStatus::Other},
        {"japanese", ResidenceStatus::Japanese},
        {"permanent", ResidenceStatus::Permanent},
        {"special-permanent", ResidenceStatus::SpecialPermanent},
        {"other", ResidenceStatus::Other}};
    auto it = names.find(lower(text));
    return it == names.end() ? std::nullopt : std::optional<ResidenceStatus>(it->second);
}

const char* residenceStatusName(ResidenceStatus status)
{
    switch (status) {
    case ResidenceStatus::Japanese: return "日本国籍";
    case ResidenceStatus::Permanent: return "永住者";
    case ResidenceStatus::SpecialPermanent: return "特別永住者";
    case ResidenceStatus::Other: return "その他";
    }
    return "";
}

bool passportRequired(const std::optional<ResidenceStatus>& status)
{
    // Unknown status: the exemption cannot be shown, so the passport is asked for.
    return !status || (*status != ResidenceStatus::Japanese && *status != ResidenceStatus::Permanent);
}

std::optional<std::string> normalizeCountry(std::string_view code)
{
    // ICU's list of ISO 3166-1 countries; alpha-3 codes are mapped back through uloc_getISO3Country.
    static std::map<std::string, std::string> byCode;
    static std::once_flag once;
    std::call_once(once, [] {
        for (const char* const* c = uloc_getISOCountries(); *c; ++c) {
            const std::string alpha2 = *c;
            byCode[alpha2] = alpha2;
            const std::string locale = "_" + alpha2;
            const char* alpha3 = uloc_getISO3Country(locale.c_str());
            if (alpha3 && std::strlen(alpha3) == 3)
                byCode[alpha3] = alpha2;
        }
    });
    auto it = byCode.find(upper(code));
    return it == byCode.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::string countryNameJa(const std::string& alpha2)
{
    icu::UnicodeString name;
    icu::Locale("", alpha2.c_str()).getDisplayCountry(icu::Locale::getJapanese(), name);
    std::string out;
    name.toUTF8String(out);
    return out.empty() ? alpha2 : out;
}

std::optional<std::string> normalizePassport(std::string_view text)
{
    std::string out;
    for (char c : text) {
        if (c == ' ' || c == '-')
            continue;
        if (!std::isalnum(static_cast<unsigned char>(c)))
            return std::nullopt;
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (out.size() < 6 || out.size() > 12)
        return std::nullopt;
    return out;
}

std::optional<std::string> normalizeLabel(std::string_view text)
{
    if (text.empty() || text.size() > 8 || !std::isalpha(static_cast<unsigned char>(text[0])))
        return std::nullopt;
    for (char c : text)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            return std::nullopt;
    return upper(text);
}

} // namespace meibo::core
