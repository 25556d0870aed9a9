#include "geo/gis/map_loader.hpp"

#include <algorithm>

namespace frontline {

Result<LoadedMap> loadMap(const MapSourceOptions& options) {
  // The projection is fitted to the view; check it before spending time on the layers.
  auto projection = Projection::create(options.crs, options.view);
  if (!projection) return projection.error();
  // Load generously around the view (a wide output shows more than the box), but not the world:
  // clipping also keeps antimeridian-crossing features out of the projection.
  const LonLatBox clip = options.view.expanded(std::max(options.view.width(), options.view.height()));
  auto layers = loadBaseLayers(options.layers, clip, options.warn);
  if (!layers) return layers.error();
  SceneOptions sceneOptions;
  sceneOptions.focusCountries = options.focusCountries;
  sceneOptions.language = options.language;
  auto scene = buildMapScene(*layers, *projection, options.view, sceneOptions);
  if (!scene) return scene.error();
  return LoadedMap{std::move(projection).value(), std::move(scene).value(), std::move(layers).value()};
}

}  // namespace frontline
