#pragma once

#include <string>

namespace meibo::forms {

/// A signing certificate with its private key, as PEM text (kept inside the encrypted registry).
struct SigningIdentity {
    std::string certificatePem;
    std::string privateKeyPem;
    std::string signerName; ///< the certificate subject's common name
};

/// Reads a PKCS#12 file's bytes with its passphrase; throws core::Error(InvalidInput) naming the
/// problem (wrong passphrase, no key, no certificate).
SigningIdentity identityFromPkcs12(const std::string& p12Bytes, const std::string& passphrase);

/// A new self-signed certificate (RSA 2048, SHA-256, keyCertSign + digitalSignature, valid 3 years)
/// for `commonName` (the organization), for when the officer has no certificate of their own.
SigningIdentity generateSelfSigned(const std::string& commonName, const std::string& organization);

/// CMS SignedData, detached, DER: SHA-256, CAdES signing-certificate-v2, signingTime.
std::string cmsSignDetached(const std::string& data, const SigningIdentity& identity);

/// Checks a detached CMS signature over `data`: the signature must be valid for the certificate
/// it carries (trust in that certificate is not judged here). Returns the signer's common name;
/// throws core::Error(Damaged) saying what failed.
std::string cmsVerifyDetached(const std::string& data, const std::string& signatureDer);

/// Who made a detached CMS signature: the certificate it carries, which the signature was checked
/// against. Anyone can make a certificate with any name: only the fingerprint tells them apart.
struct CmsSigner {
    std::string name;           ///< the certificate subject's common name
    std::string certificatePem; ///< the signer's certificate
    std::string fingerprint;    ///< SHA-256 of the certificate (DER), "AB:CD:…"
};
/// As cmsVerifyDetached, and refuses a signature with more than one signer.
CmsSigner cmsVerifySigner(const std::string& data, const std::string& signatureDer);

/// The SHA-256 fingerprint of a certificate (PEM, or DER) as `openssl x509 -noout -fingerprint
/// -sha256` prints it: 32 upper-case hex pairs separated by colons. Throws core::Error(InvalidInput)
/// when the text is not a certificate.
std::string certificateFingerprint(const std::string& certificate);

/// Where the signature's widget sits: the page (0-based) and a rectangle in PDF points from the
/// bottom-left corner. The visible text of the block is drawn by the renderer into the page.
struct SignaturePlacement {
    int page = 0;
    double x = 0, y = 0, width = 0, height = 0;
};

/// An approval signature leaves the document open to later signatures; a certification signature
/// (DocMDP, ISO 32000-1 12.8.2.2) with P=1 permits no change at all after it, so that any
/// incremental update made later shows as a violation in a reader that checks it (Acrobat).
enum class PdfSignatureKind { Approval, CertifyNoChanges };

/// Signs a PDF by incremental update (the original bytes stay as they are): a signature field and
/// widget on the page, /AcroForm with SigFlags 3, and a /Sig dictionary with /SubFilter
/// /ETSI.CAdES.detached whose /ByteRange covers everything but the /Contents hex string.
/// The input must use a classic cross-reference table (Qt and qpdf with object streams disabled
/// write one). Throws core::Error when the PDF cannot be parsed. CertifyNoChanges adds /Reference
/// (TransformMethod DocMDP, P 1) to the signature and /Perms /DocMDP to the catalog; it is refused
/// on a PDF that is signed already, and any signature is refused on a PDF certified with P=1.
std::string signPdf(const std::string& pdf, const SigningIdentity& identity, const SignaturePlacement& placement,
                    const std::string& reason, const std::string& signingTimeUtc /* "YYYYMMDDHHMMSSZ" */,
                    PdfSignatureKind kind = PdfSignatureKind::Approval);

} // namespace meibo::forms
