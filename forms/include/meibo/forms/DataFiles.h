#pragma once

#include "meibo/core/RosterFields.h"
#include "meibo/forms/Forms.h"

#include <string>
#include <vector>

namespace meibo::forms {

/// How the bundle's data files (CSV, XLSX) are laid out. By default as the officer reads them: the
/// form's Japanese column names (core/RosterFields.h), dates in the Japanese era, countries by their
/// Japanese name. `keys`: the import's keys as column names and ISO country codes (the layout of
/// docs/cli.md's roster CSV, `--csv-keys`). `isoDates`: dates as YYYY-MM-DD. Both layouts import back.
struct DataLayout {
    bool keys = false;
    bool isoDates = false;
};

/// A roster field's value as a data file or a document shows it: "" where ※5 withholds it, dates
/// in the Japanese era unless `isoDates`, the country's Japanese name unless `keys`.
std::string fieldForReader(const core::RosterRow& row, const core::RosterField& field, const DataLayout& layout,
                           bool withholdPersonal = false);

/// The roster as rows of text: the header (keys or the form's Japanese names), then one row per
/// entry, every field of core::rosterFields() in its order, ※5 applied.
std::vector<std::vector<std::string>> rosterTable(const RosterDocumentInput& input, const DataLayout& layout);

/// rosterTable as CSV: UTF-8 with BOM, CRLF, formula-like cells neutralised (core::csvLine). With
/// keys and ISO dates it is exactly core::rosterToCsv.
std::string rosterCsv(const RosterDocumentInput& input, const DataLayout& layout);

} // namespace meibo::forms
