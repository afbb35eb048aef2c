// Signing: identities, detached CMS and PDF signatures, checked with the real clients (pdfsig,
// pdffonts, pdftotext, openssl, certutil) where they are installed.

#include "TestSupport.h"

#include "meibo/core/Error.h"
#include "meibo/forms/PdfRenderer.h"
#include "meibo/forms/Signing.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QFont>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

using namespace meibo;
using namespace meibo::test;
using core::Error;
using core::ErrorCode;

namespace {

const char* const kJapaneseTitle = "情報取扱者名簿";
const char* const kJapaneseSecondPage = "業務従事者";
const char* const kSignTime = "20260601093000Z";

bool installed(const std::string& program)
{
    return ::access(program.c_str(), X_OK) == 0;
}

std::vector<std::uint8_t> toBytes(const std::string& s)
{
    return {s.begin(), s.end()};
}
std::string fromBytes(const std::vector<std::uint8_t>& b)
{
    return {b.begin(), b.end()};
}
void writeString(const std::string& path, const std::string& s)
{
    writeBytes(path, toBytes(s));
}

/// A two-page A4 PDF from Qt's own writer, with Japanese text in an embedded font.
std::string qtPdf()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setTitle(QStringLiteral("名簿"));
        QPainter painter(&writer);
        painter.setFont(QFont(QStringLiteral("IPAexGothic"), 18));
        painter.drawText(QPointF(600, 1200), QString::fromUtf8(kJapaneseTitle));
        writer.newPage();
        painter.drawText(QPointF(600, 1200), QString::fromUtf8(kJapaneseSecondPage));
        painter.end();
    }
    return buffer.data().toStdString();
}

const forms::SigningIdentity& asciiIdentity()
{
    static const forms::SigningIdentity identity =
        forms::generateSelfSigned("Meibo Test Signer", "Sample Corp");
    return identity;
}

forms::SignaturePlacement lastPageBlock()
{
    forms::SignaturePlacement placement;
    placement.page = 1;
    placement.x = 320;
    placement.y = 60;
    placement.width = 220;
    placement.height = 70;
    return placement;
}

