// meibo-bench: `meibo-bench vault|import|export|gui [--json] [--quick]`, `meibo-bench bundle N DIR`.

#include "Bench.h"

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    if (argc < 2 || std::strcmp(argv[1], "help") == 0 || std::strcmp(argv[1], "--help") == 0) {
        std::cout << "usage: meibo-bench vault|import|export|gui [--json] [--quick]\n"
                     "  export  the signed bundle for 50 and 1,000 people, against LibreOffice converting its DOCX\n"
                     "  import  a 1,000-person roster CSV: parse and import into a fresh registry\n"
                     "  vault   the encrypted registry against plain SQLite (same journal mode, and WAL):\n"
                     "          open, one committed edit, full scan at 100 / 1,000 / 10,000 handlers\n"
                     "  gui     the officer's window offscreen on 50 contracts and 5,000 people: open to the dashboard\n"
                     "          painted, switching views and contracts (p95), peak memory\n"
                     "  inspect 100 deliverables of 1 MB (CSV, XLSX, PDF) inspected against 1,000 handlers\n"
                     "  --quick a smoke run: tiny sizes, one round (the test suite runs each so; its figures mean nothing)\n"
                     "usage: meibo-bench bundle N DIR\n"
                     "  one signed bundle for N people written to DIR in this process (for perf or callgrind)\n";
        return argc < 2 ? 2 : 0;
    }
    if (std::strcmp(argv[1], "bundle") == 0) {
        if (argc != 4) {
            std::cerr << "usage: meibo-bench bundle N DIR\n";
            return 2;
        }
        return meibo::bench::runOneBundle(std::atoi(argv[2]), argv[3]);
    }
    bool json = false;
    int quick = 0;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--json") == 0)
            json = true;
        else if (std::strcmp(argv[i], "--quick") == 0)
            quick = 1;
        else {
            std::cerr << "meibo-bench: unknown option " << argv[i] << "\n";
            return 2;
        }
    }
    if (std::strcmp(argv[1], "vault") == 0)
        return meibo::bench::runVaultBench(json, quick);
    if (std::strcmp(argv[1], "import") == 0)
        return meibo::bench::runImportBench(json, quick);
    if (std::strcmp(argv[1], "export") == 0)
        return meibo::bench::runExportBench(json, quick);
    if (std::strcmp(argv[1], "inspect") == 0)
        return meibo::bench::runInspectBench(json, quick);
#ifdef MEIBO_BENCH_GUI
    if (std::strcmp(argv[1], "gui") == 0)
        return meibo::bench::runGuiBench(json, quick);
#endif
    std::cerr << "meibo-bench: unknown benchmark " << argv[1] << " (try: vault, import, export, inspect, gui)\n";
    return 2;
}
