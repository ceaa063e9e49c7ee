#pragma once
// One run of the negotiating process (DESIGN §3-§4) under one design: working
// groups on a single negotiating text (direct or shuttle), escalation to the
// leader channel, stages (elements -> framework + ceasefire -> final text), or
// bilateral alternating offers. A run is a pure function of (scenario, design,
// seed): same inputs, same events, whatever else runs alongside.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/scenario.hpp"
#include "core/utility.hpp"
#include "engine/strategy.hpp"

namespace parley::engine {

enum class EventType : std::uint8_t {
  meeting,            // a group or leader-channel meeting (sides: 1 direct, >1 shuttle)
  proposal,           // the mediator's (or, alternating offers, a party's) proposal
  adopted,            // every voter accepted: the text changes
  rejected,           // someone rejected
  consensus,          // a group's members all endorse: its open items become agreed
  deadlock,           // a group went `escalate_after` rounds without an adopted change
  escalation,         // official -> aide -> leader
  principle_fixed,    // the leader channel locked an issue's option
  package_trade,      // the leader channel adopted a cross-topic change
  merge,              // a shuttle group's refusals lapsed: it now meets directly
  framework_signed,   // stage 2
  ceasefire_started,  // with the framework
  final_signed,       // stage 3 done
};
const char* to_string(EventType type);

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
};

enum class Outcome { final_agreement, framework_only, no_agreement };
const char* to_string(Outcome outcome);

struct RunResult {
  Outcome outcome = Outcome::no_agreement;
  int framework_month = -1, final_month = -1;
  std::vector<int> package;         // the text at the end
  std::vector<double> utility;      // per stakeholder, of `package`
  std::vector<double> reservation;  // per stakeholder, r(t) at the end (or at signing)
  int rounds = 0;
  std::vector<Event> events;
};

class Engine {
 public:
  /// `design`: index into scenario.process.designs.
  Engine(const Scenario& scenario, std::size_t design);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

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
  void set_view(std::size_t k, double u_proposed, int red_proposed, int round, int rounds);
  /// The text x_ changed: its utilities, red-line counts and index.
  void text_changed();
  /// Red lines of k the proposal y_ crosses (the text's count unless the change touches one).
  int red_lines_of_proposal(std::size_t k) const;
  bool endorses(std::size_t k);
  /// Appends group g's open issues for this stage (owned by g, neither agreed nor locked).
  void append_open_issues(int g, std::vector<int>& out) const;
  bool check_consensus(int g);
  int sides(int g);
  void raise_trust(std::span<const int> parties, double amount);
  void update_reservations();

  const Scenario& s_;
  const ProcessSpec& p_;
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
  std::vector<int> red_x_;                // per stakeholder: red lines the text crosses
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
};

}  // namespace parley::engine
