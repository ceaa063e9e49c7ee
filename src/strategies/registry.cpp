// The strategy registry: the built-ins (builtin.hpp) first, in a fixed order, then any a
// program registers; parameter checks and the documentation tables from the declarations.
#include "strategies/registry.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/errors.hpp"
#include "strategies/builtin.hpp"
#include "strategies/strategy.hpp"

namespace parley::engine {
namespace {

std::string number(double v) {
  return fmt::format("{:g}", v);
}

/// Strategies of one kind by name: declarations and factories in registration order.
template <class Factory>
struct Table {
  std::vector<StrategyInfo> info;
  std::vector<Factory> make;
  std::size_t builtin = 0;  // the first `builtin` entries are parley's own

  [[nodiscard]] int find(const std::string& name) const {
    for (std::size_t i = 0; i < info.size(); ++i)
      if (info[i].name == name) return static_cast<int>(i);
    return -1;
  }
  /// Adds a strategy, or replaces one of the same name.
  void add(StrategyInfo i, Factory f) {
    if (const int at = find(i.name); at >= 0) {
      info[static_cast<std::size_t>(at)] = std::move(i);
      make[static_cast<std::size_t>(at)] = std::move(f);
      return;
    }
    info.push_back(std::move(i));
    make.push_back(std::move(f));
  }
  template <class Entry>
  void add_all(std::vector<Entry> entries) {
    for (auto& e : entries) add(std::move(e.info), std::move(e.make));
  }
  [[nodiscard]] const StrategyInfo* lookup(const std::string& name) const {
    const int i = find(name);
    return i < 0 ? nullptr : &info[static_cast<std::size_t>(i)];
  }
  auto create(const StrategySpec& spec, const char* kind) const {
    const int i = find(spec.type);
    if (i < 0) throw Error(std::string("unknown ") + kind + " strategy '" + spec.type + "'");
    const StrategyInfo& declared = info[static_cast<std::size_t>(i)];
    for (const auto& [key, value] : spec.params)
      if (const std::string why = check_param(declared, key, value); !why.empty())
        throw Error(fmt::format("{} strategy '{}': '{}' is {}; {}", kind, spec.type, key,
                                number(value), why));
    return make[static_cast<std::size_t>(i)](StrategyParams(declared, spec));
  }
};

struct Registry {
  Table<PartyFactory> party;
  Table<MediatorFactory> mediator;
};

Registry& registry() {
  static Registry r = [] {
    Registry g;
    g.party.add_all(time_dependent_strategies());
    g.party.add_all(hardliner_strategies());
    g.party.add_all(subgame_perfect_strategies());
    g.mediator.add_all(local_search_mediators());
    g.mediator.add_all(nash_seeking_mediators());
    g.mediator.add_all(oracle_mediators());
    g.party.builtin = g.party.info.size();
    g.mediator.builtin = g.mediator.info.size();
    return g;
  }();
  return r;
}

}  // namespace

double StrategyParams::operator[](std::string_view name) const {
  const ParamInfo* p = info_->param(name);
  if (!p)
    throw Error("strategy '" + info_->name + "' has no parameter '" + std::string(name) + "'");
  const auto it = spec_->params.find(std::string(name));
  return it == spec_->params.end() ? p->fallback : it->second;
}

std::string check_param(const StrategyInfo& info, const std::string& key, double value) {
  const ParamInfo* p = info.param(key);
  if (!p) return "'" + info.name + "' has no parameter '" + key + "'";
  const bool whole = !p->whole || std::floor(value) == value;
  if (std::isfinite(value) && whole && value >= p->lo && value <= p->hi) return "";
  return fmt::format("it must be {} from {} to {} ({})", p->whole ? "a whole number" : "a number",
                     number(p->lo), number(p->hi), p->meaning);
}

void register_party_strategy(StrategyInfo info, PartyFactory make) {
  registry().party.add(std::move(info), std::move(make));
}
void register_mediator_strategy(StrategyInfo info, MediatorFactory make) {
  registry().mediator.add(std::move(info), std::move(make));
}

const std::vector<StrategyInfo>& party_strategies() {
  return registry().party.info;
}
const std::vector<StrategyInfo>& mediator_strategies() {
  return registry().mediator.info;
}

const StrategyInfo* find_party_strategy(const std::string& name) {
  return registry().party.lookup(name);
}
const StrategyInfo* find_mediator_strategy(const std::string& name) {
  return registry().mediator.lookup(name);
}

std::unique_ptr<PartyStrategy> make_party_strategy(const StrategySpec& spec) {
  return registry().party.create(spec, "party");
}
std::unique_ptr<MediatorStrategy> make_mediator_strategy(const StrategySpec& spec) {
  return registry().mediator.create(spec, "mediator");
}

std::string strategies_markdown(bool party) {
  std::string out = party ? "| party strategy | parameters | behaviour |\n|---|---|---|\n"
                          : "| mediator strategy | parameters | behaviour |\n|---|---|---|\n";
  const auto& infos = party ? registry().party.info : registry().mediator.info;
  const std::size_t n = party ? registry().party.builtin : registry().mediator.builtin;
  for (std::size_t i = 0; i < n; ++i) {
    const StrategyInfo& s = infos[i];
    std::string params;
    for (const ParamInfo& p : s.params)
      params += fmt::format("{}`{}` = {} ({}{} to {}): {}", params.empty() ? "" : "; ", p.name,
                            p.fallback_note.empty() ? number(p.fallback) : p.fallback_note,
                            p.whole ? "whole, " : "", number(p.lo), number(p.hi), p.meaning);
    out += fmt::format("| `{}`{} | {} | {} |\n", s.name,
                       s.full_information ? " (full information)" : "", params, s.description);
  }
  return out;
}

}  // namespace parley::engine
