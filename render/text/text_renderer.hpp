// Draws shaped text in pixel coordinates (origin top-left, y down) with an optional halo.
// Text is queued with add() and drawn in one call by draw(). Needs the renderer's GL context.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "render/color.hpp"
#include "render/fonts.hpp"
#include "render/gl/gl_objects.hpp"
#include "render/text/glyph_atlas.hpp"

namespace frontline {

struct TextStyle {
  FontStyle font = FontStyle::Regular;
  float size = 12;          // pixels (em size)
  Rgba color{0, 0, 0, 1};
  Rgba halo{1, 1, 1, 0};
  float haloWidth = 0;      // pixels; 0 for none
  float tracking = 0;       // extra space between letters, in em
};

struct TextMetrics {
  float width = 0;    // pixels from the pen start to the end of the last advance
  float ascent = 0;   // cap height above the baseline, pixels
  float descent = 0;  // below the baseline, pixels (positive)
};

class TextRenderer {
 public:
  static Result<std::unique_ptr<TextRenderer>> create(FontSet fonts);

  TextMetrics measure(std::string_view text, const TextStyle& style);
  // Queues text with its baseline starting at (x, baselineY); positions snap to whole pixels.
  // A non-zero angle (radians, counter-clockwise on screen) rotates the text about that point.
  void add(std::string_view text, const TextStyle& style, float x, float baselineY, float angle = 0);
  // Draws everything queued into the bound framebuffer of size width x height, then clears the queue.
  void draw(int width, int height);

 private:
  TextRenderer() = default;
  const ShapedText& shaped(std::string_view text, const FontFace& face, int faceId);

  struct Vertex {
    float x, y, u, v;
    uint8_t color[4];
    uint8_t halo[4];
  };
  struct Queued {
    std::string text;
    TextStyle style;
    float x, y;
    float angle;
  };

  FontSet fonts_;
  std::unique_ptr<GlyphAtlas> atlas_;
  gl::Program program_;
  gl::VertexArray vao_;
  gl::Buffer vbo_;
  std::unordered_map<std::string, ShapedText> shapeCache_;
  std::vector<Queued> queue_;
  std::vector<Vertex> vertices_;
};

}  // namespace frontline
