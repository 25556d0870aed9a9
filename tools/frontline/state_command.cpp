// `frontline state`: who holds every place of a dataset on one date, as a table or GeoJSON points.
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "cli_support.hpp"
#include "commands.hpp"
#include "data_options.hpp"
#include "geo/model/date.hpp"
#include "text_output.hpp"
#include "geo/model/display_text.hpp"

namespace frontline::cli {
namespace {

struct StateOptions {
  std::string date;
  std::string format;
  std::string output;
  std::string assets;
  bool quiet = false;
  DataArgs data;
};

std::string fixed(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// Tabs or line breaks inside a value would break the table.
std::string cell(const std::string& text) {
  std::string out = text;
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return displayText(out, std::string::npos);  // no raw escape sequences or invalid UTF-8
}

std::string jsonString(const std::string& raw) {
  const std::string text = toValidUtf8(raw);  // GeoJSON must be UTF-8
  std::string out = "\"";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out += escaped;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

std::string sourceText(const Event& e) {
  if (e.url.empty()) return e.source;
  if (e.source.empty()) return e.url;
  return e.source + " " + e.url;
}

std::string tsv(const std::vector<PlaceState>& states) {
  std::ostringstream out;
  out << "place\tlat\tlon\tcontroller\tstatus\tsince\tsource\n";
  for (const PlaceState& s : states) {
    const Event& e = *s.current;
    out << cell(s.place->reportedName()) << '\t' << fixed(s.place->lat, 4) << '\t' << fixed(s.place->lon, 4) << '\t'
        << cell(e.controller) << '\t' << statusName(e.status) << '\t' << e.date.iso() << '\t' << cell(sourceText(e))
        << '\n';
  }
  return out.str();
}

std::string geojson(const std::vector<PlaceState>& states, const Dataset& dataset, Date date) {
  std::ostringstream out;
  out << "{\"type\": \"FeatureCollection\", \"date\": " << jsonString(date.iso()) << ", \"features\": [";
  for (size_t i = 0; i < states.size(); ++i) {
    const PlaceState& s = states[i];
    const Event& e = *s.current;
    const Actor* actor = dataset.actor(e.controller);
    char color[8];
    std::snprintf(color, sizeof color, "#%06x", actor ? actor->color : 0u);
    out << (i == 0 ? "\n" : ",\n") << "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": ["
        << fixed(s.place->lon, 5) << ", " << fixed(s.place->lat, 5) << "]}, \"properties\": {"
        << "\"place\": " << jsonString(s.place->reportedName()) << ", \"place_id\": " << jsonString(s.place->id)
        << ", \"gazetteer_name\": " << jsonString(s.place->name) << ", \"country\": " << jsonString(s.place->country)
        << ", \"controller\": " << jsonString(e.controller)
        << ", \"controller_name\": " << jsonString(actor ? actor->name : e.controller.str())
        << ", \"color\": " << jsonString(color) << ", \"status\": " << jsonString(statusName(e.status))
        << ", \"since\": " << jsonString(e.date.iso()) << ", \"source\": " << jsonString(e.source)
        << ", \"url\": " << jsonString(e.url) << ", \"confidence\": " << jsonString(confidenceName(e.confidence))
        << ", \"row\": " << jsonString(e.where.text()) << "}}";
  }
  out << "\n]}\n";
  return out.str();
}

int runState(StateOptions o) {
  const std::string cmd = "state";
  auto date = Date::parse(o.date);
  if (!date) return fail(cmd, makeError(ErrorKind::Usage, "--date", date.error().what));
  if (o.format.empty()) {
    const std::string ext = std::filesystem::path(o.output).extension().string();
    o.format = ext == ".geojson" || ext == ".json" ? "geojson" : "tsv";
  }
  if (o.format != "tsv" && o.format != "geojson")
    return fail(cmd, makeError(ErrorKind::Usage, "--format '" + o.format + "'", "expected tsv or geojson"));

  auto data = loadDataArgs(o.data, o.assets, cmd, o.quiet);
  if (!data) return fail(cmd, data.error());
  const LoadedDataset& loaded = **data;
  const std::vector<PlaceState> states = loaded.dataset.timeline.controlAt(*date);
  const std::string text = o.format == "tsv" ? tsv(states) : geojson(states, loaded.dataset, *date);
  if (auto written = writeOutput(o.output, text); !written) return fail(cmd, written.error());
  return kOk;
}

}  // namespace

Command addStateCommand(CLI::App& parent) {
  auto options = std::make_shared<StateOptions>();
  CLI::App* app =
      parent.add_subcommand("state", "Print who holds every place of a dataset on a date (a table, or GeoJSON points).");
  app->add_option("--date", options->date, "The date: YYYY-MM-DD (or YYYY-MM: its first day)")->required();
  app->add_option("dataset", options->data.dataset,
                  "A manifest (.toml) or an event table (CSV, XLSX, ODS, GeoJSON, GeoPackage, ACLED CSV export); "
                  "default: the bundled 2014-2019 dataset");
  app->add_option("--format", options->format, "tsv (default) or geojson (default when -o ends in .geojson)");
  app->add_option("-o,--output", options->output, "File to write (atomically); default: stdout");
  app->add_option("--gazetteer", options->data.gazetteers,
                  "Also geocode with this GeoNames-format file; repeatable");
  app->add_option("--aliases", options->data.aliases, "Also geocode with this extras/aliases file; repeatable");
  app->add_option("--assets", options->assets, "Folder of bundled data (default: the project's assets/)");
  app->add_flag("-q,--quiet", options->quiet, "Do not print the dataset's warnings");
  app->footer(
      "Output (tsv): a header, then one tab-separated row per place that has a report on or before the date:\n"
      "  place  lat  lon  controller  status  since  source\n"
      "place is the spelling the reports use most, controller an actor id, status control, contested or\n"
      "besieged, since the date of the latest report, source its source and URL.\n"
      "geojson: a FeatureCollection of points with the same facts as properties (plus the actor's name and\n"
      "colour, the gazetteer's name and the row the report came from).\n"
      "A dataset with errors is refused: its problems are listed as 'frontline check' lists them.\n"
      "Exit codes: 0 ok, 2 bad command line, 3 unreadable dataset, 4 errors in the dataset, 6 cannot write.");
  return {app, [options] { return runState(*options); }};
}

}  // namespace frontline::cli
