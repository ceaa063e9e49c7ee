// The conformance suite (after OpenSpiel's basic_tests): every registered party strategy with
// every registered mediator strategy, on random scenarios with a whole process, must keep the
// invariants of a run. A strategy registered with the registry is covered by this suite.
//
//   - the run ends within the horizon;
//   - no adopted text crosses a red line of one of its voters that the text before it did not
//     (a red line is never traded), and a signed text crosses no red line of anyone;
//   - a signed text (framework, final agreement) is in every signatory's acceptable set: no red
//     line and u_k >= r_k at the month of signing;
//   - the event log is consistent: an `adopted` (or `package_trade`) or a `rejected` follows its
//     `proposal`, a signing is of the text as it stands, months never go back, the counts equal
//     the events, the outcome matches the signings;
//   - votes reach the parties (observe) only at direct tables, once per voter and round;
//   - the same seed gives the same run.
#include <gtest/gtest.h>

#include <set>
#include <type_traits>

#include "core/utility.hpp"
#include "engine/engine.hpp"
#include "load/scenario_yaml.hpp"
#include "strategies/strategy.hpp"
#include "support/random_process.hpp"
#include "support/random_scenario.hpp"

namespace parley::engine {
namespace {

// A PartyView is made by the engine only, and cannot be copied out of a decision.
static_assert(!std::is_default_constructible_v<PartyView>);
static_assert(!std::is_copy_constructible_v<PartyView>);
static_assert(!std::is_copy_assignable_v<PartyView>);

/// Forwards to a registered strategy and counts the votes it is shown.
long g_observed = 0;
class Counted final : public PartyStrategy {
 public:
  explicit Counted(std::unique_ptr<PartyStrategy> inner) : inner_(std::move(inner)) {}
  bool accept(const PartyView& v) override { return inner_->accept(v); }
  bool endorse(const PartyView& v) override { return inner_->endorse(v); }
  void observe(std::span<const TableVote> votes) override {
    ++g_observed;
    inner_->observe(votes);
  }
  bool offer(const PartyView& v, std::span<int> out) override { return inner_->offer(v, out); }
  void reset() override { inner_->reset(); }
  void inform(const FullInformation& info) override { inner_->inform(info); }

