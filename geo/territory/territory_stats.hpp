// Numbers a reader can check against published figures: land area held per controller (on the
// ellipsoid, from the terrain's cell areas), per country, settled area, and settlements held.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "geo/territory/propagation.hpp"
#include "geo/territory/terrain.hpp"

namespace frontline {

struct ControllerTotals {
  std::string controller;
  double areaKm2 = 0;                 // all land held
  double settledKm2 = 0;              // of which settled land (inhabited >= 0.5)
  std::vector<double> byCountryKm2;   // per Terrain::countryCodes
  size_t settlements = 0;             // settlements whose cell it holds
};

struct TerritoryTotals {
  std::vector<double> countryLandKm2;      // land of each country inside the grid
  std::vector<ControllerTotals> controllers;  // sorted by controller id; only those holding land or settlements
  double unassignedKm2 = 0;                // land of the grid no reported place reaches
};

// `siteController`: controller id per site index of the labelling (empty: the site holds nothing).
// `settlementCells`: the grid cell of each settlement (cells outside the grid are skipped: pass -1).
TerritoryTotals territoryTotals(const Terrain& terrain, const Labelling& labelling,
                                const std::vector<std::string>& siteController,
                                const std::vector<long>& settlementCells);

}  // namespace frontline
