#include "geo/gis/geometry.hpp"

#include <cmath>

namespace frontline {

std::string Feature::field(const std::string& name, const std::string& fallback) const {
  auto it = fields.find(name);
  return it == fields.end() ? fallback : it->second;
}

double ringArea(const Ring& ring) {
  // Shoelace formula, relative to the first vertex to keep precision for large coordinates.
  if (ring.size() < 3) return 0;
  const Vec2 o = ring.front();
  double twice = 0;
  for (size_t i = 1; i + 1 < ring.size(); ++i) {
    const double ax = ring[i].x - o.x, ay = ring[i].y - o.y;
    const double bx = ring[i + 1].x - o.x, by = ring[i + 1].y - o.y;
    twice += ax * by - bx * ay;
  }
  return twice / 2;
}

double polygonArea(const Polygon& polygon) {
  double area = std::abs(ringArea(polygon.outer));
  for (const Ring& hole : polygon.holes) area -= std::abs(ringArea(hole));
  return area;
}

}  // namespace frontline
