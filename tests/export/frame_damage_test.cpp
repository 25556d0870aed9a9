// Damage rectangles: clipped, merged, bounded in number, and the whole frame when most of it.
#include <gtest/gtest.h>

#include "render/frame_damage.hpp"

namespace frontline {
namespace {

bool covers(const std::vector<PixelRect>& rects, int x, int y) {
  for (const PixelRect& r : rects)
    if (x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1) return true;
  return false;
}

TEST(Damage, EmptyAndAll) {
  Damage d(1920, 1080);
  EXPECT_TRUE(d.empty());
  EXPECT_TRUE(d.rects().empty());
  d.addAll();
  EXPECT_EQ(d.rects(), (std::vector<PixelRect>{{0, 0, 1920, 1080}}));
}

TEST(Damage, ClipsRoundsOutwardAndCovers) {
  Damage d(1920, 1080);
  d.add(ScreenBox{-50, -20, 30.2f, 40.7f}, 1);
  d.add(ScreenBox{1900, 1070, 2000, 1200}, 0);
  const auto rects = d.rects();
  ASSERT_FALSE(rects.empty());
  for (const PixelRect& r : rects) {
    EXPECT_GE(r.x0, 0);
    EXPECT_GE(r.y0, 0);
    EXPECT_LE(r.x1, 1920);
    EXPECT_LE(r.y1, 1080);
  }
  EXPECT_TRUE(covers(rects, 0, 0));
  EXPECT_TRUE(covers(rects, 31, 41));  // 30.2 + 1 rounded up
  EXPECT_TRUE(covers(rects, 1919, 1079));
  EXPECT_FALSE(covers(rects, 900, 500));
}

TEST(Damage, ManySmallBoxesBecomeFewRectangles) {
  Damage d(1920, 1080);
  for (int i = 0; i < 500; ++i) d.add(ScreenBox{600.0f + i * 0.4f, 300.0f + i * 0.3f, 601.0f + i * 0.4f, 301.0f + i * 0.3f}, 3);
  d.add(ScreenBox{20, 20, 300, 120}, 2);  // the date panel, far away
  const auto rects = d.rects(4);
  EXPECT_LE(rects.size(), 4u);
  EXPECT_GE(rects.size(), 2u);  // the two far-apart groups are not merged into one big box
  EXPECT_TRUE(covers(rects, 700, 375));
  EXPECT_TRUE(covers(rects, 25, 25));
  long long area = 0;
  for (const PixelRect& r : rects) area += r.area();
  EXPECT_LT(area, 1920LL * 1080 / 5);
}

TEST(Damage, MostOfTheFrameIsTheWholeFrame) {
  Damage d(400, 300);
  d.add(ScreenBox{0, 0, 390, 290}, 0);
  EXPECT_EQ(d.rects(), (std::vector<PixelRect>{{0, 0, 400, 300}}));
}

TEST(Damage, NaNAndInvertedBoxesAreIgnored) {
  Damage d(100, 100);
  d.add(ScreenBox{10, 10, 5, 5}, 0);
  d.add(ScreenBox{std::numeric_limits<float>::quiet_NaN(), 0, 10, 10}, 0);
  EXPECT_TRUE(d.rects().empty());
}

}  // namespace
}  // namespace frontline