/// pdfsig with a fresh HOME, so no user's NSS database takes part, and times in UTC; it exits 0 even when a
/// signature fails, so callers read its output.
ProcessResult pdfsig(const TempDir& dir, const std::string& file, const std::vector<std::string>& extra = {})
{
    std::vector<std::string> argv{"/usr/bin/pdfsig"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back("-no-ocsp");
    argv.push_back(file);
    return runProcess(argv, {}, {"HOME=" + dir.path(), "TZ=UTC"});
}

struct SignatureBytes {
    long long ranges[4] = {0, 0, 0, 0};
    std::string signedData;
    std::string cms;
};

/// Reads the (only) /ByteRange and /Contents back the way a verifier does.
SignatureBytes signatureBytes(const std::string& pdf)
{
    SignatureBytes s;
    const auto at = pdf.rfind("/ByteRange [");
    REQUIRE(at != std::string::npos);
    std::istringstream in(pdf.substr(at + 12, 64));
    in >> s.ranges[0] >> s.ranges[1] >> s.ranges[2] >> s.ranges[3];
    REQUIRE(in);
    s.signedData = pdf.substr(static_cast<std::size_t>(s.ranges[0]), static_cast<std::size_t>(s.ranges[1])) +
                   pdf.substr(static_cast<std::size_t>(s.ranges[2]), static_cast<std::size_t>(s.ranges[3]));
    const std::string hex = pdf.substr(static_cast<std::size_t>(s.ranges[1]) + 1,
                                       static_cast<std::size_t>(s.ranges[2] - s.ranges[1] - 2));
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        s.cms += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    // DER tells its own length; the zero padding after it is not part of the signature.
    REQUIRE(static_cast<unsigned char>(s.cms[0]) == 0x30);
    REQUIRE(static_cast<unsigned char>(s.cms[1]) == 0x82);
    const std::size_t length = 4 + (static_cast<std::size_t>(static_cast<unsigned char>(s.cms[2])) << 8) +
                               static_cast<unsigned char>(s.cms[3]);
    s.cms.resize(length);
    return s;
}

/// A hand-written PDF with a classic cross-reference table; `objects[i]` is object i+1's body.
std::string handMadePdf(const std::vector<std::string>& objects, const std::string& trailerExtra = {})
{
    std::string pdf = "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f\r\n";
    for (const auto offset : offsets) {
        char entry[32];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n\r\n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R" + trailerExtra +
           " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

ErrorCode codeOf(const std::function<void()>& fn, std::string* message = nullptr)
{
    try {
        fn();
    } catch (const Error& e) {
        if (message)
            *message = e.what();
        return e.code();
    }
    FAIL("no meibo::core::Error was thrown");
    return ErrorCode::Internal;
}

} // namespace

TEST_CASE("a self-signed identity carries the names it was made with", "[signing]")
{
    const auto identity = forms::generateSelfSigned("情報管理責任者 山田太郎", "株式会社サンプル");
    CHECK(identity.signerName == "情報管理責任者 山田太郎");
    CHECK(identity.certificatePem.rfind("-----BEGIN CERTIFICATE-----", 0) == 0);
    CHECK(identity.privateKeyPem.rfind("-----BEGIN PRIVATE KEY-----", 0) == 0);
    CHECK(codeOf([] { forms::generateSelfSigned("", "x"); }) == ErrorCode::InvalidInput);
}

TEST_CASE("the self-signed certificate is RSA 2048 with SHA-256, CA, key usage and 3 years",
          "[signing][client]")
{
    if (!installed("/usr/bin/openssl")) {
        WARN("openssl is not installed: skipped");
        return;
    }
    TempDir dir;
    writeString(dir.file("c.pem"), forms::generateSelfSigned("テスト署名者", "テスト").certificatePem);
    const auto r = runProcess({"/usr/bin/openssl", "x509", "-in", dir.file("c.pem"), "-noout", "-text",
                               "-nameopt", "oneline,-esc_msb,show_type"});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("Public-Key: (2048 bit)") != std::string::npos);
    CHECK(r.out.find("Signature Algorithm: sha256WithRSAEncryption") != std::string::npos);
    CHECK(r.out.find("Subject: CN = UTF8STRING:テスト署名者, O = UTF8STRING:テスト") != std::string::npos);
    CHECK(r.out.find("Issuer: CN = UTF8STRING:テスト署名者, O = UTF8STRING:テスト") != std::string::npos);
    CHECK(r.out.find("X509v3 Basic Constraints: critical\n                CA:TRUE") != std::string::npos);
    CHECK(r.out.find("X509v3 Key Usage: critical\n                Digital Signature, Non Repudiation, "
                     "Certificate Sign") != std::string::npos);
    CHECK(r.out.find("X509v3 Subject Key Identifier") != std::string::npos);
    // Valid for three years: checkend one day short of it passes, one day past it fails.
    CHECK(runProcess({"/usr/bin/openssl", "x509", "-in", dir.file("c.pem"), "-noout", "-checkend",
                      std::to_string((3 * 365) * 86400)})
              .exitCode == 0);
    CHECK(runProcess({"/usr/bin/openssl", "x509", "-in", dir.file("c.pem"), "-noout", "-checkend",
                      std::to_string((3 * 365 + 2) * 86400)})
              .exitCode != 0);
}

TEST_CASE("a detached CMS signature verifies with openssl and with cmsVerifyDetached", "[signing][client]")
{
    const auto& identity = asciiIdentity();
    const std::string data = std::string("名簿の内容\0binary\r\n", 22) + std::string(1000, 'x');
    const std::string cms = forms::cmsSignDetached(data, identity);
    CHECK(forms::cmsVerifyDetached(data, cms) == "Meibo Test Signer");

    std::string changed = data;
    changed[3] ^= 0x01;
    std::string message;
    CHECK(codeOf([&] { forms::cmsVerifyDetached(changed, cms); }, &message) == ErrorCode::Damaged);
    CHECK(message.find("does not match the signed data") != std::string::npos);
    std::string brokenSignature = cms;
    brokenSignature[brokenSignature.size() - 10] ^= 0x01; // inside the RSA signature value
    CHECK(codeOf([&] { forms::cmsVerifyDetached(data, brokenSignature); }) == ErrorCode::Damaged);
    CHECK(codeOf([&] { forms::cmsVerifyDetached(data, "not a signature"); }) == ErrorCode::Damaged);

    if (!installed("/usr/bin/openssl")) {
        WARN("openssl is not installed: the openssl half is skipped");
        return;
    }
    TempDir dir;
    writeString(dir.file("sig.der"), cms);
    writeString(dir.file("data.bin"), data);
    writeString(dir.file("changed.bin"), changed);
    const auto verify = [&](const std::string& content) {
        return runProcess({"/usr/bin/openssl", "cms", "-verify", "-inform", "DER", "-in", dir.file("sig.der"),
                           "-content", content, "-binary", "-noverify", "-out", "/dev/null"});
    };
    const auto good = verify(dir.file("data.bin"));
    CHECK(good.exitCode == 0);
    CHECK(good.err.find("Verification successful") != std::string::npos);
    const auto bad = verify(dir.file("changed.bin"));
    CHECK(bad.exitCode != 0);
    CHECK(bad.err.find("Verification failure") != std::string::npos);

    // The signed attributes: CAdES signing-certificate-v2, signing time, SHA-256.
    const auto dump = runProcess(
        {"/usr/bin/openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", dir.file("sig.der")});
    REQUIRE(dump.exitCode == 0);
    CHECK(dump.out.find("id-smime-aa-signingCertificateV2") != std::string::npos);
    CHECK(dump.out.find("signingTime") != std::string::npos);
    CHECK(dump.out.find("algorithm: sha256") != std::string::npos);
    CHECK(dump.out.find("eContent: <ABSENT>") != std::string::npos);
}

TEST_CASE("a PKCS#12 file opens with its passphrase and is refused with a wrong one", "[signing][client]")
{
    if (!installed("/usr/bin/openssl")) {
        WARN("openssl is not installed: skipped");
        return;
    }
    TempDir dir;
    const auto req = runProcess({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                                 "-keyout", dir.file("k.pem"), "-out", dir.file("c.pem"), "-days", "30",
                                 "-subj", "/CN=テスト署名者/O=テスト", "-utf8"});
    REQUIRE(req.exitCode == 0);
    const auto exported =
        runProcess({"/usr/bin/openssl", "pkcs12", "-export", "-inkey", dir.file("k.pem"), "-in",
                    dir.file("c.pem"), "-out", dir.file("id.p12"), "-passout", "pass:secret"});
    REQUIRE(exported.exitCode == 0);
    const std::string p12 = fromBytes(readBytes(dir.file("id.p12")));

    const auto identity = forms::identityFromPkcs12(p12, "secret");
    CHECK(identity.signerName == "テスト署名者");
    CHECK(identity.certificatePem.find("-----BEGIN CERTIFICATE-----") != std::string::npos);
    CHECK(identity.privateKeyPem.find("-----BEGIN PRIVATE KEY-----") != std::string::npos);
    // The identity signs, and what it signs verifies with the certificate it came with.
    CHECK(forms::cmsVerifyDetached("data", forms::cmsSignDetached("data", identity)) == "テスト署名者");

    std::string message;
    CHECK(codeOf([&] { forms::identityFromPkcs12(p12, "wrong"); }, &message) == ErrorCode::InvalidInput);
    CHECK(message.find("passphrase is wrong") != std::string::npos);
    CHECK(codeOf([&] { forms::identityFromPkcs12(p12, ""); }) == ErrorCode::InvalidInput);
    CHECK(codeOf([&] { forms::identityFromPkcs12("not a p12 file", "secret"); }, &message) ==
          ErrorCode::InvalidInput);
    CHECK(message.find("not a PKCS#12") != std::string::npos);

    // A file with only a certificate and no key is refused by name.
    const auto certOnly =
        runProcess({"/usr/bin/openssl", "pkcs12", "-export", "-nokeys", "-in", dir.file("c.pem"), "-out",
                    dir.file("cert-only.p12"), "-passout", "pass:secret"});
    REQUIRE(certOnly.exitCode == 0);
    CHECK(
        codeOf([&] { forms::identityFromPkcs12(fromBytes(readBytes(dir.file("cert-only.p12"))), "secret"); },
               &message) == ErrorCode::InvalidInput);
    CHECK(message.find("no private key") != std::string::npos);

    // Files from older tools (RC2 / 3DES, as Windows and OpenSSL 1.x export) open as well.
    const auto legacy =
        runProcess({"/usr/bin/openssl", "pkcs12", "-export", "-legacy", "-inkey", dir.file("k.pem"), "-in",
                    dir.file("c.pem"), "-out", dir.file("legacy.p12"), "-passout", "pass:secret"});
    if (legacy.exitCode == 0)
        CHECK(forms::identityFromPkcs12(fromBytes(readBytes(dir.file("legacy.p12"))), "secret").signerName ==
              "テスト署名者");
    else
        WARN("openssl cannot write a legacy PKCS#12 here: " + legacy.err);
}

TEST_CASE("signing appends an incremental update and keeps the original bytes", "[signing]")
{
    const std::string original = qtPdf();
    REQUIRE(original.find("\nxref\n") != std::string::npos); // Qt writes a classic table
    const std::string signedPdf =
        forms::signPdf(original, asciiIdentity(), lastPageBlock(), "名簿の提出のため", kSignTime);

    // Same input, same output: the signature (RSA PKCS#1 v1.5, fixed signing time) and /ID are derived.
    CHECK(forms::signPdf(original, asciiIdentity(), lastPageBlock(), "名簿の提出のため", kSignTime) ==
          signedPdf);
    REQUIRE(signedPdf.size() > original.size());
    CHECK(signedPdf.compare(0, original.size(), original) == 0);
    const std::string update = signedPdf.substr(original.size());
    CHECK(update.find("/Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached") !=
          std::string::npos);
    CHECK(update.find("/M (D:20260601093000+00'00')") != std::string::npos);
    CHECK(update.find("/FT /Sig /T (Signature1)") != std::string::npos);
    CHECK(update.find("/Rect [320 60 540 130]") != std::string::npos);
    CHECK(update.find("/AcroForm << /Fields [") != std::string::npos);
    CHECK(update.find("/SigFlags 3 >>") != std::string::npos);
    CHECK(update.find("/Prev ") != std::string::npos);
    CHECK(update.find("/Font") == std::string::npos); // the widget brings no font of its own
    // The reason is not ASCII: UTF-16BE with a byte order mark, in hex.
    CHECK(update.find("/Reason <FEFF540D7C3F306E63D051FA306E305F3081>") != std::string::npos);
    CHECK(signedPdf.size() >= 6);
    CHECK(signedPdf.compare(signedPdf.size() - 6, 6, "%%EOF\n") == 0);

    // The byte range covers the whole file but the /Contents string, and the CMS in it verifies.
    const auto sig = signatureBytes(signedPdf);
    CHECK(sig.ranges[0] == 0);
    CHECK(signedPdf[static_cast<std::size_t>(sig.ranges[1])] == '<');
    CHECK(signedPdf[static_cast<std::size_t>(sig.ranges[2]) - 1] == '>');
    CHECK(sig.ranges[2] + sig.ranges[3] == static_cast<long long>(signedPdf.size()));
    CHECK(forms::cmsVerifyDetached(sig.signedData, sig.cms) == "Meibo Test Signer");
}

TEST_CASE("pdfsig finds a valid ETSI.CAdES.detached signature by the signer", "[signing][client]")
{
    if (!installed("/usr/bin/pdfsig")) {
        WARN("pdfsig is not installed: skipped");
        return;
    }
    TempDir dir;
    writeString(dir.file("signed.pdf"), forms::signPdf(qtPdf(), asciiIdentity(), lastPageBlock(),
                                                       "Submission (roster) \\ v1", kSignTime));
    const auto r = pdfsig(dir, dir.file("signed.pdf"));
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("Signature #1:") != std::string::npos);
    CHECK(r.out.find("  - Signature Field Name: Signature1") != std::string::npos);
    CHECK(r.out.find("  - Signer Certificate Common Name: Meibo Test Signer") != std::string::npos);
    CHECK(r.out.find("  - Signer full Distinguished Name: O=Sample Corp,CN=Meibo Test Signer") !=
          std::string::npos);
    CHECK(r.out.find("  - Signing Time: Jun 01 2026 09:30:00") != std::string::npos); // the CMS time is /M's
    CHECK(r.out.find("  - Signing Hash Algorithm: SHA-256") != std::string::npos);
    CHECK(r.out.find("  - Signature Type: ETSI.CAdES.detached") != std::string::npos);
    CHECK(r.out.find("  - Total document signed") != std::string::npos);
    CHECK(r.out.find("  - Signature Validation: Signature is Valid.") != std::string::npos);
    CHECK(r.out.find("Signature #2") == std::string::npos);
}

