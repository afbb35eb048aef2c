#include "meibo/core/AuditWords.h"

#include "meibo/core/RosterFields.h"

#include <array>
#include <vector>

namespace meibo::core {

namespace {

struct Words {
    std::string_view code, en, ja;
};

// Every operation code the registry writes (db/src: audit.append), as the officer would say it.
constexpr std::array kActions{
    Words{"assignment.add", "Put on the roster", "名簿に追加"},
    Words{"assignment.edit", "Roster entry changed", "名簿の記載を変更"},
    Words{"assignment.end", "Taken off the roster", "名簿から外す"},
    Words{"change.new", "Change notice made", "変更届を作成"},
    Words{"change.edit", "Change notice edited", "変更届を編集"},
    Words{"change.submit", "Change notice submitted", "変更届を届出"},
    Words{"change.consent", "Ministry's consent recorded", "担当課室の同意を記録"},
    Words{"change.reject", "Ministry's rejection recorded", "担当課室の不同意を記録"},
    Words{"change.withdraw", "Change notice withdrawn", "変更届を取下げ"},
    Words{"change.apply", "Change notice applied to the roster", "変更届を名簿に反映"},
    Words{"change.person", "Person's record changed by a change notice", "変更届による個人記録の変更"},
    Words{"compliance.set", "Compliance method recorded", "履行方法を記録"},
    Words{"contract.add", "Contract added", "契約を追加"},
    Words{"contract.set", "Contract changed", "契約を変更"},
    Words{"contract.subcontractor.link", "Subcontractor joined the contract", "再委託先を契約に追加"},
    Words{"import.add", "Imported onto the roster", "取込みで名簿に追加"},
    Words{"import.person", "Person imported", "取込みで個人を登録"},
    Words{"import.update", "Person's record updated by an import", "取込みで個人記録を更新"},
    Words{"officer.set", "Officer's name recorded", "担当者名を記録"},
    Words{"organization.set", "Organization changed", "組織の情報を変更"},
    Words{"person.add", "Person registered", "個人を登録"},
    Words{"person.change", "Person's record changed from a date", "個人記録を日付指定で変更"},
    Words{"person.edit", "Person's record corrected", "個人記録を訂正"},
    Words{"qualification.add", "Qualification or training recorded", "資格・研修を記録"},
    Words{"register.add", "Register entry added", "管理台帳に記録を追加"},
    Words{"register.edit", "Register entry changed", "管理台帳の記録を変更"},
    Words{"register.end", "Register entry ended", "管理台帳の記録を終了"},
    Words{"register.import-eol", "End-of-life list imported", "サポート終了一覧を取込み"},
    Words{"report.new", "Status report started", "実施状況報告書を作成"},
    Words{"report.set", "Status report answer changed", "実施状況報告書の回答を変更"},
    Words{"report.finalize", "Status report finalized", "実施状況報告書を確定"},
    Words{"report.revise", "Status report revision opened", "実施状況報告書の改訂版を作成"},
    Words{"signing.set", "Signing certificate stored", "署名用証明書を保存"},
    Words{"subcontractor.add", "Subcontractor registered", "再委託先を登録"},
    Words{"vault.restore", "Registry restored from a backup", "バックアップから登録簿を復元"},
};

// Members of the recorded records that are not person fields.
constexpr std::array kMembers{
    Words{"addressee", "Addressee", "宛先"},
    Words{"answers", "Answers", "回答"},
    Words{"applied_from", "Applied from", "反映日"},
    Words{"audit_head", "Audit chain head", "監査記録の末尾"},
    Words{"backup", "Backup file", "バックアップのファイル"},
    Words{"before_restore", "Contents before the restore kept in", "復元前の内容の保存先"},
    Words{"capital_officers", "Capital and officers", "資本関係・役員"},
    Words{"certificate", "Certificate", "証明書"},
    Words{"change", "Change notice", "変更届"},
    Words{"code", "Contract code", "契約の記号"},
    Words{"consented", "Consented on", "同意日"},
    Words{"consented_by", "Consented by", "同意者"},
    Words{"contract", "Contract", "契約"},
    Words{"contract_id", "Contract", "契約"},
    Words{"effective", "Effective date", "変更日"},
    Words{"end", "End", "終了日"},
    Words{"end_note", "Note on ending", "終了の備考"},
    Words{"ended_on", "Ended on", "終了日"},
    Words{"fields", "Fields", "項目"},
    Words{"finalized_on", "Finalized on", "確定日"},
    Words{"from", "From", "開始日"},
    Words{"id", "No.", "番号"},
    Words{"incident_report_days", "Days to report an incident", "インシデント報告の期限（日）"},
    Words{"issuer", "Issuer", "発行者"},
    Words{"item", "Item", "項目"},
    Words{"items", "Changes", "変更内容"},
    Words{"join", "Joining", "追加"},
    Words{"kind", "Kind", "種類"},
    Words{"late", "Late notice", "事後の届出"},
    Words{"line", "Line", "行"},
    Words{"ministry_contact", "Ministry contact", "担当課室"},
    Words{"new_person", "New person", "新規の者"},
    Words{"on", "Date", "日付"},
    Words{"period_end", "Period end", "報告期間の末日"},
    Words{"period_start", "Period start", "報告期間の初日"},
    Words{"person", "Person", "個人"},
    Words{"person_id", "Person", "個人"},
    Words{"personal_data_requested", "Personal data requested on", "住所・生年月日の提出要請日"},
    Words{"reason", "Reason", "理由"},
    Words{"rejected", "Rejected on", "不同意日"},
    Words{"rejection_reason", "Reason for rejection", "不同意の理由"},
    Words{"report_align", "Periods aligned to the fiscal year", "報告期間を年度に合わせる"},
    Words{"report_due_days", "Days to report after a period", "報告期限（期末後の日数）"},
    Words{"report_months", "Months per report", "報告間隔（月）"},
    Words{"representative", "Representative", "代表者"},
    Words{"revision", "Revision", "改訂番号"},
    Words{"roster_consented", "Roster agreed on", "名簿の同意日"},
    Words{"signed", "Signed on", "契約締結日"},
    Words{"signer", "Signer", "署名者"},
    Words{"source", "Source", "出所"},
    Words{"start", "Start", "開始日"},
    Words{"state", "State", "状態"},
    Words{"status", "Status", "状況"},
    Words{"subcontractor", "Subcontractor", "再委託先"},
    Words{"submitted", "Submitted on", "届出日"},
    Words{"submitted_how", "How it was sent", "届出の方法"},
    Words{"support_end", "Support ends", "サポート期限"},
    Words{"text", "Text", "記入内容"},
    Words{"training", "Training", "研修"},
    Words{"withdrawn", "Withdrawn on", "取下げ日"},
    Words{"work_places", "Work places", "作業場所"},
};

// Parts of an entity path ("contract/3/assignment/5").
constexpr std::array kEntities{
    Words{"person", "person", "個人"},          Words{"contract", "contract", "契約"},
    Words{"assignment", "assignment", "割当て"}, Words{"change", "change notice", "変更届"},
    Words{"report", "status report", "実施状況報告書"}, Words{"method", "method", "履行方法"},
    Words{"register", "register entry", "管理台帳の記録"}, Words{"subcontractor", "subcontractor", "再委託先"},
    Words{"organization", "organization", "組織"},
};

template <std::size_t N>
const Words* find(const std::array<Words, N>& table, std::string_view code)
{
    for (const Words& w : table)
        if (w.code == code)
            return &w;
    return nullptr;
}

std::vector<std::string_view> split(std::string_view text, char sep)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = text.find(sep, start);
        out.push_back(text.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos)
            return out;
        start = at + 1;
    }
}

