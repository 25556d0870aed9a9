// StoryPlayer is pure: the seconds are made up.
#include "render/viewer/story_player.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace frontline {
namespace {

MapView view(double x, double y, double upp) {
  MapView v;
  v.centre = {x, y};
  v.unitsPerPixel = upp;
  return v;
}

StoryPlayer make() {
  std::vector<StoryStop> stops{
      {100, 100, view(0, 0, 1000), 0},   // one day
      {200, 300, view(10, 20, 100), 4},  // a range played over 4 s
      {250, 250, view(10, 20, 100), 0},  // same view, earlier than the last date of slide 2
  };
  return StoryPlayer(stops, 2.0);
}

TEST(StoryPlayer, StartsSettledOnTheFirstSlide) {
  StoryPlayer p = make();
  EXPECT_EQ(p.index(), 0u);
  const auto s = p.at(0);
  EXPECT_EQ(s.day, 100);
  EXPECT_EQ(s.view.unitsPerPixel, 1000);
  EXPECT_TRUE(s.settled);
}

TEST(StoryPlayer, AnimatesTimeAndViewThenPlaysTheRange) {
  StoryPlayer p = make();
  ASSERT_TRUE(p.next(10.0));
  EXPECT_EQ(p.index(), 1u);
  auto s = p.at(10.0);
  EXPECT_EQ(s.day, 100);
  EXPECT_FALSE(s.settled);
  s = p.at(11.0);  // halfway through the 2 s move (eased: exactly half at the middle)
  EXPECT_DOUBLE_EQ(s.day, 150);
  EXPECT_DOUBLE_EQ(s.view.centre.x, 5);
  EXPECT_NEAR(s.view.unitsPerPixel, std::sqrt(1000.0 * 100.0), 1e-9);  // zoom changes geometrically
  s = p.at(12.0);  // arrived; the range starts playing
  EXPECT_EQ(s.day, 200);
  EXPECT_FALSE(s.settled);
  s = p.at(13.0);  // a quarter of the 4 s
  EXPECT_DOUBLE_EQ(s.day, 225);
  s = p.at(16.0);
  EXPECT_EQ(s.day, 300);
  EXPECT_TRUE(s.settled);
  EXPECT_EQ(p.at(100.0).day, 300);
}

TEST(StoryPlayer, InterruptingAMoveStartsFromWhereItIs) {
  StoryPlayer p = make();
  p.next(0);
  const double midway = p.at(1.0).day;  // 150
  p.previous(1.0);
  EXPECT_EQ(p.index(), 0u);
  EXPECT_DOUBLE_EQ(p.at(1.0).day, midway);  // no jump
  EXPECT_EQ(p.at(3.0).day, 100);
}

TEST(StoryPlayer, StopsAtBothEnds) {
  StoryPlayer p = make();
  EXPECT_FALSE(p.previous(0));
  EXPECT_TRUE(p.next(0));
  EXPECT_TRUE(p.next(0));
  EXPECT_FALSE(p.next(0));
  EXPECT_EQ(p.index(), 2u);
}

TEST(StoryPlayer, GoingBackwardsInTimeAnimatesToo) {
  StoryPlayer p = make();
  p.jumpTo(1, 0);
  EXPECT_EQ(p.at(100).day, 300);  // the range has played
  p.next(100);                   // slide 3 is at day 250, same view
  EXPECT_DOUBLE_EQ(p.at(101).day, 275);
  EXPECT_EQ(p.at(102).day, 250);
  EXPECT_TRUE(p.at(102).settled);
}

TEST(StoryPlayer, JumpClampsAndNeedsNoMove) {
  StoryPlayer p = make();
  p.jumpTo(99, 5);
  EXPECT_EQ(p.index(), 2u);
  EXPECT_TRUE(p.at(5).settled);
  EXPECT_EQ(p.at(5).day, 250);
}

TEST(StoryPlayer, NewViewsKeepThePosition) {
  StoryPlayer p = make();
  p.jumpTo(1, 0);
  p.setViews({view(0, 0, 1), view(1, 1, 2), view(3, 3, 4)});
  EXPECT_EQ(p.index(), 1u);
  EXPECT_EQ(p.at(0).view.unitsPerPixel, 2);
}

TEST(StoryPlayer, EmptyStoryIsHarmless) {
  StoryPlayer p({}, 2);
  EXPECT_EQ(p.size(), 0u);
  EXPECT_FALSE(p.next(0));
  EXPECT_FALSE(p.previous(0));
  p.jumpTo(3, 0);
  EXPECT_TRUE(p.at(0).settled);
}

TEST(Easing, IsSmoothAndClamped) {
  EXPECT_EQ(easeInOut(-1), 0);
  EXPECT_EQ(easeInOut(0), 0);
  EXPECT_EQ(easeInOut(0.5), 0.5);
  EXPECT_EQ(easeInOut(1), 1);
  EXPECT_EQ(easeInOut(2), 1);
  EXPECT_LT(easeInOut(0.1), 0.1);  // slow start
}

}  // namespace
}  // namespace frontline
