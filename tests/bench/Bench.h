#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

namespace meibo::bench {

using Clock = std::chrono::steady_clock;

inline double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// Median and 95th percentile of samples in milliseconds.
struct Stats {
    double median = 0;
    double p95 = 0;
    static Stats of(std::vector<double> v)
    {
        Stats s;
        if (v.empty())
            return s;
        std::sort(v.begin(), v.end());
        s.median = v[v.size() / 2];
        s.p95 = v[std::min(v.size() - 1, (v.size() * 95 + 99) / 100 - 1)];
        return s;
    }
    nlohmann::json json() const { return {{"median_ms", median}, {"p95_ms", p95}}; }
};

int runVaultBench(bool json, int quick);
int runImportBench(bool json, int quick);
int runExportBench(bool json, int quick);
/// The officer's window on 50 contracts and 5,000 people (built with MEIBO_BUILD_GUI only).
int runGuiBench(bool json, int quick);
/// 100 files of 1 MB (CSV, XLSX, PDF) through the pre-publication inspection.
int runInspectBench(bool json, int quick);
/// One bundle in this process, for a profiler: `meibo-bench bundle N DIR`.
int runOneBundle(int people, const std::string& dir);

} // namespace meibo::bench
