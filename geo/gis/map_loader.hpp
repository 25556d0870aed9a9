// Loads everything a map needs in one call: base layers, projection and the projected scene.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geo/gis/base_layers.hpp"
#include "geo/gis/map_scene.hpp"
#include "geo/gis/projection.hpp"
#include "geo/model/timeline.hpp"

namespace frontline {

struct MapSourceOptions {
  BaseLayerPaths layers;
  std::string crs = "auto";
  // The area to show. None: MapSession fits it to the dataset's places; loadMap needs one.
  std::optional<LonLatBox> view;
  std::vector<std::string> focusCountries;  // none: every country is drawn alike
  std::string language = "en";  // town labels: a code from labelLanguages() (geo/gazetteer/label_language.hpp)
  WarningSink warn;
};

struct LoadedMap {
  Projection projection;
  MapScene scene;
  BaseLayers layers;  // lon/lat, clipped; kept for deriving areas of control
};

// Checks that a box can be drawn: not crossing a pole's singularity with the fitted conic
// projection, not wider than a hemisphere. The error says why and what to do instead.
Result<void> checkView(const LonLatBox& view, const std::string& crs);

// A view around the timeline's places: their extent plus a margin of 15% of its larger side in
// ground distance (at least about 60 km), so that every place lies inside, away from the edges.
// None when the timeline has no places with coordinates.
std::optional<LonLatBox> viewAroundPlaces(const Timeline& timeline);

// The box whose layers are loaded for a view: room for an image up to 2:1 wide or square
// around it, plus 10% on each side for panning, but not the world (clipping also keeps
// antimeridian-crossing features out of the projection).
LonLatBox loadBox(const LonLatBox& view);

Result<LoadedMap> loadMap(const MapSourceOptions& options);

}  // namespace frontline
