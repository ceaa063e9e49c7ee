#include "engine/design.hpp"

#include <algorithm>
#include <cmath>

namespace parley::engine {
namespace {

/// Refusals between two seated members of the group, by seat position.
void seat_refusals(const ProcessSpec& p, std::size_t P, GroupSetup& g) {
  const std::size_t n = std::min<std::size_t>(g.seated.size(), 64);
  for (const Refusal& rf : p.refusals)
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = 0; b < a; ++b) {
        const int A = g.seated[a], B = g.seated[b];
        if ((rf.party == A && rf.other == B) || (rf.party == B && rf.other == A))
          g.refusals.push_back(
              {static_cast<int>(a), static_cast<int>(b),
               static_cast<std::size_t>(rf.party) * P + static_cast<std::size_t>(rf.other),
               rf.threshold});
      }
}

/// Per block and combination: does it meet every condition of some stakeholder's firm red line?
/// (A red line's issues are always in one block.) `options`: Design::block_options.
std::vector<std::vector<unsigned char>> firm_crossings(
    const UtilityModel& m, std::size_t issues, const std::vector<analysis::Block>& blocks,
    const std::vector<std::vector<int>>& options) {
  std::vector<std::vector<unsigned char>> out(blocks.size());
  std::vector<int> x(issues, -1);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const analysis::Block& blk = blocks[b];
    const std::size_t n = blk.issues.size();
    out[b].assign(blk.combos, 0);
    for (std::size_t c = 0; c < blk.combos; ++c) {
      for (std::size_t j = 0; j < n; ++j)
        x[static_cast<std::size_t>(blk.issues[j])] = options[b][c * n + j];
      for (std::size_t k = 0; k < m.parties() && !out[b][c]; ++k) {
        const auto lines = m.red_lines(k);
        for (std::size_t l = 0; l < lines.size() && !out[b][c]; ++l) {
          if (l < 64 && ((m.stated_lines(k) >> l) & 1u)) continue;
          bool all = !lines[l].empty();
          for (const Condition& cond : lines[l])
            all = all && x[static_cast<std::size_t>(cond.issue)] == cond.option;
          out[b][c] = all;
        }
      }
      for (int i : blk.issues) x[static_cast<std::size_t>(i)] = -1;
    }
  }
  return out;
}

}  // namespace

Design::Design(const Scenario& s, std::size_t design)
    : scenario(s),
      spec(s.process.designs.at(design)),
      model(s),
      space(s.space()),
      K(model.parties()),
      P(s.parties.size()) {
  const ProcessSpec& p = s.process;
  sk.assign(P, -1);
  for (std::size_t k = 0; k < K; ++k) {
    sk[static_cast<std::size_t>(model.party_index(k))] = static_cast<int>(k);
    all_voters.push_back(static_cast<int>(k));
  }
  for (const auto& is : s.issues) option_counts.push_back(static_cast<int>(is.options.size()));
  col.assign(s.issues.size() + 1, 0);
  for (std::size_t i = 0; i < s.issues.size(); ++i)
    col[i + 1] = col[i] + static_cast<std::size_t>(option_counts[i]);
  defaults = s.default_package();
  // Own best utility (red lines ignored): the maximum over each block of tied issues.
  blocks = analysis::make_blocks(s, model);
  block_options.resize(blocks.size());
  issue_block.assign(s.issues.size(), -1);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const analysis::Block& blk = blocks[b];
    for (int i : blk.issues) issue_block[static_cast<std::size_t>(i)] = static_cast<int>(b);
    for (std::size_t c = 0; c < blk.combos; ++c)
      for (int i : blk.issues) {
        const auto ii = static_cast<std::size_t>(i);
        block_options[b].push_back(static_cast<int>((blk.index[c] / space.stride(ii)) %
                                                    static_cast<Index>(option_counts[ii])));
      }
  }
  firm_crossing = firm_crossings(model, s.issues.size(), blocks, block_options);
  best.assign(K, 0.0);
  for (const auto& b : blocks)
    for (std::size_t k = 0; k < K; ++k) {
      double hi = -INFINITY;
      for (std::size_t c = 0; c < b.combos; ++c) hi = std::max(hi, b.u[c * K + k]);
      best[k] += hi;
    }
  issue_group.assign(s.issues.size(), -1);
  for (std::size_t g = 0; g < spec.groups.size(); ++g) {
    GroupSetup st;
    st.process_group = spec.groups[g];
    st.spec = &p.groups[static_cast<std::size_t>(st.process_group)];
    for (int m : st.spec->members) {
      if (sk[static_cast<std::size_t>(m)] >= 0)
        st.voters.push_back(sk[static_cast<std::size_t>(m)]);
      if (m != p.mediator) st.seated.push_back(m);
    }
    for (int i : st.spec->issues) {
      if (issue_group[static_cast<std::size_t>(i)] < 0)
        issue_group[static_cast<std::size_t>(i)] = static_cast<int>(g);
      (s.issues[static_cast<std::size_t>(i)].detail ? st.has_detail : st.has_main) = true;
      st.details += s.issues[static_cast<std::size_t>(i)].detail &&
                    issue_group[static_cast<std::size_t>(i)] == static_cast<int>(g);
    }
    seat_refusals(p, P, st);
    groups.push_back(std::move(st));
  }
  // Conditions as design indices (a condition on a group outside the design is void).
  for (auto& st : groups)
    for (int c : st.spec->conditional_on)
      for (std::size_t h = 0; h < spec.groups.size(); ++h)
        if (spec.groups[h] == c) st.conditions.push_back(static_cast<int>(h));
  red_issue.assign(K * s.issues.size(), 0);
  for (std::size_t k = 0; k < K; ++k)
    for (const auto& line : model.red_lines(k))
      for (const auto& c : line)
        red_issue[k * s.issues.size() + static_cast<std::size_t>(c.issue)] = 1;
  const DynamicsSpec& d = s.dynamics;
  moving_options = !d.drift.empty();
  for (const Leverage& lv : d.leverage) moving_options = moving_options || !lv.options.empty();
  openers.resize(p.groups.size());
  for (std::size_t l = 0; l < d.leverage.size(); ++l)
    for (int g : d.leverage[l].opens) {
      openers[static_cast<std::size_t>(g)].push_back(static_cast<int>(l));
      any_openers = true;
    }
}

}  // namespace parley::engine
