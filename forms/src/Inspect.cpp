#include "InspectInternal.h"

#include "meibo/core/Csv.h"
#include "meibo/core/RosterFile.h"
#include "meibo/forms/JapaneseDate.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <cstring>
#include <optional>
#include <set>
#include <unordered_map>

namespace meibo::forms {

namespace inspect {

std::string count(std::size_t n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

void Findings::add(const std::string& rule, const std::string& where, std::string en, std::string ja, bool warning)
{
    const std::size_t seen = ++m_counts[rule];
    if (seen > m_options.maxPerRule)
        return;
    m_findings.push_back({rule, m_file, where, std::move(en), std::move(ja), warning});
}

void Findings::unreadable(std::string en, std::string ja)
{
    m_unreadable = true;
    m_findings.push_back({"file-unreadable", m_file, "", std::move(en), std::move(ja), false});
}

std::vector<InspectFinding> Findings::take()
{
    for (const auto& [rule, n] : m_counts)
        if (n > m_options.maxPerRule) {
            const std::size_t more = n - m_options.maxPerRule;
            bool warning = false;
            for (const auto& f : m_findings)
                if (f.rule == rule)
                    warning = f.warning;
            m_findings.push_back({rule, m_file, "",
                                  count(more, "more finding", "more findings") + " of the rule " + rule +
                                      " in this file are not listed one by one; fix the ones above and inspect again.",
                                  "このファイルには規則 " + rule + " に当たる箇所がほかに " + std::to_string(more) +
                                      " 件あります（個別の表示は省略）。上の箇所を直してから再度点検してください。",
                                  warning});
        }
    return std::move(m_findings);
}

namespace {

/// Decodes one UTF-8 sequence at `i` (advancing it); invalid bytes come back as themselves.
char32_t nextCodePoint(std::string_view s, std::size_t& i)
{
    const auto b = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
    if (b < 0x80) {
        ++i;
        return b;
    }
    if ((b & 0xE0) == 0xC0 && cont(1)) {
        const char32_t c = ((b & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
        i += 2;
        return c;
    }
    if ((b & 0xF0) == 0xE0 && cont(1) && cont(2)) {
        const char32_t c = ((b & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                           (static_cast<unsigned char>(s[i + 2]) & 0x3F);
        i += 3;
        return c;
    }
    if ((b & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
        const char32_t c = ((b & 0x07) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 12) |
                           ((static_cast<unsigned char>(s[i + 2]) & 0x3F) << 6) | (static_cast<unsigned char>(s[i + 3]) & 0x3F);
        i += 4;
        return c;
    }
    ++i;
    return 0xFFFD;
}

void appendUtf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

} // namespace

std::string normalizeForMatch(std::string_view text, bool keepSpaces)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) { // the common case, without decoding
            ++i;
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                if (keepSpaces && !out.empty() && out.back() != ' ')
                    out += ' ';
                continue;
            }
            out += (b >= 'a' && b <= 'z') ? static_cast<char>(b - 32) : static_cast<char>(b);
            continue;
        }
        char32_t c = nextCodePoint(text, i);
        if (c == 0x3000 || c == 0xA0) {
            if (keepSpaces && !out.empty() && out.back() != ' ')
                out += ' ';
            continue;
        }
        if (c >= 0xFF01 && c <= 0xFF5E)
            c -= 0xFEE0;
        if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212)
            c = '-';
        if (c >= 'a' && c <= 'z')
            c -= 32;
        appendUtf8(out, c);
    }
    return out;
}

namespace {

enum class Kind { Address, BirthDate, Passport, Name };

struct Needle {
    std::string text;
    std::size_t person;
    Kind kind;
};

const char* const kPrefectures[] = {
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
    "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
    "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
    "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"};

bool validMyNumber(std::string_view digits)
{
    // The check digit of the Individual Number (総務省令第85号 第5条): P_n the n-th digit from the
    // right without the check digit, Q_n = n + 1 (n ≤ 6) or n − 5 (n ≥ 7).
    int sum = 0;
    for (int n = 1; n <= 11; ++n) {
        const int p = digits[11 - n] - '0';
        const int q = n <= 6 ? n + 1 : n - 5;
        sum += p * q;
    }
    const int r = sum % 11;
    const int check = r <= 1 ? 0 : 11 - r;
    return check == digits[11] - '0';
}

/// Where an address-like text (〒123-4567, or a prefecture, then a municipality, then a number)
/// starts in normalized text; npos when there is none.
std::size_t findAddressPattern(std::string_view t)
{
    for (std::size_t at = t.find("〒"); at != std::string_view::npos; at = t.find("〒", at + 1)) {
        std::size_t k = at + std::string_view("〒").size();
        if (k + 8 <= t.size() && isDigit(t[k]) && isDigit(t[k + 1]) && isDigit(t[k + 2]) && t[k + 3] == '-' &&
            isDigit(t[k + 4]) && isDigit(t[k + 5]) && isDigit(t[k + 6]) && isDigit(t[k + 7]))
            return at;
    }
    std::size_t best = std::string_view::npos;
    // Every prefecture's name ends in 都, 道, 府 or 県: most texts have none of them.
    if (t.find("都") == std::string_view::npos && t.find("道") == std::string_view::npos &&
        t.find("府") == std::string_view::npos && t.find("県") == std::string_view::npos)
        return best;
    for (const char* pref : kPrefectures) {
        const std::string_view p(pref);
        for (std::size_t at = t.find(p); at != std::string_view::npos && at < best; at = t.find(p, at + 1)) {
            const std::string_view rest = t.substr(at + p.size(), 60);
            std::size_t muni = std::string_view::npos;
            for (const char* m : {"市", "区", "町", "村", "郡"})
                muni = std::min(muni, rest.find(m));
            if (muni == std::string_view::npos)
                continue;
            const std::string_view after = rest.substr(muni);
            if (std::any_of(after.begin(), after.end(), isDigit) || after.find("丁目") != std::string_view::npos ||
                after.find("番地") != std::string_view::npos) {
                best = at;
                break;
            }
        }
    }
    return best;
}

} // namespace

/// The needles by their first 8 bytes (or 4, for shorter ones), behind a bitmap that most
/// positions of a text fail at once: a 1,000-person registry is some 10,000 needles, and many
/// share their first bytes (東京都…, 1970-…), so a table by the first two bytes was slow.
struct PersonalData::Index {
    std::vector<InspectPerson> people;
    std::vector<Needle> needles;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> byPrefix[2]; ///< [0]: 4 bytes, [1]: 8 bytes
    std::vector<std::uint64_t> filter[2] = {std::vector<std::uint64_t>(kFilterBits / 64), std::vector<std::uint64_t>(kFilterBits / 64)};
    bool any[2] = {false, false};

    static constexpr std::size_t kFilterBits = std::size_t{1} << 20;
    static std::uint64_t key(const char* p, std::size_t n)
    {
        std::uint64_t k = 0;
        std::memcpy(&k, p, n);
        return k;
    }
    static std::size_t bit(std::uint64_t k) { return static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ull) >> 44); }
    void add(std::uint32_t n)
    {
        const std::string& t = needles[n].text;
        const int which = t.size() >= 8 ? 1 : 0;
        const std::uint64_t k = key(t.data(), which ? 8 : 4);
        byPrefix[which][k].push_back(n);
        filter[which][bit(k) / 64] |= std::uint64_t{1} << (bit(k) % 64);
        any[which] = true;
    }
    template <typename F> void candidates(const std::string& t, std::size_t i, F&& f) const
    {
        for (int which = 0; which < 2; ++which) {
            const std::size_t n = which ? 8 : 4;
            if (!any[which] || i + n > t.size())
                continue;
            const std::uint64_t k = key(t.data() + i, n);
            if (!(filter[which][bit(k) / 64] >> (bit(k) % 64) & 1))
                continue;
            if (auto it = byPrefix[which].find(k); it != byPrefix[which].end())
                for (std::uint32_t c : it->second)
                    f(needles[c]);
        }
    }
};

PersonalData::PersonalData(const InspectOptions& options) : m_index(std::make_unique<Index>())
{
    m_index->people = options.people;
    auto add = [&](std::string text, std::size_t person, Kind kind, std::size_t minBytes) {
        text = normalizeForMatch(text);
        if (text.size() < minBytes)
            return;
        m_index->needles.push_back({text, person, kind});
    };
    for (std::size_t i = 0; i < options.people.size(); ++i) {
        const InspectPerson& p = options.people[i];
        add(p.address, i, Kind::Address, 9);    // three kanji at least: a bare town name is no address
        add(p.passportNo, i, Kind::Passport, 6);
        add(p.name, i, Kind::Name, 4);
        if (p.birthDate) {
            const core::Date& d = *p.birthDate;
            const int y = static_cast<int>(d.year());
            const unsigned m = static_cast<unsigned>(d.month()), dd = static_cast<unsigned>(d.day());
            const std::string ys = std::to_string(y), ms = std::to_string(m), ds = std::to_string(dd);
            const std::string m2 = (m < 10 ? "0" : "") + ms, d2 = (dd < 10 ? "0" : "") + ds;
            const std::set<std::string> spellings{core::formatIsoDate(d), ys + "/" + ms + "/" + ds, ys + "/" + m2 + "/" + d2,
                                              ys + "." + ms + "." + ds, ys + "年" + ms + "月" + ds + "日",
                                              ys + "年" + m2 + "月" + d2 + "日", japaneseDate(d)};
            for (const auto& f : spellings)
                add(f, i, Kind::BirthDate, 6);
        }
    }
    for (std::uint32_t n = 0; n < m_index->needles.size(); ++n)
        m_index->add(n);
}

PersonalData::~PersonalData() = default;

void PersonalData::scanWith(std::string_view raw, const PlaceRef& makePlace, Findings& out) const
{
    if (raw.empty())
        return;
    std::optional<Place> cached;
    const std::function<const Place&()> place = [&]() -> const Place& {
        if (!cached)
            cached = makePlace.call(makePlace.fn);
        return *cached;
    };
    // Normalized once with its spaces (the patterns need them), then without (the needles).
    const std::string spaced = normalizeForMatch(raw, true);
    std::string t;
    t.reserve(spaced.size());
    for (char c : spaced)
        if (c != ' ')
            t += c;
    if (t.size() < 2)
        return;

    // The registry's handlers: every needle found, with digit boundaries (1970/4/1 is not 1970/4/10).
    std::map<std::size_t, std::set<Kind>> hits;
    if (!m_index->needles.empty()) {
        for (std::size_t i = 0; i + 3 < t.size(); ++i) {
            m_index->candidates(t, i, [&](const Needle& needle) {
                if (t.compare(i, needle.text.size(), needle.text) != 0)
                    return;
                const std::size_t end = i + needle.text.size();
                if (isDigit(needle.text.front()) && i > 0 && isDigit(t[i - 1]))
                    return;
                if (isDigit(needle.text.back()) && end < t.size() && isDigit(t[end]))
                    return;
                hits[needle.person].insert(needle.kind);
            });
        }
    }
    const bool addressLike = findAddressPattern(t) != std::string_view::npos;
    for (const auto& [person, kinds] : hits) {
        const std::string& name = m_index->people[person].name;
        std::vector<std::pair<std::string, std::string>> what;
        if (kinds.count(Kind::Address))
            what.push_back({"address", "住所"});
        if (kinds.count(Kind::BirthDate))
            what.push_back({"date of birth", "生年月日"});
        if (kinds.count(Kind::Passport))
            what.push_back({"passport number", "パスポート番号"});
        if (kinds.count(Kind::Name) && (kinds.count(Kind::Address) || addressLike))
            what.push_back({"name next to an address", "氏名と住所"});
        if (what.empty())
            continue;
        std::string en, ja;
        for (std::size_t k = 0; k < what.size(); ++k) {
            en += (k == 0 ? "" : k + 1 == what.size() ? " and " : ", ") + what[k].first;
            ja += (k == 0 ? "" : "・") + what[k].second;
        }
        out.add("personal-data", place().where,
                "The " + en + " of the handler " + name + " (registry) stands in " + place().en +
                    ": remove it before publication, or do not publish this file.",
                place().ja + "に、名簿の取扱者 " + name + " の" + ja + "が含まれています。公開前に削除するか、このファイルを公開しないでください。");
    }

    // Patterns that need no registry: warnings, since a company's own number or address may be
    // meant. Numbers and e-mail addresses end at a space, so these read the text with its spaces.
    scanPatterns(spaced, place, out);
    if (addressLike && !std::any_of(hits.begin(), hits.end(), [](const auto& h) { return h.second.count(Kind::Address) > 0; }))
        out.add("pattern-address", place().where,
                "A postal address stands in " + place().en + ": remove it if it is a person's address.",
                place().ja + "に住所があります。個人の住所であれば削除してください。", true);
}

void PersonalData::scanPatterns(const std::string& t, const std::function<const Place&()>& place, Findings& out) const
{
    for (std::size_t i = 0; i < t.size();) {
        if (!isDigit(t[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        std::string digits;
        bool separated = false;
        while (j < t.size() && (isDigit(t[j]) || t[j] == '-' || t[j] == '(' || t[j] == ')')) {
            if (isDigit(t[j]))
                digits += t[j];
            else
                separated = true;
            ++j;
        }
        const bool afterLetter = i > 0 && ((t[i - 1] >= 'A' && t[i - 1] <= 'Z') || t[i - 1] == '.');
        if (!afterLetter && digits.size() == 12 && (!separated || (j - i == 14 && t[i + 4] == '-' && t[i + 9] == '-')) &&
            validMyNumber(digits)) {
            out.add("pattern-my-number", place().where,
                    "A 12-digit number with a valid My Number check digit stands in " + place().en +
                        ": if it is an Individual Number (マイナンバー), remove it; it must never be published.",
                    place().ja + "に、マイナンバーの検査用数字に合う 12 桁の数字があります。個人番号であれば削除してください（公開は禁止されています）。",
                    true);
        } else if (!afterLetter && digits.size() >= 10 && digits.size() <= 11 && digits[0] == '0' && digits[1] != '0' &&
                   (separated || digits.size() == 11) && j - i <= 14 && (i == 0 || t[i - 1] != '.')) {
            out.add("pattern-phone", place().where,
                    "A phone number stands in " + place().en + ": remove it unless it is the organization's own number meant to be published.",
                    place().ja + "に電話番号があります。公開してよい組織の代表番号でなければ削除してください。", true);
        }
        i = j;
    }
    for (std::size_t at = t.find('@'); at != std::string::npos; at = t.find('@', at + 1)) {
        auto local = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; };
        std::size_t b = at;
        while (b > 0 && local(t[b - 1]))
            --b;
        std::size_t e = at + 1;
        bool dot = false;
        while (e < t.size() && (std::isalnum(static_cast<unsigned char>(t[e])) || t[e] == '.' || t[e] == '-')) {
            dot = dot || (t[e] == '.' && e > at + 1);
            ++e;
        }
        if (b < at && dot && std::isalpha(static_cast<unsigned char>(t[e - 1]))) {
            out.add("pattern-email", place().where,
                    "An e-mail address stands in " + place().en + ": remove it unless it is an address meant to be published.",
                    place().ja + "にメールアドレスがあります。公開してよい窓口のアドレスでなければ削除してください。", true);
            break;
        }
    }
}

namespace {

enum class Format { Xlsx, Docx, Pdf, Text, Png, Signature, Zip, Ole, Other };

std::string lower(std::string s)
{
    for (char& c : s)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + 32);
    return s;
}

Format formatOf(const std::string& name, std::string_view bytes)
{
    const std::string ext = lower(std::filesystem::path(name).extension().string());
    if (bytes.substr(0, 5) == "%PDF-" || ext == ".pdf")
        return Format::Pdf;
    if (bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        return Format::Ole;
    if (bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8))
        return Format::Png;
    if (ext == ".p7s" || ext == ".sig" || ext == ".p7m")
        return Format::Signature; // a detached signature holds a certificate and a hash, nothing else
    if (ext == ".xlsx" || ext == ".xlsm" || ext == ".xltx" || ext == ".xltm")
        return Format::Xlsx;
    if (ext == ".docx" || ext == ".docm" || ext == ".dotx" || ext == ".dotm")
        return Format::Docx;
    if (bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
        // An Office file under another name: the part names say which.
        if (bytes.find("xl/workbook") != std::string_view::npos)
            return Format::Xlsx;
        if (bytes.find("word/document") != std::string_view::npos)
            return Format::Docx;
        return Format::Zip;
    }
    static const std::set<std::string> text{".csv", ".txt", ".tsv", ".json", ".xml", ".md", ".html", ".htm", ".log", ""};
    if (text.count(ext))
        return Format::Text;
    // Anything else is inspected as text when it looks like text (no NUL in its first 8 KiB).
    if (bytes.substr(0, 8192).find('\0') == std::string_view::npos)
        return Format::Text;
    return Format::Other;
}

void inspectText(std::string_view bytes, const PersonalData& personal, Findings& out)
{
    const core::DecodedText decoded = core::decodeRosterText(bytes);
    if (!decoded.error.empty()) {
        out.unreadable("The file is not text in an encoding Meibo knows: " + decoded.error,
                       "既知の文字コードのテキストとして読めません：" + decoded.errorJa);
        return;
    }
    const std::string& s = decoded.utf8;
    std::size_t line = 1;
    for (std::size_t start = 0; start <= s.size();) {
        std::size_t end = s.find('\n', start);
        if (end == std::string::npos)
            end = s.size();
        if (end > start) {
            const auto n = [line] { return std::to_string(line); };
            personal.scan(std::string_view(s).substr(start, end - start), [&] { return Place{"line " + n(), "line " + n(), n() + " 行目"}; }, out);
        }
        start = end + 1;
        ++line;
    }
}

/// A PNG's text chunks (tEXt, iTXt, zTXt): the metadata exiftool shows. Meibo's own PNGs have none.
void inspectPng(std::string_view bytes, const PersonalData& personal, Findings& out)
{
    for (std::size_t at = 8; at + 12 <= bytes.size();) {
        const auto b = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + k])); };
        const std::uint32_t length = (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
        const std::string_view type = bytes.substr(at + 4, 4);
        if (length > bytes.size() - at - 12)
            break;
        if (type == "tEXt" || type == "iTXt" || type == "zTXt") {
            const std::string_view data = bytes.substr(at + 8, length);
            const std::string keyword(data.substr(0, data.find('\0')));
            if (keyword != "Software")
                out.add("image-metadata", keyword,
                        "The image carries the text metadata “" + keyword + "”, not visible in the picture: remove it "
                        "(save the image again without metadata) before publication.",
                        "画像に、絵には見えない文字のメタデータ「" + keyword + "」が含まれています。公開前にメタデータなしで保存し直してください。");
            if (type == "tEXt")
                personal.scan(data.substr(std::min(data.size(), keyword.size() + 1)), {keyword, "the image's metadata “" + keyword + "”",
                                                                                       "画像のメタデータ「" + keyword + "」"},
                              out);
        }
        if (type == "IEND")
            break;
        at += 12 + length;
    }
}