TEST_CASE("pdfsig shows a Japanese signer name and validates the signature", "[signing][client]")
{
    if (!installed("/usr/bin/pdfsig")) {
        WARN("pdfsig is not installed: skipped");
        return;
    }
    TempDir dir;
    const auto identity = forms::generateSelfSigned("テスト署名者", "テスト");
    writeString(dir.file("signed.pdf"),
                forms::signPdf(qtPdf(), identity, lastPageBlock(), "提出", kSignTime));
    const auto r = pdfsig(dir, dir.file("signed.pdf"));
    INFO(r.out << r.err);
    CHECK(r.out.find("  - Signer Certificate Common Name: テスト署名者") != std::string::npos);
    CHECK(r.out.find("  - Signature Validation: Signature is Valid.") != std::string::npos);
}

TEST_CASE("pdfsig reports a changed byte as a digest mismatch and bytes after the signature",
          "[signing][client]")
{
    if (!installed("/usr/bin/pdfsig")) {
        WARN("pdfsig is not installed: skipped");
        return;
    }
    const std::string original = qtPdf();
    const std::string signedPdf = forms::signPdf(original, asciiIdentity(), lastPageBlock(), "", kSignTime);
    TempDir dir;

    // One byte of the original's binary comment line: the file still parses, its digest does not match.
    std::string tampered = signedPdf;
    const auto comment = tampered.find('%', 1);
    REQUIRE(comment != std::string::npos);
    REQUIRE(comment < 32);
    tampered[comment + 1] = static_cast<char>(tampered[comment + 1] ^ 0x01);
    writeString(dir.file("tampered.pdf"), tampered);
    const auto bad = pdfsig(dir, dir.file("tampered.pdf"));
    INFO(bad.out << bad.err);
    CHECK(bad.out.find("  - Signature Validation: Digest Mismatch.") != std::string::npos);
    CHECK(bad.out.find("Signature is Valid.") == std::string::npos);

    // Bytes after %%EOF: the signature still holds for what it covers, but not for the whole file.
    writeString(dir.file("appended.pdf"), signedPdf + "% appended later\n");
    const auto appended = pdfsig(dir, dir.file("appended.pdf"));
    INFO(appended.out << appended.err);
    CHECK(appended.out.find("  - Not total document signed") != std::string::npos);
    CHECK(appended.out.find("  - Total document signed") == std::string::npos);
    CHECK(appended.out.find("  - Signature Validation: Signature is Valid.") != std::string::npos);

    // A byte inside the signature value itself.
    std::string brokenSignature = signedPdf;
    const auto sig = signatureBytes(signedPdf);
    const auto inSignature = static_cast<std::size_t>(sig.ranges[1]) + 1 + 2 * (sig.cms.size() - 20);
    brokenSignature[inSignature] = brokenSignature[inSignature] == '0' ? '1' : '0';
    writeString(dir.file("broken.pdf"), brokenSignature);
    const auto broken = pdfsig(dir, dir.file("broken.pdf"));
    INFO(broken.out << broken.err);
    CHECK(broken.out.find("Signature is Valid.") == std::string::npos);
}

