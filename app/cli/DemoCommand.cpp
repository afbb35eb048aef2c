// demo DIR: a sample registry to try Meibo with (an organization, a contract, a roster with a
// foreign national, a special permanent resident and a subcontractor) and its full signed export.
// It says plainly what it does not make yet.

#include "Commands.h"

#include "meibo/core/Error.h"
#include "meibo/core/RosterCsv.h"
#include "meibo/core/RosterRules.h"
#include "meibo/db/Registry.h"

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
        const auto asOf = *core::parseIsoDate("2026-06-01");
        const auto findings = core::checkRoster(reg.facts(c.id, asOf));
        ExportRequest request;
        request.contract = c.code;
        request.outDir = dir + "/export-" + core::formatIsoDate(asOf);
        request.asOf = asOf;
        request.quiet = true;
        const ExportSummary exported = runExport(vault, request);
        const auto info = vault.info();
        if (ctx.json) {
            nlohmann::json f = nlohmann::json::array();
            for (const auto& x : findings)
                f.push_back({{"rule", x.rule}, {"severity", core::severityName(x.severity)}, {"message", x.message}});
            Context::printJson({{"registry", path},
                                {"passphrase_file", passFile},
                                {"recovery_key", recovery},
                                {"contract", c.code},
                                {"people", imported.added},
                                {"findings", f},
                                {"export", request.outDir},
                                {"export_files", exported.files.size()},
                                {"export_milliseconds", exported.milliseconds},
                                {"not_yet", "the status report (実施状況報告書) is not in this version"}});
        } else {
            std::cout << "Made a sample encrypted registry: " << path << "\n"
                      << "  organization: " << org.name << "\n"
                      << "  contract:     " << c.code << " (" << imported.added << " people on the roster, one of them "
                      << "a subcontractor's)\n"
                      << "  findings:     " << findings.size() << " on " << core::formatIsoDate(asOf) << "\n"
                      << "  passphrase:   in " << passFile << " (a demo only: never keep a real one in a file)\n"
                      << "  verified:     " << info.pages << " pages authenticated\n"
                      << "  export:       " << request.outDir << " — " << exported.files.size()
                      << " files, signed (様式4 and 情報管理体制図 as PDF and DOCX, the roster as CSV and XLSX,\n"
                      << "                the diagram as PNG and SVG, manifest.json with its signature), "
                      << static_cast<int>(exported.milliseconds) << " ms\n"
                      << "                it holds (fictional) personal data in plain form: readable only by you.\n"
                      << "Try:  meibo-cli verify " << request.outDir << "\n"
                      << "      meibo-cli -f " << path << " --passphrase-file " << passFile
                      << " roster --contract METI-2026-01 --as-of 2026-06-01\n\n"
                      << "Not made yet: the semiannual status report (実施状況報告書) and its registers.\n";
        }
        exitCode = Ok;
    });
}

} // namespace meibo::cli
