#include "render/map_renderer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <vector>

#include "render/label_placer.hpp"
#include "render/map_meshes.hpp"
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
    };
    struct Dot {
      float x, y, radius;
      bool focus;
    };
    std::vector<Text> texts;
    std::vector<Dot> dots;
  };
  // Label placement depends only on view, size and scale: reuse it while those stay the same.
  struct LabelKey {
    double cx = 0, cy = 0, upp = 0;
    int w = 0, h = 0;
    float scale = 0;
    bool operator==(const LabelKey&) const = default;
  };
  LabelKey labelKey;
  Labels labels;
  std::vector<ScreenBox> reserved;

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

  void layoutLabels(const FrameInput& frame, int w, int h);
};

MapRenderer::MapRenderer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MapRenderer::~MapRenderer() = default;

Result<std::unique_ptr<MapRenderer>> MapRenderer::create(const MapScene& scene, MapStyle style) {
  auto impl = std::make_unique<Impl>();
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
  impl->lines->upload();

  auto fonts = FontSet::loadDefault();
  if (!fonts) return fonts.error();
  auto text = TextRenderer::create(std::move(fonts).value());
  if (!text) return text.error();
  impl->text = std::move(text).value();
  auto shapes = ScreenShapes::create();
  if (!shapes) return shapes.error();
  impl->shapes = std::make_unique<ScreenShapes>(std::move(shapes).value());
  const std::string err = gl::pendingError();
  if (!err.empty()) return makeError(ErrorKind::Render, "", "uploading the map to the GPU failed: " + err);
  return std::unique_ptr<MapRenderer>(new MapRenderer(std::move(impl)));
}

