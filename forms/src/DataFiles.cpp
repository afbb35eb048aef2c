#include "meibo/forms/DataFiles.h"

#include "meibo/core/Csv.h"
#include "meibo/core/Vocabulary.h"
#include "meibo/forms/JapaneseDate.h"

namespace meibo::forms {

namespace {
bool isDateField(const core::RosterField& f)
{
    return f.key == "birth_date" || f.key == "valid_from" || f.key == "valid_to";
}
} // namespace

std::string fieldForReader(const core::RosterRow& row, const core::RosterField& field, const DataLayout& layout,
                           bool withholdPersonal)
{
    std::string v = core::fieldText(row, field, withholdPersonal);
    if (v.empty())
        return v;
    if (isDateField(field) && !layout.isoDates)
        return japaneseDate(*core::parseIsoDate(v));
    if (field.key == "nationality" && !layout.keys)
        return core::countryNameJa(v);
    return v;
}

std::vector<std::vector<std::string>> rosterTable(const RosterDocumentInput& input, const DataLayout& layout)
{
    const auto& fields = core::rosterFields();
    std::vector<std::vector<std::string>> rows;
    rows.reserve(input.entries.size() + 1);
    std::vector<std::string> header;
    for (const auto& f : fields)
        header.emplace_back(layout.keys ? f.key : f.labelJa);
    rows.push_back(std::move(header));
    for (const auto& e : input.entries) {
        std::vector<std::string> row;
        row.reserve(fields.size());
        for (const auto& f : fields)
            row.push_back(fieldForReader(e, f, layout, input.preContract));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string rosterCsv(const RosterDocumentInput& input, const DataLayout& layout)
{
    std::string out = "\xEF\xBB\xBF";
    for (const auto& row : rosterTable(input, layout))
        out += core::csvLine(row);
    return out;
}

} // namespace meibo::forms
