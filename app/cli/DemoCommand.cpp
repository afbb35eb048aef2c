// demo DIR: a sample registry to try Meibo with (an organization, a contract, a roster with a
// foreign national, a special permanent resident and a subcontractor) and its full signed export.
// It also keeps the compliance methods, the evidence registers and a final status report for the
// first half-year, so every document of the bundle has something true to show.

#include "Commands.h"

#include "meibo/core/Error.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/Report.h"
#include "meibo/db/Checks.h"
#include "meibo/db/Compliance.h"
#include "meibo/db/Registers.h"
#include "meibo/db/Registry.h"
#include "meibo/db/Reports.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sys/stat.h>

namespace meibo::cli {

namespace {

// Fictional people: a foreign national (passport required), a special permanent resident (not
// exempt from ※4), and a subcontractor's person.
const char* kDemoRoster =
    "role,label,name,name_kana,address,birth_date,department,title,nationality,residence_status,passport_no,"
    "organization,reports_to,need,valid_from,track_record\n"
    "情報管理責任者,A,経済 太郎,けいざい たろう,東京都千代田区霞が関一丁目3番1号,1970-04-01,情報セキュリティ部,部長,JP,"
    "日本国籍,,,,本事業の情報取扱の全責任を負うため,2026-04-01,官公庁調査事業の情報管理責任者 8件\n"
    "情報取扱管理者,B,産業 花子,さんぎょう はなこ,東京都港区芝公園四丁目2番8号,1982-09-15,調査研究部,課長,JP,日本国籍,,,A,"
    "進捗管理のため保護すべき情報に触れる可能性がある,2026-04-01,化学物質規制調査 12件\n"
    "情報取扱管理者,C,保安 次郎,ほあん じろう,神奈川県横浜市中区本町六丁目50番地,1978-01-20,調査研究部,主任研究員,JP,"
    "日本国籍,,,A,報告書の取りまとめ,2026-04-01,国際条約動向調査 9件\n"
    "業務従事者,D,Emily Carter,えみりー かーたー,東京都目黒区中目黒二丁目1番1号,1990-06-30,調査研究部,研究員,US,その他,"
    "X12345678,,B,海外規制の文献調査を担当するため,2026-04-01,海外規制文献調査 5件\n"
    "業務従事者,E,金 英男,きむ よんなむ,大阪府大阪市北区梅田三丁目1番1号,1988-11-11,調査研究部,研究員,KR,特別永住者,"
    "M98765432,,C,国内実態調査のヒアリングを担当するため,2026-04-01,事業者ヒアリング 20件\n"
    "再委託先,F,水銀 三郎,すいぎん さぶろう,千葉県千葉市中央区市場町1番1号,1975-03-03,分析部,部長,JP,日本国籍,,"
    "株式会社サンプル分析センター,A,分析業務の再委託先責任者として試料データを扱うため,2026-05-01,環境試料分析 30件\n";

// 遵守の方法 for the structure (1) and clauses 2)–17).
const std::vector<std::pair<const char*, const char*>> kMethods = {
    {"1", "情報管理責任者（情報セキュリティ部長）の下に情報取扱管理者2名を置き、業務従事者及び再委託先を含む全員を情報取扱者名簿"
          "及び情報管理体制図で管理する。"},
    {"2", "社内情報セキュリティ規程を統一基準及び経済産業省の規程等に沿って整備し、本業務の全工程に適用する。"},
    {"3", "監査・ペネトレーションテストの依頼には情報管理責任者が窓口となって応じ、指摘事項は期限を定めて対応する。"},
    {"4", "従事者を名簿記載者に限定し、資本関係・役員、実施場所、所属・専門性・実績・国籍を事前に提示する。変更は事前に届け出る。"},
    {"5", "再委託先とは本事項と同等の情報セキュリティ条項を含む契約を結び、体制図に記載して管理する。"},
    {"6", "省内への機器持込みは事前許可を得て行い、作業後は消去を担当職員が確認できる方法で証明する。"},
    {"7", "省外での複製は担当職員の許可を得た場合に限り、複製管理簿で管理し、作業終了後に消去を証明する。"},
    {"8", "業務終了時に受領情報・複製を返却又は消去し、担当職員の確認を受け、返却・消去証明書を提出する。"},
    {"9", "秘密保持誓約書を全従事者から取得し、外部提供は担当職員の承認を得て行う。"},
    {"10", "EDR・ウイルス対策・アクセス制御を全端末に導入し、契約期間中に全従事者へ情報セキュリティ研修を実施する。"},
    {"11", "インシデント対応手順を定め、認知後1日以内に担当職員へ報告し、原因究明と対処を協議する。"},
    {"12", "約款型クラウドサービスでは要機密情報を取り扱わない。"},
    {"13", "要機密情報を扱うクラウドサービスはISMAPクラウドサービスリストから選定する。"},
    {"14", "クラウドサービスはリスク評価を行い、担当職員の利用承認を得て利用状況を管理する。"},
    {"15", "ソフトウェアを管理台帳で管理し、サポート期限と脆弱性情報を収集して担当職員に提供する。"},
    {"16", "本業務ではアプリケーション・コンテンツを開発・提供しない。開発する場合は事前に協議する。"},
    {"17", "本業務では外部公開ウェブアプリケーションを構築・改修しない。"},
};

/// Evidence for the registers: trainings are kept with the people; here the ledger and the rest.
void addDemoRegisters(db::Vault& vault, std::int64_t contract)
{
    db::Registers registers(vault);
    registers.add("software", contract, {{"name", "Windows"}, {"version", "11 23H2"}, {"installed_at", "業務端末 8台"},
                                         {"support_end", "2026-11-11"}, {"plan", "24H2 へ更新（2026年10月）"},
                                         {"plan_agreed_on", "2026-09-15"}});
    registers.add("software", contract, {{"name", "Ubuntu"}, {"version", "24.04"}, {"installed_at", "分析サーバ"},
                                         {"support_end", "2029-05-31"}});
    registers.add("cloud", contract, {{"name", "セキュアストレージ"}, {"provider", "サンプルクラウド株式会社"},
                                      {"confidential", "yes"}, {"ismap", "ismap"},
                                      {"risk_assessment", "ISMAP登録、国内リージョン、暗号化保存"},
                                      {"approved_on", "2026-04-15"}, {"usage", "調査データの共有"}});
    registers.add("incident", contract, {{"detected_on", "2026-07-14"}, {"summary", "メール誤送信（社外秘資料、宛先誤り）"},
                                         {"reported_on", "2026-07-14"}, {"cause", "宛先の自動補完"},
                                         {"measures", "送信前確認の二重化、自動補完の無効化"}});
    registers.add("information", contract, {{"name", "水銀使用製品の流通実態データ（提供資料）"}, {"received_on", "2026-04-20"},
                                            {"medium", "electronic"}, {"copies", "分析用1部（暗号化ストレージ）"},
                                            {"copy_permitted_on", "2026-04-20"}});
    registers.add("audit", contract, {{"type", "security-audit"}, {"on", "2026-08-20"}, {"by", "経済産業省"},
                                      {"findings", "持出し管理簿の記載漏れ1件"}, {"response", "記載ルールを周知し是正"},
                                      {"closed_on", "2026-09-10"}});
}

/// A final report for the first half-year, answered from the records above.
std::int64_t addDemoReport(db::Vault& vault, std::int64_t contract)
{
    db::Reports reports(vault);
    const auto id = reports.create(contract, *core::parseIsoDate("2026-09-30"));
    for (const auto& item : core::reportItemIds())
        if (core::parentItem(item).empty())
            reports.set(id, item, core::ItemStatus::Done, "");
    reports.set(id, "12", core::ItemStatus::NotApplicable, "約款型クラウドサービスは利用していないため。");
    reports.set(id, "15", core::ItemStatus::Done,
                "ソフトウェア管理台帳でサポート期限を管理し、期限前の更新計画を担当職員に確認いただいた（Windows 24H2 へ更新）。");
    for (const char* sub : {"15.7", "15.8", "15.9", "15.10"})
        reports.set(id, sub, core::ItemStatus::NotApplicable, "当省外向けシステム・ウェブサイトを構築・運用していないため。");
    reports.set(id, "16", core::ItemStatus::NotApplicable, "アプリケーション・コンテンツの開発・作成を行っていないため。");
    reports.set(id, "17", core::ItemStatus::NotApplicable, "外部公開ウェブアプリケーションの構築・改修を行っていないため。");
    reports.finalize(id, *core::parseIsoDate("2026-10-05"));
    return id;
}
} // namespace

void addDemoCommand(CLI::App& app, Context& ctx, int& exitCode)
{
    auto* demo = app.add_subcommand("demo", "Build a sample registry in DIR and say what was made");
    static std::string dir;
    demo->add_option("DIR", dir, "Folder to create (owner-only)")->required();
    demo->add_flag("--json", ctx.json, "Print the result as JSON");
    demo->callback([&] {
        if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
            throw core::Error(core::ErrorCode::Io, "cannot create " + dir + ": " + std::strerror(errno));
        ::chmod(dir.c_str(), 0700);
        const std::string path = dir + "/demo.meibo";
        const std::string passFile = dir + "/demo-passphrase.txt";
        const std::string passphrase = "demo-passphrase";
        db::CreateOptions options;
        options.organizationName = "株式会社サンプル情報研究所";
        const std::string recovery = db::Vault::create(path, db::SecureBuffer::fromString(passphrase), options);
        {
            std::ofstream out(passFile);
            out << passphrase << "\n";
        }
        ::chmod(passFile.c_str(), 0600);

        db::Vault vault = db::Vault::open(path, db::Secret::passphrase(passphrase));
        db::Registry reg(vault);
        core::Organization org;
        org.name = "株式会社サンプル情報研究所";
        org.address = "東京都千代田区丸の内一丁目1番1号";
        org.representative = "代表取締役 見本 一郎";
        org.capitalAndOfficers = "資本金1億円（親会社なし、外資比率0%）。役員: 代表取締役 見本 一郎、取締役 例示 二郎";
        org.workPlaces = "本社（東京都千代田区丸の内一丁目1番1号）8階 調査研究部執務室";
        reg.setOrganization(org);
        reg.setOfficerName("経済 太郎");
        core::Contract c;
        c.code = "METI-2026-01";
        c.title = "令和8年度産業保安等調査研究事業（化学物質規制対策（水俣条約に基づく水銀規制に関する国内外実態調査））";
        c.start = *core::parseIsoDate("2026-04-01");
        c.end = *core::parseIsoDate("2027-03-31");
        c.signedOn = core::parseIsoDate("2026-04-01");
        c.addressee = "経済産業省産業保安・安全グループ化学物質管理課長";
        c.id = reg.addContract(c);
        reg.addSubcontractor({0, "株式会社サンプル分析センター", "千葉県千葉市中央区市場町1番1号", "代表取締役 分析 花子",
                              "資本金3千万円（独立系）", "千葉分析ラボ"});
        const auto parsed = core::parseRosterCsv(kDemoRoster, core::todayLocal());
        const auto imported = reg.importRoster(c.id, parsed);
        for (const auto& entry : reg.roster(c.id, *core::parseIsoDate("2026-06-01"))) {
            core::Qualification q;
            q.personId = entry.personId;
            q.training = true;
            q.name = "情報セキュリティ研修（標的型攻撃・情報漏えい対策）";
            q.on = core::parseIsoDate("2026-04-10");
            q.issuer = "社内情報セキュリティ委員会";
            reg.addQualification(q);
        }
        db::Compliance compliance(vault);
        for (const auto& [item, text] : kMethods)
            compliance.set(c.id, item, text);
        addDemoRegisters(vault, c.id);
        const std::int64_t reportId = addDemoReport(vault, c.id);
        const auto asOf = *core::parseIsoDate("2026-10-05");
        const auto findings = db::checkContract(vault, c, asOf);
        ExportRequest request;
        request.contract = c.code;
        request.outDir = dir + "/export-" + core::formatIsoDate(asOf);
        request.asOf = asOf;
        request.reportId = reportId;
        request.methods = true;
        request.quiet = true;
        const ExportSummary exported = runExport(vault, request);
        const auto info = vault.info();
        if (ctx.json) {
            nlohmann::json f = nlohmann::json::array();
            for (const auto& x : findings)
                f.push_back({{"rule", x.rule},
                             {"severity", core::severityName(x.severity)},
                             {"message", core::findingSentence(x, core::FrontEnd::Cli, false)},
                             {"message_ja", core::findingSentence(x, core::FrontEnd::Cli, true)}});
            Context::printJson({{"registry", path},
                                {"passphrase_file", passFile},
                                {"recovery_key", recovery},
                                {"contract", c.code},
                                {"people", imported.added},
                                {"findings", f},
                                {"export", request.outDir},
                                {"export_files", exported.files.size()},
                                {"export_milliseconds", exported.milliseconds},
                                {"report", reportId}});
        } else {
            std::cout << "Made a sample encrypted registry: " << path << "\n"
                      << "  organization: " << org.name << "\n"
                      << "  contract:     " << c.code << " (" << imported.added << " people on the roster, one of them "
                      << "a subcontractor's)\n"
                      << "  findings:     " << findings.size() << " on " << core::formatIsoDate(asOf) << "\n"
                      << "  passphrase:   in " << passFile << " (a demo only: never keep a real one in a file)\n"
                      << "  verified:     " << info.pages << " pages authenticated\n"
                      << "  export:       " << request.outDir << " — " << exported.files.size()
                      << " files, signed (様式4, 情報管理体制図, the status report of the first half-year and the\n"
                      << "                compliance methods as PDF and DOCX, the roster as CSV and XLSX, the diagram as\n"
                      << "                PNG and SVG, manifest.json with its signature), "
                      << static_cast<int>(exported.milliseconds) << " ms\n"
                      << "                it holds (fictional) personal data in plain form: readable only by you.\n"
                      << "Try:  meibo-cli verify " << request.outDir << "\n"
                      << "      meibo-cli -f " << path << " --passphrase-file " << passFile
                      << " roster --contract METI-2026-01 --as-of 2026-06-01\n"
                      << "      meibo-cli -f " << path << " --passphrase-file " << passFile << " report show " << reportId
                      << "\n";
        }
        exitCode = Ok;
    });
}

} // namespace meibo::cli
