#include "geo/territory/propagation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace frontline {
namespace {

struct Entry {
  float cost;
  int32_t site;
  uint32_t cell;
  // The smallest (cost, site) first: ties go to the lower site index, whatever the order of work.
  bool operator>(const Entry& o) const { return cost != o.cost ? cost > o.cost : site > o.site; }
};
using Queue = std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>>;

bool better(float cost, int32_t site, float oldCost, int32_t oldSite) {
  return cost < oldCost || (cost == oldCost && oldSite >= 0 && site < oldSite);
}

// The cell a seed starts from: its own, or the nearest land cell of its country within 4 cells
// (a coastal or border town can fall in a sea or foreign cell at the grid's resolution).
long seedCell(const Terrain& t, const Seed& s, int& country) {
  const GridSpec& g = t.grid;
  int c = 0, r = 0;
  if (!g.cellOf(s.x, s.y, c, r)) {
    // Just outside the grid: clamp onto its edge and search from there.
    const double fc = std::floor((s.x - g.x0) / g.cell), fr = std::floor((s.y - g.y0) / g.cell);
    if (!(std::isfinite(fc) && std::isfinite(fr))) return -1;
    if (fc < -4 || fr < -4 || fc > g.cols + 3 || fr > g.rows + 3) return -1;
    c = std::clamp(static_cast<int>(fc), 0, g.cols - 1);
    r = std::clamp(static_cast<int>(fr), 0, g.rows - 1);
  }
  country = s.country >= 0 ? s.country : t.country[g.index(c, r)];
  long best = -1;
  double bestD = std::numeric_limits<double>::infinity();
  for (int dr = -4; dr <= 4; ++dr)
    for (int dc = -4; dc <= 4; ++dc) {
      const int cc = c + dc, rr = r + dr;
      if (!g.contains(cc, rr)) continue;
      const size_t i = g.index(cc, rr);
      if (!t.isLand(i) || (country >= 0 && t.country[i] != country)) continue;
      const double d = std::hypot(g.centreX(cc) - s.x, g.centreY(rr) - s.y);
      if (d < bestD) bestD = d, best = static_cast<long>(i);
    }
  if (best < 0 && country >= 0 && s.country >= 0) {
    // The base map puts the place in another country than the report does (a disputed or
    // occupied area, e.g. Crimea): it then holds land of the country it stands in.
    Seed own = s;
    own.country = -1;
    return seedCell(t, own, country);
  }
  if (best >= 0 && country < 0) country = t.country[static_cast<size_t>(best)];
  return best;
}

void run(Labelling& L, const Terrain& t, const std::vector<Seed>& seeds, const PropagationOptions& o) {
  const GridSpec& g = t.grid;
  Queue queue;
  size_t maxSite = L.extent.size();
  for (const Seed& s : seeds) maxSite = std::max(maxSite, s.site + 1);
  L.extent.resize(maxSite);
  for (const Seed& s : seeds) {
    int country = -1;
    const long cell = seedCell(t, s, country);
    L.extent[s.site].country = o.crossBorders ? -1 : country;
    L.seeded.push_back(s.site);
    if (cell < 0) continue;
    const auto i = static_cast<size_t>(cell);
    const auto site = static_cast<int32_t>(s.site);
    const auto cost = static_cast<float>(std::hypot(g.centreX(static_cast<int>(i % static_cast<size_t>(g.cols))) - s.x,
                                                    g.centreY(static_cast<int>(i / static_cast<size_t>(g.cols))) - s.y) *
                                         t.stepCost[i]);
    if (!better(cost, site, L.cost[i], L.site[i]) && L.site[i] >= 0) continue;
    L.cost[i] = cost;
    L.site[i] = site;
    queue.push({cost, site, static_cast<uint32_t>(i)});
  }
  std::sort(L.seeded.begin(), L.seeded.end());
  L.seeded.erase(std::unique(L.seeded.begin(), L.seeded.end()), L.seeded.end());

  static const int dc[8] = {1, -1, 0, 0, 1, 1, -1, -1};
  static const int dr[8] = {0, 0, 1, -1, 1, -1, 1, -1};
  const double diag = std::sqrt(2.0) * g.cell;
  const auto maxCost = static_cast<float>(std::min(o.maxCost, 3e38));
  while (!queue.empty()) {
    const Entry e = queue.top();
    queue.pop();
    if (L.site[e.cell] != e.site || L.cost[e.cell] != e.cost) continue;  // superseded
    const int c = static_cast<int>(e.cell % static_cast<uint32_t>(g.cols));
    const int r = static_cast<int>(e.cell / static_cast<uint32_t>(g.cols));
    const int confine = L.extent[static_cast<size_t>(e.site)].country;
    for (int k = 0; k < 8; ++k) {
      const int nc = c + dc[k], nr = r + dr[k];
      if (!g.contains(nc, nr)) continue;
      const size_t n = g.index(nc, nr);
      if (!t.isLand(n) || (confine >= 0 && t.country[n] != confine)) continue;
      const bool diagonal = k >= 4;
      double step = (diagonal ? diag : g.cell) * 0.5 * (t.stepCost[e.cell] + t.stepCost[n]);
      const bool ford = t.crossing[e.cell] || t.crossing[n];
      if (!ford) {
        if (t.river[e.cell] != t.river[n]) step += 0.5 * t.riverPenalty;  // onto or off a river
        if (diagonal && !t.river[e.cell] && !t.river[n]) {
          // Slipping diagonally between two river cells crosses the river too.
          const size_t a = g.index(nc, r), b = g.index(c, nr);
          if (t.river[a] && t.river[b] && !t.crossing[a] && !t.crossing[b]) step += t.riverPenalty;
        }
      }
      const auto cost = static_cast<float>(e.cost + step);
      if (cost > maxCost) continue;
      if (L.site[n] >= 0 && !better(cost, e.site, L.cost[n], L.site[n])) continue;
      L.cost[n] = cost;
      L.site[n] = e.site;
      queue.push({cost, e.site, static_cast<uint32_t>(n)});
    }
  }

  updateExtents(L, g);
}

}  // namespace

void updateExtents(Labelling& L, const GridSpec& g) {
  for (SiteExtent& x : L.extent) x.c0 = x.r0 = 0, x.c1 = x.r1 = -1, x.reach = 0;
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.cols; ++c) {
      const size_t i = g.index(c, r);
      if (L.site[i] < 0) continue;
      SiteExtent& x = L.extent[static_cast<size_t>(L.site[i])];
      if (x.empty()) {
        x.c0 = x.c1 = c, x.r0 = x.r1 = r;
      } else {
        x.c0 = std::min(x.c0, c), x.c1 = std::max(x.c1, c), x.r0 = std::min(x.r0, r), x.r1 = std::max(x.r1, r);
      }
      x.reach = std::max(x.reach, L.cost[i]);
    }
}

Labelling propagate(const Terrain& terrain, const std::vector<Seed>& seeds, const PropagationOptions& options) {
  Labelling L;
  L.site.assign(terrain.grid.size(), -1);
  L.cost.assign(terrain.grid.size(), std::numeric_limits<float>::infinity());
  run(L, terrain, seeds, options);
  return L;
}

void addSeeds(Labelling& labelling, const Terrain& terrain, const std::vector<Seed>& seeds,
              const PropagationOptions& options) {
  run(labelling, terrain, seeds, options);
}

}  // namespace frontline
