#include "geo/gis/tessellation.hpp"

#include <cmath>

#include "geo/gis/geos_context.hpp"

namespace frontline {
namespace {

void appendTriangles(GEOSContextHandle_t h, const GEOSGeometry* tris, std::vector<Triangle>& out) {
  const int n = GEOSGetNumGeometries_r(h, tris);
  out.reserve(out.size() + static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* tri = GEOSGetGeometryN_r(h, tris, i);
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, tri));
    unsigned size = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &size) || size < 3) continue;
    Triangle t;
    GEOSCoordSeq_getXY_r(h, seq, 0, &t.a.x, &t.a.y);
    GEOSCoordSeq_getXY_r(h, seq, 1, &t.b.x, &t.b.y);
    GEOSCoordSeq_getXY_r(h, seq, 2, &t.c.x, &t.c.y);
    out.push_back(t);
  }
}

}  // namespace

double triangleArea(const Triangle& t) {
  return std::abs((t.b.x - t.a.x) * (t.c.y - t.a.y) - (t.c.x - t.a.x) * (t.b.y - t.a.y)) / 2;
}

Result<std::vector<Triangle>> tessellate(const Polygon& polygon) {
  GEOSContextHandle_t h = geosHandle();
  std::vector<Triangle> out;
  GeosGeometry geom = toGeos(polygon);
  if (!geom) return makeError(ErrorKind::Data, "", "cannot build polygon for tessellation");
  if (GEOSisEmpty_r(h, geom.get())) return out;
  if (GEOSisValid_r(h, geom.get()) != 1) {
    GeosGeometry repaired(GEOSMakeValid_r(h, geom.get()));
    if (!repaired) return makeError(ErrorKind::Data, "", "invalid polygon that cannot be repaired");
    geom = std::move(repaired);
  }
  // Constrained Delaunay works per polygon; a repaired geometry may be a multipolygon/collection.
  std::vector<Polygon> parts;
  appendPolygons(geom.get(), parts);
  for (const Polygon& part : parts) {
    GeosGeometry partGeom = toGeos(part);
    GeosGeometry tris(GEOSConstrainedDelaunayTriangulation_r(h, partGeom.get()));
    if (!tris) return makeError(ErrorKind::Data, "", "GEOS could not triangulate a polygon");
    appendTriangles(h, tris.get(), out);
  }
  return out;
}

Result<std::vector<Triangle>> tessellate(const std::vector<Polygon>& polygons) {
  std::vector<Triangle> out;
  for (const Polygon& p : polygons) {
    auto tris = tessellate(p);
    if (!tris) return tris.error();
    out.insert(out.end(), tris->begin(), tris->end());
  }
  return out;
}

}  // namespace frontline
