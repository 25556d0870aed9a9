// `frontline check`: loads a dataset and lists every problem in it as file:row:column: message.
#include <iostream>
#include <memory>
#include <sstream>

#include "cli_support.hpp"
#include "commands.hpp"
#include "geo/gis/dataset_loader.hpp"

namespace frontline::cli {
namespace {

struct CheckOptions {
  std::string dataset;
  std::vector<std::string> gazetteers, aliases;
  std::string assets;
  bool errorsOnly = false;
};

std::string counted(size_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}

int runCheck(const CheckOptions& o) {
  const std::string cmd = "check";
  const std::filesystem::path assets = assetDir(o.assets);
  DatasetLoadOptions options;
  options.assetDir = assets;
  for (const std::string& g : o.gazetteers) options.gazetteerFiles.emplace_back(g);
  for (const std::string& a : o.aliases) options.aliasFiles.emplace_back(a);
  const std::filesystem::path path = o.dataset.empty() ? bundledDatasetPath(assets) : std::filesystem::path(o.dataset);
  auto loaded = loadDataset(path, options);
  if (!loaded) return fail(cmd, loaded.error());

  const Dataset& dataset = loaded->dataset;
  size_t errors = 0, warnings = 0, events = 0;
  std::ostringstream out;
  for (const DatasetIssue& issue : dataset.issues) {
    (issue.error ? errors : warnings) += 1;
    if (issue.error || !o.errorsOnly) out << issue.text() << '\n';
  }
  for (const std::string& note : loaded->notes) out << note << '\n';
  for (const PlaceTrack& place : dataset.timeline.places()) events += place.events.size();
  out << counted(errors, "error", "errors") << ", " << counted(warnings, "warning", "warnings") << " in "
      << counted(events, "event", "events") << ", " << counted(dataset.timeline.places().size(), "place", "places")
      << "\n";
  std::cout << out.str() << std::flush;
  if (!std::cout) return fail(cmd, makeError(ErrorKind::Io, "stdout", "cannot write the results"));
  return errors > 0 ? kData : kOk;
}

}  // namespace

Command addCheckCommand(CLI::App& parent) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* app = parent.add_subcommand("check", "Validate a dataset and list every problem with its file:row:column.");
  app->add_option("dataset", options->dataset,
                  "A manifest (.toml) or an event table (CSV, XLSX, ODS, GeoJSON, GeoPackage, ACLED CSV export); "
                  "default: the bundled 2014-2019 dataset");
  app->add_option("--gazetteer", options->gazetteers,
                  "Also geocode with this GeoNames-format file (e.g. a full country dump); repeatable");
  app->add_option("--aliases", options->aliases,
                  "Also geocode with this extras/aliases file (see assets/gazetteer/extras.tsv); repeatable");
  app->add_option("--assets", options->assets, "Folder of bundled data (default: the project's assets/)");
  app->add_flag("--errors-only", options->errorsOnly, "List errors only, not warnings");
  app->footer(
      "Output: one line per problem, 'file:row:column: message' ('warning: ' before the message of a\n"
      "warning), then a summary: 'N errors, M warnings in X events, Y places'. Rows are the lines a\n"
      "spreadsheet or text editor shows (the header is row 1).\n"
      "Checked: dates, places that do not geocode (with suggestions) or geocode ambiguously, lat/lon\n"
      "ranges, unknown actors, status and confidence values, duplicate and conflicting rows (same place\n"
      "and date), the manifest's keys and the actors table.\n"
      "Exit codes: 0 no errors (warnings allowed), 4 errors found, 3 the dataset cannot be read.");
  return {app, [options] { return runCheck(*options); }};
}

}  // namespace frontline::cli
