// Moving around the map in the viewer: pan, zoom about a point, zoom limits, fitting boxes (the
// data, a story slide's view) into the window. Pure arithmetic on MapView; no SDL or GL.
#pragma once

#include <optional>
#include <vector>

#include "geo/gis/map_scene.hpp"
#include "geo/gis/projection.hpp"
#include "geo/model/story.hpp"
#include "render/map_view.hpp"

namespace frontline {

struct ZoomLimits {
  double minUnitsPerPixel = 0;  // closest zoom
  double maxUnitsPerPixel = 0;  // furthest zoom
};

// Limits relative to the view of the whole map: from 1/64 of its scale (street-level enough for
// towns) to 4 times it (the whole region small in the window).
ZoomLimits zoomLimitsFor(const MapView& home);

// Moves the map by a drag of (dx, dy) pixels (the map follows the pointer).
void panBy(MapView& view, double dx, double dy);
// Zooms by `factor` (> 1 zooms in) keeping the map point under pixel (px, py) where it is;
// the zoom stays within `limits`.
void zoomAt(MapView& view, int width, int height, double px, double py, double factor, const ZoomLimits& limits);

// The view showing `box` (map units) inside width x height with `marginPixels` left around it.
MapView fitBox(const Box2& box, int width, int height, double marginPixels);
// The box around the dataset's places (map units); nothing without places.
std::optional<Box2> placesExtent(const std::vector<TownPoint>& places);

// A story slide's view in this window: a centre with ground width, or a lon/lat box fitted.
// Nothing when the projection cannot place it.
std::optional<MapView> resolveSlideView(const SlideView& view, const Projection& projection, double metresPerUnit,
                                        int width, int height);

}  // namespace frontline
