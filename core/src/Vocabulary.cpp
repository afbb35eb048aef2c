#include "meibo/core/Vocabulary.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
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

std::string foldWidth(std::string_view text)
{
    bool ascii = true;
    for (char c : text)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii)
        return std::string(text);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status))
        return std::string(text);
    const icu::UnicodeString folded =
        nfkc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size()))), status);
    if (U_FAILURE(status))
        return std::string(text);
    std::string out;
    folded.toUTF8String(out);
    return out;
}

std::optional<Role> parseRole(std::string_view typed)
{
    const std::string text = foldWidth(typed);
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

std::optional<ResidenceStatus> parseResidenceStatus(std::string_view typed)
{
    const std::string text = foldWidth(typed);
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

const std::vector<Country>& countries()
{
    // ICU's list of ISO 3166-1 countries with its display names; the one list the import's rule,
    // the forms' names and the GUI's picker use.
    static const std::vector<Country> all = [] {
        std::vector<Country> out;
        for (const char* const* c = uloc_getISOCountries(); *c; ++c) {
            Country country;
            country.code = *c;
            std::string* names[] = {&country.nameJa, &country.nameEn};
            int i = 0;
            for (const icu::Locale& in : {icu::Locale::getJapanese(), icu::Locale::getEnglish()}) {
                icu::UnicodeString name;
                icu::Locale("", country.code.c_str()).getDisplayCountry(in, name);
                name.toUTF8String(*names[i++]);
            }
            out.push_back(std::move(country));
        }
        std::sort(out.begin(), out.end(), [](const Country& a, const Country& b) { return a.code < b.code; });
        return out;
    }();
    return all;
}

std::string countryLabel(const std::string& alpha2)
{
    return countryNameJa(alpha2) == alpha2 ? alpha2 : countryNameJa(alpha2) + " (" + alpha2 + ")";
}

std::optional<std::string> normalizeCountry(std::string_view typed)
{
    // Alpha-3 codes are mapped back through uloc_getISO3Country, names are ICU's display names in
    // Japanese and English (English compared in lower case).
    static std::map<std::string, std::string> byCode;
    static std::map<std::string, std::string> byName;
    static std::once_flag once;
    std::call_once(once, [] {
        for (const Country& c : countries()) {
            byCode[c.code] = c.code;
            const std::string locale = "_" + c.code;
            const char* alpha3 = uloc_getISO3Country(locale.c_str());
            if (alpha3 && std::strlen(alpha3) == 3)
                byCode[alpha3] = c.code;
            for (const std::string& name : {c.nameJa, c.nameEn})
                if (!name.empty() && name != c.code) {
                    byName.emplace(lower(name), c.code);
                    byName.emplace(lower(foldWidth(name)), c.code); // as the typed text is folded
                }
        }
        // Short forms in everyday use that ICU's display names do not give.
        for (const auto& [name, alpha2] : std::initializer_list<std::pair<const char*, const char*>>{
                 {"日本国", "JP"}, {"米国", "US"}, {"アメリカ", "US"}, {"英国", "GB"}, {"大韓民国", "KR"},
                 {"中華人民共和国", "CN"}, {"united states of america", "US"}, {"uk", "GB"},
                 {"great britain", "GB"}, {"south korea", "KR"}, {"republic of korea", "KR"}})
            byName.emplace(name, alpha2);
    });
    std::string text = foldWidth(typed);
    while (!text.empty() && text.back() == ' ')
        text.pop_back();
    while (!text.empty() && text.front() == ' ')
        text.erase(0, 1);
    if (auto it = byCode.find(upper(text)); it != byCode.end())
        return it->second;
    if (auto it = byName.find(lower(text)); it != byName.end())
        return it->second;
    // The picker's form, "ベトナム (VN)": the code in brackets, and the name before it that country's.
    if (const auto bracket = text.rfind('('); bracket != std::string::npos && text.back() == ')') {
        const auto code = byCode.find(upper(text.substr(bracket + 1, text.size() - bracket - 2)));
        std::string name = text.substr(0, bracket);
        while (!name.empty() && name.back() == ' ')
            name.pop_back();
        if (code != byCode.end() && !name.empty()) {
            const auto named = normalizeCountry(name);
            if (named && *named == code->second)
                return code->second;
        }
    }
    return std::nullopt;
}

std::string countryNameJa(const std::string& alpha2)
{
    icu::UnicodeString name;
    icu::Locale("", alpha2.c_str()).getDisplayCountry(icu::Locale::getJapanese(), name);
    std::string out;
    name.toUTF8String(out);
    return out.empty() ? alpha2 : out;
}

std::optional<std::string> normalizePassport(std::string_view typed)
{
    const std::string text = foldWidth(typed);
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

std::optional<std::string> normalizeLabel(std::string_view typed)
{
    const std::string text = foldWidth(typed);
    if (text.empty() || text.size() > 8 || !std::isalpha(static_cast<unsigned char>(text[0])))
        return std::nullopt;
    for (char c : text)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            return std::nullopt;
    return upper(text);
}

} // namespace meibo::core
