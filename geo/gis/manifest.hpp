// Dataset manifests: a small TOML file naming a dataset's event tables, actors table, gazetteer
// additions and area overrides, with its settings. Paths inside are relative to the manifest.
//
//   title = "..."                      description = "..."
//   events = ["events.csv", { file = "more.xlsx", layer = "Sheet2" }]
//   actors = "actors.csv"              gazetteer = ["SY.txt"]   aliases = ["spellings.tsv"]
//   areas = ["areas.gpkg"]             # polygons with `date` and `controller` fields
//   [settings]
//   transition_days = 5   cap_km = 35   cross_borders = false   focus_countries = ["IQ", "Syria"]
//   start = "2014-01-01"  end = "2019-04-30"
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geo/model/dataset.hpp"
#include "geo/model/result.hpp"

namespace frontline {

// A file the manifest names, resolved against the manifest's folder.
struct ManifestFile {
  std::filesystem::path path;
  std::string layer;    // layer or sheet; empty: the first
  SourceLocation where; // the manifest line that names it
};

struct Manifest {
  std::filesystem::path path;
  DatasetSettings settings;  // title and description included
  std::vector<ManifestFile> events;
  std::optional<ManifestFile> actors;
  std::vector<ManifestFile> gazetteer;  // GeoNames-format files
  std::vector<ManifestFile> aliases;    // extras/aliases files (geo/gazetteer/alias_reader.hpp)
  std::vector<ManifestFile> areas;      // area overrides
  std::vector<DatasetIssue> issues;     // wrong types, unknown keys (warnings), bad values
};

// Error when the file cannot be read or is not valid TOML (the error names line and column);
// problems with individual keys are reported in Manifest::issues.
Result<Manifest> readManifest(const std::filesystem::path& path);

}  // namespace frontline
