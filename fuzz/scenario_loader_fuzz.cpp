// Fuzzes the scenario loader: any byte string must either load or raise
// parley::ValidationError — never crash, hang, or throw anything else.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/errors.hpp"
#include "core/utility.hpp"
#include "engine/engine.hpp"
#include "load/package.hpp"
#include "load/scenario_yaml.hpp"
#include "report/package_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const parley::Scenario s = parley::load::load_scenario_text(text, "fuzz.yaml");
    // A loaded scenario must be usable: build the model and evaluate the default package.
    const parley::UtilityModel model(s);
    const auto x = s.default_package();
    volatile double sink = 0;
    for (std::size_t k = 0; k < model.parties(); ++k) sink = sink + model.utility(k, x);
    for (const auto& p : s.packages) (void)parley::report::format_package(s, p.options);
    // And runnable: every design, on small spaces and short runs (to keep executions fast).
    double rounds = 0;
    for (double c : s.process.cadence) rounds += c * s.process.horizon;
    if (s.space().size() <= 512 && rounds <= 2000)
      for (std::size_t d = 0; d < s.process.designs.size(); ++d)
        parley::engine::Engine(s, d).run(1);
  } catch (const parley::ValidationError&) {
  } catch (const parley::Error&) {  // e.g. a space beyond 2^64 packages
  }
  return 0;
}
