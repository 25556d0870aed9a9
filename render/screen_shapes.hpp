// Batches rectangles and anti-aliased dots in pixel coordinates (origin top-left, y down) and
// draws them in one call. Needs the renderer's GL context.
#pragma once

#include <vector>

#include "geo/model/result.hpp"
#include "render/color.hpp"
#include "render/gl/gl_objects.hpp"
#include "render/label_placer.hpp"

namespace frontline {

class ScreenShapes {
 public:
  static Result<ScreenShapes> create();

  void rect(const ScreenBox& box, const Rgba& color);
  void dot(float cx, float cy, float radius, float strokeWidth, const Rgba& fill, const Rgba& stroke);
  void draw(int width, int height);  // draws and clears the batch

 private:
  struct Vertex {
    float x, y, lx, ly;
    float radius, stroke;
    uint8_t fill[4];
    uint8_t strokeColor[4];
  };
  void quad(float x0, float y0, float x1, float y1, float cx, float cy, float radius, float stroke, const Rgba& fill,
            const Rgba& strokeColor);

  gl::Program program_;
  gl::VertexArray vao_;
  gl::Buffer vbo_;
  std::vector<Vertex> vertices_;
};

}  // namespace frontline
