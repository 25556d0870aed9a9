// A GEOS reentrant-API handle owned by one thread, plus small RAII helpers for GEOS geometries.
#pragma once

#include <geos_c.h>

#include <memory>

#include "geo/gis/geometry.hpp"

namespace frontline {

// The GEOS handle for the calling thread (created on first use, freed at thread exit).
GEOSContextHandle_t geosHandle();

struct GeosGeometryDeleter {
  void operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(geosHandle(), g);
  }
};
using GeosGeometry = std::unique_ptr<GEOSGeometry, GeosGeometryDeleter>;

// Builds a GEOS polygon from our Polygon (rings are closed on the way in).
GeosGeometry toGeos(const Polygon& polygon);
// Appends the polygons of a GEOS (multi)polygon or collection to `out`.
void appendPolygons(const GEOSGeometry* geom, std::vector<Polygon>& out);

}  // namespace frontline
