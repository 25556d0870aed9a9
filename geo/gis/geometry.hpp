// Plain geometry types shared by the loaders, the projection and the renderer (no GDAL/GEOS here).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace frontline {

struct Vec2 {
  double x = 0, y = 0;
};

using Ring = std::vector<Vec2>;      // closed implicitly: last point != first point
using LineString = std::vector<Vec2>;

struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};

enum class GeometryKind { Empty, Points, Lines, Polygons };

// One feature of a vector layer; coordinates are lon/lat degrees until projected.
struct Feature {
  long long fid = -1;
  std::map<std::string, std::string> fields;  // attribute values as text
  GeometryKind kind = GeometryKind::Empty;
  std::vector<Vec2> points;
  std::vector<LineString> lines;
  std::vector<Polygon> polygons;

  std::string field(const std::string& name, const std::string& fallback = "") const;
};

struct VectorLayer {
  std::string source;  // file path
  std::string name;    // layer name inside the file
  std::vector<Feature> features;
};

// Signed area of a ring (positive when counter-clockwise) and of a polygon (outer minus holes).
double ringArea(const Ring& ring);
double polygonArea(const Polygon& polygon);

}  // namespace frontline
