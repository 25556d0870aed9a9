// Control spreading over the ground: every land cell takes the reported place that reaches it at
// the lowest cost along the terrain (a multi-source Dijkstra over the grid's 8 neighbours).
// Rivers cost extra to cross away from towns, the sea is never crossed and, unless allowed,
// neither are country borders; so a front between two places falls between them, along a river
// where one runs between them. Depends only on which places are known, not on who holds them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/territory/terrain.hpp"

namespace frontline {

struct Seed {
  size_t site = 0;    // the caller's index of the place
  double x = 0, y = 0;  // map units
  int country = -1;   // index into Terrain::countryCodes; -1: the country of the cell it stands in
};

struct PropagationOptions {
  double maxCost = 1e300;     // cells farther than this (cost units = map units of open land) stay unassigned
  bool crossBorders = false;  // may control cross from one country into another?
};

struct SiteExtent {
  int c0 = 0, r0 = 0, c1 = -1, r1 = -1;  // cells held, inclusive; empty when c1 < c0
  float reach = 0;                       // highest cost among them
  int country = -1;                      // the country the site's control is confined to
  bool empty() const { return c1 < c0; }
};

struct Labelling {
  std::vector<int32_t> site;      // per cell: the seed's site index, -1 unassigned
  std::vector<float> cost;        // per cell: cost from that site
  std::vector<SiteExtent> extent; // per site index
  std::vector<size_t> seeded;     // the site indices seeded so far (sorted)
};

// Recomputes every site's extent and reach from the labelling's cells (after cells were changed).
void updateExtents(Labelling& labelling, const GridSpec& grid);

Labelling propagate(const Terrain& terrain, const std::vector<Seed>& seeds, const PropagationOptions& options);

// Adds seeds to a labelling made over the same terrain and options: only cells a new seed reaches
// at a lower cost change, which is much less work than starting again.
void addSeeds(Labelling& labelling, const Terrain& terrain, const std::vector<Seed>& seeds,
              const PropagationOptions& options);

}  // namespace frontline