 private:
  std::unique_ptr<PartyStrategy> inner_;
};

/// The registered strategies (the built-ins and any registered before the suite runs), each
/// also registered as "conformance.<name>", wrapped in Counted.
std::vector<std::string> party_names() {
  static const std::vector<std::string> names = [] {
    std::vector<StrategyInfo> infos = party_strategies();
    std::vector<std::string> out;
    for (StrategyInfo info : infos) {
      const std::string inner = info.name;
      out.push_back(inner);
      info.name = "conformance." + inner;
      register_party_strategy(info, [inner](const StrategyParams&) {
        return std::make_unique<Counted>(make_party_strategy({inner, {}}));
      });
    }
    return out;
  }();
  return names;
}

std::vector<std::string> mediator_names() {
  std::vector<std::string> out;
  for (const auto& m : mediator_strategies()) out.push_back(m.name);
  return out;
}

std::string fingerprint(const RunResult& r) {
  std::string out = std::string(to_string(r.outcome)) + " " + std::to_string(r.rounds) + "\n";
  for (const Event& e : r.events)
    out += std::to_string(static_cast<int>(e.type)) + " " + std::to_string(e.month) + " " +
           std::to_string(e.round) + " " + std::to_string(e.group) + " " + std::to_string(e.party) +
           " " + std::to_string(e.issue) + " " + std::to_string(e.option) + " " +
           std::to_string(e.sides) + " " + std::to_string(e.package) + " " +
           std::to_string(e.instrument) + "\n";
  for (double u : r.utility) out += std::to_string(u) + " ";
  return out;
}

/// Every violation of the invariants by one single-text run (empty: none).
std::vector<std::string> violations(const Scenario& s, const RunResult& r) {
  std::vector<std::string> bad;
  auto fail = [&](std::size_t at, const std::string& what) {
    bad.push_back("event " + std::to_string(at) + ": " + what);
  };
  const UtilityModel m(s);
  const Space space = s.space();
  const DesignSpec& design = s.process.designs[0];
  const std::size_t K = m.parties();
  std::vector<int> sk(s.parties.size(), -1);
  for (std::size_t k = 0; k < K; ++k)
    sk[static_cast<std::size_t>(m.party_index(k))] = static_cast<int>(k);
  auto voters = [&](int g) {
    std::vector<std::size_t> out;
    if (g < 0) {
      for (std::size_t k = 0; k < K; ++k) out.push_back(k);
      return out;
    }
    const GroupSpec& spec =
        s.process.groups[static_cast<std::size_t>(design.groups[static_cast<std::size_t>(g)])];
    for (int p : spec.members)
      if (sk[static_cast<std::size_t>(p)] >= 0)
        out.push_back(static_cast<std::size_t>(sk[static_cast<std::size_t>(p)]));
    return out;
  };
  const int T = s.process.horizon;
  std::vector<int> x = s.default_package();
  std::array<int, kEventTypes> counts{};
  std::vector<int> direct(design.groups.size(), 1);  // per group: last meeting's format
  long expected_observed = 0;
  int proposals = 0, last_month = 0;
  bool signed_final = false, signed_framework = false;
  for (std::size_t e = 0; e < r.events.size(); ++e) {
    const Event& ev = r.events[e];
    ++counts[static_cast<std::size_t>(ev.type)];
    if (ev.month < last_month) fail(e, "month goes back");
    if (ev.month < 0 || ev.month >= T) fail(e, "month outside the horizon");
    last_month = ev.month;
    const Event* prev = e > 0 ? &r.events[e - 1] : nullptr;
    switch (ev.type) {
      case EventType::meeting:
        if (ev.group >= 0) direct[static_cast<std::size_t>(ev.group)] = ev.sides == 1;
        break;
      case EventType::proposal:
        ++proposals;
        if (ev.group >= 0 && direct[static_cast<std::size_t>(ev.group)])
          expected_observed += static_cast<long>(voters(ev.group).size());
        break;
      case EventType::rejected:
        if (!prev || prev->type != EventType::proposal) fail(e, "a rejection without its proposal");
        break;
      case EventType::adopted:
      case EventType::package_trade: {
        if (!prev || prev->type != EventType::proposal || prev->package != ev.package)
          fail(e, "an adoption that does not follow its proposal");
        const std::vector<int> y = space.decode(ev.package);
        for (std::size_t k : voters(prev ? prev->group : ev.group))
          if (m.red_line_set(k, y) & ~m.red_line_set(k, x))
            fail(e, "an adopted text crosses a new red line of voter " + std::to_string(k));
        x = y;
        break;
      }
      case EventType::framework_signed:
      case EventType::final_signed: {
        if (ev.package != space.encode(x)) fail(e, "a signed text that is not the text");
        for (std::size_t k = 0; k < K; ++k) {
          if (m.crosses_red_line(k, x))
            fail(e, "a signed text crosses a red line of " + std::to_string(k));
          const double r_k = r.reservation_path[static_cast<std::size_t>(ev.month) * K + k];
          if (!meets(m.utility(k, x), r_k))
            fail(e, "a signed text below the reservation of " + std::to_string(k));
        }
        (ev.type == EventType::final_signed ? signed_final : signed_framework) = true;
        break;
      }
      default:
        break;
    }
  }
  for (std::size_t t = 0; t < kEventTypes; ++t)
    if (counts[t] != r.counts[t])
      bad.push_back(std::string("count of ") + to_string(static_cast<EventType>(t)));
  if (proposals != r.rounds) bad.push_back("rounds differ from proposals");
  if (r.months < 1 || r.months > T) bad.push_back("months run outside the horizon");
  if ((r.outcome == Outcome::final_agreement) != signed_final ||
      (r.final_month >= 0) != signed_final)
    bad.push_back("outcome and final signing disagree");
  if ((r.framework_month >= 0) != signed_framework)
    bad.push_back("framework month and signing disagree");
  if (space.encode(r.package) != space.encode(x))
    bad.push_back("the final text is not the last adopted");
  if (g_observed != expected_observed)
    bad.push_back("votes shown " + std::to_string(g_observed) + " times, expected " +
                  std::to_string(expected_observed) + " (direct tables only)");
  return bad;
}

struct Pair {
  std::string party, mediator;
};

class Conformance : public ::testing::TestWithParam<Pair> {};

TEST_P(Conformance, RunsKeepTheInvariants) {
  const Pair& pair = GetParam();
  int finals = 0;
  for (std::uint64_t seed = 1; seed <= 100; ++seed) {
    testing::RandomProcessSpec spec;
    spec.seed = seed;
    spec.parties = 3 + static_cast<int>(seed % 2);
    spec.issues = 4 + static_cast<int>(seed % 3);
    spec.party_strategy = "conformance." + pair.party;
    spec.mediator_strategy = pair.mediator;
    const Scenario s = load::load_scenario_text(testing::random_process_yaml(spec), "random.yaml");
    Engine engine(s, 0);
    RunResult r;
    g_observed = 0;
    engine.run(seed, r);
    const auto bad = violations(s, r);
    EXPECT_TRUE(bad.empty()) << pair.party << " x " << pair.mediator << ", seed " << seed << ": "
                             << bad.front();
    finals += r.outcome == Outcome::final_agreement;
    // The same seed gives the same run, on a fresh engine and on this one reused.
    const std::string first = fingerprint(r);
    EXPECT_EQ(fingerprint(Engine(s, 0).run(seed)), first) << "seed " << seed;
    engine.run(seed, r);
    EXPECT_EQ(fingerprint(r), first) << "seed " << seed << " (engine reused)";
  }
  RecordProperty("final_agreements", finals);
}

std::vector<Pair> pairs() {
  std::vector<Pair> out;
  for (const auto& p : party_names())
    for (const auto& m : mediator_names()) out.push_back({p, m});
  return out;
}

INSTANTIATE_TEST_SUITE_P(AllStrategies, Conformance, ::testing::ValuesIn(pairs()),
                         [](const ::testing::TestParamInfo<Pair>& p) {
                           return p.param.party + "_" + p.param.mediator;
                         });

/// Alternating offers: every party strategy, two parties, small spaces. An accepted offer is
/// acceptable to both (no red line, at least the reservation) and signed at once.
class ConformanceAlternating : public ::testing::TestWithParam<std::string> {};

TEST_P(ConformanceAlternating, AcceptedOffersAreAcceptableToBoth) {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    testing::RandomSpec spec;
    spec.parties = 2;
    spec.issues = 3;
    spec.red_lines = 1;
    spec.seed = seed;
    const std::string yaml =
        testing::random_scenario_yaml(spec) +
        "process: {protocol: alternating_offers, horizon: 6, strategies: {p0: " + GetParam() +
        ", p1: " + GetParam() + "}}\n";
    const Scenario s = load::load_scenario_text(yaml, "alternating.yaml");
    const RunResult r = Engine(s, 0).run(seed);
    const UtilityModel m(s);
    EXPECT_EQ(fingerprint(Engine(s, 0).run(seed)), fingerprint(r));
    EXPECT_LE(r.months, s.process.horizon);
    if (r.outcome != Outcome::final_agreement) continue;
    EXPECT_EQ(r.framework_month, r.final_month);
    for (std::size_t k = 0; k < 2; ++k) {
      EXPECT_FALSE(m.crosses_red_line(k, r.package)) << GetParam() << " seed " << seed;
      const double r_k = r.reservation_path[static_cast<std::size_t>(r.final_month) * 2 + k];
      EXPECT_TRUE(meets(m.utility(k, r.package), r_k))
          << GetParam() << " seed " << seed << ": party " << k << " signed "
          << m.utility(k, r.package) << " below its reservation " << r_k;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(AllStrategies, ConformanceAlternating, ::testing::ValuesIn(party_names()));

}  // namespace
}  // namespace parley::engine
