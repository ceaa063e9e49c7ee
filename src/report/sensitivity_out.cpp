#include "report/sensitivity_out.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/sweep_out.hpp"

namespace parley::report {
namespace {

nlohmann::ordered_json head(const Scenario& s, const sim::SweepOptions& base) {
  nlohmann::ordered_json j;
  j["scenario"] = s.name;
  j["runs"] = base.runs;
  j["seed"] = base.seed;
  return j;
}

}  // namespace

std::string sensitivity_header(const Scenario& s, const sim::SweepOptions& base) {
  return fmt::format(
      "{} — {} runs per value (seed {}, design {}); other uncertain parameters sampled; the "
      "same draws for every value\n\n",
      s.name, base.runs, base.seed,
      s.process.designs[static_cast<std::size_t>(base.designs[0])].id);
}

std::string values_table(const std::string& param, const std::vector<SensitivityRow>& rows) {
  std::string out = fmt::format("  {:<14} {:<26} {}\n", param.substr(param.rfind('.') + 1),
                                "P(final agreement)", "framework month (horizon if none)");
  for (const auto& row : rows) {
    const sim::Sensitivity& r = row.result;
    out += fmt::format("  {:<14} {:.3f} [{:.3f}, {:.3f}]     {:.1f} [{:.1f}, {:.1f}]\n", row.text,
                       r.final_share.value, r.final_share.low, r.final_share.high,
                       r.framework_month.value, r.framework_month.low, r.framework_month.high);
  }
  return out;
}

nlohmann::ordered_json values_json(const Scenario& s, const sim::SweepOptions& base,
                                   const std::string& param,
                                   const std::vector<SensitivityRow>& rows) {
  nlohmann::ordered_json j = head(s, base);
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& row : rows)
    list.push_back({{"value", row.value},
                    {"final_agreement", row.result.final_share.value},
                    {"final_agreement_low", row.result.final_share.low},
                    {"final_agreement_high", row.result.final_share.high},
                    {"framework_month", row.result.framework_month.value}});
  j["param"] = param;
  j["rows"] = list;
  return j;
}

std::string tornado_table(const Scenario& s, const std::vector<sim::TornadoBar>& bars) {
  std::size_t w = 0;
  double widest = 0;
  for (const auto& b : bars) {
    w = std::max(w, b.label.size());
    widest = std::max(widest, std::abs(b.swing()));
  }
  std::string out =
      "Tornado: one parameter at a time at its 5% and 95% quantiles (the others sampled);\n"
      "P(final agreement) at each end, the swing, and the mean framework month (or horizon)\n";
  for (const auto& b : bars) {
    const double d = b.swing();
    // Bars are scaled to the widest swing: 20 characters.
    const auto len =
        widest > 0 ? static_cast<std::size_t>(std::lround(std::abs(d) / widest * 20)) : 0;
    out += fmt::format("  {:<{}}  {:>9} → {:<9}  {:.3f} → {:.3f}  {:+.3f}  {:4.1f} → {:4.1f}  {}\n",
                       b.label, w, amount(b.lo), amount(b.hi), b.low.final_share.value,
                       b.high.final_share.value, d, b.low.framework_month.value,
                       b.high.framework_month.value, std::string(len, d >= 0 ? '+' : '-'));
  }
  // The terms: which assumptions move what the signed texts say.
  std::vector<const sim::TornadoBar*> by_terms;
  for (const auto& b : bars) by_terms.push_back(&b);
  std::stable_sort(
      by_terms.begin(), by_terms.end(),
      [](const sim::TornadoBar* a, const sim::TornadoBar* b) { return a->shift > b->shift; });
  out +=
      "\nTerms of the signed texts: largest shift between the two ends (total variation "
      "distance of one issue's options, 0-1)\n";
  for (std::size_t i = 0; i < by_terms.size() && i < 10; ++i)
    out += fmt::format("  {:<{}}  {:.3f}  {}\n", by_terms[i]->label, w, by_terms[i]->shift,
                       s.issues[by_terms[i]->shift_issue].id);
  return out;
}

nlohmann::ordered_json tornado_json(const Scenario& s, const sim::SweepOptions& base,
                                    const std::vector<sim::TornadoBar>& bars) {
  nlohmann::ordered_json j = head(s, base);
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const auto& b : bars)
    rows.push_back({{"path", b.label},
                    {"low", b.lo},
                    {"high", b.hi},
                    {"final_agreement_at_low", b.low.final_share.value},
                    {"final_agreement_at_high", b.high.final_share.value},
                    {"framework_month_at_low", b.low.framework_month.value},
                    {"framework_month_at_high", b.high.framework_month.value},
                    {"swing", b.swing()},
                    {"terms_shift", b.shift},
                    {"terms_shift_issue", s.issues[b.shift_issue].id},
                    {"fields", b.fields}});
  j["tornado"] = rows;
  return j;
}

}  // namespace parley::report
