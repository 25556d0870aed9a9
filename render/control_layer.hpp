// Draws control: translucent areas in the actors' colours (hatched where contested, growing
// outward from a place while it changes hands) with their outlines, and place markers.
// Needs the renderer's GL context. Area meshes are cached per interval between event dates.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "render/control_frame.hpp"
#include "render/gl/gl_objects.hpp"
#include "render/map_meshes.hpp"
#include "render/map_style.hpp"
#include "render/map_view.hpp"
#include "render/screen_shapes.hpp"

namespace frontline {

class ControlLayer {
 public:
  static Result<std::unique_ptr<ControlLayer>> create(Vec2 origin, const MapStyle& style);
  void setStyle(const MapStyle& style) { style_ = style; }

  void drawAreas(const ControlFrame& frame, const MapView& view, int width, int height, float scale);
  // Queues a marker per place into `shapes`; positions are the places' screen positions by id.
  void addMarkers(const ControlFrame& frame, const std::unordered_map<std::string, Vec2>& screen, float scale,
                  ScreenShapes& shapes) const;

 private:
  ControlLayer(Vec2 origin, const MapStyle& style) : origin_(origin), style_(style) {}
  void upload(const ControlFrame& frame);

  Vec2 origin_;
  MapStyle style_;
  gl::Program areaProgram_, lineProgram_;
  // GPU copy of one interval's areas.
  size_t interval_ = static_cast<size_t>(-1);
  const ControlAreas* uploaded_ = nullptr;
  std::unique_ptr<FillMesh> cells_;
  std::vector<DrawRange> cellRanges_;
  std::unique_ptr<LineMesh> outlines_;
  std::vector<std::pair<std::string, DrawRange>> outlineRanges_;  // per controller
};

}  // namespace frontline