std::vector<InspectFinding> inspectWith(const std::string& name, std::string_view bytes, const PersonalData& personal,
                                        const InspectOptions& options, bool& unreadable)
{
    Findings out(name, options);
    try {
        switch (formatOf(name, bytes)) {
        case Format::Xlsx:
            inspectOoxml(bytes, false, personal, out);
            break;
        case Format::Docx:
            inspectOoxml(bytes, true, personal, out);
            break;
        case Format::Pdf:
            inspectPdf(bytes, personal, out);
            break;
        case Format::Text:
            inspectText(bytes, personal, out);
            break;
        case Format::Png:
            inspectPng(bytes, personal, out);
            break;
        case Format::Signature:
            break;
        case Format::Ole:
            out.unreadable("The file is encrypted with a password, or in the old Office format (.xls/.doc): Meibo cannot "
                           "look inside. Remove the password and save it as .xlsx or .docx, then inspect again.",
                           "パスワードで暗号化されているか、古い Office 形式（.xls/.doc）のため中を点検できません。"
                           "パスワードを解除し、.xlsx か .docx で保存し直してから再度点検してください。");
            break;
        case Format::Zip:
        case Format::Other:
            out.add("file-not-inspected", "",
                    "Meibo cannot look inside this kind of file; check it yourself, or leave it out of the deliverables.",
                    "この種類のファイルの中は点検できません。ご自身で確認するか、納品物から外してください。", true);
            break;
        }
    } catch (const std::bad_alloc&) {
        out.unreadable("The file needs more memory to read than there is; split it and inspect again.",
                       "読むためのメモリーが足りません。ファイルを分割して再度点検してください。");
    } catch (const std::exception& e) {
        out.unreadable(std::string("The file could not be read (") + e.what() + "); open it in the program that made it, save it again and inspect again.",
                       "ファイルを読めませんでした。作成したソフトで開いて保存し直し、再度点検してください。");
    }
    unreadable = out.wasUnreadable();
    return out.take();
}

} // namespace

} // namespace inspect

