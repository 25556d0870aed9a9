// What the timeline says at one frame: the places' states and the areas of control, as handed
// to MapRenderer. Computed by the caller (viewer, exporter, render command) from the dataset.
#pragma once

#include <memory>
#include <vector>

#include "geo/gis/control_areas.hpp"
#include "geo/model/dataset.hpp"
#include "render/color.hpp"

namespace frontline {

struct ControlFrame {
  const Dataset* dataset = nullptr;           // actors (names, colours); must outlive the draw
  std::vector<PlaceState> states;             // Timeline::controlAt(date, dayFraction)
  std::shared_ptr<const ControlAreas> areas;  // for the date's interval (ControlAreaCache)
  size_t interval = 0;                        // identifies `areas` for the GPU cache
};

Rgba actorColor(const Dataset& dataset, const std::string& actorId);

}  // namespace frontline
