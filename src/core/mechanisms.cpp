#include "core/mechanisms.hpp"

#include "core/errors.hpp"

namespace parley {
namespace {

struct Entry {
  const char* name;
  const char* meaning;
};

constexpr Entry kEntries[kMechanisms] = {
    {"costs", "the war's costs in natural units no longer move a party's fatigue κ"},
    {"learning", "beliefs about the war's course stay at their priors"},
    {"leverage", "no leverage instrument fires"},
    {"leaks", "no meeting leaks"},
    {"merge", "a shuttle group never becomes direct"},
    {"leader_channel", "the design's leader channels never meet"},
    {"principles", "a leader-channel trade does not lock its issues"},
    {"conditionality", "no group waits for the groups it is conditional_on"},
    {"forward_text", "the text may return to a package it has already held"},
    {"positions", "stated positions never yield: every red line is firm"},
    {"shuttle_information",
     "the format changes nothing a party shows: no exposure of concessions at a direct table, "
     "trades in shuttle too"},
    {"stages", "the details need no drafting: the final text may be signed with the framework"},
};

}  // namespace

const char* to_string(Mechanism m) {
  return kEntries[static_cast<std::size_t>(m)].name;
}
const char* describe(Mechanism m) {
  return kEntries[static_cast<std::size_t>(m)].meaning;
}

std::optional<Mechanism> parse_mechanism(std::string_view name) {
  for (std::size_t i = 0; i < kMechanisms; ++i)
    if (name == kEntries[i].name) return static_cast<Mechanism>(i);
  return std::nullopt;
}

std::string Without::name() const {
  std::string out;
  for (std::size_t i = 0; i < kMechanisms; ++i) {
    if (!has(static_cast<Mechanism>(i))) continue;
    if (!out.empty()) out.push_back('+');
    out.append(kEntries[i].name);
  }
  return out;
}

Without parse_without(const std::string& list) {
  Without w;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find_first_of(",+", start);
    if (end == std::string::npos) end = list.size();
    const std::string name = list.substr(start, end - start);
    const auto m = parse_mechanism(name);
    if (!m) {
      std::vector<std::string> names;
      std::string all;
      for (const Entry& e : kEntries) {
        names.emplace_back(e.name);
        all += (all.empty() ? "" : ", ") + std::string(e.name);
      }
      const std::string near = closest_match(name, names);
      throw ValidationError({Diagnostic{"--without", 1, static_cast<int>(start) + 1,
                                        "unknown mechanism '" + name + "'" +
                                            (near.empty() ? "" : " (did you mean '" + near + "'?)"),
                                        "mechanisms that can be switched off: " + all}});
    }
    w.add(*m);
    start = end + 1;
  }
  return w;
}

}  // namespace parley