using namespace inspect;

std::vector<InspectFinding> inspectBytes(const std::string& name, std::string_view bytes, const InspectOptions& options)
{
    const PersonalData personal(options);
    bool unreadable = false;
    return inspectWith(name, bytes, personal, options, unreadable);
}

InspectResult inspectPaths(const std::vector<std::string>& paths, const InspectOptions& options)
{
    namespace fs = std::filesystem;
    const PersonalData personal(options);
    InspectResult result;
    auto unreadable = [&](const std::string& file, std::string en, std::string ja) {
        ++result.unreadable;
        result.findings.push_back({"file-unreadable", file, "", std::move(en), std::move(ja), false});
    };
    std::vector<std::string> files;
    for (const std::string& path : paths) {
        std::error_code ec;
        const fs::file_status st = fs::symlink_status(path, ec);
        if (ec || !fs::exists(st)) {
            unreadable(path, "There is no such file or folder; check the path.", "そのファイルまたはフォルダーはありません。パスを確かめてください。");
            continue;
        }
        if (fs::is_directory(st)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->is_regular_file(ec) && !it->is_symlink(ec))
                    found.push_back(it->path().string());
            if (ec)
                unreadable(path, "The folder could not be read to the end (" + ec.message() + "); check its permissions.",
                           "フォルダーを最後まで読めませんでした。アクセス権を確かめてください。");
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(path);
        }
    }
    for (const std::string& file : files) {
        std::error_code ec;
        const auto size = fs::file_size(file, ec);
        if (!ec && size > InspectLimits::kFileBytes) {
            ++result.files;
            result.findings.push_back({"file-too-large", file, "",
                                       "The file is larger than 512 MB, far beyond the contract's 128 MB per file: split it "
                                       "before delivery (it was not inspected further).",
                                       "ファイルが 512 MB を超えています（契約の上限は 1 ファイル 128 MB）。納品前に分割してください（これ以上の点検はしていません）。",
                                       false});
            continue;
        }
        std::ifstream in(file, std::ios::binary);
        std::string bytes;
        if (in) {
            bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        if (!in && !in.eof()) {
            unreadable(file, "The file could not be read; check that it exists and that you may read it.",
                       "ファイルを読めません。存在することと読み取り権限を確かめてください。");
            continue;
        }
        ++result.files;
        bool bad = false;
        auto found = inspectWith(file, bytes, personal, options, bad);
        if (bad)
            ++result.unreadable;
        result.findings.insert(result.findings.end(), std::make_move_iterator(found.begin()),
                               std::make_move_iterator(found.end()));
    }
    return result;
}

std::string inspectCsv(const std::vector<InspectFinding>& findings)
{
    std::string out = core::csvLine({"rule", "severity", "file", "where", "message", "message_ja"});
    for (const auto& f : findings)
        out += core::csvLine({f.rule, f.warning ? "warning" : "error", f.file, f.where, f.message, f.messageJa});
    return out;
}

} // namespace meibo::forms
