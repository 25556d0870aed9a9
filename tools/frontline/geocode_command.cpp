// `frontline geocode`: place names as reports spell them -> coordinates, one TSV row per name.
#include <cctype>
#include <chrono>
#include <filesystem>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli_support.hpp"
#include "commands.hpp"
#include "geo/gazetteer/gazetteer.hpp"
#include "geo/gazetteer/gazetteer_loader.hpp"
#include "geo/model/display_text.hpp"

namespace frontline::cli {
namespace {

constexpr int kSomeUnresolved = 1;

struct GeocodeOptions {
  std::vector<std::string> names;
  std::string countries;
  std::string near;
  std::string bbox;
  std::vector<std::string> gazetteers;
  std::vector<std::string> aliases;
  bool noBundled = false;
  std::string assets;
  bool quiet = false;
  bool explain = false;
};

bool parseDouble(std::string_view text, double& out) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc() && ptr == text.data() + text.size();
}

std::vector<std::string> splitCommas(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) parts.push_back(part);
  if (!text.empty() && text.back() == ',') parts.emplace_back();
  return parts;
}

Result<MatchContext> parseContext(const GeocodeOptions& o) {
  MatchContext context;
  if (!o.countries.empty()) {
    for (std::string code : splitCommas(o.countries)) {
      for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (code.size() != 2 || !std::isalpha(static_cast<unsigned char>(code[0])) ||
          !std::isalpha(static_cast<unsigned char>(code[1])))
        return makeError(ErrorKind::Usage, "--country '" + o.countries + "'",
                         "expected two-letter ISO country codes separated by commas, e.g. IQ,SY");
      context.countries.push_back(code);
    }
  }
  if (!o.near.empty()) {
    const auto parts = splitCommas(o.near);
    NearPoint near;
    const bool ok = (parts.size() == 2 || parts.size() == 3) && parseDouble(parts[0], near.lat) &&
                    parseDouble(parts[1], near.lon) && (parts.size() == 2 || parseDouble(parts[2], near.radiusKm)) &&
                    std::abs(near.lat) <= 90 && std::abs(near.lon) <= 180 && near.radiusKm > 0;
    if (!ok)
      return makeError(ErrorKind::Usage, "--near '" + o.near + "'",
                       "expected LAT,LON or LAT,LON,KM in degrees and kilometres, e.g. 34.45,40.92,50");
    context.near = near;
  }
  if (!o.bbox.empty()) {
    auto box = LonLatBox::parse(o.bbox);
    if (!box) return makeError(ErrorKind::Usage, "--bbox '" + o.bbox + "'", box.error().what);
    context.box = *box;
  }
  return context;
}

std::string coordinate(double value, int decimals) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(decimals) << value;
  return out.str();
}

// Tabs or newlines in a name would break the table.
std::string cell(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return displayText(out, std::string::npos);  // no raw escape sequences or invalid UTF-8
}

std::string describe(const Candidate& c) {
  return std::string(c.place->name) + " (" + c.place->countryCode + ", " + coordinate(c.place->lat, 3) + "," +
         coordinate(c.place->lon, 3) + ", score " + coordinate(c.score, 2) + ")";
}

