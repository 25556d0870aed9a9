// Loads everything a map needs in one call: base layers, projection and the projected scene.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "geo/gis/base_layers.hpp"
#include "geo/gis/map_scene.hpp"
#include "geo/gis/projection.hpp"

namespace frontline {

// The map's default view: Iraq and Syria with a little room around them.
inline constexpr LonLatBox kDefaultView{35.0, 29.0, 49.0, 38.0};

struct MapSourceOptions {
  BaseLayerPaths layers;
  std::string crs = "auto";
  LonLatBox view = kDefaultView;
  std::vector<std::string> focusCountries = {"IQ", "SY"};
  std::string language = "en";  // town labels: a code from labelLanguages() (geo/gazetteer/label_language.hpp)
  WarningSink warn;
};

struct LoadedMap {
  Projection projection;
  MapScene scene;
  BaseLayers layers;  // lon/lat, clipped; kept for deriving areas of control
};

Result<LoadedMap> loadMap(const MapSourceOptions& options);

}  // namespace frontline
