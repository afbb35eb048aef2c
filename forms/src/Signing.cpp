// Signing: identities (PKCS#12 or self-signed), detached CMS with OpenSSL, and PDF signatures added
// by incremental update to files with a classic cross-reference table.
#include "meibo/forms/Signing.h"

#include "meibo/core/Error.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

namespace meibo::forms {

using core::Error;
using core::ErrorCode;

namespace {

// ---------------------------------------------------------------------------------------------
// OpenSSL helpers

template <typename T, void (*Free)(T*)> struct Deleter {
    void operator()(T* p) const noexcept { Free(p); }
};
void freeBio(BIO* b)
{
    BIO_free(b);
}
void freeX509Stack(STACK_OF(X509) * s)
{
    sk_X509_pop_free(s, X509_free);
}
void freeX509Extension(X509_EXTENSION* e)
{
    X509_EXTENSION_free(e);
}

using BioPtr = std::unique_ptr<BIO, Deleter<BIO, freeBio>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, Deleter<PKCS12, PKCS12_free>>;
using X509StackPtr = std::unique_ptr<STACK_OF(X509), Deleter<STACK_OF(X509), freeX509Stack>>;
using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, freeX509Extension>>;

/// The queued OpenSSL errors as one line (and the queue emptied), for the end of a message.
std::string takeOpenSslErrors()
{
    std::string text;
    while (const unsigned long code = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(code, buf, sizeof buf);
        if (!text.empty())
            text += "; ";
        text += buf;
    }
    return text;
}

std::string withDetail(std::string sentence)
{
    const std::string detail = takeOpenSslErrors();
    if (!detail.empty())
        sentence += " (OpenSSL: " + detail + ")";
    return sentence;
}

[[noreturn]] void failInternal(const std::string& what)
{
    throw Error(ErrorCode::Internal, withDetail(what));
}

BioPtr readOnlyBio(const std::string& bytes)
{
    BioPtr bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
    if (!bio)
        failInternal("Could not allocate memory for OpenSSL.");
    return bio;
}

std::string bioContents(BIO* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

std::string certificateToPem(X509* cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        failInternal("Could not write the certificate as PEM.");
    return bioContents(bio.get());
}

/// PEM (unencrypted PKCS#8) through a secure-memory BIO, whose buffer is wiped when freed.
std::string privateKeyToPem(EVP_PKEY* key)
{
    BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        failInternal("Could not write the private key as PEM.");
    return bioContents(bio.get());
}

X509Ptr certificateFromPem(const std::string& pem)
{
    BioPtr bio = readOnlyBio(pem);
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert)
        throw Error(ErrorCode::InvalidInput,
                    withDetail("The signing certificate is not a readable PEM certificate."));
    return cert;
}

KeyPtr privateKeyFromPem(const std::string& pem)
{
    // Read straight from the caller's string: no copy of the key is made here.
    BioPtr bio = readOnlyBio(pem);
    KeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key)
        throw Error(ErrorCode::InvalidInput,
                    withDetail("The signing key is not a readable PEM private key."));
    return key;
}

/// The subject's common name as UTF-8 (empty when it has none).
std::string commonName(X509* cert)
{
    X509_NAME* subject = X509_get_subject_name(cert);
    const int index = subject ? X509_NAME_get_index_by_NID(subject, NID_commonName, -1) : -1;
    if (index < 0)
        return {};
    ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index));
    unsigned char* utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, value);
    if (length < 0)
        return {};
    std::string name(reinterpret_cast<const char*>(utf8), static_cast<std::size_t>(length));
    OPENSSL_free(utf8);
    return name;
}

/// SHA-256 of the certificate's DER encoding, "AB:CD:…" as openssl prints it.
std::string fingerprintOf(X509* cert)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(cert, EVP_sha256(), digest, &length) != 1)
        failInternal("Could not compute the certificate's fingerprint.");
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        if (i)
            out += ':';
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

SigningIdentity makeIdentity(X509* cert, EVP_PKEY* key)
{
    SigningIdentity identity;
    identity.certificatePem = certificateToPem(cert);
    identity.privateKeyPem = privateKeyToPem(key);
    identity.signerName = commonName(cert);
    if (identity.signerName.empty()) {
        OPENSSL_cleanse(identity.privateKeyPem.data(), identity.privateKeyPem.size());
        throw Error(ErrorCode::InvalidInput, "The certificate's subject has no common name (CN); use a "
                                             "certificate issued to a named person or organization.");
    }
    return identity;
}

void addExtension(X509* cert, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    ExtPtr extension(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    if (!extension || X509_add_ext(cert, extension.get(), -1) != 1)
        failInternal(std::string("Could not add the certificate extension ") + OBJ_nid2sn(nid) + ".");
}

void addNameEntry(X509_NAME* name, const char* field, const std::string& value)
{
    if (X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(value.data()),
                                   static_cast<int>(value.size()), -1, 0) != 1)
        throw Error(ErrorCode::InvalidInput,
                    withDetail(std::string("The certificate's ") + field + " “" + value +
                               "” cannot be used (it must be valid UTF-8 of at most 64 characters)."),
                    field);
}

