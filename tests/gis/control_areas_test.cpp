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

AreaOptions areaOptions(double capKm, bool crossBorders) {
  AreaOptions o;
  o.capKm = capKm;
  o.crossBorders = crossBorders;
  return o;
}

struct Fixture {
  BaseLayers layers = islandLayers();
  Projection projection = std::move(Projection::create("auto", {40, 30, 46, 36})).value();
};

// Who holds the land at lon/lat (the controller id, or "" when nobody does).
std::string holderAt(const ControlAreas& areas, const Projection& projection, double lon, double lat) {
  const ControlSite* s = areas.siteAt(projection.forward({lon, lat}));
  return s ? s->controller : "";
}

TEST(ControlAreas, NearestPlaceWithinTheCapConfinedToItsCountry) {
  Fixture f;
  auto builder = ControlAreaBuilder::create(f.layers, f.projection, 1.0, areaOptions(60, false));
  ASSERT_TRUE(builder.ok()) << builder.error().message();
  // West place near the border: without crossing, its area stops at 43E.
  auto areas = (*builder)->build({site("w", 42.8, 33, "red"), site("e", 45, 33, "blue")});
  ASSERT_TRUE(areas.ok()) << areas.error().message();
  EXPECT_EQ(holderAt(*areas, f.projection, 42.6, 33), "red");
  EXPECT_EQ(holderAt(*areas, f.projection, 43.15, 33), "");      // across the border: not red's
  EXPECT_EQ(holderAt(*areas, f.projection, 44.7, 33), "blue");
  EXPECT_EQ(holderAt(*areas, f.projection, 41.0, 33), "");       // beyond the 60 km cap
  // No cell of the west place lies east of the border.
  const Terrain& t = *areas->terrain;
  const double borderX = f.projection.forward({43, 33}).x;
  for (int r = 0; r < t.grid.rows; ++r)
    for (int c = 0; c < t.grid.cols; ++c) {
      const ControlSite* s = areas->siteAtCell(t.grid.index(c, r));
      if (s && s->placeId == "w") {
        EXPECT_LE(t.grid.centreX(c), borderX + t.grid.cell);
      }
    }
}

TEST(ControlAreas, APlaceTheBaseMapPutsInAnotherCountryHoldsTheLandItStandsOn) {
  // A report says EE, the base map says WW (a disputed or occupied area): the place still holds
  // the land around it rather than nothing.
  Fixture f;
  auto builder = ControlAreaBuilder::create(f.layers, f.projection, 1.0, areaOptions(60, false));
  ASSERT_TRUE(builder.ok());
  ControlSite disputed = site("d", 41, 33, "x");
  disputed.country = "EE";
  auto areas = (*builder)->build({disputed});
  ASSERT_TRUE(areas.ok());
  EXPECT_EQ(holderAt(*areas, f.projection, 41.2, 33), "x");
}

TEST(ControlAreas, CrossBordersLetsAreasCrossCountries) {
  Fixture f;
  auto builder = ControlAreaBuilder::create(f.layers, f.projection, 1.0, areaOptions(60, true));
  ASSERT_TRUE(builder.ok());
  auto areas = (*builder)->build({site("w", 42.8, 33, "red"), site("e", 45, 33, "blue")});
  ASSERT_TRUE(areas.ok());
  EXPECT_EQ(holderAt(*areas, f.projection, 43.15, 33), "red");
}

TEST(ControlAreas, FrontFallsBetweenTwoPlaces) {
  Fixture f;
  auto builder = ControlAreaBuilder::create(f.layers, f.projection, 1.0, areaOptions(500, true));
  ASSERT_TRUE(builder.ok());
  auto areas = (*builder)->build({site("a", 41, 33, "x"), site("b", 45, 33, "y")});
  ASSERT_TRUE(areas.ok());
  // Open, empty land: the front is half-way (43E), give or take a few grid cells.
  EXPECT_EQ(holderAt(*areas, f.projection, 42.8, 33), "x");
  EXPECT_EQ(holderAt(*areas, f.projection, 43.2, 33), "y");
  EXPECT_EQ(holderAt(*areas, f.projection, 41, 33), "x");  // a place holds its own ground
  EXPECT_EQ(holderAt(*areas, f.projection, 45, 33), "y");
}

