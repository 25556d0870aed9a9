#include "geo/gazetteer/town_selection.hpp"

#include <algorithm>
#include <cmath>

namespace frontline {

double labelImportance(const Place& place) {
  double score = std::log10(static_cast<double>(std::max<int64_t>(place.population, 1)));
  if (place.featureCode == "PPLC") score += 3.0;        // national capital
  else if (place.featureCode == "PPLA") score += 1.0;   // provincial seat
  return score;
}

std::vector<Place> selectTowns(const std::vector<Place>& places, const LonLatBox& box, long minPopulation,
                               size_t maxCount) {
  std::vector<Place> towns;
  for (const Place& p : places)
    if (p.featureClass == 'P' && p.population >= minPopulation && box.contains(p.lon, p.lat)) towns.push_back(p);
  std::stable_sort(towns.begin(), towns.end(), [](const Place& a, const Place& b) {
    const double ia = labelImportance(a), ib = labelImportance(b);
    if (ia != ib) return ia > ib;
    return a.id < b.id;  // deterministic order for equal importance
  });
  if (towns.size() > maxCount) towns.resize(maxCount);
  return towns;
}

}  // namespace frontline
