#include "geo/territory/settlement_field.hpp"

#include <algorithm>
#include <cmath>

namespace frontline {
namespace {

// Raises `field` towards 1 in a disc of `radius` (map units) fading out over `fade` around (x, y).
void stamp(const GridSpec& g, std::vector<float>& field, double x, double y, double radius, double fade) {
  const double outer = radius + fade;
  const int c0 = static_cast<int>(std::floor((x - outer - g.x0) / g.cell));
  const int c1 = static_cast<int>(std::floor((x + outer - g.x0) / g.cell));
  const int r0 = static_cast<int>(std::floor((y - outer - g.y0) / g.cell));
  const int r1 = static_cast<int>(std::floor((y + outer - g.y0) / g.cell));
  for (int r = std::max(r0, 0); r <= std::min(r1, g.rows - 1); ++r)
    for (int c = std::max(c0, 0); c <= std::min(c1, g.cols - 1); ++c) {
      const double d = std::hypot(g.centreX(c) - x, g.centreY(r) - y);
      if (d >= outer) continue;
      const double t = fade > 0 ? std::clamp((d - radius) / fade, 0.0, 1.0) : (d <= radius ? 0.0 : 1.0);
      const auto v = static_cast<float>(1.0 - t * t * (3 - 2 * t));
      float& cell = field[g.index(c, r)];
      cell = std::max(cell, v);
    }
}

}  // namespace

double settledRadiusKm(int64_t population, const SettlementFieldOptions& o) {
  const double p = std::max<double>(static_cast<double>(population), 500.0);
  return std::clamp(o.minRadiusKm + 4.0 * std::log10(p / 500.0), o.minRadiusKm, o.maxRadiusKm);
}

void applySettlements(Terrain& terrain, const std::vector<Settlement>& settlements, const SettlementFieldOptions& o) {
  const GridSpec& g = terrain.grid;
  const double km = 1000.0 / (o.metresPerUnit > 0 ? o.metresPerUnit : 1.0);  // map units per km
  std::vector<float> settled(g.size(), 0.0f);
  for (const Settlement& s : settlements) stamp(g, settled, s.x, s.y, settledRadiusKm(s.population, o) * km, o.fadeKm * km);
  // River valleys are farmed and lived in, in deserts above all.
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.cols; ++c)
      if (terrain.river[g.index(c, r)]) stamp(g, settled, g.centreX(c), g.centreY(r), o.valleyKm * km, o.fadeKm * km);

  // A town on a river (within crossingKm) gives a bridge or a ferry: the river is crossed there.
  std::vector<float> nearTown(g.size(), 0.0f);
  for (const Settlement& s : settlements) stamp(g, nearTown, s.x, s.y, o.crossingKm * km, 0);
  for (size_t i = 0; i < g.size(); ++i) {
    const bool land = terrain.isLand(i);
    terrain.inhabited[i] = land ? settled[i] : 0.0f;
    terrain.crossing[i] = terrain.river[i] && nearTown[i] > 0 ? 1 : 0;
    terrain.stepCost[i] = static_cast<float>(1.0 - (1.0 - o.settledCost) * terrain.inhabited[i]);
  }
}

}  // namespace frontline