TEST(ControlAreas, RiversHoldTheFrontExceptAtTowns) {
  // One country; a river runs north-south at 43.6E. Place a (west of the river) is nearer to
  // the land just east of the river than place b is, yet b holds it: crossing costs extra.
  Fixture f;
  f.layers.countries.features.resize(1);
  f.layers.countries.features[0].polygons = f.layers.land.features[0].polygons;
  Feature river;
  river.fields["name"] = "River";
  river.lines = {{{43.6, 30.0}, {43.6, 36.0}}};
  f.layers.rivers.features = {river};
  auto builder = ControlAreaBuilder::create(f.layers, f.projection, 1.0, areaOptions(500, false));
  ASSERT_TRUE(builder.ok());
  auto areas = (*builder)->build({site("a", 43.4, 33, "x"), site("b", 44.4, 33, "y")});
  ASSERT_TRUE(areas.ok());
  EXPECT_EQ(holderAt(*areas, f.projection, 43.5, 33), "x");
  EXPECT_EQ(holderAt(*areas, f.projection, 43.8, 33), "y");  // nearer to a, but across the river
  // A town on the river is a crossing: there a's control spills over to the east bank.
  Place town;
  town.name = "Bridgetown";
  town.featureClass = 'P';
  town.population = 20000;
  town.lon = 43.6, town.lat = 34.5;
  f.layers.towns = {town};
  auto bridged = ControlAreaBuilder::create(f.layers, f.projection, 1.0, areaOptions(500, false));
  ASSERT_TRUE(bridged.ok());
  auto withBridge = (*bridged)->build({site("a", 43.4, 34.5, "x"), site("b", 44.4, 34.5, "y")});
  ASSERT_TRUE(withBridge.ok());
  EXPECT_EQ(holderAt(*withBridge, f.projection, 43.75, 34.5), "x");
}

TEST(ControlAreas, SettlementsTakeTheirCellsHolder) {
  Fixture f;
  Place village;
  village.name = "Village";
  village.featureClass = 'P';
  village.population = 800;
  village.lon = 41.4, village.lat = 33;
  Place spring;  // not a populated place: no settlement
  spring.name = "Spring";
  spring.featureClass = 'H';
  spring.lon = 44.5, spring.lat = 33;
  f.layers.towns = {village, spring};
  auto builder = ControlAreaBuilder::create(f.layers, f.projection, 1.0, areaOptions(500, true));
  ASSERT_TRUE(builder.ok());
  ASSERT_EQ((*builder)->settlements().size(), 1u);
  auto areas = (*builder)->build({site("a", 41, 33, "x"), site("b", 45, 33, "y")});
  ASSERT_TRUE(areas.ok());
  const TerritoryTotals totals = (*builder)->totals(*areas);
  ASSERT_EQ(totals.controllers.size(), 2u);
  EXPECT_EQ(totals.controllers[0].controller, "x");
  EXPECT_EQ(totals.controllers[0].settlements, 1u);
  EXPECT_EQ(totals.controllers[1].settlements, 0u);
  // Settled land around the village, empty land far from everything.
  const Terrain& t = *areas->terrain;
  int c = 0, r = 0;
  const Vec2 v = f.projection.forward({41.4, 33});
  ASSERT_TRUE(t.grid.cellOf(v.x, v.y, c, r));
  EXPECT_GT(t.inhabited[t.grid.index(c, r)], 0.9f);
  const Vec2 empty = f.projection.forward({43.5, 35.5});
  ASSERT_TRUE(t.grid.cellOf(empty.x, empty.y, c, r));
  EXPECT_LT(t.inhabited[t.grid.index(c, r)], 0.1f);
}

// Area of the quadrangle lon0..lon1, lat0..lat1 on the WGS84 ellipsoid, km^2 (authalic formula).
double quadrangleKm2(double lon0, double lat0, double lon1, double lat1) {
  const double a = 6378137.0, f = 1 / 298.257223563, e2 = f * (2 - f), e = std::sqrt(e2);
  auto q = [&](double latDeg) {
    const double s = std::sin(latDeg * M_PI / 180);
    return (1 - e2) * (s / (1 - e2 * s * s) - std::log((1 - e * s) / (1 + e * s)) / (2 * e));
  };
  return a * a * (lon1 - lon0) * M_PI / 180 * (q(lat1) - q(lat0)) / 2 / 1e6;
}

