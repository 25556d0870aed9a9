// `frontline stats`: numbers a reader can check against published figures — land area held per
// controller (km² on the WGS84 ellipsoid), its share of each focus country's land, places and
// settlements held — on one date or a series of dates, from the same model that draws the map.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

#include "cli_support.hpp"
#include "commands.hpp"
#include "data_options.hpp"
#include "geo/gis/map_session.hpp"
#include "map_options.hpp"
#include "text_output.hpp"

namespace frontline::cli {
namespace {

struct StatsOptions {
  std::string date, from, to, step = "7d", by = "controller", output;
  MapArgs map;
  DataArgs data;
};

std::string fixed(double value, int decimals) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// "7d", "2w", "1m" (30 days), or a plain number of days.
Result<int> parseStep(const std::string& text) {
  if (text.empty()) return makeError(ErrorKind::Usage, "--step", "is empty; e.g. 7d, 2w or 30d");
  size_t used = 0;
  long n = 0;
  try {
    n = std::stol(text, &used);
  } catch (...) {
    return makeError(ErrorKind::Usage, "--step '" + text + "'", "expected a number of days, e.g. 7d, 2w or 30d");
  }
  const std::string unit = text.substr(used);
  long days = unit.empty() || unit == "d" ? n : unit == "w" ? n * 7 : unit == "m" ? n * 30 : -1;
  if (days < 1 || days > 3650)
    return makeError(ErrorKind::Usage, "--step '" + text + "'", "must be 1 to 3650 days, e.g. 7d, 2w or 30d");
  return static_cast<int>(days);
}

Result<Date> parseDate(const std::string& text, const std::string& option) {
  auto d = Date::parse(text);
  if (!d) return makeError(ErrorKind::Usage, option, d.error().what);
  return *d;
}

int runStats(const StatsOptions& o) {
  const std::string cmd = "stats";
  if (o.by != "controller" && o.by != "country")
    return fail(cmd, makeError(ErrorKind::Usage, "--by '" + o.by + "'", "expected controller or country"));
  if (!o.date.empty() && (!o.from.empty() || !o.to.empty()))
    return fail(cmd, makeError(ErrorKind::Usage, "--date", "give either --date or --from/--to, not both"));
  auto step = parseStep(o.step);
  if (!step) return fail(cmd, step.error());
  auto source = toMapSource(o.map, cmd);
  if (!source) return fail(cmd, source.error());
  if (o.data.noData) return fail(cmd, makeError(ErrorKind::Usage, "--no-data", "stats need a dataset"));
  auto data = loadDataArgs(o.data, o.map.assets, cmd, o.map.quiet);
  if (!data) return fail(cmd, data.error());
  if (!*data) return fail(cmd, makeError(ErrorKind::Usage, "--no-data", "stats need a dataset"));

  const Dataset* loaded = &(*data)->dataset;
  std::vector<Date> dates;
  if (!o.from.empty() || !o.to.empty()) {
    auto from = o.from.empty() ? Result<Date>(loaded->start()) : parseDate(o.from, "--from");
    if (!from) return fail(cmd, from.error());
    auto to = o.to.empty() ? Result<Date>(loaded->end()) : parseDate(o.to, "--to");
    if (!to) return fail(cmd, to.error());
    if (*to < *from) return fail(cmd, makeError(ErrorKind::Usage, "--to " + to->iso(), "is before --from " + from->iso()));
    for (Date d = *from; d <= *to; d = d.plusDays(*step)) dates.push_back(d);
    if (dates.size() > 20000) return fail(cmd, makeError(ErrorKind::Usage, "--step", "makes more than 20,000 dates"));
  } else if (!o.date.empty()) {
    auto d = parseDate(o.date, "--date");
    if (!d) return fail(cmd, d.error());
    dates.push_back(*d);
  } else {
    dates.push_back(loaded->end());
  }

  auto session = MapSession::open(*source, std::move(data).value());
  if (!session) return fail(cmd, session.error());
  const Dataset& dataset = (*session)->data()->dataset;
  const ControlAreaBuilder& builder = *(*session)->areaBuilder();
  const Terrain& terrain = builder.terrain();
  // The focus countries (else every country with land in the model), in the order given.
  std::vector<size_t> countries;
  for (const std::string& code : dataset.settings.focusCountries)
    if (const int i = terrain.countryIndex(code); i >= 0) countries.push_back(static_cast<size_t>(i));
  const bool focusGiven = !countries.empty();
  if (!focusGiven && !dataset.settings.focusCountries.empty())
    std::cerr << "frontline stats: warning: none of the focus countries is on the map; using every country\n";

  std::ostringstream out;
  bool header = false;
  const bool progress = dates.size() > 20 && !o.map.quiet;
  for (size_t n = 0; n < dates.size(); ++n) {
    const Date date = dates[n];
    auto frame = (*session)->frameAt(date);
    if (!frame) return fail(cmd, frame.error());
    const TerritoryTotals totals = builder.totals(*frame->areas);
    if (!header) {
      if (!focusGiven)
        for (size_t i = 0; i < totals.countryLandKm2.size(); ++i)
          if (totals.countryLandKm2[i] > 0) countries.push_back(i);
      if (o.by == "controller") {
        out << "date,controller,name,area_km2,settled_km2,places,settlements";
        for (size_t c : countries) out << ',' << terrain.countryCodes[c] << "_km2," << terrain.countryCodes[c] << "_share";
      } else {
        out << "date,country,controller,name,area_km2,share,land_km2";
      }
      out << '\n';
      header = true;
    }
    std::map<std::string, size_t> places;
    for (const PlaceState& s : frame->states) ++places[s.current->controller];
    for (const ControllerTotals& t : totals.controllers) {
      const Actor* actor = dataset.actor(t.controller);
      std::string name = actor ? actor->name : t.controller;
      if (name.find_first_of(",\"") != std::string::npos) {
        std::string quoted = "\"";
        for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        name = quoted + "\"";
      }
      if (o.by == "controller") {
        out << date.iso() << ',' << t.controller << ',' << name << ',' << fixed(t.areaKm2, 0) << ','
            << fixed(t.settledKm2, 0) << ',' << places[t.controller] << ',' << t.settlements;
        for (size_t c : countries) {
          const double land = totals.countryLandKm2[c];
          out << ',' << fixed(t.byCountryKm2[c], 0) << ',' << fixed(land > 0 ? t.byCountryKm2[c] / land : 0, 4);
        }
        out << '\n';
      } else {
        for (size_t c : countries) {
          if (t.byCountryKm2[c] <= 0) continue;
          const double land = totals.countryLandKm2[c];
          out << date.iso() << ',' << terrain.countryCodes[c] << ',' << t.controller << ',' << name << ','
              << fixed(t.byCountryKm2[c], 0) << ',' << fixed(land > 0 ? t.byCountryKm2[c] / land : 0, 4) << ','
              << fixed(land, 0) << '\n';
        }
      }
    }
    if (progress && (n + 1) % 20 == 0) std::cerr << "frontline stats: " << n + 1 << "/" << dates.size() << " dates\r";
  }
  if (progress) std::cerr << "frontline stats: " << dates.size() << "/" << dates.size() << " dates\n";
  if (auto written = writeOutput(o.output, out.str()); !written) return fail(cmd, written.error());
  return kOk;
}

}  // namespace

Command addStatsCommand(CLI::App& parent) {
  auto options = std::make_shared<StatsOptions>();
  CLI::App* app = parent.add_subcommand(
      "stats", "Print the land area each controller holds (km2, share of each focus country, places, settlements)");
  app->add_option("--date", options->date, "One date, YYYY-MM-DD; default: the dataset's last date");
  app->add_option("--from", options->from, "First date of a series (default: the dataset's start)");
  app->add_option("--to", options->to, "Last date of a series (default: the dataset's end)");
  app->add_option("--step", options->step, "Days between dates of a series: 7d (default), 2w, 30d ...");
  app->add_option("--by", options->by, "controller (default: a row per date and controller) or country (a row per "
                                       "date, country and controller)");
  app->add_option("-o,--output", options->output, "CSV file to write (atomically); default: stdout");
  addMapOptions(*app, options->map);
  addDataOptions(*app, options->data);
  app->footer(
      "Areas come from the same territory model that draws the map: each land cell of the view's grid\n"
      "is held by the reported place that reaches it first along the ground (see README, Areas of\n"
      "control), its true area computed on the WGS84 ellipsoid. Land no place reaches within cap_km is\n"
      "not counted for anyone. settled_km2: the part within reach of towns, villages and river valleys.\n"
      "places: places whose latest report names the controller; settlements: the gazetteer's populated\n"
      "places (and the dataset's places) inside its area. <CC>_share: share of that country's land (0-1).\n"
      "Exit codes: 0 ok, 2 bad command line, 3 unreadable input, 4 errors in the dataset, 6 cannot write.");
  return {app, [options] { return runStats(*options); }};
}

}  // namespace frontline::cli
