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

}  // namespace frontline::cli
