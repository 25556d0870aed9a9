// Loads a dataset: a TOML manifest (geo/gis/manifest.hpp) or a bare event table (any format OGR
// reads, or an ACLED export), validates every row, geocodes place names and builds the timeline.
//
// Event tables: one row per reported change. Columns (names in any case; extra columns ignored):
//   date        YYYY-MM-DD, or YYYY-MM for month precision ("15 October 2017" is accepted too)
//   place       the name as the report spells it
//   lat, lon    optional (also latitude/longitude); otherwise the place is geocoded, with `country`
//               (ISO code or English name) as a hint; a point geometry (GeoJSON, GeoPackage) also works
//   controller  an actor id (or alias, or legend name; any case)
//   status      control (default), contested, besieged
//   source, url, quote, notes   free text
//   confidence  high (default), medium, low
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "geo/gis/geometry.hpp"
#include "geo/model/dataset.hpp"
#include "geo/model/result.hpp"

namespace frontline {

// A drawn area of control that replaces the derived one from its date on.
struct AreaOverride {
  Date date;
  std::string controller;         // actor id
  std::vector<Polygon> polygons;  // lon/lat
  SourceLocation where;
};

struct LoadedDataset {
  Dataset dataset;
  std::vector<AreaOverride> areaOverrides;
  // What the loader did that is worth saying but is no problem, e.g.
  // "acled.csv: ACLED export: 12 territorial transfers read, 340 other rows skipped".
  std::vector<std::string> notes;
  // The GeoNames-format files the dataset adds (manifest `gazetteer`, --gazetteer): their
  // populated places are settlements for the territory model too.
  std::vector<std::filesystem::path> settlementFiles;
};

struct DatasetLoadOptions {
  std::vector<std::filesystem::path> gazetteerFiles, aliasFiles;  // added to the bundled gazetteer
  std::filesystem::path assetDir;  // for the bundled gazetteer; empty: none
  // Event tables read from another file, messages still naming the table (the viewer checks its
  // unsaved edits this way): table path as the manifest gives it -> file to read.
  std::map<std::string, std::filesystem::path> replacedTables;
};

// Unreadable input -> Error; problems in the content -> dataset.issues (error or warning) with
// file:row:column, in file order.
Result<LoadedDataset> loadDataset(const std::filesystem::path& path, const DatasetLoadOptions& options);

// assets/datasets/isis-2014-2019/dataset.toml
std::filesystem::path bundledDatasetPath(const std::filesystem::path& assetDir);

}  // namespace frontline
