#include "data_options.hpp"

#include <iostream>

#include "cli_support.hpp"

namespace frontline::cli {

void addDataOptions(CLI::App& app, DataArgs& args) {
  app.add_option("dataset", args.dataset,
                 "Dataset: a manifest (.toml) or an event table (CSV, XLSX, ODS, GeoJSON, GeoPackage, ACLED CSV); "
                 "default: the bundled 2014-2019 dataset");
  app.add_option("--gazetteer", args.gazetteers, "Extra GeoNames-format gazetteer file for geocoding (repeatable)");
  app.add_option("--aliases", args.aliases, "Extra alias file for geocoding (repeatable)");
  app.add_flag("--no-data", args.noData, "Draw the base map only, without a dataset");
}

Result<std::optional<LoadedDataset>> loadDataArgs(const DataArgs& args, const std::string& assets,
                                                  const std::string& command, bool quiet) {
  if (args.noData) return std::optional<LoadedDataset>();
  const std::filesystem::path assetFolder = assetDir(assets);
  DatasetLoadOptions options;
  options.assetDir = assetFolder;
  for (const auto& g : args.gazetteers) options.gazetteerFiles.emplace_back(g);
  for (const auto& a : args.aliases) options.aliasFiles.emplace_back(a);
  const std::filesystem::path path =
      args.dataset.empty() ? bundledDatasetPath(assetFolder) : std::filesystem::path(args.dataset);
  auto loaded = loadDataset(path, options);
  if (!loaded) return loaded.error();
  size_t errors = 0;
  for (const DatasetIssue& issue : loaded->dataset.issues) {
    if (issue.error) ++errors;
    if (issue.error || !quiet) std::cerr << "frontline " << command << ": " << issue.text() << "\n";
  }
  if (errors > 0)
    return makeError(ErrorKind::Data, path.string(),
                     std::to_string(errors) + " error" + (errors == 1 ? "" : "s") +
                         " in the dataset (listed above; 'frontline check' lists them too); nothing was drawn");
  if (loaded->dataset.timeline.empty())
    return makeError(ErrorKind::Data, path.string(), "the dataset has no events");
  return std::optional<LoadedDataset>(std::move(loaded).value());
}

std::filesystem::path datasetPathOf(const DataArgs& args, const std::string& assets) {
  if (args.noData) return {};
  return args.dataset.empty() ? bundledDatasetPath(assetDir(assets)) : std::filesystem::path(args.dataset);
}

DatasetLoadOptions datasetLoadOptions(const DataArgs& args, const std::string& assets) {
  DatasetLoadOptions options;
  options.assetDir = assetDir(assets);
  for (const auto& g : args.gazetteers) options.gazetteerFiles.emplace_back(g);
  for (const auto& a : args.aliases) options.aliasFiles.emplace_back(a);
  return options;
}

Result<std::optional<LoadedDataset>> loadDataArgsKeepingErrors(const DataArgs& args, const std::string& assets) {
  if (args.noData) return std::optional<LoadedDataset>();
  auto loaded = loadDataset(datasetPathOf(args, assets), datasetLoadOptions(args, assets));
  if (!loaded) return loaded.error();
  return std::optional<LoadedDataset>(std::move(loaded).value());
}

}  // namespace frontline::cli
