// Where two consecutive frames of an animation can differ, so that an exporter redraws (and
// re-encodes) only those rectangles: MapRenderer::changedRegions builds the list from the date
// panel, the legend and the control layer (areas, outlines, markers). CPU only, no GL context.
// Outside the rectangles both frames issue the same primitives with the same inputs, so their
// pixels are equal; the one thing not tracked is the order in which touching outline rings of one
// controller are drawn (same colour; blending order could change a rounding). Tests export whole
// datasets with and without this and compare the files byte for byte.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "geo/gis/control_frame.hpp"
#include "render/label_placer.hpp"
#include "render/map_style.hpp"
#include "render/map_view.hpp"

namespace frontline {

// Whole pixels, origin top-left, y down; x1 and y1 exclusive.
struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  long long area() const { return empty() ? 0 : static_cast<long long>(x1 - x0) * (y1 - y0); }
  bool operator==(const PixelRect&) const = default;
};

// A list of damaged rectangles inside a width x height frame. Rectangles are rounded outward,
// clipped to the frame and merged where drawing them separately would not save much.
class Damage {
 public:
  Damage(int width, int height) : width_(width), height_(height) {}

  void add(const ScreenBox& box, float pad);
  void add(const PixelRect& rect);
  void addAll() { all_ = true; }
  bool all() const { return all_; }
  bool empty() const { return !all_ && rects_.empty(); }

  // At most `maxRects` rectangles covering everything added (the whole frame after addAll() or
  // when they would cover most of it anyway).
  std::vector<PixelRect> rects(size_t maxRects = 4) const;

 private:
  int width_, height_;
  bool all_ = false;
  std::vector<PixelRect> rects_;
};

// Adds what the control layer draws differently in `after` than in `before` (both drawn with the
// same view, size and scale): area fills (colours, hatching, transitions), area outlines and
// place markers. `placeScreen` holds the places' marker positions by place id.
void addControlDamage(const ControlFrame& before, const ControlFrame& after, const MapView& view, int width,
                      int height, float scale, const MapStyle& style,
                      const std::unordered_map<std::string, Vec2>& placeScreen, Damage& damage);

}  // namespace frontline
