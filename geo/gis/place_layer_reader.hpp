// Reads gazetteer places from a vector point layer with GeoNames columns (world.gpkg's `towns`),
// only those inside a box: a world layer has 200,000 rows and a map needs a few thousand.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "geo/gazetteer/place.hpp"
#include "geo/model/lonlat_box.hpp"
#include "geo/model/result.hpp"

namespace frontline {

// Fields: geonameid, name, asciiname, alternatenames (comma-separated), feature_class,
// feature_code, country_code, population; coordinates from the point geometry (WGS84 lon/lat).
// `layerName` empty: the first layer. Place::source is "file:layer:fid".
Result<std::vector<Place>> readPlaceLayer(const std::filesystem::path& path, const std::string& layerName,
                                          const LonLatBox& box);

}  // namespace frontline
