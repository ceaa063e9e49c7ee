#include "analysis/blocks.hpp"

#include <numeric>

#include "core/errors.hpp"

namespace parley::analysis {

namespace {
int find(std::vector<int>& parent, int x) {
  while (parent[static_cast<std::size_t>(x)] != x) {
    parent[static_cast<std::size_t>(x)] =
        parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(x)])];
    x = parent[static_cast<std::size_t>(x)];
  }
  return x;
}
}  // namespace

std::vector<Block> make_blocks(const Scenario& s, const UtilityModel& m, std::size_t max_combos) {
  const std::size_t n = s.issues.size(), parties = m.parties();
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto unite = [&](int a, int b) {
    parent[static_cast<std::size_t>(find(parent, a))] = find(parent, b);
  };
  for (std::size_t k = 0; k < parties; ++k) {
    for (const auto& p : m.interactions(k)) unite(p.issue_a, p.issue_b);
    for (const auto& rl : m.red_lines(k))
      for (const auto& c : rl) unite(c.issue, rl.front().issue);
  }
  std::vector<int> block_of(n, -1);
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < n; ++i) {
    int root = find(parent, static_cast<int>(i));
    if (block_of[static_cast<std::size_t>(root)] < 0) {
      block_of[static_cast<std::size_t>(root)] = static_cast<int>(blocks.size());
      blocks.emplace_back();
    }
    blocks[static_cast<std::size_t>(block_of[static_cast<std::size_t>(root)])].issues.push_back(
        static_cast<int>(i));
  }
  const Space space = s.space();
  std::vector<int> x = s.default_package();
  for (auto& b : blocks) {
    b.combos = 1;
    for (int i : b.issues) {
      b.combos *= s.issues[static_cast<std::size_t>(i)].options.size();
      if (b.combos > max_combos)
        throw Error("issues tied by interactions or red lines form a block of more than " +
                    std::to_string(max_combos) + " combinations; loosen the ties");
    }
    b.u.assign(b.combos * parties, 0.0);
    b.index.assign(b.combos, 0);
    b.crosses_red_line.assign(b.combos, 0);
    std::vector<int> digit(b.issues.size(), 0);
    for (std::size_t c = 0; c < b.combos; ++c) {
      for (std::size_t j = 0; j < b.issues.size(); ++j)
        x[static_cast<std::size_t>(b.issues[j])] = digit[j];
      for (std::size_t k = 0; k < parties; ++k) {
        double u = 0;
        for (std::size_t j = 0; j < b.issues.size(); ++j)
          u += m.term(k, static_cast<std::size_t>(b.issues[j]), digit[j]);
        for (const auto& p : m.interactions(k))
          if (block_of[static_cast<std::size_t>(find(parent, p.issue_a))] ==
                  block_of[static_cast<std::size_t>(find(parent, b.issues[0]))] &&
              x[static_cast<std::size_t>(p.issue_a)] == p.option_a &&
              x[static_cast<std::size_t>(p.issue_b)] == p.option_b)
            u += p.value;
        b.u[c * parties + k] = u;
        for (const auto& rl : m.red_lines(k)) {
          if (find(parent, rl.front().issue) != find(parent, b.issues[0])) continue;
          bool all = true;
          for (const auto& cond : rl)
            all = all && x[static_cast<std::size_t>(cond.issue)] == cond.option;
          if (all) b.crosses_red_line[c] = 1;
        }
      }
      Index idx = 0;
      for (std::size_t j = 0; j < b.issues.size(); ++j)
        idx += static_cast<Index>(digit[j]) * space.stride(static_cast<std::size_t>(b.issues[j]));
      b.index[c] = idx;
      for (std::size_t j = 0; j < digit.size(); ++j) {  // odometer over the block
        if (++digit[j] <
            static_cast<int>(s.issues[static_cast<std::size_t>(b.issues[j])].options.size()))
          break;
        digit[j] = 0;
      }
    }
  }
  return blocks;
}

}  // namespace parley::analysis
