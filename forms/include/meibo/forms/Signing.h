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

/// Where the signature's widget sits: the page (0-based) and a rectangle in PDF points from the
/// bottom-left corner. The visible text of the block is drawn by the renderer into the page.
struct SignaturePlacement {
    int page = 0;
    double x = 0, y = 0, width = 0, height = 0;
};

/// Signs a PDF by incremental update (the original bytes stay as they are): a signature field and
/// widget on the page, /AcroForm with SigFlags 3, and a /Sig dictionary with /SubFilter
/// /ETSI.CAdES.detached whose /ByteRange covers everything but the /Contents hex string.
/// The input must use a classic cross-reference table (Qt and qpdf with object streams disabled
/// write one). Throws core::Error when the PDF cannot be parsed.
std::string signPdf(const std::string& pdf, const SigningIdentity& identity, const SignaturePlacement& placement,
                    const std::string& reason, const std::string& signingTimeUtc /* "YYYYMMDDHHMMSSZ" */);

} // namespace meibo::forms
