#include "geo/gis/geos_context.hpp"

namespace frontline {
namespace {

struct ThreadHandle {
  GEOSContextHandle_t handle = GEOS_init_r();
  ~ThreadHandle() { GEOS_finish_r(handle); }
};

GEOSGeometry* makeRing(GEOSContextHandle_t h, const Ring& ring) {
  const auto n = static_cast<unsigned>(ring.size());
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, n + 1, 2);
  for (unsigned i = 0; i <= n; ++i) {
    const Vec2& p = ring[i % n];
    GEOSCoordSeq_setXY_r(h, seq, i, p.x, p.y);
  }
  return GEOSGeom_createLinearRing_r(h, seq);
}

Ring fromRing(GEOSContextHandle_t h, const GEOSGeometry* ring) {
  Ring out;
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
  unsigned n = 0;
  if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n)) return out;
  out.reserve(n);
  for (unsigned i = 0; i < n; ++i) {
    double x = 0, y = 0;
    GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
    out.push_back({x, y});
  }
  if (out.size() > 1 && out.front().x == out.back().x && out.front().y == out.back().y) out.pop_back();
  return out;
}

}  // namespace

GEOSContextHandle_t geosHandle() {
  thread_local ThreadHandle handle;
  return handle.handle;
}

GeosGeometry toGeos(const Polygon& polygon) {
  GEOSContextHandle_t h = geosHandle();
  if (polygon.outer.size() < 3) return GeosGeometry(GEOSGeom_createEmptyPolygon_r(h));
  GEOSGeometry* shell = makeRing(h, polygon.outer);
  std::vector<GEOSGeometry*> holes;
  for (const Ring& hole : polygon.holes)
    if (hole.size() >= 3) holes.push_back(makeRing(h, hole));
  return GeosGeometry(GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())));
}

void appendPolygons(const GEOSGeometry* geom, std::vector<Polygon>& out) {
  GEOSContextHandle_t h = geosHandle();
  if (!geom || GEOSisEmpty_r(h, geom)) return;
  const int type = GEOSGeomTypeId_r(h, geom);
  if (type == GEOS_POLYGON) {
    Polygon p;
    p.outer = fromRing(h, GEOSGetExteriorRing_r(h, geom));
    const int holes = GEOSGetNumInteriorRings_r(h, geom);
    for (int i = 0; i < holes; ++i) p.holes.push_back(fromRing(h, GEOSGetInteriorRingN_r(h, geom, i)));
    if (p.outer.size() >= 3) out.push_back(std::move(p));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    const int n = GEOSGetNumGeometries_r(h, geom);
    for (int i = 0; i < n; ++i) appendPolygons(GEOSGetGeometryN_r(h, geom, i), out);
  }
}

}  // namespace frontline
