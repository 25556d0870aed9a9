#include "geo/gis/control_areas.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "geo/gis/terrain_builder.hpp"

namespace frontline {

const ControlSite* ControlAreas::siteAtCell(size_t cell) const {
  if (!labelling || cell >= labelling->site.size()) return nullptr;
  const int32_t key = labelling->site[cell];
  if (key < 0 || static_cast<size_t>(key) >= siteOfKey.size()) return nullptr;
  const int32_t i = siteOfKey[static_cast<size_t>(key)];
  return i < 0 ? nullptr : &sites[static_cast<size_t>(i)];
}

const ControlSite* ControlAreas::siteAt(Vec2 p) const {
  if (!terrain) return nullptr;
  int c = 0, r = 0;
  if (!terrain->grid.cellOf(p.x, p.y, c, r)) return nullptr;
  return siteAtCell(terrain->grid.index(c, r));
}

std::vector<ControlSite> sitesFrom(const std::vector<PlaceState>& states, const Timeline* timeline) {
  std::vector<ControlSite> sites;
  sites.reserve(states.size());
  for (const PlaceState& s : states) {
    ControlSite site;
    site.placeId = s.place->id;
    site.name = s.place->name;
    site.lonLat = {s.place->lon, s.place->lat};
    site.country = s.place->country;
    site.controller = s.current->controller;
    site.status = s.current->status;
    if (s.current->status == ControlStatus::Contested && s.previous && s.previous->controller != s.current->controller)
      site.otherController = s.previous->controller;
    if (timeline && !timeline->places().empty()) site.key = static_cast<size_t>(s.place - timeline->places().data());
    sites.push_back(std::move(site));
  }
  return sites;
}

struct ControlAreaBuilder::Impl {
  const Projection* projection = nullptr;
  AreaOptions options;
  PropagationOptions propagation;
  std::shared_ptr<const Terrain> terrain;
  std::vector<Settlement> settlements;
  std::vector<long> settlementCells;
  // The last labelling made, for adding places to it instead of starting again.
  mutable std::mutex lastMutex;
  mutable std::shared_ptr<const Labelling> last;
};

ControlAreaBuilder::ControlAreaBuilder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ControlAreaBuilder::~ControlAreaBuilder() = default;
const Projection& ControlAreaBuilder::projection() const { return *impl_->projection; }
const Terrain& ControlAreaBuilder::terrain() const { return *impl_->terrain; }
const std::vector<Settlement>& ControlAreaBuilder::settlements() const { return impl_->settlements; }

Result<std::unique_ptr<ControlAreaBuilder>> ControlAreaBuilder::create(const BaseLayers& layers,
                                                                       const Projection& projection,
                                                                       double metresPerUnit, AreaOptions options,
                                                                       const Box2& view, const std::vector<Vec2>& places) {
  auto impl = std::make_unique<Impl>();
  impl->projection = &projection;
  impl->options = options;
  const double unitsPerKm = 1000.0 / (metresPerUnit > 0 ? metresPerUnit : 1.0);
  impl->propagation.maxCost = options.capKm * unitsPerKm;
  impl->propagation.crossBorders = options.crossBorders;

  std::vector<Vec2> placePoints;
  std::vector<Settlement> placeSettlements;
  for (const Vec2& ll : places) {
    const Vec2 p = projection.forward(ll);
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    placePoints.push_back(p);
    placeSettlements.push_back({p.x, p.y, 0, "", ""});  // reported places are lived in too
  }
  TerrainOptions to;
  to.metresPerUnit = metresPerUnit;
  to.targetCells = options.targetCells;
  to.focusCountries = options.focusCountries;
  Box2 extent = view;
  if (!(extent.width() > 0 && extent.height() > 0)) {
    // No view given: the land's extent.
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const Feature& f : layers.land.features.empty() ? layers.countries.features : layers.land.features)
      for (const Polygon& poly : f.polygons)
        for (const Vec2& ll : poly.outer) {
          const Vec2 p = projection.forward(ll);
          if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
          x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
        }
    extent = {x0, y0, x1, y1};
  }
  auto terrain = buildTerrain(layers, projection, extent, placePoints, placeSettlements, to, &impl->settlements);
  if (!terrain) return terrain.error();
  impl->terrain = std::make_shared<const Terrain>(std::move(terrain).value());
  const GridSpec& g = impl->terrain->grid;
  for (const Settlement& s : impl->settlements) {
    int c = 0, r = 0;
    impl->settlementCells.push_back(g.cellOf(s.x, s.y, c, r) ? static_cast<long>(g.index(c, r)) : -1L);
  }
  return std::unique_ptr<ControlAreaBuilder>(new ControlAreaBuilder(std::move(impl)));
}

