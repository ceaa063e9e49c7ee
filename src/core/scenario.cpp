#include "core/scenario.hpp"

namespace parley {

const char* to_string(Role role) {
  switch (role) {
    case Role::party:
      return "party";
    case Role::mediator:
      return "mediator";
    case Role::observer:
      return "observer";
  }
  return "party";
}

Space Scenario::space() const {
  std::vector<std::uint32_t> radix;
  radix.reserve(issues.size());
  for (const auto& issue : issues)
    radix.push_back(static_cast<std::uint32_t>(issue.options.size()));
  return Space(std::move(radix));
}

int Scenario::party_index(const std::string& id) const {
  for (std::size_t i = 0; i < parties.size(); ++i)
    if (parties[i].id == id) return static_cast<int>(i);
  return -1;
}

int Scenario::issue_index(const std::string& id) const {
  for (std::size_t i = 0; i < issues.size(); ++i)
    if (issues[i].id == id) return static_cast<int>(i);
  return -1;
}

int Scenario::option_index(const Issue& issue, const std::string& id) {
  for (std::size_t i = 0; i < issue.options.size(); ++i)
    if (issue.options[i].id == id) return static_cast<int>(i);
  return -1;
}

std::vector<int> Scenario::stakeholders() const {
  std::vector<int> out;
  for (std::size_t p = 0; p < parties.size(); ++p)
    if (preferences[p]) out.push_back(static_cast<int>(p));
  return out;
}

std::vector<int> Scenario::package_at(Index index) const {
  std::vector<int> x(issues.size());
  space().decode(index, x);
  return x;
}

std::vector<int> Scenario::default_package() const {
  std::vector<int> out;
  out.reserve(issues.size());
  for (const auto& issue : issues) out.push_back(issue.default_option);
  return out;
}

}  // namespace parley

namespace parley {

const char* to_string(Level level) {
  switch (level) {
    case Level::official:
      return "official";
    case Level::aide:
      return "aide";
    case Level::leader:
      return "leader";
  }
  return "?";
}

const char* to_string(Protocol protocol) {
  return protocol == Protocol::single_text ? "single_text" : "alternating_offers";
}

}  // namespace parley
