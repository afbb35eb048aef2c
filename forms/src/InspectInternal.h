#pragma once

// Shared by the readers of the inspection (Inspect.cpp, InspectOoxml.cpp, InspectPdf.cpp).

#include "meibo/forms/Inspect.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace meibo::forms::inspect {

/// A place in a file: the `where` of a finding and how a sentence names it in each language.
struct Place {
    std::string where; ///< "集計!B3", "page 3", "line 12", "word/comments.xml"
    std::string en;    ///< "cell B3 of sheet “集計”"
    std::string ja;    ///< "シート「集計」のセル B3"
};

/// The findings of one file: at most maxPerRule per rule, then one finding that counts the rest.
class Findings {
public:
    Findings(std::string file, const InspectOptions& options) : m_file(std::move(file)), m_options(options) {}
    void add(const std::string& rule, const std::string& where, std::string en, std::string ja, bool warning = false);
    /// A file that could not be read (damaged, encrypted, a ZIP bomb): the rule `file-unreadable`.
    void unreadable(std::string en, std::string ja);
    bool wasUnreadable() const { return m_unreadable; }
    std::vector<InspectFinding> take();
    const InspectOptions& options() const { return m_options; }
    const std::string& file() const { return m_file; }

private:
    std::string m_file;
    const InspectOptions& m_options;
    std::vector<InspectFinding> m_findings;
    std::map<std::string, std::size_t> m_counts;
    bool m_unreadable = false;
};

/// Looks for personal data in pieces of text: the registry's handlers (address, birth date in ISO,
/// 和暦 and slash forms, passport number, name next to an address) and, always, patterns that need
/// no registry (a 12-digit number with a valid My Number check digit, e-mail, phone, postal address).
class PersonalData {
public:
    explicit PersonalData(const InspectOptions& options);
    ~PersonalData();
    PersonalData(const PersonalData&) = delete;
    PersonalData& operator=(const PersonalData&) = delete;
    /// Scans one unit of text (a line, a cell, a paragraph, a page). `makePlace()` gives its Place,
    /// called only when something is found (a workbook has a million cells, and their sentences cost).
    template <typename MakePlace> void scan(std::string_view text, const MakePlace& makePlace, Findings& out) const
    {
        scanWith(text, PlaceRef{&makePlace, [](const void* f) { return (*static_cast<const MakePlace*>(f))(); }}, out);
    }
    void scan(std::string_view text, const Place& place, Findings& out) const
    {
        scan(text, [&] { return place; }, out);
    }

private:
    struct PlaceRef {
        const void* fn;
        Place (*call)(const void*);
    };
    void scanWith(std::string_view text, const PlaceRef& makePlace, Findings& out) const;
    /// My Number, phone and e-mail patterns in text normalized with its spaces kept.
    void scanPatterns(const std::string& spaced, const std::function<const Place&()>& place, Findings& out) const;
    struct Index;
    std::unique_ptr<Index> m_index;
};

/// The text as the matching compares it: full-width ASCII folded, spaces and line breaks removed,
/// dash-like characters as '-', ASCII letters upper case. With `keepSpaces`, each run of spaces
/// and line breaks becomes one ' ' instead.
std::string normalizeForMatch(std::string_view text, bool keepSpaces = false);

void inspectOoxml(std::string_view bytes, bool word, const PersonalData& personal, Findings& out);
void inspectPdf(std::string_view bytes, const PersonalData& personal, Findings& out);

/// Plural-aware count for English sentences: "1 comment", "3 comments".
std::string count(std::size_t n, const char* one, const char* many);

} // namespace meibo::forms::inspect
