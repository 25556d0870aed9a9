#include "geo/gis/projection.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace frontline {
namespace {

const LonLatBox kRegion{34, 28, 50, 40};

void expectRoundTrip(const Projection& p, double tolerance) {
  for (double lon = 34; lon <= 50; lon += 1.7)
    for (double lat = 28; lat <= 40; lat += 1.3) {
      const Vec2 xy = p.forward({lon, lat});
      ASSERT_TRUE(std::isfinite(xy.x) && std::isfinite(xy.y)) << lon << "," << lat;
      const Vec2 back = p.inverse(xy);
      EXPECT_NEAR(back.x, lon, tolerance);
      EXPECT_NEAR(back.y, lat, tolerance);
    }
}

TEST(Projection, AutoIsLambertConicFittedToTheRegion) {
  auto p = Projection::create("auto", kRegion);
  ASSERT_TRUE(p.ok()) << p.error().message();
  EXPECT_NE(p->definition().find("+proj=lcc"), std::string::npos);
  EXPECT_NE(p->definition().find("+lon_0=42"), std::string::npos);
  expectRoundTrip(*p, 1e-9);
  // The centre maps to the origin and east is +x, north is +y.
  const Vec2 c = p->forward({42, 34});
  EXPECT_NEAR(c.x, 0, 1e-6);
  EXPECT_NEAR(c.y, 0, 1e-6);
  EXPECT_GT(p->forward({43, 34}).x, 0);
  EXPECT_GT(p->forward({42, 35}).y, 0);
}

TEST(Projection, AcceptsEpsgCodesAndProjStrings) {
  for (const char* crs : {"EPSG:3857", "EPSG:32638", "+proj=utm +zone=38 +datum=WGS84 +units=m +no_defs",
                          "+proj=aeqd +lat_0=34 +lon_0=42 +datum=WGS84", "EPSG:4326"}) {
    auto p = Projection::create(crs, kRegion);
    ASSERT_TRUE(p.ok()) << crs << ": " << p.error().message();
    expectRoundTrip(*p, 1e-7);
  }
}

TEST(Projection, WebMercatorMatchesTheKnownFormula) {
  auto p = Projection::create("EPSG:3857", kRegion);
  ASSERT_TRUE(p.ok());
  const Vec2 xy = p->forward({43.13, 36.34});  // Mosul
  const double r = 6378137.0, rad = M_PI / 180;
  EXPECT_NEAR(xy.x, r * 43.13 * rad, 1e-3);
  EXPECT_NEAR(xy.y, r * std::log(std::tan(M_PI / 4 + 36.34 * rad / 2)), 1e-3);
}

TEST(Projection, UnknownCrsNamesBothCrsStrings) {
  auto p = Projection::create("EPSG:999999", kRegion);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message().find("EPSG:999999"), std::string::npos);
  EXPECT_NE(p.error().message().find("EPSG:4326"), std::string::npos);
  EXPECT_FALSE(Projection::create("not a crs at all", kRegion).ok());
}

TEST(Projection, HaversineKnownDistance) {
  // Mosul to Baghdad is about 350 km in a straight line.
  EXPECT_NEAR(haversineMetres({43.13, 36.34}, {44.40, 33.34}) / 1000, 353, 5);
}

}  // namespace
}  // namespace frontline
