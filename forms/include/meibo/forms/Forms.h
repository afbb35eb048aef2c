#pragma once

#include "meibo/core/Model.h"
#include "meibo/forms/Document.h"

#include <string>
#include <vector>

namespace meibo::forms {

/// What the roster documents are made from.
struct RosterDocumentInput {
    core::Organization organization;
    core::Contract contract;
    core::Date asOf{};
    std::vector<core::RosterEntry> entries;
    std::vector<core::SubcontractorLink> subcontractors;
    bool preContract = false;  ///< leave address and birth date out (※5)
    std::string auditHead;     ///< the registry's audit-chain head, printed in the footer
    std::string generated;     ///< ISO date of generation (metadata)
};

/// 様式4 情報取扱者名簿: the seed's table (roles A–F with their ※ notes, 氏名 … パスポート番号及び国籍),
/// rows growing with the roster, the notes ※1–※5 below; A4 landscape, Japanese-era dates.
Document form4Document(const RosterDocumentInput& input);

/// 情報管理体制図: the diagram (drawn by the renderer from `diagramId`) and what it must show.
Document structureDocument(const RosterDocumentInput& input, const Image& diagram);

/// "TZ1234567（アメリカ合衆国）" when ※4 asks for it, else empty.
std::string passportCell(const core::RosterEntry& entry);

} // namespace meibo::forms
