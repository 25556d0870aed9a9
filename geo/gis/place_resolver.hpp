// Place identity for event rows: names without coordinates are geocoded through the gazetteer;
// rows with coordinates keep them, unless a gazetteer place of the same name lies within
// kMergeKm, in which case they join that place (so "Baghuz" rows with and without coordinates
// are one place). Results are cached per distinct name/country or name/coordinates.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geo/gazetteer/gazetteer.hpp"

namespace frontline {

struct ResolvedPlace {
  std::string id;             // "gn:<geonameid>" or "ll:<lat>,<lon>" (4 decimals); empty: unresolved
  std::string canonicalName;  // the gazetteer's name; empty for coordinates that matched nothing
  double lat = 0, lon = 0;
  std::string country;        // ISO alpha-2 of the gazetteer place; empty otherwise
  // For names geocoded without coordinates: an error (unresolved) or warning (ambiguous, loose).
  std::string problem;
  bool problemIsError = false;
  bool ambiguous = false;  // geocoded, but another place of that name fits almost as well
};

class PlaceResolver {
 public:
  static constexpr double kMergeKm = 2.0;     // a row's coordinates this close to a same-named place join it
  static constexpr double kLooseScore = 0.8;  // geocoded matches scoring below this get a warning
  // A name matched only outside the row's (or the focus) countries is reported as a place elsewhere
  // when its spelling matches this well (name score), else as not geocoding at all.
  static constexpr double kOutsideNameScore = 0.8;

  // gazetteer may be null (then names without coordinates cannot be resolved).
  PlaceResolver(const Gazetteer* gazetteer, std::vector<std::string> focusCountries);

  // A name without coordinates; country: an ISO alpha-2 hint or empty (then the focus countries).
  const ResolvedPlace& byName(std::string_view name, std::string_view country);
  // A name with coordinates (validated: lat -90..90, lon -180..180).
  const ResolvedPlace& at(std::string_view name, double lat, double lon);

  static std::string coordinateId(double lat, double lon);

  // Where the dataset's other places are: an ambiguous name is resolved again with them (of two
  // towns of one name, the one near the rest of the table wins; Gazetteer MatchContext::points).
  // The answer is not cached.
  ResolvedPlace geocodeNear(std::string_view name, std::string_view country,
                            const std::vector<ContextPoint>& points) const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Cache = std::unordered_map<std::string, ResolvedPlace, Hash, std::equal_to<>>;

  ResolvedPlace geocode(std::string_view name, std::string_view country,
                        const std::vector<ContextPoint>& points = {}) const;
  ResolvedPlace nearby(std::string_view name, double lat, double lon) const;
  static int64_t cellKey(int latCell, int lonCell) { return (static_cast<int64_t>(latCell) << 32) ^ (lonCell & 0xffffffffLL); }

  const Gazetteer* gazetteer_;
  std::vector<std::string> focusCountries_;
  std::unordered_map<int64_t, std::vector<uint32_t>> grid_;  // places by kCellDegrees cell
  Cache byName_, byCoordinates_;
  std::string key_;
};

}  // namespace frontline
