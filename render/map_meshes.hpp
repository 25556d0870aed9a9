// GPU buffers for map geometry: triangle fills and screen-width polylines, in map units relative
// to an origin (floats keep sub-metre precision near it). Needs the renderer's GL context.
#pragma once

#include <vector>

#include "geo/gis/map_scene.hpp"
#include "render/gl/gl_objects.hpp"

namespace frontline {

struct DrawRange {
  GLint first = 0;
  GLsizei count = 0;
};

class FillMesh {
 public:
  explicit FillMesh(Vec2 origin) : origin_(origin) {}
  DrawRange add(const std::vector<Triangle>& triangles);  // before upload()
  void upload();
  void draw(DrawRange range) const;  // with the fill program in use

 private:
  Vec2 origin_;
  std::vector<float> vertices_;
  gl::VertexArray vao_;
  gl::Buffer vbo_;
};

class LineMesh {
 public:
  explicit LineMesh(Vec2 origin) : origin_(origin) {}
  // Adds polylines drawn `widthPx` wide at scale 1; returns their index range.
  DrawRange add(const std::vector<LineString>& lines, float widthPx);
  DrawRange add(const LineString& line, float widthPx);
  void upload();
  void draw(DrawRange range) const;  // with the line program in use

 private:
  Vec2 origin_;
  std::vector<float> vertices_;  // 8 floats per vertex
  std::vector<GLuint> indices_;
  gl::VertexArray vao_;
  gl::Buffer vbo_, ibo_;
};

// Joins consecutive ranges (a.first + a.count == b.first) into one.
DrawRange merge(DrawRange a, DrawRange b);

}  // namespace frontline
