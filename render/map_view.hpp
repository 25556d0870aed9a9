// Which part of the map is on screen: a centre in map units and a zoom (map units per pixel).
#pragma once

#include "geo/gis/map_scene.hpp"

namespace frontline {

struct MapView {
  Vec2 centre;               // map units
  double unitsPerPixel = 1;  // map units per output pixel
};

// The view that shows all of `extent` inside a width x height image, centred.
MapView fitView(const Box2& extent, int width, int height);

// Map units to pixels (origin top-left, y down) and back.
Vec2 mapToScreen(const MapView& view, int width, int height, Vec2 map);
Vec2 screenToMap(const MapView& view, int width, int height, Vec2 screen);

}  // namespace frontline