TEST_CASE("the signed PDF keeps every font embedded and its Japanese text", "[signing][client]")
{
    if (!installed("/usr/bin/pdffonts") || !installed("/usr/bin/pdftotext")) {
        WARN("pdffonts or pdftotext is not installed: skipped");
        return;
    }
    TempDir dir;
    writeString(dir.file("signed.pdf"),
                forms::signPdf(qtPdf(), asciiIdentity(), lastPageBlock(), "提出のため", kSignTime));

    const auto fonts = runProcess({"/usr/bin/pdffonts", dir.file("signed.pdf")});
    INFO(fonts.out << fonts.err);
    REQUIRE(fonts.exitCode == 0);
    // Columns are as wide as the dashes under the header; "emb" is the fourth.
    std::istringstream lines(fonts.out);
    std::string line, dashes;
    std::getline(lines, line);
    std::getline(lines, dashes);
    REQUIRE(line.find("emb") != std::string::npos);
    REQUIRE(dashes.rfind("---", 0) == 0);
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 1; i < dashes.size(); ++i)
        if (dashes[i - 1] == ' ' && dashes[i] == '-')
            starts.push_back(i);
    REQUIRE(starts.size() >= 4);
    int fontCount = 0;
    while (std::getline(lines, line)) {
        if (line.empty())
            continue;
        ++fontCount;
        INFO(line);
        CHECK(line.substr(starts[3], 3) == "yes");
    }
    CHECK(fontCount >= 1);

    const auto text = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", dir.file("signed.pdf"), "-"});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.find(kJapaneseTitle) != std::string::npos);
    CHECK(text.out.find(kJapaneseSecondPage) != std::string::npos);
}

