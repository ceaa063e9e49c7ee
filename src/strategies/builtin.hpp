#pragma once
// The built-in strategies, one family per file, each declaring its parameters (registry.hpp).
// registry.cpp registers these, in this order, before any user strategy.
#include <vector>

#include "strategies/registry.hpp"

namespace parley::engine {

std::vector<PartyEntry> time_dependent_strategies();   // linear, boulware, conceder
std::vector<PartyEntry> hardliner_strategies();        // hardliner
std::vector<PartyEntry> subgame_perfect_strategies();  // spe
std::vector<MediatorEntry> local_search_mediators();   // hill_climb, annealing
std::vector<MediatorEntry> nash_seeking_mediators();   // nash_seeking
std::vector<MediatorEntry> oracle_mediators();         // oracle

}  // namespace parley::engine
