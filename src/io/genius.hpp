#pragma once
// GENIUS / ANAC negotiation domains (Lin et al. 2014): a folder with one
// `*domain*.xml` (issues and values) and one utility profile per party
// (evaluations, weights, reservation value, discount factor).
#include <string>

#include "core/scenario.hpp"

namespace parley::io {

/// Reads a domain folder as a scenario: one party per profile in file-name order,
/// value = evaluation / max evaluation of the issue, weights normalised to sum 1
/// (the semantics of GENIUS's AdditiveUtilitySpace). Throws ValidationError with
/// file:line:col for malformed XML or inconsistent profiles.
Scenario load_genius_folder(const std::string& folder);

}  // namespace parley::io
