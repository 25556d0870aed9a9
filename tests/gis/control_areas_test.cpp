#include "geo/gis/control_areas.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "geo/gis/control_area_cache.hpp"

namespace frontline {
namespace {

// Two countries side by side on one square island, lon 40..46, lat 30..36; the border is at 43E.
BaseLayers islandLayers() {
  BaseLayers layers;
  Feature land;
  land.polygons = {{{{40, 30}, {46, 30}, {46, 36}, {40, 36}}, {}}};
  layers.land.features = {land};
  Feature west, east;
  west.fields["iso_a2"] = "WW";
  west.polygons = {{{{40, 30}, {43, 30}, {43, 36}, {40, 36}}, {}}};
  east.fields["iso_a2"] = "EE";
  east.polygons = {{{{43, 30}, {46, 30}, {46, 36}, {43, 36}}, {}}};
  layers.countries.features = {west, east};
  return layers;
}

ControlSite site(const std::string& id, double lon, double lat, const std::string& controller) {
  ControlSite s;
  s.placeId = s.name = id;
  s.lonLat = {lon, lat};
  s.controller = controller;
  return s;
}

double area(const std::vector<Triangle>& tris) {
  double a = 0;
  for (const Triangle& t : tris) a += triangleArea(t);
  return a;
}

struct Fixture {
  BaseLayers layers = islandLayers();
  Projection projection = std::move(Projection::create("auto", {40, 30, 46, 36})).value();
};

TEST(ControlAreas, NearestPlaceWithinTheCapClippedToItsCountry) {
  Fixture f;
  auto builder = ControlAreaBuilder::create(f.layers, f.projection, 1.0, {60, false});
  ASSERT_TRUE(builder.ok()) << builder.error().message();
  // West place near the border: without crossing, its area stops at 43E.
  auto areas = (*builder)->build({site("w", 42.8, 33, "red"), site("e", 45, 33, "blue")});
  ASSERT_TRUE(areas.ok()) << areas.error().message();
  ASSERT_EQ(areas->cells.size(), 2u);
  const double borderX = f.projection.forward({43, 33}).x;
  const double cap = 60000;
  for (const ControlCell& cell : areas->cells) {
    const bool west = areas->sites[cell.site].placeId == "w";
    for (const Polygon& p : cell.polygons)
      for (Vec2 v : p.outer) {
        EXPECT_LE(std::hypot(v.x - cell.position.x, v.y - cell.position.y), cap * 1.001);
        if (west) {
          EXPECT_LE(v.x, borderX + 1.0);
        }
      }
    // A full circle of the cap is pi r^2; the west cell is cut by the border, the east one is whole.
    const double full = M_PI * cap * cap;
    if (west) {
      EXPECT_LT(area(cell.triangles), 0.75 * full);
    } else {
      EXPECT_NEAR(area(cell.triangles), full, full * 0.01);
    }
  }
  ASSERT_EQ(areas->byController.size(), 2u);
  EXPECT_EQ(areas->byController[0].controller, "blue");
}

TEST(ControlAreas, CellsDoNotOverlapAndNearestWins) {
  Fixture f;
  auto builder = ControlAreaBuilder::create(f.layers, f.projection, 1.0, {500, true});
  ASSERT_TRUE(builder.ok());
  auto areas = (*builder)->build({site("a", 41, 31, "x"), site("b", 45, 35, "y"), site("c", 41, 35, "x")});
  ASSERT_TRUE(areas.ok());
  // Each cell keeps to its own side of the perpendicular bisectors: total equals the island.
  double total = 0;
  for (const ControlCell& cell : areas->cells) total += area(cell.triangles);
  double island = 0;
  for (const Feature& feature : f.layers.land.features) {
    Polygon p = feature.polygons[0];
    f.projection.forwardInPlace(p.outer);
    island += polygonArea(p);
  }
  EXPECT_NEAR(total, island, island * 1e-6);
  // "x" holds two cells: their union is one controller area.
  ASSERT_EQ(areas->byController.size(), 2u);
  EXPECT_EQ(areas->byController[0].controller, "x");
}

TEST(ControlAreas, OverridesReplaceDerivedAreas) {
  Fixture f;
  auto builder = ControlAreaBuilder::create(f.layers, f.projection, 1.0, {500, true});
  ASSERT_TRUE(builder.ok());
  OverrideArea drawn{"green", {{{{40, 30}, {42, 30}, {42, 32}, {40, 32}}, {}}}, "drawn.gpkg:1"};
  auto areas = (*builder)->build({site("a", 41, 31, "x"), site("b", 45, 35, "y")}, {drawn});
  ASSERT_TRUE(areas.ok()) << areas.error().message();
  ASSERT_EQ(areas->cells.size(), 3u);
  ASSERT_EQ(areas->byController.size(), 3u);
  // The place under the drawn area keeps only what is outside it.
  Polygon square = drawn.polygons[0];
  f.projection.forwardInPlace(square.outer);
  double overrideArea = 0, aArea = 0;
  for (const ControlCell& cell : areas->cells) {
    const std::string& controller = areas->sites[cell.site].controller;
    if (controller == "green") overrideArea = area(cell.triangles);
    if (areas->sites[cell.site].placeId == "a") aArea = area(cell.triangles);
  }
  // Clipped to land: the square's projected bottom edge bulges a sliver past the island's.
  EXPECT_LE(overrideArea, polygonArea(square));
  EXPECT_GT(overrideArea, 0.98 * polygonArea(square));
  double total = 0;
  for (const ControlCell& cell : areas->cells) total += area(cell.triangles);
  Polygon island = f.layers.land.features[0].polygons[0];
  f.projection.forwardInPlace(island.outer);
  EXPECT_NEAR(total, polygonArea(island), polygonArea(island) * 1e-6);
  EXPECT_GT(aArea, 0);
}

TEST(ControlAreaCache, OverridesComeIntoForceOnTheirDate) {
  Fixture f;
  auto builder = ControlAreaBuilder::create(f.layers, f.projection, 1.0, {500, true});
  ASSERT_TRUE(builder.ok());
  Event e;
  e.placeId = "a";
  e.placeName = "a";
  e.lon = 41, e.lat = 31;
  e.date = *Date::parse("2015-01-01");
  e.controller = "x";
  const Timeline timeline = Timeline::build({e}, 0);
  OverrideArea drawn{"green", {{{{40, 30}, {42, 30}, {42, 32}, {40, 32}}, {}}}, "drawn"};
  ControlAreaCache cache(timeline, **builder, {{*Date::parse("2015-03-01"), drawn}});
  auto before = cache.at(*Date::parse("2015-02-01"));
  auto after = cache.at(*Date::parse("2015-04-01"));
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(before->areas->cells.size(), 1u);
  EXPECT_EQ(after->areas->cells.size(), 2u);
  EXPECT_NE(before->interval, after->interval);
  EXPECT_EQ(cache.computedCount(), 2u);
  ASSERT_TRUE(cache.at(*Date::parse("2015-05-01")).ok());
  EXPECT_EQ(cache.computedCount(), 2u);
}

}  // namespace
}  // namespace frontline