/// Verifies the PKCS#12 MAC with `passphrase`; OpenSSL's own tools also accept a missing password
/// for an empty one, so both spellings are tried. Returns the form that worked.
std::optional<const char*> verifiedPassphrase(PKCS12* p12, const std::string& passphrase)
{
    if (!PKCS12_mac_present(p12))
        return passphrase.empty() ? nullptr : passphrase.c_str();
    if (PKCS12_verify_mac(p12, passphrase.c_str(), static_cast<int>(passphrase.size())) == 1)
        return passphrase.c_str();
    if (passphrase.empty() && PKCS12_verify_mac(p12, nullptr, 0) == 1)
        return nullptr;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// A small reader for PDF objects: just enough syntax to copy dictionaries key by key.

bool isPdfWhite(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool isPdfDelimiter(char c)
{
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' ||
           c == '/' || c == '%';
}
bool isPdfRegular(char c)
{
    return !isPdfWhite(c) && !isPdfDelimiter(c);
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

struct PdfValue {
    enum class Kind { Null, Boolean, Integer, Real, Name, String, Array, Dictionary, Reference, Keyword };
    Kind kind = Kind::Null;
    std::size_t begin = 0, end = 0; ///< the value's bytes in the file
    long long number = 0;           ///< Integer value, or the object number of a Reference
    int generation = 0;             ///< of a Reference
    std::string text;               ///< Name (with its slash) or Keyword
    std::vector<PdfValue> items;    ///< Array
    std::vector<std::pair<std::string, PdfValue>> entries; ///< Dictionary, in file order

    const PdfValue* find(std::string_view key) const
    {
        for (const auto& [k, v] : entries)
            if (k == key)
                return &v;
        return nullptr;
    }
    bool isName(std::string_view name) const { return kind == Kind::Name && text == name; }
};

std::string byteOffset(std::size_t offset)
{
    return "byte " + std::to_string(offset);
}

/// "<sentence> at byte N<advice>." as a Damaged error, with the offset as `where`.
[[noreturn]] void damaged(const std::string& sentence, std::size_t offset, const std::string& advice = {})
{
    throw Error(ErrorCode::Damaged, sentence + " at " + byteOffset(offset) + advice + ".",
                byteOffset(offset));
}

class PdfReader {
public:
    PdfReader(const std::string& pdf, std::size_t pos)
        : m_pdf(pdf)
        , m_pos(pos)
    {
    }

    std::size_t pos() const { return m_pos; }

    void skipWhite()
    {
        while (m_pos < m_pdf.size()) {
            const char c = m_pdf[m_pos];
            if (isPdfWhite(c)) {
                ++m_pos;
            } else if (c == '%') {
                while (m_pos < m_pdf.size() && m_pdf[m_pos] != '\n' && m_pdf[m_pos] != '\r')
                    ++m_pos;
            } else {
                break;
            }
        }
    }

    /// Consumes `keyword` (followed by a non-regular character) if it comes next.
    bool acceptKeyword(std::string_view keyword)
    {
        skipWhite();
        if (m_pdf.compare(m_pos, keyword.size(), keyword) != 0)
            return false;
        const std::size_t after = m_pos + keyword.size();
        if (after < m_pdf.size() && isPdfRegular(m_pdf[after]))
            return false;
        m_pos = after;
        return true;
    }

    /// An unsigned decimal integer, or nothing (position unchanged).
    std::optional<long long> acceptUnsigned()
    {
        skipWhite();
        std::size_t p = m_pos;
        long long value = 0;
        while (p < m_pdf.size() && isDigit(m_pdf[p])) {
            if (value > (1LL << 50))
                return std::nullopt;
            value = value * 10 + (m_pdf[p] - '0');
            ++p;
        }
        if (p == m_pos || (p < m_pdf.size() && isPdfRegular(m_pdf[p])))
            return std::nullopt;
        m_pos = p;
        return value;
    }

    PdfValue parseValue(int depth = 0)
    {
        if (depth > 64)
            damaged("The PDF nests arrays or dictionaries too deeply", m_pos);
        skipWhite();
        if (m_pos >= m_pdf.size())
            damaged("The PDF ends in the middle of an object", m_pos);
        PdfValue value;
        value.begin = m_pos;
        const char c = m_pdf[m_pos];
        if (c == '/') {
            value.kind = PdfValue::Kind::Name;
            ++m_pos;
            while (m_pos < m_pdf.size() && isPdfRegular(m_pdf[m_pos]))
                ++m_pos;
            value.text = m_pdf.substr(value.begin, m_pos - value.begin);
        } else if (c == '(') {
            value.kind = PdfValue::Kind::String;
            skipLiteralString();
        } else if (c == '<' && m_pos + 1 < m_pdf.size() && m_pdf[m_pos + 1] == '<') {
            value.kind = PdfValue::Kind::Dictionary;
            m_pos += 2;
            for (;;) {
                skipWhite();
                if (m_pdf.compare(m_pos, 2, ">>") == 0) {
                    m_pos += 2;
                    break;
                }
                if (m_pos >= m_pdf.size() || m_pdf[m_pos] != '/')
                    damaged("A PDF dictionary has something other than a name where a key should be", m_pos);
                PdfValue key = parseValue(depth + 1);
                PdfValue item = parseValue(depth + 1);
                value.entries.emplace_back(key.text, std::move(item));
            }
        } else if (c == '<') {
            value.kind = PdfValue::Kind::String;
            const std::size_t close = m_pdf.find('>', m_pos);
            if (close == std::string::npos)
                damaged("A hexadecimal string in the PDF is not closed", m_pos);
            m_pos = close + 1;
        } else if (c == '[') {
            value.kind = PdfValue::Kind::Array;
            ++m_pos;
            for (;;) {
                skipWhite();
                if (m_pos < m_pdf.size() && m_pdf[m_pos] == ']') {
                    ++m_pos;
                    break;
                }
                value.items.push_back(parseValue(depth + 1));
            }
        } else if (isDigit(c) || c == '+' || c == '-' || c == '.') {
            parseNumberOrReference(value);
        } else if (isPdfRegular(c)) {
            value.kind = PdfValue::Kind::Keyword;
            while (m_pos < m_pdf.size() && isPdfRegular(m_pdf[m_pos]))
                ++m_pos;
            value.text = m_pdf.substr(value.begin, m_pos - value.begin);
            if (value.text == "true" || value.text == "false")
                value.kind = PdfValue::Kind::Boolean;
            else if (value.text == "null")
                value.kind = PdfValue::Kind::Null;
            else
                damaged("The PDF has the unexpected word “" + value.text.substr(0, 40) + "” inside an object",
                        value.begin);
        } else {
            damaged(std::string("The PDF has an unexpected character “") + c + "” inside an object", m_pos);
        }
        value.end = m_pos;
        return value;
    }

private:
    void skipLiteralString()
    {
        const std::size_t start = m_pos;
        int nesting = 0;
        while (m_pos < m_pdf.size()) {
            const char c = m_pdf[m_pos++];
            if (c == '\\') {
                ++m_pos;
            } else if (c == '(') {
                ++nesting;
            } else if (c == ')') {
                if (--nesting == 0)
                    return;
            }
        }
        damaged("A string in the PDF is not closed", start);
    }

    void parseNumberOrReference(PdfValue& value)
    {
        std::size_t p = m_pos;
        bool integer = true;
        if (m_pdf[p] == '+' || m_pdf[p] == '-')
            ++p;
        while (p < m_pdf.size() && (isDigit(m_pdf[p]) || m_pdf[p] == '.')) {
            if (m_pdf[p] == '.')
                integer = false;
            ++p;
        }
        const std::string token = m_pdf.substr(m_pos, p - m_pos);
        m_pos = p;
        if (!integer) {
            value.kind = PdfValue::Kind::Real;
            return;
        }
        value.kind = PdfValue::Kind::Integer;
        value.number = std::strtoll(token.c_str(), nullptr, 10);
        if (token[0] == '+' || token[0] == '-')
            return;
        // "n g R" is a reference: look ahead without consuming when it is not.
        const std::size_t save = m_pos;
        if (const auto generation = acceptUnsigned();
            generation && *generation <= 65535 && acceptKeyword("R")) {
            value.kind = PdfValue::Kind::Reference;
            value.generation = static_cast<int>(*generation);
            return;
        }
        m_pos = save;
    }

    const std::string& m_pdf;
    std::size_t m_pos;
};

// ---------------------------------------------------------------------------------------------
// The file's structure: cross-reference table, trailer, objects.

struct XrefEntry {
    bool inUse = false;
    std::size_t offset = 0;
    int generation = 0;
};

struct IndirectObject {
    long long number = 0;
    int generation = 0;
    PdfValue value;
};

class PdfFile {
public:
    explicit PdfFile(const std::string& pdf)
        : m_pdf(pdf)
    {
        const std::size_t header = pdf.find("%PDF-");
        if (header == std::string::npos || header > 1024)
            throw Error(ErrorCode::InvalidInput, "The file is not a PDF: it has no “%PDF-” header.");
        if (header + 8 <= pdf.size() && isDigit(pdf[header + 5]) && pdf[header + 6] == '.' &&
            isDigit(pdf[header + 7]))
            m_headerVersion = (pdf[header + 5] - '0') * 10 + (pdf[header + 7] - '0');

        const std::size_t startxref = pdf.rfind("startxref");
        if (startxref == std::string::npos)
            throw Error(ErrorCode::Damaged,
                        "The PDF has no “startxref” at its end: the file is truncated or not a PDF.");
        PdfReader reader(pdf, startxref + 9);
        const auto offset = reader.acceptUnsigned();
        if (!offset || *offset <= 0 || static_cast<std::size_t>(*offset) >= pdf.size())
            damaged("The PDF's “startxref” does not give a byte offset inside the file", startxref);
        m_startxref = static_cast<std::size_t>(*offset);

        std::set<std::size_t> seen;
        std::size_t section = m_startxref;
        bool newest = true;
        for (;;) {
            if (!seen.insert(section).second)
                damaged("The PDF's cross-reference sections point back to each other", section);
            PdfValue trailer = readXrefSection(section);
            if (newest) {
                m_trailer = trailer;
                newest = false;
            }
            const PdfValue* prev = trailer.find("/Prev");
            if (!prev)
                break;
            if (prev->kind != PdfValue::Kind::Integer || prev->number <= 0 ||
                static_cast<std::size_t>(prev->number) >= pdf.size())
                damaged("The PDF's trailer has a /Prev that is not a byte offset inside the file",
                        prev->begin);
            section = static_cast<std::size_t>(prev->number);
        }
    }

    std::size_t startxref() const { return m_startxref; }
    long long highestObjectNumber() const { return m_xref.empty() ? 0 : m_xref.rbegin()->first; }
    int headerVersion() const { return m_headerVersion; }
    const PdfValue& trailer() const { return m_trailer; }
    std::string text(const PdfValue& value) const
    {
        return m_pdf.substr(value.begin, value.end - value.begin);
    }

    IndirectObject object(long long number) const
    {
        const auto entry = m_xref.find(number);
        if (entry == m_xref.end() || !entry->second.inUse)
            throw Error(
                ErrorCode::Damaged,
                "Object " + std::to_string(number) +
                    " is not in the PDF's classic cross-reference table; objects inside object streams "
                    "are not supported, so save the PDF without object streams.");
        const std::size_t offset = entry->second.offset;
        if (offset >= m_pdf.size())
            damaged("The cross-reference table puts object " + std::to_string(number) +
                        " beyond the end of the file",
                    offset);
        PdfReader reader(m_pdf, offset);
        const auto num = reader.acceptUnsigned();
        const auto gen = reader.acceptUnsigned();
        if (!num || !gen || *num != number || !reader.acceptKeyword("obj"))
            damaged("The cross-reference table points object " + std::to_string(number) +
                        " to a place where there is no “" + std::to_string(number) + " " +
                        std::to_string(entry->second.generation) + " obj”",
                    offset);
        IndirectObject result;
        result.number = number;
        result.generation = static_cast<int>(*gen);
        result.value = reader.parseValue();
        return result;
    }

    /// Follows a reference (once); direct values come back as they are.
    PdfValue resolve(const PdfValue& value) const
    {
        return value.kind == PdfValue::Kind::Reference ? object(value.number).value : value;
    }

    /// Page objects (number and generation) in document order.
    std::vector<std::pair<long long, int>> pages(const PdfValue& catalog) const
    {
        const PdfValue* root = catalog.find("/Pages");
        if (!root || root->kind != PdfValue::Kind::Reference)
            throw Error(ErrorCode::Damaged,
                        "The PDF's catalog has no /Pages reference, so its pages cannot be found.");
        std::vector<std::pair<long long, int>> result;
        std::set<long long> visited;
        collectPages(*root, result, visited, 0);
        return result;
    }

private:
    PdfValue readXrefSection(std::size_t offset)
    {
        PdfReader reader(m_pdf, offset);
        if (!reader.acceptKeyword("xref")) {
            PdfReader probe(m_pdf, offset);
            if (probe.acceptUnsigned() && probe.acceptUnsigned() && probe.acceptKeyword("obj"))
                damaged(
                    "The PDF has a cross-reference stream instead of a classic cross-reference table", offset,
                    "; save it without object streams (e.g. “qpdf --object-streams=disable”) and sign again");
            damaged("The PDF has no classic cross-reference table", offset);
        }
        for (;;) {
            if (reader.acceptKeyword("trailer"))
                break;
            const std::size_t subsection = reader.pos();
            const auto first = reader.acceptUnsigned();
            const auto count = reader.acceptUnsigned();
            if (!first || !count)
                damaged("The PDF's cross-reference table has neither a subsection header nor “trailer”",
                        subsection);
            if (*count > static_cast<long long>(m_pdf.size() / 18))
                damaged("A cross-reference subsection claims more entries than the file could hold",
                        subsection);
            for (long long i = 0; i < *count; ++i) {
                const std::size_t entryAt = reader.pos();
                const auto entryOffset = reader.acceptUnsigned();
                const auto generation = reader.acceptUnsigned();
                const bool inUse = reader.acceptKeyword("n");
                if (!entryOffset || !generation || (!inUse && !reader.acceptKeyword("f")))
                    damaged("A cross-reference entry is not “offset generation n|f”", entryAt);
                // Sections are read newest first: an object keeps its newest entry.
                m_xref.try_emplace(*first + i, XrefEntry{inUse, static_cast<std::size_t>(*entryOffset),
                                                         static_cast<int>(*generation)});
            }
        }
        PdfValue trailer = reader.parseValue();
        if (trailer.kind != PdfValue::Kind::Dictionary)
            damaged("The PDF's “trailer” is not followed by a dictionary", trailer.begin);
        return trailer;
    }

    void collectPages(const PdfValue& ref, std::vector<std::pair<long long, int>>& result,
                      std::set<long long>& visited, int depth) const
    {
        if (ref.kind != PdfValue::Kind::Reference)
            throw Error(ErrorCode::Damaged, "The PDF's page tree has a /Kids entry that is not a reference.");
        if (depth > 64 || !visited.insert(ref.number).second)
            throw Error(ErrorCode::Damaged, "The PDF's page tree loops back on itself (at object " +
                                                std::to_string(ref.number) + ").");
        const IndirectObject node = object(ref.number);
        if (node.value.kind != PdfValue::Kind::Dictionary)
            throw Error(ErrorCode::Damaged, "Object " + std::to_string(ref.number) +
                                                " in the PDF's page tree is not a dictionary.");
        const PdfValue* type = node.value.find("/Type");
        const PdfValue* kids = node.value.find("/Kids");
        if ((type && type->isName("/Page")) || (!kids && !(type && type->isName("/Pages")))) {
            result.emplace_back(node.number, node.generation);
            return;
        }
        if (!kids)
            throw Error(ErrorCode::Damaged,
                        "The page tree node " + std::to_string(ref.number) + " in the PDF has no /Kids.");
        const PdfValue list = resolve(*kids);
        if (list.kind != PdfValue::Kind::Array)
            throw Error(ErrorCode::Damaged,
                        "The /Kids of page tree node " + std::to_string(ref.number) + " is not an array.");
        for (const PdfValue& kid : list.items)
            collectPages(kid, result, visited, depth + 1);
    }

    const std::string& m_pdf;
    std::size_t m_startxref = 0;
    int m_headerVersion = 0;
    PdfValue m_trailer;
    std::map<long long, XrefEntry> m_xref;
};

// ---------------------------------------------------------------------------------------------
// Writing PDF syntax

std::string reference(long long number, int generation)
{
    return std::to_string(number) + " " + std::to_string(generation) + " R";
}

/// Decodes UTF-8 to code points; throws InvalidInput naming `what` for malformed text.
std::vector<char32_t> codePoints(const std::string& utf8, const std::string& what)
{
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        int extra = 0;
        char32_t cp = 0;
        if (lead < 0x80) {
            cp = lead;
        } else if ((lead & 0xE0) == 0xC0) {
            extra = 1;
            cp = lead & 0x1F;
        } else if ((lead & 0xF0) == 0xE0) {
            extra = 2;
            cp = lead & 0x0F;
        } else if ((lead & 0xF8) == 0xF0) {
            extra = 3;
            cp = lead & 0x07;
        } else {
            throw Error(ErrorCode::InvalidInput, "The " + what + " is not valid UTF-8 text.", what);
        }
        if (i + static_cast<std::size_t>(extra) >= utf8.size())
            throw Error(ErrorCode::InvalidInput, "The " + what + " is not valid UTF-8 text.", what);
        for (int k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]);
            if ((next & 0xC0) != 0x80)
                throw Error(ErrorCode::InvalidInput, "The " + what + " is not valid UTF-8 text.", what);
            cp = (cp << 6) | (next & 0x3F);
        }
        static constexpr char32_t minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            throw Error(ErrorCode::InvalidInput, "The " + what + " is not valid UTF-8 text.", what);
        out.push_back(cp);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

/// A PDF text string: a literal string when it is printable ASCII, else UTF-16BE with a BOM in hex.
std::string pdfTextString(const std::string& utf8, const std::string& what)
{
    const std::vector<char32_t> points = codePoints(utf8, what);
    const bool printableAscii =
        std::all_of(points.begin(), points.end(), [](char32_t c) { return c >= 0x20 && c < 0x7F; });
    if (printableAscii) {
        std::string out = "(";
        for (const char32_t c : points) {
            if (c == '(' || c == ')' || c == '\\')
                out += '\\';
            out += static_cast<char>(c);
        }
        return out + ")";
    }
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = "<FEFF";
    const auto unit = [&](unsigned value) {
        for (int shift = 12; shift >= 0; shift -= 4)
            out += hex[(value >> shift) & 0xF];
    };
    for (const char32_t c : points) {
        if (c >= 0x10000) {
            const char32_t v = c - 0x10000;
            unit(0xD800 + static_cast<unsigned>(v >> 10));
            unit(0xDC00 + static_cast<unsigned>(v & 0x3FF));
        } else {
            unit(static_cast<unsigned>(c));
        }
    }
    return out + ">";
}

/// A number for a PDF rectangle: at most two decimals, no exponent, no locale.
std::string pdfNumber(double value)
{
    const double rounded = std::round(value * 100.0) / 100.0;
    std::array<char, 64> buf{};
    const auto result = std::to_chars(buf.data(), buf.data() + buf.size(), rounded == 0.0 ? 0.0 : rounded,
                                      std::chars_format::fixed, 2);
    std::string text(buf.data(), result.ptr);
    while (!text.empty() && text.back() == '0')
        text.pop_back();
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text;
}

/// "YYYYMMDDHHMMSSZ" to a PDF date "D:YYYYMMDDHHmmSS+00'00'".
std::string pdfDate(const std::string& utc)
{
    const bool shaped = utc.size() == 15 && utc.back() == 'Z' &&
                        std::all_of(utc.begin(), utc.end() - 1, [](char c) { return isDigit(c); });
    const auto field = [&](std::size_t at, std::size_t length) { return std::stoi(utc.substr(at, length)); };
    if (!shaped || field(4, 2) < 1 || field(4, 2) > 12 || field(6, 2) < 1 || field(6, 2) > 31 ||
        field(8, 2) > 23 || field(10, 2) > 59 || field(12, 2) > 60)
        throw Error(ErrorCode::InvalidInput,
                    "The signing time “" + utc + "” is not a UTC time written as YYYYMMDDHHMMSSZ.",
                    "signingTime");
    return "D:" + utc.substr(0, 14) + "+00'00'";
}

/// A dictionary written again with some keys replaced or added; the others keep their exact text.
std::string rewriteDictionary(const PdfFile& file, const PdfValue& dict,
                              const std::vector<std::pair<std::string, std::string>>& replacements)
{
    std::string out = "<<";
    for (const auto& [key, value] : dict.entries) {
        const bool replaced = std::any_of(replacements.begin(), replacements.end(),
                                          [&](const auto& r) { return r.first == key; });
        if (!replaced)
            out += " " + key + " " + file.text(value);
    }
    for (const auto& [key, value] : replacements)
        out += " " + key + " " + value;
    return out + " >>";
}

/// The text of an array value (resolved once if it is a reference) with `extra` appended.
std::string extendedArray(const PdfFile& file, const PdfValue* value, const std::string& extra,
                          const std::string& what)
{
    if (!value)
        return "[" + extra + "]";
    const PdfValue array = file.resolve(*value);
    if (array.kind == PdfValue::Kind::Null)
        return "[" + extra + "]";
    if (array.kind != PdfValue::Kind::Array)
        throw Error(ErrorCode::Damaged, "The PDF's " + what + " is not an array.");
    std::string out = "[";
    for (const PdfValue& item : array.items)
        out += file.text(item) + " ";
    return out + extra + "]";
}

/// Names of the form fields already in the document (top level), to keep the new one's unique.
std::set<std::string> existingFieldNames(const PdfFile& file, const PdfValue& fields)
{
    std::set<std::string> names;
    if (fields.kind != PdfValue::Kind::Array)
        return names;
    for (const PdfValue& item : fields.items) {
        try {
            const PdfValue field = file.resolve(item);
            if (const PdfValue* t = field.kind == PdfValue::Kind::Dictionary ? field.find("/T") : nullptr)
                names.insert(file.text(*t));
        } catch (const Error&) {
            // A broken field elsewhere does not stop signing; its name simply cannot clash.
        }
    }
    return names;
}

/// True when the form has a signature field that holds a signature (/FT /Sig with /V).
bool hasSignedField(const PdfFile& file, const PdfValue& acroForm)
{
    const PdfValue* fields = acroForm.kind == PdfValue::Kind::Dictionary ? acroForm.find("/Fields") : nullptr;
    if (!fields)
        return false;
    const PdfValue list = file.resolve(*fields);
    for (const PdfValue& item : list.items) {
        try {
            const PdfValue field = file.resolve(item);
            const PdfValue* type = field.kind == PdfValue::Kind::Dictionary ? field.find("/FT") : nullptr;
            if (type && type->isName("/Sig") && field.find("/V"))
                return true;
        } catch (const Error&) {
            // A broken field is no signature.
        }
    }
    return false;
}

/// The P of a certification signature (catalog /Perms /DocMDP → signature /Reference → DocMDP
/// /TransformParams /P, 2 when absent), or nothing when the document is not certified.
std::optional<long long> docMdpPermissions(const PdfFile& file, const PdfValue& catalog)
{
    const PdfValue* permsValue = catalog.find("/Perms");
    if (!permsValue)
        return std::nullopt;
    const PdfValue perms = file.resolve(*permsValue);
    const PdfValue* docMdp = perms.kind == PdfValue::Kind::Dictionary ? perms.find("/DocMDP") : nullptr;
    if (!docMdp)
        return std::nullopt;
    long long p = 2;
    const PdfValue signature = file.resolve(*docMdp);
    if (const PdfValue* refs = signature.kind == PdfValue::Kind::Dictionary ? signature.find("/Reference") : nullptr) {
        const PdfValue list = file.resolve(*refs);
        for (const PdfValue& item : list.items) {
            const PdfValue ref = file.resolve(item);
            const PdfValue* method = ref.kind == PdfValue::Kind::Dictionary ? ref.find("/TransformMethod") : nullptr;
            if (!method || !method->isName("/DocMDP"))
                continue;
            if (const PdfValue* params = ref.find("/TransformParams")) {
                const PdfValue values = file.resolve(*params);
                if (const PdfValue* value = values.kind == PdfValue::Kind::Dictionary ? values.find("/P") : nullptr)
                    if (value->kind == PdfValue::Kind::Integer)
                        p = value->number;
            }
        }
    }
    return p;
}

constexpr std::size_t kByteRangeWidth = 10;
constexpr std::size_t kMinimumSignatureBytes = 8192;

std::string toHex(const std::string& bytes)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char byte : bytes) {
        const auto b = static_cast<unsigned char>(byte);
        out += hex[b >> 4];
        out += hex[b & 0xF];
    }
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------

SigningIdentity identityFromPkcs12(const std::string& p12Bytes, const std::string& passphrase)
{
    ERR_clear_error();
    BioPtr bio = readOnlyBio(p12Bytes);
    Pkcs12Ptr p12(d2i_PKCS12_bio(bio.get(), nullptr));
    if (!p12)
        throw Error(
            ErrorCode::InvalidInput,
            withDetail("The file is not a PKCS#12 (.p12 / .pfx) certificate file, or it is damaged."), {},
            "このファイルは PKCS#12（.p12 / .pfx）の証明書ファイルではないか、壊れています。");
    const auto pass = verifiedPassphrase(p12.get(), passphrase);
    if (!pass) {
        ERR_clear_error();
        throw Error(
            ErrorCode::InvalidInput,
            "The passphrase is wrong for this PKCS#12 file: its integrity check failed. Type the passphrase "
            "the certificate was exported with.",
            "passphrase",
            "この PKCS#12 ファイルのパスフレーズが違います（完全性の検査に失敗しました）。証明書を書き出したときの"
            "パスフレーズを入力してください。");
    }

    EVP_PKEY* rawKey = nullptr;
    X509* rawCert = nullptr;
    STACK_OF(X509)* rawCa = nullptr;
    int parsed = PKCS12_parse(p12.get(), *pass, &rawKey, &rawCert, &rawCa);
    if (parsed != 1) {
        // Files exported by older Windows or OpenSSL 1.x encrypt the certificates with RC2, which
        // OpenSSL 3 keeps in its legacy provider.
        const std::string firstError = takeOpenSslErrors();
        static OSSL_PROVIDER* legacy = OSSL_PROVIDER_try_load(nullptr, "legacy", 1);
        if (legacy)
            parsed = PKCS12_parse(p12.get(), *pass, &rawKey, &rawCert, &rawCa);
        if (parsed != 1) {
            std::string detail = takeOpenSslErrors();
            if (detail.empty())
                detail = firstError;
            throw Error(
                ErrorCode::InvalidInput,
                "The PKCS#12 file could not be decrypted: it uses an encryption OpenSSL does not support, or "
                "it is damaged" +
                    (detail.empty() ? std::string(".") : " (OpenSSL: " + detail + ")."),
                {},
                "この PKCS#12 ファイルを復号できません。対応していない暗号方式で書き出されたか、壊れています。");
        }
    }
    KeyPtr key(rawKey);
    X509Ptr cert(rawCert);
    X509StackPtr ca(rawCa);
    if (!key)
        throw Error(
            ErrorCode::InvalidInput,
            "The PKCS#12 file has no private key; export the certificate together with its private key.", {},
            "この PKCS#12 ファイルには秘密鍵がありません。証明書を秘密鍵と一緒に書き出してください。");
    if (!cert && ca) {
        // Some exporters put the signer among the other certificates: take the one that fits the key.
        for (int i = 0; i < sk_X509_num(ca.get()); ++i) {
            X509* candidate = sk_X509_value(ca.get(), i);
            if (X509_check_private_key(candidate, key.get()) == 1) {
                cert.reset(X509_dup(candidate));
                break;
            }
        }
        ERR_clear_error();
    }
    if (!cert)
        throw Error(ErrorCode::InvalidInput, "The PKCS#12 file has no certificate for its private key.", {},
                    "この PKCS#12 ファイルには、秘密鍵に対応する証明書がありません。");
    if (X509_check_private_key(cert.get(), key.get()) != 1) {
        ERR_clear_error();
        throw Error(ErrorCode::InvalidInput,
                    "The PKCS#12 file's certificate does not belong to its private key.", {},
                    "この PKCS#12 ファイルの証明書は、含まれている秘密鍵のものではありません。");
    }
    return makeIdentity(cert.get(), key.get());
}

SigningIdentity generateSelfSigned(const std::string& commonName, const std::string& organization)
{
    if (commonName.empty())
        throw Error(ErrorCode::InvalidInput, "Give a name for the certificate's common name (CN).",
                    "commonName");
    ERR_clear_error();
    KeyPtr key(EVP_RSA_gen(2048));
    if (!key)
        failInternal("Could not generate an RSA key.");
    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1)
        failInternal("Could not create a certificate.");

    // A positive random 127-bit serial, as RFC 5280 asks (unique, at most 20 octets).
    BnPtr serial(BN_new());
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        failInternal("Could not make a random certificate serial number.");

    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0) ||
        !X509_time_adj_ex(X509_getm_notAfter(cert.get()), 3 * 365 + 1, 0, nullptr))
        failInternal("Could not set the certificate's validity.");

    X509_NAME* name = X509_get_subject_name(cert.get());
    addNameEntry(name, "CN", commonName);
    if (!organization.empty())
        addNameEntry(name, "O", organization);
    if (X509_set_issuer_name(cert.get(), name) != 1 || X509_set_pubkey(cert.get(), key.get()) != 1)
        failInternal("Could not set the certificate's issuer or public key.");

    addExtension(cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    addExtension(cert.get(), NID_key_usage, "critical,digitalSignature,nonRepudiation,keyCertSign");
    addExtension(cert.get(), NID_subject_key_identifier, "hash");
    addExtension(cert.get(), NID_authority_key_identifier, "keyid:always");

    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        failInternal("Could not sign the certificate.");
    return makeIdentity(cert.get(), key.get());
}