int runGeocode(const GeocodeOptions& o) {
  const std::string cmd = "geocode";
  auto context = parseContext(o);
  if (!context) return fail(cmd, context.error());

  std::vector<std::string> queries;
  for (const std::string& name : o.names) {
    if (name != "-") {
      queries.push_back(name);
      continue;
    }
    for (std::string line; std::getline(std::cin, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") != std::string::npos) queries.push_back(line);
    }
  }
  if (queries.empty())
    return fail(cmd, makeError(ErrorKind::Usage, "", "no names given (pass NAME... or - to read names from stdin)"));

  GazetteerFiles files;
  std::filesystem::path cache;
  if (!o.noBundled) {
    auto defaults = defaultGazetteerFiles(assetDir(o.assets));
    if (!defaults) return fail(cmd, defaults.error());
    if (!defaults->warning.empty()) std::cerr << "frontline geocode: warning: " << defaults->warning << "\n";
    files = std::move(defaults->files);
    if (o.gazetteers.empty() && o.aliases.empty()) cache = defaults->cache;  // the cache holds the defaults only
  }
  for (const std::string& path : o.gazetteers) files.geonames.emplace_back(path);
  for (const std::string& path : o.aliases) files.aliases.emplace_back(path);
  if (files.geonames.empty() && files.aliases.empty())
    return fail(cmd, makeError(ErrorKind::Usage, "--no-bundled", "no gazetteer left: add --gazetteer FILE"));
  std::string cacheWarning;
  auto gazetteer = cache.empty() ? loadGazetteer(files) : loadGazetteerCached(files, cache, &cacheWarning);
  if (!gazetteer) return fail(cmd, gazetteer.error());
  if (!cacheWarning.empty() && !o.quiet) std::cerr << "frontline geocode: warning: " << cacheWarning << "\n";

  std::ostringstream out;
  out << "query\tname\tlat\tlon\tcountry\tfeature\tscore\talternatives\n";
  int unresolved = 0, outside = 0;
  for (const std::string& query : queries) {
    const MatchResult result = gazetteer->match(query, *context);
    if (!result.resolved()) {
      ++unresolved;
      out << cell(query) << "\t\t\t\t\t\t\t\n";
      // Suggestions compare spellings pairwise: only for names of a plausible length.
      const auto suggestions = query.size() <= 120 ? gazetteer->suggest(query, *context) : std::vector<Candidate>{};
      std::cerr << "frontline geocode: '" << displayText(query) << "': no place of that name";
      for (size_t i = 0; i < suggestions.size(); ++i)
        std::cerr << (i == 0 ? "; did you mean " : ", ") << suggestions[i].place->name << " ("
                  << suggestions[i].place->countryCode << ")";
      std::cerr << (suggestions.empty() ? "\n" : "?\n");
      continue;
    }
    const Candidate& best = result.best();
    if (result.outsideCountries) ++outside;
    if (result.outsideCountries)
      std::cerr << "frontline geocode: warning: '" << query << "': no place of that name in " << o.countries
                << "; the best match is " << describe(best) << " outside it\n";
    if (o.explain)
      for (const Candidate& c : result.candidates)
        std::cerr << "frontline geocode: '" << displayText(query) << "' -> " << c.place->name << " [" << c.place->countryCode << ' '
                  << c.place->featureCode << ", population " << c.place->population << "]: " << matchKindName(c.kind)
                  << " match of '" << c.matchedName << "', name score " << coordinate(c.nameScore, 3) << ", score "
                  << coordinate(c.score, 3) << "\n";
    out << cell(query) << '\t' << cell(best.place->name) << '\t' << coordinate(best.place->lat, 5) << '\t'
        << coordinate(best.place->lon, 5) << '\t' << best.place->countryCode << '\t' << best.place->featureCode
        << '\t' << coordinate(best.score, 3) << '\t';
    for (size_t i = 1; i < result.candidates.size(); ++i) {
      const Place& p = *result.candidates[i].place;
      out << (i > 1 ? "; " : "") << cell(p.name) << '@' << coordinate(p.lat, 4) << ',' << coordinate(p.lon, 4);
    }
    out << '\n';
    if (result.ambiguous && !o.quiet) {
      std::cerr << "frontline geocode: warning: '" << displayText(query) << "' is ambiguous: " << describe(best);
      for (size_t i = 1; i < result.candidates.size(); ++i)
        if (result.candidates[i].score >= best.score - Gazetteer::kAmbiguityMargin)
          std::cerr << " or " << describe(result.candidates[i]);
      std::cerr << "; narrow it with --country or --near\n";
    }
  }
  std::cout << out.str() << std::flush;
  if (!std::cout) return fail(cmd, makeError(ErrorKind::Io, "stdout", "cannot write the results"));
  return unresolved > 0 || outside > 0 ? kSomeUnresolved : kOk;
}

int runBuildIndex(const std::string& assets) {
  const std::string cmd = "gazetteer build-index";
  auto defaults = defaultGazetteerFiles(assetDir(assets));
  if (!defaults) return fail(cmd, defaults.error());
  if (defaults->cache.empty())
    return fail(cmd, makeError(ErrorKind::Input, (assetDir(assets) / "world" / "cities500.txt").string(),
                               "missing world gazetteer: run tools/setup.sh to build assets/world/"));
  const auto t0 = std::chrono::steady_clock::now();
  if (auto built = buildGazetteerIndex(defaults->files, defaults->cache); !built) return fail(cmd, built.error());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cerr << "frontline gazetteer: wrote " << defaults->cache.string() << " in " << coordinate(seconds, 1) << " s\n";
  return kOk;
}

}  // namespace