std::string memberName(std::string_view key, bool japanese)
{
    if (const RosterField* f = findRosterField(key); f && f->key == key)
        return std::string(japanese ? f->labelJa : f->labelEn);
    if (const Words* w = find(kMembers, key))
        return std::string(japanese ? w->ja : w->en);
    return std::string(key); // an item number ("10", "15.5") or a member named nowhere yet
}

} // namespace

std::string auditActionName(std::string_view action, bool japanese)
{
    if (const Words* w = find(kActions, action))
        return std::string(japanese ? w->ja : w->en);
    return std::string(action);
}

std::string auditFieldName(std::string_view key, bool japanese)
{
    std::string out;
    for (std::string_view part : split(key, '.')) {
        if (!out.empty())
            out += japanese ? " の " : " › ";
        out += memberName(part, japanese);
    }
    return out;
}

std::string auditEntityName(std::string_view entity, bool japanese)
{
    const auto parts = split(entity, '/');
    std::string out;
    for (std::size_t i = 0; i < parts.size(); i += 2) {
        const Words* w = find(kEntities, parts[i]);
        std::string piece = w ? std::string(japanese ? w->ja : w->en) : std::string(parts[i]);
        if (i + 1 < parts.size())
            piece += " " + std::string(parts[i + 1]);
        if (!out.empty())
            out += japanese ? " の " : " › ";
        out += piece;
    }
    return out;
}

} // namespace meibo::core
