#include "geo/territory/territory_stats.hpp"

#include <algorithm>
#include <map>

namespace frontline {

TerritoryTotals territoryTotals(const Terrain& terrain, const Labelling& labelling,
                                const std::vector<std::string>& siteController,
                                const std::vector<long>& settlementCells) {
  TerritoryTotals out;
  const size_t nCountries = terrain.countryCodes.size();
  out.countryLandKm2.assign(nCountries, 0.0);
  std::map<std::string, ControllerTotals> byController;
  auto totalsOf = [&](const std::string& id) -> ControllerTotals& {
    ControllerTotals& t = byController[id];
    if (t.byCountryKm2.empty()) t.controller = id, t.byCountryKm2.assign(nCountries, 0.0);
    return t;
  };
  auto controllerAt = [&](size_t cell) -> const std::string* {
    if (cell >= labelling.site.size()) return nullptr;
    const int32_t s = labelling.site[cell];
    if (s < 0 || static_cast<size_t>(s) >= siteController.size() || siteController[static_cast<size_t>(s)].empty())
      return nullptr;
    return &siteController[static_cast<size_t>(s)];
  };
  for (size_t i = 0; i < terrain.grid.size(); ++i) {
    if (!terrain.isLand(i)) continue;
    const double km2 = static_cast<double>(terrain.cellAreaKm2[i]) * terrain.landFraction[i];
    const auto country = static_cast<size_t>(terrain.country[i]);
    out.countryLandKm2[country] += km2;
    const std::string* holder = controllerAt(i);
    if (!holder) {
      out.unassignedKm2 += km2;
      continue;
    }
    ControllerTotals& t = totalsOf(*holder);
    t.areaKm2 += km2;
    t.byCountryKm2[country] += km2;
    if (terrain.inhabited[i] >= 0.5f) t.settledKm2 += km2;
  }
  for (long cell : settlementCells) {
    if (cell < 0) continue;
    if (const std::string* holder = controllerAt(static_cast<size_t>(cell))) ++totalsOf(*holder).settlements;
  }
  for (auto& [id, t] : byController) out.controllers.push_back(std::move(t));
  return out;
}

}  // namespace frontline
