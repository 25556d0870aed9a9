#include "map_options.hpp"

#include <iostream>

#include "cli_support.hpp"
#include "geo/gazetteer/label_language.hpp"

namespace frontline::cli {

void addMapOptions(CLI::App& app, MapArgs& args) {
  app.add_option("--crs", args.crs,
                 "Map projection: 'auto' (Lambert conformal conic fitted to the view), an EPSG code "
                 "(EPSG:3857) or a PROJ string")
      ->capture_default_str();
  app.add_option("--bbox", args.bbox, "Area to show, lon0,lat0,lon1,lat1 in degrees (default: around the dataset's places)");
  app.add_option("--layer", args.layers,
                 "Replace a base layer with your own file (any OGR format): KIND=FILE, KIND one of land, "
                 "countries, country_lines, province_lines, rivers, lakes, towns (GeoNames TSV)");
  app.add_option("--assets", args.assets, "Folder of map data and datasets (default: the installed or the project's assets/)");
  std::string languages;
  for (const LabelLanguage& l : labelLanguages()) languages += (languages.empty() ? "" : ", ") + std::string(l.code);
  app.add_option("--lang", args.lang,
                 "Language of town labels: " + languages +
                     " (chosen by script from GeoNames' alternate names; a town without a name in that "
                     "script keeps its default name)")
      ->capture_default_str();
  app.add_flag("-q,--quiet", args.quiet, "Do not print warnings");
}

Result<MapSourceOptions> toMapSource(const MapArgs& args, const std::string& command) {
  MapSourceOptions source;
  source.layers = BaseLayerPaths::world(assetDir(args.assets));
  for (const std::string& spec : args.layers) {
    const size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size())
      return makeError(ErrorKind::Usage, "--layer '" + spec + "'", "expected KIND=FILE, e.g. rivers=my_rivers.gpkg");
    if (auto r = source.layers.override(spec.substr(0, eq), spec.substr(eq + 1)); !r) return r.error();
  }
  source.crs = args.crs;
  if (!findLabelLanguage(args.lang)) {
    std::string list;
    for (const LabelLanguage& l : labelLanguages())
      list += "\n  " + std::string(l.code) + "  " + std::string(l.name) + ": " + std::string(l.gets);
    return makeError(ErrorKind::Usage, "--lang '" + args.lang + "'", "unknown language; available:" + list);
  }
  source.language = args.lang;
  if (!args.bbox.empty()) {
    auto box = LonLatBox::parse(args.bbox);
    if (!box) return makeError(ErrorKind::Usage, "--bbox", box.error().what);
    source.view = *box;
  }
  if (!args.quiet)
    source.warn = [command](const std::string& message) {
      std::cerr << "frontline " << command << ": warning: " << message << "\n";
    };
  return source;
}

}  // namespace frontline::cli
