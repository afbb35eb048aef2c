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

namespace meibo::forms {

/// One line of a change notice: who, what, before and after.
struct ChangeLine {
    std::string label;
    std::string name;
    std::string what;   ///< 新規従事, 従事終了, or the field changed (役職, 所属部署 …)
    std::string before;
    std::string after;
};

/// The clause-4) disclosure shown in advance for an incoming person.
struct IncomingPerson {
    core::RosterEntry entry;
    std::vector<core::Qualification> expertise;
};

/// 変更届: sent before a change to the roster or the structure takes effect (8 ③, clause 4).
struct ChangeNoticeInput {
    core::Organization organization;
    core::Contract contract;
    core::Date noticeDate{};
    core::Date effective{};
    std::string reason;
    bool late = false;
    std::vector<ChangeLine> lines;
    std::vector<IncomingPerson> incoming;
    std::string auditHead;
    std::string generated;
};

/// The change notice: addressee 殿, the contractor, the contract, the effective date and reason,
/// the changes before and after side by side, and the clause-4) disclosure of every incoming person.
/// The roster and the structure diagram as they will be on the effective date go with it.
Document changeNoticeDocument(const ChangeNoticeInput& input);

/// Before/after lines for the change from `before` to `after` (two rosters of the same contract).
std::vector<ChangeLine> diffRosters(const std::vector<core::RosterEntry>& before,
                                    const std::vector<core::RosterEntry>& after);

} // namespace meibo::forms
