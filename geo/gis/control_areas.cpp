#include "geo/gis/control_areas.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "geo/gis/geos_context.hpp"

namespace frontline {
namespace {

struct PreparedDeleter {
  void operator()(const GEOSPreparedGeometry* p) const {
    if (p) GEOSPreparedGeom_destroy_r(geosHandle(), p);
  }
};
using Prepared = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

struct ClipShape {
  std::string code;
  GeosGeometry geometry;
  Prepared prepared;
};

GeosGeometry multiPolygonOf(const std::vector<Polygon>& polygons) {
  GEOSContextHandle_t h = geosHandle();
  std::vector<GEOSGeometry*> parts;
  for (const Polygon& p : polygons) parts.push_back(toGeos(p).release());
  GeosGeometry collection(
      GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts.data(), static_cast<unsigned>(parts.size())));
  if (GEOSisValid_r(h, collection.get()) != 1) return GeosGeometry(GEOSMakeValid_r(h, collection.get()));
  return collection;
}

// Farthest distance from `from` to a vertex of a (convex) cell's shell.
double maxDistance(GEOSContextHandle_t h, const GEOSGeometry* cell, Vec2 from) {
  const GEOSGeometry* shell = GEOSGetExteriorRing_r(h, cell);
  const GEOSCoordSequence* seq = shell ? GEOSGeom_getCoordSeq_r(h, shell) : nullptr;
  unsigned n = 0;
  if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n)) return std::numeric_limits<double>::infinity();
  double best = 0;
  for (unsigned k = 0; k < n; ++k) {
    double x = 0, y = 0;
    GEOSCoordSeq_getXY_r(h, seq, k, &x, &y);
    best = std::max(best, std::hypot(x - from.x, y - from.y));
  }
  return best;
}

