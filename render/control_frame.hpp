// Colours of actors for drawing a ControlFrame.
#pragma once

#include <string>

#include "geo/gis/control_frame.hpp"
#include "render/color.hpp"

namespace frontline {

// The actor's colour from the dataset, or with colourBlindPalette the Okabe-Ito palette by the
// actor's position in the dataset (for datasets whose own colours are hard to tell apart).
Rgba actorColor(const Dataset& dataset, const std::string& actorId, bool colourBlindPalette = false);

}  // namespace frontline
