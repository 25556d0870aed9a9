// The map's fonts (Noto Sans from Debian's fonts-noto-core, DejaVu as a fallback).
// FRONTLINE_FONT_DIR may point at another folder holding the same file names.
#pragma once

#include <memory>
#include <string_view>

#include "geo/model/result.hpp"
#include "render/text/font_face.hpp"

namespace frontline {

enum class FontStyle { Regular = 0, Bold = 1, Italic = 2 };

struct FontSet {
  std::unique_ptr<FontFace> regular, bold, italic;
  // Noto Sans Arabic (fonts-noto-core), for text in Arabic script; null when not installed.
  std::unique_ptr<FontFace> arabic, arabicBold;
  const FontFace& get(FontStyle style) const;
  // The face that draws `text` (Arabic letters: the Arabic face, when there is one) and a number
  // that tells the faces apart (for glyph caches).
  const FontFace& forText(std::string_view text, FontStyle style, int& faceId) const;

  static Result<FontSet> loadDefault();
};

}  // namespace frontline
