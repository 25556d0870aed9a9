// Areas of control derived from the places' control on a date, through the territory model
// (geo/territory): every land cell of the view's terrain grid takes the reported place that
// reaches it first along the ground (rivers crossed at towns, borders and the sea as barriers),
// up to a cap; settled land near towns and rivers is told apart from empty land. The grid, its
// costs and the settlements are built once per view; per date only the reported places change.
#pragma once

#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "geo/gis/base_layers.hpp"
#include "geo/gis/map_scene.hpp"
#include "geo/gis/projection.hpp"
#include "geo/model/event.hpp"
#include "geo/model/timeline.hpp"
#include "geo/territory/propagation.hpp"
#include "geo/territory/settlement_field.hpp"
#include "geo/territory/terrain.hpp"
#include "geo/territory/territory_stats.hpp"

namespace frontline {

struct ControlSite {
  std::string placeId;
  std::string name;
  Vec2 lonLat;
  std::string controller;
  std::string otherController;  // contested: the holder being contested (empty if unknown)
  ControlStatus status = ControlStatus::Control;
  std::string country;          // ISO code of the place's country, when known
  // Stable identity across dates (the place's index in the timeline); npos: its index in the list.
  size_t key = std::numeric_limits<size_t>::max();
};

struct ControllerArea {
  std::string controller;
  std::vector<Polygon> polygons;  // map units
};

struct ControlAreas {
  std::vector<ControlSite> sites;
  std::shared_ptr<const Terrain> terrain;
  std::shared_ptr<const Labelling> labelling;  // Labelling's site index = ControlSite::key
  std::vector<int32_t> siteOfKey;              // key -> index into sites, -1 when not present
  double maxCost = 1e300;                      // the cap: no place reaches farther (cost units)

  // The site holding grid cell `cell`, or null.
  const ControlSite* siteAtCell(size_t cell) const;
  // The site holding map point (x, y), or null.
  const ControlSite* siteAt(Vec2 mapPoint) const;
};

struct OverrideArea {
  std::string controller;
  std::vector<Polygon> polygons;  // lon/lat
  std::string label;              // for the areas' site name, e.g. "areas.gpkg feature 3"
};

struct AreaOptions {
  double capKm = 35;
  bool crossBorders = false;
  std::vector<std::string> focusCountries;
  size_t targetCells = 160'000;  // terrain grid resolution
};

// The sites for a set of place states (in the same order): contested places remember who held
// them; keys are the places' indices in `timeline` when given.
std::vector<ControlSite> sitesFrom(const std::vector<PlaceState>& states, const Timeline* timeline = nullptr);

class ControlAreaBuilder {
 public:
  // `view`: the projected view extent; `places`: the dataset's places (lon/lat), which the grid
  // covers and which count as settlements too.
  static Result<std::unique_ptr<ControlAreaBuilder>> create(const BaseLayers& layers, const Projection& projection,
                                                            double metresPerUnit, AreaOptions options,
                                                            const Box2& view = {}, const std::vector<Vec2>& places = {});
  ~ControlAreaBuilder();

  // `overrides`: user-drawn areas (lon/lat) that replace the derived ones where they lie, applied
  // in order (a later one wins where two overlap). Each becomes a site of its own.
  Result<ControlAreas> build(std::vector<ControlSite> sites, const std::vector<OverrideArea>& overrides = {}) const;

  // The areas as polygons per controller (map units), for writing out; sorted by controller.
  std::vector<ControllerArea> controllerPolygons(const ControlAreas& areas) const;
  // Land and settlements held per controller.
  TerritoryTotals totals(const ControlAreas& areas) const;

  const Projection& projection() const;
  const Terrain& terrain() const;
  const std::vector<Settlement>& settlements() const;

 private:
  struct Impl;
  explicit ControlAreaBuilder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace frontline
