// Builds the territory model's terrain grid for a view from the base layers: countries and land
// rasterised (3x3 samples per cell for the land share), rivers, true cell areas on the WGS84
// ellipsoid, and the settlements (the gazetteer's populated places plus the dataset's places).
#pragma once

#include <string>
#include <vector>

#include "geo/gis/base_layers.hpp"
#include "geo/gis/map_scene.hpp"
#include "geo/gis/projection.hpp"
#include "geo/model/result.hpp"
#include "geo/territory/settlement_field.hpp"
#include "geo/territory/terrain.hpp"

namespace frontline {

struct TerrainOptions {
  double metresPerUnit = 1;
  size_t targetCells = 160'000;            // the grid's resolution: about this many cells
  std::vector<std::string> focusCountries;  // the grid covers these (else the view)
  double riverPenaltyKm = 30;               // crossing a river away from a town costs this much extra ground
  SettlementFieldOptions settlements;
};

// `view`: the projected view extent; `extraPoints`: map points the grid must cover (the dataset's
// places). The settlements are taken from layers.towns (feature class P) plus `extraSettlements`.
Result<Terrain> buildTerrain(const BaseLayers& layers, const Projection& projection, const Box2& view,
                             const std::vector<Vec2>& extraPoints, const std::vector<Settlement>& extraSettlements,
                             const TerrainOptions& options, std::vector<Settlement>* settlementsUsed = nullptr);

// How the terrain names a country: its ISO code, or its name when the layer has no code.
inline std::string countryKey(const std::string& code, const std::string& name) {
  return code.empty() ? "name:" + name : code;
}

// Cells of `grid` whose centre lies inside the polygons (lon/lat), as 0/1 per cell.
std::vector<uint8_t> rasterMask(const GridSpec& grid, const std::vector<Polygon>& lonLatPolygons,
                                const Projection& projection);

// The regions of equal positive value in `values` (one per grid cell) as polygons in map units.
std::vector<std::pair<int, Polygon>> polygonize(const GridSpec& grid, const std::vector<int32_t>& values);

// The settlements of `layers.towns` (populated places) projected to map units.
std::vector<Settlement> settlementsOf(const BaseLayers& layers, const Projection& projection);

}  // namespace frontline
