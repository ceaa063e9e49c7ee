#pragma once
// The mechanisms of the model that can be switched off (docs/model.md, "Switching a mechanism
// off"): `parley run|sweep|compare --without M` runs the same scenario with mechanism M
// removed, and `compare --ablations` measures each one's paired effect. Each switch names the
// causal path it cuts; with every switch on, a run is the model as documented.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

enum class Mechanism : std::uint8_t {
  costs,                // the war's costs in natural units move κ (cost sensitivity)
  learning,             // beliefs about the war's course converge on what it delivers
  leverage,             // leverage instruments fire
  leaks,                // meetings leak (audience costs, trust)
  merge,                // a shuttle group becomes direct once its refusals lapse
  leader_channel,       // the design's leader channels meet
  principles,           // a leader-channel trade locks its issues
  conditionality,       // a group waits for the groups it is conditional_on
  forward_text,         // the text never returns to a package it has held since the last shock
  positions,            // a stated position (a red line marked firm: false) may yield
  shuttle_information,  // what a party shows depends on the format (candour in shuttle, trades
                        // direct)
  stages,               // detail issues need drafting meetings after the framework
  count
};

inline constexpr std::size_t kMechanisms = static_cast<std::size_t>(Mechanism::count);

/// The name used on the command line and in reports ("leader_channel").
const char* to_string(Mechanism m);
/// One line: what switching it off removes.
const char* describe(Mechanism m);
std::optional<Mechanism> parse_mechanism(std::string_view name);

/// A set of mechanisms switched off.
class Without {
 public:
  Without() = default;
  [[nodiscard]] bool has(Mechanism m) const { return (bits_ >> static_cast<unsigned>(m)) & 1u; }
  [[nodiscard]] bool on(Mechanism m) const { return !has(m); }  // the mechanism works
  void add(Mechanism m) { bits_ |= 1u << static_cast<unsigned>(m); }
  Without& operator|=(Without other) {
    bits_ |= other.bits_;
    return *this;
  }
  [[nodiscard]] bool empty() const { return bits_ == 0; }
  [[nodiscard]] std::uint32_t bits() const { return bits_; }
  /// "costs+leaks" ("" when empty).
  [[nodiscard]] std::string name() const;
  friend bool operator==(Without a, Without b) { return a.bits_ == b.bits_; }

 private:
  std::uint32_t bits_ = 0;
};

/// "costs,leaks" or "costs+leaks" -> the set; throws ValidationError naming the unknown
/// mechanism and listing the known ones.
Without parse_without(const std::string& list);

}  // namespace parley
