#include "analysis/zopa.hpp"

#include <cmath>
#include <random>

#include "core/utility.hpp"

namespace parley::analysis {

namespace {

struct Search {
  const std::vector<Block>& blocks;
  const std::vector<double>& r;
  std::size_t parties;
  std::vector<std::vector<std::size_t>> feasible;  // per block, combos without red lines
  std::vector<double> max_rest, min_rest;          // [b * parties + k]: bounds over blocks b..end
  std::vector<std::uint64_t> product_rest;         // feasible combos over blocks b..end
  std::uint64_t nodes = 0, budget;
  bool over = false;
  std::uint64_t count = 0;
  bool first_only = false;  // stop at the first package found

  void run(std::size_t b, std::vector<double>& sum) {
    if (over || (first_only && count > 0)) return;
    if (++nodes > budget) {
      over = true;
      return;
    }
    bool all_safe = true;
    for (std::size_t k = 0; k < parties; ++k) {
      if (!meets(sum[k] + max_rest[b * parties + k], r[k])) return;
      all_safe = all_safe && meets(sum[k] + min_rest[b * parties + k], r[k]);
    }
    if (all_safe || b == blocks.size()) {
      count += product_rest[b];
      return;
    }
    for (std::size_t c : feasible[b]) {
      for (std::size_t k = 0; k < parties; ++k) sum[k] += blocks[b].u[c * parties + k];
      run(b + 1, sum);
      for (std::size_t k = 0; k < parties; ++k) sum[k] -= blocks[b].u[c * parties + k];
    }
  }
};

/// Tabulates the feasible combos and the bounds of every suffix of blocks.
void prepare(Search& s) {
  const std::size_t parties = s.parties, nb = s.blocks.size();
  const std::vector<Block>& blocks = s.blocks;
  s.feasible.resize(nb);
  s.max_rest.assign((nb + 1) * parties, 0.0);
  s.min_rest.assign((nb + 1) * parties, 0.0);
  s.product_rest.assign(nb + 1, 1);
  for (std::size_t b = nb; b-- > 0;) {
    for (std::size_t c = 0; c < blocks[b].combos; ++c)
      if (!blocks[b].crosses_red_line[c]) s.feasible[b].push_back(c);
    s.product_rest[b] = s.product_rest[b + 1] * s.feasible[b].size();
    for (std::size_t k = 0; k < parties; ++k) {
      double hi = -INFINITY, lo = INFINITY;
      for (std::size_t c : s.feasible[b]) {
        hi = std::max(hi, blocks[b].u[c * parties + k]);
        lo = std::min(lo, blocks[b].u[c * parties + k]);
      }
      s.max_rest[b * parties + k] = s.max_rest[(b + 1) * parties + k] + hi;
      s.min_rest[b * parties + k] = s.min_rest[(b + 1) * parties + k] + lo;
    }
  }
}

}  // namespace

std::optional<bool> zopa_exists(const std::vector<Block>& blocks,
                                const std::vector<double>& reservation, std::uint64_t node_budget) {
  Search s{blocks, reservation, reservation.size(), {}, {}, {}, {}, 0, node_budget};
  s.first_only = true;
  prepare(s);
  if (s.product_rest[0] == 0) return false;
  std::vector<double> sum(s.parties, 0.0);
  s.run(0, sum);
  if (s.count > 0) return true;
  if (s.over) return std::nullopt;
  return false;
}

ZopaCount count_zopa(const std::vector<Block>& blocks, const std::vector<double>& reservation,
                     std::uint64_t node_budget, std::uint64_t samples) {
  const std::size_t parties = reservation.size(), nb = blocks.size();
  Search s{blocks, reservation, parties, {}, {}, {}, {}, 0, node_budget};
  prepare(s);
  ZopaCount out;
  if (s.product_rest[0] == 0) {
    out.method = "exact: every package crosses a red line";
    return out;
  }
  std::vector<double> sum(parties, 0.0);
  s.run(0, sum);
  if (!s.over) {
    out.count = s.count;
    out.low = out.high = static_cast<double>(s.count);
    out.method =
        "exact: bounded depth-first count over blocks (" + std::to_string(s.nodes) + " nodes)";
    return out;
  }
  // Too many nodes: estimate from uniform samples over the red-line-free packages.
  std::mt19937_64 rng(0x5eedULL);
  std::uint64_t hits = 0;
  for (std::uint64_t t = 0; t < samples; ++t) {
    std::fill(sum.begin(), sum.end(), 0.0);
    for (std::size_t b = 0; b < nb; ++b) {
      const auto& f = s.feasible[b];
      std::size_t c = f[static_cast<std::size_t>(rng() % f.size())];
      for (std::size_t k = 0; k < parties; ++k) sum[k] += blocks[b].u[c * parties + k];
    }
    bool ok = true;
    for (std::size_t k = 0; k < parties && ok; ++k) ok = meets(sum[k], reservation[k]);
    hits += ok ? 1 : 0;
  }
  const double total = static_cast<double>(s.product_rest[0]);
  auto [lo, hi] = wilson(hits, samples);
  out.exact = false;
  out.samples = samples;
  out.count = static_cast<std::uint64_t>(
      std::llround(total * static_cast<double>(hits) / static_cast<double>(samples)));
  out.low = total * lo;
  out.high = total * hi;
  out.method =
      "estimate: " + std::to_string(samples) +
      " uniform samples of red-line-free packages, 95% Wilson interval (exact count exceeded " +
      std::to_string(node_budget) + " search nodes)";
  return out;
}

}  // namespace parley::analysis
