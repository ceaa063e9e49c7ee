#pragma once
// GENIUS / ANAC negotiation domains (Lin et al. 2014): a folder with one
// `*domain*.xml` (issues and values) and one utility profile per party
// (evaluations, weights, reservation value, discount factor).
#include <string>
#include <vector>

#include "core/scenario.hpp"

namespace parley::load {

/// Reads a domain folder as a scenario: one party per profile in file-name order,
/// value = evaluation / max evaluation of the issue, weights normalised to sum 1
/// (the semantics of GENIUS's AdditiveUtilitySpace). Throws ValidationError with
/// file:line:col for malformed XML or inconsistent profiles.
/// The encoding rules of scenario files apply (UTF-8; docs/scenario-format.md), and so does
/// their size cap. Duplicate or missing weights, reservation values outside [0, 1] and
/// discount factors outside (0, 1] are refused.
Scenario load_genius_folder(const std::string& folder);

/// One XML file of a domain, already read.
struct GeniusText {
  std::string path, text;
};

/// load_genius_folder on texts in memory: `folder` names the scenario; `profiles` in the
/// order their parties take.
Scenario load_genius_texts(const std::string& folder, const GeniusText& domain,
                           const std::vector<GeniusText>& profiles);

}  // namespace parley::load
