#include "render/control_layer.hpp"

#include <algorithm>

namespace frontline {

Rgba actorColor(const Dataset& dataset, const std::string& actorId, bool colourBlindPalette) {
  const Actor* actor = dataset.actor(actorId);
  uint32_t c = actor ? actor->color : 0x888888;
  if (actor && colourBlindPalette) c = defaultActorColor(static_cast<size_t>(actor - dataset.actors.data()));
  return {static_cast<float>((c >> 16) & 0xFF) / 255.0f, static_cast<float>((c >> 8) & 0xFF) / 255.0f,
          static_cast<float>(c & 0xFF) / 255.0f, 1.0f};
}

namespace {

Rgba darker(Rgba c, float factor) { return {c.r * factor, c.g * factor, c.b * factor, c.a}; }

}  // namespace

Result<std::unique_ptr<ControlLayer>> ControlLayer::create(Vec2 origin, const MapStyle& style) {
  std::unique_ptr<ControlLayer> layer(new ControlLayer(origin, style));
  auto area = gl::Program::fromEmbedded("map_area.vert", "map_area.frag");
  if (!area) return area.error();
  layer->areaProgram_ = std::move(area).value();
  auto line = gl::Program::fromEmbedded("map_line.vert", "map_line.frag");
  if (!line) return line.error();
  layer->lineProgram_ = std::move(line).value();
  return layer;
}

void ControlLayer::upload(const ControlFrame& frame) {
  if (frame.interval == interval_ && frame.areas.get() == uploaded_) return;
  interval_ = frame.interval;
  uploaded_ = frame.areas.get();
  cells_ = std::make_unique<FillMesh>(origin_);
  outlines_ = std::make_unique<LineMesh>(origin_);
  cellRanges_.clear();
  outlineRanges_.clear();
  for (const ControlCell& cell : frame.areas->cells) cellRanges_.push_back(cells_->add(cell.triangles));
  for (const ControllerArea& area : frame.areas->byController) {
    std::vector<LineString> rings;
    for (const Polygon& p : area.polygons) {
      rings.push_back(p.outer);
      rings.back().push_back(p.outer.front());
      for (const Ring& hole : p.holes) {
        rings.push_back(hole);
        rings.back().push_back(hole.front());
      }
    }
    outlineRanges_.push_back({area.controller, outlines_->add(rings, 1.0f)});
  }
  cells_->upload();
  outlines_->upload();
}

void ControlLayer::drawAreas(const ControlFrame& frame, const MapView& view, int width, int height, float scale) {
  if (!frame.areas || !frame.dataset) return;
  upload(frame);
  std::unordered_map<std::string, const PlaceState*> stateById;
  for (const PlaceState& s : frame.states) stateById[s.place->id] = &s;

  const gl::Program& p = areaProgram_;
  p.use();
  glUniform2f(p.uniform("u_centre"), static_cast<float>(view.centre.x - origin_.x),
              static_cast<float>(view.centre.y - origin_.y));
  glUniform1f(p.uniform("u_upp"), static_cast<float>(view.unitsPerPixel));
  glUniform2f(p.uniform("u_viewport"), static_cast<float>(width), static_cast<float>(height));
  glUniform1f(p.uniform("u_hatchSpacing"), 9.0f * scale);
  const float alpha = style_.areaAlpha;
  auto setColor = [&](const char* name, Rgba c) { glUniform4f(p.uniform(name), c.r, c.g, c.b, c.a); };

  for (size_t i = 0; i < frame.areas->cells.size(); ++i) {
    const ControlCell& cell = frame.areas->cells[i];
    const ControlSite& site = frame.areas->sites[cell.site];
    const auto found = stateById.find(site.placeId);
    const PlaceState* state = found == stateById.end() ? nullptr : found->second;
    const Rgba now = actorColor(*frame.dataset, site.controller, style_.colourBlindPalette).withAlpha(alpha);
    const Rgba other = site.otherController.empty() ? Rgba{0, 0, 0, 0}
                                                    : actorColor(*frame.dataset, site.otherController, style_.colourBlindPalette).withAlpha(alpha);
    glUniform3f(p.uniform("u_circle"), 0, 0, -1);
    setColor("u_hatchColor", Rgba{0, 0, 0, 0});
    if (state && state->changing()) {
      // The previous holder's colour, with the new one spreading outward from the place.
      setColor("u_color", actorColor(*frame.dataset, state->previous->controller, style_.colourBlindPalette).withAlpha(alpha));
      cells_->draw(cellRanges_[i]);
      const double radius = state->transition * cell.reach;
      glUniform3f(p.uniform("u_circle"), static_cast<float>(cell.position.x - origin_.x),
                  static_cast<float>(cell.position.y - origin_.y), static_cast<float>(radius));
    }
    setColor("u_color", now);
    if (site.status == ControlStatus::Contested && other.a > 0) setColor("u_hatchColor", other);
    cells_->draw(cellRanges_[i]);
  }

  // Outlines of each controller's area: where colours meet, the front line is visible.
  const gl::Program& l = lineProgram_;
  l.use();
  glUniform2f(l.uniform("u_centre"), static_cast<float>(view.centre.x - origin_.x),
              static_cast<float>(view.centre.y - origin_.y));
  glUniform1f(l.uniform("u_upp"), static_cast<float>(view.unitsPerPixel));
  glUniform2f(l.uniform("u_viewport"), static_cast<float>(width), static_cast<float>(height));
  glUniform1f(l.uniform("u_widthScale"), style_.areaOutlineWidth * scale);
  glUniform2f(l.uniform("u_dash"), 0, 0);
  for (const auto& [controller, range] : outlineRanges_) {
    const Rgba c = darker(actorColor(*frame.dataset, controller, style_.colourBlindPalette), 0.8f).withAlpha(0.85f);
    glUniform4f(l.uniform("u_color"), c.r, c.g, c.b, c.a);
    outlines_->draw(range);
  }
}

void ControlLayer::addMarkers(const ControlFrame& frame, const std::unordered_map<std::string, Vec2>& screen,
                              float scale, ScreenShapes& shapes) const {
  if (!frame.dataset) return;
  const float r = style_.markerRadius * scale;
  for (const PlaceState& s : frame.states) {
    const auto pos = screen.find(s.place->id);
    if (pos == screen.end()) continue;
    const float x = static_cast<float>(pos->second.x), y = static_cast<float>(pos->second.y);
    const Rgba c = actorColor(*frame.dataset, s.current->controller, style_.colourBlindPalette);
    switch (s.current->status) {
      case ControlStatus::Control:
        shapes.dot(x, y, r, 1.5f * scale, c, Rgba{1, 1, 1, 1});
        break;
      case ControlStatus::Contested:
        // Hollow: the place is fought over; the ring is the attacker's colour.
        shapes.dot(x, y, r + 0.5f * scale, 3.0f * scale, Rgba{1, 1, 1, 1}, c);
        break;
      case ControlStatus::Besieged:
        // The holder's colour inside a dark siege ring.
        shapes.dot(x, y, r + 3.5f * scale, 2.0f * scale, Rgba{0, 0, 0, 0}, style_.siegeRing);
        shapes.dot(x, y, r, 1.5f * scale, c, Rgba{1, 1, 1, 1});
        break;
    }
  }
}

}  // namespace frontline
