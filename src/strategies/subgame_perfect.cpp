// Subgame-perfect play under alternating offers (Rubinstein 1982; docs/model.md,
// "Alternating offers"): the textbook benchmark, computed by backward induction with complete
// information. Registered as needing full information.
#include <algorithm>

#include "strategies/builtin.hpp"
#include "strategies/strategy.hpp"

namespace parley::engine {
namespace {

/// Rubinstein (1982) subgame-perfect play under alternating offers, computed by
/// backward induction over the finite number of rounds with complete information
/// (the textbook benchmark). Under single text it votes like a linear concession.
class SubgamePerfect final : public PartyStrategy {
 public:
  void inform(const FullInformation& info) override { info_ = &info; }
  bool accept(const PartyView& v) override {
    if (v.rounds() == 0) {  // single text: like a voter for improvements
      if (const int rl = v.red_line_change(); rl != 0) return rl < 0;
      return v.utility_proposed() >= v.utility_current() - kUtilityTolerance;
    }
    if (v.crosses_red_line(v.proposed())) return false;
    if (!info_) return v.utility_proposed() >= v.utility_current();
    plan(v);
    // Responder j at round t accepts iff u_j(x) >= d_j * W_j(t+1).
    const std::size_t t = static_cast<std::size_t>(v.round());
    const double cont = t + 1 < w_self_.size() ? v.discount() * w_self_[t + 1] : 0.0;
    return v.utility_proposed() >= cont - 1e-12;
  }
  bool offer(const PartyView& v, std::span<int> out) override {
    if (!info_) return PartyStrategy::offer(v, out);
    plan(v);
    const auto t = static_cast<std::size_t>(v.round());
    if (!offering_[t]) return false;  // waiting is worth more than any offer the other takes
    std::copy(offers_[t].begin(), offers_[t].end(), out.begin());
    return true;
  }

 private:
  // Backward induction: W(t) = value to (self, other) of the game starting at round t.
  void plan(const PartyView& v) {
    if (!offers_.empty()) return;
    const UtilityModel& m = *info_->model;
    std::vector<std::vector<int>> space;
    Odometer odo(v.space());
    do {
      space.emplace_back(odo.digits().begin(), odo.digits().end());
    } while (odo.next() >= 0);
    const std::size_t self = info_->self;
    const std::size_t other = 1 - self;
    std::vector<double> us(space.size()), uo(space.size());
    std::vector<bool> ok(space.size());
    for (std::size_t p = 0; p < space.size(); ++p) {
      us[p] = info_->utility(self, space[p]);
      uo[p] = info_->utility(other, space[p]);
      ok[p] = m.acceptable_to_all(space[p]);
    }
    const int rounds = info_->rounds;
    const double ds = info_->discount[self], dother = info_->discount[other];
    w_self_.assign(static_cast<std::size_t>(rounds) + 1, 0.0);
    offers_.assign(static_cast<std::size_t>(rounds), space.front());
    offering_.assign(static_cast<std::size_t>(rounds), 0);
    double ws = info_->reservation[self], wo = info_->reservation[other];  // after the last round
    w_self_[static_cast<std::size_t>(rounds)] = ws;
    // The first stakeholder proposes in even rounds.
    for (int t = rounds - 1; t >= 0; --t) {
      const bool self_proposes = (t % 2 == 0) == (self == 0);
      const double need_o = dother * wo, need_s = ds * ws;
      std::size_t arg = space.size();
      for (std::size_t p = 0; p < space.size(); ++p) {
        if (!ok[p]) continue;
        const double mine = self_proposes ? us[p] : uo[p];
        const double theirs = self_proposes ? uo[p] : us[p];
        const double need = self_proposes ? need_o : need_s;
        if (theirs < need - 1e-12) continue;
        if (arg == space.size()) {
          arg = p;
          continue;
        }
        const double amine = self_proposes ? us[arg] : uo[arg];
        const double atheirs = self_proposes ? uo[arg] : us[arg];
        if (mine > amine || (mine == amine && theirs > atheirs)) arg = p;
      }
      // The proposer offers only what beats waiting: its own discounted continuation.
      const double own = self_proposes ? need_s : need_o;
      if (arg != space.size() && (self_proposes ? us[arg] : uo[arg]) < own - 1e-12)
        arg = space.size();
      if (arg == space.size()) {  // nothing both prefer to waiting: disagreement continues
        ws *= ds;
        wo *= dother;
      } else {
        ws = us[arg];
        wo = uo[arg];
        offers_[static_cast<std::size_t>(t)] = space[arg];
        offering_[static_cast<std::size_t>(t)] = 1;
      }
      w_self_[static_cast<std::size_t>(t)] = ws;
    }
  }
  const FullInformation* info_ = nullptr;
  std::vector<double> w_self_;
  std::vector<std::vector<int>> offers_;
  std::vector<unsigned char> offering_;  // per round: an offer the other accepts, or a pass
};

}  // namespace

std::vector<PartyEntry> subgame_perfect_strategies() {
  return {{{"spe",
            "alternating offers: subgame-perfect play with complete information (Rubinstein "
            "1982); under single text votes for improvements",
            {},
            true},
           [](const StrategyParams&) { return std::make_unique<SubgamePerfect>(); }}};
}

}  // namespace parley::engine
