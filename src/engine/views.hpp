#pragma once
// The PartyView a party decides from (strategy.hpp): its own utilities, its own reservation
// and best, the time, the text and the proposal — nothing of the others. Only this builder
// can make one (PartyView's constructor is private to it).
#include <cstdint>
#include <span>

#include "strategies/strategy.hpp"

namespace parley::engine {

class ViewBuilder {
 public:
  ViewBuilder();
  /// What stays the same during a run: the valuation, the space, the horizon, and where the
  /// text and the proposal live.
  void prepare(const Valuation& valuation, const std::vector<int>& option_counts,
               const Space& space, int horizon, std::span<const int> text,
               std::span<const int> proposal) {
    view_.valuation_ = valuation;
    view_.option_counts_ = &option_counts;
    view_.space_ = &space;
    view_.horizon_ = horizon;
    view_.current_ = text;
    view_.proposed_ = proposal;
  }
  /// Stakeholder k's view now; `rounds` > 0 only under alternating offers.
  const PartyView& of(std::size_t k, double reservation, double pressure, double best,
                      double discount, int month, int round, int rounds, double u_current,
                      double u_proposed, std::uint64_t red_current, std::uint64_t red_proposed) {
    PartyView& v = view_;
    v.k_ = k;
    v.reservation_ = reservation;
    v.pressure_ = pressure;
    v.best_ = best;
    v.discount_ = discount;
    v.month_ = month;
    v.round_ = round;
    v.rounds_ = rounds;
    v.u_current_ = u_current;
    v.u_proposed_ = u_proposed;
    v.red_current_ = red_current;
    v.red_proposed_ = red_proposed;
    return v;
  }

 private:
  PartyView view_;
};

}  // namespace parley::engine
