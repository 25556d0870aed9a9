#include "geo/gis/layer_reader.hpp"

#include <gtest/gtest.h>

#include "support/fixtures.hpp"

namespace frontline {
namespace {

using test::FixtureFeature;

const std::vector<FixtureFeature> kFeatures = {
    {"POLYGON ((40 30, 44 30, 44 34, 40 34, 40 30), (41 31, 41 32, 42 32, 42 31, 41 31))", "square with hole"},
    {"MULTIPOLYGON (((45 30, 46 30, 46 31, 45 30)), ((47 30, 48 30, 48 31, 47 30)))", "two triangles"},
};

class LayerFormats : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(LayerFormats, ReadsPolygonsWithHolesAndMultipolygons) {
  const auto [driver, ext] = GetParam();
  const auto dir = test::freshDir("formats");
  const auto path = dir / ("layer" + ext);
  test::writeVectorFile(path, driver, kFeatures);
  auto layer = readVectorLayer(path);
  ASSERT_TRUE(layer.ok()) << layer.error().message();
  ASSERT_EQ(layer->features.size(), 2u);
  const Feature& square = layer->features[0];
  EXPECT_EQ(square.field("name"), "square with hole");
  ASSERT_EQ(square.polygons.size(), 1u);
  EXPECT_EQ(square.polygons[0].outer.size(), 4u);  // closing point dropped
  ASSERT_EQ(square.polygons[0].holes.size(), 1u);
  EXPECT_NEAR(polygonArea(square.polygons[0]), 15.0, 1e-9);
  EXPECT_EQ(layer->features[1].polygons.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Ogr, LayerFormats,
                         ::testing::Values(std::make_pair("ESRI Shapefile", ".shp"), std::make_pair("GeoJSON", ".geojson"),
                                           std::make_pair("GPKG", ".gpkg")));

TEST(LayerReader, ReprojectsToLonLat) {
  const auto dir = test::freshDir("reproject");
  // A point in UTM zone 38N near Mosul.
  test::writeVectorFile(dir / "utm.gpkg", "GPKG", {{"POINT (330000 4023000)", "mosul"}}, "EPSG:32638");
  auto layer = readVectorLayer(dir / "utm.gpkg");
  ASSERT_TRUE(layer.ok()) << layer.error().message();
  ASSERT_EQ(layer->features.size(), 1u);
  const Vec2 p = layer->features[0].points.at(0);
  // Reference from gdaltransform -s_srs EPSG:32638 -t_srs EPSG:4326.
  EXPECT_NEAR(p.x, 43.10580, 1e-5);
  EXPECT_NEAR(p.y, 36.33706, 1e-5);
}

TEST(LayerReader, MissingFileNamesThePath) {
  auto layer = readVectorLayer("/nonexistent/rivers.shp");
  ASSERT_FALSE(layer.ok());
  EXPECT_EQ(layer.error().kind, ErrorKind::Input);
  EXPECT_NE(layer.error().message().find("/nonexistent/rivers.shp"), std::string::npos);
  EXPECT_NE(layer.error().message().find("no such file"), std::string::npos);
}

TEST(LayerReader, NotAVectorDataset) {
  const auto dir = test::freshDir("notvector");
  test::writeTextFile(dir / "notes.txt", "this is not a map\n");
  auto layer = readVectorLayer(dir / "notes.txt");
  ASSERT_FALSE(layer.ok());
  EXPECT_NE(layer.error().message().find("not a vector dataset"), std::string::npos) << layer.error().message();
}

TEST(LayerReader, NoCrsWithProjectedCoordinatesIsAnError) {
  const auto dir = test::freshDir("nocrs");
  test::writeVectorFile(dir / "projected.shp", "ESRI Shapefile", {{"POINT (330000 4023000)", "x"}}, "");
  auto layer = readVectorLayer(dir / "projected.shp");
  ASSERT_FALSE(layer.ok());
  EXPECT_NE(layer.error().message().find("no CRS"), std::string::npos) << layer.error().message();
  EXPECT_NE(layer.error().message().find("projected.shp"), std::string::npos);
}

TEST(LayerReader, NoCrsWithLonLatCoordinatesIsAccepted) {
  const auto dir = test::freshDir("nocrs-lonlat");
  test::writeVectorFile(dir / "lonlat.shp", "ESRI Shapefile", {{"POINT (43.1 36.3)", "x"}}, "");
  auto layer = readVectorLayer(dir / "lonlat.shp");
  ASSERT_TRUE(layer.ok()) << layer.error().message();
}

TEST(LayerReader, EmptyLayerIsAnErrorUnlessAllowed) {
  const auto dir = test::freshDir("empty");
  test::writeVectorFile(dir / "empty.geojson", "GeoJSON", {});
  auto layer = readVectorLayer(dir / "empty.geojson");
  ASSERT_FALSE(layer.ok());
  EXPECT_NE(layer.error().message().find("no features"), std::string::npos);
  LayerReadOptions allow;
  allow.allowEmpty = true;
  EXPECT_TRUE(readVectorLayer(dir / "empty.geojson", allow).ok());
}

TEST(LayerReader, InvalidGeometryIsRepairedWithAWarningNamingTheFeature) {
  const auto dir = test::freshDir("invalid");
  test::writeVectorFile(dir / "bowtie.geojson", "GeoJSON",
                        {{"POLYGON ((40 30, 42 32, 42 30, 40 32, 40 30))", "Bowtie"}});
  std::vector<std::string> warnings;
  LayerReadOptions options;
  options.warn = [&](const std::string& w) { warnings.push_back(w); };
  auto layer = readVectorLayer(dir / "bowtie.geojson", options);
  ASSERT_TRUE(layer.ok()) << layer.error().message();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("Bowtie"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("repaired"), std::string::npos);
  double area = 0;
  for (const Polygon& p : layer->features.at(0).polygons) area += polygonArea(p);
  EXPECT_NEAR(area, 2.0, 1e-9);
}

TEST(LayerReader, AntimeridianFeaturesAreClippedNotCrashed) {
  const auto dir = test::freshDir("antimeridian");
  test::writeVectorFile(dir / "world.geojson", "GeoJSON",
                        {{"POLYGON ((170 -20, 180 -20, 180 -10, 170 -10, 170 -20))", "east"},
                         {"POLYGON ((-180 -20, -170 -20, -170 -10, -180 -10, -180 -20))", "west"},
                         {"POLYGON ((30 20, 60 20, 60 50, 30 50, 30 20))", "region"}});
  LayerReadOptions options;
  options.clipTo = LonLatBox{34, 28, 50, 40};
  auto layer = readVectorLayer(dir / "world.geojson", options);
  ASSERT_TRUE(layer.ok());
  ASSERT_EQ(layer->features.size(), 1u);
  EXPECT_NEAR(polygonArea(layer->features[0].polygons.at(0)), 16.0 * 12.0, 1e-9);
}

}  // namespace
}  // namespace frontline
