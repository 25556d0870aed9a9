// Where people live, on the terrain grid: settled land around towns and villages (wider around
// larger ones) and along rivers, the river crossings that towns on a river provide, and cheaper
// travel through settled land, so that control follows valleys and the places between towns.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geo/territory/terrain.hpp"

namespace frontline {

struct Settlement {
  double x = 0, y = 0;          // map units
  int64_t population = 0;       // 0: unknown
  std::string name;
  std::string countryCode;
};

struct SettlementFieldOptions {
  double metresPerUnit = 1;
  double minRadiusKm = 6;        // a village of 500 people settles this far around it
  double maxRadiusKm = 25;       // the largest city
  double fadeKm = 8;             // settled land fades to empty over this distance
  double valleyKm = 5;           // rivers: settled land this far either side
  double crossingKm = 4;         // a town this close to a river cell makes it a crossing
  double settledCost = 0.6;      // cost of travel through fully settled land (open land: 1)
};

// Settled radius of a place of `population` people (0: unknown, taken as a village).
double settledRadiusKm(int64_t population, const SettlementFieldOptions& options);

// Fills terrain.inhabited, terrain.crossing and terrain.stepCost from the settlements and
// terrain.river. Only land cells are marked.
void applySettlements(Terrain& terrain, const std::vector<Settlement>& settlements,
                      const SettlementFieldOptions& options);

}  // namespace frontline
