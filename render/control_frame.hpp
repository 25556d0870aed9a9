// Colours of actors for drawing a ControlFrame.
#pragma once

#include <string>

#include "geo/gis/control_frame.hpp"
#include "render/color.hpp"

namespace frontline {

Rgba actorColor(const Dataset& dataset, const std::string& actorId);

}  // namespace frontline
