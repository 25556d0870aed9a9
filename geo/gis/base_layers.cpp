#include "geo/gis/base_layers.hpp"

#include <algorithm>
#include <future>

#include "geo/gazetteer/geonames_reader.hpp"

namespace frontline {

BaseLayerPaths BaseLayerPaths::bundled(const std::filesystem::path& assetDir) {
  BaseLayerPaths paths;
  const auto base = assetDir / "base";
  paths.files["land"] = base / "land.geojson";
  paths.files["countries"] = base / "countries.geojson";
  paths.files["country_lines"] = base / "country_lines.geojson";
  paths.files["province_lines"] = base / "province_lines.geojson";
  paths.files["rivers"] = base / "rivers.geojson";
  paths.files["lakes"] = base / "lakes.geojson";
  paths.files["towns"] = assetDir / "gazetteer" / "geonames-region.tsv";
  return paths;
}

Result<void> BaseLayerPaths::override(const std::string& kind, const std::filesystem::path& file) {
  const auto& kinds = baseLayerKinds();
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    std::string list;
    for (const auto& k : kinds) list += (list.empty() ? "" : ", ") + k;
    return makeError(ErrorKind::Usage, "--layer " + kind + "=" + file.string(),
                     "unknown layer '" + kind + "' (known: " + list + ")");
  }
  files[kind] = file;
  return {};
}

Result<BaseLayers> loadBaseLayers(const BaseLayerPaths& paths, const LonLatBox& clip, const WarningSink& warn) {
  auto pathOf = [&](const std::string& kind) {
    auto it = paths.files.find(kind);
    return it == paths.files.end() ? std::filesystem::path() : it->second;
  };
  // The gazetteer is plain text and independent of GDAL: read it on the second core meanwhile.
  auto towns = std::async(std::launch::async, [p = pathOf("towns")] { return readGeoNamesFile(p); });

  BaseLayers layers;
  struct Slot {
    const char* kind;
    VectorLayer* layer;
  };
  const Slot slots[] = {{"land", &layers.land},
                        {"countries", &layers.countries},
                        {"country_lines", &layers.countryLines},
                        {"province_lines", &layers.provinceLines},
                        {"rivers", &layers.rivers},
                        {"lakes", &layers.lakes}};
  for (const Slot& slot : slots) {
    LayerReadOptions options;
    options.clipTo = clip;
    options.warn = warn;
    auto layer = readVectorLayer(pathOf(slot.kind), options);
    if (!layer) {
      towns.wait();
      return layer.error();
    }
    *slot.layer = std::move(layer).value();
  }
  auto places = towns.get();
  if (!places) return places.error();
  layers.towns = std::move(places).value();
  return layers;
}

}  // namespace frontline