std::vector<Polygon> projectPolygons(const Projection& projection, const std::vector<Polygon>& polygons) {
  std::vector<Polygon> out;
  for (Polygon p : polygons) {
    projection.forwardInPlace(p.outer);
    for (Ring& hole : p.holes) projection.forwardInPlace(hole);
    auto finite = [](const Ring& r) {
      return std::all_of(r.begin(), r.end(), [](Vec2 v) { return std::isfinite(v.x) && std::isfinite(v.y); });
    };
    if (!finite(p.outer) || !std::all_of(p.holes.begin(), p.holes.end(), finite)) continue;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

std::vector<ControlSite> sitesFrom(const std::vector<PlaceState>& states) {
  std::vector<ControlSite> sites;
  sites.reserve(states.size());
  for (const PlaceState& s : states) {
    ControlSite site;
    site.placeId = s.place->id;
    site.name = s.place->name;
    site.lonLat = {s.place->lon, s.place->lat};
    site.controller = s.current->controller;
    site.status = s.current->status;
    if (s.current->status == ControlStatus::Contested && s.previous && s.previous->controller != s.current->controller)
      site.otherController = s.previous->controller;
    sites.push_back(std::move(site));
  }
  return sites;
}

struct ControlAreaBuilder::Impl {
  const Projection* projection = nullptr;
  double capUnits = 0;
  AreaOptions options;
  ClipShape land;
  std::vector<ClipShape> countries;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // land extent

  ~Impl() {
    // Prepared geometries go before the geometries they point into.
    land.prepared.reset();
    for (ClipShape& c : countries) c.prepared.reset();
  }

  const ClipShape* clipFor(const GEOSGeometry* point) const {
    GEOSContextHandle_t h = geosHandle();
    if (!options.crossBorders)
      for (const ClipShape& c : countries)
        if (GEOSPreparedContains_r(h, c.prepared.get(), point) == 1) return &c;
    return &land;
  }
};

ControlAreaBuilder::ControlAreaBuilder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ControlAreaBuilder::~ControlAreaBuilder() = default;
const Projection& ControlAreaBuilder::projection() const { return *impl_->projection; }

Result<std::unique_ptr<ControlAreaBuilder>> ControlAreaBuilder::create(const BaseLayers& layers,
                                                                       const Projection& projection,
                                                                       double metresPerUnit, AreaOptions options) {
  GEOSContextHandle_t h = geosHandle();
  auto impl = std::make_unique<Impl>();
  impl->projection = &projection;
  impl->options = options;
  impl->capUnits = options.capKm * 1000.0 / (metresPerUnit > 0 ? metresPerUnit : 1.0);

  std::vector<Polygon> landPolygons;
  for (const Feature& f : layers.land.features)
    for (Polygon& p : projectPolygons(projection, f.polygons)) landPolygons.push_back(std::move(p));
  if (landPolygons.empty())  // no land layer content: the countries stand in for it
    for (const Feature& f : layers.countries.features)
      for (Polygon& p : projectPolygons(projection, f.polygons)) landPolygons.push_back(std::move(p));
  impl->land.geometry = multiPolygonOf(landPolygons);
  if (!impl->land.geometry) return makeError(ErrorKind::Data, layers.land.source, "cannot build the land polygon");
  impl->land.prepared = Prepared(GEOSPrepare_r(h, impl->land.geometry.get()));
  GEOSGeom_getXMin_r(h, impl->land.geometry.get(), &impl->x0);
  GEOSGeom_getYMin_r(h, impl->land.geometry.get(), &impl->y0);
  GEOSGeom_getXMax_r(h, impl->land.geometry.get(), &impl->x1);
  GEOSGeom_getYMax_r(h, impl->land.geometry.get(), &impl->y1);

  for (const Feature& f : layers.countries.features) {
    ClipShape shape;
    shape.code = f.field("iso_a2");
    shape.geometry = multiPolygonOf(projectPolygons(projection, f.polygons));
    if (!shape.geometry || GEOSisEmpty_r(h, shape.geometry.get())) continue;
    shape.prepared = Prepared(GEOSPrepare_r(h, shape.geometry.get()));
    impl->countries.push_back(std::move(shape));
  }
  return std::unique_ptr<ControlAreaBuilder>(new ControlAreaBuilder(std::move(impl)));
}

Result<ControlAreas> ControlAreaBuilder::build(std::vector<ControlSite> sites,
                                               const std::vector<OverrideArea>& overrides) const {
  GEOSContextHandle_t h = geosHandle();
  const Impl& im = *impl_;
  ControlAreas areas;
  areas.sites = std::move(sites);

  // Project the sites; two sites on the same spot share it (the later one is ignored).
  std::vector<Vec2> positions;
  std::vector<size_t> siteOf;
  std::map<std::pair<double, double>, size_t> seen;
  for (size_t i = 0; i < areas.sites.size(); ++i) {
    const Vec2 p = im.projection->forward(areas.sites[i].lonLat);
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    if (!seen.emplace(std::make_pair(p.x, p.y), i).second) continue;
    positions.push_back(p);
    siteOf.push_back(i);
  }
  if (positions.empty()) return areas;

  std::vector<GeosGeometry> points;
  for (Vec2 p : positions) points.emplace_back(GEOSGeom_createPointFromXY_r(h, p.x, p.y));

  // Voronoi cells (one per site) over the land's extent plus the cap.
  std::vector<GeosGeometry> cells(positions.size());
  if (positions.size() == 1) {
    cells[0].reset(GEOSBuffer_r(h, points[0].get(), im.capUnits * 1.01, 8));
  } else {
    std::vector<GEOSGeometry*> clones;
    for (const GeosGeometry& p : points) clones.push_back(GEOSGeom_clone_r(h, p.get()));
    GeosGeometry multipoint(
        GEOSGeom_createCollection_r(h, GEOS_MULTIPOINT, clones.data(), static_cast<unsigned>(clones.size())));
    const double pad = im.capUnits * 2;
    GeosGeometry envelope(GEOSGeom_createRectangle_r(h, std::min(im.x0, im.x0) - pad, im.y0 - pad, im.x1 + pad,
                                                     im.y1 + pad));
    GeosGeometry diagram(GEOSVoronoiDiagram_r(h, multipoint.get(), envelope.get(), 0.0, 0));
    if (!diagram) return makeError(ErrorKind::Data, "", "GEOS could not compute the Voronoi diagram of the places");
    // Match each cell to the site inside it through an STR tree of the sites.
    GEOSSTRtree* tree = GEOSSTRtree_create_r(h, 10);
    std::vector<size_t> ids(positions.size());
    for (size_t i = 0; i < positions.size(); ++i) {
      ids[i] = i;
      GEOSSTRtree_insert_r(h, tree, points[i].get(), &ids[i]);
    }
    const int n = GEOSGetNumGeometries_r(h, diagram.get());
    for (int c = 0; c < n; ++c) {
      const GEOSGeometry* cell = GEOSGetGeometryN_r(h, diagram.get(), c);
      struct Query {
        GEOSContextHandle_t h;
        const GEOSGeometry* cell;
        const std::vector<GeosGeometry>* points;
        long found = -1;
      } query{h, cell, &points};
      GEOSSTRtree_query_r(
          h, tree, cell,
          [](void* item, void* data) {
            auto* q = static_cast<Query*>(data);
            const size_t i = *static_cast<size_t*>(item);
            if (q->found < 0 && GEOSIntersects_r(q->h, q->cell, (*q->points)[i].get()) == 1)
              q->found = static_cast<long>(i);
          },
          &query);
      if (query.found >= 0 && !cells[static_cast<size_t>(query.found)])
        cells[static_cast<size_t>(query.found)].reset(GEOSGeom_clone_r(h, cell));
    }
    GEOSSTRtree_destroy_r(h, tree);
  }

  // The derived piece of each site, before overrides cut into it.
  std::vector<std::pair<size_t, GeosGeometry>> pieces;  // (site index, geometry)
  for (size_t i = 0; i < positions.size(); ++i) {
    if (!cells[i]) continue;
    // Most cells among many places are smaller than the cap: cut by the circle only when needed.
    GeosGeometry piece;
    if (maxDistance(h, cells[i].get(), positions[i]) <= im.capUnits) {
      piece = std::move(cells[i]);
    } else {
      GeosGeometry circle(GEOSBuffer_r(h, points[i].get(), im.capUnits, 16));
      piece.reset(GEOSIntersection_r(h, cells[i].get(), circle.get()));
    }
    if (!piece) continue;
    const ClipShape* clip = im.clipFor(points[i].get());
    if (GEOSPreparedContains_r(h, clip->prepared.get(), piece.get()) != 1) {
      GeosGeometry clipped(GEOSIntersection_r(h, piece.get(), clip->geometry.get()));
      if (!clipped) continue;
      piece = std::move(clipped);
    }
    if (GEOSisEmpty_r(h, piece.get())) continue;
    pieces.emplace_back(i, std::move(piece));
  }

  // User-drawn areas replace what lies beneath them.
  for (const OverrideArea& override : overrides) {
    std::vector<Polygon> projected = projectPolygons(*im.projection, override.polygons);
    GeosGeometry shape = multiPolygonOf(projected);
    if (!shape || GEOSisEmpty_r(h, shape.get())) continue;
    shape.reset(GEOSIntersection_r(h, shape.get(), im.land.geometry.get()));  // land only, like the rest
    if (!shape || GEOSisEmpty_r(h, shape.get())) continue;
    for (auto& [index, piece] : pieces) {
      if (GEOSIntersects_r(h, piece.get(), shape.get()) != 1) continue;
      GeosGeometry rest(GEOSDifference_r(h, piece.get(), shape.get()));
      if (rest) piece = std::move(rest);
    }
    ControlSite site;
    site.placeId = "override:" + std::to_string(areas.sites.size());
    site.name = override.label;
    site.controller = override.controller;
    const Vec2 centroid = [&] {
      GeosGeometry c(GEOSPointOnSurface_r(h, shape.get()));
      double x = 0, y = 0;
      if (c) GEOSGeomGetX_r(h, c.get(), &x), GEOSGeomGetY_r(h, c.get(), &y);
      return Vec2{x, y};
    }();
    site.lonLat = im.projection->inverse(centroid);
    areas.sites.push_back(std::move(site));
    positions.push_back(centroid);
    siteOf.push_back(areas.sites.size() - 1);
    pieces.emplace_back(positions.size() - 1, std::move(shape));
  }

  std::map<std::string, std::vector<GEOSGeometry*>> byController;
  for (auto& [i, piece] : pieces) {
    if (!piece || GEOSisEmpty_r(h, piece.get())) continue;
    ControlCell cell;
    cell.site = siteOf[i];
    cell.position = positions[i];
    appendPolygons(piece.get(), cell.polygons);
    if (cell.polygons.empty()) continue;
    auto tris = tessellate(cell.polygons);
    if (!tris) return tris.error();
    cell.triangles = std::move(tris).value();
    for (const Polygon& p : cell.polygons)
      for (Vec2 v : p.outer)
        cell.reach = std::max(cell.reach, std::hypot(v.x - cell.position.x, v.y - cell.position.y));
    byController[areas.sites[cell.site].controller].push_back(piece.release());
    areas.cells.push_back(std::move(cell));
  }

  for (auto& [controller, parts] : byController) {
    GeosGeometry collection(
        GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size())));
    // A coverage union would be faster, but clipping by circles and borders leaves neighbours'
    // shared edges noded differently, which it does not accept (measured: it always fell back).
    GeosGeometry merged(GEOSUnaryUnion_r(h, collection.get()));
    ControllerArea area;
    area.controller = controller;
    if (merged) appendPolygons(merged.get(), area.polygons);
    areas.byController.push_back(std::move(area));
  }
  return areas;
}

}  // namespace frontline
