#pragma once
// One run of the negotiating process (DESIGN §3-§4) under one design: working
// groups on a single negotiating text (direct or shuttle), escalation to the
// leader channel, stages (elements -> framework + ceasefire -> final text), or
// bilateral alternating offers. A run is a pure function of (scenario, design,
// seed): same inputs, same events, whatever else runs alongside.
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "analysis/blocks.hpp"
#include "core/scenario.hpp"
#include "core/utility.hpp"
#include "engine/strategy.hpp"

namespace parley::engine {

enum class EventType : std::uint8_t {
  meeting,              // a group or leader-channel meeting (sides: 1 direct, >1 shuttle)
  proposal,             // the mediator's (or, alternating offers, a party's) proposal
  adopted,              // every voter accepted: the text changes
  rejected,             // someone rejected
  consensus,            // a group's members all endorse: its open items become agreed
  deadlock,             // a group went `escalate_after` rounds without an adopted change
  escalation,           // official -> aide -> leader
  principle_fixed,      // the leader channel locked an issue's option
  package_trade,        // the leader channel adopted a cross-topic change
  merge,                // a shuttle group's refusals lapsed: it now meets directly
  framework_signed,     // stage 2
  ceasefire_started,    // with the framework
  final_signed,         // stage 3 done
  leak,                 // a meeting leaked: `party` exposed (its reservation hardens)
  leverage,             // an instrument fired (`instrument`), `party` its target
  walkout,              // `party`'s trust in the mediator fell below its floor: it left
  returned,             // ... and came back
  ceasefire_collapsed,  // the ceasefire broke down: war resumes, negotiation goes on
};
const char* to_string(EventType type);
inline constexpr std::size_t kEventTypes = 18;
static_assert(static_cast<std::size_t>(EventType::ceasefire_collapsed) + 1 == kEventTypes);

struct Event {
  EventType type = EventType::meeting;
  int month = 0;
  int round = 0;   // global round number (0 before any round)
  int group = -1;  // design group index; -1 for a leader channel or the whole process
  Level level = Level::official;
  int party = -1;  // leader-channel partner, proposer, or merged party (scenario index)
  int issue = -1, option = -1;  // principle_fixed
  int sides = 0;                // meeting
  std::uint64_t package = 0;    // proposal/adopted/package_trade/signing: whole-package index
  int instrument = -1;          // leverage: index into scenario.dynamics.leverage
};

enum class Outcome {
  final_agreement,      // the final agreement was signed
  framework_only,       // the framework (and its ceasefire) holds at the horizon
  ceasefire_collapsed,  // a ceasefire broke down and no framework was in force at the end
  walkout,              // no agreement, and a party had walked out at the end
  no_agreement,
};
const char* to_string(Outcome outcome);

struct RunResult {
  Outcome outcome = Outcome::no_agreement;
  int framework_month = -1, final_month = -1;
  std::vector<int> package;         // the text at the end
  std::vector<double> utility;      // per stakeholder, of `package`
  std::vector<double> reservation;  // per stakeholder, r(t) at the end (or at signing)
  int rounds = 0;
  std::vector<Event> events;
  /// Events of each type in `events` (counted as they are logged).
  std::array<int, kEventTypes> counts{};
  [[nodiscard]] int count(EventType t) const { return counts[static_cast<std::size_t>(t)]; }

  // Dynamics (DESIGN §3, §5). Costs are [party * units + unit], scenario party order.
  int months = 0;     // months run: the last month + 1
  int collapses = 0;  // ceasefire breakdowns
  int war_months = 0, ceasefire_months = 0;
  int first_ceasefire_month = -1;  // the first month a ceasefire was in force at its start
  std::vector<double> costs_before_ceasefire, costs_after_ceasefire;
  std::vector<double> monthly_costs;  // [month * parties * units + party * units + unit]
  int delay_from = -1;  // reference month of the cost of delay (-1: the ZOPA never opened)
  std::vector<double> cost_of_delay;  // war months from delay_from on, beyond ceasefire costs
  std::vector<double> welfare;        // per stakeholder δ^t·u at signing (empty: nothing signed)
  std::vector<double> reservation_path;  // [month * stakeholders + k]: r_k at each month's start
  int welfare_month = -1;
};

class Engine {
 public:
  /// `design`: index into scenario.process.designs.
  Engine(const Scenario& scenario, std::size_t design);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  /// Re-reads the numbers a sweep may have resampled in the scenario this engine
  /// was built on (reservations, discounts, fatigue; the dynamics are read live),
  /// and the ZOPA's opening month when `trajectory` (reservations, fatigue or
  /// drift) changed.
  void refresh(bool trajectory);
  /// Leverage instruments available to the runs that follow (per instrument; empty: all).
  void set_enabled(std::span<const unsigned char> enabled) {
    enabled_.assign(enabled.begin(), enabled.end());
  }
  /// Runs from scratch; reuses `out`'s storage (no allocation per meeting once warm).
  void run(std::uint64_t seed, RunResult& out);
  RunResult run(std::uint64_t seed) {
    RunResult r;
    run(seed, r);
    return r;
  }
  [[nodiscard]] const UtilityModel& model() const { return model_; }
  /// Design group index -> GroupSpec.
  [[nodiscard]] const GroupSpec& group(int g) const;
  /// The month the ZOPA first opens under the scenario's own trajectory (r(0) − κ·t
  /// and option drift, no run events); -1 if never within the horizon or unknown.
  [[nodiscard]] int zopa_month() const { return zopa_month_; }
  /// trust(from -> to) as the last run left it (scenario party indices).
  [[nodiscard]] double trust(int from, int to) const {
    return trust_[static_cast<std::size_t>(from) * s_.parties.size() +
                  static_cast<std::size_t>(to)];
  }

