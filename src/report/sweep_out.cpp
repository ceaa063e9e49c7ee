#include "report/sweep_out.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/finite.hpp"
#include "report/text.hpp"

namespace parley::report {

using json = nlohmann::ordered_json;
using engine::Outcome;

std::string amount(double v, bool sign) {
  const double a = std::abs(v);
  std::string out;
  if (a >= 1000)
    out = fmt::format("{:.0f}", v);
  else if (a >= 10)
    out = fmt::format("{:.1f}", v);
  else if (a >= 1e-4 || a == 0)
    out = fmt::format("{:.3g}", v);
  else
    out = fmt::format("{:.1e}", v);  // tiny differences: say how tiny
  if (sign && v >= 0 && out != "0") out.insert(out.begin(), '+');
  return out;
}

namespace {

const Outcome kOutcomes[] = {Outcome::final_agreement, Outcome::framework_only,
                             Outcome::ceasefire_collapsed, Outcome::walkout, Outcome::no_agreement};
const char* kCounters[] = {"leaks",          "escalations", "walkouts",  "collapses",
                           "leverage_fired", "meetings",    "proposals", "leader_meetings"};

std::string est(const Estimate& e, int decimals = 3) {
  return fmt::format("{:.{}f} [{:.{}f}, {:.{}f}]", e.value, decimals, e.low, decimals, e.high,
                     decimals);
}

std::string est_amount(const Estimate& e) {
  return fmt::format("{} [{}, {}]", amount(e.value), amount(e.low), amount(e.high));
}

/// Each estimate of one variant: (metric name, estimate). The JSON, CSV and
/// table all come from this one list.
std::vector<std::pair<std::string, Estimate>> estimates(const Scenario& s,
                                                        const sim::Aggregate& a) {
  std::vector<std::pair<std::string, Estimate>> out;
  const std::uint64_t n = a.runs();
  for (Outcome o : kOutcomes)
    out.emplace_back(std::string("outcome.") + engine::to_string(o),
                     proportion_ci(a.outcome(o), n));
  for (int m = 0; m < a.horizon(); ++m)
    out.emplace_back(fmt::format("framework_by.{}", m), proportion_ci(a.framework_by(m), n));
  for (int m = 0; m < a.horizon(); ++m)
    out.emplace_back(fmt::format("final_by.{}", m), proportion_ci(a.final_by(m), n));
  out.emplace_back("ceasefire.share", proportion_ci(a.with_ceasefire(), n));
  out.emplace_back("ceasefire.month", mean_ci(a.ceasefire_month()));
  out.emplace_back("drafting.months", median_ci(a.drafting_months()));
  out.emplace_back("normalisation.agreed",
                   proportion_ci(a.normalisation_agreed(), a.normalisation_runs()));
  const auto holders = s.stakeholders();
  for (std::size_t k = 0; k < holders.size(); ++k) {
    const std::string id = s.parties[static_cast<std::size_t>(holders[k])].id;
    out.emplace_back("utility." + id, mean_ci(a.utility(k)));
    out.emplace_back("victory." + id, proportion_ci(a.victory(k), n));
  }
  const std::size_t U = s.dynamics.units.size();
  for (std::size_t p = 0; p < s.parties.size(); ++p)
    for (std::size_t u = 0; u < U; ++u)
      out.emplace_back("cost." + s.parties[p].id + "." + s.dynamics.units[u].id,
                       mean_ci(a.cost(p * U + u)));
  for (int c = 0; c < 8; ++c)
    out.emplace_back(std::string("per_run.") + kCounters[c], mean_ci(a.counter(c)));
  for (std::size_t i = 0; i < s.issues.size(); ++i)
    for (std::size_t o = 0; o < s.issues[i].options.size(); ++o)
      out.emplace_back("terms." + s.issues[i].id + "." + s.issues[i].options[o].id,
                       proportion_ci(a.option_count(i, static_cast<int>(o)), a.signed_runs()));
  for (const auto& [name, e] : out)  // the table, the JSON and the CSV all come from here
    for (double x : {e.value, e.low, e.high}) finite(x, name);
  return out;
}

Estimate find(const std::vector<std::pair<std::string, Estimate>>& e, const std::string& name) {
  for (const auto& [k, v] : e)
    if (k == name) return v;
  return {};
}

std::string header(const SweepReport& r) {
  const auto& o = *r.options;
  const auto& res = *r.result;
  return fmt::format(
      "{} — {} run{} per variant (seed {}, {} thread{}{}, {:.1f} s, {:.0f} runs/s)\n",
      r.scenario->name, res.runs, res.runs == 1 ? "" : "s", o.seed, o.threads,
      o.threads == 1 ? "" : "s", o.ranks > 1 ? fmt::format(", {} MPI ranks", o.ranks) : "",
      res.seconds,
      res.seconds > 0 ? static_cast<double>(res.runs * sim::variants(o)) / res.seconds : 0.0);
}

}  // namespace

std::string sweep_table(const SweepReport& r) {
  const Scenario& s = *r.scenario;
  const auto& o = *r.options;
  std::string out = header(r);
  for (std::size_t v = 0; v < r.result->aggregates.size(); ++v) {
    const auto& a = r.result->aggregates[v];
    const auto e = estimates(s, a);
    out += fmt::format("\n== {} ==  (95% intervals: Wilson for shares, normal for means)\n",
                       sim::variant_name(s, o, v));
    out += "Outcome\n";
    for (Outcome oc : kOutcomes) {
      const Estimate x = find(e, std::string("outcome.") + engine::to_string(oc));
      if (x.value > 0 || oc == Outcome::final_agreement || oc == Outcome::no_agreement)
        out += fmt::format("  {:<22} {}\n", engine::to_string(oc), est(x));
    }
    out += "P(signed by month m)     framework                final agreement\n";
    for (int m : sim::checkpoints(a.horizon()))
      out += fmt::format("  m = {:<18} {:<24} {}\n", m,
                         est(find(e, fmt::format("framework_by.{}", m))),
                         est(find(e, fmt::format("final_by.{}", m))));
    const Estimate cf = find(e, "ceasefire.month");
    out += fmt::format("Ceasefire in {} of runs; first month {}\n", est(find(e, "ceasefire.share")),
                       a.with_ceasefire() ? est(cf, 1) : std::string("—"));
    std::uint64_t both = 0;
    for (std::uint64_t c : a.drafting_months()) both += c;
    if (both > 0)
      out += fmt::format("Framework to final text ({} runs with both): median {} months\n", both,
                         est(find(e, "drafting.months"), 1));
    if (a.normalisation_runs() > 0)
      out += fmt::format("Normalisation tracks all agreed in {} of runs\n",
                         est(find(e, "normalisation.agreed")));
    out += "Party        utility of the outcome  can claim victory (signed text)\n";
    for (int p : s.stakeholders()) {
      const std::string id = s.parties[static_cast<std::size_t>(p)].id;
      out += fmt::format("  {:<10} {:<24} {}\n", id, est(find(e, "utility." + id)),
                         est(find(e, "victory." + id)));
    }
    if (!s.dynamics.units.empty()) {
      std::size_t width = 4;
      for (const auto& u : s.dynamics.units) width = std::max(width, display_width(u.name));
      out += "Costs per run (mean [95% interval])\n";
      for (const auto& p : s.parties)
        for (const auto& u : s.dynamics.units) {
          const Estimate x = find(e, "cost." + p.id + "." + u.id);
          if (x.value == 0 && x.high == 0) continue;
          out += fmt::format("  {:<8} {}  {}\n", p.id, pad(u.name, width), est_amount(x));
        }
    }
    out += "Per run";
    for (int c = 0; c < 8; ++c)
      out += fmt::format("  {} {:.2f}", kCounters[c],
                         find(e, std::string("per_run.") + kCounters[c]).value);
    out += "\n";
    if (a.signed_runs() > 0) {
      out += fmt::format("Terms of the signed texts ({} runs): most frequent option per issue\n",
                         a.signed_runs());
      for (std::size_t i = 0; i < s.issues.size(); ++i) {
        std::size_t best = 0;
        for (std::size_t q = 1; q < s.issues[i].options.size(); ++q)
          if (a.option_count(i, static_cast<int>(q)) > a.option_count(i, static_cast<int>(best)))
            best = q;
        const Estimate x =
            proportion_ci(a.option_count(i, static_cast<int>(best)), a.signed_runs());
        out += fmt::format("  {:<18} {:<22} {:.0f}%\n", s.issues[i].id,
                           s.issues[i].options[best].id, 100 * x.value);
      }
    }
  }
  return out;
}

std::string compare_table(const SweepReport& r) {
  const Scenario& s = *r.scenario;
  const auto& o = *r.options;
  const auto& pr = r.result->paired;
  const std::size_t V = r.result->aggregates.size(), M = pr.metrics.size();
  std::string out = header(r);
  out += "Common random numbers: every variant runs on the same sampled parameters and seeds.\n\n";
  // At a glance: the headline shares per variant.
  std::size_t w = 22;
  for (std::size_t v = 0; v < V; ++v) w = std::max(w, sim::variant_name(s, o, v).size());
  out += fmt::format("  {:<{}} {:<24} {:<24} {}\n", "variant", w, "P(final agreement)",
                     "P(framework by horizon)", "framework month (or horizon)");
  const int last = s.process.horizon - 1;
  for (std::size_t v = 0; v < V; ++v) {
    const auto& a = r.result->aggregates[v];
    out += fmt::format("  {:<{}} {:<24} {:<24} {:.1f}\n", sim::variant_name(s, o, v), w,
                       est(proportion_ci(a.outcome(Outcome::final_agreement), a.runs())),
                       est(proportion_ci(a.framework_by(last), a.runs())),
                       a.framework_month_or_horizon().mean());
  }
  // The mediator's effort per run: a difference between designs may be search effort.
  out += fmt::format("\n  {:<{}} {:>10} {:>10} {:>16}\n", "effort per run (mean)", w, "meetings",
                     "proposals", "leader meetings");
  for (std::size_t v = 0; v < V; ++v) {
    const auto& a = r.result->aggregates[v];
    out += fmt::format("  {:<{}} {:>10.1f} {:>10.1f} {:>16.1f}\n", sim::variant_name(s, o, v), w,
                       a.counter(5).mean(), a.counter(6).mean(), a.counter(7).mean());
  }
  if (V > 1) {
    out += fmt::format("\nPaired differences against {} (mean [95% interval] over {} runs):\n",
                       sim::variant_name(s, o, 0), pr.n);
    for (std::size_t v = 1; v < V; ++v) {
      out += fmt::format("  {}\n", sim::variant_name(s, o, v));
      bool any = false;
      auto row = [&](std::size_t j, const Estimate& d) {
        for (double x : {d.value, d.low, d.high}) finite(x, "paired.", pr.metrics[j]);
        out += fmt::format("    {:<40} {} [{}, {}]\n", pr.metrics[j], amount(d.value, true),
                           amount(d.low, true), amount(d.high, true));
      };
      // Terms (one metric per option) would flood the table: only the largest
      // differences whose interval excludes 0 are shown; all are in --json/--csv.
      std::vector<std::pair<std::size_t, Estimate>> terms;
      for (std::size_t j = 0; j < M; ++j) {
        const Estimate d = mean_ci(pr.at(v, j));
        if (d.value == 0 && d.low == 0 && d.high == 0) continue;
        any = true;
        if (pr.metrics[j].rfind("terms.", 0) != 0)
          row(j, d);
        else if (d.low > 0 || d.high < 0)
          terms.emplace_back(j, d);
      }
      if (!any) out += "    no difference in any metric, in any run\n";
      std::stable_sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) {
        return std::abs(a.second.value) > std::abs(b.second.value);
      });
      if (!terms.empty())
        out += fmt::format(
            "    terms: P(a signed text has the option), the {} largest clear differences of {}\n",
            std::min<std::size_t>(terms.size(), 6), terms.size());
      for (std::size_t t = 0; t < terms.size() && t < 6; ++t) row(terms[t].first, terms[t].second);
    }
  }
  return out;
}