namespace {

/// The CMS signature; `signingTimeUtc` ("YYYYMMDDHHMMSSZ") becomes the signingTime attribute, so
/// that it agrees with the PDF's /M; without it OpenSSL puts the current time.
std::string signDetached(const std::string& data, const SigningIdentity& identity,
                         const std::string& signingTimeUtc)
{
    ERR_clear_error();
    X509Ptr cert = certificateFromPem(identity.certificatePem);
    KeyPtr key = privateKeyFromPem(identity.privateKeyPem);
    if (X509_check_private_key(cert.get(), key.get()) != 1)
        throw Error(ErrorCode::InvalidInput,
                    withDetail("The signing key does not belong to the signing certificate."));

    constexpr unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL;
    CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags));
    if (!cms)
        failInternal("Could not start a CMS signature.");
    // CAdES: the signed attributes name the certificate (signing-certificate-v2); CMS_final adds
    // the content type, the message digest and (unless set here) the signing time.
    CMS_SignerInfo* signer =
        CMS_add1_signer(cms.get(), cert.get(), key.get(), EVP_sha256(), flags | CMS_CADES | CMS_NOSMIMECAP);
    if (!signer)
        failInternal("Could not add the signer to the CMS signature.");
    if (!signingTimeUtc.empty()) {
        // UTCTime for 1950–2049 and GeneralizedTime otherwise, as RFC 5652 asks.
        std::unique_ptr<ASN1_TIME, Deleter<ASN1_TIME, ASN1_TIME_free>> time(ASN1_TIME_new());
        if (!time || ASN1_TIME_set_string_X509(time.get(), signingTimeUtc.c_str()) != 1)
            throw Error(ErrorCode::InvalidInput,
                        withDetail("The signing time “" + signingTimeUtc + "” is not a valid UTC time."),
                        "signingTime");
        if (CMS_signed_add1_attr_by_NID(signer, NID_pkcs9_signingTime, time->type, time.get(), -1) != 1)
            failInternal("Could not add the signing time to the CMS signature.");
    }
    BioPtr content = readOnlyBio(data);
    if (CMS_final(cms.get(), content.get(), nullptr, flags) != 1)
        failInternal("Could not compute the CMS signature.");

    BioPtr out(BIO_new(BIO_s_mem()));
    if (!out || i2d_CMS_bio(out.get(), cms.get()) != 1)
        failInternal("Could not encode the CMS signature.");
    return bioContents(out.get());
}

} // namespace

