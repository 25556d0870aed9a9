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

constexpr int kSitesPerRow = 1024;  // matches map_control.frag

void setupTexture(const gl::Texture& t, GLint filter) {
  glBindTexture(GL_TEXTURE_2D, t.id());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

}  // namespace

Result<std::unique_ptr<ControlLayer>> ControlLayer::create(Vec2 origin, const MapStyle& style, const FillMesh& fills,
                                                           DrawRange land, std::vector<CountryRange> countries) {
  std::unique_ptr<ControlLayer> layer(new ControlLayer(origin, style, fills));
  layer->land_ = land;
  layer->countries_ = std::move(countries);
  auto program = gl::Program::fromEmbedded("map_area.vert", "map_control.frag");
  if (!program) return program.error();
  layer->program_ = std::move(program).value();
  layer->label_ = gl::makeTexture();
  layer->cost_ = gl::makeTexture();
  layer->inhabited_ = gl::makeTexture();
  layer->sites_ = gl::makeTexture();
  setupTexture(layer->label_, GL_NEAREST);
  setupTexture(layer->cost_, GL_NEAREST);
  setupTexture(layer->inhabited_, GL_LINEAR);
  setupTexture(layer->sites_, GL_NEAREST);
  return layer;
}

void ControlLayer::uploadGrid(const ControlAreas& areas) {
  const Terrain& t = *areas.terrain;
  const GridSpec& g = t.grid;
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  if (terrain_ != &t) {
    std::vector<uint8_t> inhabited(g.size());
    for (size_t i = 0; i < g.size(); ++i)
      inhabited[i] = static_cast<uint8_t>(std::clamp(t.inhabited[i], 0.0f, 1.0f) * 255.0f + 0.5f);
    glBindTexture(GL_TEXTURE_2D, inhabited_.id());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, g.cols, g.rows, 0, GL_RED, GL_UNSIGNED_BYTE, inhabited.data());
    terrain_ = &t;
  }
  if (labelling_ != areas.labelling.get()) {
    const Labelling& L = *areas.labelling;
    // Key * 2, plus 1 where the 8 neighbours hold the same key (the shader's shortcut).
    std::vector<int32_t> label(g.size(), -1);
    for (int r = 0; r < g.rows; ++r)
      for (int c = 0; c < g.cols; ++c) {
        const int32_t k = L.site[g.index(c, r)];
        if (k < 0) continue;
        bool interior = true;
        for (int dr = -1; dr <= 1 && interior; ++dr)
          for (int dc = -1; dc <= 1; ++dc)
            if (!g.contains(c + dc, r + dr) || L.site[g.index(c + dc, r + dr)] != k) {
              interior = false;
              break;
            }
        label[g.index(c, r)] = k * 2 + (interior ? 1 : 0);
      }
    glBindTexture(GL_TEXTURE_2D, label_.id());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32I, g.cols, g.rows, 0, GL_RED_INTEGER, GL_INT, label.data());
    glBindTexture(GL_TEXTURE_2D, cost_.id());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, g.cols, g.rows, 0, GL_RED, GL_FLOAT, L.cost.data());
    labelling_ = areas.labelling.get();
  }
}

