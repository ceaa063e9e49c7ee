#include "engine/principles.hpp"

#include <bit>
#include <optional>

#include "analysis/zopa.hpp"
#include "engine/run.hpp"

namespace parley::engine {
namespace {

/// Nodes the bounded ZOPA search may visit before the answer counts as unknown.
constexpr std::uint64_t kNodeBudget = 20'000;
/// `skip` for "every principle left out".
constexpr int kEvery = -2;

/// Block b's flags: a combination is out if it crosses a firm red line, moves an agreed issue,
/// leaves a principle (issue `skip`'s own, or with kEvery all of them, left out) or gives issue
/// `fix` (if ≥ 0) another option than `option`.
void block_flags(const Run& run, std::size_t b, int skip, int fix, int option,
                 std::vector<unsigned char>& out) {
  const Design& d = run.design;
  const RunState& st = run.state;
  const analysis::Block& blk = d.blocks[b];
  const std::vector<unsigned char>& firm = d.firm_crossing[b];
  bool constrained = false;
  for (int i : blk.issues) {
    const auto ii = static_cast<std::size_t>(i);
    constrained = constrained || i == fix || st.status[ii] == Status::agreed ||
                  (i != skip && skip != kEvery && st.allowed[ii] != kAnyOption);
  }
  if (!constrained) {  // only the firm red lines
    std::copy(firm.begin(), firm.end(), out.begin());
    return;
  }
  const std::size_t n = blk.issues.size();
  const int* opt = d.block_options[b].data();
  for (std::size_t c = 0; c < blk.combos; ++c, opt += n) {
    unsigned char x = firm[c];
    for (std::size_t j = 0; j < n && !x; ++j) {
      const int i = blk.issues[j];
      const auto ii = static_cast<std::size_t>(i);
      const int o = opt[j];
      if (i == fix)
        x = o != option;
      else if (st.status[ii] == Status::agreed)
        x = o != st.text.x[ii];
      else if (i != skip && skip != kEvery)
        x = !allows(st.allowed[ii], o);
    }
    out[c] = x;
  }
}

/// What the flags depend on besides the firm red lines: the principles and the agreed issues.
std::uint64_t signature(const RunState& st) {
  std::uint64_t h = 1469598103934665603u;  // FNV-1a over (allowed, status, agreed option)
  for (std::size_t i = 0; i < st.allowed.size(); ++i) {
    const std::uint64_t agreed = st.status[i] == Status::agreed;
    for (std::uint64_t v : {st.allowed[i], static_cast<std::uint64_t>(st.status[i]),
                            agreed ? static_cast<std::uint64_t>(st.text.x[i]) : ~std::uint64_t{0}})
      h = (h ^ v) * 1099511628211u;
  }
  return h;
}

/// Is a deal possible: a package crossing no firm red line, giving every stakeholder at least
/// r_k(t), within the principles (issue `skip`'s own left out, or with kEvery all of them),
/// with the agreed issues as they stand and issue `fix` (if ≥ 0) at `option`? Empty if too
/// large to decide. The option values are the scenario's, without this month's drift or
/// leverage shifts. The flags of the principles in force are kept while they hold; a check
/// rewrites only the block of the issue it is about.
std::optional<bool> deal_possible(Run& run, int skip, int fix, int option) {
  const Design& d = run.design;
  Scratch& sc = run.scratch;
  std::vector<analysis::Block>& blocks = sc.principle_blocks;
  const std::uint64_t sig = signature(run.state);
  if (sig != sc.principle_signature) {
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      block_flags(run, b, -1, -1, 0, sc.principle_base[b]);
      std::copy(sc.principle_base[b].begin(), sc.principle_base[b].end(),
                blocks[b].crosses_red_line.begin());
    }
    sc.principle_signature = sig;
    sc.principle_dirty = -1;
  } else if (sc.principle_dirty >= 0) {
    const auto b = static_cast<std::size_t>(sc.principle_dirty);
    std::copy(sc.principle_base[b].begin(), sc.principle_base[b].end(),
              blocks[b].crosses_red_line.begin());
    sc.principle_dirty = -1;
  }
  if (skip == kEvery) {
    for (std::size_t b = 0; b < blocks.size(); ++b)
      block_flags(run, b, kEvery, -1, 0, blocks[b].crosses_red_line);
    sc.principle_signature = 0;  // every block differs from the base: rebuild next time
  } else if (const int q = fix >= 0 ? fix : skip; q >= 0) {
    const auto b = static_cast<std::size_t>(d.issue_block[static_cast<std::size_t>(q)]);
    block_flags(run, b, skip, fix, option, blocks[b].crosses_red_line);
    sc.principle_dirty = static_cast<int>(b);
  }
  return analysis::zopa_exists(blocks, run.state.reservations.r, kNodeBudget);
}

/// The options of issue q with which a deal stays possible, its own principle left out (an
/// option whose answer is unknown counts as possible).
std::uint64_t projection(Run& run, int q) {
  std::uint64_t mask = 0;
  if (!deal_possible(run, q, -1, 0).value_or(true)) return mask;  // no deal with any option
  for (int o = 0; o < run.design.option_counts[static_cast<std::size_t>(q)]; ++o)
    if (deal_possible(run, q, q, o).value_or(true)) mask |= std::uint64_t{1} << o;
  return mask;
}

void restrict(Run& run, int issue, std::uint64_t mask) {
  RunState& st = run.state;
  const auto i = static_cast<std::size_t>(issue);
  st.allowed[i] = mask;
  st.any_principle = true;
  // The text at the one option left: the issue cannot move (locked). Else the groups move it
  // within the options allowed (into them, if the text stands outside).
  if (st.status[i] != Status::agreed)
    st.status[i] =
        std::popcount(mask) == 1 && allows(mask, st.text.x[i]) ? Status::locked : Status::open;
}

Event& log_principle(Run& run, EventType type, int issue, int partner) {
  RunState& st = run.state;
  Event& e =
      st.log(type, run.design.issue_group[static_cast<std::size_t>(issue)], Level::leader, partner);
  e.issue = issue;
  e.option = st.text.x[static_cast<std::size_t>(issue)];
  e.package = st.allowed[static_cast<std::size_t>(issue)];  // the options allowed
  return e;
}

}  // namespace

