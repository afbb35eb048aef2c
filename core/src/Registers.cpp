#include "meibo/core/Registers.h"

#include "meibo/core/Csv.h"
#include "meibo/core/Error.h"
#include "meibo/core/RosterRules.h"

#include <algorithm>
#include <set>

namespace meibo::core {

namespace {
using Type = RegisterField::Type;

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string productKey(const std::string& s)
{
    std::string out;
    for (unsigned char c : s)
        if (c != ' ' && c != '-' && c != '_')
            out += static_cast<char>(std::tolower(c));
    return out;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}
} // namespace

const std::vector<RegisterKind>& registerKinds()
{
    static const std::vector<RegisterKind> kinds = {
        {"training", "情報セキュリティ教育の実施記録", "10",
         {{"person", Type::Text, true, "受講者（記号）", {}},
          {"course", Type::Text, true, "教育の内容", {}},
          {"on", Type::Date, true, "実施日", {}},
          {"by", Type::Text, false, "実施者", {}},
          {"note", Type::Text, false, "備考", {}}}},
        {"software", "ソフトウェア管理台帳", "15.5",
         {{"name", Type::Text, true, "名称", {}},
          {"version", Type::Text, true, "バージョン", {}},
          {"installed_at", Type::Text, true, "導入箇所", {}},
          {"support_end", Type::Date, false, "サポート期限", {}},
          {"vulnerability_notes", Type::Text, false, "脆弱性情報", {}},
          {"plan", Type::Text, false, "脆弱性対策計画", {}},
          {"plan_agreed_on", Type::Date, false, "計画の確認日（担当職員）", {}}}},
        {"cloud", "クラウドサービス利用管理簿", "13",
         {{"name", Type::Text, true, "サービス名", {}},
          {"provider", Type::Text, true, "提供者", {}},
          {"confidential", Type::Bool, true, "要機密情報の取扱い", {}},
          {"ismap", Type::Choice, true, "ISMAP 登録", {"none", "ismap", "ismap-liu"}},
          {"risk_assessment", Type::Text, false, "リスク評価", {}},
          {"approved_on", Type::Date, false, "利用承認日（担当職員）", {}},
          {"usage", Type::Text, false, "利用状況", {}}}},
        {"incident", "情報セキュリティインシデント記録", "11",
         {{"detected_on", Type::Date, true, "認知日", {}},
          {"summary", Type::Text, true, "概要", {}},
          {"reported_on", Type::Date, false, "担当職員への報告日", {}},
          {"cause", Type::Text, false, "原因", {}},
          {"measures", Type::Text, false, "対処・再発防止策", {}}}},
        {"information", "受領情報・複製管理簿", "8",
         {{"name", Type::Text, true, "情報の名称", {}},
          {"received_on", Type::Date, false, "受領日", {}},
          {"medium", Type::Choice, false, "媒体", {"paper", "electronic"}},
          {"copies", Type::Text, false, "複製（数・保管場所）", {}},
          {"copy_permitted_on", Type::Date, false, "複製の許可日", {}},
          {"disposal", Type::Choice, false, "返却・廃棄・消去", {"return", "dispose", "delete"}},
          {"disposed_on", Type::Date, false, "返却・廃棄・消去日", {}},
          {"confirmed_by", Type::Text, false, "確認した担当職員", {}},
          {"confirmed_on", Type::Date, false, "担当職員の確認日", {}}}},
        {"audit", "監査・ペネトレーションテスト記録", "3",
         {{"type", Type::Choice, true, "種別", {"security-audit", "management-audit", "pentest"}},
          {"on", Type::Date, true, "実施日", {}},
          {"by", Type::Text, false, "実施者", {}},
          {"findings", Type::Text, false, "指摘事項", {}},
          {"response", Type::Text, false, "対応", {}},
          {"closed_on", Type::Date, false, "対応完了日", {}}}},
    };
    return kinds;
}

const RegisterKind& registerKind(std::string_view id)
{
    std::vector<std::string> ids;
    for (const auto& k : registerKinds()) {
        if (k.id == id)
            return k;
        ids.push_back(k.id);
    }
    throw Error(ErrorCode::InvalidInput,
                "register: “" + std::string(id) + "” is not a register; the registers are " + joined(ids), "register",
                "「" + std::string(id) + "」という台帳はありません。台帳は " + joined(ids) + " です。");
}

std::string RegisterEntry::field(const std::string& name) const
{
    auto it = fields.find(name);
    return it == fields.end() ? std::string() : it->second;
}

std::optional<Date> RegisterEntry::date(const std::string& name) const { return parseIsoDate(field(name)); }

bool RegisterEntry::flag(const std::string& name) const { return field(name) == "yes"; }

void validateRegisterFields(const RegisterKind& kind, std::map<std::string, std::string>& fields)
{
    std::vector<std::string> names;
    for (const auto& f : kind.fields)
        names.push_back(f.name);
    for (const auto& [name, value] : fields)
        if (std::find(names.begin(), names.end(), name) == names.end())
            throw Error(ErrorCode::InvalidInput,
                        name + ": the " + kind.id + " register has no such field; its fields are " + joined(names), name,
                        "台帳 " + kind.id + " に項目「" + name + "」はありません。項目は " + joined(names) + " です。");
    for (const auto& f : kind.fields) {
        auto it = fields.find(f.name);
        if (it == fields.end() || it->second.empty()) {
            if (f.required)
                throw Error(ErrorCode::InvalidInput, "“" + f.labelJa + "” is required", f.name,
                            "「" + f.labelJa + "」は必須です。記入してください。");
            if (it != fields.end())
                fields.erase(it);
            continue;
        }
        std::string& v = it->second;
        switch (f.type) {
        case Type::Text:
            break;
        case Type::Date:
            try {
                v = formatIsoDate(requireDate(v, f.name));
            } catch (const Error& e) { // named by the register's label, in every front end
                throw Error(e.code(), f.labelJa + ": " + e.what(), f.name, f.labelJa + "：" + e.messageJa());
            }
            break;
        case Type::Bool: {
            const std::string l = lower(v);
            if (l == "yes" || l == "true" || l == "1" || v == "有" || v == "あり" || v == "はい")
                v = "yes";
            else if (l == "no" || l == "false" || l == "0" || v == "無" || v == "なし" || v == "いいえ")
                v = "no";
            else
                throw Error(ErrorCode::InvalidInput, f.labelJa + ": “" + v + "” is not yes or no", f.name,
                            f.labelJa + "：「" + v + "」は「はい」又は「いいえ」で記入してください。");
            break;
        }
        case Type::Choice: {
            const std::string l = lower(v);
            if (std::find(f.choices.begin(), f.choices.end(), l) == f.choices.end())
                throw Error(ErrorCode::InvalidInput, f.labelJa + ": “" + v + "” is not one of " + joined(f.choices),
                            f.name, f.labelJa + "：「" + v + "」は選択肢（" + joined(f.choices) + "）にありません。");
            v = l;
            break;
        }
        }
    }
}

namespace {

/// What to do when a register entry lacks `fields` (keys of its kind): the GUI names the fields by
/// their labels and the 編集 button of the registers view; the command line gives `register edit`.
Fix fillIn(const RegisterEntry& r, std::initializer_list<const char*> fields, const std::string& alternative = {},
           const std::string& alternativeJa = {})
{
    std::string labels, keys;
    for (const char* key : fields) {
        std::string label = key;
        for (const auto& f : registerKind(r.kind).fields)
            if (f.name == key)
                label = f.labelJa;
        labels += (labels.empty() ? "" : "、") + ("「" + label + "」");
        keys += std::string(keys.empty() ? "" : " ") + key + "=…";
    }
    const bool other = !alternative.empty();
    return Fix{"Select the entry in the Registers view, choose Edit and fill in " + labels +
                   (other ? ", or " + alternative : "") + ".",
               "管理台帳の画面でこの記録を選び、「編集」で" + labels +
                   (other ? "を記入するか、" + alternativeJa + "。" : "を記入してください。"),
               "Record it with `meibo-cli register edit " + std::to_string(r.id) + " " + keys + "`" +
                   (other ? ", or " + alternative : "") + ".",
               "`meibo-cli register edit " + std::to_string(r.id) + " " + keys + "` で記録" +
                   (other ? "するか、" + alternativeJa + "。" : "してください。")};
}

} // namespace

std::vector<Finding> checkRegisters(const RegisterFacts& facts)
{
    std::vector<Finding> out;
    const Contract& c = facts.contract;
    const Date& asOf = facts.asOf;
    const bool contractOver = c.end < asOf;
    auto inPeriod = [&](const std::optional<Date>& d) { return d && !(*d < c.start) && !(c.end < *d); };

    // Clause 10: everyone on the roster trained within the contract period.
    for (const auto& e : facts.roster) {
        bool trained = std::any_of(facts.entries.begin(), facts.entries.end(), [&](const RegisterEntry& r) {
            return r.kind == "training" && r.field("person") == e.label && inPeriod(r.date("on"));
        });
        trained = trained || std::any_of(facts.trainings.begin(), facts.trainings.end(), [&](const Qualification& q) {
                      return q.training && q.personId == e.personId && inPeriod(q.on);
                  });
        if (!trained)
            out.push_back({"training-missing", contractOver ? Severity::Error : Severity::Warning, c.code, subjectOf(e),
                           "no security training (clause 10) is recorded for this person within the contract period (" +
                               formatIsoDate(c.start) + " – " + formatIsoDate(c.end) + ")",
                           "契約期間（" + formatIsoDate(c.start) + " – " + formatIsoDate(c.end) +
                               "）内の情報セキュリティ教育（情報セキュリティに関する事項10)）の受講記録がありません。",
                           {},
                           Fix{"Record the training in the Registers view: choose the 情報セキュリティ教育の実施記録 tab, "
                               "then Add.",
                               "管理台帳の画面の「情報セキュリティ教育の実施記録」で「追加」を選び、受講を記録してください。",
                               "Record it with `meibo-cli register add training --contract " + c.code + " person=" +
                                   e.label + " course=… on=YYYY-MM-DD`.",
                               "`meibo-cli register add training --contract " + c.code + " person=" + e.label +
                                   " course=… on=YYYY-MM-DD` で記録してください。"}});
    }

    for (const auto& r : facts.entries) {
        if (r.endedOn && !(asOf < *r.endedOn))
            continue; // over: no longer in use, closed, disposed
        const std::string id = "#" + std::to_string(r.id);
        if (r.kind == "software") {
            const std::string subject = id + " " + r.field("name") + " " + r.field("version");
            const auto end = r.date("support_end");
            if (!end)
                out.push_back({"software-support-unknown", Severity::Warning, c.code, subject,
                               "the support end date is not recorded (15(5))",
                               "サポート期限が記録されていません（情報セキュリティに関する事項15)(5)）。",
                               "support_end", [&] {
                                   Fix f = fillIn(r, {"support_end"});
                                   f.cli = "Record it with `meibo-cli register edit " + std::to_string(r.id) +
                                           " support_end=YYYY-MM-DD`, or import an end-of-life list with "
                                           "`meibo-cli register import-eol`.";
                                   f.cliJa = "`meibo-cli register edit " + std::to_string(r.id) +
                                             " support_end=YYYY-MM-DD` で記録するか、`meibo-cli register import-eol` で"
                                             "サポート終了一覧を取り込んでください。";
                                   return f;
                               }()});
            else if (*end < asOf)
                out.push_back({"software-support-ends", Severity::Error, c.code, subject,
                               "support ended on " + formatIsoDate(*end) + ": software without support must not be "
                               "used (15(5)); replace or update it and end this entry, or record the plan agreed "
                               "with the ministry",
                               "サポート期限は" + formatIsoDate(*end) +
                                   "に終了しています。サポートが受けられないソフトウェアは利用できません（情報セキュリ"
                                   "ティに関する事項15)(5)）。更新又は置換えのうえこの記録を終了するか、担当職員の確認を"
                                   "得た対策計画を記録してください。"});
            else if (!(c.end < *end))
                out.push_back({"software-support-ends", Severity::Warning, c.code, subject,
                               "support ends on " + formatIsoDate(*end) + ", before the contract ends (" +
                                   formatIsoDate(c.end) + "): plan the update now (15(5))" +
                                   (r.field("plan_agreed_on").empty() ? "; no plan is agreed with the ministry yet"
                                                                       : "; plan agreed on " + r.field("plan_agreed_on")),
                               "サポート期限（" + formatIsoDate(*end) + "）が契約の終了（" + formatIsoDate(c.end) +
                                   "）より前に到来します。更新を今から計画してください（情報セキュリティに関する事項"
                                   "15)(5)）。" +
                                   (r.field("plan_agreed_on").empty()
                                        ? std::string("担当職員の確認を得た計画はまだありません。")
                                        : "計画は" + r.field("plan_agreed_on") + "に担当職員の確認を得ています。")});
        } else if (r.kind == "cloud") {
            const std::string subject = id + " " + r.field("name");
            if (r.flag("confidential") && r.field("ismap") == "none" && r.field("approved_on").empty())
                out.push_back({"cloud-not-ismap", Severity::Error, c.code, subject,
                               "confidential information (要機密情報) is handled on a service that is neither on the "
                               "ISMAP / ISMAP-LIU list nor approved by the ministry (clauses 12–14); stop, or get the "
                               "approval",
                               "要機密情報を、ISMAP クラウドサービスリスト又は ISMAP-LIU クラウドサービスリストに"
                               "掲載がなく、担当職員の利用承認もないサービスで取り扱っています（情報セキュリティに"
                               "関する事項12)～14)）。利用を中止するか、利用承認を得てください。",
                               "approved_on", fillIn(r, {"approved_on"})});
            else if (r.flag("confidential") && r.field("approved_on").empty())
                out.push_back({"cloud-approval-missing", Severity::Warning, c.code, subject,
                               "the ministry's approval of this service (clause 14) is not recorded: assess the risk "
                               "and get the approval",
                               "このサービスについて担当職員の利用承認（情報セキュリティに関する事項14)）が記録されて"
                               "いません。リスクを評価して利用承認を得てください。",
                               "approved_on", fillIn(r, {"approved_on"})});
        } else if (r.kind == "incident") {
            const std::string subject = id + " " + r.field("summary");
            const auto detected = r.date("detected_on");
            const auto reported = r.date("reported_on");
            const int limit = facts.incidentReportDays;
            if (detected && !reported && daysBetween(*detected, asOf) > limit)
                out.push_back({"incident-report-late", Severity::Error, c.code, subject,
                               "detected on " + formatIsoDate(*detected) + " and not yet reported to the ministry "
                               "(clause 11 asks for a prompt report, within " + std::to_string(limit) +
                                   " day(s) here): report it",
                               formatIsoDate(*detected) +
                                   "に認知したインシデントを担当職員にまだ報告していません（情報セキュリティに関する"
                                   "事項11)により速やかな報告が必要です。本契約では" + std::to_string(limit) +
                                   "日以内）。報告してください。",
                               "reported_on", fillIn(r, {"reported_on"})});
            else if (detected && reported && daysBetween(*detected, *reported) > limit)
                out.push_back({"incident-report-late", Severity::Warning, c.code, subject,
                               "reported " + std::to_string(daysBetween(*detected, *reported)) +
                                   " day(s) after detection (limit " + std::to_string(limit) +
                                   "): explain the delay in the report and end this entry once the measures are done",
                               "認知から" + std::to_string(daysBetween(*detected, *reported)) +
                                   "日後に担当職員に報告されています（期限は" + std::to_string(limit) +
                                   "日）。遅れた理由を報告書で説明し、対処が完了したらこの記録を終了してください。"});
        } else if (r.kind == "information") {
            const std::string subject = id + " " + r.field("name");
            if (!r.field("copies").empty() && r.field("copy_permitted_on").empty())
                out.push_back({"copy-without-permission", Severity::Error, c.code, subject,
                               "copies are recorded without the ministry officer's permission (clauses 6–7)",
                               "複製の記録がありますが、担当職員の許可が記録されていません（情報セキュリティに関する"
                               "事項6)・7)）。",
                               "copy_permitted_on",
                               fillIn(r, {"copy_permitted_on"}, "delete the copies", "複製を消去してください")});
            if (contractOver && !disposalChecklist({r}).front().done())
                out.push_back({"information-not-returned", Severity::Error, c.code, subject,
                               "the contract ended on " + formatIsoDate(c.end) + " and this information is not yet " +
                                   "returned, disposed of or deleted with the ministry officer's confirmation (clause "
                                   "8)",
                               "契約は" + formatIsoDate(c.end) +
                                   "に終了しましたが、この情報は担当職員の確認を受けた返却・廃棄・消去がまだ記録されて"
                                   "いません（情報セキュリティに関する事項8)）。",
                               "disposal", fillIn(r, {"disposal", "disposed_on", "confirmed_by", "confirmed_on"})});
        } else if (r.kind == "audit") {
            if (!r.field("findings").empty() && r.field("closed_on").empty())
                out.push_back({"audit-finding-open", Severity::Warning, c.code, id + " " + r.field("type"),
                               "the findings of this audit are not closed (clause 3)",
                               "この監査の指摘事項への対応が完了していません（情報セキュリティに関する事項3)）。",
                               "closed_on", fillIn(r, {"response", "closed_on"})});
        }
    }
    return out;
}

std::vector<DisposalItem> disposalChecklist(const std::vector<RegisterEntry>& entries)
{
    std::vector<DisposalItem> out;
    for (const auto& e : entries) {
        if (e.kind != "information")
            continue;
        DisposalItem item{e.id, e.field("name"), {}};
        for (const char* field : {"disposal", "disposed_on", "confirmed_by", "confirmed_on"})
            if (e.field(field).empty())
                item.missing.push_back(field);
        out.push_back(std::move(item));
    }
    return out;
}

EolImport parseEolCsv(std::string_view bytes)
{
    EolImport result;
    CsvRead read = readCsv(bytes);
    if (!read.error.empty()) {
        result.issues.push_back({read.errorLine, {}, read.error, "CSV として読めません：" + read.error});
        return result;
    }
    if (read.records.empty()) {
        result.issues.push_back({1, {}, "the file is empty: it needs a header row (product,cycle,eol)",
                                 "ファイルが空です。1行目に見出し（product,cycle,eol）が必要です。"});
        return result;
    }
    const CsvRecord& header = read.records.front();
    int product = -1, cycle = -1, eol = -1;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const std::string name = lower(header.fields[i]);
        if (name == "product" || name == "name")
            product = static_cast<int>(i);
        else if (name == "cycle" || name == "version" || name == "release")
            cycle = static_cast<int>(i);
        else if (name == "eol" || name == "support_end" || name == "end_of_life")
            eol = static_cast<int>(i);
    }
    for (auto [index, name] : {std::pair{product, "product"}, std::pair{cycle, "cycle"}, std::pair{eol, "eol"}})
        if (index < 0)
            result.issues.push_back({header.line, name, std::string("the header has no “") + name + "” column",
                                     std::string("見出しに「") + name + "」列がありません。"});
    if (!result.issues.empty())
        return result;
    for (std::size_t r = 1; r < read.records.size(); ++r) {
        const CsvRecord& rec = read.records[r];
        if (rec.fields.size() == 1 && rec.fields[0].empty())
            continue; // blank line
        if (rec.fields.size() != header.fields.size()) {
            result.issues.push_back({rec.line, {}, "this row has " + std::to_string(rec.fields.size()) +
                                                       " fields, the header " + std::to_string(header.fields.size()),
                                     "この行の項目数が見出しと違います。"});
            continue;
        }
        EolRow row{rec.line, rec.fields[static_cast<std::size_t>(product)], rec.fields[static_cast<std::size_t>(cycle)],
                   std::nullopt};
        const std::string value = lower(rec.fields[static_cast<std::size_t>(eol)]);
        if (row.product.empty())
            result.issues.push_back({rec.line, "product", "the product name is empty", "製品名が空欄です。"});
        if (row.cycle.empty())
            result.issues.push_back({rec.line, "cycle", "the version line (cycle) is empty", "バージョン（cycle）が空欄です。"});
        if (value == "false" || value == "true" || value.empty()) {
            ++result.skipped;
            continue;
        }
        row.eol = parseIsoDate(value);
        if (!row.eol) {
            result.issues.push_back({rec.line, "eol", "“" + value + "” is not a date (YYYY-MM-DD), true or false",
                                     "「" + value + "」は日付（YYYY-MM-DD）、true、false のいずれでもありません。"});
            continue;
        }
        result.rows.push_back(row);
    }
    return result;
}

std::vector<EolMatch> matchEol(const std::vector<RegisterEntry>& software, const EolImport& eol)
{
    std::vector<EolMatch> out;
    for (const auto& s : software) {
        if (s.kind != "software")
            continue;
        const std::string key = productKey(s.field("name"));
        const std::string version = s.field("version");
        const EolRow* best = nullptr;
        for (const auto& row : eol.rows) {
            if (productKey(row.product) != key)
                continue;
            const bool fits = version == row.cycle ||
                              (version.size() > row.cycle.size() && version.compare(0, row.cycle.size(), row.cycle) == 0 &&
                               version[row.cycle.size()] == '.');
            if (fits && (!best || row.cycle.size() > best->cycle.size()))
                best = &row;
        }
        if (best)
            out.push_back({s.id, s.field("name"), version, *best->eol, best->line});
    }
    return out;
}

} // namespace meibo::core
