// docs/architecture.md names where every concept of docs/model.md lives: each heading of
// model.md (but its references) and each paragraph that opens with a bold title has a row in
// architecture.md's concept table, and every file that table names exists.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> lines_of(const std::string& doc) {
  std::ifstream in(std::string(PARLEY_SOURCE_DIR) + "/docs/" + doc);
  EXPECT_TRUE(in) << doc;
  std::vector<std::string> out;
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

/// "Alternating offers (the bilateral baseline)" -> "Alternating offers".
std::string without_parenthesis(std::string s) {
  if (const auto p = s.find(" ("); p != std::string::npos) s.erase(p);
  return s;
}

/// The concepts of model.md: its headings and its bold paragraph titles.
std::set<std::string> model_concepts() {
  const std::vector<std::string> lines = lines_of("model.md");
  const std::regex heading(R"(^#{2,3} (.+)$)"), title(R"(^\*\*([^*]+?)\.?\*\*)");
  std::set<std::string> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    if (std::regex_match(lines[i], m, heading) && m[1] != "References")
      out.insert(without_parenthesis(m[1]));
    else if (std::regex_search(lines[i], m, title) && (i == 0 || lines[i - 1].empty()))
      out.insert(m[1]);
  }
  return out;
}

/// The first column of architecture.md's concept table, and every `path` its second names.
void concept_table(std::set<std::string>& concepts, std::set<std::string>& files) {
  const std::regex row(R"(^\| ([^|]+?) \| (.+) \|$)"), file(R"(`([a-z_/]+\.(?:hpp|cpp))`)");
  bool in_table = false;
  for (const std::string& l : lines_of("architecture.md")) {
    if (l.rfind("| concept", 0) == 0) in_table = true;
    if (!in_table) continue;
    std::smatch m;
    if (!std::regex_match(l, m, row)) {
      if (l.empty() && !concepts.empty()) break;
      continue;
    }
    concepts.insert(m[1]);
    const std::string cell = m[2];
    for (std::sregex_iterator it(cell.begin(), cell.end(), file), end; it != end; ++it)
      files.insert((*it)[1]);
  }
}

TEST(Architecture, EveryConceptOfTheModelHasARow) {
  const std::set<std::string> want = model_concepts();
  ASSERT_GE(want.size(), 40u);  // the parse found the model's concepts
  std::set<std::string> have, files;
  concept_table(have, files);
  for (const std::string& c : want) EXPECT_TRUE(have.count(c)) << "no row for '" << c << "'";
}

TEST(Architecture, EveryFileTheTableNamesExists) {
  std::set<std::string> have, files;
  concept_table(have, files);
  ASSERT_GE(files.size(), 40u);
  namespace fs = std::filesystem;
  const fs::path src = fs::path(PARLEY_SOURCE_DIR) / "src";
  for (const std::string& f : files) {
    // A bare file name ("hardliner.cpp") is in the folder of the file named before it.
    if (f.find('/') == std::string::npos) continue;
    EXPECT_TRUE(fs::exists(src / f)) << "src/" << f << " named in docs/architecture.md";
  }
}

}  // namespace
