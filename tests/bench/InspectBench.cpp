// `meibo-bench inspect`: 100 deliverables of about 1 MB each (40 CSV, 30 XLSX, 30 PDF with a text
// layer) inspected against a registry of 1,000 handlers, as `meibo-cli -f REG inspect DIR` does.
// The target: under 5 s for the 100 files.

#include "Bench.h"

#include "meibo/forms/Inspect.h"

#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>

#include <unistd.h>

namespace meibo::bench {

namespace {

std::string csvFile(std::mt19937& rng, std::size_t bytes)
{
    std::string out = "地点,調査日,水銀濃度(mg/L),備考\n";
    std::uniform_int_distribution<int> n(0, 99999);
    while (out.size() < bytes)
        out += "調査地点" + std::to_string(n(rng) % 500) + ",2026-0" + std::to_string(1 + n(rng) % 9) + "-1" +
               std::to_string(n(rng) % 10) + "," + std::to_string(n(rng)) + "." + std::to_string(n(rng) % 1000) +
               ",基準値以下\n";
    return out;
}

std::string xlsxFile(std::mt19937& rng, std::size_t bytes)
{
    std::string sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    std::uniform_int_distribution<int> n(0, 999999);
    int row = 0;
    // Random numbers compress to about a third: write three times the file's size of XML.
    while (sheet.size() < 3 * bytes) {
        ++row;
        sheet += "<row r=\"" + std::to_string(row) + "\"><c r=\"A" + std::to_string(row) +
                 "\" t=\"inlineStr\"><is><t>調査地点" + std::to_string(n(rng) % 500) + "</t></is></c><c r=\"B" +
                 std::to_string(row) + "\"><v>" + std::to_string(n(rng)) + "</v></c><c r=\"C" + std::to_string(row) +
                 "\"><v>" + std::to_string(n(rng)) + "</v></c></row>";
    }
    sheet += "</sheetData></worksheet>";
    const std::vector<std::pair<std::string, std::string>> parts{
        {"xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                            "<sheet name=\"集計\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
         "</Relationships>"},
        {"xl/worksheets/sheet1.xml", sheet}};
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(src);
    zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
    for (const auto& [name, data] : parts)
        zip_file_add(z, name.c_str(), zip_source_buffer(z, data.data(), data.size(), 0), ZIP_FL_ENC_UTF_8);
    zip_close(z);
    zip_source_open(src);
    zip_source_seek(src, 0, SEEK_END);
    std::string out(static_cast<std::size_t>(zip_source_tell(src)), '\0');
    zip_source_seek(src, 0, SEEK_SET);
    zip_source_read(src, out.data(), out.size());
    zip_source_close(src);
    zip_source_free(src);
    return out;
}

/// A PDF of text pages (Helvetica, uncompressed content streams) of about `bytes`.
std::string pdfFile(std::mt19937& rng, std::size_t bytes)
{
    std::uniform_int_distribution<int> n(0, 999999);
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    auto obj = [&](const std::string& body) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
    };
    const int pages = static_cast<int>(bytes / 5000);
    std::string kids;
    for (int i = 0; i < pages; ++i)
        kids += std::to_string(4 + 2 * i) + " 0 R ";
    obj("<< /Type /Catalog /Pages 2 0 R >>");
    obj("<< /Type /Pages /Count " + std::to_string(pages) + " /Kids [" + kids + "] >>");
    obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    for (int i = 0; i < pages; ++i) {
        obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents " +
            std::to_string(5 + 2 * i) + " 0 R >>");
        std::string content = "BT /F1 9 Tf 40 800 Td 11 TL ";
        while (content.size() < 4900)
            content += "(Sample " + std::to_string(n(rng)) + " measured at station " + std::to_string(n(rng) % 500) +
                       " value " + std::to_string(n(rng)) + ") ' ";
        content += "ET";
        obj("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t o : offsets) {
        char line[24];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) +
           "\n%%EOF\n";
    return pdf;
}

} // namespace

int runInspectBench(bool json, int quick)
{
    namespace fs = std::filesystem;
    const int files = quick ? 6 : 100;
    const std::size_t size = quick ? 64 * 1024 : 1024 * 1024;
    const fs::path dir = fs::temp_directory_path() / ("meibo-bench-inspect-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::mt19937 rng(16);
    std::uint64_t total = 0;
    for (int i = 0; i < files; ++i) {
        const int kind = i * 10 / files; // 0–3 CSV, 4–6 XLSX, 7–9 PDF
        std::string bytes = kind < 4 ? csvFile(rng, size) : kind < 7 ? xlsxFile(rng, size) : pdfFile(rng, size);
        const std::string ext = kind < 4 ? "csv" : kind < 7 ? "xlsx" : "pdf";
        total += bytes.size();
        fs::create_directories(dir / ext);
        std::ofstream(dir / ext / ("deliverable-" + std::to_string(i) + "." + ext), std::ios::binary) << bytes;
    }
    forms::InspectOptions options;
    std::uniform_int_distribution<int> n(1, 28);
    for (int i = 0; i < (quick ? 20 : 1000); ++i)
        options.people.push_back({"取扱 者" + std::to_string(i), "東京都千代田区霞が関" + std::to_string(i) + "丁目" + std::to_string(n(rng)) + "番",
                                  core::Date{std::chrono::year{1960 + i % 40}, std::chrono::month{unsigned(1 + i % 12)}, std::chrono::day{unsigned(n(rng))}},
                                  "TK" + std::to_string(1000000 + i)});
    // One kind at a time, so that the figure says where the time goes; the sum is the run.
    forms::InspectResult result;
    std::map<std::string, double> byKind;
    double ms = 0;
    for (const std::string kind : {"csv", "xlsx", "pdf"}) {
        const auto start = Clock::now();
        const forms::InspectResult part = forms::inspectPaths({(dir / kind).string()}, options);
        byKind[kind] = msSince(start);
        ms += byKind[kind];
        result.files += part.files;
        result.unreadable += part.unreadable;
        result.findings.insert(result.findings.end(), part.findings.begin(), part.findings.end());
    }
    fs::remove_all(dir);
    if (json) {
        std::cout << nlohmann::json{{"benchmark", "inspect"},
                                    {"quick", quick != 0},
                                    {"files", result.files},
                                    {"bytes", total},
                                    {"handlers", options.people.size()},
                                    {"findings", result.findings.size()},
                                    {"inspect_ms", ms},
                                    {"csv_ms", byKind["csv"]},
                                    {"xlsx_ms", byKind["xlsx"]},
                                    {"pdf_ms", byKind["pdf"]},
                                    {"mib_per_s", total / (1024.0 * 1024.0) / (ms / 1000.0)}}
                         .dump(2)
                  << "\n";
    } else {
        std::cout << "inspect: " << result.files << " files, " << total / (1024 * 1024) << " MiB, against "
                  << options.people.size() << " handlers: " << static_cast<int>(ms) << " ms (CSV "
                  << static_cast<int>(byKind["csv"]) << ", XLSX " << static_cast<int>(byKind["xlsx"]) << ", PDF "
                  << static_cast<int>(byKind["pdf"]) << " ms; "
                  << result.findings.size() << " findings; target for 100 files of 1 MB: under 5,000 ms)\n";
    }
    return result.files == files && result.unreadable == 0 ? 0 : 1;
}

} // namespace meibo::bench