std::string cmsSignDetached(const std::string& data, const SigningIdentity& identity)
{
    return signDetached(data, identity, {});
}

std::string cmsVerifyDetached(const std::string& data, const std::string& signatureDer)
{
    return cmsVerifySigner(data, signatureDer).name;
}

CmsSigner cmsVerifySigner(const std::string& data, const std::string& signatureDer)
{
    ERR_clear_error();
    BioPtr in = readOnlyBio(signatureDer);
    CmsPtr cms(d2i_CMS_bio(in.get(), nullptr));
    if (!cms)
        throw Error(ErrorCode::Damaged,
                    withDetail("The signature is not a readable CMS (PKCS#7) structure."));
    if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
        throw Error(ErrorCode::Damaged, "The signature is a CMS structure but not SignedData.");
    StorePtr store(X509_STORE_new());
    BioPtr content = readOnlyBio(data);
    if (!store)
        failInternal("Could not allocate a certificate store.");
    if (CMS_verify(cms.get(), nullptr, store.get(), content.get(), nullptr,
                   CMS_BINARY | CMS_DETACHED | CMS_NO_SIGNER_CERT_VERIFY) != 1)
        throw Error(
            ErrorCode::Damaged,
            withDetail("The signature does not match the signed data: the document or the signature was "
                       "changed after signing."));
    X509StackPtr signers(CMS_get0_signers(cms.get()));
    if (!signers || sk_X509_num(signers.get()) < 1)
        throw Error(ErrorCode::Damaged, "The signature names no signer certificate.");
    const int count = sk_X509_num(signers.get());
    CmsSigner signer;
    if (count == 1) {
        X509* cert = sk_X509_value(signers.get(), 0);
        signer.name = commonName(cert);
        signer.certificatePem = certificateToPem(cert);
        signer.fingerprint = fingerprintOf(cert);
    }
    // CMS_get0_signers does not take references: release the stack only, not the certificates.
    sk_X509_free(signers.release());
    if (count != 1)
        throw Error(ErrorCode::Damaged, "The signature has " + std::to_string(count) +
                                            " signers; a Meibo signature has exactly one.");
    return signer;
}

