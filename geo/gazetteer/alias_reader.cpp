#include "geo/gazetteer/alias_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "geo/gazetteer/distance.hpp"
#include "geo/gazetteer/tsv.hpp"
#include "geo/gazetteer/utf8.hpp"
#include "geo/model/input_file.hpp"

namespace frontline {
namespace {

enum Column : size_t { kName, kAliasOf, kLat, kLon, kCountry, kFeature, kPopulation, kSource, kColumnCount };
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "name", "alias_of", "lat", "lon", "country", "feature_code", "population", "source_url"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

template <class Number>
bool parseNumber(std::string_view text, Number& out) {
  if (text.empty()) return false;
  if constexpr (std::is_floating_point_v<Number>)
    if (text.front() == '+') text.remove_prefix(1);
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

bool isUpperAlnum(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

bool isNumber(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Reads the header row: which field holds which column.
Result<std::array<size_t, kColumnCount>> parseHeader(const std::vector<std::string_view>& fields,
                                                     const std::string& where) {
  std::array<size_t, kColumnCount> index;
  index.fill(SIZE_MAX);
  for (size_t f = 0; f < fields.size(); ++f) {
    const std::string_view name = trim(fields[f]);
    const auto it = std::find(kColumnNames.begin(), kColumnNames.end(), name);
    if (it == kColumnNames.end())
      return makeError(ErrorKind::Data, where,
                       "unknown column '" + std::string(name) +
                           "' in the header (expected name, alias_of, lat, lon, country, feature_code, "
                           "population, source_url)");
    const auto column = static_cast<size_t>(it - kColumnNames.begin());
    if (index[column] != SIZE_MAX) return makeError(ErrorKind::Data, where, "column '" + std::string(name) + "' appears twice");
    index[column] = f;
  }
  for (size_t c = 0; c < kColumnCount; ++c)
    if (index[c] == SIZE_MAX)
      return makeError(ErrorKind::Data, where,
                       "the header lacks the column '" + std::string(kColumnNames[c]) +
                           "' (an aliases file starts with a header row: name, alias_of, lat, lon, country, "
                           "feature_code, population, source_url)");
  return index;
}

Result<AliasRow> parseRow(const std::vector<std::string_view>& fields, const std::array<size_t, kColumnCount>& column,
                          const std::string& where) {
  auto fail = [&](std::string what) { return makeError(ErrorKind::Data, where, std::move(what)); };
  auto cell = [&](Column c) { return trim(fields[column[c]]); };
  AliasRow row;
  row.where = where;
  row.name = std::string(cell(kName));
  if (row.name.empty()) return fail("the name column is empty");
  row.aliasOf = std::string(cell(kAliasOf));
  for (const Column c : {kLat, kLon}) {
    const std::string_view text = cell(c);
    if (text.empty()) continue;
    double value = 0;
    const double bound = c == kLat ? 90 : 180;
    if (!parseNumber(text, value) || !std::isfinite(value) || std::abs(value) > bound)
      return fail(std::string(c == kLat ? "latitude" : "longitude") + " '" + std::string(text) +
                  "' is not a number in " + (c == kLat ? "-90..90" : "-180..180"));
    (c == kLat ? row.lat : row.lon) = value;
  }
  if (row.lat.has_value() != row.lon.has_value()) return fail("give both lat and lon, or neither");
  row.country = std::string(cell(kCountry));
  if (!row.country.empty() && (row.country.size() != 2 || !isUpperAlnum(row.country)))
    return fail("country '" + row.country + "' is not a two-letter ISO 3166-1 code such as SY or IQ");
  const std::string_view feature = cell(kFeature);
  if (!feature.empty()) {
    const size_t dot = feature.find('.');
    const std::string_view cls = dot == std::string_view::npos ? std::string_view("P") : feature.substr(0, dot);
    const std::string_view code = dot == std::string_view::npos ? feature : feature.substr(dot + 1);
    if (cls.size() != 1 || !isUpperAlnum(cls) || !isUpperAlnum(code))
      return fail("feature_code '" + std::string(feature) + "' is not a GeoNames feature code such as PPL or S.AIRB");
    row.featureClass = cls[0];
    row.featureCode = std::string(code);
  }
  const std::string_view population = cell(kPopulation);
  if (!population.empty() && (!parseNumber(population, row.population) || row.population < 0))
    return fail("population '" + std::string(population) + "' is not a whole number");
  row.sourceUrl = std::string(cell(kSource));
  if (!row.sourceUrl.starts_with("http://") && !row.sourceUrl.starts_with("https://"))
    return fail("source_url '" + row.sourceUrl + "' is not an http(s) address; every row needs its source");
  if (row.isNewPlace()) {
    if (!row.lat) return fail("a new place (alias_of empty) needs lat and lon");
    if (row.country.empty()) return fail("a new place (alias_of empty) needs a country code");
    if (row.featureCode.empty()) row.featureCode = "PPL";
  }
  return row;
}

}  // namespace

Result<AliasFile> parseAliases(std::string_view text, const std::string& sourceName) {
  AliasFile file;
  file.sourceName = sourceName;
  std::optional<std::array<size_t, kColumnCount>> header;
  size_t headerFields = 0;
  size_t lineNo = 0, pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || line.front() == '#') continue;
    const std::string where = sourceName + ":" + std::to_string(lineNo);
    if (!isValidUtf8(line)) return makeError(ErrorKind::Data, where, "invalid UTF-8 (the file must be UTF-8 encoded)");
    const std::vector<std::string_view> fields = splitTabs(line);
    if (!header) {
      auto parsed = parseHeader(fields, where);
      if (!parsed) return parsed.error();
      header = *parsed;
      headerFields = fields.size();
      continue;
    }
    if (fields.size() != headerFields)
      return makeError(ErrorKind::Data, where,
                       "expected " + std::to_string(headerFields) + " tab-separated columns (as in the header), found " +
                           std::to_string(fields.size()));
    auto row = parseRow(fields, *header, where);
    if (!row) return row.error();
    file.rows.push_back(std::move(*row));
  }
  if (!header) return makeError(ErrorKind::Data, sourceName, "no header row (name, alias_of, lat, lon, ...): not an aliases file");
  return file;
}

Result<AliasFile> readAliasFile(const std::filesystem::path& path) {
  auto text = readInputFile(path, "aliases", kMaxListBytes);
  if (!text) return text.error();
  return parseAliases(*text, path.string());
}

Result<void> applyAliases(const AliasFile& file, std::vector<Place>& places, int64_t& nextNewId) {
  std::unordered_map<int64_t, size_t> byId;
  byId.reserve(places.size());
  for (size_t i = 0; i < places.size(); ++i) byId.emplace(places[i].id, i);
  std::unordered_map<std::string, size_t> newPlaces;

  for (const AliasRow& row : file.rows) {
    auto fail = [&](std::string what) { return makeError(ErrorKind::Data, row.where, std::move(what)); };
    if (row.isNewPlace()) {
      if (newPlaces.count(row.name)) return fail("the new place '" + row.name + "' is already defined in this file");
      Place p;
      p.id = nextNewId--;
      p.name = row.name;
      p.asciiName = row.name;
      p.lat = *row.lat;
      p.lon = *row.lon;
      p.featureClass = row.featureClass;
      p.featureCode = row.featureCode;
      p.countryCode = row.country;
      p.population = row.population;
      p.source = row.where;
      newPlaces.emplace(row.name, places.size());
      places.push_back(std::move(p));
      continue;
    }
    size_t target = SIZE_MAX;
    if (isNumber(row.aliasOf)) {
      int64_t id = 0;
      if (!parseNumber(std::string_view(row.aliasOf), id) || !byId.count(id))
        return fail("alias_of " + row.aliasOf + ": no place with that geonameid is loaded");
      target = byId.at(id);
    } else {
      const auto it = newPlaces.find(row.aliasOf);
      if (it == newPlaces.end())
        return fail("alias_of '" + row.aliasOf + "': no new place of that name in an earlier row of this file");
      target = it->second;
    }
    Place& place = places[target];
    if (row.lat) {
      const double km = greatCircleKm(*row.lat, *row.lon, place.lat, place.lon);
      if (km > kAliasCheckKm)
        return fail("'" + row.name + "' is given at " + std::to_string(*row.lat) + "," + std::to_string(*row.lon) + ", " +
                    std::to_string(static_cast<int>(km)) + " km from " + place.name + " (alias_of " + row.aliasOf +
                    "); a wrong id?");
    }
    if (!row.country.empty() && row.country != place.countryCode)
      return fail("country " + row.country + " differs from " + place.name + "'s (" + place.countryCode + ")");
    if (row.name != place.name && std::find(place.alternates.begin(), place.alternates.end(), row.name) == place.alternates.end())
      place.alternates.push_back(row.name);
  }
  return {};
}

}  // namespace frontline
