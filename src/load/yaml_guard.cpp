#include "load/yaml_guard.hpp"

#include <yaml-cpp/eventhandler.h>

#include <map>
#include <sstream>

namespace parley::load {
namespace {

struct Stop {};  // ends the parse at the first problem that makes the rest meaningless

/// "!!binary" for yaml-cpp's resolved "tag:yaml.org,2002:binary".
std::string shown_tag(const std::string& tag) {
  const std::string core = "tag:yaml.org,2002:";
  return tag.rfind(core, 0) == 0 ? "!!" + tag.substr(core.size()) : tag;
}

class Guard : public YAML::EventHandler {
 public:
  Guard(const std::string& text, YamlReader& r) : text_(text), r_(r) {}

  /// The mark of the last quoted text that ran over several lines, if any.
  [[nodiscard]] const YAML::Mark& multiline_quote() const { return multiline_; }
  [[nodiscard]] int multiline_end_line() const { return multiline_end_; }
  [[nodiscard]] bool ok() const { return ok_; }

  void OnDocumentStart(const YAML::Mark& m) override {
    if (documents_++ == 0) return;
    r_.error(m, "a second YAML document starts here",
             "a file holds one scenario: remove the '---' or '...' line and what follows it");
    stop();
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t a) override { leaf(a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override { alias(m, a); }
  void OnScalar(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                const std::string&) override {
    check_tag(m, tag);
    if (tag == "!") quoted(m);
    leaf(a);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                       YAML::EmitterStyle::value) override {
    check_tag(m, tag);
    open(m, a);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& m, const std::string& tag, YAML::anchor_t a,
                  YAML::EmitterStyle::value) override {
    check_tag(m, tag);
    open(m, a);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YAML::anchor_t anchor;
    std::size_t nodes;  // expanded size so far, this node included
  };
  const std::string& text_;
  YamlReader& r_;
  bool ok_ = true;
  int documents_ = 0;
  std::vector<Open> open_;
  std::map<YAML::anchor_t, std::size_t> anchored_;  // expanded size of each closed anchor
  std::size_t alias_nodes_ = 0;
  YAML::Mark multiline_ = YAML::Mark::null_mark();
  int multiline_end_ = 0;

  [[noreturn]] void stop() {
    ok_ = false;
    throw Stop{};
  }

  void check_tag(const YAML::Mark& m, const std::string& tag) {
    if (tag.empty() || tag == "?" || tag == "!") return;
    ok_ = false;
    r_.error(m, "the YAML tag '" + shown_tag(tag) + "' is not supported",
             "remove the tag: parley reads each value as the field it fills expects "
             "(text, number, true/false, list or mapping)");
  }

  void add(std::size_t nodes) {
    if (!open_.empty()) open_.back().nodes += nodes;
  }
  void leaf(YAML::anchor_t a) {
    if (a) anchored_[a] = 1;
    add(1);
  }
  void open(const YAML::Mark& m, YAML::anchor_t a) {
    if (open_.size() >= static_cast<std::size_t>(kMaxYamlDepth)) {
      r_.error(m,
               "lists and mappings nested too deeply (limit " + std::to_string(kMaxYamlDepth) +
                   " levels)",
               "a scenario needs fewer than ten levels; is a bracket or an indentation wrong?");
      stop();
    }
    open_.push_back({a, 1});
  }
  void close() {
    const Open done = open_.back();
    open_.pop_back();
    if (done.anchor) anchored_[done.anchor] = done.nodes;
    add(done.nodes);
  }
  void alias(const YAML::Mark& m, YAML::anchor_t a) {
    const auto it = anchored_.find(a);
    if (it == anchored_.end()) {  // yaml-cpp has the anchor, but its node is still open
      r_.error(m, "this alias stands inside the node it names (a structure containing itself)",
               "repeat the values instead of aliasing an enclosing node");
      stop();
    }
    alias_nodes_ += it->second;
    if (alias_nodes_ > kMaxAliasNodes) {
      r_.error(m,
               "the aliases of this file stand for more than " + std::to_string(kMaxAliasNodes) +
                   " values in all",
               "write the values out, or alias smaller parts");
      stop();
    }
    add(it->second);
  }

  /// Line and column (0-based, as YAML::Mark) of text_[pos], counting from a known mark.
  YAML::Mark mark_at(const YAML::Mark& from, std::size_t pos) const {
    YAML::Mark m = from;
    for (auto i = static_cast<std::size_t>(from.pos); i < pos && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++m.line;
        m.column = 0;
      } else {
        ++m.column;
      }
    }
    m.pos = static_cast<int>(pos);
    return m;
  }

  /// A quoted scalar: refuses one never closed; remembers one that runs over lines.
  void quoted(const YAML::Mark& m) {
    std::size_t p = static_cast<std::size_t>(m.pos);
    // The mark may stand on the node's properties (&anchor, !tag) before the quote.
    while (p < text_.size() && (text_[p] == '&' || text_[p] == '!' || text_[p] == ' ' ||
                                text_[p] == '\t' || text_[p] == '\n')) {
      if (text_[p] == '&' || text_[p] == '!')
        while (p < text_.size() && text_[p] != ' ' && text_[p] != '\t' && text_[p] != '\n') ++p;
      else
        ++p;
    }
    if (p >= text_.size() || (text_[p] != '"' && text_[p] != '\'')) return;  // a block scalar
    const char q = text_[p];
    std::size_t end = p + 1;
    for (; end < text_.size(); ++end) {
      if (q == '"' && text_[end] == '\\') {
        ++end;  // an escaped character
      } else if (text_[end] == q) {
        if (q == '\'' && end + 1 < text_.size() && text_[end + 1] == '\'')
          ++end;  // '' is a quote inside single quotes
        else
          break;
      }
    }
    const YAML::Mark open = mark_at(m, p);
    if (end >= text_.size()) {
      r_.error(open, std::string("the quote ") + q + " opened here is never closed",
               std::string("end the text with ") + q + "; it now runs to the end of the file");
      stop();
    }
    const YAML::Mark close = mark_at(open, end);
    if (close.line > open.line) {
      multiline_ = open;
      multiline_end_ = close.line;
    }
  }
};

}  // namespace

bool check_yaml_events(const std::string& text, YamlReader& reader) {
  std::istringstream in(text);
  Guard guard(text, reader);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(guard)) {
    }
  } catch (const Stop&) {
    return false;
  } catch (const YAML::Exception& e) {
    const YAML::Mark& q = guard.multiline_quote();
    if (!q.is_null() && (e.mark.is_null() || q.pos < e.mark.pos))
      reader.error(q,
                   "the quoted text opened here runs on to line " +
                       std::to_string(guard.multiline_end_line() + 1) +
                       ", after which the YAML breaks",
                   "is the quote closed where you meant? a missing quote takes the lines after it "
                   "into the text");
    reader.error(e.mark, "YAML syntax error: " + e.msg,
                 "check indentation, quotes and ':' after keys near this point");
    return false;
  }
  return guard.ok();
}

}  // namespace parley::load
