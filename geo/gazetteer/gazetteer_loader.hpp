// Loads a gazetteer data set: GeoNames-format files, then extras/aliases files, into one index.
// The bundled set is assets/gazetteer/geonames-region.tsv plus assets/gazetteer/extras.tsv.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "geo/gazetteer/gazetteer.hpp"
#include "geo/gazetteer/place.hpp"
#include "geo/model/result.hpp"

namespace frontline {

struct GazetteerFiles {
  std::vector<std::filesystem::path> geonames;  // GeoNames dump format (19 columns, no header)
  std::vector<std::filesystem::path> aliases;   // extras/aliases format (alias_reader.hpp)
};

// The regional files bundled under an assets folder (gazetteer/geonames-region.tsv, gazetteer/extras.tsv).
GazetteerFiles bundledGazetteerFiles(const std::filesystem::path& assetDir);

// The gazetteer commands use by default: the world's towns, <assets>/world/cities500.txt (GeoNames
// cities500, all scripts; tools/setup.sh puts it there), plus the bundled extras. When the world
// file is missing: the regional extract, and `warning` says so. `cache` is where the binary index of
// these files is kept (beside the world file), empty for the regional fallback.
struct DefaultGazetteer {
  GazetteerFiles files;
  std::filesystem::path cache;
  std::string warning;
};
Result<DefaultGazetteer> defaultGazetteerFiles(const std::filesystem::path& assetDir);

// Bump when the index's layout or the keys it holds (normalize.hpp, name_index.cpp) change: a cache
// of another version is rebuilt.
inline constexpr uint32_t kGazetteerIndexVersion = 3;

// Reads the GeoNames files in order; a geonameid that appears again (say, in a full country dump
// loaded after the bundled extract) replaces the earlier row. Then applies the aliases files in order.
Result<std::vector<Place>> loadPlaces(const GazetteerFiles& files);

// loadPlaces + Gazetteer::build.
Result<Gazetteer> loadGazetteer(const GazetteerFiles& files);

// Like loadGazetteer, through a binary index cache at `cache`: used when it was made from the same
// files (paths, sizes, modification times) by the same index version, else rebuilt from the files
// and written atomically. A cache that cannot be written is not an error: `warning` says why.
Result<Gazetteer> loadGazetteerCached(const GazetteerFiles& files, const std::filesystem::path& cache,
                                      std::string* warning = nullptr);

// Builds the cache for `files` now (frontline gazetteer build-index); errors name the cache file.
Result<void> buildGazetteerIndex(const GazetteerFiles& files, const std::filesystem::path& cache);

}  // namespace frontline
