#pragma once
// A small scenario whose answers are known, for the tests of the dynamics and the mechanisms.
#include <string>

namespace parley::testing {

/// Two parties splitting 1 (share s0..s4, a gets i/4) with a mediator m; `reservation`
/// for both; a detail issue `d` (both indifferent) negotiated by group `details`.
inline std::string scenario(double reservation, const std::string& process,
                            const std::string& dynamics) {
  return "parley: 1\nname: dyn\nparties: [{id: a}, {id: b}, {id: m, role: mediator}]\n"
         "issues:\n"
         "  - {id: share, topic: main, options: [s0, s1, s2, s3, s4], default: s0}\n"
         "  - {id: d, topic: detail, detail: true, options: [d0, d1]}\n"
         "preferences:\n"
         "  a: {reservation: " +
         std::to_string(reservation) +
         ", weights: {share: 1, d: 0}, values: {share: [0, 0.25, 0.5, 0.75, 1], d: [0, 0]}}\n"
         "  b: {reservation: " +
         std::to_string(reservation) +
         ", weights: {share: 1, d: 0}, values: {share: [1, 0.75, 0.5, 0.25, 0], d: [0, 0]}}\n"
         "process:\n"
         "  horizon: 24\n"
         "  mediator_strategy: nash_seeking\n"
         "  strategies: {a: conceder, b: conceder}\n"
         "  groups:\n"
         "    - {id: main, topics: [main], members: [a, b, m]}\n"
         "    - {id: details, topics: [detail], members: [a, b, m]}\n" +
         process + dynamics;
}

}  // namespace parley::testing
