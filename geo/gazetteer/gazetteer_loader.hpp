// Loads a gazetteer data set: GeoNames-format files, then extras/aliases files, into one index.
// The bundled set is assets/gazetteer/geonames-region.tsv plus assets/gazetteer/extras.tsv.
#pragma once

#include <filesystem>
#include <vector>

#include "geo/gazetteer/gazetteer.hpp"
#include "geo/gazetteer/place.hpp"
#include "geo/model/result.hpp"

namespace frontline {

struct GazetteerFiles {
  std::vector<std::filesystem::path> geonames;  // GeoNames dump format (19 columns, no header)
  std::vector<std::filesystem::path> aliases;   // extras/aliases format (alias_reader.hpp)
};

// The bundled files under an assets folder.
GazetteerFiles bundledGazetteerFiles(const std::filesystem::path& assetDir);

// Reads the GeoNames files in order; a geonameid that appears again (say, in a full country dump
// loaded after the bundled extract) replaces the earlier row. Then applies the aliases files in order.
Result<std::vector<Place>> loadPlaces(const GazetteerFiles& files);

// loadPlaces + Gazetteer::build.
Result<Gazetteer> loadGazetteer(const GazetteerFiles& files);

}  // namespace frontline
