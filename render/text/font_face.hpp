// One font file: HarfBuzz shapes text with it (kerning, ligatures, Arabic joining) and FreeType
// rasterises its glyphs at exact pixel sizes, optionally with an outline halo for map labels.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "geo/model/result.hpp"

namespace frontline {

struct ShapedGlyph {
  uint32_t index = 0;  // glyph id in the font
  float x = 0, y = 0;  // pen position in font units, y up
};

// Shaped text in font units; scale by pixelSize / unitsPerEm.
struct ShapedText {
  std::vector<ShapedGlyph> glyphs;
  float advance = 0;  // total width in font units
};

// A run of one direction in a line of text, after the Unicode bidi algorithm (fribidi).
struct BidiRun {
  size_t start = 0, length = 0;  // code points, in logical order
  int level = 0;                 // odd: right to left
};

// The line's runs in visual order, left to right on screen.
std::vector<BidiRun> bidiRuns(std::u32string_view text);

// A rasterised glyph: R = fill coverage, G = halo coverage; 2 bytes per pixel, top row first.
struct GlyphBitmap {
  int width = 0, height = 0;
  int left = 0, top = 0;  // offset of the bitmap's top-left from the pen position (pixels, y up)
  std::vector<uint8_t> rg;
};

class FontFace {
 public:
  static Result<std::unique_ptr<FontFace>> load(const std::filesystem::path& path);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  ShapedText shape(std::string_view utf8) const;
  GlyphBitmap rasterize(uint32_t glyph, float pixelSize, float haloPixels) const;

  float unitsPerEm() const { return unitsPerEm_; }
  float ascender() const { return ascender_; }    // font units, positive
  float descender() const { return descender_; }  // font units, negative
  float capHeight() const { return capHeight_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  FontFace() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::filesystem::path path_;
  float unitsPerEm_ = 1000, ascender_ = 800, descender_ = -200, capHeight_ = 700;
};

}  // namespace frontline
