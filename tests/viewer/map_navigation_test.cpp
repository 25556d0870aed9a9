#include "render/viewer/map_navigation.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "render/viewer/timeline_scale.hpp"

namespace frontline {
namespace {

TEST(MapNavigation, ZoomKeepsThePointUnderThePointer) {
  MapView v;
  v.centre = {1000, 2000};
  v.unitsPerPixel = 50;
  const Vec2 before = screenToMap(v, 800, 600, {100, 450});
  zoomAt(v, 800, 600, 100, 450, 1.25, {});
  EXPECT_DOUBLE_EQ(v.unitsPerPixel, 40);
  const Vec2 after = screenToMap(v, 800, 600, {100, 450});
  EXPECT_NEAR(after.x, before.x, 1e-6);
  EXPECT_NEAR(after.y, before.y, 1e-6);
}

TEST(MapNavigation, ZoomStaysWithinLimits) {
  MapView home;
  home.unitsPerPixel = 1000;
  const ZoomLimits limits = zoomLimitsFor(home);
  MapView v = home;
  for (int i = 0; i < 100; ++i) zoomAt(v, 800, 600, 400, 300, 2, limits);
  EXPECT_DOUBLE_EQ(v.unitsPerPixel, 1000.0 / 64);
  for (int i = 0; i < 100; ++i) zoomAt(v, 800, 600, 400, 300, 0.5, limits);
  EXPECT_DOUBLE_EQ(v.unitsPerPixel, 4000);
  zoomAt(v, 800, 600, 400, 300, 0, limits);  // nonsense factors change nothing
  EXPECT_DOUBLE_EQ(v.unitsPerPixel, 4000);
}

TEST(MapNavigation, PanFollowsTheDrag) {
  MapView v;
  v.unitsPerPixel = 10;
  panBy(v, 30, -20);  // drag right and up: the map moves with the pointer
  EXPECT_DOUBLE_EQ(v.centre.x, -300);
  EXPECT_DOUBLE_EQ(v.centre.y, -200);
}

TEST(MapNavigation, FitsTheDataWithAMargin) {
  std::vector<TownPoint> places(3);
  places[0].position = {0, 0};
  places[1].position = {1000, 500};
  places[2].position = {std::nan(""), 0};  // ignored
  auto box = placesExtent(places);
  ASSERT_TRUE(box);
  EXPECT_DOUBLE_EQ(box->x1, 1000);
  const MapView v = fitBox(*box, 1100, 700, 50);
  EXPECT_DOUBLE_EQ(v.centre.x, 500);
  EXPECT_DOUBLE_EQ(v.centre.y, 250);
  EXPECT_DOUBLE_EQ(v.unitsPerPixel, 1.0);  // 1000 units into 1000 pixels (1100 less 2 x 50)
  EXPECT_FALSE(placesExtent({}).has_value());
}

TEST(MapNavigation, ResolvesSlideViews) {
  auto projection = Projection::create("EPSG:3857", LonLatBox{35, 29, 49, 38});
  ASSERT_TRUE(projection);
  auto centred = resolveSlideView(SlideView::centred(43.13, 36.34, 400), *projection, 1.0, 800, 600);
  ASSERT_TRUE(centred);
  const Vec2 c = projection->forward({43.13, 36.34});
  EXPECT_NEAR(centred->centre.x, c.x, 1e-6);
  EXPECT_DOUBLE_EQ(centred->unitsPerPixel, 400000.0 / 800);
  auto boxed = resolveSlideView(SlideView::boxed({40, 34, 44, 37}), *projection, 1.0, 800, 600);
  ASSERT_TRUE(boxed);
  const Vec2 a = projection->forward({40, 34}), b = projection->forward({44, 37});
  EXPECT_NEAR(boxed->centre.x, (a.x + b.x) / 2, 1e-6);
  // The whole box fits: its width or its height fills the window.
  EXPECT_NEAR(std::max((b.x - a.x) / 800, (b.y - a.y) / 600), boxed->unitsPerPixel, 1e-6);
  EXPECT_FALSE(resolveSlideView(SlideView::centred(43, 36, 400), *projection, 1.0, 0, 600));
}

TEST(TimelineScale, MapsDaysToPixelsAndBack) {
  TimelineScale s{100, 200, 10, 210};
  EXPECT_EQ(s.xOf(150), 110);
  EXPECT_EQ(s.dayAt(110), 150);
  EXPECT_EQ(s.dayAt(-50), 100);  // clamped
  EXPECT_EQ(s.dayAt(900), 200);
}

TEST(TimelineScale, CountsEventsPerBinAndFindsYears) {
  std::vector<EventTick> ticks{{100, 2, false, false}, {149, 1, true, false}, {150, 3, false, true}, {300, 5, false, false}};
  EXPECT_EQ(eventDensity(ticks, 100, 200, 2), (std::vector<int>{3, 3}));
  EXPECT_EQ(eventDensity(ticks, 100, 200, 0), std::vector<int>{});
  const double from = Date::parse("2014-06-01")->days(), to = Date::parse("2016-02-01")->days();
  EXPECT_EQ(yearsInRange(from, to), (std::vector<int>{2015, 2016}));
}

TEST(TimelineScale, MarksUncertainEventDates) {
  Event a;
  a.date = *Date::parse("2014-06");
  a.placeId = "p1";
  Event b;
  b.date = *Date::parse("2014-06-10");
  b.placeId = "p2";
  b.confidence = Confidence::Low;
  Event c = b;
  c.placeId = "p1";
  c.confidence = Confidence::High;
  const Timeline t = Timeline::build({a, b, c}, 0);
  const auto ticks = eventTicks(t);
  ASSERT_EQ(ticks.size(), 2u);
  EXPECT_TRUE(ticks[0].monthPrecision);
  EXPECT_FALSE(ticks[0].lowConfidence);
  EXPECT_EQ(ticks[1].count, 2);
  EXPECT_TRUE(ticks[1].lowConfidence);
}

}  // namespace
}  // namespace frontline
