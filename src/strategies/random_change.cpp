#include "strategies/random_change.hpp"

#include <algorithm>

namespace parley::engine {

void mutate(const MediatorView& v, int issue, Change& out) {
  const int m = (*v.option_counts)[static_cast<std::size_t>(issue)];
  const int now = v.draft[static_cast<std::size_t>(issue)];
  if (m < 2) return;
  // Another option the principles allow, uniformly (the same draw as before without them).
  int others = 0;
  for (int o = 0; o < m; ++o) others += o != now && v.may(issue, o);
  if (others == 0) return;
  int pick = v.rng->below(others);
  for (int o = 0; o < m; ++o)
    if (o != now && v.may(issue, o) && pick-- == 0) {
      out.add(issue, o);
      return;
    }
}

void random_change(const MediatorView& v, int k, Change& out) {
  out.clear();
  const int n = static_cast<int>(v.open_issues.size());
  if (n == 0) return;
  if (v.cross_topic && n >= 2) k = std::max(k, 2 + v.rng->below(3));  // trades of 2-4 issues
  k = std::min(k, n);
  if (v.max_issues > 0) k = std::min(k, v.max_issues);
  int first = v.open_issues[static_cast<std::size_t>(v.rng->below(n))];
  mutate(v, first, out);
  if (k == 1) return;
  // A trade must span groups when the open issues do.
  bool spans = false;
  if (v.cross_topic)
    for (int i : v.open_issues)
      spans = spans || v.issue_group[static_cast<std::size_t>(i)] !=
                           v.issue_group[static_cast<std::size_t>(first)];
  for (int tries = 0; out.size < k && tries < 8 * k; ++tries) {
    const int i = v.open_issues[static_cast<std::size_t>(v.rng->below(n))];
    bool dup = false;
    for (int j = 0; j < out.size; ++j) dup = dup || out.issue[j] == i;
    if (dup) continue;
    if (v.cross_topic && spans && out.size == 1 &&
        v.issue_group[static_cast<std::size_t>(i)] ==
            v.issue_group[static_cast<std::size_t>(first)])
      continue;
    mutate(v, i, out);
  }
}

}  // namespace parley::engine
