#include "geo/gis/map_loader.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace frontline {
namespace {

TEST(MapScene, BundledDataGivesIraqSyriaRiversAndTowns) {
  MapSourceOptions options;
  options.layers = BaseLayerPaths::bundled(std::filesystem::path(FRONTLINE_SOURCE_DIR) / "assets");
  options.view = LonLatBox{35, 29, 49, 38};  // Iraq and Syria, as the regional assets cover
  options.focusCountries = {"IQ", "SY"};
  auto map = loadMap(options);
  ASSERT_TRUE(map.ok()) << map.error().message();
  const MapScene& s = map->scene;
  EXPECT_GT(s.land.size(), 100u);
  auto country = [&](const std::string& code) {
    return std::find_if(s.countries.begin(), s.countries.end(), [&](const CountryShape& c) { return c.code == code; });
  };
  ASSERT_NE(country("IQ"), s.countries.end());
  ASSERT_NE(country("SY"), s.countries.end());
  EXPECT_EQ(country("IQ")->name, "Iraq");
  EXPECT_TRUE(country("IQ")->focus);
  EXPECT_FALSE(country("TR")->focus);
  // Iraq's label goes inside Iraq, well away from its borders.
  EXPECT_GT(country("IQ")->labelRadius, 100000);
  auto hasRiver = [&](const std::string& name) {
    return std::any_of(s.rivers.begin(), s.rivers.end(), [&](const RiverLine& r) { return r.name == name; });
  };
  EXPECT_TRUE(hasRiver("Euphrates"));
  EXPECT_TRUE(hasRiver("Tigris"));
  EXPECT_FALSE(s.provinceLines.empty());
  EXPECT_FALSE(s.countryLines.empty());
  auto town = std::find_if(s.towns.begin(), s.towns.end(), [](const TownPoint& t) { return t.name == "Mosul"; });
  ASSERT_NE(town, s.towns.end());
  // Baghdad is more important than Mosul, which is more important than a village.
  auto baghdad = std::find_if(s.towns.begin(), s.towns.end(), [](const TownPoint& t) { return t.name == "Baghdad"; });
  EXPECT_LT(baghdad - s.towns.begin(), town - s.towns.begin());
  // Ground scale near 34N: metres per map unit close to 1 for a conformal conic.
  EXPECT_NEAR(s.metresPerUnit, 1.0, 0.01);
}

TEST(MapScene, MissingLayerFileIsReportedWithItsPath) {
  MapSourceOptions options;
  options.layers = BaseLayerPaths::bundled(std::filesystem::path(FRONTLINE_SOURCE_DIR) / "assets");
  options.view = LonLatBox{35, 29, 49, 38};  // Iraq and Syria, as the regional assets cover
  options.focusCountries = {"IQ", "SY"};
  ASSERT_TRUE(options.layers.override("rivers", "/no/such/rivers.gpkg").ok());
  auto map = loadMap(options);
  ASSERT_FALSE(map.ok());
  EXPECT_NE(map.error().message().find("/no/such/rivers.gpkg"), std::string::npos);
  EXPECT_FALSE(options.layers.override("roads", "x.shp").ok());
}

}  // namespace
}  // namespace frontline
