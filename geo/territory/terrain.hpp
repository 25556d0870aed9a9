// The ground that control spreads over, as a grid of square cells in map units: which country
// each cell belongs to, how much of it is land, what it costs to cross, where rivers run and
// where people live. It depends only on the view and the base data, not on who holds what, so it
// is built once per view (geo/gis/terrain_builder) and shared by every date. Standard library only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace frontline {

struct GridSpec {
  int cols = 0, rows = 0;
  double x0 = 0, y0 = 0;  // map units: the lower-left corner of cell (0, 0); row 0 is the lowest
  double cell = 1;        // side of a cell, map units

  size_t size() const { return static_cast<size_t>(cols) * static_cast<size_t>(rows); }
  size_t index(int c, int r) const { return static_cast<size_t>(r) * static_cast<size_t>(cols) + static_cast<size_t>(c); }
  bool contains(int c, int r) const { return c >= 0 && r >= 0 && c < cols && r < rows; }
  double centreX(int c) const { return x0 + (c + 0.5) * cell; }
  double centreY(int r) const { return y0 + (r + 0.5) * cell; }
  // The cell holding map point (x, y); false outside the grid.
  bool cellOf(double x, double y, int& c, int& r) const;
};

struct Terrain {
  GridSpec grid;
  std::vector<std::string> countryCodes;  // index -> ISO code ("" when the land layer has none)
  std::vector<int16_t> country;        // per cell: index into countryCodes, -1: sea or outside the data
  std::vector<float> landFraction;     // per cell: share of the cell that is land of `country` (0..1)
  std::vector<float> cellAreaKm2;      // per cell: true area on the ellipsoid of the whole cell
  std::vector<uint8_t> river;          // per cell: 1 where a river runs through it
  std::vector<uint8_t> crossing;       // per cell: 1 where a river may be crossed (a town on it)
  std::vector<float> inhabited;        // per cell: 1 in settled land (near towns, along rivers) .. 0 empty land
  std::vector<float> stepCost;         // per cell: cost of one map unit of travel through it (1 = open land)
  double riverPenalty = 0;             // map units of extra cost to cross a river away from a crossing

  // An empty terrain of `grid`: no land, cost 1 everywhere.
  static Terrain blank(const GridSpec& grid);
  int countryIndex(const std::string& code) const;  // -1 if absent
  bool isLand(size_t i) const { return country[i] >= 0 && landFraction[i] > 0; }
};

}  // namespace frontline
