// A texture of rasterised glyphs (R = fill, G = halo), packed in shelves and filled on demand.
// Needs the current GL context of the renderer that owns it.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "render/gl/gl_objects.hpp"
#include "render/text/font_face.hpp"

namespace frontline {

struct AtlasGlyph {
  float u0 = 0, v0 = 0, u1 = 0, v1 = 0;  // texture coordinates
  int width = 0, height = 0, left = 0, top = 0;
};

class GlyphAtlas {
 public:
  explicit GlyphAtlas(int size = 2048);

  // The glyph's place in the atlas, rasterising and uploading it if needed. When the atlas is full
  // it is cleared; `cleared` then becomes true so callers can re-request glyphs already queued.
  const AtlasGlyph& get(const FontFace& font, int fontId, uint32_t glyph, float pixelSize, float haloPixels);
  GLuint texture() const { return texture_.id(); }
  int generation() const { return generation_; }

 private:
  struct Key {
    int font;
    uint32_t glyph;
    int size64, halo64;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      return (static_cast<size_t>(k.glyph) * 1315423911u) ^ (static_cast<size_t>(k.size64) << 20) ^
             (static_cast<size_t>(k.halo64) << 8) ^ static_cast<size_t>(k.font);
    }
  };
  void clear();

  int size_;
  gl::Texture texture_;
  std::unordered_map<Key, AtlasGlyph, KeyHash> glyphs_;
  int shelfX_ = 0, shelfY_ = 0, shelfHeight_ = 0;
  int generation_ = 0;
};

}  // namespace frontline