void MapRenderer::Impl::layoutLabels(const FrameInput& frame, int w, int h) {
  const LabelKey key{frame.view.centre.x, frame.view.centre.y, frame.view.unitsPerPixel, w, h, frame.scale};
  if (key == labelKey && (!labels.texts.empty() || !labels.dots.empty())) return;
  labelKey = key;
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

  placeCountries(true);
  TextStyle otherTown = town;
  otherTown.color = style.otherTownText;
  TextStyle otherMajorTown = majorTown;
  otherMajorTown.color = style.otherTownText;
  for (const TownPoint& t : scene->towns) {
    if (!countriesPlaced && t.importance < kCountryNamePriority) placeCountries(false);
    const Vec2 p = mapToScreen(frame.view, w, h, t.position);
    if (p.x < 0 || p.y < 0 || p.x > w || p.y > h) continue;
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
}

Result<void> MapRenderer::draw(const FrameInput& frame, RenderTarget& target) {
  Impl& im = *impl_;
  const MapStyle& st = im.style;
  const int w = target.width(), h = target.height();
  const float s = frame.scale;
  target.beginFrame();
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glClearColor(st.sea.r, st.sea.g, st.sea.b, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);

  // Geometry in map units.
  im.useMapProgram(im.fillProgram, frame.view, w, h);
  im.fill(im.land, st.land);
  for (size_t i = 0; i < im.countryRanges.size(); ++i)
    im.fill(im.countryRanges[i], im.scene->countries[i].focus ? st.focusLand : st.land);
  im.useMapProgram(im.lineProgram, frame.view, w, h);
  im.line(im.coast, st.coast, s);
  im.line(im.provinces, st.provinceLine, s, st.provinceDash * s, st.provinceGap * s);
  im.line(im.rivers, st.river, s);
  im.useMapProgram(im.fillProgram, frame.view, w, h);
  im.fill(im.lakes, st.lakes);
  im.useMapProgram(im.lineProgram, frame.view, w, h);
  im.line(im.borders, st.borderCasing, st.borderCasingWidth * s);
  im.line(im.borders, st.border, st.borderWidth * s);

  // Fixed furniture first, so labels keep clear of it.
  const float margin = 16 * s, pad = 12 * s;
  im.reserved.clear();
  TextStyle titleStyle{FontStyle::Bold, st.titleSize * s, st.panelText};
  TextStyle dateStyle{FontStyle::Bold, st.dateSize * s, st.dateText};
  TextStyle smallStyle{FontStyle::Regular, st.smallTextSize * s, st.attributionText, st.textHalo, st.haloWidth * s};
  TextStyle scaleStyle{FontStyle::Regular, st.smallTextSize * 1.1f * s, st.panelText};
  const std::string dateText = frame.date.display();
  const TextMetrics dm = im.text->measure(dateText, dateStyle);
  float y = margin + pad;
  float panelWidth = dm.width;
  float titleBaseline = 0;
  if (!frame.title.empty()) {
    const TextMetrics tm = im.text->measure(frame.title, titleStyle);
    titleBaseline = y + tm.ascent;
    y = titleBaseline + tm.descent + 10 * s;
    panelWidth = std::max(panelWidth, tm.width);
  }
  const float dateBaseline = y + dm.ascent;
  const ScreenBox titlePanel{margin, margin, margin + panelWidth + 2 * pad, dateBaseline + dm.descent + pad};
  im.reserved.push_back(titlePanel);

  // Scale bar: a round distance between 60 and 150 pixels (at scale 1) long.
  const double metresPerPixel = im.scene->metresPerUnit * frame.view.unitsPerPixel;
  const double km = niceKilometres(150 * s * metresPerPixel / 1000);
  const float barLength = static_cast<float>(km * 1000 / metresPerPixel);
  const std::string kmText = formatKm(km);
  const TextMetrics km_m = im.text->measure(kmText, scaleStyle);
  const float barHeight = 5 * s;
  const float scaleBottom = static_cast<float>(h) - margin;
  const ScreenBox scalePanel{margin, scaleBottom - (pad + km_m.ascent + 6 * s + barHeight + pad),
                             margin + std::max(barLength, km_m.width) + 2 * pad, scaleBottom};
  im.reserved.push_back(scalePanel);

  const TextMetrics am = im.text->measure(st.attribution, smallStyle);
  const float attrX = static_cast<float>(w) - margin - am.width, attrBaseline = static_cast<float>(h) - margin;
  im.reserved.push_back({attrX, attrBaseline - am.ascent, attrX + am.width, attrBaseline + am.descent});

  im.layoutLabels(frame, w, h);

  // Towns and country names.
  for (const auto& d : im.labels.dots)
    im.shapes->dot(d.x, d.y, d.radius, 1.2f * s, d.focus ? st.townDot : st.otherTownDot, st.townDotStroke);
  im.shapes->draw(w, h);
  for (const auto& t : im.labels.texts) im.text->add(t.text, t.style, t.x, t.baseline);
  im.text->draw(w, h);

  // Title panel, scale bar, attribution.
  im.shapes->rect(titlePanel, st.panel);
  im.shapes->rect(scalePanel, st.panel);
  const float barX = scalePanel.x0 + pad, barY = scalePanel.y1 - pad - barHeight;
  const Rgba dark = st.panelText;
  im.shapes->rect({barX, barY, barX + barLength, barY + barHeight}, dark);
  im.shapes->rect({barX + barLength / 2, barY + 1.2f * s, barX + barLength - 1.2f * s, barY + barHeight - 1.2f * s},
                  Rgba{1, 1, 1, 1});
  im.shapes->rect({barX + 1.2f * s, barY + 1.2f * s, barX + barLength / 2, barY + barHeight - 1.2f * s}, dark);
  im.shapes->draw(w, h);
  if (!frame.title.empty()) im.text->add(frame.title, titleStyle, titlePanel.x0 + pad, titleBaseline);
  im.text->add(dateText, dateStyle, titlePanel.x0 + pad, dateBaseline);
  im.text->add(kmText, scaleStyle, barX, barY - 6 * s);
  im.text->add(st.attribution, smallStyle, attrX, attrBaseline);
  im.text->draw(w, h);

  target.endFrame();
  const std::string err = gl::pendingError();
  if (!err.empty()) return makeError(ErrorKind::Render, "", "drawing the map failed: " + err);
  return {};
}

}  // namespace frontline
