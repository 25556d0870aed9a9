// Render tests on Mesa llvmpipe, headless (EGL surfaceless). Tolerance: a pixel differs when a
// channel differs by more than 16/255; at most 0.5% of pixels may differ. llvmpipe is
// deterministic run to run; the slack absorbs small anti-aliasing and glyph-rasterising changes
// between Mesa and FreeType versions.
#include <gtest/gtest.h>

#include <cstring>

#include "geo/gis/control_area_cache.hpp"
#include "geo/gis/map_loader.hpp"
#include "golden.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "support/fixtures.hpp"

namespace frontline {
namespace {

Image renderMap(const MapSourceOptions& source, int w, int h, const std::string& date, const std::string& title) {
  auto map = loadMap(source);
  EXPECT_TRUE(map.ok()) << map.error().message();
  if (!map) return {};
  auto target = OffscreenTarget::create(w, h, 0);
  EXPECT_TRUE(target.ok()) << target.error().message();
  if (!target) return {};
  auto renderer = MapRenderer::create(map->scene);
  EXPECT_TRUE(renderer.ok()) << renderer.error().message();
  if (!renderer) return {};
  FrameInput frame;
  frame.date = *Date::parse(date);
  frame.title = title;
  frame.view = fitView(map->scene.viewExtent, w, h);
  frame.scale = defaultScaleFor(w, h);
  auto drawn = (*renderer)->draw(frame, **target);
  EXPECT_TRUE(drawn.ok()) << drawn.error().message();
  auto image = (*target)->readPixels();
  EXPECT_TRUE(image.ok());
  (*renderer).reset();  // GL objects go before their context
  return image ? *image : Image{};
}

TEST(GoldenRender, BundledRegion) {
  MapSourceOptions source;
  source.layers = BaseLayerPaths::bundled(std::filesystem::path(FRONTLINE_SOURCE_DIR) / "assets");
  source.view = LonLatBox{35, 29, 49, 38};  // Iraq and Syria, as the regional assets cover
  source.focusCountries = {"IQ", "SY"};
  const Image image = renderMap(source, 960, 540, "2017-10-17", "Iraq and Syria");
  ASSERT_EQ(image.width, 960);
  EXPECT_EQ(test::compareWithGolden("bundled_region_960x540", image), "");
}

// Small synthetic layers: a square island with a lake, two countries, a river and a border.
MapSourceOptions syntheticLayers() {
  const auto dir = test::freshDir("synthetic");
  test::writeVectorFile(dir / "land.geojson", "GeoJSON",
                        {{"POLYGON ((40 30, 46 30, 46 36, 40 36, 40 30))", "island"}});
  test::writeVectorFile(dir / "countries.gpkg", "GPKG",
                        {{"POLYGON ((40 30, 43 30, 43 36, 40 36, 40 30), (41 32, 42 32, 42 33, 41 33, 41 32))",
                          "Westland"},
                         {"POLYGON ((43 30, 46 30, 46 36, 43 36, 43 30))", "Eastland"}});
  test::writeVectorFile(dir / "borders.shp", "ESRI Shapefile", {{"LINESTRING (43 30, 43 36)", "border"}});
  test::writeVectorFile(dir / "provinces.geojson", "GeoJSON", {{"LINESTRING (40 34, 46 34)", "p"}});
  test::writeVectorFile(dir / "rivers.geojson", "GeoJSON",
                        {{"LINESTRING (40.5 35.5, 42 34.5, 44 33, 45.5 30.5)", "Big River"}});
  test::writeVectorFile(dir / "lakes.geojson", "GeoJSON", {{"POLYGON ((44 34.5, 45 34.5, 45 35.5, 44 35.5, 44 34.5))", "lake"}});
  test::writeTextFile(dir / "towns.tsv",
                      "1\tAlpha\tAlpha\t\t31.0\t41.0\tP\tPPLA\tXX\t\t\t\t\t\t500000\t\t\tUTC\t2020-01-01\n"
                      "2\tBeta\tBeta\t\t35.0\t45.0\tP\tPPL\tXX\t\t\t\t\t\t20000\t\t\tUTC\t2020-01-01\n");
  MapSourceOptions source;
  for (const auto& [kind, file] :
       {std::pair{"land", "land.geojson"}, {"countries", "countries.gpkg"}, {"country_lines", "borders.shp"},
        {"province_lines", "provinces.geojson"}, {"rivers", "rivers.geojson"}, {"lakes", "lakes.geojson"},
        {"towns", "towns.tsv"}})
    EXPECT_TRUE(source.layers.override(kind, dir / file).ok());
  source.view = {39.5, 29.5, 46.5, 36.5};
  source.focusCountries = {};
  return source;
}

TEST(GoldenRender, SyntheticLayers) {
  const Image image = renderMap(syntheticLayers(), 400, 300, "2015-06", "Synthetic");
  ASSERT_EQ(image.width, 400);
  EXPECT_EQ(test::compareWithGolden("synthetic_layers_400x300", image), "");
}

Event event(const std::string& place, double lon, double lat, const char* date, const std::string& controller,
            ControlStatus status = ControlStatus::Control) {
  Event e;
  e.placeId = "ll:" + place;
  e.placeName = e.canonicalName = place;
  e.lon = lon;
  e.lat = lat;
  e.date = *Date::parse(date);
  e.controller = controller;
  e.status = status;
  return e;
}

// Areas, markers, legend: a capture half-way through its transition, a contested place, a
// besieged place, and areas clipped to their country (the border at 43E) and to the lake.
TEST(GoldenRender, ControlAreasMarkersAndLegend) {
  auto map = loadMap(syntheticLayers());
  ASSERT_TRUE(map.ok()) << map.error().message();
  Dataset dataset;
  dataset.actors = {{"red", "Red army", 0xD55E00, {}}, {"blue", "Blue forces", 0x0072B2, {}},
                    {"green", "Green front", 0x009E73, {}}};
  dataset.timeline = Timeline::build(
      {event("Alpha", 41.0, 31.0, "2015-01-01", "red"), event("Alpha", 41.0, 31.0, "2015-06-01", "blue"),
       event("Gamma", 41.5, 34.8, "2015-01-01", "red"),
       event("Delta", 44.0, 32.0, "2015-01-01", "green"), event("Delta", 44.0, 32.0, "2015-05-01", "blue", ControlStatus::Contested),
       event("Beta", 45.0, 35.0, "2015-01-01", "green", ControlStatus::Besieged)},
      4.0);
  addDatasetPlaces(map->scene, map->projection, dataset.timeline);
  auto builder = ControlAreaBuilder::create(map->layers, map->projection, map->scene.metresPerUnit, [] {
    AreaOptions o;
    o.capKm = 150;
    return o;
  }());
  ASSERT_TRUE(builder.ok()) << builder.error().message();
  ControlAreaCache cache(dataset.timeline, **builder);
  const Date date = *Date::parse("2015-06-03");  // Alpha's capture is half done (4-day window)
  auto areas = cache.at(date);
  ASSERT_TRUE(areas.ok()) << areas.error().message();
  ASSERT_EQ(areas->areas->sites.size(), 4u);
  ControlFrame control{&dataset, dataset.timeline.controlAt(date), areas->areas, areas->interval};
  EXPECT_DOUBLE_EQ(control.states[0].transition, 0.5);

  auto target = OffscreenTarget::create(400, 300, 0);
  ASSERT_TRUE(target.ok());
  auto renderer = MapRenderer::create(map->scene);
  ASSERT_TRUE(renderer.ok()) << renderer.error().message();
  FrameInput frame;
  frame.date = date;
  frame.title = "Control";
  frame.view = fitView(map->scene.viewExtent, 400, 300);
  frame.scale = 0.75f;
  frame.control = &control;
  ASSERT_TRUE((*renderer)->draw(frame, **target).ok());
  const Image image = *(*target)->readPixels();
  (*renderer).reset();
  EXPECT_EQ(test::compareWithGolden("control_synthetic_400x300", image), "");
  // A second date in the same interval reuses the areas; a new interval computes once more.
  ASSERT_TRUE(cache.at(*Date::parse("2015-06-20")).ok());
  EXPECT_EQ(cache.computedCount(), 1u);
  ASSERT_TRUE(cache.at(*Date::parse("2015-05-10")).ok());
  EXPECT_EQ(cache.computedCount(), 2u);
}

// Cached layers: a new date redraws only the date, so the rest of the frame must not change.
TEST(RenderCache, ANewDateChangesOnlyTheTitlePanel) {
  MapSourceOptions source;
  source.layers = BaseLayerPaths::bundled(std::filesystem::path(FRONTLINE_SOURCE_DIR) / "assets");
  source.view = LonLatBox{35, 29, 49, 38};  // Iraq and Syria, as the regional assets cover
  source.focusCountries = {"IQ", "SY"};
  auto map = loadMap(source);
  ASSERT_TRUE(map.ok());
  auto target = OffscreenTarget::create(480, 270, 0);
  ASSERT_TRUE(target.ok()) << target.error().message();
  auto renderer = MapRenderer::create(map->scene);
  ASSERT_TRUE(renderer.ok());
  FrameInput frame;
  frame.title = "T";
  frame.view = fitView(map->scene.viewExtent, 480, 270);
  frame.scale = 0.75f;
  frame.date = *Date::parse("2015-01-01");
  ASSERT_TRUE((*renderer)->draw(frame, **target).ok());
  const Image first = *(*target)->readPixels();
  frame.date = *Date::parse("2018-12-31");
  ASSERT_TRUE((*renderer)->draw(frame, **target).ok());
  const Image second = *(*target)->readPixels();
  int changedOutsidePanel = 0, changedInPanel = 0;
  for (int y = 0; y < 270; ++y)
    for (int x = 0; x < 480; ++x) {
      const bool differs = std::memcmp(first.pixel(x, y), second.pixel(x, y), 4) != 0;
      const bool inPanel = x < 300 && y < 100;  // the title panel at scale 0.75, with room
      (inPanel ? changedInPanel : changedOutsidePanel) += differs;
    }
  EXPECT_GT(changedInPanel, 50);
  EXPECT_EQ(changedOutsidePanel, 0);
  (*renderer).reset();
}

TEST(RenderScale, LargeOutputsScaleTextAndLines) {
  EXPECT_FLOAT_EQ(defaultScaleFor(1920, 1080), 1.0f);
  EXPECT_FLOAT_EQ(defaultScaleFor(3840, 2160), 2.0f);
  EXPECT_FLOAT_EQ(defaultScaleFor(640, 360), 0.75f);
}

}  // namespace
}  // namespace frontline
