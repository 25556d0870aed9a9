#include "render/text/font_face.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_GLYPH_H
#include FT_STROKER_H
#include FT_TRUETYPE_TABLES_H
#include <hb-ot.h>
#include <hb.h>
#include <fribidi.h>

#include <algorithm>
#include <cmath>

namespace frontline {

struct FontFace::Impl {
  FT_Library library = nullptr;
  FT_Face face = nullptr;
  FT_Stroker stroker = nullptr;
  hb_blob_t* blob = nullptr;
  hb_face_t* hbFace = nullptr;
  hb_font_t* hbFont = nullptr;
  hb_buffer_t* buffer = nullptr;
  ~Impl() {
    if (buffer) hb_buffer_destroy(buffer);
    if (hbFont) hb_font_destroy(hbFont);
    if (hbFace) hb_face_destroy(hbFace);
    if (blob) hb_blob_destroy(blob);
    if (stroker) FT_Stroker_Done(stroker);
    if (face) FT_Done_Face(face);
    if (library) FT_Done_FreeType(library);
  }
};

FontFace::~FontFace() = default;

Result<std::unique_ptr<FontFace>> FontFace::load(const std::filesystem::path& path) {
  std::unique_ptr<FontFace> font(new FontFace());
  font->path_ = path;
  font->impl_ = std::make_unique<Impl>();
  Impl& im = *font->impl_;
  const std::string where = path.string();
  if (FT_Init_FreeType(&im.library)) return makeError(ErrorKind::Render, where, "cannot initialise FreeType");
  if (FT_New_Face(im.library, path.c_str(), 0, &im.face))
    return makeError(ErrorKind::Input, where, "cannot load font (missing or not a font file)");
  if (FT_Stroker_New(im.library, &im.stroker)) return makeError(ErrorKind::Render, where, "cannot create stroker");
  im.blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!im.blob) return makeError(ErrorKind::Input, where, "cannot read font file");
  im.hbFace = hb_face_create(im.blob, 0);
  im.hbFont = hb_font_create(im.hbFace);
  const unsigned upem = hb_face_get_upem(im.hbFace);
  hb_font_set_scale(im.hbFont, static_cast<int>(upem), static_cast<int>(upem));
  hb_ot_font_set_funcs(im.hbFont);
  im.buffer = hb_buffer_create();
  font->unitsPerEm_ = static_cast<float>(upem);
  font->ascender_ = static_cast<float>(im.face->ascender);
  font->descender_ = static_cast<float>(im.face->descender);
  if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(im.face, FT_SFNT_OS2)); os2 && os2->sCapHeight > 0)
    font->capHeight_ = static_cast<float>(os2->sCapHeight);
  else
    font->capHeight_ = font->ascender_ * 0.7f;
  return font;
}

namespace {

// Right-to-left letters (Hebrew, Arabic and their presentation forms): only text holding one goes
// through the bidi algorithm, so left-to-right labels are shaped exactly as before.
bool hasRightToLeft(std::string_view utf8) {
  for (size_t i = 0; i + 1 < utf8.size(); ++i) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    if (b >= 0xD6 && b <= 0xDF) return true;  // U+0580..U+07FF lead bytes: Hebrew, Arabic, Syriac, Thaana, NKo
    if (b == 0xEF && static_cast<unsigned char>(utf8[i + 1]) >= 0xAC) return true;  // U+FB00..: presentation forms
  }
  return false;
}

std::u32string decode(std::string_view utf8) {
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    const int n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < n && i + static_cast<size_t>(k) < utf8.size(); ++k)
      c = (c << 6) | (static_cast<unsigned char>(utf8[i + static_cast<size_t>(k)]) & 0x3F);
    out.push_back(c);
    i += static_cast<size_t>(n);
  }
  return out;
}

}  // namespace

std::vector<BidiRun> bidiRuns(std::u32string_view text) {
  std::vector<BidiRun> runs;
  const auto n = static_cast<FriBidiStrIndex>(text.size());
  if (n == 0) return runs;
  std::vector<FriBidiCharType> types(text.size());
  std::vector<FriBidiBracketType> brackets(text.size());
  std::vector<FriBidiLevel> levels(text.size());
  const auto* chars = reinterpret_cast<const FriBidiChar*>(text.data());
  fribidi_get_bidi_types(chars, n, types.data());
  fribidi_get_bracket_types(chars, n, types.data(), brackets.data());
  FriBidiParType base = FRIBIDI_PAR_ON;  // the first strong letter decides: an Arabic label is a right-to-left paragraph
  if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &base, levels.data()))
    return {{0, text.size(), 0}};
  for (size_t i = 0; i < text.size();) {
    size_t j = i;
    while (j < text.size() && levels[j] == levels[i]) ++j;
    runs.push_back({i, j - i, static_cast<int>(levels[i])});
    i = j;
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs at
  // that level or above; the runs are then in visual (left-to-right) order.
  int highest = 0, lowestOdd = 1000;
  for (const BidiRun& r : runs) {
    highest = std::max(highest, r.level);
    if (r.level % 2 == 1) lowestOdd = std::min(lowestOdd, r.level);
  }
  for (int level = highest; level >= lowestOdd; --level)
    for (size_t i = 0; i < runs.size();) {
      if (runs[i].level < level) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < runs.size() && runs[j].level >= level) ++j;
      std::reverse(runs.begin() + static_cast<std::ptrdiff_t>(i), runs.begin() + static_cast<std::ptrdiff_t>(j));
      i = j;
    }
  return runs;
}

