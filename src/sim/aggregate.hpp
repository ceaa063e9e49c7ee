#pragma once
// Streaming aggregates of many runs (docs/model.md, "Streaming, order-fixed aggregation"):
// counts (outcomes, framework and final months, terms of signed texts, victory claims) and
// running moments (utilities, costs, time to ceasefire, counters). Merging is exact and
// order-fixed; memory does not grow with the number of runs. Serialised as versioned CBOR,
// independent of byte order, for the results store and MPI.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/scenario.hpp"
#include "core/stats.hpp"
#include "engine/events.hpp"
#include "sim/summary.hpp"

namespace parley::sim {

class Aggregate {
 public:
  Aggregate() = default;
  explicit Aggregate(const Scenario& s);
  void add(const RunSummary& r);
  void merge(const Aggregate& other);

  [[nodiscard]] std::uint64_t runs() const { return n_; }
  /// {"format": "parley-aggregate", "version": 1, ...}: see docs/cli.md#results-store.
  [[nodiscard]] nlohmann::json to_json() const;
  /// Throws parley::Error for another format, version or layout.
  void from_json(const nlohmann::json& j);

  // Read access (indices as in the scenario).
  [[nodiscard]] std::uint64_t outcome(engine::Outcome o) const;
  /// Runs with the framework (final agreement) signed by month m (inclusive).
  [[nodiscard]] std::uint64_t framework_by(int m) const;
  [[nodiscard]] std::uint64_t final_by(int m) const;
  /// The framework month, or the horizon for runs without one, from the month histogram.
  [[nodiscard]] Moments framework_month_or_horizon() const;
  [[nodiscard]] std::uint64_t with_ceasefire() const;
  /// First ceasefire month, over the runs that had one.
  [[nodiscard]] const Moments& ceasefire_month() const { return mom_[m_cf_]; }
  /// Runs that signed a framework whose text has option o of issue i.
  [[nodiscard]] std::uint64_t option_count(std::size_t issue, int option) const;
  [[nodiscard]] std::uint64_t signed_runs() const;
  [[nodiscard]] const Moments& utility(std::size_t k) const { return mom_[m_util_ + k]; }
  [[nodiscard]] std::uint64_t victory(std::size_t k) const;
  [[nodiscard]] const Moments& cost(std::size_t pu) const { return mom_[m_cost_ + pu]; }
  /// Per-run counters: 0 leaks, 1 escalations, 2 walkouts, 3 collapses, 4 leverage fired,
  /// 5 meetings, 6 proposals, 7 leader-channel meetings.
  [[nodiscard]] const Moments& counter(int c) const {
    return mom_[m_counter_ + static_cast<std::size_t>(c)];
  }
  [[nodiscard]] int horizon() const { return T_; }
  /// Months from the framework to the final text, per month (runs that signed both).
  [[nodiscard]] std::span<const std::uint64_t> drafting_months() const {
    return {cnt_.data() + c_draft_, static_cast<std::size_t>(T_) + 1};
  }
  /// Runs whose design has normalisation tracks, and those that agreed them all.
  [[nodiscard]] std::uint64_t normalisation_runs() const {
    return cnt_[c_norm_] + cnt_[c_norm_ + 1];
  }
  [[nodiscard]] std::uint64_t normalisation_agreed() const { return cnt_[c_norm_ + 1]; }

 private:
  std::uint64_t n_ = 0;
  int T_ = 0;
  std::size_t K_ = 0, PU_ = 0;
  std::vector<std::size_t> option_offset_;
  std::vector<std::uint64_t> cnt_;
  std::vector<Moments> mom_;
  // layout offsets into cnt_ and mom_
  std::size_t c_outcome_ = 0, c_fw_ = 0, c_fin_ = 0, c_cf_ = 0, c_opt_ = 0, c_signed_ = 0,
              c_victory_ = 0, c_draft_ = 0, c_norm_ = 0;
  std::size_t m_cf_ = 0, m_util_ = 0, m_cost_ = 0, m_counter_ = 0;
};

/// Moments as [n, sum, m2] and back (CBOR keeps the doubles exact).
nlohmann::json moments_json(const std::vector<Moments>& m);
void moments_from_json(const nlohmann::json& j, std::vector<Moments>& m, const char* what);

}  // namespace parley::sim
