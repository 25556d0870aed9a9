#include "render/map_renderer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

#include "geo/gis/terrain_builder.hpp"
#include "render/control_layer.hpp"
#include "render/label_placer.hpp"
#include "render/gl/framebuffer.hpp"
#include "render/map_meshes.hpp"
#include "render/path_label.hpp"
#include "render/screen_shapes.hpp"
#include "render/text/text_renderer.hpp"

namespace frontline {
namespace {

std::string upperAscii(std::string text) {
  for (char& c : text)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return text;
}

// A round scale-bar length in kilometres whose bar is at most `maxKm` long.
double niceKilometres(double maxKm) {
  const double power = std::pow(10.0, std::floor(std::log10(maxKm)));
  for (double step : {5.0, 2.0, 1.0})
    if (step * power <= maxKm) return step * power;
  return power;
}

std::string formatKm(double km) {
  char buf[32];
  if (km >= 1) std::snprintf(buf, sizeof buf, "%.0f km", km);
  else std::snprintf(buf, sizeof buf, "%.0f m", km * 1000);
  return buf;
}

}  // namespace

float defaultScaleFor(int width, int height) {
  const float s = std::min(static_cast<float>(width) / 1920.0f, static_cast<float>(height) / 1080.0f);
  return std::max(0.75f, s);
}

struct MapRenderer::Impl {
  const MapScene* scene = nullptr;
  MapStyle style;
  Vec2 origin;
  gl::Program fillProgram, lineProgram;
  std::unique_ptr<FillMesh> fills;
  std::unique_ptr<LineMesh> lines;
  DrawRange land, lakes;
  std::vector<DrawRange> countryRanges;
  DrawRange coast, provinces, rivers, borders;
  std::unique_ptr<TextRenderer> text;
  std::unique_ptr<ScreenShapes> shapes;

  struct Labels {
    struct Text {
      std::string text;
      TextStyle style;
      float x, baseline;
      float angle = 0;
    };
    struct Dot {
      float x, y, radius;
      bool focus;
    };
    std::vector<Text> texts;
    std::vector<Dot> dots;
  };
  // The cached layers depend only on view, size, scale and title: redrawn when one changes.
  struct LayerKey {
    double cx = 0, cy = 0, upp = 0;
    int w = 0, h = 0;
    float scale = 0;
    std::string title;
    bool showDate = true;
    const Dataset* dataset = nullptr;
    LayerVisibility layers;
    int styleVersion = 0;
    bool operator==(const LayerKey&) const = default;
  };
  LayerKey layerKey;
  Labels labels;
  std::vector<ScreenBox> reserved;

  struct Furniture {
    float margin = 0, pad = 0;
    TextStyle titleStyle, dateStyle, smallStyle, scaleStyle;
    float titleBaseline = 0, dateBaseline = 0, titleBottom = 0;
    ScreenBox titleReserved, scalePanel;
    float barLength = 0, barHeight = 0;
    std::string kmText;
    float attributionX = 0, attributionBaseline = 0;
  };
  Furniture furniture;

  int samples = 4;
  int styleVersion = 0;
  std::optional<gl::ColorFramebuffer> msaa;
  std::optional<gl::TextureFramebuffer> baseLayer, overlayLayer;
  gl::Program compositeProgram;
  gl::VertexArray emptyVao;
  DrawRange lakeShores;
  std::unique_ptr<ControlLayer> control;
  std::unordered_map<std::string, Vec2> placeScreen;  // dataset places on screen, by place id
  ScreenBox legendReserved;
  size_t legendRows = 0;
  int furnitureWidth = 0, furnitureHeight = 0;  // the frame size the furniture was laid out for

  void useMapProgram(const gl::Program& program, const MapView& view, int w, int h) const {
    program.use();
    glUniform2f(program.uniform("u_centre"), static_cast<float>(view.centre.x - origin.x),
                static_cast<float>(view.centre.y - origin.y));
    glUniform1f(program.uniform("u_upp"), static_cast<float>(view.unitsPerPixel));
    glUniform2f(program.uniform("u_viewport"), static_cast<float>(w), static_cast<float>(h));
  }
  void fill(DrawRange range, const Rgba& c) const {
    glUniform4f(fillProgram.uniform("u_color"), c.r, c.g, c.b, c.a);
    fills->draw(range);
  }
  void line(DrawRange range, const Rgba& c, float widthScale, float dash = 0, float gap = 0) const {
    glUniform4f(lineProgram.uniform("u_color"), c.r, c.g, c.b, c.a);
    glUniform1f(lineProgram.uniform("u_widthScale"), widthScale);
    glUniform2f(lineProgram.uniform("u_dash"), dash, gap);
    lines->draw(range);
  }

