// Triangulates polygons (with holes, and multipolygons) for the GPU, using GEOS's constrained
// Delaunay triangulation. The triangles cover exactly the polygon: holes stay empty.
#pragma once

#include <vector>

#include "geo/gis/geometry.hpp"
#include "geo/model/result.hpp"

namespace frontline {

struct Triangle {
  Vec2 a, b, c;
};

// Triangles covering `polygon`. An invalid polygon is repaired (MakeValid) first.
Result<std::vector<Triangle>> tessellate(const Polygon& polygon);

// Triangles of all polygons; polygons that fail are reported through the error.
Result<std::vector<Triangle>> tessellate(const std::vector<Polygon>& polygons);

double triangleArea(const Triangle& t);  // unsigned

}  // namespace frontline
