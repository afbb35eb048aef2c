#pragma once

#include "meibo/forms/Document.h"

#include <string>

namespace meibo::forms {

/// Writes a Document as a WordprocessingML package (.docx): styles, tables with merged cells,
/// header and footer with page numbers, East Asian fonts and language. Byte-for-byte reproducible:
/// the same Document gives the same bytes (fixed zip timestamps, metadata from Document::created).
/// Throws core::Error when the container cannot be written.
std::string writeDocx(const Document& document);

} // namespace meibo::forms
