#pragma once
// A named variant of a scenario (docs/scenario-format.md#variants): overrides of some parties'
// preferences, applied by the loader when a command is given --variant ID.
#include <string>

namespace parley {

struct Variant {
  std::string id;
  std::string name;  // display name (default: the id)
  std::string note;
};

}  // namespace parley
