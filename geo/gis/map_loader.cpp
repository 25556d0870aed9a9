#include "geo/gis/map_loader.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace frontline {
namespace {

bool inside(const Ring& ring, double x, double y) {
  bool in = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Vec2 &a = ring[i], &b = ring[j];
    if ((a.y > y) != (b.y > y) && x < (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x) in = !in;
  }
  return in;
}

// Whether any land lies in the view: a vertex inside it, or one of a grid of points in the view
// inside a land polygon (a view within a large island or continent has no vertex in it).
bool hasLand(const VectorLayer& land, const LonLatBox& view) {
  constexpr int kGrid = 9;
  for (const Feature& f : land.features)
    for (const Polygon& p : f.polygons) {
      if (p.outer.empty()) continue;
      for (const Vec2& v : p.outer)
        if (view.contains(v.x, v.y)) return true;
      for (int i = 0; i < kGrid; ++i)
        for (int j = 0; j < kGrid; ++j) {
          const double x = view.lon0 + view.width() * (i + 0.5) / kGrid;
          const double y = view.lat0 + view.height() * (j + 0.5) / kGrid;
          if (!inside(p.outer, x, y)) continue;
          if (std::none_of(p.holes.begin(), p.holes.end(), [&](const Ring& h) { return inside(h, x, y); }))
            return true;
        }
    }
  return false;
}

}  // namespace

Result<void> checkView(const LonLatBox& view, const std::string& crs) {
  const std::string where = "--bbox " + view.text();
  const bool fitted = crs.empty() || crs == "auto";
  if (fitted && view.width() > 180)
    return makeError(ErrorKind::Usage, where,
                     "is wider than 180 degrees of longitude, more than the fitted conic projection can show; "
                     "give a smaller box or a world projection, e.g. --crs EPSG:8857 (Equal Earth)");
  if (fitted && (view.lat0 < -85 || view.lat1 > 85))
    return makeError(ErrorKind::Usage, where,
                     "reaches a pole (beyond 85 degrees), where the fitted conic projection breaks down; "
                     "keep the box within -85..85 or give a polar projection, e.g. --crs EPSG:3995 (Arctic) "
                     "or EPSG:3031 (Antarctic)");
  return {};
}

std::optional<LonLatBox> viewAroundPlaces(const Timeline& timeline) {
  std::optional<LonLatBox> box;
  for (const PlaceTrack& p : timeline.places()) {
    if (!std::isfinite(p.lon) || !std::isfinite(p.lat)) continue;
    if (!box) box = LonLatBox{p.lon, p.lat, p.lon, p.lat};
    box->lon0 = std::min(box->lon0, p.lon);
    box->lon1 = std::max(box->lon1, p.lon);
    box->lat0 = std::min(box->lat0, p.lat);
    box->lat1 = std::max(box->lat1, p.lat);
  }
  if (!box) return box;
  // Margins are equal on the ground: a degree of longitude is cos(latitude) of a degree of latitude.
  const double midLat = (box->lat0 + box->lat1) / 2;
  const double cosLat = std::max(0.1, std::cos(midLat * std::numbers::pi / 180));
  const double groundSize = std::max(box->width() * cosLat, box->height());  // in degrees of latitude
  const double margin = std::max(0.15 * groundSize, 0.55);
  return LonLatBox{std::max(-180.0, box->lon0 - margin / cosLat), std::max(-85.0, box->lat0 - margin),
                   std::min(180.0, box->lon1 + margin / cosLat), std::min(85.0, box->lat1 + margin)};
}

LonLatBox loadBox(const LonLatBox& view) {
  // In ground distance (degrees of latitude), so that the shape is right away from the equator.
  const double midLat = (view.lat0 + view.lat1) / 2;
  const double cosLat = std::max(0.1, std::cos(midLat * std::numbers::pi / 180));
  const double w = view.width() * cosLat, h = view.height();
  const double width = 1.2 * std::max(w, 2.0 * h), height = 1.2 * std::max(h, w);
  const double cx = (view.lon0 + view.lon1) / 2, cy = midLat;
  const double halfLon = std::max(view.width() / 2, width / 2 / cosLat), halfLat = std::max(h / 2, height / 2);
  return {std::max(-180.0, cx - halfLon), std::max(-90.0, cy - halfLat), std::min(180.0, cx + halfLon),
          std::min(90.0, cy + halfLat)};
}

Result<LoadedMap> loadMap(const MapSourceOptions& options) {
  if (!options.view) return makeError(ErrorKind::Usage, "--bbox", "no area to show: give --bbox or a dataset");
  const LonLatBox& view = *options.view;
  if (auto r = checkView(view, options.crs); !r) return r.error();
  // The projection is fitted to the view; check it before spending time on the layers.
  auto projection = Projection::create(options.crs, view);
  if (!projection) return projection.error();
  const LonLatBox clip = loadBox(view);
  auto layers = loadBaseLayers(options.layers, clip, options.warn);
  if (!layers) return layers.error();
  if (options.warn && !hasLand(layers->land, view))
    options.warn("the view " + view.text() +
                 " has no land in it, the map will be all sea (--bbox is lon0,lat0,lon1,lat1: longitude first)");
  SceneOptions sceneOptions;
  sceneOptions.focusCountries = options.focusCountries;
  sceneOptions.language = options.language;
  auto scene = buildMapScene(*layers, *projection, view, sceneOptions);
  if (!scene) return scene.error();
  return LoadedMap{std::move(projection).value(), std::move(scene).value(), std::move(layers).value()};
}

}  // namespace frontline