ShapedText FontFace::shape(std::string_view utf8) const {
  hb_buffer_t* buf = impl_->buffer;
  ShapedText out;
  float penX = 0, penY = 0;
  auto append = [&] {
    hb_shape(impl_->hbFont, buf, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
    out.glyphs.reserve(out.glyphs.size() + count);
    for (unsigned i = 0; i < count; ++i) {
      out.glyphs.push_back({info[i].codepoint, penX + static_cast<float>(pos[i].x_offset),
                            penY + static_cast<float>(pos[i].y_offset)});
      penX += static_cast<float>(pos[i].x_advance);
      penY += static_cast<float>(pos[i].y_advance);
    }
  };
  if (!hasRightToLeft(utf8)) {
    hb_buffer_reset(buf);
    hb_buffer_add_utf8(buf, utf8.data(), static_cast<int>(utf8.size()), 0, static_cast<int>(utf8.size()));
    hb_buffer_guess_segment_properties(buf);
    append();
  } else {
    // Mixed or right-to-left text: each directional run shaped on its own (HarfBuzz joins Arabic
    // letters within it and returns its glyphs left to right), the runs laid out in visual order.
    const std::u32string text = decode(utf8);
    for (const BidiRun& run : bidiRuns(text)) {
      hb_buffer_reset(buf);
      hb_buffer_add_utf32(buf, reinterpret_cast<const uint32_t*>(text.data()), static_cast<int>(text.size()),
                          static_cast<unsigned>(run.start), static_cast<int>(run.length));
      hb_buffer_set_direction(buf, run.level % 2 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
      hb_buffer_guess_segment_properties(buf);
      append();
    }
  }
  out.advance = penX;
  return out;
}

GlyphBitmap FontFace::rasterize(uint32_t glyph, float pixelSize, float haloPixels) const {
  GlyphBitmap out;
  FT_Face face = impl_->face;
  if (FT_Set_Char_Size(face, 0, static_cast<FT_F26Dot6>(std::lround(pixelSize * 64)), 72, 72)) return out;
  if (FT_Load_Glyph(face, glyph, FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_LIGHT)) return out;
  FT_Glyph fill = nullptr;
  if (FT_Get_Glyph(face->glyph, &fill)) return out;
  FT_Glyph halo = nullptr;
  if (haloPixels > 0 && FT_Glyph_Copy(fill, &halo) == 0) {
    FT_Stroker_Set(impl_->stroker, static_cast<FT_Fixed>(std::lround(haloPixels * 64)), FT_STROKER_LINECAP_ROUND,
                   FT_STROKER_LINEJOIN_ROUND, 0);
    if (FT_Glyph_StrokeBorder(&halo, impl_->stroker, 0, 1) || FT_Glyph_To_Bitmap(&halo, FT_RENDER_MODE_NORMAL, nullptr, 1)) {
      FT_Done_Glyph(halo);
      halo = nullptr;
    }
  }
  if (FT_Glyph_To_Bitmap(&fill, FT_RENDER_MODE_NORMAL, nullptr, 1)) {
    FT_Done_Glyph(fill);
    if (halo) FT_Done_Glyph(halo);
    return out;
  }
  auto* fillBitmap = reinterpret_cast<FT_BitmapGlyph>(fill);
  auto* haloBitmap = reinterpret_cast<FT_BitmapGlyph>(halo);
  int x0 = fillBitmap->left, y0 = fillBitmap->top;
  int x1 = x0 + static_cast<int>(fillBitmap->bitmap.width), y1 = y0 - static_cast<int>(fillBitmap->bitmap.rows);
  if (haloBitmap) {
    x0 = std::min(x0, haloBitmap->left);
    y0 = std::max(y0, haloBitmap->top);
    x1 = std::max(x1, haloBitmap->left + static_cast<int>(haloBitmap->bitmap.width));
    y1 = std::min(y1, haloBitmap->top - static_cast<int>(haloBitmap->bitmap.rows));
  }
  out.left = x0;
  out.top = y0;
  out.width = std::max(0, x1 - x0);
  out.height = std::max(0, y0 - y1);
  out.rg.assign(static_cast<size_t>(out.width) * static_cast<size_t>(out.height) * 2, 0);
  auto blit = [&](FT_BitmapGlyph g, int channel) {
    const FT_Bitmap& bm = g->bitmap;
    for (unsigned row = 0; row < bm.rows; ++row)
      for (unsigned col = 0; col < bm.width; ++col) {
        const int x = g->left - x0 + static_cast<int>(col);
        const int y = y0 - g->top + static_cast<int>(row);
        out.rg[(static_cast<size_t>(y) * static_cast<size_t>(out.width) + static_cast<size_t>(x)) * 2 +
               static_cast<size_t>(channel)] = bm.buffer[static_cast<int>(row) * bm.pitch + static_cast<int>(col)];
      }
  };
  blit(fillBitmap, 0);
  if (haloBitmap) blit(haloBitmap, 1);
  FT_Done_Glyph(fill);
  if (halo) FT_Done_Glyph(halo);
  return out;
}

}  // namespace frontline
