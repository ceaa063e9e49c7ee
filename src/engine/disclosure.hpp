#pragma once
// What the format reveals (docs/model.md, "What the format reveals"). Alone with the mediator
// (shuttle) a party can show flexibility it would not show in front of its adversary: a
// concession costs it its audience cost a_k only in proportion to its distrust of the
// mediator's confidentiality, 1 − trust(k, mediator). At a direct table the concession is
// seen by the other side and costs a_k whole, but the sides can trade across issues, which a
// mediator carrying one point at a time between them cannot. A vote, and so what the mediator
// learns from it, is cast on the utility net of that cost.
#include <cstddef>

namespace parley::engine {

struct Run;

/// Most issues one change may move at group g's table (0: any; 1 in shuttle format).
int max_issues_at(const Run& run, int group);

/// The utility stakeholder k votes on for the proposal at group g: u_proposed, less the
/// exposure of a concession (u_proposed < u_current) made in this format.
double voted_utility(const Run& run, int group, std::size_t k, double u_current, double u_proposed);

}  // namespace parley::engine
