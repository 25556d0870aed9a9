#include "geo/territory/terrain.hpp"

#include <cmath>

namespace frontline {

bool GridSpec::cellOf(double x, double y, int& c, int& r) const {
  if (!(cell > 0)) return false;
  const double fc = std::floor((x - x0) / cell), fr = std::floor((y - y0) / cell);
  if (!(fc >= 0 && fr >= 0 && fc < cols && fr < rows)) return false;
  c = static_cast<int>(fc);
  r = static_cast<int>(fr);
  return true;
}

Terrain Terrain::blank(const GridSpec& grid) {
  Terrain t;
  t.grid = grid;
  const size_t n = grid.size();
  t.country.assign(n, -1);
  t.landFraction.assign(n, 0.0f);
  t.cellAreaKm2.assign(n, 0.0f);
  t.river.assign(n, 0);
  t.crossing.assign(n, 0);
  t.inhabited.assign(n, 0.0f);
  t.stepCost.assign(n, 1.0f);
  return t;
}

int Terrain::countryIndex(const std::string& code) const {
  for (size_t i = 0; i < countryCodes.size(); ++i)
    if (countryCodes[i] == code) return static_cast<int>(i);
  return -1;
}

}  // namespace frontline
