// What ingest needs from a dataset: its gazetteer (bundled + the manifest's files + extra files),
// its actors (or an actors table given instead) and its timeline. Shared by `frontline ingest` and
// the ingest benchmark.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "geo/gazetteer/gazetteer.hpp"
#include "geo/ingest/ingest.hpp"
#include "geo/model/dataset.hpp"
#include "geo/model/result.hpp"

namespace frontline::cli {

struct IngestSources {
  std::filesystem::path dataset;  // manifest or table; empty: none (actors must come from `actors`)
  std::filesystem::path actors;   // an actors table (id,name,color,aliases) used instead of the dataset's
  std::vector<std::filesystem::path> gazetteers, aliases;
  std::filesystem::path assetDir;
};

struct IngestSetup {
  std::unique_ptr<Gazetteer> gazetteer;
  Dataset dataset;  // actors, settings and timeline
  std::vector<std::string> notes;  // what was loaded, for -v
};

Result<IngestSetup> loadIngestSetup(const IngestSources& sources);

// What the reader takes from the setup: focus countries, the timeline, and the last day a report
// may be about (the dataset's `end`, else today).
ingest::IngestConfig ingestConfig(const IngestSetup& setup);

// The dataset's first event table (for --append).
Result<std::filesystem::path> firstEventTable(const std::filesystem::path& dataset);

}  // namespace frontline::cli