TEST_CASE("pdfsig trusts the signer whose certificate is in the NSS database", "[signing][client]")
{
    if (!installed("/usr/bin/pdfsig") || !installed("/usr/bin/certutil")) {
        WARN("pdfsig or certutil (libnss3-tools) is not installed: skipped");
        return;
    }
    TempDir dir;
    const std::string db = "sql:" + dir.file("nssdb");
    REQUIRE(::mkdir(dir.file("nssdb").c_str(), 0700) == 0);
    const std::vector<std::string> home{"HOME=" + dir.path()};
    REQUIRE(runProcess({"/usr/bin/certutil", "-N", "-d", db, "--empty-password"}, {}, home).exitCode == 0);
    writeString(dir.file("signer.pem"), asciiIdentity().certificatePem);
    writeString(dir.file("signed.pdf"),
                forms::signPdf(qtPdf(), asciiIdentity(), lastPageBlock(), "", kSignTime));

    const auto untrusted = pdfsig(dir, dir.file("signed.pdf"), {"-nssdir", db});
    INFO(untrusted.out << untrusted.err);
    CHECK(untrusted.out.find("  - Certificate Validation: Certificate issuer isn't Trusted.") !=
          std::string::npos);

    const auto added = runProcess(
        {"/usr/bin/certutil", "-A", "-d", db, "-n", "meibo", "-t", "CT,C,C", "-i", dir.file("signer.pem")},
        {}, home);
    INFO(added.out << added.err);
    REQUIRE(added.exitCode == 0);

    // NSS itself (libpkix, as pdfsig calls it) accepts the certificate for signing e-mail/documents.
    const auto nss = runProcess({"/usr/bin/certutil", "-V", "-d", db, "-n", "meibo", "-u", "S"}, {},
                                {"HOME=" + dir.path(), "NSS_ENABLE_PKIX_VERIFY=1"});
    INFO(nss.out << nss.err);
    CHECK(nss.out.find("certutil: certificate is valid") != std::string::npos);

    const auto trusted = pdfsig(dir, dir.file("signed.pdf"), {"-nssdir", db});
    INFO(trusted.out << trusted.err);
    CHECK(trusted.out.find("  - Signature Validation: Signature is Valid.") != std::string::npos);
    CHECK(trusted.out.find("isn't Trusted") == std::string::npos);
    if (trusted.out.find("  - Certificate Validation: Certificate is Trusted.") == std::string::npos) {
        // poppler up to 22.x reads PORT_GetError() after a *successful* CERT_PKIXVerifyCert and so
        // reports the stale SEC_ERROR_EXTENSION_NOT_FOUND of NSS's extension look-ups as "Unknown
        // issue" — for any certificate, CA-issued ones and pdfsig's own signatures included. Later
        // poppler checks the return value. Only that old version may say so here.
        const auto version = runProcess({"/usr/bin/pdfsig", "-v"});
        INFO(version.out << version.err);
        const bool oldPoppler = (version.out + version.err).find("pdfsig version 22.") != std::string::npos ||
                                (version.out + version.err).find("pdfsig version 21.") != std::string::npos;
        CHECK(oldPoppler);
        CHECK(trusted.out.find(
                  "  - Certificate Validation: Unknown issue with Certificate or corrupted data.") !=
              std::string::npos);
        WARN("pdfsig " << (oldPoppler ? "22.x" : "")
                       << " cannot print \"Certificate is Trusted.\" (poppler bug: "
                          "stale NSS error after a successful verification)");
    }
}

TEST_CASE("the renderer's qpdf output (classic table, /ID) signs and verifies", "[signing][client]")
{
    // What the export signs: Qt's PDF after the ToUnicode repair, rewritten by qpdf.
    const std::string repaired = forms::repairToUnicode(qtPdf());
    REQUIRE(repaired.find("\nxref\n") != std::string::npos);
    const std::string signedPdf = forms::signPdf(repaired, asciiIdentity(), lastPageBlock(), "", kSignTime);
    CHECK(signedPdf.compare(0, repaired.size(), repaired) == 0);
    const auto sig = signatureBytes(signedPdf);
    CHECK(forms::cmsVerifyDetached(sig.signedData, sig.cms) == "Meibo Test Signer");
    if (!installed("/usr/bin/pdfsig") || !installed("/usr/bin/pdftotext")) {
        WARN("pdfsig or pdftotext is not installed: the client half is skipped");
        return;
    }
    TempDir dir;
    writeString(dir.file("signed.pdf"), signedPdf);
    const auto r = pdfsig(dir, dir.file("signed.pdf"));
    INFO(r.out << r.err);
    CHECK(r.out.find("  - Signature Validation: Signature is Valid.") != std::string::npos);
    CHECK(r.out.find("  - Total document signed") != std::string::npos);
    const auto text = runProcess({"/usr/bin/pdftotext", "-enc", "UTF-8", dir.file("signed.pdf"), "-"});
    CHECK(text.out.find(kJapaneseTitle) != std::string::npos);
}

