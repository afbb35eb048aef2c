#pragma once

#include "meibo/core/Model.h"
#include "meibo/core/Registers.h"
#include "meibo/forms/DataFiles.h"
#include "meibo/forms/Document.h"
#include "meibo/forms/Forms.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace meibo::forms {

/// What clause 4) asks for beyond the roster: each person's qualifications and trainings, the
/// contract's training register, and the subcontractors' records (capital, officers, places of work).
struct DisclosureFacts {
    std::map<std::int64_t, std::vector<core::Qualification>> expertise; ///< by person id
    std::vector<core::RegisterEntry> trainings;       ///< the contract's training register (person = label)
    std::vector<core::Subcontractor> subcontractors;  ///< on the contract on the roster's day
};

/// The labels the disclosure prints, each a phrase of clause 4)'s seed text (a test checks it).
namespace disclosure {
inline constexpr const char* kCapital = "受注者の資本関係・役員の情報";
inline constexpr const char* kPlace = "本業務の実施場所";
inline constexpr const char* kWorkers = "本業務の全ての従事者";
inline constexpr const char* kAffiliation = "所属";
inline constexpr const char* kExpertise = "専門性（情報セキュリティに係る資格・研修実績等）";
inline constexpr const char* kTrackRecord = "実績";
inline constexpr const char* kNationality = "国籍";
inline constexpr const char* kQualification = "資格";
inline constexpr const char* kTraining = "研修";
/// What a missing item prints, so that the officer sees what to fill in.
inline constexpr const char* kMissing = "（未記入）";
} // namespace disclosure

/// The 専門性 of one person: "資格：…（issuer、date）" and "研修：…（date）" lines, from the person's
/// qualifications and trainings and the contract's training register; empty when none is recorded.
std::vector<std::string> expertiseLines(const core::RosterEntry& entry, const DisclosureFacts& facts);

/// 従事者情報（情報セキュリティに関する事項4)）: clause 4)'s text, the contractor's (and each
/// subcontractor's) capital relationships, officers and places of work, and for every person on
/// the roster their 所属 (organization, department, title), 専門性, 実績 and 国籍; what is not recorded
/// prints （未記入）. A4 landscape, like form 4.
Document disclosureDocument(const RosterDocumentInput& roster, const DisclosureFacts& facts);

/// The same people as CSV (UTF-8 with BOM), one row each: 区分, 記号, 氏名, 所属組織, 所属部署, 役職, 専門性,
/// 実績, 国籍 — or with `layout.keys` role, label, name, organization, department, title, expertise,
/// track_record, nationality (ISO code). Several qualifications are lines of one cell.
std::string disclosureCsv(const RosterDocumentInput& roster, const DisclosureFacts& facts, const DataLayout& layout);

} // namespace meibo::forms
