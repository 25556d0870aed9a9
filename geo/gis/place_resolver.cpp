#include "geo/gis/place_resolver.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "geo/gazetteer/distance.hpp"
#include "geo/gis/text.hpp"

namespace frontline {
namespace {

using text::concat;

constexpr double kCellDegrees = 0.1;

int cellOf(double degrees) { return static_cast<int>(std::floor(degrees / kCellDegrees)); }

std::string fixed(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string describe(const Place& p) {
  return concat({p.name, " (", p.countryCode, ", ", fixed(p.lat, 3), ",", fixed(p.lon, 3), ")"});
}

ResolvedPlace fromPlace(const Place& p) {
  ResolvedPlace r;
  r.id = concat({"gn:", std::to_string(p.id)});
  r.canonicalName = p.name;
  r.lat = p.lat;
  r.lon = p.lon;
  r.country = p.countryCode;
  return r;
}

}  // namespace

PlaceResolver::PlaceResolver(const Gazetteer* gazetteer, std::vector<std::string> focusCountries)
    : gazetteer_(gazetteer), focusCountries_(std::move(focusCountries)) {
  if (!gazetteer_) return;
  const auto& places = gazetteer_->places();
  for (size_t i = 0; i < places.size(); ++i)
    grid_[cellKey(cellOf(places[i].lat), cellOf(places[i].lon))].push_back(static_cast<uint32_t>(i));
}

std::string PlaceResolver::coordinateId(double lat, double lon) {
  // Round first so that -0.00001 does not print as -0.0000.
  auto round4 = [](double v) {
    const double r = std::round(v * 1e4) / 1e4;
    return r == 0 ? 0.0 : r;
  };
  return concat({"ll:", fixed(round4(lat), 4), ",", fixed(round4(lon), 4)});
}

const ResolvedPlace& PlaceResolver::byName(std::string_view name, std::string_view country) {
  key_.assign(name);
  key_.push_back('\x1f');
  key_.append(country);
  if (auto it = byName_.find(std::string_view(key_)); it != byName_.end()) return it->second;
  return byName_.emplace(key_, geocode(name, country)).first->second;
}

const ResolvedPlace& PlaceResolver::at(std::string_view name, double lat, double lon) {
  const int32_t latE4 = static_cast<int32_t>(std::lround(lat * 1e4)), lonE4 = static_cast<int32_t>(std::lround(lon * 1e4));
  key_.assign(name);
  key_.push_back('\x1f');
  char bytes[8];
  std::memcpy(bytes, &latE4, 4);
  std::memcpy(bytes + 4, &lonE4, 4);
  key_.append(bytes, sizeof bytes);
  if (auto it = byCoordinates_.find(std::string_view(key_)); it != byCoordinates_.end()) return it->second;
  return byCoordinates_.emplace(key_, nearby(name, lat, lon)).first->second;
}

ResolvedPlace PlaceResolver::geocodeNear(std::string_view name, std::string_view country,
                                         const std::vector<ContextPoint>& points) const {
  return geocode(name, country, points);
}

ResolvedPlace PlaceResolver::geocode(std::string_view name, std::string_view country,
                                     const std::vector<ContextPoint>& points) const {
  ResolvedPlace r;
  const std::string quoted = concat({"place '", name, "'"});
  if (!gazetteer_) {
    r.problem = concat({quoted, " has no coordinates and no gazetteer is loaded: give lat and lon"});
    r.problemIsError = true;
    return r;
  }
  MatchContext context;
  if (!country.empty()) context.countries.emplace_back(country);
  else context.countries = focusCountries_;
  context.points = points;
  const MatchResult match = gazetteer_->match(name, context);
  // Only a loose spelling far outside the countries: as good as nothing (a typo, not a place elsewhere).
  const bool looseElsewhere = match.resolved() && match.outsideCountries && match.best().nameScore < kOutsideNameScore;
  if (!match.resolved() || looseElsewhere) {
    r.problem = quoted + " does not geocode";
    // Suggestions compare spellings pairwise: only for names of a plausible length.
    constexpr size_t kMaxSuggestBytes = 120;
    const auto suggestions = name.size() <= kMaxSuggestBytes ? gazetteer_->suggest(name, context, 3)
                                                              : std::vector<Candidate>{};
    for (size_t i = 0; i < suggestions.size(); ++i)
      r.problem += concat({i == 0 ? "; did you mean " : ", ", suggestions[i].place->name, " (",
                           suggestions[i].place->countryCode, ")"});
    r.problem += suggestions.empty() ? "" : "?";
    r.problem += " Give lat and lon, or add the spelling to an aliases file";
    r.problemIsError = true;
    return r;
  }
  const Candidate& best = match.best();
  r = fromPlace(*best.place);
  if (match.outsideCountries) {
    std::string countries;
    for (const std::string& c : context.countries) countries += (countries.empty() ? "" : ",") + c;
    r.problem = concat({quoted, " is not a place in ", countries, ": the nearest spelling is ", describe(*best.place),
                        ". Check the country, or give lat and lon"});
    // A row's own country is a statement about this place; focus countries only a default.
    r.problemIsError = !country.empty();
    if (r.problemIsError) r.id.clear();
    return r;
  }
  if (match.ambiguous) {
    r.ambiguous = true;
    r.problem = concat({quoted, " is ambiguous: ", describe(*best.place)});
    for (size_t i = 1; i < match.candidates.size(); ++i)
      if (match.candidates[i].score >= best.score - Gazetteer::kAmbiguityMargin)
        r.problem += concat({" or ", describe(*match.candidates[i].place)});
    r.problem += "; using the first. A country, or lat and lon, would settle it";
  } else if (best.score < kLooseScore) {
    r.problem = concat({quoted, " matches ", describe(*best.place), " only loosely (score ", fixed(best.score, 2),
                        "); check it, or give lat and lon"});
  }
  return r;
}

ResolvedPlace PlaceResolver::nearby(std::string_view name, double lat, double lon) const {
  ResolvedPlace r;
  r.id = coordinateId(lat, lon);
  r.lat = lat;
  r.lon = lon;
  if (!gazetteer_) return r;
  // Only names with a gazetteer place this close are worth a (costly) name match.
  const auto& places = gazetteer_->places();
  const double lonCellKm = std::max(0.5, 111.32 * std::cos(lat * 3.14159265358979323846 / 180) * kCellDegrees);
  const int lonReach = static_cast<int>(std::ceil(kMergeKm / lonCellKm));
  const int latCell = cellOf(lat), lonCell = cellOf(lon);
  std::vector<const Place*> close;
  for (int dy = -1; dy <= 1; ++dy)
    for (int dx = -lonReach; dx <= lonReach; ++dx)
      if (auto it = grid_.find(cellKey(latCell + dy, lonCell + dx)); it != grid_.end())
        for (uint32_t i : it->second)
          if (greatCircleKm(lat, lon, places[i].lat, places[i].lon) <= kMergeKm) close.push_back(&places[i]);
  if (close.empty()) return r;
  MatchContext context;
  context.near = NearPoint{lat, lon, kMergeKm};
  const MatchResult match = gazetteer_->match(name, context);
  for (const Candidate& c : match.candidates)
    if (c.nameScore >= kLooseScore && std::find(close.begin(), close.end(), c.place) != close.end())
      return fromPlace(*c.place);
  return r;
}

}  // namespace frontline
