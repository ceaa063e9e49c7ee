#include "engine/views.hpp"

namespace parley::engine {

ViewBuilder::ViewBuilder() = default;

}  // namespace parley::engine
