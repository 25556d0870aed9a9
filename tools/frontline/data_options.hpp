// Command-line options that choose the dataset (positional DATASET, --gazetteer, --aliases,
// --no-data) for the commands that draw control: render, view, export.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "geo/gis/dataset_loader.hpp"

namespace frontline::cli {

struct DataArgs {
  std::string dataset;  // empty: the bundled dataset
  std::vector<std::string> gazetteers, aliases;
  bool noData = false;
};

void addDataOptions(CLI::App& app, DataArgs& args);

// Loads the dataset (none with --no-data). Prints its warnings (unless quiet) and errors as
// "frontline <command>: file:row:column: message"; a dataset with errors is refused with an Error.
Result<std::optional<LoadedDataset>> loadDataArgs(const DataArgs& args, const std::string& assets,
                                                  const std::string& command, bool quiet);

// The dataset file the arguments name (the bundled manifest by default); empty with --no-data.
std::filesystem::path datasetPathOf(const DataArgs& args, const std::string& assets);
// The loader's options from --gazetteer, --aliases and --assets.
DatasetLoadOptions datasetLoadOptions(const DataArgs& args, const std::string& assets);
// For the viewer: loads like loadDataArgs but keeps a dataset with errors in its rows (the viewer
// lists them and shows what is valid) and prints nothing; only unreadable input is an Error.
Result<std::optional<LoadedDataset>> loadDataArgsKeepingErrors(const DataArgs& args, const std::string& assets);

}  // namespace frontline::cli
