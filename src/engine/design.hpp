#pragma once
// The setup of one process design (docs/model.md, "The negotiating process"): which working
// groups meet, who sits at each table and who refuses whom, which group owns each issue, the
// leader channels, and the utility tables. Computed once per design; read-only during runs.
#include <cstdint>
#include <vector>

#include "analysis/blocks.hpp"
#include "core/scenario.hpp"
#include "core/space.hpp"
#include "core/utility.hpp"

namespace parley::engine {

/// A refusal between the seated members at positions `later` > `earlier` of a group.
struct SeatRefusal {
  int later, earlier;
  std::size_t trust;  // index of trust(refusing party, refused party): party * P + other
  double threshold;
};

/// One working group of the design.
struct GroupSetup {
  const GroupSpec* spec = nullptr;
  int process_group = -1;                     // index in scenario.process.groups
  std::vector<int> voters;                    // stakeholder indices of members with preferences
  std::vector<int> seated;                    // members other than the mediator (who shuttles)
  std::vector<int> conditions;                // design indices of the groups it is conditional on
  std::vector<SeatRefusal> refusals;          // between seated members (positions in `seated`)
  bool has_detail = false, has_main = false;  // owns detail / non-detail issues
  int details = 0;  // detail issues it owns (the first group of the design with their topic)
};

struct Design {
  /// `design`: index into scenario.process.designs.
  Design(const Scenario& scenario, std::size_t design);

  const Scenario& scenario;  // structure only: a run's numbers come with the run
  const DesignSpec& spec;
  UtilityModel model;
  Space space;
  std::size_t K = 0;    // stakeholders
  std::size_t P = 0;    // parties
  std::vector<int> sk;  // party -> stakeholder index or -1
  std::vector<int> option_counts;
  std::vector<std::size_t> col;  // issue -> first column of its options (issues + 1 entries)
  std::vector<int> issue_group;  // issue -> owning design group or -1
  std::vector<int> defaults;     // the default package
  std::vector<GroupSetup> groups;
  std::vector<int> all_voters;           // every stakeholder
  std::vector<unsigned char> red_issue;  // K x issues: the issue appears in one of k's red lines
  std::vector<analysis::Block> blocks;   // issues tied by interactions or red lines
  /// Per block, per combination: it crosses a firm red line (stated positions may yield).
  std::vector<std::vector<unsigned char>> firm_crossing;
  /// Per block: the option of each of its issues in each combination, [combo * issues + j].
  std::vector<std::vector<int>> block_options;
  std::vector<int> issue_block;           // issue -> its block
  std::vector<double> best;               // own best utility with static option values
  std::vector<std::vector<int>> openers;  // per process group: leverage instruments opening it
  bool any_openers = false;
  bool moving_options = false;  // drift or leverage option shifts: option values move

  [[nodiscard]] std::size_t issues() const { return option_counts.size(); }
  [[nodiscard]] std::size_t columns() const { return col.back(); }
};

}  // namespace parley::engine
