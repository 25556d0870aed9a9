#include "geo/gazetteer/gazetteer_loader.hpp"

#include <unordered_map>

#include "geo/gazetteer/alias_reader.hpp"
#include "geo/gazetteer/geonames_reader.hpp"

namespace frontline {

GazetteerFiles bundledGazetteerFiles(const std::filesystem::path& assetDir) {
  GazetteerFiles files;
  files.geonames.push_back(assetDir / "gazetteer" / "geonames-region.tsv");
  files.aliases.push_back(assetDir / "gazetteer" / "extras.tsv");
  return files;
}

Result<std::vector<Place>> loadPlaces(const GazetteerFiles& files) {
  std::vector<Place> places;
  std::unordered_map<int64_t, size_t> byId;
  for (const std::filesystem::path& path : files.geonames) {
    auto read = readGeoNamesFile(path);
    if (!read) return read.error();
    if (places.empty()) {
      places = std::move(*read);
      byId.reserve(places.size());
      for (size_t i = 0; i < places.size(); ++i) byId.emplace(places[i].id, i);
      continue;
    }
    for (Place& p : *read) {
      const auto [it, added] = byId.emplace(p.id, places.size());
      if (added) places.push_back(std::move(p));
      else places[it->second] = std::move(p);
    }
  }
  int64_t nextNewId = -1;
  for (const std::filesystem::path& path : files.aliases) {
    auto file = readAliasFile(path);
    if (!file) return file.error();
    if (auto applied = applyAliases(*file, places, nextNewId); !applied) return applied.error();
  }
  return places;
}

Result<Gazetteer> loadGazetteer(const GazetteerFiles& files) {
  auto places = loadPlaces(files);
  if (!places) return places.error();
  return Gazetteer::build(std::move(*places));
}

}  // namespace frontline
