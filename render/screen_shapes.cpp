#include "render/screen_shapes.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace frontline {
Result<ScreenShapes> ScreenShapes::create() {
  ScreenShapes s;
  auto program = gl::Program::fromEmbedded("screen_shape.vert", "screen_shape.frag");
  if (!program) return program.error();
  s.program_ = std::move(program).value();
  s.vao_ = gl::makeVertexArray();
  s.vbo_ = gl::makeBuffer();
  glBindVertexArray(s.vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, s.vbo_.id());
  constexpr auto stride = static_cast<GLsizei>(sizeof(Vertex));
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Vertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Vertex, radius)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(Vertex, fill)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                        reinterpret_cast<void*>(offsetof(Vertex, strokeColor)));
  glBindVertexArray(0);
  return s;
}

void ScreenShapes::quad(float x0, float y0, float x1, float y1, float cx, float cy, float radius, float stroke,
                        const Rgba& fill, const Rgba& strokeColor) {
  Vertex base{};
  base.radius = radius;
  base.stroke = stroke;
  fill.toBytes(base.fill);
  strokeColor.toBytes(base.strokeColor);
  const float xs[4] = {x0, x1, x1, x0}, ys[4] = {y0, y0, y1, y1};
  for (int k : {0, 1, 2, 0, 2, 3}) {
    Vertex v = base;
    v.x = xs[k], v.y = ys[k];
    v.lx = xs[k] - cx, v.ly = ys[k] - cy;
    vertices_.push_back(v);
  }
}

void ScreenShapes::rect(const ScreenBox& box, const Rgba& color) {
  quad(box.x0, box.y0, box.x1, box.y1, 0, 0, 0, 0, color, color);
}

void ScreenShapes::dot(float cx, float cy, float radius, float strokeWidth, const Rgba& fill, const Rgba& stroke) {
  const float r = radius + 1;
  quad(cx - r, cy - r, cx + r, cy + r, cx, cy, radius, strokeWidth, fill, stroke);
}

void ScreenShapes::draw(int width, int height) {
  if (vertices_.empty()) return;
  program_.use();
  glUniform2f(program_.uniform("u_viewport"), static_cast<float>(width), static_cast<float>(height));
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices_.size() * sizeof(Vertex)), vertices_.data(),
               GL_STREAM_DRAW);
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(vertices_.size()));
  glBindVertexArray(0);
  vertices_.clear();
}

}  // namespace frontline
