// Draws control: the territory model's areas in the actors' colours (lighter over empty land,
// hatched where contested, growing outward from a place while it changes hands), front lines
// where two holders meet, and place markers. Needs the renderer's GL context. The grid textures
// are uploaded once per interval between event dates; per frame only the places' states change.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "render/control_frame.hpp"
#include "render/gl/gl_objects.hpp"
#include "render/map_meshes.hpp"
#include "render/map_style.hpp"
#include "render/map_view.hpp"
#include "render/screen_shapes.hpp"

namespace frontline {

// A country's fill triangles in the renderer's mesh, by ISO code: areas are drawn country by
// country so that they end exactly at borders.
struct CountryRange {
  std::string code;
  DrawRange range;
};

class ControlLayer {
 public:
  // `fills` holds the land (`land`) and country triangles; it must outlive the layer.
  static Result<std::unique_ptr<ControlLayer>> create(Vec2 origin, const MapStyle& style, const FillMesh& fills,
                                                      DrawRange land, std::vector<CountryRange> countries);
  void setStyle(const MapStyle& style) { style_ = style; }

  void drawAreas(const ControlFrame& frame, const MapView& view, int width, int height, float scale);
  // Queues a marker per place into `shapes`; positions are the places' screen positions by id.
  void addMarkers(const ControlFrame& frame, const std::unordered_map<std::string, Vec2>& screen, float scale,
                  ScreenShapes& shapes) const;

 private:
  ControlLayer(Vec2 origin, const MapStyle& style, const FillMesh& fills) : origin_(origin), style_(style), fills_(fills) {}
  void uploadGrid(const ControlAreas& areas);
  void uploadSites(const ControlFrame& frame);

  Vec2 origin_;
  MapStyle style_;
  const FillMesh& fills_;
  DrawRange land_;
  std::vector<CountryRange> countries_;
  gl::Program program_;
  const Terrain* terrain_ = nullptr;          // the terrain whose inhabited field is uploaded
  const Labelling* labelling_ = nullptr;      // the labelling uploaded
  gl::Texture label_, cost_, inhabited_, sites_;
  std::vector<float> siteTexels_;
};

}  // namespace frontline
