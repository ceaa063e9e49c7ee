#include "report/scenario_text.hpp"

#include <fmt/format.h>

#include "report/text.hpp"

namespace parley::report {

std::string scenario_text(const Scenario& s) {
  std::string out;
  const Space space = s.space();
  out += fmt::format("{}\n", s.name);
  if (!s.description.empty()) out += fmt::format("{}\n", s.description);
  out += fmt::format("source: {}\n\nParties ({})\n", s.source, s.parties.size());
  std::size_t wid = 2, wname = 4;
  for (const auto& p : s.parties) {
    wid = std::max(wid, display_width(p.id));
    wname = std::max(wname, display_width(p.name));
  }
  for (std::size_t p = 0; p < s.parties.size(); ++p) {
    const auto& pref = s.preferences[p];
    out += fmt::format(
        "  {}  {}  {:<9}{}\n", pad(s.parties[p].id, wid), pad(s.parties[p].name, wname),
        to_string(s.parties[p].role),
        pref ? fmt::format("reservation {:.3f}, {} red line(s), {} interaction(s)",
                           pref->reservation, pref->red_lines.size(), pref->interactions.size())
             : std::string("no preferences"));
  }
  out +=
      fmt::format("\nIssues ({}); settlement space: {} packages\n", s.issues.size(), space.size());
  for (const auto& is : s.issues) {
    out += fmt::format("  {} — {} [topic {}{}]\n", is.id, is.name, is.topic,
                       is.detail ? ", detail" : "");
    for (std::size_t o = 0; o < is.options.size(); ++o)
      out += fmt::format("      {} {}  {}\n", static_cast<int>(o) == is.default_option ? '*' : ' ',
                         is.options[o].id,
                         is.options[o].label == is.options[o].id ? "" : is.options[o].label);
  }
  out += fmt::format("  (* = default option)\n\nWeights (normalised)\n");
  std::size_t wi = 5;
  for (const auto& is : s.issues) wi = std::max(wi, display_width(is.id));
  out += fmt::format("  {}", pad("issue", wi));
  const auto holders = s.stakeholders();
  for (int p : holders) out += fmt::format("  {:>8}", s.parties[static_cast<std::size_t>(p)].id);
  out += fmt::format("\n");
  for (std::size_t i = 0; i < s.issues.size(); ++i) {
    out += fmt::format("  {}", pad(s.issues[i].id, wi));
    for (int p : holders)
      out += fmt::format("  {:>8.3f}", s.preferences[static_cast<std::size_t>(p)]->weights[i]);
    out += fmt::format("\n");
  }
  if (!s.packages.empty()) {
    out += fmt::format("\nNamed packages\n");
    for (const auto& pk : s.packages) out += fmt::format("  {} — {}\n", pk.id, pk.name);
  }
  if (!s.variants.empty()) {
    out += fmt::format("\nVariants (parley ... --variant ID)\n");
    for (const auto& v : s.variants)
      out += fmt::format("  {}{} — {}\n", v.id, v.id == s.variant ? " (applied)" : "", v.name);
  }
  return out;
}

std::string eval_text(const Scenario& s, const std::vector<int>& x,
                      const std::vector<analysis::PartyVerdict>& vs) {
  std::string out;
  out += fmt::format("Package (index {})\n", s.space().encode(x));
  std::size_t w = 5;
  for (const auto& is : s.issues) w = std::max(w, display_width(is.id));
  for (const auto& p : s.parties) w = std::max(w, display_width(p.id));
  for (std::size_t i = 0; i < s.issues.size(); ++i) {
    const auto& opt = s.issues[i].options[static_cast<std::size_t>(x[i])];
    out += fmt::format("  {}  {}{}\n", pad(s.issues[i].id, w), opt.id,
                       opt.label == opt.id ? "" : "  (" + opt.label + ")");
  }
  out += fmt::format("\n  {}  {:>8}  {:>11}  {}\n", pad("party", w), "utility", "reservation",
                     "verdict");
  bool all = true;
  for (const auto& v : vs) {
    all = all && v.acceptable();
    std::string verdict = v.acceptable() ? "acceptable" : "";
    if (!v.meets_reservation()) verdict = "below reservation";
    for (const auto& r : v.red_lines_crossed)
      verdict += (verdict.empty() ? "" : "; ") + std::string("crosses red line: ") + r;
    out += fmt::format("  {}  {:>8.4f}  {:>11.4f}  {}\n",
                       pad(s.parties[static_cast<std::size_t>(v.party)].id, w), v.utility,
                       v.reservation, verdict);
  }
  out += fmt::format("\n{}\n", all ? "Acceptable to every party (in the ZOPA)."
                                   : "Not acceptable to every party.");
  return out;
}

}  // namespace parley::report
