#include "render/label_placer.hpp"

#include <gtest/gtest.h>

#include <random>

namespace frontline {
namespace {

TEST(LabelPlacer, PlacedLabelsNeverOverlap) {
  std::mt19937 rng(42);
  std::uniform_real_distribution<float> x(0, 800), y(0, 600), w(20, 120);
  LabelPlacer placer(800, 600, 4, 2);
  std::vector<ScreenBox> placed;
  for (int i = 0; i < 500; ++i) {
    LabelRequest r{x(rng), y(rng), w(rng), 10, 3};
    r.markerRadius = 3;
    if (auto p = placer.place(r)) placed.push_back(p->box);
  }
  EXPECT_GT(placed.size(), 30u);
  EXPECT_LT(placed.size(), 500u);
  for (size_t i = 0; i < placed.size(); ++i) {
    EXPECT_GE(placed[i].x0, 4);
    EXPECT_LE(placed[i].x1, 796);
    for (size_t j = i + 1; j < placed.size(); ++j) EXPECT_FALSE(placed[i].overlaps(placed[j])) << i << " " << j;
  }
}

TEST(LabelPlacer, PrefersTheRightAndFallsBackToTheLeft) {
  LabelPlacer placer(400, 300, 0, 0);
  LabelRequest r{100, 100, 50, 10, 3};
  r.markerRadius = 3;
  r.gap = 2;
  auto first = placer.place(r);
  ASSERT_TRUE(first);
  EXPECT_GT(first->box.x0, 100);  // right of the dot
  placer.reserve({104, 80, 300, 120});  // block the right side
  LabelRequest second{100, 200, 50, 10, 3};
  second.markerRadius = 3;
  placer.reserve({104, 180, 300, 220});
  auto left = placer.place(second);
  ASSERT_TRUE(left);
  EXPECT_LT(left->box.x1, 100);
}

TEST(LabelPlacer, ReservedAreasStayClear) {
  LabelPlacer placer(400, 300, 0, 0);
  placer.reserve({0, 0, 400, 300});
  LabelRequest r{200, 150, 20, 10, 3};
  EXPECT_FALSE(placer.place(r));
}

}  // namespace
}  // namespace frontline
