#include "report/package_text.hpp"

namespace parley::report {

std::string format_package(const Scenario& s, const std::vector<int>& options) {
  std::string out;
  for (std::size_t i = 0; i < s.issues.size(); ++i) {
    if (i) out += ',';
    out += s.issues[i].id + "=" + s.issues[i].options[static_cast<std::size_t>(options[i])].id;
  }
  return out;
}

std::string format_changes(const Scenario& s, const std::vector<int>& from,
                           const std::vector<int>& to) {
  std::string out;
  for (std::size_t i = 0; i < s.issues.size(); ++i)
    if (from[i] != to[i])
      out += (out.empty() ? "" : ", ") + s.issues[i].id + "=" +
             s.issues[i].options[static_cast<std::size_t>(to[i])].id;
  return out;
}

}  // namespace parley::report
