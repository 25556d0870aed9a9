#include "render/text/glyph_atlas.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace frontline {

GlyphAtlas::GlyphAtlas(int size) : size_(size), texture_(gl::makeTexture()) {
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  std::vector<uint8_t> zeros(static_cast<size_t>(size) * static_cast<size_t>(size) * 2, 0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RG8, size, size, 0, GL_RG, GL_UNSIGNED_BYTE, zeros.data());
  // Upright glyphs sit on whole pixels, where linear sampling hits texel centres exactly (crisp);
  // rotated ones (river names) need the interpolation.
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

void GlyphAtlas::clear() {
  glyphs_.clear();
  shelfX_ = shelfY_ = shelfHeight_ = 0;
  ++generation_;
}

const AtlasGlyph& GlyphAtlas::get(const FontFace& font, int fontId, uint32_t glyph, float pixelSize,
                                  float haloPixels) {
  const Key key{fontId, glyph, static_cast<int>(std::lround(pixelSize * 64)),
                static_cast<int>(std::lround(haloPixels * 64))};
  if (auto it = glyphs_.find(key); it != glyphs_.end()) return it->second;

  const GlyphBitmap bitmap = font.rasterize(glyph, pixelSize, haloPixels);
  constexpr int kPad = 2;  // keeps linear sampling of rotated glyphs from bleeding into neighbours
  const int w = bitmap.width + kPad, h = bitmap.height + kPad;
  if (shelfX_ + w > size_) {
    shelfX_ = 0;
    shelfY_ += shelfHeight_;
    shelfHeight_ = 0;
  }
  if (shelfY_ + h > size_) clear();  // full: start over (callers re-fetch; rare with one map's labels)
  AtlasGlyph entry;
  entry.width = bitmap.width;
  entry.height = bitmap.height;
  entry.left = bitmap.left;
  entry.top = bitmap.top;
  if (bitmap.width > 0 && bitmap.height > 0 && w <= size_ && h <= size_) {
    glBindTexture(GL_TEXTURE_2D, texture_.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexSubImage2D(GL_TEXTURE_2D, 0, shelfX_, shelfY_, bitmap.width, bitmap.height, GL_RG, GL_UNSIGNED_BYTE,
                    bitmap.rg.data());
    const float s = static_cast<float>(size_);
    entry.u0 = static_cast<float>(shelfX_) / s;
    entry.v0 = static_cast<float>(shelfY_) / s;
    entry.u1 = static_cast<float>(shelfX_ + bitmap.width) / s;
    entry.v1 = static_cast<float>(shelfY_ + bitmap.height) / s;
    shelfX_ += w;
    shelfHeight_ = std::max(shelfHeight_, h);
  }
  return glyphs_.emplace(key, entry).first->second;
}

}  // namespace frontline
