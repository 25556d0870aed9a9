// `frontline areas`: the areas of control on a date, written as polygons for QGIS and friends.
#include <iostream>
#include <memory>

#include "cli_support.hpp"
#include "commands.hpp"
#include "data_options.hpp"
#include "geo/gis/area_writer.hpp"
#include "geo/gis/map_session.hpp"
#include "map_options.hpp"

namespace frontline::cli {
namespace {

struct AreasOptions {
  std::string date;
  std::string output;
  MapArgs map;
  DataArgs data;
};

int runAreas(const AreasOptions& o) {
  const std::string cmd = "areas";
  auto source = toMapSource(o.map, cmd);
  if (!source) return fail(cmd, source.error());
  auto data = loadDataArgs(o.data, o.map.assets, cmd, o.map.quiet);
  if (!data) return fail(cmd, data.error());
  if (!*data) return fail(cmd, makeError(ErrorKind::Usage, "--no-data", "areas need a dataset"));
  Date date = (*data)->dataset.end();
  if (!o.date.empty()) {
    auto parsed = Date::parse(o.date);
    if (!parsed) return fail(cmd, makeError(ErrorKind::Usage, "--date", parsed.error().what));
    date = *parsed;
  }
  auto session = MapSession::open(*source, std::move(data).value());
  if (!session) return fail(cmd, session.error());
  auto frame = (*session)->frameAt(date);
  if (!frame) return fail(cmd, frame.error());
  const std::vector<ControllerArea> polygons = (*session)->areaBuilder()->controllerPolygons(*frame->areas);
  if (auto r = writeControlAreas(o.output, *frame->areas, polygons, (*session)->data()->dataset,
                                 (*session)->map().projection, date);
      !r)
    return fail(cmd, r.error());
  std::cout << o.output << "\n";
  std::cerr << "frontline areas: " << polygons.size() << " controllers, " << frame->areas->sites.size()
            << " places on " << date.iso() << "\n";
  return kOk;
}

}  // namespace

Command addAreasCommand(CLI::App& parent) {
  auto options = std::make_shared<AreasOptions>();
  CLI::App* app = parent.add_subcommand(
      "areas", "Write the areas of control on a date as polygons (GeoPackage, GeoJSON, Shapefile, KML)");
  app->add_option("--date", options->date, "Date, YYYY-MM-DD; default: the dataset's last date");
  app->add_option("-o,--output", options->output, "Output file: .gpkg, .geojson, .shp, .kml or .fgb")->required();
  addMapOptions(*app, options->map);
  addDataOptions(*app, options->data);
  return {app, [options] { return runAreas(*options); }};
}

}  // namespace frontline::cli
