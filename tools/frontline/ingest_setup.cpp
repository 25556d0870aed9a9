#include "ingest_setup.hpp"

#include <chrono>

#include "geo/gazetteer/gazetteer_loader.hpp"
#include "geo/gis/actor_table.hpp"
#include "geo/gis/dataset_loader.hpp"
#include "geo/gis/manifest.hpp"

namespace frontline::cli {

Result<IngestSetup> loadIngestSetup(const IngestSources& s) {
  IngestSetup setup;
  // The world's towns (with their binary index) when assets/world is built, else the regional extract.
  auto defaults = defaultGazetteerFiles(s.assetDir);
  if (!defaults) return defaults.error();
  if (!defaults->warning.empty()) setup.notes.push_back("warning: " + defaults->warning);
  GazetteerFiles files = std::move(defaults->files);
  const size_t defaultCount = files.geonames.size() + files.aliases.size();
  if (!s.dataset.empty()) {
    if (!std::filesystem::exists(s.dataset))
      return makeError(ErrorKind::Input, s.dataset.string(), "no such dataset");
    DatasetLoadOptions options;
    options.assetDir = s.assetDir;
    options.gazetteerFiles = s.gazetteers;
    options.aliasFiles = s.aliases;
    auto loaded = loadDataset(s.dataset, options);
    if (!loaded) return loaded.error();
    setup.dataset = std::move(loaded->dataset);
    if (s.dataset.extension() == ".toml") {
      auto manifest = readManifest(s.dataset);
      if (!manifest) return manifest.error();
      for (const ManifestFile& f : manifest->gazetteer)
        if (std::filesystem::exists(f.path)) files.geonames.push_back(f.path);
      for (const ManifestFile& f : manifest->aliases)
        if (std::filesystem::exists(f.path)) files.aliases.push_back(f.path);
    }
  }
  if (!s.actors.empty()) {
    ActorIndex index(true);
    std::vector<DatasetIssue> issues;
    if (auto read = readActorTable(s.actors, "", index, issues); !read) return read.error();
    for (const DatasetIssue& i : issues)
      if (i.error) return makeError(ErrorKind::Data, i.where.text(), i.what);
    setup.dataset.actors = index.takeActors();
  }
  if (setup.dataset.actors.empty())
    return makeError(ErrorKind::Usage, s.dataset.empty() ? std::string("--actors") : s.dataset.string(),
                     "no actors to look for: give a dataset with an actors table, or --actors FILE");
  files.geonames.insert(files.geonames.end(), s.gazetteers.begin(), s.gazetteers.end());
  files.aliases.insert(files.aliases.end(), s.aliases.begin(), s.aliases.end());
  // The index holds the default files only; a dataset's or the command line's files are indexed each time.
  std::string cacheWarning;
  auto gazetteer = !defaults->cache.empty() && files.geonames.size() + files.aliases.size() == defaultCount
                       ? loadGazetteerCached(files, defaults->cache, &cacheWarning)
                       : loadGazetteer(files);
  if (!gazetteer) return gazetteer.error();
  if (!cacheWarning.empty()) setup.notes.push_back("warning: " + cacheWarning);
  setup.notes.push_back("gazetteer: " + std::to_string(gazetteer->places().size()) + " places from " +
                        std::to_string(files.geonames.size()) + " GeoNames file(s) and " +
                        std::to_string(files.aliases.size()) + " alias file(s)");
  setup.gazetteer = std::make_unique<Gazetteer>(std::move(*gazetteer));
  return setup;
}

ingest::IngestConfig ingestConfig(const IngestSetup& setup) {
  ingest::IngestConfig config;
  config.focusCountries = setup.dataset.settings.focusCountries;
  config.timeline = &setup.dataset.timeline;
  if (setup.dataset.settings.end) {
    config.latest = setup.dataset.settings.end;
  } else {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    config.latest = Date::fromDays(static_cast<int32_t>(std::chrono::duration_cast<std::chrono::hours>(now).count() / 24));
  }
  return config;
}

Result<std::filesystem::path> firstEventTable(const std::filesystem::path& dataset) {
  if (dataset.extension() != ".toml") return dataset;
  auto manifest = readManifest(dataset);
  if (!manifest) return manifest.error();
  if (manifest->events.empty()) return makeError(ErrorKind::Data, dataset.string(), "the manifest names no event table");
  return manifest->events.front().path;
}

}  // namespace frontline::cli
