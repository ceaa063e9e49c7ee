#pragma once
// Random changes of a text's open issues: the proposals of the local-search mediators and the
// oracle's samples. All randomness comes from the view's generator.
#include "strategies/strategy.hpp"

namespace parley::engine {

/// A change of `issue` to a random other option.
void mutate(const MediatorView& v, int issue, Change& out);

/// `k` distinct random open issues (spanning two groups when cross_topic; a leader channel
/// trades 2-4 issues).
void random_change(const MediatorView& v, int k, Change& out);

}  // namespace parley::engine
