#include "render/map_meshes.hpp"

#include <cmath>

namespace frontline {

DrawRange merge(DrawRange a, DrawRange b) {
  if (a.count == 0) return b;
  if (b.count == 0) return a;
  return {a.first, b.first + b.count - a.first};
}

DrawRange FillMesh::add(const std::vector<Triangle>& triangles) {
  DrawRange range{static_cast<GLint>(vertices_.size() / 2), static_cast<GLsizei>(triangles.size() * 3)};
  for (const Triangle& t : triangles)
    for (const Vec2& p : {t.a, t.b, t.c}) {
      vertices_.push_back(static_cast<float>(p.x - origin_.x));
      vertices_.push_back(static_cast<float>(p.y - origin_.y));
    }
  return range;
}

void FillMesh::upload() {
  vao_ = gl::makeVertexArray();
  vbo_ = gl::makeBuffer();
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices_.size() * sizeof(float)), vertices_.data(),
               GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
  glBindVertexArray(0);
  vertices_.clear();
  vertices_.shrink_to_fit();
}

void FillMesh::draw(DrawRange range) const {
  if (range.count == 0) return;
  glBindVertexArray(vao_.id());
  glDrawArrays(GL_TRIANGLES, range.first, range.count);
}

DrawRange LineMesh::add(const LineString& line, float widthPx) {
  const auto firstIndex = static_cast<GLint>(indices_.size());
  double distance = 0;
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    const Vec2 a{line[i].x - origin_.x, line[i].y - origin_.y};
    const Vec2 b{line[i + 1].x - origin_.x, line[i + 1].y - origin_.y};
    const double length = std::hypot(b.x - a.x, b.y - a.y);
    if (length == 0) continue;
    const auto base = static_cast<GLuint>(vertices_.size() / 8);
    const float corners[4][2] = {{0, -1}, {0, 1}, {1, 1}, {1, -1}};
    for (const auto& c : corners) {
      vertices_.insert(vertices_.end(), {static_cast<float>(a.x), static_cast<float>(a.y), static_cast<float>(b.x),
                                         static_cast<float>(b.y), c[0], c[1], static_cast<float>(distance), widthPx});
    }
    indices_.insert(indices_.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
    distance += length;
  }
  return {firstIndex, static_cast<GLsizei>(indices_.size()) - firstIndex};
}

DrawRange LineMesh::add(const std::vector<LineString>& lines, float widthPx) {
  DrawRange range{static_cast<GLint>(indices_.size()), 0};
  for (const LineString& line : lines) range = merge(range, add(line, widthPx));
  return range;
}

void LineMesh::upload() {
  vao_ = gl::makeVertexArray();
  vbo_ = gl::makeBuffer();
  ibo_ = gl::makeBuffer();
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices_.size() * sizeof(float)), vertices_.data(),
               GL_STATIC_DRAW);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_.id());
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices_.size() * sizeof(GLuint)), indices_.data(),
               GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 8 * sizeof(float), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 8 * sizeof(float), reinterpret_cast<void*>(4 * sizeof(float)));
  glBindVertexArray(0);
  vertices_.clear();
  vertices_.shrink_to_fit();
  indices_.clear();
  indices_.shrink_to_fit();
}

void LineMesh::draw(DrawRange range) const {
  if (range.count == 0) return;
  glBindVertexArray(vao_.id());
  glDrawElements(GL_TRIANGLES, range.count, GL_UNSIGNED_INT,
                 reinterpret_cast<void*>(static_cast<uintptr_t>(range.first) * sizeof(GLuint)));
}

}  // namespace frontline