void set_principles(Run& run, int partner) {
  const Change& change = run.scratch.change;
  // The leaders hold to what they traded, if a deal stays possible with it.
  for (int q = 0; q < change.size; ++q)
    if (run.design.option_counts[static_cast<std::size_t>(change.issue[q])] <= 64)  // a bit each
      restrict(run, change.issue[q], std::uint64_t{1} << change.option[q]);
  // Else each traded issue is restricted to the options with which one does (its projection,
  // given the other principles); the traded option alone if none does (no deal possible yet).
  if (!deal_possible(run, -1, -1, 0).value_or(true))
    for (int q = 0; q < change.size; ++q) {
      const int issue = change.issue[q];
      if (run.design.option_counts[static_cast<std::size_t>(issue)] > 64) continue;
      if (const std::uint64_t mask = projection(run, issue); mask != 0) restrict(run, issue, mask);
    }
  for (int q = 0; q < change.size; ++q)
    if (run.design.option_counts[static_cast<std::size_t>(change.issue[q])] <= 64)
      log_principle(run, EventType::principle_fixed, change.issue[q], partner);
}

void revise_principles(Run& run, int partner) {
  RunState& st = run.state;
  // Once a month: the reservations move monthly. No principle is to blame when no deal is
  // possible without any of them either.
  if (!st.any_principle || st.principles_checked == st.month) return;
  st.principles_checked = st.month;
  if (deal_possible(run, -1, -1, 0).value_or(true)) return;
  if (!deal_possible(run, kEvery, -1, 0).value_or(false)) return;
  for (std::size_t i = 0; i < st.allowed.size(); ++i) {
    if (st.allowed[i] == kAnyOption || st.status[i] == Status::agreed) continue;
    const int issue = static_cast<int>(i);
    if (!deal_possible(run, issue, -1, 0).value_or(false)) continue;
    restrict(run, issue, projection(run, issue));
    log_principle(run, EventType::principle_revised, issue, partner);
    st.shock();  // the text may go back to packages the principle had ruled out
    return;
  }
}

bool within_principles(const Run& run, int g) {
  const RunState& st = run.state;
  if (!st.any_principle) return true;
  for (std::size_t i = 0; i < st.allowed.size(); ++i)
    if ((g < 0 || run.design.issue_group[i] == g) && !allows(st.allowed[i], st.text.x[i]))
      return false;
  return true;
}

}  // namespace parley::engine
