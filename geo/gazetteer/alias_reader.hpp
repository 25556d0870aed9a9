// Extras/aliases files: spellings the GeoNames files lack, and places they lack, each with a source.
//
// Format: UTF-8, tab-separated, one header row that names the columns (in any order); empty lines
// and lines starting with '#' are ignored. Columns (all must be present; cells may be empty where
// said):
//   name          the spelling (required)
//   alias_of      empty: the row adds a new place called `name`;
//                 a number: the geonameid of the place that `name` is another spelling of;
//                 other text: the name of a new place added by an earlier row of the same file
//   lat, lon      decimal degrees. Required for a new place. For an alias optional; when given they
//                 must lie within kAliasCheckKm of the place (this catches a wrong geonameid)
//   country       ISO 3166-1 alpha-2 code; required for a new place
//   feature_code  GeoNames feature code, "PPL" or with its class "S.AIRB"; class P when none is
//                 given; empty means PPL (new places only)
//   population    whole number, may be empty
//   source_url    where the spelling or the place is attested (required; http:// or https://)
// Example:
//   name	alias_of	lat	lon	country	feature_code	population	source_url
//   Baghuz Fawqani		34.4617	40.9472	SY	PPL		https://en.wikipedia.org/wiki/Baghuz_Fawqani
//   Baghouz	Baghuz Fawqani						https://...
//   Boukamal	174448	34.45	40.92				https://...
// Every problem is reported as "file:line: what".
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/gazetteer/place.hpp"
#include "geo/model/result.hpp"

namespace frontline {

struct AliasRow {
  std::string where;    // "file:line"
  std::string name;
  std::string aliasOf;  // empty, a geonameid, or the name of a new place in the same file
  std::optional<double> lat, lon;
  std::string country;
  char featureClass = 'P';
  std::string featureCode;
  int64_t population = 0;
  std::string sourceUrl;

  bool isNewPlace() const { return aliasOf.empty(); }
};

struct AliasFile {
  std::string sourceName;
  std::vector<AliasRow> rows;
};

constexpr double kAliasCheckKm = 25;

Result<AliasFile> parseAliases(std::string_view text, const std::string& sourceName);
Result<AliasFile> readAliasFile(const std::filesystem::path& path);

// Adds the file's new places to `places` (ids counting down from nextNewId, so they never collide
// with geonameids; nextNewId is updated) and its aliases to the places' alternate names.
// Errors: an unknown geonameid or place name, an alias far from its place, a repeated new place.
Result<void> applyAliases(const AliasFile& file, std::vector<Place>& places, int64_t& nextNewId);

}  // namespace frontline
