// Areas of control derived from the places' control on a date: every land point belongs to the
// nearest place whose controller is known, up to a cap distance, clipped to land and (unless
// allowed) to the country the place is in. Real polygons in map units, for drawing and export.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "geo/gis/base_layers.hpp"
#include "geo/gis/projection.hpp"
#include "geo/gis/tessellation.hpp"
#include "geo/model/event.hpp"
#include "geo/model/timeline.hpp"

namespace frontline {

struct ControlSite {
  std::string placeId;
  std::string name;
  Vec2 lonLat;
  std::string controller;
  std::string otherController;  // contested: the holder being contested (empty if unknown)
  ControlStatus status = ControlStatus::Control;
};

struct ControlCell {
  size_t site = 0;                 // index into ControlAreas::sites
  Vec2 position;                   // the site, map units
  std::vector<Polygon> polygons;   // map units
  std::vector<Triangle> triangles; // the polygons, tessellated
  double reach = 0;                // farthest distance from the site to the cell's edge, map units
};

struct ControllerArea {
  std::string controller;
  std::vector<Polygon> polygons;  // union of the controller's cells, map units
};

struct ControlAreas {
  std::vector<ControlSite> sites;
  std::vector<ControlCell> cells;          // one per site that has land within reach
  std::vector<ControllerArea> byController;  // sorted by controller id
};

struct OverrideArea {
  std::string controller;
  std::vector<Polygon> polygons;  // lon/lat
  std::string label;              // for the areas' site name, e.g. "areas.gpkg feature 3"
};

struct AreaOptions {
  double capKm = 35;
  bool crossBorders = false;
};

// The sites for a set of place states (in the same order): contested places remember who held them.
std::vector<ControlSite> sitesFrom(const std::vector<PlaceState>& states);

class ControlAreaBuilder {
 public:
  static Result<std::unique_ptr<ControlAreaBuilder>> create(const BaseLayers& layers, const Projection& projection,
                                                            double metresPerUnit, AreaOptions options);
  ~ControlAreaBuilder();

  // `overrides`: user-drawn areas (lon/lat) that replace the derived ones where they lie, applied
  // in order (a later one wins where two overlap). Each becomes a cell of its own.
  Result<ControlAreas> build(std::vector<ControlSite> sites, const std::vector<OverrideArea>& overrides = {}) const;
  // Map units <-> lon/lat for writing areas out.
  const Projection& projection() const;

 private:
  struct Impl;
  explicit ControlAreaBuilder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace frontline