TEST(ControlAreas, StatsMeasureASquareOnTheEllipsoid) {
  Fixture f;
  auto builder = ControlAreaBuilder::create(f.layers, f.projection, 1.0, areaOptions(5000, false));
  ASSERT_TRUE(builder.ok());
  auto areas = (*builder)->build({site("w", 41.5, 33, "red"), site("e", 44.5, 33, "blue")});
  ASSERT_TRUE(areas.ok());
  const TerritoryTotals totals = (*builder)->totals(*areas);
  const double west = quadrangleKm2(40, 30, 43, 36), east = quadrangleKm2(43, 30, 46, 36);
  ASSERT_EQ(totals.controllers.size(), 2u);
  EXPECT_EQ(totals.controllers[0].controller, "blue");
  EXPECT_NEAR(totals.controllers[0].areaKm2, east, east * 0.005);
  EXPECT_NEAR(totals.controllers[1].areaKm2, west, west * 0.005);
  ASSERT_EQ(totals.countryLandKm2.size(), 2u);
  EXPECT_NEAR(totals.countryLandKm2[0] + totals.countryLandKm2[1], west + east, (west + east) * 0.005);
}

TEST(ControlAreas, OverridesReplaceDerivedAreas) {
  Fixture f;
  auto builder = ControlAreaBuilder::create(f.layers, f.projection, 1.0, areaOptions(500, true));
  ASSERT_TRUE(builder.ok());
  OverrideArea drawn{"green", {{{{40, 30}, {42, 30}, {42, 32}, {40, 32}}, {}}}, "drawn.gpkg:1"};
  auto areas = (*builder)->build({site("a", 41, 31, "x"), site("b", 45, 35, "y")}, {drawn});
  ASSERT_TRUE(areas.ok()) << areas.error().message();
  ASSERT_EQ(areas->sites.size(), 3u);
  EXPECT_EQ(holderAt(*areas, f.projection, 41, 31), "green");
  EXPECT_EQ(holderAt(*areas, f.projection, 42.5, 31), "x");  // the place keeps what is outside it
  EXPECT_EQ(holderAt(*areas, f.projection, 45, 35), "y");
  const std::vector<ControllerArea> polygons = (*builder)->controllerPolygons(*areas);
  ASSERT_EQ(polygons.size(), 3u);
  EXPECT_EQ(polygons[0].controller, "green");
}

TEST(ControlAreas, AddingPlacesGivesTheSameAreasAsStartingAgain) {
  Fixture f;
  auto grown = ControlAreaBuilder::create(f.layers, f.projection, 1.0, areaOptions(300, false));
  auto fresh = ControlAreaBuilder::create(f.layers, f.projection, 1.0, areaOptions(300, false));
  ASSERT_TRUE(grown.ok() && fresh.ok());
  std::vector<ControlSite> few = {site("a", 41, 31, "x"), site("b", 45, 35, "y")};
  few[0].key = 0, few[1].key = 1;
  std::vector<ControlSite> more = few;
  more.push_back(site("c", 44, 31, "z"));
  more.back().key = 2;
  ASSERT_TRUE((*grown)->build(few).ok());
  auto incremental = (*grown)->build(more);
  auto scratch = (*fresh)->build(more);
  ASSERT_TRUE(incremental.ok() && scratch.ok());
  EXPECT_EQ(incremental->labelling->site, scratch->labelling->site);
}

TEST(ControlAreaCache, OverridesComeIntoForceOnTheirDate) {
  Fixture f;
  auto builder = ControlAreaBuilder::create(f.layers, f.projection, 1.0, areaOptions(500, true));
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
  EXPECT_EQ(before->areas->sites.size(), 1u);
  EXPECT_EQ(after->areas->sites.size(), 2u);
  EXPECT_NE(before->interval, after->interval);
  EXPECT_EQ(cache.computedCount(), 2u);
  ASSERT_TRUE(cache.at(*Date::parse("2015-05-01")).ok());
  EXPECT_EQ(cache.computedCount(), 2u);
}

}  // namespace
}  // namespace frontline
