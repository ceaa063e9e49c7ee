#pragma once
// The strategy registry (docs/strategies.md): every party and mediator strategy by name, with
// its parameters declared once — name, default, range and meaning. The scenario loader
// validates against the declarations, factories read their parameters through them, and the
// tables of docs/strategies.md are generated from them (`parley strategies --markdown`; a
// test checks the docs agree). Strategies register explicitly (strategies/builtin.hpp), not
// through static initialisers.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/process.hpp"

namespace parley::engine {

class PartyStrategy;
class MediatorStrategy;

/// One numeric parameter of a strategy.
struct ParamInfo {
  ParamInfo(std::string name_, double fallback_, double lo_, double hi_, std::string meaning_,
            bool whole_ = false, std::string fallback_note_ = {})
      : name(std::move(name_)),
        fallback(fallback_),
        lo(lo_),
        hi(hi_),
        meaning(std::move(meaning_)),
        whole(whole_),
        fallback_note(std::move(fallback_note_)) {}
  std::string name;
  double fallback = 0;        // the default
  double lo = 0, hi = 1;      // allowed values, inclusive
  std::string meaning;        // one line
  bool whole = false;         // a whole number
  std::string fallback_note;  // how the default reads when it is not a number ("the horizon")
};

struct StrategyInfo {
  std::string name;
  std::string description;
  std::vector<ParamInfo> params;
  bool full_information = false;
  [[nodiscard]] const ParamInfo* param(std::string_view key) const {
    for (const auto& p : params)
      if (p.name == key) return &p;
    return nullptr;
  }
};

/// A strategy's parameters: those the scenario gives, the declared defaults for the others.
class StrategyParams {
 public:
  StrategyParams(const StrategyInfo& info, const StrategySpec& spec) : info_(&info), spec_(&spec) {}
  /// Throws parley::Error for a parameter the strategy does not declare.
  [[nodiscard]] double operator[](std::string_view name) const;

 private:
  const StrategyInfo* info_;
  const StrategySpec* spec_;
};

using PartyFactory = std::function<std::unique_ptr<PartyStrategy>(const StrategyParams&)>;
using MediatorFactory = std::function<std::unique_ptr<MediatorStrategy>(const StrategyParams&)>;

struct PartyEntry {
  StrategyInfo info;
  PartyFactory make;
};
struct MediatorEntry {
  StrategyInfo info;
  MediatorFactory make;
};

/// Adds a strategy (or replaces one of the same name). Register before loading a scenario.
void register_party_strategy(StrategyInfo info, PartyFactory make);
void register_mediator_strategy(StrategyInfo info, MediatorFactory make);
[[nodiscard]] const std::vector<StrategyInfo>& party_strategies();
[[nodiscard]] const std::vector<StrategyInfo>& mediator_strategies();
[[nodiscard]] const StrategyInfo* find_party_strategy(const std::string& name);
[[nodiscard]] const StrategyInfo* find_mediator_strategy(const std::string& name);
/// Throw parley::Error for an unknown name.
std::unique_ptr<PartyStrategy> make_party_strategy(const StrategySpec& spec);
std::unique_ptr<MediatorStrategy> make_mediator_strategy(const StrategySpec& spec);

/// Why a parameter value is refused ("" if it is fine): "'name' has no parameter 'key'", or
/// "it must be a (whole) number from lo to hi (meaning)".
[[nodiscard]] std::string check_param(const StrategyInfo& info, const std::string& key,
                                      double value);

/// The Markdown table of parley's own strategies of one kind (`party`: party strategies), as
/// docs/strategies.md and docs/scenario-format.md show it.
[[nodiscard]] std::string strategies_markdown(bool party);

}  // namespace parley::engine
