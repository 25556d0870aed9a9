// Draws one frame of the map into a RenderTarget: sea, land, country fills, province lines,
// rivers, lakes, borders, towns and labels, country names, title, date, scale bar, attribution.
// The same draw serves the viewer, the exporter and the tests. What depends only on the view is
// drawn once into cached layers; a new date redraws only what changes with it.
// Create it while the target's GL context is current, and destroy it before the target.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/gis/map_scene.hpp"
#include "geo/model/date.hpp"
#include "geo/model/result.hpp"
#include "render/control_frame.hpp"
#include "render/frame_damage.hpp"
#include "render/map_style.hpp"
#include "render/map_view.hpp"
#include "render/render_target.hpp"

namespace frontline {

// Which parts of the map to draw (the viewer's layer toggles).
struct LayerVisibility {
  bool areas = true, markers = true, labels = true, rivers = true, provinces = true;
  bool operator==(const LayerVisibility&) const = default;
};

struct FrameInput {
  Date date;                 // map time; drawn under the title
  bool showDate = true;      // false: no date (a base map without a dataset has none)
  std::string title;         // first line of the title panel; may be empty
  MapView view;              // what part of the map is shown
  float scale = 1;           // text and line size factor (1 for 1920x1080, 2 for 3840x2160)
  const ControlFrame* control = nullptr;  // areas, markers and legend; none for a bare base map
  LayerVisibility layers;
};

// The scale factor for an output size: 1 at 1920x1080, proportional above, not below 0.75.
float defaultScaleFor(int width, int height);

class MapRenderer {
 public:
  // samples: multisampling for the cached base-map layers (0 disables). The per-frame parts
  // (composited layers, date, panels) are anti-aliased in their shaders.
  static Result<std::unique_ptr<MapRenderer>> create(const MapScene& scene, MapStyle style = {}, int samples = 4);
  ~MapRenderer();

  Result<void> draw(const FrameInput& frame, RenderTarget& target);
  // Changes colours and sizes (e.g. to MapStyle::projector()); the next draw redraws everything.
  void setStyle(const MapStyle& style);
  // Where a dataset place was drawn in the last frame (pixels), by place id: for hit-testing.
  const std::unordered_map<std::string, Vec2>& placePositions() const;
  // Draws only inside `region` of the target; the rest keeps its pixels. Inside the region the
  // pixels are those of a full draw (the scissor test changes nothing about rasterisation).
  Result<void> draw(const FrameInput& frame, RenderTarget& target, const PixelRect& region);

  // Where drawing `after` at width x height can give other pixels than `before` did: the date
  // panel, the legend, changed areas, outlines and markers. Empty when the two look identical.
  // The whole frame unless the last draw had the same view, size, scale, title and dataset.
  std::vector<PixelRect> changedRegions(const FrameInput& before, const FrameInput& after, int width, int height) const;

 private:
  struct Impl;
  explicit MapRenderer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace frontline
