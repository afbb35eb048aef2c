#pragma once

#include "meibo/core/Model.h"
#include "meibo/core/Registers.h"
#include "meibo/core/Report.h"
#include "meibo/forms/Document.h"

#include <map>
#include <string>
#include <vector>

namespace meibo::forms {

/// The letter head the ministry's forms share: the date on the right, the addressee with 殿, and
/// the contractor's 住所 / 名称 / 代表者氏名.
void appendLetterHead(Document& doc, const core::Date& date, const core::Contract& contract,
                      const core::Organization& organization);

/// What the status report is made from.
struct StatusReportInput {
    core::Organization organization;
    core::Contract contract;
    core::StatusReport report;
    core::Date reportDate{}; ///< printed at the top: the final day, or the day of the draft
    std::string generated;   ///< ISO date (metadata)
};

/// 情報セキュリティに関する事項の遵守の方法の実施状況報告書: the seed's header, 1. 契約件名等, 2. 報告事項 (items
/// 2)–17) with the seed's 確認事項; 15) and 16) with a line per sub-point under the item's rolled-up
/// line), 記載要領, then the 別葉 with every reason and item 15's content. A final report prints
/// the audit-chain head it was made from in the footer and the metadata; a draft says 案.
Document statusReportDocument(const StatusReportInput& input);

/// The compliance methods (clause 1's 確認書類): the structure, the clause-4) company information and
/// the method for each of clauses 2)–17).
struct ComplianceMethodsInput {
    core::Organization organization;
    core::Contract contract;
    core::Date date{};
    std::map<std::string, std::string> methods; ///< "1" … "17"
    std::vector<core::Subcontractor> subcontractors;
    std::string auditHead;
    std::string generated;
};
Document complianceMethodsDocument(const ComplianceMethodsInput& input);

/// 返却・廃棄・消去証明書 (clause 8): every item of information received, how and when it was returned,
/// disposed of or deleted, and the ministry officer who confirmed it.
struct DeletionCertificateInput {
    core::Organization organization;
    core::Contract contract;
    core::Date date{};
    std::vector<core::RegisterEntry> information;
    std::string auditHead;
    std::string generated;
};
/// Throws IllegalState listing every item not yet returned or deleted with confirmation — the
/// disposal checklist — so no certificate claims what has not happened.
Document deletionCertificateDocument(const DeletionCertificateInput& input);

} // namespace meibo::forms
