#include "load/cycles.hpp"

#include <algorithm>

namespace parley::load {

std::vector<Cycle> find_cycles(const std::vector<std::vector<int>>& next) {
  enum class State { unseen, on_path, done };
  std::vector<State> state(next.size(), State::unseen);
  std::vector<Cycle> out;
  struct Frame {
    int node;
    std::size_t edge;  // the next edge of `node` to follow
  };
  for (std::size_t root = 0; root < next.size(); ++root) {
    if (state[root] != State::unseen) continue;
    std::vector<Frame> path{{static_cast<int>(root), 0}};
    state[root] = State::on_path;
    while (!path.empty()) {
      Frame& top = path.back();
      const auto& edges = next[static_cast<std::size_t>(top.node)];
      if (top.edge == edges.size()) {
        state[static_cast<std::size_t>(top.node)] = State::done;
        path.pop_back();
        continue;
      }
      const std::size_t edge = top.edge++;
      const int to = edges[edge];
      if (to < 0 || static_cast<std::size_t>(to) >= next.size()) continue;
      if (state[static_cast<std::size_t>(to)] == State::on_path) {
        Cycle c;
        c.from = top.node;
        c.edge = edge;
        auto it =
            std::find_if(path.begin(), path.end(), [&](const Frame& f) { return f.node == to; });
        for (; it != path.end(); ++it) c.path.push_back(it->node);
        c.path.push_back(to);
        out.push_back(std::move(c));
      } else if (state[static_cast<std::size_t>(to)] == State::unseen) {
        state[static_cast<std::size_t>(to)] = State::on_path;
        path.push_back({to, 0});
      }
    }
  }
  return out;
}

std::string describe_cycle(const Cycle& c, const std::vector<std::string>& names) {
  std::string out;
  for (int n : c.path) out += (out.empty() ? "" : " → ") + names[static_cast<std::size_t>(n)];
  return out;
}

}  // namespace parley::load