 private:
  struct GroupState;
  enum class Status : std::uint8_t { open, agreed, locked };

  void run_single_text(RunResult& out);
  void run_alternating(RunResult& out);
  void log(EventType type, int group, Level level, int party = -1);
  bool round(int group, Level level, std::span<const int> open, std::span<const int> voters,
             bool cross_topic, int party);
  /// Fills view_ for stakeholder k: the current text x_ (its utility and red-line
  /// count cached), the proposal y_ with utility `u_proposed` and `red_proposed`.
  void set_view(std::size_t k, double u_proposed, std::uint64_t red_proposed, int round,
                int rounds);
  /// The text x_ changed: its utilities, red-line counts and index.
  void text_changed();
  /// Utilities of x for every stakeholder, with this month's option values.
  void evaluate(std::span<const int> x, std::span<double> u) const;
  /// Red lines of k the proposal y_ crosses (the text's count unless the change touches one).
  std::uint64_t red_lines_of_proposal(std::size_t k) const;
  bool endorses(std::size_t k);
  /// Appends group g's open issues for this stage (owned by g, neither agreed nor locked).
  void append_open_issues(int g, std::vector<int>& out) const;
  bool check_consensus(int g);
  int sides(int g);
  void raise_trust(std::span<const int> parties, double amount);
  void update_reservations();
  /// Start of a month: returns from walkouts, expiries, leverage triggers, drift,
  /// reservations, the ceasefire hazard and the month's costs.
  void begin_month();
  void fire_triggers();
  void refresh_bonus();
  void ceasefire_check();
  void record_costs();
  void check_walkouts();
  /// A meeting of `participants` (scenario party indices) at `level` may leak.
  void maybe_leak(int group, Level level, std::span<const int> participants, bool shuttle);
  void lower_trust(int from, int to, double amount);
  void collapse_ceasefire();
  bool present(std::span<const int> members) const;  // nobody away
  bool group_open(int g) const;
  void finish_dynamics(RunResult& out);
  int compute_zopa_month();

  const Scenario& s_;
  const ProcessSpec& p_;
  const DynamicsSpec& d_;
  const DesignSpec& design_;
  UtilityModel model_;
  Space space_;
  std::size_t K_;        // stakeholders
  std::vector<int> sk_;  // party -> stakeholder index or -1
  std::vector<int> option_counts_;
  std::vector<int> issue_group_;  // issue -> design group or -1
  std::vector<double> best_, r0_, kappa_, discount_;
  std::vector<std::unique_ptr<PartyStrategy>> party_;  // per stakeholder
  std::unique_ptr<MediatorStrategy> mediator_;
  bool mediator_full_ = false;
  std::vector<std::unique_ptr<GroupState>> groups_;
  std::vector<int> all_voters_;

  // run state
  Rng rng_;
  RunResult* out_ = nullptr;
  int month_ = 0, stage_ = 1;
  std::uint64_t text_version_ = 0;
  std::vector<int> defaults_, x_, y_;
  std::vector<double> u_, uy_, r_;
  std::vector<std::uint64_t> red_x_;      // per stakeholder: the red lines the text crosses
  std::vector<unsigned char> red_issue_;  // K x issues: issue appears in one of k's red lines
  Index index_x_ = 0, index_y_ = 0;       // package indices of x_ and y_
  std::vector<Status> status_;
  std::vector<double> trust_;  // P x P
  std::vector<FullInformation> info_;
  FullInformation full_;
  PartyView view_;
  Change change_;
  std::vector<unsigned char> accepted_;
  std::vector<TableVote> table_;
  std::vector<int> open_buf_;
  std::vector<int> channel_failures_;

  // dynamics
  std::size_t U_ = 0;             // cost units
  Rng rng_dyn_;                   // leaks and the ceasefire hazard (the mediator keeps its stream)
  std::vector<std::size_t> col_;  // issue -> first column of its options
  std::vector<double> bonus_;     // K x columns: option value offsets (drift, leverage)
  std::vector<double> bonus_next_;
  bool bonus_any_ = false;
  std::vector<std::vector<int>> block_options_;  // per block: combo -> options of its issues
  std::vector<analysis::Block> blocks_;
  std::vector<analysis::Block> zopa_blocks_;            // blocks with this month's drift (scratch)
  std::vector<std::size_t> drift_blocks_;               // blocks holding a drifted issue
  std::vector<std::size_t> drift_block_of_;             // per drift: its block
  std::vector<std::vector<std::size_t>> drift_combos_;  // per drift: combos with its option
  std::vector<double> best0_;
  std::vector<double> fatigue_acc_, kappa_now_, shift_;  // per stakeholder
  std::vector<int> fired_;                               // per leverage: month fired, -1 not yet
  std::vector<unsigned char> enabled_;                   // per leverage: available (empty: all)
  struct Hardening {
    int party, until;
    double amount;
  };
  std::vector<Hardening> hardening_;
  std::vector<int> away_until_;            // per party: month it returns, -1 present
  int away_ = 0;                           // how many are away
  bool any_openers_ = false;               // some group waits for a leverage instrument
  std::vector<unsigned char> deadlocked_;  // per process group
  std::vector<std::vector<int>> openers_;  // per process group: leverage that opens it
  std::vector<int> participants_;
  bool in_ceasefire_ = false;
  int signed_month_ = -1;
  int zopa_month_ = -1;
  std::vector<unsigned char> war_;  // per month run
};

}  // namespace parley::engine
