#include "render/viewer/map_navigation.hpp"

#include <algorithm>
#include <cmath>

namespace frontline {

ZoomLimits zoomLimitsFor(const MapView& home) {
  return {home.unitsPerPixel / 64, home.unitsPerPixel * 4};
}

void panBy(MapView& view, double dx, double dy) {
  view.centre.x -= dx * view.unitsPerPixel;
  view.centre.y += dy * view.unitsPerPixel;
}

void zoomAt(MapView& view, int width, int height, double px, double py, double factor, const ZoomLimits& limits) {
  if (!(factor > 0)) return;
  double target = view.unitsPerPixel / factor;
  if (limits.minUnitsPerPixel > 0) target = std::max(target, limits.minUnitsPerPixel);
  if (limits.maxUnitsPerPixel > 0) target = std::min(target, limits.maxUnitsPerPixel);
  const Vec2 before = screenToMap(view, width, height, {px, py});
  view.unitsPerPixel = target;
  const Vec2 after = screenToMap(view, width, height, {px, py});
  view.centre.x += before.x - after.x;
  view.centre.y += before.y - after.y;
}

MapView fitBox(const Box2& box, int width, int height, double marginPixels) {
  const int w = std::max(1, width - static_cast<int>(2 * marginPixels));
  const int h = std::max(1, height - static_cast<int>(2 * marginPixels));
  MapView view = fitView(box, w, h);
  return view;
}

std::optional<Box2> placesExtent(const std::vector<TownPoint>& places) {
  std::optional<Box2> box;
  for (const TownPoint& p : places) {
    if (!std::isfinite(p.position.x) || !std::isfinite(p.position.y)) continue;
    if (!box) {
      box = Box2{p.position.x, p.position.y, p.position.x, p.position.y};
      continue;
    }
    box->x0 = std::min(box->x0, p.position.x);
    box->y0 = std::min(box->y0, p.position.y);
    box->x1 = std::max(box->x1, p.position.x);
    box->y1 = std::max(box->y1, p.position.y);
  }
  return box;
}

std::optional<MapView> resolveSlideView(const SlideView& view, const Projection& projection, double metresPerUnit,
                                        int width, int height) {
  if (width <= 0 || height <= 0) return std::nullopt;
  if (view.kind == SlideView::Kind::Centre) {
    const Vec2 c = projection.forward({view.lon, view.lat});
    if (!std::isfinite(c.x) || !std::isfinite(c.y) || !(metresPerUnit > 0)) return std::nullopt;
    MapView v;
    v.centre = c;
    v.unitsPerPixel = view.widthKm * 1000.0 / metresPerUnit / width;
    return v;
  }
  // The box's outline, sampled along its edges: under a conic projection its sides curve.
  const LonLatBox& b = view.box;
  std::vector<Vec2> points;
  constexpr int kSteps = 16;
  for (int i = 0; i <= kSteps; ++i) {
    const double f = static_cast<double>(i) / kSteps;
    const double lon = b.lon0 + (b.lon1 - b.lon0) * f, lat = b.lat0 + (b.lat1 - b.lat0) * f;
    points.push_back({lon, b.lat0});
    points.push_back({lon, b.lat1});
    points.push_back({b.lon0, lat});
    points.push_back({b.lon1, lat});
  }
  projection.forwardInPlace(points);
  std::optional<Box2> box;
  for (const Vec2& p : points) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    if (!box) box = Box2{p.x, p.y, p.x, p.y};
    box->x0 = std::min(box->x0, p.x);
    box->y0 = std::min(box->y0, p.y);
    box->x1 = std::max(box->x1, p.x);
    box->y1 = std::max(box->y1, p.y);
  }
  if (!box || !(box->width() > 0) || !(box->height() > 0)) return std::nullopt;
  return fitView(*box, width, height);
}

}  // namespace frontline
