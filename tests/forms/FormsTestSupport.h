#pragma once

#include "TestSupport.h"

#include "meibo/core/RosterCsv.h"
#include "meibo/core/ZipArchive.h"
#include "meibo/forms/Forms.h"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace meibo::test {

/// One part of a ZIP package (a DOCX, an XLSX), read with core's one ZIP reader; throws when the
/// package has no such part.
inline std::string zipEntry(const std::string& bytes, const char* name)
{
    core::ZipArchive zip(bytes, core::ZipArchive::Limits{});
    auto part = zip.read(name);
    if (!part)
        throw std::runtime_error(std::string("the package has no part ") + name);
    return std::move(*part);
}

/// The sample roster of tests/data/roster-sample.csv as document input.
inline forms::RosterDocumentInput sampleRosterInput()
{
    std::ifstream in(std::string(MEIBO_TEST_DATA) + "/roster-sample.csv", std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    const auto parsed = core::parseRosterCsv(s.str(), core::todayLocal());
    forms::RosterDocumentInput input;
    input.organization.name = "株式会社サンプル情報研究所";
    input.contract.code = "METI-2026-01";
    input.contract.title = "令和8年度産業保安等調査研究事業（化学物質規制対策（水俣条約に基づく水銀規制に関する国内外実態調査））";
    input.contract.start = *core::parseIsoDate("2026-04-01");
    input.contract.end = *core::parseIsoDate("2027-03-31");
    input.asOf = *core::parseIsoDate("2026-06-01");
    input.generated = "2026-06-01";
    input.auditHead = "42:0f3a9c";
    for (const auto& row : parsed.rows) {
        core::RosterEntry e;
        e.label = row.label;
        e.role = row.role;
        e.person = row.person;
        e.reportsTo = row.reportsTo;
        e.need = row.need;
        input.entries.push_back(e);
    }
    input.subcontractors.push_back({"株式会社サンプル分析センター", std::nullopt, std::nullopt});
    return input;
}

} // namespace meibo::test