  void layoutFurniture(const FrameInput& frame, int w, int h);
  void layoutLabels(const FrameInput& frame, int w, int h);
  Result<void> beginLayer(int w, int h, const Rgba& clear);
  Result<void> finishLayer(std::optional<gl::TextureFramebuffer>& layer, int w, int h);
  Result<void> renderLayers(const FrameInput& frame, int w, int h);
  void composite(const gl::TextureFramebuffer& layer) const;
  void placeRiverNames(const FrameInput& frame, int w, int h, LabelPlacer& placer);
  void drawLegend(const ControlFrame& control, float s);
  // Right edge of the title panel, which is as wide as the title or the date.
  float titlePanelRight(const FrameInput& frame) const;
  // Copies the base layer into the target: a blit where the target is single-sampled (on a CPU
  // rasteriser far cheaper than a textured pass), else the composite pass; both pixel for pixel.
  void copyBaseLayer(int w, int h) const;
  const PixelRect* scissor = nullptr;  // set while draw() redraws one region only
};

namespace {

// Says what the lighter tint over empty land means (README: Areas of control).
constexpr const char* kSparseLegend = "Paler: sparsely populated land";

// What the legend shows: the actors holding something, and whether any place is contested or
// besieged. The legend is drawn from this alone, so frames with equal keys have equal legends.
struct LegendKey {
  std::set<std::string> present;
  bool contested = false, besieged = false;
  bool front = false, sparse = false;  // front lines drawn; empty land tinted (nominal control)
  bool operator==(const LegendKey&) const = default;
};

LegendKey legendKeyOf(const ControlFrame& control) {
  LegendKey key;
  for (const PlaceState& state : control.states) {
    key.present.insert(state.current->controller);
    key.contested |= state.current->status == ControlStatus::Contested;
    key.besieged |= state.current->status == ControlStatus::Besieged;
  }
  const bool areas = control.areas != nullptr && control.dataset;
  key.front = areas && key.present.size() >= 2;
  key.sparse = areas && control.dataset->settings.sparseLand == SparseLand::Nominal;
  return key;
}

}  // namespace

MapRenderer::MapRenderer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MapRenderer::~MapRenderer() = default;

Result<std::unique_ptr<MapRenderer>> MapRenderer::create(const MapScene& scene, MapStyle style, int samples) {
  auto impl = std::make_unique<Impl>();
  GLint maxSamples = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
  impl->samples = samples > 1 ? std::min(samples, static_cast<int>(maxSamples)) : 0;
  auto compositeProgram = gl::Program::fromEmbedded("composite.vert", "composite.frag");
  if (!compositeProgram) return compositeProgram.error();
  impl->compositeProgram = std::move(compositeProgram).value();
  impl->emptyVao = gl::makeVertexArray();
  impl->scene = &scene;
  impl->style = std::move(style);
  impl->origin = {(scene.viewExtent.x0 + scene.viewExtent.x1) / 2, (scene.viewExtent.y0 + scene.viewExtent.y1) / 2};
  auto fillProgram = gl::Program::fromEmbedded("map_fill.vert", "map_fill.frag");
  if (!fillProgram) return fillProgram.error();
  impl->fillProgram = std::move(fillProgram).value();
  auto lineProgram = gl::Program::fromEmbedded("map_line.vert", "map_line.frag");
  if (!lineProgram) return lineProgram.error();
  impl->lineProgram = std::move(lineProgram).value();

  impl->fills = std::make_unique<FillMesh>(impl->origin);
  impl->land = impl->fills->add(scene.land);
  for (const CountryShape& c : scene.countries) impl->countryRanges.push_back(impl->fills->add(c.fill));
  impl->lakes = impl->fills->add(scene.lakes);
  impl->fills->upload();

  const MapStyle& s = impl->style;
  impl->lines = std::make_unique<LineMesh>(impl->origin);
  impl->coast = impl->lines->add(scene.coastlines, s.coastWidth);
  impl->provinces = impl->lines->add(scene.provinceLines, s.provinceWidth);
  for (const RiverLine& r : scene.rivers) {
    const float width = r.rank <= 2 ? s.riverWidthMajor : r.rank <= 5 ? s.riverWidthMid : s.riverWidthMinor;
    impl->rivers = merge(impl->rivers, impl->lines->add(r.line, width));
  }
  impl->borders = impl->lines->add(scene.countryLines, 1.0f);
  impl->lakeShores = impl->lines->add(scene.lakeShores, s.coastWidth * 0.8f);
  impl->lines->upload();

  auto fonts = FontSet::loadDefault();
  if (!fonts) return fonts.error();
  auto text = TextRenderer::create(std::move(fonts).value());
  if (!text) return text.error();
  impl->text = std::move(text).value();
  std::vector<CountryRange> countryRanges;
  for (size_t i = 0; i < scene.countries.size(); ++i) countryRanges.push_back({countryKey(scene.countries[i].code, scene.countries[i].name), impl->countryRanges[i]});
  auto control = ControlLayer::create(impl->origin, impl->style, *impl->fills, impl->land, std::move(countryRanges));
  if (!control) return control.error();
  impl->control = std::move(control).value();
  auto shapes = ScreenShapes::create();
  if (!shapes) return shapes.error();
  impl->shapes = std::make_unique<ScreenShapes>(std::move(shapes).value());
  const std::string err = gl::pendingError();
  if (!err.empty()) return makeError(ErrorKind::Render, "", "uploading the map to the GPU failed: " + err);
  return std::unique_ptr<MapRenderer>(new MapRenderer(std::move(impl)));
}

void MapRenderer::Impl::layoutLabels(const FrameInput& frame, int w, int h) {
  labels = {};
  const float s = frame.scale;
  LabelPlacer placer(static_cast<float>(w), static_cast<float>(h), 4 * s, 5 * s);
  for (const ScreenBox& box : reserved) placer.reserve(box);

  TextStyle town{FontStyle::Regular, style.townTextSize * s, style.townText, style.textHalo, style.haloWidth * s};
  TextStyle majorTown = town;
  majorTown.font = FontStyle::Bold;
  majorTown.size = style.majorTownTextSize * s;
  TextStyle country{FontStyle::Bold, style.countryTextSize * s, style.countryText, style.textHalo,
                    style.haloWidth * s, 0.14f};

  // Focus countries are named first; other country names go in after the big cities.
  constexpr double kCountryNamePriority = 5.7;  // log10 of about half a million people
  bool countriesPlaced = false;
  auto placeCountries = [&](bool focus) {
    if (!focus) countriesPlaced = true;
    for (const CountryShape& c : scene->countries) {
      if (c.focus != focus || c.name.empty() || c.labelRadius <= 0) continue;
      const Vec2 p = mapToScreen(frame.view, w, h, c.labelAnchor);
      const float radiusPx = static_cast<float>(c.labelRadius / frame.view.unitsPerPixel);
      TextStyle st = country;
      if (radiusPx > 180 * s) st.size *= 1.2f;
      const std::string name = upperAscii(c.name);
      const TextMetrics m = text->measure(name, st);
      if (m.width > radiusPx * 2.4f) continue;  // the name would spill far outside the country
      LabelRequest req{static_cast<float>(p.x), static_cast<float>(p.y), m.width, m.ascent, m.descent};
      req.centred = true;
      if (auto placed = placer.place(req)) labels.texts.push_back({name, st, placed->x, placed->baselineY});
    }
  };

  // The dataset's places: always marked, labelled before anything else.
  placeScreen.clear();
  TextStyle placeStyle = majorTown;
  placeStyle.size = style.townTextSize * 1.05f * s;
  const float markerReserve = (style.markerRadius + 1.5f) * s;
  // A place almost on top of a more important one (East Mosul by Mosul) shares its marker's room
  // and goes unlabelled, rather than blocking every spot around the important one.
  std::vector<const TownPoint*> labelled;
  for (const TownPoint& t : scene->datasetPlaces) {
    const Vec2 p = mapToScreen(frame.view, w, h, t.position);
    if (p.x < 0 || p.y < 0 || p.x > w || p.y > h) continue;
    bool merged = false;
    for (const TownPoint* other : labelled) {
      const Vec2 q = placeScreen[other->id];
      merged |= std::hypot(p.x - q.x, p.y - q.y) < 2.5 * style.markerRadius * s;
    }
    placeScreen[t.id] = p;
    if (merged) continue;
    labelled.push_back(&t);
    placer.reserve({static_cast<float>(p.x) - markerReserve, static_cast<float>(p.y) - markerReserve,
                    static_cast<float>(p.x) + markerReserve, static_cast<float>(p.y) + markerReserve});
  }
  for (const TownPoint* t : labelled) {
    const Vec2 p = placeScreen[t->id];
    const TextMetrics m = text->measure(t->name, placeStyle);
    LabelRequest req{static_cast<float>(p.x), static_cast<float>(p.y), m.width, m.ascent, m.descent};
    req.markerRadius = 0;  // already reserved
    req.padding = 1.5f * s;  // the dataset's places may crowd (Mosul): keep labels close
    req.gap = markerReserve + 2.5f * s;
    if (auto placed = placer.place(req)) labels.texts.push_back({t->name, placeStyle, placed->x, placed->baselineY});
  }
  auto nearDatasetPlace = [&](Vec2 p) {
    for (const auto& [id, q] : placeScreen)
      if (std::abs(p.x - q.x) < 8 * s && std::abs(p.y - q.y) < 8 * s) return true;
    return false;
  };

  placeCountries(true);
  TextStyle otherTown = town;
  otherTown.color = style.otherTownText;
  TextStyle otherMajorTown = majorTown;
  otherMajorTown.color = style.otherTownText;
  for (const TownPoint& t : scene->towns) {
    if (!countriesPlaced && t.importance < kCountryNamePriority) placeCountries(false);
    const Vec2 p = mapToScreen(frame.view, w, h, t.position);
    if (p.x < 0 || p.y < 0 || p.x > w || p.y > h || nearDatasetPlace(p)) continue;
    const bool major = t.population >= 750000;
    const TextStyle& st = t.inFocus ? (major ? majorTown : town) : (major ? otherMajorTown : otherTown);
    const TextMetrics m = text->measure(t.name, st);
    LabelRequest req{static_cast<float>(p.x), static_cast<float>(p.y), m.width, m.ascent, m.descent};
    req.markerRadius = (major ? style.townDotRadius + 1 : style.townDotRadius) * s;
    req.gap = 3 * s;
    if (auto placed = placer.place(req)) {
      labels.texts.push_back({t.name, st, placed->x, placed->baselineY});
      labels.dots.push_back({static_cast<float>(p.x), static_cast<float>(p.y), req.markerRadius, t.inFocus});
    }
  }
  if (!countriesPlaced) placeCountries(false);
  placeRiverNames(frame, w, h, placer);
}

void MapRenderer::Impl::placeRiverNames(const FrameInput& frame, int w, int h, LabelPlacer& placer) {
  const float s = frame.scale;
  TextStyle river{FontStyle::Italic, style.riverTextSize * s, style.riverText, style.textHalo, style.haloWidth * s,
                  0.04f};
  std::vector<std::pair<std::string, ScreenPoint>> placedNames;  // one name per stretch of river
  for (auto it = scene->rivers.rbegin(); it != scene->rivers.rend(); ++it) {  // major rivers first
    const RiverLine& r = *it;
    if (r.rank > 5 || r.name.empty() || r.name == "None") continue;
    std::vector<ScreenPoint> path;
    path.reserve(r.line.size());
    for (const Vec2& p : r.line) {
      const Vec2 q = mapToScreen(frame.view, w, h, p);
      path.push_back({static_cast<float>(q.x), static_cast<float>(q.y)});
    }
    const TextMetrics m = text->measure(r.name, river);
    const float length = m.width + 6 * s;
    for (const PathSpot& spot : findPathSpots(path, length, 0.9f * m.ascent + 2, static_cast<float>(w),
                                              static_cast<float>(h), 8 * s)) {
      const float c = std::cos(spot.angle), sn = std::sin(spot.angle);
      // Text centred on the line: baseline half the cap height below it, 3px in from the start.
      const float ox = spot.x + 3 * s * c + sn * m.ascent / 2, oy = spot.y - 3 * s * sn + c * m.ascent / 2;
      const float mx = spot.x + c * length / 2, my = spot.y - sn * length / 2;
      const bool repeated = std::any_of(placedNames.begin(), placedNames.end(), [&](const auto& n) {
        return n.first == r.name && std::hypot(n.second.x - mx, n.second.y - my) < 450 * s;
      });
      if (repeated) continue;
      // The rotated text's bounding box.
      float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
      for (float along : {0.0f, m.width})
        for (float across : {-m.ascent, m.descent}) {
          const float px = ox + along * c + across * sn, py = oy - along * sn + across * c;
          x0 = std::min(x0, px), y0 = std::min(y0, py), x1 = std::max(x1, px), y1 = std::max(y1, py);
        }
      if (!placer.tryOccupy({x0, y0, x1, y1})) continue;
      labels.texts.push_back({r.name, river, ox, oy, spot.angle});
      placedNames.push_back({r.name, {mx, my}});  // long rivers get a name every 450 px or so
    }
  }
}

void MapRenderer::Impl::layoutFurniture(const FrameInput& frame, int w, int h) {
  const float s = frame.scale;
  furniture = {};
  furnitureWidth = w;
  furnitureHeight = h;
  Furniture& f = furniture;
  f.margin = 16 * s;
  f.pad = 12 * s;
  f.titleStyle = {FontStyle::Bold, style.titleSize * s, style.panelText};
  f.dateStyle = {FontStyle::Bold, style.dateSize * s, style.dateText};
  f.smallStyle = {FontStyle::Regular, style.smallTextSize * s, style.attributionText, style.textHalo, style.haloWidth * s};
  f.scaleStyle = {FontStyle::Regular, style.smallTextSize * 1.1f * s, style.panelText};
  // The panel is laid out for the widest date so that labels need not move when the date does.
  const TextMetrics widest = text->measure("28 September 2888", f.dateStyle);
  float y = f.margin + f.pad;
  float panelWidth = frame.showDate ? widest.width : 0;
  if (!frame.title.empty()) {
    const TextMetrics tm = text->measure(frame.title, f.titleStyle);
    f.titleBaseline = y + tm.ascent;
    y = f.titleBaseline + tm.descent + 10 * s;
    panelWidth = std::max(panelWidth, tm.width);
  }
  if (frame.showDate) {
    f.dateBaseline = y + widest.ascent;
    f.titleBottom = f.dateBaseline + widest.descent + f.pad;
  } else {
    f.titleBottom = frame.title.empty() ? f.margin : y - 10 * s + f.pad;
  }
  f.titleReserved = frame.title.empty() && !frame.showDate
                        ? ScreenBox{f.margin, f.margin, f.margin, f.margin}
                        : ScreenBox{f.margin, f.margin, f.margin + panelWidth + 2 * f.pad, f.titleBottom};

  // Scale bar: a round distance about 150 pixels (at scale 1) long or less.
  const double metresPerPixel = scene->metresPerUnit * frame.view.unitsPerPixel;
  const double km = niceKilometres(150 * s * metresPerPixel / 1000);
  f.barLength = static_cast<float>(km * 1000 / metresPerPixel);
  f.kmText = formatKm(km);
  const TextMetrics kmMetrics = text->measure(f.kmText, f.scaleStyle);
  f.barHeight = 5 * s;
  const float scaleBottom = static_cast<float>(h) - f.margin;
  f.scalePanel = {f.margin, scaleBottom - (f.pad + kmMetrics.ascent + 6 * s + f.barHeight + f.pad),
                  f.margin + std::max(f.barLength, kmMetrics.width) + 2 * f.pad, scaleBottom};

  // Legend above the scale bar, sized for every actor of the dataset plus the status keys.
  legendRows = 0;
  legendReserved = {};
  if (frame.control && frame.control->dataset) {
    legendRows = frame.control->dataset->actors.size() + 4;
    const TextStyle legendStyle{FontStyle::Regular, style.legendTextSize * s, style.legendText};
    float widestName = text->measure(kSparseLegend, legendStyle).width;
    for (const Actor& a : frame.control->dataset->actors)
      widestName = std::max(widestName, text->measure(a.name, legendStyle).width);
    const float rowHeight = style.legendTextSize * 1.55f * s;
    const float height = static_cast<float>(legendRows) * rowHeight + 2 * f.pad;
    legendReserved = {f.margin, f.scalePanel.y0 - 8 * s - height, f.margin + 2 * f.pad + 30 * s + widestName,
                      f.scalePanel.y0 - 8 * s};
  }

  const TextMetrics am = text->measure(style.attribution, f.smallStyle);
  f.attributionX = static_cast<float>(w) - f.margin - am.width;
  f.attributionBaseline = static_cast<float>(h) - f.margin;
  reserved = {f.titleReserved, f.scalePanel, legendReserved,
              {f.attributionX, f.attributionBaseline - am.ascent, f.attributionX + am.width, f.attributionBaseline + am.descent}};
}

void MapRenderer::Impl::drawLegend(const ControlFrame& frameControl, float s) {
  const ControlFrame& ctl = frameControl;
  if (!ctl.dataset || legendRows == 0) return;
  // Actors holding something on this date, in the dataset's order, then the status keys in use.
  const auto [present, contested, besieged, front, sparse] = legendKeyOf(ctl);
  const TextStyle legendStyle{FontStyle::Regular, style.legendTextSize * s, style.legendText};
  const float rowHeight = style.legendTextSize * 1.55f * s;
  const float pad = furniture.pad;
  struct Row {
    std::string label;
    Rgba color;
    int kind;  // 0 actor, 1 contested, 2 besieged, 3 front line, 4 sparsely populated land
  };
  std::vector<Row> rows;
  for (const Actor& a : ctl.dataset->actors)
    if (present.count(a.id)) rows.push_back({a.name, actorColor(*ctl.dataset, a.id, style.colourBlindPalette), 0});
  if (contested) rows.push_back({"Contested (hatched)", Rgba{0.4f, 0.4f, 0.4f, 1}, 1});
  if (besieged) rows.push_back({"Besieged", Rgba{0.4f, 0.4f, 0.4f, 1}, 2});
  if (front) rows.push_back({"Front line", style.frontLine, 3});
  if (sparse) rows.push_back({kSparseLegend, Rgba{0.45f, 0.45f, 0.45f, 1}, 4});
  if (rows.empty()) return;
  const ScreenBox& box = legendReserved;
  float widest = 0;
  for (const Row& r : rows) widest = std::max(widest, text->measure(r.label, legendStyle).width);
  const float height = static_cast<float>(rows.size()) * rowHeight + 2 * pad;
  const ScreenBox panel{box.x0, box.y1 - height, box.x0 + 2 * pad + 30 * s + widest, box.y1};
  shapes->rect(panel, style.panel);
  float y = panel.y0 + pad;
  for (const Row& r : rows) {
    const float cx = panel.x0 + pad + 11 * s, cy = y + rowHeight / 2;
    const float half = 10 * s;
    if (r.kind == 0) {
      shapes->rect({cx - half, cy - half * 0.7f, cx + half, cy + half * 0.7f}, r.color.withAlpha(style.areaAlpha));
      shapes->dot(cx, cy, style.markerRadius * s, 1.5f * s, r.color, Rgba{1, 1, 1, 1});
    } else if (r.kind == 1) {
      shapes->dot(cx, cy, (style.markerRadius + 0.5f) * s, 3.0f * s, Rgba{1, 1, 1, 1}, r.color);
    } else if (r.kind == 2) {
      shapes->dot(cx, cy, (style.markerRadius + 3.5f) * s, 2.0f * s, Rgba{0, 0, 0, 0}, style.siegeRing);
      shapes->dot(cx, cy, style.markerRadius * s, 1.5f * s, r.color, Rgba{1, 1, 1, 1});
    } else if (r.kind == 3) {
      const float w = style.frontLineWidth * s;
      shapes->rect({cx - half, cy - w / 2, cx + half, cy + w / 2}, r.color);
    } else {
      // The tint empty land gets, beside the full one settled land gets.
      shapes->rect({cx - half, cy - half * 0.7f, cx, cy + half * 0.7f}, r.color.withAlpha(style.areaAlpha));
      shapes->rect({cx, cy - half * 0.7f, cx + half, cy + half * 0.7f},
                   r.color.withAlpha(style.areaAlpha * style.sparseLandShare));
    }
    const TextMetrics m = text->measure(r.label, legendStyle);
    text->add(r.label, legendStyle, panel.x0 + pad + 30 * s, cy + (m.ascent - m.descent) / 2);
    y += rowHeight;
  }
  shapes->draw(furnitureWidth, furnitureHeight);
  text->draw(furnitureWidth, furnitureHeight);
}

Result<void> MapRenderer::Impl::beginLayer(int w, int h, const Rgba& clear) {
  if (!msaa || msaa->width() != w || msaa->height() != h) {
    msaa.reset();
    if (samples > 1) {
      auto fb = gl::ColorFramebuffer::create(w, h, samples);
      if (!fb) return fb.error();
      msaa = std::move(fb).value();
    }
  }
  glBindFramebuffer(GL_FRAMEBUFFER, msaa ? msaa->id() : 0);
  glViewport(0, 0, w, h);
  glClearColor(clear.r, clear.g, clear.b, clear.a);
  glClear(GL_COLOR_BUFFER_BIT);
  return {};
}

Result<void> MapRenderer::Impl::finishLayer(std::optional<gl::TextureFramebuffer>& layer, int w, int h) {
  if (!layer || layer->width() != w || layer->height() != h) {
    auto fb = gl::TextureFramebuffer::create(w, h);
    if (!fb) return fb.error();
    layer = std::move(fb).value();
  }
  if (msaa) msaa->resolveInto(layer->id());
  return {};
}

Result<void> MapRenderer::Impl::renderLayers(const FrameInput& frame, int w, int h) {
  const MapStyle& st = style;
  const float s = frame.scale;
  // Without multisampling, layers are drawn straight into their textures.
  auto begin = [&](std::optional<gl::TextureFramebuffer>& layer, const Rgba& clear) -> Result<void> {
    if (samples > 1) return beginLayer(w, h, clear);
    if (auto r = finishLayer(layer, w, h); !r) return r;
    glBindFramebuffer(GL_FRAMEBUFFER, layer->id());
    glViewport(0, 0, w, h);
    glClearColor(clear.r, clear.g, clear.b, clear.a);
    glClear(GL_COLOR_BUFFER_BIT);
    return {};
  };

  // Base: sea, land, country fills. Areas of control go on top of this.
  if (auto r = begin(baseLayer, Rgba{st.sea.r, st.sea.g, st.sea.b, 1}); !r) return r;
  useMapProgram(fillProgram, frame.view, w, h);
  fill(land, st.land);
  for (size_t i = 0; i < countryRanges.size(); ++i)
    fill(countryRanges[i], scene->countries[i].focus ? st.focusLand : st.land);
  if (samples > 1)
    if (auto r = finishLayer(baseLayer, w, h); !r) return r;

  // Overlay (transparent, premultiplied): lines, lakes, borders, towns and labels.
  if (auto r = begin(overlayLayer, Rgba{0, 0, 0, 0}); !r) return r;
  useMapProgram(lineProgram, frame.view, w, h);
  line(coast, st.coast, s);
  if (frame.layers.provinces) line(provinces, st.provinceLine, s, st.provinceDash * s, st.provinceGap * s);
  if (frame.layers.rivers) line(rivers, st.river, s);
  useMapProgram(fillProgram, frame.view, w, h);
  fill(lakes, st.lakes);
  useMapProgram(lineProgram, frame.view, w, h);
  line(lakeShores, st.coast, s);
  line(borders, st.borderCasing, st.borderCasingWidth * s);
  line(borders, st.border, st.borderWidth * s);
  // Towns are small hollow dots, so that they never read as the dataset's coloured markers.
  if (frame.layers.labels)
    for (const auto& d : labels.dots)
    shapes->dot(d.x, d.y, d.radius, 1.4f * s, st.townDotStroke, d.focus ? st.townDot : st.otherTownDot);
  shapes->draw(w, h);
  if (frame.layers.labels)
    for (const auto& t : labels.texts) text->add(t.text, t.style, t.x, t.baseline, t.angle);
  text->draw(w, h);
  if (samples > 1)
    if (auto r = finishLayer(overlayLayer, w, h); !r) return r;
  return {};
}

void MapRenderer::Impl::composite(const gl::TextureFramebuffer& layer) const {
  compositeProgram.use();
  glUniform1i(compositeProgram.uniform("u_layer"), 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, layer.texture());
  glBindVertexArray(emptyVao.id());
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
}

void MapRenderer::setStyle(const MapStyle& style) {
  impl_->style = style;
  impl_->control->setStyle(style);
  ++impl_->styleVersion;  // invalidates the cached layers
}

const std::unordered_map<std::string, Vec2>& MapRenderer::placePositions() const { return impl_->placeScreen; }

Result<void> MapRenderer::draw(const FrameInput& frame, RenderTarget& target) {
  Impl& im = *impl_;
  const MapStyle& st = im.style;
  const int w = target.width(), h = target.height();
  const float s = frame.scale;
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

  // The base map only changes with the view: draw it into cached layers when that changes.
  const Impl::LayerKey key{frame.view.centre.x, frame.view.centre.y, frame.view.unitsPerPixel, w, h, frame.scale,
                           frame.title, frame.showDate, frame.control ? frame.control->dataset : nullptr, frame.layers,
                           im.styleVersion};
  if (!(key == im.layerKey) || !im.baseLayer || !im.overlayLayer) {
    im.layoutFurniture(frame, w, h);
    im.layoutLabels(frame, w, h);
    if (auto r = im.renderLayers(frame, w, h); !r) return r;
    im.layerKey = key;
  }

  target.beginFrame();
  if (im.scissor) {
    glEnable(GL_SCISSOR_TEST);
    glScissor(im.scissor->x0, h - im.scissor->y1, im.scissor->x1 - im.scissor->x0, im.scissor->y1 - im.scissor->y0);
  }
  glDisable(GL_BLEND);
  im.copyBaseLayer(w, h);
  glEnable(GL_BLEND);
  if (frame.control && frame.layers.areas) im.control->drawAreas(*frame.control, frame.view, w, h, s);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // the overlay is premultiplied
  im.composite(*im.overlayLayer);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

  if (frame.control) {
    if (frame.layers.markers) im.control->addMarkers(*frame.control, im.placeScreen, s, *im.shapes);
    im.shapes->draw(w, h);
    im.drawLegend(*frame.control, s);
  }

  // Title panel with the date, scale bar, attribution: drawn every frame (the date changes).
  const Impl::Furniture& f = im.furniture;
  const std::string dateText = frame.date.display();
  if (frame.showDate || !frame.title.empty())
    im.shapes->rect({f.margin, f.margin, im.titlePanelRight(frame), f.titleBottom}, st.panel);
  im.shapes->rect(f.scalePanel, st.panel);
  const float barX = f.scalePanel.x0 + f.pad, barY = f.scalePanel.y1 - f.pad - f.barHeight;
  const Rgba dark = st.panelText;
  im.shapes->rect({barX, barY, barX + f.barLength, barY + f.barHeight}, dark);
  im.shapes->rect({barX + f.barLength / 2, barY + 1.2f * s, barX + f.barLength - 1.2f * s, barY + f.barHeight - 1.2f * s},
                  Rgba{1, 1, 1, 1});
  im.shapes->draw(w, h);
  if (!frame.title.empty()) im.text->add(frame.title, f.titleStyle, f.margin + f.pad, f.titleBaseline);
  if (frame.showDate) im.text->add(dateText, f.dateStyle, f.margin + f.pad, f.dateBaseline);
  im.text->add(f.kmText, f.scaleStyle, barX, barY - 6 * s);
  im.text->add(st.attribution, f.smallStyle, f.attributionX, f.attributionBaseline);
  im.text->draw(w, h);

  glDisable(GL_SCISSOR_TEST);  // before endFrame: a multisample resolve is a blit, which it clips
  target.endFrame();
  const std::string err = gl::pendingError();
  if (!err.empty()) return makeError(ErrorKind::Render, "", "drawing the map failed: " + err);
  return {};
}

float MapRenderer::Impl::titlePanelRight(const FrameInput& frame) const {
  const Furniture& f = furniture;
  float right = frame.showDate ? f.margin + text->measure(frame.date.display(), f.dateStyle).width + 2 * f.pad : 0;
  if (!frame.title.empty()) right = std::max(right, f.margin + text->measure(frame.title, f.titleStyle).width + 2 * f.pad);
  return right;
}

void MapRenderer::Impl::copyBaseLayer(int w, int h) const {
  GLint sampleBuffers = 0, drawFramebuffer = 0;
  glGetIntegerv(GL_SAMPLE_BUFFERS, &sampleBuffers);
  if (sampleBuffers != 0) {
    composite(*baseLayer);
    return;
  }
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &drawFramebuffer);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, baseLayer->id());
  glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(drawFramebuffer));
}

