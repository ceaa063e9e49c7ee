#pragma once
// What a sweep keeps of one run (docs/model.md, "The outcome's utility"): the outcome, its
// months, the utilities of the outcome (the text in force, else r(T)), victory claims, the
// text, the costs, the counters and the parameters drawn.
#include <cstdint>
#include <vector>

#include "engine/events.hpp"

namespace parley::sim {

struct RunSummary {
  std::uint64_t index = 0;
  int design = 0, policy = 0;
  engine::Outcome outcome = engine::Outcome::no_agreement;
  int framework_month = -1, final_month = -1, ceasefire_month = -1, months = 0, collapses = 0;
  int normalisation = -1;  // -1: no normalisation track; 0: some issue open; 1: all agreed
  int leaks = 0, escalations = 0, walkouts = 0, leverage = 0;
  // Effort: meetings of every table (a shuttle round costs one per side), proposals put to a
  // vote, meetings of the leader channels.
  int meetings = 0, proposals = 0, leader_meetings = 0;
  std::vector<double> utility;         // per stakeholder
  std::vector<unsigned char> victory;  // per stakeholder: can claim victory with the text in force
  std::vector<int> package;            // the text at the end
  std::vector<double> costs;           // [party * units + unit], whole run
  std::vector<double> params;          // sampled values, in scenario.uncertain order
};

/// The summary of `r` given the victory thresholds (its storage reused).
void summarise(const engine::RunResult& r, const std::vector<double>& victory, RunSummary& out);

}  // namespace parley::sim
