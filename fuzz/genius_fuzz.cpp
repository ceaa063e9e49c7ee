// Fuzzes the GENIUS reader: the input is a domain file and its profiles separated by form
// feeds ('\f'): domain \f profile \f profile ... Any input must either load or raise
// parley::ValidationError — never crash, hang, or throw anything else — and a loaded
// domain must give finite utilities.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/utility.hpp"
#include "load/genius.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> parts;
  for (std::size_t pos = 0;;) {
    const std::size_t end = text.find('\f', pos);
    parts.push_back(text.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  if (parts.size() < 2) return 0;  // a domain needs at least one profile
  const parley::load::GeniusText domain{"fuzz/domain.xml", parts[0]};
  std::vector<parley::load::GeniusText> profiles;
  for (std::size_t k = 1; k < parts.size(); ++k)
    profiles.push_back({"fuzz/party" + std::to_string(k) + ".xml", parts[k]});
  try {
    const parley::Scenario s = parley::load::load_genius_texts("fuzz", domain, profiles);
    const parley::UtilityModel model(s);
    const auto x = s.default_package();
    for (std::size_t k = 0; k < model.parties(); ++k)
      if (!std::isfinite(model.utility(k, x))) std::abort();  // a finding: NaN utility
  } catch (const parley::ValidationError&) {
  } catch (const parley::Error&) {  // e.g. a space beyond 2^64 packages
  }
  return 0;
}