Command addGeocodeCommand(CLI::App& parent) {
  auto options = std::make_shared<GeocodeOptions>();
  CLI::App* app = parent.add_subcommand(
      "geocode", "Find the coordinates of place names, however reports spell them (Boukamal, Deir el-Zour, Qaim).");
  app->add_option("names", options->names, "Place names; '-' reads one name per line from stdin")->required();
  app->add_option("--country", options->countries,
                  "Prefer places in these countries: ISO codes separated by commas, e.g. IQ,SY");
  app->add_option("--near", options->near,
                  "Prefer places near a point: LAT,LON[,KM] in degrees, radius in km (default 50)");
  app->add_option("--bbox", options->bbox, "Prefer places inside lon0,lat0,lon1,lat1 (degrees)");
  app->add_option("--gazetteer", options->gazetteers,
                  "Also load this GeoNames-format file (19 tab-separated columns, e.g. a full country dump "
                  "SY.txt from download.geonames.org); repeatable; a geonameid loaded again replaces the earlier row")
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all();
  app->add_option("--aliases", options->aliases,
                  "Also load this extras/aliases file (TSV with a header: name, alias_of, lat, lon, country, "
                  "feature_code, population, source_url; see assets/gazetteer/extras.tsv); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all();
  app->add_flag("--no-bundled", options->noBundled,
                "Do not load the bundled gazetteer (assets/world/cities500.txt, or the regional "
                "assets/gazetteer/geonames-region.tsv without it, and assets/gazetteer/extras.tsv)");
  app->add_option("--assets", options->assets, "Folder of bundled data (default: the project's assets/)");
  app->add_flag("-q,--quiet", options->quiet, "Do not warn about ambiguous names");
  app->add_flag("--explain", options->explain,
                "Say on stderr how each candidate matched (which spelling, how, with what scores)");
  app->footer(
      "Output: a header, then one tab-separated row per name:\n"
      "  query  name  lat  lon  country  feature  score  alternatives\n"
      "name is the gazetteer's (GeoNames) spelling, feature its GeoNames feature code, score 0..1 how\n"
      "well the spelling and the context fit, alternatives up to 3 other candidates as name@lat,lon.\n"
      "A name that matches nothing gets a row with empty fields and 'did you mean ...' on stderr;\n"
      "ambiguous names (close candidates far apart) get a warning on stderr.\n"
      "With --country, a place found only outside those countries is still printed, with a warning\n"
      "on stderr, and counts as not resolved for the exit code.\n"
      "Exit codes: 0 all names resolved, 1 some names did not resolve, 2 bad command line,\n"
      "            3 missing/unreadable gazetteer file, 4 invalid gazetteer file (the error names file:line).\n"
      "Examples:\n"
      "  frontline geocode Boukamal \"Deir el-Zour\" Qaim Telafer\n"
      "  frontline geocode --country SY --gazetteer SY.txt - < names.txt");
  return {app, [options] { return runGeocode(*options); }};
}

Command addGazetteerCommand(CLI::App& parent) {
  auto assets = std::make_shared<std::string>();
  CLI::App* app = parent.add_subcommand("gazetteer", "Maintain the gazetteer's binary index");
  app->require_subcommand(1);
  CLI::App* build = app->add_subcommand(
      "build-index", "Index assets/world/cities500.txt and the bundled extras now (tools/setup.sh runs this); "
                     "otherwise the first command that geocodes builds it");
  build->add_option("--assets", *assets, "Folder of bundled data (default: the project's assets/)");
  build->footer("The index is kept beside the data (assets/world/cities500.frontline-index), rebuilt when a file's\n"
                "size or time or the index version changes, and written atomically.\n"
                "Exit codes: 0 written, 3 world gazetteer missing or unreadable, 4 invalid gazetteer file, 6 cannot write.");
  return {app, [assets] { return runBuildIndex(*assets); }};
}

}  // namespace frontline::cli
