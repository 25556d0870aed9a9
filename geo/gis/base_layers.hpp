// The base map's layers (land, countries, borders, provinces, rivers, lakes, towns) and where
// they come from: the bundled assets folder, with any layer replaceable by a user's own file.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "geo/gazetteer/place.hpp"
#include "geo/gis/geometry.hpp"
#include "geo/gis/layer_reader.hpp"
#include "geo/model/lonlat_box.hpp"
#include "geo/model/result.hpp"

namespace frontline {

// Layer kinds, in the names users give them on the command line (--layer rivers=FILE).
inline const std::vector<std::string>& baseLayerKinds() {
  static const std::vector<std::string> kinds = {"land",   "countries", "country_lines", "province_lines",
                                                 "rivers", "lakes",     "towns"};
  return kinds;
}

struct BaseLayerPaths {
  std::map<std::string, std::filesystem::path> files;  // kind -> file
  std::map<std::string, std::string> layerNames;       // kind -> layer in that file (none: the first)
  // Appended to the error for a missing file that was not given by the user, e.g. which command
  // builds it.
  std::string missingHint;

  // The world data under `assetDir` (assets/world/world.gpkg, one layer per kind, built by
  // tools/setup.sh): what the commands draw by default.
  static BaseLayerPaths world(const std::filesystem::path& assetDir);
  // The committed regional layers under `assetDir` (assets/base/*.geojson,
  // assets/gazetteer/geonames-region.tsv; lon 30..56, lat 26..42): small and fixed, for tests.
  static BaseLayerPaths bundled(const std::filesystem::path& assetDir);
  // Replaces one layer; `kind` must be one of baseLayerKinds().
  Result<void> override(const std::string& kind, const std::filesystem::path& file);
};

struct BaseLayers {
  VectorLayer land, countries, countryLines, provinceLines, rivers, lakes;
  std::vector<Place> towns;  // gazetteer rows (all feature classes; the scene picks towns); from a
                             // point layer such as world.gpkg's, only those inside the clip
};

// Loads every layer, clipped to `clip` (only features near it are read). `towns` is a GeoNames
// TSV file, or a point layer with the GeoNames columns (geonameid, name, asciiname,
// alternatenames, feature_class, feature_code, country_code, population) such as world.gpkg's.
// Warnings (repaired geometry etc.) go to `warn`.
Result<BaseLayers> loadBaseLayers(const BaseLayerPaths& paths, const LonLatBox& clip, const WarningSink& warn);

}  // namespace frontline
