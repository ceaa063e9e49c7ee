#include "engine/engine.hpp"

#include "engine/alternating.hpp"
#include "engine/effort.hpp"
#include "engine/forces/month_start.hpp"
#include "engine/forces/zopa_month.hpp"
#include "engine/leader_channel.hpp"
#include "engine/principles.hpp"
#include "engine/run.hpp"
#include "engine/stages.hpp"
#include "engine/working_group.hpp"

namespace parley::engine {

struct Engine::Impl {
  Impl(const Scenario& s, std::size_t design_index)
      : scenario(s), design(s, design_index), state(design), zopa(design, s.dynamics) {}

  const Scenario& scenario;
  Design design;
  Strategies strategies;
  RunState state;
  Scratch scratch;
  ZopaMonth zopa;
  int zopa_month = -1;

  void start(Run& run, std::uint64_t seed, RunResult& out);
  void run_single_text(Run& run);
  void finish(Run& run, RunResult& out);
  /// The reference month of the cost of delay for these numbers, when the ledger needs one.
  void update_zopa_month(const Scenario& numbers) {
    if (numbers.dynamics.units.empty() || numbers.dynamics.delay_from >= 0) return;
    state.reservations.projected_kappa(design, numbers.dynamics, numbers.process.horizon,
                                       scratch.kappa_path);
    zopa_month = zopa.compute(design, numbers.dynamics, state.reservations.r0, scratch.kappa_path,
                              numbers.process.horizon);
  }
  Without without;
  bool without_changed = false;
  double budget = 0;
};

Engine::Engine(const Scenario& scenario, std::size_t design)
    : impl_(std::make_unique<Impl>(scenario, design)) {
  Impl& m = *impl_;
  const Design& d = m.design;
  const ProcessSpec& p = scenario.process;
  for (std::size_t k = 0; k < d.K; ++k) {
    const auto party = static_cast<std::size_t>(d.model.party_index(k));
    const StrategySpec& spec =
        p.strategies.empty() ? StrategySpec{"linear", {}} : p.strategies[party];
    m.strategies.party.push_back(make_party_strategy(spec));
  }
  m.strategies.mediator = make_mediator_strategy(p.mediator_strategy);
  if (const StrategyInfo* info = find_mediator_strategy(p.mediator_strategy.type))
    m.strategies.mediator_full = info->full_information;
  m.strategies.info.resize(d.K);
  // Buffers sized once: a run then allocates only when the event log grows.
  RunState& st = m.state;
  st.status.resize(d.issues());
  st.allowed.resize(d.issues());
  m.scratch.principle_blocks = d.blocks;
  for (const analysis::Block& b : d.blocks) m.scratch.principle_base.emplace_back(b.combos, 0);
  st.groups.resize(d.groups.size());
  st.channel_failures.resize(d.spec.leader_channels.size());
  st.leverage.fired.resize(scenario.dynamics.leverage.size());
  st.deadlocked.resize(p.groups.size());
  st.leaks.hardening.reserve(64);
  st.ledger.war.reserve(static_cast<std::size_t>(p.horizon));
  m.scratch.accepted.resize(d.K);
  m.scratch.red_before.resize(d.K);
  m.scratch.table.reserve(d.K);
  m.scratch.open.reserve(d.issues());
  m.scratch.participants.reserve(d.P);
  st.reservations.start(d, scenario, m.without);
  m.update_zopa_month(scenario);
}

Engine::~Engine() = default;

void Engine::set_enabled(std::span<const unsigned char> enabled) {
  impl_->state.leverage.enabled.assign(enabled.begin(), enabled.end());
}

void Engine::set_effort_budget(double proposals_per_month) {
  impl_->budget = proposals_per_month;
}

void Engine::set_without(Without without) {
  Impl& m = *impl_;
  if (m.without == without) return;
  m.without = without;
  m.without_changed = true;  // the projected trajectory (costs, learning) is redone at the next run
}

const UtilityModel& Engine::model() const {
  return impl_->design.model;
}

const GroupSpec& Engine::group(int g) const {
  return *impl_->design.groups[static_cast<std::size_t>(g)].spec;
}

int Engine::zopa_month() const {
  return impl_->zopa_month;
}

double Engine::trust(int from, int to) const {
  return impl_->state.trust(from, to);
}

void Engine::Impl::start(Run& run, std::uint64_t seed, RunResult& out) {
  RunState& st = state;
  const Design& d = design;
  st.out = &out;
  out.events.clear();
  out.counts.fill(0);
  out.rounds = 0;
  out.leader_meetings = 0;
  out.framework_month = out.final_month = -1;
  out.outcome = Outcome::no_agreement;
  out.collapses = 0;
  out.first_ceasefire_month = -1;
  const std::size_t PU = d.P * run.numbers.dynamics.units.size();
  out.costs_before_ceasefire.assign(PU, 0.0);
  out.costs_after_ceasefire.assign(PU, 0.0);
  out.monthly_costs.clear();
  out.reservation_path.clear();
  st.rng.seed(seed ^ 0x9e3779b97f4a7c15ULL);
  st.rng_dyn.seed(seed ^ 0xd1b54a32d192ed03ULL);  // a separate stream for leaks and hazards
  st.month = 0;
  st.stage = Stage::elements;
  st.ledger.war.clear();
  std::fill(st.leverage.fired.begin(), st.leverage.fired.end(), -1);
  st.leaks.hardening.clear();
  st.walkouts.reset(d.P);
  std::fill(st.deadlocked.begin(), st.deadlocked.end(), 0);
  st.ceasefire = {};
  st.options.reset(d);
  st.text.assign(d, st.options.valuation, d.defaults);
  st.shock();
  st.yielded.assign(d.K, 0);
  st.exposed.assign(d.P, 0);
  st.progress = 0;
  st.effort.assign(st.groups.size() + d.spec.leader_channels.size(), 0.0);
  scratch.views.prepare(st.options.valuation, d.option_counts, d.space, run.numbers.process.horizon,
                        st.text.x, st.text.y);
  ++st.text.version;
  std::fill(st.status.begin(), st.status.end(), Status::open);
  std::fill(st.allowed.begin(), st.allowed.end(), kAnyOption);
  st.principles_checked = -1;
  st.any_principle = false;
  scratch.principle_signature = 0;  // the base flags are rebuilt at the first check
  st.trust.reset(d.P, run.numbers.process);
  strategies.mediator->reset(d.K, d.option_counts);
  for (auto& ps : strategies.party) ps->reset();
  for (std::size_t k = 0; k < d.K; ++k) {
    FullInformation& info = strategies.info[k];
    info.model = &d.model;
    info.valuation = st.options.valuation;
    info.reservation = st.reservations.r0;
    info.discount = st.reservations.discount;
    info.self = k;
  }
}

void Engine::Impl::run_single_text(Run& run) {
  RunState& st = state;
  const int horizon = run.numbers.process.horizon;
  start_stages(run);
  for (std::size_t g = 0; g < st.groups.size(); ++g) {
    st.groups[g].start_sides = sides(design.groups[g], st.groups[g].seating, st.trust);
    st.groups[g].shuttle = st.groups[g].start_sides > 1;
  }
  std::fill(st.channel_failures.begin(), st.channel_failures.end(), 0);
  for (std::size_t k = 0; k < design.K; ++k) strategies.party[k]->inform(strategies.info[k]);
  for (st.month = 0; st.month < horizon; ++st.month) {
    start_month(run);
    share_effort(run);
    for (std::size_t g = 0; g < st.groups.size(); ++g) {
      merge_if_refusals_lapsed(run, static_cast<int>(g));
      if (!st.groups[g].consensus) check_consensus(run, static_cast<int>(g));
    }
    if (check_stages(run)) break;
    bool signed_final = false;
    for (std::size_t g = 0; g < st.groups.size() && !signed_final; ++g)
      signed_final = meet_working_group(run, static_cast<int>(g));
    if (signed_final) break;
    meet_leader_channels(run);
    for (std::size_t g = 0; g < st.groups.size(); ++g)
      if (!st.groups[g].consensus) check_consensus(run, static_cast<int>(g));
    if (check_stages(run)) break;
  }
  if (st.month >= horizon) st.month = horizon - 1;
  RunResult& out = *st.out;
  out.outcome = out.final_month >= 0    ? Outcome::final_agreement
                : st.ceasefire.in_force ? Outcome::framework_only
                : out.collapses > 0     ? Outcome::ceasefire_collapsed
                : st.walkouts.away > 0  ? Outcome::walkout
                                        : Outcome::no_agreement;
}

void Engine::Impl::finish(Run& run, RunResult& out) {
  out.package.assign(state.text.x.begin(), state.text.x.end());
  out.utility.assign(state.text.u.begin(), state.text.u.end());
  out.reservation.assign(state.reservations.r.begin(), state.reservations.r.end());
  out.normalisation = -1;
  for (std::size_t g = 0; g < design.groups.size(); ++g) {
    const GroupSetup& setup = design.groups[g];
    if (!setup.spec->normalisation) continue;
    if (out.normalisation < 0) out.normalisation = 1;
    for (int i : setup.spec->issues)
      if (design.issue_group[static_cast<std::size_t>(i)] == static_cast<int>(g) &&
          state.status[static_cast<std::size_t>(i)] == Status::open)
        out.normalisation = 0;
  }
  const int delay_from =
      run.numbers.dynamics.delay_from >= 0 ? run.numbers.dynamics.delay_from : zopa_month;
  close_books(run, delay_from);
}

void Engine::run(std::uint64_t seed, RunResult& out, const RunInputs& inputs) {
  Impl& m = *impl_;
  const Scenario& numbers = inputs.numbers ? *inputs.numbers : m.scenario;
  Run run{m.design, numbers, m.strategies, m.state, m.scratch, m.without, m.budget};
  m.state.reservations.start(m.design, numbers, m.without);
  if (inputs.trajectory_changed || m.without_changed) m.update_zopa_month(numbers);
  m.without_changed = false;
  m.start(run, seed, out);
  if (numbers.process.protocol == Protocol::alternating_offers)
    run_alternating_offers(run);
  else
    m.run_single_text(run);
  m.finish(run, out);
}

}  // namespace parley::engine
