#pragma once
// One issue at one option: the building block of red lines, interactions, named packages and
// the conditions of the dynamics (ceasefire factors).

namespace parley {

/// issue = option, by index.
struct Condition {
  int issue = 0;
  int option = 0;
};

}  // namespace parley
