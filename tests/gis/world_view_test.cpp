// The map for any region: views fitted to a dataset's places, boxes that cannot be drawn, and the
// world data (assets/world, built by tools/setup.sh) read only around the view.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "geo/gis/dataset_loader.hpp"
#include "geo/gis/map_loader.hpp"
#include "geo/gis/map_session.hpp"
#include "geo/gis/place_layer_reader.hpp"

namespace frontline {
namespace {

const std::filesystem::path kAssets = std::filesystem::path(FRONTLINE_SOURCE_DIR) / "assets";
const std::filesystem::path kWorld = kAssets / "world" / "world.gpkg";

Timeline timelineAt(const std::vector<std::pair<double, double>>& lonLat) {
  std::vector<Event> events;
  const char* ids[] = {"p0", "p1", "p2", "p3"};
  size_t i = 0;
  for (auto [lon, lat] : lonLat) {
    Event e;
    e.placeId = ids[i++ % 4];
    e.placeName = e.placeId;
    e.lon = lon;
    e.lat = lat;
    e.date = *Date::parse("2020-01-01");
    e.controller = "a";
    events.push_back(e);
  }
  return Timeline::build(std::move(events), 0);
}

TEST(ViewAroundPlaces, ContainsEveryPlaceWithAMarginOnTheGround) {
  // Far north, where a degree of longitude is short: the margin in longitude is wider.
  const Timeline t = timelineAt({{30, 60}, {34, 62}, {31, 61}});
  const auto box = viewAroundPlaces(t);
  ASSERT_TRUE(box);
  for (const PlaceTrack& p : t.places()) EXPECT_TRUE(box->contains(p.lon, p.lat)) << p.id;
  const double lonMargin = 30 - box->lon0, latMargin = 60 - box->lat0;
  EXPECT_GT(latMargin, 0.3);
  EXPECT_NEAR(lonMargin * std::cos(61 * 3.14159265 / 180), latMargin, 0.1);
  // One place: still a map of its surroundings, not a point.
  const auto one = viewAroundPlaces(timelineAt({{-70.6, -33.4}}));
  ASSERT_TRUE(one);
  EXPECT_GT(one->height(), 1.0);
  EXPECT_FALSE(viewAroundPlaces(Timeline::build({}, 0)));
}

TEST(CheckView, RefusesPolesWithTheFittedProjectionAndMoreThanAHemisphere) {
  EXPECT_TRUE(checkView({-76, -56, -66, -17}, "auto").ok());
  auto pole = checkView({-180, 60, 0, 90}, "auto");
  ASSERT_FALSE(pole.ok());
  EXPECT_NE(pole.error().message().find("pole"), std::string::npos) << pole.error().message();
  EXPECT_NE(pole.error().message().find("EPSG:3995"), std::string::npos);
  EXPECT_TRUE(checkView({-180, 60, 0, 90}, "EPSG:3995").ok());
  EXPECT_FALSE(checkView({-100, 0, 100, 10}, "auto").ok());
  EXPECT_TRUE(checkView({-180, -60, 180, 80}, "EPSG:8857").ok());
  auto crossing = LonLatBox::parse("170,-20,-170,0");
  ASSERT_FALSE(crossing.ok());
  EXPECT_NE(crossing.error().what.find("antimeridian"), std::string::npos);
}

TEST(LoadBox, CoversAWideImageOfTheViewButNotTheWorld) {
  const LonLatBox view{-76, -56, -66, -17};  // Chile: tall and narrow
  const LonLatBox box = loadBox(view);
  EXPECT_LE(box.lon0, view.lon0);
  EXPECT_GE(box.lon1, view.lon1);
  EXPECT_LE(box.lat0, view.lat0);
  EXPECT_GE(box.lat1, view.lat1);
  // A 16:9 image of a 39-degree-tall view is about 60 degrees wide on the ground.
  EXPECT_GT(box.width() * std::cos(36.5 * 3.14159265 / 180), 60);
  EXPECT_LT(box.width(), 180);
}

TEST(MapSession, WithoutAViewFitsTheDatasetsPlaces) {
  DatasetLoadOptions options;
  options.assetDir = kAssets;
  auto data = loadDataset(bundledDatasetPath(kAssets), options);
  ASSERT_TRUE(data.ok()) << data.error().message();
  MapSourceOptions source;
  source.layers = BaseLayerPaths::bundled(kAssets);  // regional layers: this test needs no world data
  auto session = MapSession::open(source, std::move(data).value());
  ASSERT_TRUE(session.ok()) << session.error().message();
  const MapScene& scene = (*session)->scene();
  const Box2 extent = scene.viewExtent;
  ASSERT_FALSE(scene.datasetPlaces.empty());
  for (const TownPoint& p : scene.datasetPlaces) {
    EXPECT_GT(p.position.x, extent.x0) << p.name;
    EXPECT_LT(p.position.x, extent.x1) << p.name;
    EXPECT_GT(p.position.y, extent.y0) << p.name;
    EXPECT_LT(p.position.y, extent.y1) << p.name;
  }
  // Without a dataset there is nothing to fit: a view must be given.
  auto bare = MapSession::open(source, std::nullopt);
  ASSERT_FALSE(bare.ok());
  EXPECT_NE(bare.error().message().find("--bbox"), std::string::npos);
}

TEST(WorldData, MissingFileSaysWhichCommandBuildsIt) {
  MapSourceOptions source;
  source.layers = BaseLayerPaths::world("/no/such/assets");
  source.view = LonLatBox{21, 8, 39, 23};
  auto map = loadMap(source);
  ASSERT_FALSE(map.ok());
  EXPECT_NE(map.error().message().find("/no/such/assets/world/world.gpkg"), std::string::npos);
  EXPECT_NE(map.error().message().find("tools/setup.sh"), std::string::npos);
}

TEST(WorldData, SudanHasLandCountriesRiversAndTownsAroundTheViewOnly) {
  if (!std::filesystem::exists(kWorld)) GTEST_SKIP() << kWorld << " is not built (tools/setup.sh builds it)";
  MapSourceOptions source;
  source.layers = BaseLayerPaths::world(kAssets);
  source.view = LonLatBox{21, 8, 39, 23};
  std::vector<std::string> warnings;
  source.warn = [&](const std::string& w) { warnings.push_back(w); };
  auto map = loadMap(source);
  ASSERT_TRUE(map.ok()) << map.error().message();
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  const BaseLayers& l = map->layers;
  auto country = std::find_if(l.countries.features.begin(), l.countries.features.end(),
                              [](const Feature& f) { return f.field("iso_a2") == "SD"; });
  ASSERT_NE(country, l.countries.features.end());
  EXPECT_EQ(country->field("name"), "Sudan");
  EXPECT_TRUE(std::any_of(l.rivers.features.begin(), l.rivers.features.end(),
                          [](const Feature& f) { return f.field("label") == "Nile"; }));
  auto khartoum = std::find_if(l.towns.begin(), l.towns.end(), [](const Place& p) { return p.name == "Khartoum"; });
  ASSERT_NE(khartoum, l.towns.end());
  EXPECT_EQ(khartoum->countryCode, "SD");
  EXPECT_EQ(khartoum->featureClass, 'P');
  EXPECT_GT(khartoum->population, 1000000);
  EXPECT_GT(khartoum->alternates.size(), 10u);
  // Nothing far from the view was read: no Paris, no Sydney.
  const LonLatBox clip = loadBox(*source.view);
  for (const Place& p : l.towns) ASSERT_TRUE(clip.contains(p.lon, p.lat)) << p.name;
  EXPECT_LT(l.towns.size(), 20000u);
}

TEST(WorldData, TownsKeepEveryAlternateName) {
  if (!std::filesystem::exists(kWorld)) GTEST_SKIP() << kWorld << " is not built (tools/setup.sh builds it)";
  auto places = readPlaceLayer(kWorld, "towns", LonLatBox{2.2, 48.8, 2.5, 48.9});
  ASSERT_TRUE(places.ok()) << places.error().message();
  auto paris = std::find_if(places->begin(), places->end(), [](const Place& p) { return p.id == 2988507; });
  ASSERT_NE(paris, places->end());
  // Paris has hundreds of alternate names, far more than a shapefile's 254 characters hold.
  size_t chars = 0;
  for (const auto& a : paris->alternates) chars += a.size() + 1;
  EXPECT_GT(chars, 1000u);
  EXPECT_EQ(paris->countryCode, "FR");
  EXPECT_EQ(paris->featureCode, "PPLC");
}

}  // namespace
}  // namespace frontline
