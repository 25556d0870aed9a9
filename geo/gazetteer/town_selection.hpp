// Picks the towns worth labelling on a map: populated places inside a box, most important first.
#pragma once

#include <vector>

#include "geo/gazetteer/place.hpp"
#include "geo/model/lonlat_box.hpp"

namespace frontline {

// Importance of a place for labelling: capitals and provincial seats first, then population.
double labelImportance(const Place& place);

// Populated places (feature class P) inside `box` with at least `minPopulation` people,
// sorted by labelImportance, descending; at most `maxCount`.
std::vector<Place> selectTowns(const std::vector<Place>& places, const LonLatBox& box, long minPopulation,
                               size_t maxCount);

}  // namespace frontline
