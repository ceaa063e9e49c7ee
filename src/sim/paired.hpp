#pragma once
// Paired differences under common random numbers (docs/model.md, "Comparisons under common
// random numbers"): every variant runs on the same sampled parameters and engine seed, and per
// run each metric's difference against the first variant is accumulated.
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/scenario.hpp"
#include "core/stats.hpp"
#include "sim/summary.hpp"

namespace parley::sim {

struct Paired {
  std::vector<std::string> metrics;  // names
  std::vector<Moments> diff;         // [variant * metrics + metric]: m(variant) − m(variant 0)
  std::uint64_t n = 0;               // runs paired
  void init(std::size_t variants, std::vector<std::string> names);
  void merge(const Paired& other);
  [[nodiscard]] const Moments& at(std::size_t variant, std::size_t metric) const {
    return diff[variant * metrics.size() + metric];
  }
  [[nodiscard]] nlohmann::json to_json() const;
  void from_json(const nlohmann::json& j);  // throws parley::Error
};

/// The months the tables report P(signed by month m) at: every six months from month 5,
/// and the last month.
std::vector<int> checkpoints(int horizon);

/// The metrics a comparison pairs (names in paired_metric_names()) from one run, written
/// into `out` (its storage reused); `months` is checkpoints(horizon).
void paired_metrics(const Scenario& s, std::span<const int> months, const RunSummary& r,
                    std::vector<double>& out);
std::vector<std::string> paired_metric_names(const Scenario& s);

}  // namespace parley::sim
