// Loads vector layers from any format GDAL/OGR reads (Shapefile, GeoJSON, GeoPackage, ...)
// into plain lon/lat geometry. Invalid geometries are repaired, or skipped with a warning.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "geo/gis/geometry.hpp"
#include "geo/model/lonlat_box.hpp"
#include "geo/model/result.hpp"

namespace frontline {

using WarningSink = std::function<void(const std::string&)>;

struct LayerReadOptions {
  std::string layerName;            // empty: the first layer
  std::optional<LonLatBox> clipTo;  // clip geometry to this box (avoids antimeridian trouble)
  bool allowEmpty = false;          // an empty layer is an error unless allowed
  WarningSink warn;                 // receives "file: feature N: ..." warnings; may be empty
};

// Reads a layer and returns its features in WGS84 longitude/latitude.
// A layer without a CRS is accepted only when its coordinates fit longitude/latitude ranges.
Result<VectorLayer> readVectorLayer(const std::filesystem::path& path, const LayerReadOptions& options = {});

}  // namespace frontline