Result<void> MapRenderer::draw(const FrameInput& frame, RenderTarget& target, const PixelRect& region) {
  if (region.empty()) return {};
  impl_->scissor = &region;
  auto result = draw(frame, target);
  impl_->scissor = nullptr;
  return result;
}

std::vector<PixelRect> MapRenderer::changedRegions(const FrameInput& before, const FrameInput& after, int width,
                                                   int height) const {
  const Impl& im = *impl_;
  Damage damage(width, height);
  auto keyOf = [&](const FrameInput& f) {
    return Impl::LayerKey{f.view.centre.x, f.view.centre.y, f.view.unitsPerPixel, width, height, f.scale,
                          f.title, f.showDate, f.control ? f.control->dataset : nullptr, f.layers, im.styleVersion};
  };
  if (!im.baseLayer || !(keyOf(before) == im.layerKey) || !(keyOf(after) == im.layerKey) ||
      (before.control == nullptr) != (after.control == nullptr)) {
    damage.addAll();
    return damage.rects();
  }
  const Impl::Furniture& f = im.furniture;
  const float s = after.scale;
  const float textPad = 2 + 2 * s;  // glyph overhang and anti-aliasing
  if (before.date.display() != after.date.display())
    damage.add(ScreenBox{f.margin, f.margin, std::max(im.titlePanelRight(before), im.titlePanelRight(after)),
                         f.titleBottom},
               textPad);
  if (after.control) {
    if (!(legendKeyOf(*before.control) == legendKeyOf(*after.control))) damage.add(im.legendReserved, textPad);
    addControlDamage(*before.control, *after.control, after.view, width, height, s, im.style, im.placeScreen, damage);
  }
  return damage.rects();
}

}  // namespace frontline
