// libFuzzer harness for `verify`: forms::verifyBundle reads an export folder's manifest.json and its
// detached signature, then every file the manifest names. Only the public function is called (its
// insides are being hardened). The input is the manifest text, optionally followed by a line
// "%%P7S%%" and the signature's DER bytes; without that line the manifest is signed properly with a
// throwaway certificate, so that the manifest reader runs behind a valid signature too. The folder
// also holds roster.csv ("a,b\r\n"). Oracles: no crash, leak, undefined behaviour or hang; no
// exception but core::Error (a sentence for the user); a bundle with problems is not ok, and one
// reported ok has a signer.
//
// Manifests that name ".." are skipped: verify would read outside the folder (issue 12 lists it),
// and the fuzzer must not wander through this machine's files.

#include "FuzzSupport.h"

#include "meibo/core/Error.h"
#include "meibo/forms/Export.h"
#include "meibo/forms/Signing.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using meibo::fuzz::fail;
namespace fs = std::filesystem;

namespace {

const meibo::forms::SigningIdentity& identity()
{
    static const auto id = meibo::forms::generateSelfSigned("Fuzz Signer", "Fuzz Organization");
    return id;
}

void put(const fs::path& path, std::string_view bytes)
{
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

bool mentionsParent(std::string_view s)
{
    if (s.find("..") != std::string_view::npos)
        return true;
    // JSON can spell a dot as \u002e (any case).
    for (std::size_t i = 0; i + 6 <= s.size(); ++i)
        if (s[i] == '\\' && s[i + 1] == 'u' && s[i + 2] == '0' && s[i + 3] == '0' && s[i + 4] == '2' &&
            (s[i + 5] == 'e' || s[i + 5] == 'E'))
            return true;
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    constexpr std::string_view kSeparator = "\n%%P7S%%\n";
    const std::size_t cut = input.find(kSeparator);
    const std::string manifest(input.substr(0, cut));
    if (mentionsParent(manifest))
        return 0;
    const std::string signature = cut == std::string_view::npos
                                      ? meibo::forms::cmsSignDetached(manifest, identity())
                                      : std::string(input.substr(cut + kSeparator.size()));

    static const fs::path dir = fs::temp_directory_path() / ("meibo-fuzz-verify-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    put(dir / meibo::forms::bundle::kManifest, manifest);
    if (!signature.empty())
        put(dir / meibo::forms::bundle::kManifestSignature, signature);
    put(dir / meibo::forms::bundle::kRosterCsv, "a,b\r\n");

    try {
        const meibo::forms::BundleCheck check = meibo::forms::verifyBundle(dir.string());
        if (check.ok && !check.problems.empty())
            fail("verify says ok and lists problems");
        if (check.ok && check.signer.empty())
            fail("verify says ok without a signer");
        for (const auto& p : check.problems)
            if (p.empty())
                fail("verify lists an empty problem");
    } catch (const meibo::core::Error& e) {
        if (std::string_view(e.what()).empty())
            fail("verify threw core::Error without a sentence");
    } catch (const std::exception& e) {
        fail(std::string("verify threw something other than core::Error (the user would see this text): ") +
             e.what());
    }
    fs::remove_all(dir);
    return 0;
}
