#include "geo/gis/tessellation.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "geo/gis/layer_reader.hpp"

namespace frontline {
namespace {

double sumArea(const std::vector<Triangle>& tris) {
  double a = 0;
  for (const Triangle& t : tris) a += triangleArea(t);
  return a;
}

bool insideRing(const Ring& ring, Vec2 p) {
  bool in = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
    if ((ring[i].y > p.y) != (ring[j].y > p.y) &&
        p.x < (ring[j].x - ring[i].x) * (p.y - ring[i].y) / (ring[j].y - ring[i].y) + ring[i].x)
      in = !in;
  return in;
}

TEST(Tessellation, SquareWithHoleKeepsAreaAndLeavesHoleEmpty) {
  Polygon p;
  p.outer = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
  p.holes.push_back({{3, 3}, {3, 7}, {7, 7}, {7, 3}});
  auto tris = tessellate(p);
  ASSERT_TRUE(tris.ok());
  EXPECT_NEAR(sumArea(*tris), 84.0, 84.0 * 1e-9);
  for (const Triangle& t : *tris) {
    const Vec2 centroid{(t.a.x + t.b.x + t.c.x) / 3, (t.a.y + t.b.y + t.c.y) / 3};
    EXPECT_FALSE(insideRing(p.holes[0], centroid)) << centroid.x << "," << centroid.y;
  }
}

TEST(Tessellation, ConcaveMultiPolygonWithTwoHoles) {
  Polygon u;  // a U shape
  u.outer = {{0, 0}, {9, 0}, {9, 9}, {6, 9}, {6, 3}, {3, 3}, {3, 9}, {0, 9}};
  Polygon withHoles;
  withHoles.outer = {{20, 0}, {40, 0}, {40, 10}, {20, 10}};
  withHoles.holes = {{{22, 2}, {22, 8}, {28, 8}, {28, 2}}, {{32, 2}, {32, 8}, {38, 8}, {38, 2}}};
  auto tris = tessellate(std::vector<Polygon>{u, withHoles});
  ASSERT_TRUE(tris.ok());
  const double expected = polygonArea(u) + polygonArea(withHoles);
  EXPECT_NEAR(expected, 63.0 + 200.0 - 72.0, 1e-12);
  EXPECT_NEAR(sumArea(*tris), expected, expected * 1e-9);
  for (const Triangle& t : *tris) {
    const Vec2 c{(t.a.x + t.b.x + t.c.x) / 3, (t.a.y + t.b.y + t.c.y) / 3};
    EXPECT_FALSE(c.x > 3 && c.x < 6 && c.y > 3) << "triangle in the U's notch";
    for (const Ring& hole : withHoles.holes) EXPECT_FALSE(insideRing(hole, c));
  }
}

TEST(Tessellation, SelfIntersectingPolygonIsRepairedNotCrashed) {
  Polygon bowtie;
  bowtie.outer = {{0, 0}, {10, 10}, {10, 0}, {0, 10}};
  auto tris = tessellate(bowtie);
  ASSERT_TRUE(tris.ok());
  EXPECT_NEAR(sumArea(*tris), 50.0, 50.0 * 1e-9);  // two triangles of 25 each
}

TEST(Tessellation, RealCountryPolygonsKeepTheirArea) {
  auto layer = readVectorLayer(std::filesystem::path(FRONTLINE_SOURCE_DIR) / "assets/base/countries.geojson");
  ASSERT_TRUE(layer.ok()) << layer.error().message();
  int checked = 0;
  for (const Feature& f : layer->features) {
    double expected = 0;
    for (const Polygon& p : f.polygons) expected += polygonArea(p);
    auto tris = tessellate(f.polygons);
    ASSERT_TRUE(tris.ok()) << f.field("name");
    EXPECT_NEAR(sumArea(*tris), expected, expected * 1e-9) << f.field("name");
    ++checked;
  }
  EXPECT_GE(checked, 10);
}

}  // namespace
}  // namespace frontline
