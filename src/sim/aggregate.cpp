#include "sim/aggregate.hpp"

#include "core/errors.hpp"

namespace parley::sim {
namespace {
constexpr int kOutcomes = 5, kCounters = 8;
constexpr int kVersion = 3;  // 2: the effort counters; 3: drafting months, normalisation
}  // namespace

Aggregate::Aggregate(const Scenario& s) {
  T_ = s.process.horizon;
  K_ = s.stakeholders().size();
  PU_ = s.parties.size() * s.dynamics.units.size();
  option_offset_.assign(s.issues.size() + 1, 0);
  for (std::size_t i = 0; i < s.issues.size(); ++i)
    option_offset_[i + 1] = option_offset_[i] + s.issues[i].options.size();
  const auto T = static_cast<std::size_t>(T_);
  std::size_t c = 0;
  auto take = [&c](std::size_t n) {
    const std::size_t at = c;
    c += n;
    return at;
  };
  c_outcome_ = take(kOutcomes);
  c_fw_ = take(T + 1);
  c_fin_ = take(T + 1);
  c_cf_ = take(1);
  c_opt_ = take(option_offset_.back());
  c_signed_ = take(1);
  c_victory_ = take(K_);
  c_draft_ = take(T + 1);
  c_norm_ = take(2);
  cnt_.assign(c, 0);
  c = 0;
  m_cf_ = take(1);
  m_util_ = take(K_);
  m_cost_ = take(PU_);
  m_counter_ = take(kCounters);
  mom_.assign(c, Moments{});
}

void Aggregate::add(const RunSummary& r) {
  ++n_;
  const auto T = static_cast<std::size_t>(T_);
  ++cnt_[c_outcome_ + static_cast<std::size_t>(r.outcome)];
  ++cnt_[c_fw_ + (r.framework_month >= 0 ? static_cast<std::size_t>(r.framework_month) : T)];
  ++cnt_[c_fin_ + (r.final_month >= 0 ? static_cast<std::size_t>(r.final_month) : T)];
  if (r.ceasefire_month >= 0) {
    ++cnt_[c_cf_];
    mom_[m_cf_].add(r.ceasefire_month);
  }
  if (r.framework_month >= 0) {
    ++cnt_[c_signed_];
    for (std::size_t i = 0; i < r.package.size(); ++i)
      ++cnt_[c_opt_ + option_offset_[i] + static_cast<std::size_t>(r.package[i])];
  }
  if (r.framework_month >= 0 && r.final_month >= 0)
    ++cnt_[c_draft_ + static_cast<std::size_t>(r.final_month - r.framework_month)];
  if (r.normalisation >= 0) ++cnt_[c_norm_ + static_cast<std::size_t>(r.normalisation)];
  for (std::size_t k = 0; k < K_; ++k) {
    mom_[m_util_ + k].add(r.utility[k]);
    cnt_[c_victory_ + k] += r.victory[k];
  }
  for (std::size_t j = 0; j < PU_; ++j) mom_[m_cost_ + j].add(r.costs[j]);
  const int counters[kCounters] = {r.leaks,    r.escalations, r.walkouts,  r.collapses,
                                   r.leverage, r.meetings,    r.proposals, r.leader_meetings};
  for (int c = 0; c < kCounters; ++c)
    mom_[m_counter_ + static_cast<std::size_t>(c)].add(counters[c]);
}

void Aggregate::merge(const Aggregate& o) {
  n_ += o.n_;
  for (std::size_t i = 0; i < cnt_.size(); ++i) cnt_[i] += o.cnt_[i];
  for (std::size_t i = 0; i < mom_.size(); ++i) mom_[i].merge(o.mom_[i]);
}

nlohmann::json moments_json(const std::vector<Moments>& m) {
  nlohmann::json out = nlohmann::json::array();
  for (const Moments& x : m) out.push_back({x.n, x.sum, x.m2});
  return out;
}

void moments_from_json(const nlohmann::json& j, std::vector<Moments>& m, const char* what) {
  if (!j.is_array() || j.size() != m.size())
    throw Error(std::string("stored ") + what + " have the wrong size for this scenario");
  for (std::size_t i = 0; i < m.size(); ++i) {
    const auto& x = j[i];
    if (!x.is_array() || x.size() != 3 || !x[0].is_number_unsigned() || !x[1].is_number() ||
        !x[2].is_number())
      throw Error(std::string("stored ") + what + " are malformed");
    m[i] = {x[0].get<std::uint64_t>(), x[1].get<double>(), x[2].get<double>()};
  }
}

nlohmann::json Aggregate::to_json() const {
  return {{"format", "parley-aggregate"},
          {"version", kVersion},
          {"runs", n_},
          {"counts", cnt_},
          {"moments", moments_json(mom_)}};
}

void Aggregate::from_json(const nlohmann::json& j) {
  if (!j.is_object() || j.value("format", "") != "parley-aggregate")
    throw Error("not a stored parley aggregate");
  if (j.value("version", 0) != kVersion)
    throw Error("stored aggregate has version " + j.value("version", nlohmann::json()).dump() +
                ", this parley reads version " + std::to_string(kVersion));
  const auto& counts = j.at("counts");
  if (!counts.is_array() || counts.size() != cnt_.size())
    throw Error("stored aggregate has the wrong size for this scenario");
  n_ = j.at("runs").get<std::uint64_t>();
  for (std::size_t i = 0; i < cnt_.size(); ++i) cnt_[i] = counts[i].get<std::uint64_t>();
  moments_from_json(j.at("moments"), mom_, "aggregate moments");
}

std::uint64_t Aggregate::outcome(engine::Outcome o) const {
  return cnt_[c_outcome_ + static_cast<std::size_t>(o)];
}
std::uint64_t Aggregate::framework_by(int m) const {
  std::uint64_t c = 0;
  for (int t = 0; t <= std::min(m, T_ - 1); ++t) c += cnt_[c_fw_ + static_cast<std::size_t>(t)];
  return c;
}
std::uint64_t Aggregate::final_by(int m) const {
  std::uint64_t c = 0;
  for (int t = 0; t <= std::min(m, T_ - 1); ++t) c += cnt_[c_fin_ + static_cast<std::size_t>(t)];
  return c;
}
Moments Aggregate::framework_month_or_horizon() const {
  // Two passes over the histogram (months 0..T-1, and T for runs without a framework): exact.
  Moments m;
  if (n_ == 0) return m;
  m.n = n_;
  for (int t = 0; t <= T_; ++t)
    m.sum += static_cast<double>(cnt_[c_fw_ + static_cast<std::size_t>(t)]) * t;
  const double mean = m.mean();
  for (int t = 0; t <= T_; ++t)
    m.m2 +=
        static_cast<double>(cnt_[c_fw_ + static_cast<std::size_t>(t)]) * (t - mean) * (t - mean);
  return m;
}
std::uint64_t Aggregate::with_ceasefire() const {
  return cnt_[c_cf_];
}
std::uint64_t Aggregate::option_count(std::size_t issue, int option) const {
  return cnt_[c_opt_ + option_offset_[issue] + static_cast<std::size_t>(option)];
}
std::uint64_t Aggregate::signed_runs() const {
  return cnt_[c_signed_];
}
std::uint64_t Aggregate::victory(std::size_t k) const {
  return cnt_[c_victory_ + k];
}

}  // namespace parley::sim
