// What the timeline says at one frame: the places' states and the areas of control, as handed
// to MapRenderer. Computed by MapSession::frameAt for the viewer, the exporter and `render`.
#pragma once

#include <memory>
#include <vector>

#include "geo/gis/control_areas.hpp"
#include "geo/model/dataset.hpp"

namespace frontline {

struct ControlFrame {
  const Dataset* dataset = nullptr;           // actors (names, colours); must outlive the draw
  std::vector<PlaceState> states;             // Timeline::controlAt(date, dayFraction)
  std::shared_ptr<const ControlAreas> areas;  // for the date's interval (ControlAreaCache)
  size_t interval = 0;                        // identifies `areas` for the GPU cache
};

}  // namespace frontline
