#include "load/package.hpp"

#include "core/errors.hpp"

namespace parley::load {

std::vector<int> parse_package(const Scenario& s, const std::string& text) {
  for (const auto& named : s.packages)
    if (named.id == text) return named.options;
  std::vector<int> out = s.default_package();
  std::vector<Diagnostic> errors;
  std::vector<bool> seen(s.issues.size(), false);
  auto fail = [&](std::size_t col, std::string msg, std::string hint) {
    errors.push_back({"--package", 1, static_cast<int>(col + 1), std::move(msg), std::move(hint)});
  };
  std::vector<std::string> issue_ids;
  for (const auto& i : s.issues) issue_ids.push_back(i.id);
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find(',', pos);
    if (end == std::string::npos) end = text.size();
    const std::string part = text.substr(pos, end - pos);
    const std::size_t eq = part.find('=');
    if (part.empty()) {
      if (!text.empty())
        fail(pos, "empty item in package", "write issue=option pairs separated by ','");
    } else if (eq == std::string::npos) {
      std::string named;
      for (const auto& p : s.packages) named += (named.empty() ? "" : ", ") + p.id;
      fail(pos, "'" + part + "' is not issue=option",
           named.empty() ? "write e.g. " + issue_ids[0] + "=" + s.issues[0].options[0].id
                         : "write issue=option pairs, or a named package: " + named);
    } else {
      const std::string issue = part.substr(0, eq), option = part.substr(eq + 1);
      int i = s.issue_index(issue);
      if (i < 0) {
        std::string guess = closest_match(issue, issue_ids);
        fail(pos, "unknown issue '" + issue + "'",
             guess.empty() ? "see 'parley info' for the issues" : "did you mean '" + guess + "'?");
      } else {
        const Issue& is = s.issues[static_cast<std::size_t>(i)];
        int o = Scenario::option_index(is, option);
        if (seen[static_cast<std::size_t>(i)])
          fail(pos, "issue '" + issue + "' given twice", "name each issue once");
        seen[static_cast<std::size_t>(i)] = true;
        if (o < 0) {
          std::vector<std::string> ids;
          for (const auto& op : is.options) ids.push_back(op.id);
          std::string guess = closest_match(option, ids);
          std::string list;
          for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
          fail(pos + eq + 1, "issue '" + issue + "' has no option '" + option + "'",
               guess.empty() ? "options: " + list : "did you mean '" + guess + "'?");
        } else {
          out[static_cast<std::size_t>(i)] = o;
        }
      }
    }
    pos = end + 1;
  }
  if (!errors.empty()) throw ValidationError(std::move(errors));
  return out;
}

}  // namespace parley::load