std::string certificateFingerprint(const std::string& certificate)
{
    ERR_clear_error();
    BioPtr bio = readOnlyBio(certificate);
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert) {
        const auto* der = reinterpret_cast<const unsigned char*>(certificate.data());
        cert.reset(d2i_X509(nullptr, &der, static_cast<long>(certificate.size())));
    }
    ERR_clear_error();
    if (!cert)
        throw Error(ErrorCode::InvalidInput, "The text is not a certificate (PEM or DER).");
    return fingerprintOf(cert.get());
}

std::string signPdf(const std::string& pdf, const SigningIdentity& identity,
                    const SignaturePlacement& placement, const std::string& reason,
                    const std::string& signingTimeUtc, PdfSignatureKind kind)
{
    const std::string date = pdfDate(signingTimeUtc);
    if (placement.page < 0)
        throw Error(ErrorCode::InvalidInput, "The signature's page number cannot be negative.", "page");
    for (const double v : {placement.x, placement.y, placement.width, placement.height})
        if (!std::isfinite(v) || std::abs(v) > 1e6)
            throw Error(ErrorCode::InvalidInput,
                        "The signature's rectangle has a coordinate that is not a number.", "placement");
    if (placement.width <= 0 || placement.height <= 0)
        throw Error(ErrorCode::InvalidInput,
                    "The signature's rectangle must have a positive width and height.", "placement");
    const std::string nameText = pdfTextString(identity.signerName, "signer name");
    const std::string reasonText = pdfTextString(reason, "reason");

    const PdfFile file(pdf);
    const PdfValue& trailer = file.trailer();
    if (trailer.find("/Encrypt"))
        throw Error(ErrorCode::InvalidInput,
                    "The PDF is encrypted; signing an encrypted PDF is not supported.");
    const PdfValue* sizeValue = trailer.find("/Size");
    const PdfValue* rootValue = trailer.find("/Root");
    if (!sizeValue || sizeValue->kind != PdfValue::Kind::Integer || sizeValue->number <= 0)
        throw Error(ErrorCode::Damaged, "The PDF's trailer has no /Size.");
    if (!rootValue || rootValue->kind != PdfValue::Kind::Reference)
        throw Error(ErrorCode::Damaged, "The PDF's trailer has no /Root reference to the document catalog.");

    const IndirectObject catalog = file.object(rootValue->number);
    if (catalog.value.kind != PdfValue::Kind::Dictionary)
        throw Error(ErrorCode::Damaged, "The PDF's document catalog (object " +
                                            std::to_string(rootValue->number) + ") is not a dictionary.");
    const auto pages = file.pages(catalog.value);
    if (static_cast<std::size_t>(placement.page) >= pages.size())
        throw Error(ErrorCode::InvalidInput,
                    "The PDF has " + std::to_string(pages.size()) + " page(s); there is no page " +
                        std::to_string(placement.page + 1) + " for the signature.",
                    "page");
    const IndirectObject page = file.object(pages[static_cast<std::size_t>(placement.page)].first);

    // The existing form, if any: keep its fields and settings, give the new field an unused name.
    PdfValue acroForm;
    if (const PdfValue* form = catalog.value.find("/AcroForm")) {
        acroForm = file.resolve(*form);
        if (acroForm.kind != PdfValue::Kind::Dictionary && acroForm.kind != PdfValue::Kind::Null)
            throw Error(ErrorCode::Damaged, "The PDF's /AcroForm is not a dictionary.");
    }
    std::set<std::string> takenNames;
    if (const PdfValue* fields =
            acroForm.kind == PdfValue::Kind::Dictionary ? acroForm.find("/Fields") : nullptr)
        takenNames = existingFieldNames(file, file.resolve(*fields));

    // DocMDP: a certification must come first, and a document certified with P=1 takes nothing after.
    const std::optional<long long> certified = docMdpPermissions(file, catalog.value);
    if (certified && *certified == 1)
        throw Error(ErrorCode::InvalidInput,
                    "The PDF is certified with no changes permitted (DocMDP P=1): another signature would break "
                    "its certification. Sign the unsigned document instead.");
    if (kind == PdfSignatureKind::CertifyNoChanges &&
        (certified || hasSignedField(file, acroForm)))
        throw Error(ErrorCode::InvalidInput,
                    "The PDF is signed already: a certification signature (DocMDP) must be the document's first "
                    "signature. Certify the unsigned document.");
    std::string fieldName;
    for (int n = 1;; ++n) {
        fieldName = "(Signature" + std::to_string(n) + ")";
        if (!takenNames.count(fieldName))
            break;
    }

    // New objects go after /Size, or after the highest number in use if /Size is too small.
    const long long sigNumber = std::max(sizeValue->number, file.highestObjectNumber() + 1);
    const long long widgetNumber = sigNumber + 1;
    const long long appearanceNumber = sigNumber + 2;
    const long long newSize = sigNumber + 3;
    const std::string widgetRef = reference(widgetNumber, 0);

    // The signature's size is not known before signing: measure one and leave ample room.
    const std::size_t signatureBytes =
        std::max(kMinimumSignatureBytes, signDetached(std::string(), identity, signingTimeUtc).size() + 4096);

    std::string out = pdf;
    if (out.back() != '\n' && out.back() != '\r')
        out += '\n';
    std::vector<std::pair<long long, std::pair<std::size_t, int>>> written; // number -> (offset, generation)

    // (1) The signature dictionary, with placeholders patched below.
    written.push_back({sigNumber, {out.size(), 0}});
    out += std::to_string(sigNumber) +
           " 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached";
    out += " /ByteRange ";
    const std::size_t byteRangeAt = out.size();
    const std::size_t byteRangeLength = 3 + 3 * (kByteRangeWidth + 1) + 1; // "[0 " + 3 fields + "]"
    out += std::string(byteRangeLength, ' ');
    out += " /Contents ";
    const std::size_t contentsAt = out.size();
    out += "<" + std::string(signatureBytes * 2, '0') + ">";
    const std::size_t contentsEnd = out.size();
    out += " /M (" + date + ") /Name " + nameText;
    if (!reason.empty())
        out += " /Reason " + reasonText;
    if (kind == PdfSignatureKind::CertifyNoChanges)
        out += " /Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type /TransformParams "
               "/P 1 /V /1.2 >> >>]";
    out += " >>\nendobj\n";

    // (2) The signature field merged with its widget; its appearance draws nothing (the page does).
    const std::string width = pdfNumber(placement.width), height = pdfNumber(placement.height);
    written.push_back({widgetNumber, {out.size(), 0}});
    out += std::to_string(widgetNumber) + " 0 obj\n<< /Type /Annot /Subtype /Widget /FT /Sig /T " +
           fieldName + " /V " + reference(sigNumber, 0) + " /F 132 /Rect [" + pdfNumber(placement.x) + " " +
           pdfNumber(placement.y) + " " + pdfNumber(placement.x + placement.width) + " " +
           pdfNumber(placement.y + placement.height) + "] /P " + reference(page.number, page.generation) +
           " /AP << /N " + reference(appearanceNumber, 0) + " >> >>\nendobj\n";
    written.push_back({appearanceNumber, {out.size(), 0}});
    out += std::to_string(appearanceNumber) + " 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 " + width +
           " " + height + "] /Resources << >> /Length 0 >>\nstream\n\nendstream\nendobj\n";

    // (3) The page with the widget among its annotations.
    if (page.value.kind != PdfValue::Kind::Dictionary)
        throw Error(ErrorCode::Damaged,
                    "The page object " + std::to_string(page.number) + " is not a dictionary.");
    written.push_back({page.number, {out.size(), page.generation}});
    out += std::to_string(page.number) + " " + std::to_string(page.generation) + " obj\n" +
           rewriteDictionary(
               file, page.value,
               {{"/Annots", extendedArray(file, page.value.find("/Annots"), widgetRef, "page's /Annots")}}) +
           "\nendobj\n";

    // (4) The catalog with the form (and, for older headers, the version PAdES builds on).
    std::vector<std::pair<std::string, std::string>> formKeys;
    if (acroForm.kind == PdfValue::Kind::Dictionary)
        for (const auto& [key, value] : acroForm.entries)
            if (key != "/Fields" && key != "/SigFlags")
                formKeys.emplace_back(key, file.text(value));
    const PdfValue* oldFields =
        acroForm.kind == PdfValue::Kind::Dictionary ? acroForm.find("/Fields") : nullptr;
    std::string form = "<< /Fields " + extendedArray(file, oldFields, widgetRef, "/AcroForm /Fields");
    for (const auto& [key, value] : formKeys)
        form += " " + key + " " + value;
    form += " /SigFlags 3 >>";
    std::vector<std::pair<std::string, std::string>> catalogKeys{{"/AcroForm", form}};
    if (!catalog.value.find("/Extensions"))
        catalogKeys.emplace_back("/Extensions", "<< /ESIC << /BaseVersion /1.7 /ExtensionLevel 2 >> >>");
    if (!catalog.value.find("/Version") && file.headerVersion() < 17)
        catalogKeys.emplace_back("/Version", "/1.7");
    if (kind == PdfSignatureKind::CertifyNoChanges) {
        // Other permissions (/UR3 of a reader-enabled form) stay beside the certification.
        std::string perms = "<< /DocMDP " + reference(sigNumber, 0);
        if (const PdfValue* old = catalog.value.find("/Perms")) {
            const PdfValue existing = file.resolve(*old);
            if (existing.kind == PdfValue::Kind::Dictionary)
                for (const auto& [key, value] : existing.entries)
                    if (key != "/DocMDP")
                        perms += " " + key + " " + file.text(value);
        }
        catalogKeys.emplace_back("/Perms", perms + " >>");
    }
    written.push_back({catalog.number, {out.size(), catalog.generation}});
    out += std::to_string(catalog.number) + " " + std::to_string(catalog.generation) + " obj\n" +
           rewriteDictionary(file, catalog.value, catalogKeys) + "\nendobj\n";

    // (5) The cross-reference section for the new and changed objects, and the trailer.
    std::sort(written.begin(), written.end());
    const std::size_t xrefAt = out.size();
    out += "xref\n";
    for (std::size_t i = 0; i < written.size();) {
        std::size_t j = i + 1;
        while (j < written.size() && written[j].first == written[j - 1].first + 1)
            ++j;
        out += std::to_string(written[i].first) + " " + std::to_string(j - i) + "\n";
        for (std::size_t k = i; k < j; ++k) {
            char entry[32];
            std::snprintf(entry, sizeof entry, "%010zu %05d n\r\n", written[k].second.first,
                          written[k].second.second);
            out += entry;
        }
        i = j;
    }
    out += "trailer\n<< /Size " + std::to_string(newSize) + " /Root " + file.text(*rootValue);
    if (const PdfValue* info = trailer.find("/Info"))
        out += " /Info " + file.text(*info);
    if (const PdfValue* id = trailer.find("/ID")) {
        // The first identifier stays; the second changes with the update. It is derived from the
        // original and the signing time (not random) so that signing is reproducible.
        if (id->kind == PdfValue::Kind::Array && id->items.size() == 2) {
            const std::string seed = pdf + signingTimeUtc + identity.certificatePem;
            unsigned char digest[EVP_MAX_MD_SIZE];
            unsigned int digestLength = 0;
            if (EVP_Digest(seed.data(), seed.size(), digest, &digestLength, EVP_sha256(), nullptr) != 1)
                failInternal("Could not compute the document identifier.");
            out += " /ID [" + file.text(id->items[0]) + " <" +
                   toHex(std::string(reinterpret_cast<const char*>(digest), 16)) + ">]";
        } else {
            out += " /ID " + file.text(*id);
        }
    }
    out += " /Prev " + std::to_string(file.startxref()) + " >>\nstartxref\n" + std::to_string(xrefAt) +
           "\n%%EOF\n";

    // The byte range is everything but the /Contents hex string, angle brackets included.
    const std::size_t afterLength = out.size() - contentsEnd;
    std::string byteRange = "[0 " + std::to_string(contentsAt) + " " + std::to_string(contentsEnd) + " " +
                            std::to_string(afterLength) + "]";
    if (byteRange.size() > byteRangeLength)
        throw Error(ErrorCode::InvalidInput, "The PDF is too large to sign (more than 9,999,999,999 bytes).");
    byteRange.resize(byteRangeLength, ' ');
    out.replace(byteRangeAt, byteRangeLength, byteRange);

    std::string signedBytes;
    signedBytes.reserve(contentsAt + afterLength);
    signedBytes.append(out, 0, contentsAt);
    signedBytes.append(out, contentsEnd, afterLength);
    const std::string hex = toHex(signDetached(signedBytes, identity, signingTimeUtc));
    if (hex.size() > signatureBytes * 2)
        throw Error(ErrorCode::Internal, "The CMS signature is larger than the room left for it in the PDF.");
    out.replace(contentsAt + 1, hex.size(), hex);
    return out;
}

} // namespace meibo::forms
