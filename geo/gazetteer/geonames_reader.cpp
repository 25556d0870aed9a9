#include "geo/gazetteer/geonames_reader.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "geo/gazetteer/tsv.hpp"
#include "geo/gazetteer/utf8.hpp"
#include "geo/model/input_file.hpp"

namespace frontline {
namespace {

constexpr size_t kColumns = 19;

enum Column : size_t {
  kId = 0, kName = 1, kAsciiName = 2, kAlternates = 3, kLat = 4, kLon = 5, kFeatureClass = 6,
  kFeatureCode = 7, kCountry = 8, kPopulation = 14,
};

template <class Number>
bool parseNumber(std::string_view text, Number& out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

std::vector<std::string> splitCommas(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    if (comma > start) out.emplace_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace

Result<std::vector<Place>> parseGeoNames(std::string_view text, const std::string& sourceName) {
  std::vector<Place> places;
  size_t lineNo = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;

    const std::string where = sourceName + ":" + std::to_string(lineNo);
    auto fail = [&](std::string what) { return makeError(ErrorKind::Data, where, std::move(what)); };
    if (!isValidUtf8(line)) return fail("invalid UTF-8 (the file must be UTF-8 encoded)");
    const auto fields = splitTabs(line);
    if (fields.size() != kColumns)
      return fail("expected " + std::to_string(kColumns) + " tab-separated columns (GeoNames format), found " +
                  std::to_string(fields.size()));

    Place p;
    if (!parseNumber(fields[kId], p.id)) return fail("geonameid '" + std::string(fields[kId]) + "' is not a number");
    p.name = std::string(fields[kName]);
    if (p.name.empty()) return fail("the name column is empty");
    p.asciiName = fields[kAsciiName].empty() ? p.name : std::string(fields[kAsciiName]);
    p.alternates = splitCommas(fields[kAlternates]);
    if (!parseNumber(fields[kLat], p.lat) || !std::isfinite(p.lat) || p.lat < -90 || p.lat > 90)
      return fail("latitude '" + std::string(fields[kLat]) + "' is not a number in -90..90");
    if (!parseNumber(fields[kLon], p.lon) || !std::isfinite(p.lon) || p.lon < -180 || p.lon > 180)
      return fail("longitude '" + std::string(fields[kLon]) + "' is not a number in -180..180");
    p.featureClass = fields[kFeatureClass].empty() ? '\0' : fields[kFeatureClass][0];
    p.featureCode = std::string(fields[kFeatureCode]);
    p.countryCode = std::string(fields[kCountry]);
    if (!fields[kPopulation].empty() && !parseNumber(fields[kPopulation], p.population))
      return fail("population '" + std::string(fields[kPopulation]) + "' is not a whole number");
    p.source = where;
    places.push_back(std::move(p));
  }
  return places;
}

Result<std::vector<Place>> readGeoNamesFile(const std::filesystem::path& path) {
  auto text = readInputFile(path, "gazetteer", kMaxListBytes);
  if (!text) return text.error();
  return parseGeoNames(*text, path.string());
}

}  // namespace frontline