json sweep_json(const SweepReport& r) {
  const Scenario& s = *r.scenario;
  const auto& o = *r.options;
  json out;
  out["scenario"] = s.name;
  out["source"] = s.source;
  out["seed"] = o.seed;
  out["runs"] = r.result->runs;
  json params = json::array();
  for (const auto& u : s.uncertain)
    params.push_back(
        {{"path", u.path}, {"distribution", u.dist.describe()}, {"mean", u.dist.mean()}});
  out["uncertain"] = params;
  json vs = json::array();
  for (std::size_t v = 0; v < r.result->aggregates.size(); ++v) {
    json vj;
    vj["variant"] = sim::variant_name(s, o, v);
    json est = json::object();
    for (const auto& [k, e] : estimates(s, r.result->aggregates[v]))
      est[k] = {{"estimate", e.value}, {"low", e.low}, {"high", e.high}};
    vj["estimates"] = est;
    if (v > 0) {
      json d = json::object();
      const auto& pr = r.result->paired;
      const std::size_t M = pr.metrics.size();
      for (std::size_t j = 0; j < M; ++j) {
        const Estimate x = mean_ci(pr.at(v, j));
        d[pr.metrics[j]] = {{"difference", x.value}, {"low", x.low}, {"high", x.high}};
      }
      vj["paired_difference_vs_first"] = d;
    }
    vs.push_back(vj);
  }
  out["variants"] = vs;
  return finite_json(std::move(out), "parley sweep --json");
}

std::string sweep_csv(const SweepReport& r) {
  const Scenario& s = *r.scenario;
  const auto& pr = r.result->paired;
  const std::size_t M = pr.metrics.size();
  std::string out = "metric,variant,estimate,low,high\n";
  for (std::size_t v = 0; v < r.result->aggregates.size(); ++v) {
    const std::string name = sim::variant_name(s, *r.options, v);
    for (const auto& [k, e] : estimates(s, r.result->aggregates[v]))
      out += fmt::format("{},{},{},{},{}\n", k, name, e.value, e.low, e.high);
    for (std::size_t j = 0; v > 0 && j < M; ++j) {  // against the first variant
      const Estimate d = mean_ci(pr.at(v, j));
      for (double x : {d.value, d.low, d.high}) finite(x, "paired.", pr.metrics[j]);
      out += fmt::format("paired.{},{},{},{},{}\n", pr.metrics[j], name, d.value, d.low, d.high);
    }
  }
  return out;
}

}  // namespace parley::report