Result<ControlAreas> ControlAreaBuilder::build(std::vector<ControlSite> sites,
                                               const std::vector<OverrideArea>& overrides) const {
  const Impl& im = *impl_;
  ControlAreas areas;
  areas.terrain = im.terrain;
  areas.maxCost = im.propagation.maxCost;
  areas.sites = std::move(sites);
  for (size_t i = 0; i < areas.sites.size(); ++i)
    if (areas.sites[i].key == std::numeric_limits<size_t>::max()) areas.sites[i].key = i;

  // Seeds: every place with a position. Keys are stable, so the labelling of an earlier date
  // with fewer places can be extended rather than recomputed.
  std::vector<Seed> seeds;
  for (const ControlSite& s : areas.sites) {
    const Vec2 p = im.projection->forward(s.lonLat);
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    Seed seed;
    seed.site = s.key;
    seed.x = p.x, seed.y = p.y;
    seed.country = s.country.empty() ? -1 : im.terrain->countryIndex(s.country);
    seeds.push_back(seed);
  }
  std::sort(seeds.begin(), seeds.end(), [](const Seed& a, const Seed& b) { return a.site < b.site; });
  std::vector<size_t> keys;
  for (const Seed& s : seeds) keys.push_back(s.site);

  std::shared_ptr<const Labelling> labelling;
  {
    std::lock_guard<std::mutex> lock(im.lastMutex);
    if (im.last && im.last->seeded == keys) labelling = im.last;
    else if (im.last && std::includes(keys.begin(), keys.end(), im.last->seeded.begin(), im.last->seeded.end())) {
      auto grown = std::make_shared<Labelling>(*im.last);
      std::vector<Seed> added;
      for (const Seed& s : seeds)
        if (!std::binary_search(im.last->seeded.begin(), im.last->seeded.end(), s.site)) added.push_back(s);
      addSeeds(*grown, *im.terrain, added, im.propagation);
      labelling = grown;
    }
  }
  if (!labelling) labelling = std::make_shared<const Labelling>(propagate(*im.terrain, seeds, im.propagation));
  {
    std::lock_guard<std::mutex> lock(im.lastMutex);
    im.last = labelling;
  }

  // User-drawn areas replace what lies beneath them.
  if (!overrides.empty()) {
    auto drawn = std::make_shared<Labelling>(*labelling);
    size_t key = drawn->extent.size();
    for (size_t i = 0; i < areas.sites.size(); ++i) key = std::max(key, areas.sites[i].key + 1);
    for (const OverrideArea& o : overrides) {
      const std::vector<uint8_t> mask = rasterMask(im.terrain->grid, o.polygons, *im.projection);
      ControlSite site;
      site.placeId = "override:" + std::to_string(key);
      site.name = o.label;
      site.controller = o.controller;
      site.key = key;
      bool any = false;
      for (size_t c = 0; c < mask.size(); ++c) {
        if (!mask[c] || !im.terrain->isLand(c)) continue;
        drawn->site[c] = static_cast<int32_t>(key);
        drawn->cost[c] = 0;
        any = true;
      }
      if (!any) continue;
      drawn->extent.resize(key + 1);
      double sx = 0, sy = 0;
      size_t n = 0;
      for (size_t c = 0; c < mask.size(); ++c)
        if (drawn->site[c] == static_cast<int32_t>(key)) {
          const GridSpec& g = im.terrain->grid;
          sx += g.centreX(static_cast<int>(c % static_cast<size_t>(g.cols)));
          sy += g.centreY(static_cast<int>(c / static_cast<size_t>(g.cols)));
          ++n;
        }
      if (n) site.lonLat = im.projection->inverse({sx / static_cast<double>(n), sy / static_cast<double>(n)});
      areas.sites.push_back(std::move(site));
      ++key;
    }
    // Extents again: overrides took cells from other places.
    updateExtents(*drawn, im.terrain->grid);
    labelling = drawn;
  }
  areas.labelling = labelling;
  areas.siteOfKey.assign(labelling->extent.size(), -1);
  for (size_t i = 0; i < areas.sites.size(); ++i)
    if (areas.sites[i].key < areas.siteOfKey.size()) areas.siteOfKey[areas.sites[i].key] = static_cast<int32_t>(i);
  return areas;
}

std::vector<ControllerArea> ControlAreaBuilder::controllerPolygons(const ControlAreas& areas) const {
  std::vector<std::string> controllers;
  for (const ControlSite& s : areas.sites) controllers.push_back(s.controller);
  std::sort(controllers.begin(), controllers.end());
  controllers.erase(std::unique(controllers.begin(), controllers.end()), controllers.end());
  std::vector<int32_t> values(impl_->terrain->grid.size(), 0);
  for (size_t c = 0; c < values.size(); ++c)
    if (const ControlSite* s = areas.siteAtCell(c))
      values[c] = static_cast<int32_t>(std::lower_bound(controllers.begin(), controllers.end(), s->controller) -
                                       controllers.begin()) + 1;
  std::vector<ControllerArea> out(controllers.size());
  for (size_t i = 0; i < controllers.size(); ++i) out[i].controller = controllers[i];
  for (auto& [value, polygon] : polygonize(impl_->terrain->grid, values))
    if (value >= 1 && static_cast<size_t>(value) <= out.size()) out[static_cast<size_t>(value - 1)].polygons.push_back(std::move(polygon));
  out.erase(std::remove_if(out.begin(), out.end(), [](const ControllerArea& a) { return a.polygons.empty(); }), out.end());
  return out;
}

TerritoryTotals ControlAreaBuilder::totals(const ControlAreas& areas) const {
  std::vector<std::string> controllerOfKey(areas.siteOfKey.size());
  for (size_t k = 0; k < areas.siteOfKey.size(); ++k)
    if (areas.siteOfKey[k] >= 0) controllerOfKey[k] = areas.sites[static_cast<size_t>(areas.siteOfKey[k])].controller;
  return territoryTotals(*impl_->terrain, *areas.labelling, controllerOfKey, impl_->settlementCells);
}

}  // namespace frontline