TEST_CASE("a signed PDF can be signed again, and both signatures are reported", "[signing][client]")
{
    const std::string once = forms::signPdf(qtPdf(), asciiIdentity(), lastPageBlock(), "", kSignTime);
    auto second = lastPageBlock();
    second.page = 0;
    const auto other = forms::generateSelfSigned("Second Signer", "Sample Corp");
    const std::string twice = forms::signPdf(once, other, second, "承認", "20260602093000Z");
    CHECK(twice.compare(0, once.size(), once) == 0);
    CHECK(twice.find("/T (Signature2)") != std::string::npos);
    // The second catalog keeps the first field in /Fields.
    const auto lastForm = twice.rfind("/AcroForm << /Fields [");
    CHECK((lastForm != std::string::npos && lastForm > once.size()));
    if (!installed("/usr/bin/pdfsig")) {
        WARN("pdfsig is not installed: the pdfsig half is skipped");
        return;
    }
    TempDir dir;
    writeString(dir.file("twice.pdf"), twice);
    const auto r = pdfsig(dir, dir.file("twice.pdf"));
    INFO(r.out << r.err);
    CHECK(r.out.find("Signature #1:\n  - Signature Field Name: Signature1") != std::string::npos);
    CHECK(r.out.find("Signature #2:\n  - Signature Field Name: Signature2") != std::string::npos);
    CHECK(r.out.find("  - Signer Certificate Common Name: Second Signer") != std::string::npos);
    CHECK(r.out.find("  - Not total document signed") != std::string::npos); // the first one
    CHECK(r.out.find("  - Total document signed") != std::string::npos);     // the second one
    std::size_t valid = 0;
    for (auto at = r.out.find("Signature is Valid."); at != std::string::npos;
         at = r.out.find("Signature is Valid.", at + 1))
        ++valid;
    CHECK(valid == 2);
}

TEST_CASE("a nested page tree and indirect /Annots are followed to the right page", "[signing][client]")
{
    // Catalog 1, root Pages 2 -> [page 3, Pages 4 -> [page 5, page 6]]; page 6 has /Annots 7 0 R.
    const std::string pdf = handMadePdf(
        {"<< /Type /Catalog /Pages 2 0 R /Lang (ja) /Names << /Dests << /Names [(a\\)b) [3 0 R /Fit]] >> >> "
         ">>",
         "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 3 /MediaBox [0 0 595 842] >>",
         "<< /Type /Page /Parent 2 0 R >>", "<< /Type /Pages /Parent 2 0 R /Kids [5 0 R 6 0 R] /Count 2 >>",
         "<< /Type /Page /Parent 4 0 R >>", "<< /Type /Page /Parent 4 0 R /Annots 7 0 R /Rotate 0 >>",
         "[8 0 R]", "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /Border [0 0 0] /Dest [3 0 R /Fit] >>"},
        " /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]");
    auto placement = lastPageBlock();
    placement.page = 2;
    const std::string signedPdf = forms::signPdf(pdf, asciiIdentity(), placement, "", kSignTime);
    const std::string update = signedPdf.substr(pdf.size());
    // Objects 9 (signature), 10 (widget), 11 (appearance) are new; 6 and 1 are rewritten.
    CHECK(update.find("10 0 obj\n<< /Type /Annot /Subtype /Widget") != std::string::npos);
    CHECK(update.find("/P 6 0 R") != std::string::npos);
    CHECK(update.find("6 0 obj\n<< /Type /Page /Parent 4 0 R /Rotate 0 /Annots [8 0 R 10 0 R] >>") !=
          std::string::npos);
    CHECK(update.find(
              "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Lang (ja) /Names << /Dests << /Names [(a\\)b) [3 0 R "
              "/Fit]] >> >> /AcroForm << /Fields [10 0 R] /SigFlags 3 >>") != std::string::npos);
    CHECK(update.find("xref\n1 1\n") != std::string::npos);
    CHECK(update.find("6 1\n") != std::string::npos);
    CHECK(update.find("9 3\n") != std::string::npos);
    CHECK(update.find("/Size 12 /Root 1 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <") != std::string::npos);
    const auto prev = "/Prev " + std::to_string(pdf.find("xref\n")) + " >>";
    CHECK(update.find(prev) != std::string::npos);
    if (installed("/usr/bin/pdfsig")) {
        TempDir dir;
        writeString(dir.file("nested.pdf"), signedPdf);
        const auto r = pdfsig(dir, dir.file("nested.pdf"));
        INFO(r.out << r.err);
        CHECK(r.out.find("  - Signature Validation: Signature is Valid.") != std::string::npos);
        CHECK(r.out.find("  - Total document signed") != std::string::npos);
    }
}

