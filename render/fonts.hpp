// The map's fonts (Noto Sans from Debian's fonts-noto-core, DejaVu as a fallback).
// FRONTLINE_FONT_DIR may point at another folder holding the same file names.
#pragma once

#include <memory>

#include "geo/model/result.hpp"
#include "render/text/font_face.hpp"

namespace frontline {

enum class FontStyle { Regular = 0, Bold = 1, Italic = 2 };

struct FontSet {
  std::unique_ptr<FontFace> regular, bold, italic;
  const FontFace& get(FontStyle style) const;

  static Result<FontSet> loadDefault();
};

}  // namespace frontline