void ControlLayer::uploadSites(const ControlFrame& frame) {
  const ControlAreas& areas = *frame.areas;
  const size_t keys = std::max<size_t>(areas.siteOfKey.size(), 1);
  const size_t rows = (keys + kSitesPerRow - 1) / kSitesPerRow * 4;
  siteTexels_.assign(static_cast<size_t>(kSitesPerRow) * rows * 4, 0.0f);
  std::unordered_map<std::string, const PlaceState*> stateById;
  for (const PlaceState& s : frame.states) stateById[s.place->id] = &s;
  std::unordered_map<std::string, float> controllerIndex;
  for (size_t i = 0; i < frame.dataset->actors.size(); ++i) controllerIndex[frame.dataset->actors[i].id] = static_cast<float>(i);
  auto indexOf = [&](const std::string& id) {
    auto [it, added] = controllerIndex.emplace(id, static_cast<float>(controllerIndex.size()));
    return it->second;
  };
  auto texel = [&](size_t key, int row) {
    const size_t x = key % kSitesPerRow, y = key / kSitesPerRow * 4 + static_cast<size_t>(row);
    return &siteTexels_[(y * kSitesPerRow + x) * 4];
  };
  const bool cb = style_.colourBlindPalette;
  for (size_t key = 0; key < areas.siteOfKey.size(); ++key) {
    const int32_t i = areas.siteOfKey[key];
    if (i < 0) continue;
    const ControlSite& site = areas.sites[static_cast<size_t>(i)];
    const Rgba now = actorColor(*frame.dataset, site.controller, cb);
    float* t0 = texel(key, 0);
    t0[0] = now.r, t0[1] = now.g, t0[2] = now.b, t0[3] = indexOf(site.controller);
    float* t1 = texel(key, 1);
    t1[3] = 1;
    float* t3 = texel(key, 3);
    const SiteExtent& extent = areas.labelling->extent[key];
    t3[0] = extent.reach, t3[1] = static_cast<float>(extent.country), t3[3] = 1;
    const auto found = stateById.find(site.placeId);
    const PlaceState* state = found == stateById.end() ? nullptr : found->second;
    if (state && state->transition < 1) {
      t1[3] = static_cast<float>(state->transition);
      if (state->previous) {
        const Rgba before = actorColor(*frame.dataset, state->previous->controller, cb);
        t1[0] = before.r, t1[1] = before.g, t1[2] = before.b;
        t3[2] = 1;
        if (state->previous->controller == site.controller) t1[3] = 1;  // no change of holder: nothing grows
      }
    }
    if (site.status == ControlStatus::Contested && !site.otherController.empty()) {
      const Rgba other = actorColor(*frame.dataset, site.otherController, cb);
      float* t2 = texel(key, 2);
      t2[0] = other.r, t2[1] = other.g, t2[2] = other.b, t2[3] = 1;
    }
  }
  glBindTexture(GL_TEXTURE_2D, sites_.id());
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, kSitesPerRow, static_cast<GLsizei>(rows), 0, GL_RGBA, GL_FLOAT,
               siteTexels_.data());
}

void ControlLayer::drawAreas(const ControlFrame& frame, const MapView& view, int width, int height, float scale) {
  if (!frame.areas || !frame.dataset || !frame.areas->labelling || !frame.areas->terrain) return;
  const ControlAreas& areas = *frame.areas;
  const Terrain& terrain = *areas.terrain;
  uploadGrid(areas);
  uploadSites(frame);

  const gl::Program& p = program_;
  p.use();
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, label_.id());
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, cost_.id());
  glActiveTexture(GL_TEXTURE2);
  glBindTexture(GL_TEXTURE_2D, inhabited_.id());
  glActiveTexture(GL_TEXTURE3);
  glBindTexture(GL_TEXTURE_2D, sites_.id());
  glActiveTexture(GL_TEXTURE0);
  glUniform1i(p.uniform("u_label"), 0);
  glUniform1i(p.uniform("u_cost"), 1);
  glUniform1i(p.uniform("u_inhabited"), 2);
  glUniform1i(p.uniform("u_sites"), 3);
  glUniform2f(p.uniform("u_centre"), static_cast<float>(view.centre.x - origin_.x),
              static_cast<float>(view.centre.y - origin_.y));
  glUniform1f(p.uniform("u_upp"), static_cast<float>(view.unitsPerPixel));
  glUniform2f(p.uniform("u_viewport"), static_cast<float>(width), static_cast<float>(height));
  glUniform2f(p.uniform("u_gridOrigin"), static_cast<float>(terrain.grid.x0 - origin_.x),
              static_cast<float>(terrain.grid.y0 - origin_.y));
  glUniform1f(p.uniform("u_cell"), static_cast<float>(terrain.grid.cell));
  glUniform2i(p.uniform("u_gridSize"), terrain.grid.cols, terrain.grid.rows);
  glUniform1f(p.uniform("u_alpha"), style_.areaAlpha);
  const bool blank = frame.dataset->settings.sparseLand == SparseLand::Blank;
  glUniform1f(p.uniform("u_sparseAlpha"), blank ? 0.0f : style_.areaAlpha * style_.sparseLandShare);
  glUniform1f(p.uniform("u_frontWidth"), style_.frontLineWidth * scale);
  glUniform4f(p.uniform("u_frontColor"), style_.frontLine.r, style_.frontLine.g, style_.frontLine.b, style_.frontLine.a);
  glUniform1f(p.uniform("u_hatchSpacing"), 9.0f * scale);
  glUniform1f(p.uniform("u_maxCost"), static_cast<float>(std::min(areas.maxCost, 1e30)));

  const GLint countryUniform = p.uniform("u_country");
  if (frame.dataset->settings.crossBorders || terrain.countryCodes.size() <= 1) {
    glUniform1i(countryUniform, -1);
    fills_.draw(land_);
    return;
  }
  // Country by country: a place's area ends exactly at its country's border.
  for (const CountryRange& c : countries_) {
    const int index = terrain.countryIndex(c.code);
    if (index < 0) continue;
    glUniform1i(countryUniform, index);
    fills_.draw(c.range);
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