TEST_CASE("signing refuses what it cannot parse, saying what is missing", "[signing]")
{
    const auto& identity = asciiIdentity();
    const auto placement = lastPageBlock();
    std::string message;

    CHECK(codeOf([&] { forms::signPdf("hello", identity, placement, "", kSignTime); }, &message) ==
          ErrorCode::InvalidInput);
    CHECK(message.find("not a PDF") != std::string::npos);

    CHECK(
        codeOf(
            [&] { forms::signPdf("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", identity, placement, "", kSignTime); },
            &message) == ErrorCode::Damaged);
    CHECK(message.find("startxref") != std::string::npos);

    // A cross-reference stream (object streams on) is named as such.
    const std::string xrefStream =
        "%PDF-1.5\n1 0 obj\n<< /Type /XRef /Size 2 /W [1 2 1] /Length 0 >>\nstream\n\n"
        "endstream\nendobj\nstartxref\n9\n%%EOF\n";
    CHECK(codeOf([&] { forms::signPdf(xrefStream, identity, placement, "", kSignTime); }, &message) ==
          ErrorCode::Damaged);
    CHECK(message.find("cross-reference stream instead of a classic cross-reference table at byte 9") !=
          std::string::npos);

    const std::string noTable = "%PDF-1.4\nnothing here\nstartxref\n9\n%%EOF\n";
    CHECK(codeOf([&] { forms::signPdf(noTable, identity, placement, "", kSignTime); }, &message) ==
          ErrorCode::Damaged);
    CHECK(message == "The PDF has no classic cross-reference table at byte 9.");

    const std::string pdf = qtPdf();
    auto third = placement;
    third.page = 2;
    CHECK(codeOf([&] { forms::signPdf(pdf, identity, third, "", kSignTime); }, &message) ==
          ErrorCode::InvalidInput);
    CHECK(message.find("The PDF has 2 page(s); there is no page 3") != std::string::npos);

    auto empty = placement;
    empty.width = 0;
    CHECK(codeOf([&] { forms::signPdf(pdf, identity, empty, "", kSignTime); }) == ErrorCode::InvalidInput);
    CHECK(codeOf([&] { forms::signPdf(pdf, identity, placement, "", "2026-06-01T09:30:00Z"); }, &message) ==
          ErrorCode::InvalidInput);
    CHECK(message.find("YYYYMMDDHHMMSSZ") != std::string::npos);

    // An object the table points at wrongly.
    std::string wrongOffset =
        handMadePdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"});
    const auto table = wrongOffset.find("xref\n");
    const auto firstEntry = wrongOffset.find("\r\n", table) + 2; // object 1's entry, after object 0's
    wrongOffset.replace(firstEntry, 10, "0000000002");
    CHECK(codeOf([&] { forms::signPdf(wrongOffset, identity, placement, "", kSignTime); }, &message) ==
          ErrorCode::Damaged);
    CHECK(message.find("points object 1 to a place where there is no “1 0 obj”") != std::string::npos);

    // An encrypted file is refused rather than signed wrongly.
    const std::string encrypted =
        handMadePdf({"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                     "<< /Type /Page >>", "<< /Filter /Standard /V 1 >>"},
                    " /Encrypt 4 0 R");
    CHECK(codeOf([&] { forms::signPdf(encrypted, identity, placement, "", kSignTime); }, &message) ==
          ErrorCode::InvalidInput);
    CHECK(message.find("encrypted") != std::string::npos);
}

// ---- Certification (DocMDP) and who signed

namespace {
/// An incremental update as a PDF editor saves one: a new /Info object, its xref section, a trailer.
std::string withIncrementalUpdate(std::string pdf)
{
    const auto startxref = pdf.rfind("startxref");
    const std::string prev = pdf.substr(startxref + 10, pdf.find('\n', startxref + 10) - startxref - 10);
    const long long size = std::stoll(pdf.substr(pdf.rfind("/Size ") + 6));
    const auto rootAt = pdf.rfind("/Root ");
    const std::string root = pdf.substr(rootAt, pdf.find(" R", rootAt) + 2 - rootAt);
    const std::size_t objAt = pdf.size();
    pdf += std::to_string(size) + " 0 obj\n<< /Title (changed after signing) >>\nendobj\n";
    const std::size_t xrefAt = pdf.size();
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n\r\n", objAt);
    return pdf + "xref\n" + std::to_string(size) + " 1\n" + entry + "trailer\n<< /Size " + std::to_string(size + 1) +
           " " + root + " /Info " + std::to_string(size) + " 0 R /Prev " + prev + " >>\nstartxref\n" +
           std::to_string(xrefAt) + "\n%%EOF\n";
}
} // namespace

TEST_CASE("a certification signature permits no changes: DocMDP in the signature and the catalog", "[signing]")
{
    const std::string original = qtPdf();
    const std::string certified = forms::signPdf(original, asciiIdentity(), lastPageBlock(), "", kSignTime,
                                                 forms::PdfSignatureKind::CertifyNoChanges);
    const std::string update = certified.substr(original.size());
    const auto sigAt = update.find(" 0 obj\n<< /Type /Sig ");
    REQUIRE(sigAt != std::string::npos);
    const std::string sigNumber = update.substr(update.rfind('\n', sigAt) + 1, sigAt - update.rfind('\n', sigAt) - 1);
    const std::string sigObject = update.substr(sigAt, update.find("endobj", sigAt) - sigAt);
    CHECK(sigObject.find("/Reference [<< /Type /SigRef /TransformMethod /DocMDP /TransformParams << /Type "
                         "/TransformParams /P 1 /V /1.2 >> >>]") != std::string::npos);
    CHECK(update.find("/Perms << /DocMDP " + sigNumber + " 0 R >>") != std::string::npos);
    // The DocMDP reference lies inside the signed bytes, and the signature still verifies.
    const auto sig = forms::cmsVerifySigner(signatureBytes(certified).signedData, signatureBytes(certified).cms);
    CHECK(sig.name == "Meibo Test Signer");
    // An approval signature has neither.
    const std::string approval = forms::signPdf(original, asciiIdentity(), lastPageBlock(), "", kSignTime);
    CHECK(approval.find("/DocMDP") == std::string::npos);

    // Other permissions in the catalog stay beside /DocMDP.
    const std::string reader = handMadePdf({"<< /Type /Catalog /Pages 2 0 R /Perms << /UR3 4 0 R >> >>",
                                            "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
                                            "<< /Type /Page /Parent 2 0 R >>", "<< /Type /Sig >>"});
    auto first = lastPageBlock();
    first.page = 0;
    const std::string both = forms::signPdf(reader, asciiIdentity(), first, "", kSignTime,
                                            forms::PdfSignatureKind::CertifyNoChanges);
    CHECK(both.find("/Perms << /DocMDP 5 0 R /UR3 4 0 R >>") != std::string::npos);
}

TEST_CASE("a certified PDF takes no further signature, and a signed one cannot be certified", "[signing]")
{
    const std::string original = qtPdf();
    const std::string certified = forms::signPdf(original, asciiIdentity(), lastPageBlock(), "", kSignTime,
                                                 forms::PdfSignatureKind::CertifyNoChanges);
    const auto message = [](const std::function<void()>& fn) -> std::string {
        try {
            fn();
        } catch (const Error& e) {
            CHECK(e.code() == ErrorCode::InvalidInput);
            return e.what();
        }
        return {};
    };
    CHECK(message([&] { forms::signPdf(certified, asciiIdentity(), lastPageBlock(), "", kSignTime); })
              .find("certified with no changes permitted (DocMDP P=1)") != std::string::npos);
    const std::string approved = forms::signPdf(original, asciiIdentity(), lastPageBlock(), "", kSignTime);
    CHECK(message([&] {
              forms::signPdf(approved, asciiIdentity(), lastPageBlock(), "", kSignTime,
                             forms::PdfSignatureKind::CertifyNoChanges);
          }).find("must be the document's first signature") != std::string::npos);
}

TEST_CASE("pdfsig shows an incremental update after a certification signature", "[signing][client]")
{
    if (!installed("/usr/bin/pdfsig")) {
        WARN("pdfsig is not installed: skipped");
        return;
    }
    TempDir dir;
    const std::string certified = forms::signPdf(qtPdf(), asciiIdentity(), lastPageBlock(), "", kSignTime,
                                                 forms::PdfSignatureKind::CertifyNoChanges);
    writeString(dir.file("certified.pdf"), certified);
    const auto before = pdfsig(dir, dir.file("certified.pdf"));
    INFO(before.out << before.err);
    CHECK(before.out.find("  - Total document signed") != std::string::npos);
    CHECK(before.out.find("  - Signature Validation: Signature is Valid.") != std::string::npos);
    writeString(dir.file("updated.pdf"), withIncrementalUpdate(certified));
    const auto after = pdfsig(dir, dir.file("updated.pdf"));
    INFO(after.out << after.err);
    CHECK(after.out.find("  - Not total document signed") != std::string::npos);
    CHECK(after.out.find("  - Total document signed") == std::string::npos);
    CHECK(after.out.find("  - Signature Validation: Signature is Valid.") != std::string::npos);
}

TEST_CASE("the signer's fingerprint is openssl's SHA-256 fingerprint of its certificate", "[signing][client]")
{
    const auto& identity = asciiIdentity();
    const std::string fp = forms::certificateFingerprint(identity.certificatePem);
    CHECK(fp.size() == 95);
    const std::string data = "manifest";
    const auto signer = forms::cmsVerifySigner(data, forms::cmsSignDetached(data, identity));
    CHECK(signer.name == "Meibo Test Signer");
    CHECK(signer.fingerprint == fp);
    CHECK(forms::certificateFingerprint(signer.certificatePem) == fp);
    const auto other = forms::generateSelfSigned("Meibo Test Signer", "Sample Corp");
    CHECK(forms::certificateFingerprint(other.certificatePem) != fp); // the same name, another certificate
    try {
        forms::certificateFingerprint("not a certificate");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.code() == ErrorCode::InvalidInput);
    }
    if (!installed("/usr/bin/openssl")) {
        WARN("openssl is not installed: the comparison with openssl is skipped");
        return;
    }
    TempDir dir;
    writeString(dir.file("c.pem"), identity.certificatePem);
    const auto r = runProcess({"/usr/bin/openssl", "x509", "-in", dir.file("c.pem"), "-noout", "-fingerprint", "-sha256"});
    CHECK(r.out.find("=" + fp + "\n") != std::string::npos);
}
