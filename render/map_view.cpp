#include "render/map_view.hpp"

#include <algorithm>

namespace frontline {

MapView fitView(const Box2& extent, int width, int height) {
  MapView view;
  view.centre = {(extent.x0 + extent.x1) / 2, (extent.y0 + extent.y1) / 2};
  view.unitsPerPixel = std::max(extent.width() / std::max(width, 1), extent.height() / std::max(height, 1));
  if (!(view.unitsPerPixel > 0)) view.unitsPerPixel = 1;
  return view;
}

Vec2 mapToScreen(const MapView& view, int width, int height, Vec2 map) {
  return {(map.x - view.centre.x) / view.unitsPerPixel + width / 2.0,
          height / 2.0 - (map.y - view.centre.y) / view.unitsPerPixel};
}

Vec2 screenToMap(const MapView& view, int width, int height, Vec2 screen) {
  return {view.centre.x + (screen.x - width / 2.0) * view.unitsPerPixel,
          view.centre.y - (screen.y - height / 2.0) * view.unitsPerPixel};
}

}  // namespace frontline
