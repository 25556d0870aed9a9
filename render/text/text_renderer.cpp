#include "render/text/text_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace frontline {
Result<std::unique_ptr<TextRenderer>> TextRenderer::create(FontSet fonts) {
  std::unique_ptr<TextRenderer> r(new TextRenderer());
  r->fonts_ = std::move(fonts);
  auto program = gl::Program::fromEmbedded("text.vert", "text.frag");
  if (!program) return program.error();
  r->program_ = std::move(program).value();
  r->atlas_ = std::make_unique<GlyphAtlas>();
  r->vao_ = gl::makeVertexArray();
  r->vbo_ = gl::makeBuffer();
  glBindVertexArray(r->vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, r->vbo_.id());
  constexpr auto stride = static_cast<GLsizei>(sizeof(Vertex));
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(Vertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(Vertex, color)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(Vertex, halo)));
  glBindVertexArray(0);
  return r;
}

const ShapedText& TextRenderer::shaped(std::string_view text, const FontFace& face, int faceId) {
  std::string key(1, static_cast<char>('0' + faceId));
  key.append(text);
  auto it = shapeCache_.find(key);
  if (it == shapeCache_.end()) it = shapeCache_.emplace(key, face.shape(text)).first;
  return it->second;
}

TextMetrics TextRenderer::measure(std::string_view text, const TextStyle& style) {
  int faceId = 0;
  const FontFace& face = fonts_.forText(text, style.font, faceId);
  const ShapedText& s = shaped(text, face, faceId);
  const float scale = style.size / face.unitsPerEm();
  TextMetrics m;
  const float trackingPx = style.tracking * style.size;
  m.width = s.advance * scale + trackingPx * static_cast<float>(s.glyphs.empty() ? 0 : s.glyphs.size() - 1);
  m.ascent = face.capHeight() * scale;
  m.descent = -face.descender() * scale * 0.6f;  // typical descenders, not the font's extreme
  return m;
}

void TextRenderer::add(std::string_view text, const TextStyle& style, float x, float baselineY, float angle) {
  queue_.push_back({std::string(text), style, x, baselineY, angle});
}

void TextRenderer::draw(int width, int height) {
  if (queue_.empty()) return;
  // Build vertices; if the atlas had to be cleared midway, build again so no quad points at stale texels.
  for (int attempt = 0; attempt < 2; ++attempt) {
    const int generation = atlas_->generation();
    vertices_.clear();
    for (const Queued& q : queue_) {
      int faceId = 0;
      const FontFace& face = fonts_.forText(q.text, q.style.font, faceId);
      const ShapedText& s = shaped(q.text, face, faceId);
      const float scale = q.style.size / face.unitsPerEm();
      const float trackingPx = q.style.tracking * q.style.size;
      const bool rotated = q.angle != 0;
      const float originX = rotated ? q.x : std::round(q.x), originY = rotated ? q.y : std::round(q.y);
      const float cosA = std::cos(q.angle), sinA = std::sin(q.angle);
      Vertex base{};
      q.style.color.toBytes(base.color);
      q.style.halo.toBytes(base.halo);
      for (size_t i = 0; i < s.glyphs.size(); ++i) {
        const ShapedGlyph& g = s.glyphs[i];
        const AtlasGlyph& a = atlas_->get(face, faceId, g.index, q.style.size, q.style.haloWidth);
        if (a.width == 0 || a.height == 0) continue;
        // Glyph quad relative to the text origin; whole pixels unless rotated.
        float px = g.x * scale + trackingPx * static_cast<float>(i), py = -g.y * scale;
        if (!rotated) px = std::round(px), py = std::round(py);
        px += static_cast<float>(a.left);
        py -= static_cast<float>(a.top);
        const float qx1 = px + static_cast<float>(a.width), qy1 = py + static_cast<float>(a.height);
        const float cx[4] = {px, qx1, qx1, px}, cy[4] = {py, py, qy1, qy1};
        const float us[4] = {a.u0, a.u1, a.u1, a.u0}, vs[4] = {a.v0, a.v0, a.v1, a.v1};
        Vertex v[4] = {base, base, base, base};
        for (int k = 0; k < 4; ++k) {
          // Screen y points down, so a counter-clockwise angle uses -sin for x and +sin for y.
          v[k].x = originX + cx[k] * cosA + cy[k] * sinA;
          v[k].y = originY - cx[k] * sinA + cy[k] * cosA;
          v[k].u = us[k];
          v[k].v = vs[k];
        }
        for (int k : {0, 1, 2, 0, 2, 3}) vertices_.push_back(v[k]);
      }
    }
    if (atlas_->generation() == generation) break;
  }
  queue_.clear();
  if (vertices_.empty()) return;

  program_.use();
  glUniform2f(program_.uniform("u_viewport"), static_cast<float>(width), static_cast<float>(height));
  glUniform1i(program_.uniform("u_atlas"), 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, atlas_->texture());
  glBindVertexArray(vao_.id());
  glBindBuffer(GL_ARRAY_BUFFER, vbo_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices_.size() * sizeof(Vertex)), vertices_.data(),
               GL_STREAM_DRAW);
  glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(vertices_.size()));
  glBindVertexArray(0);
}

}  // namespace frontline
