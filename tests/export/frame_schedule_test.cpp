// Frame index -> map time, as a table of cases.
#include <gtest/gtest.h>

#include "render/export/frame_schedule.hpp"

namespace frontline {
namespace {

Date day(const char* iso) { return *Date::parse(iso); }

struct RateCase {
  const char *from, *to;
  double fps, daysPerSecond;
  size_t frames;
  size_t index;
  const char* date;
  double fraction;
};

TEST(FrameSchedule, ByRateTable) {
  const RateCase cases[] = {
      // One frame per day: the peer benchmark (365 frames for 2015).
      {"2015-01-01", "2015-12-31", 30, 30, 365, 0, "2015-01-01", 0},
      {"2015-01-01", "2015-12-31", 30, 30, 365, 364, "2015-12-31", 0},
      // Three frames per day: thirds of a day, and the whole day exactly (no 0.99999 -> day before).
      {"2017-10-16", "2017-10-17", 30, 10, 4, 1, "2017-10-16", 1.0 / 3},
      {"2017-10-16", "2017-10-17", 30, 10, 4, 3, "2017-10-17", 0},
      // 7 days per second at 24 fps: 7/24 day per frame; 35 frames fit in 10 days.
      {"2017-01-01", "2017-01-11", 24, 7, 35, 24, "2017-01-08", 0},
      {"2017-01-01", "2017-01-11", 24, 7, 35, 34, "2017-01-10", 34 * 7.0 / 24 - 9},
      // A step longer than the span: the first date only.
      {"2017-01-01", "2017-01-11", 30, 900, 1, 0, "2017-01-01", 0},
      // A single day.
      {"2017-01-01", "2017-01-01", 30, 30, 1, 0, "2017-01-01", 0},
      // Across a leap day.
      {"2016-02-27", "2016-03-02", 1, 1, 5, 2, "2016-02-29", 0},
  };
  for (const RateCase& c : cases) {
    SCOPED_TRACE(std::string(c.from) + ".." + c.to + " fps " + std::to_string(c.fps) + " dps " +
                 std::to_string(c.daysPerSecond) + " frame " + std::to_string(c.index));
    auto s = FrameSchedule::byRate(day(c.from), day(c.to), c.fps, c.daysPerSecond);
    ASSERT_TRUE(s.ok()) << s.error().message();
    EXPECT_EQ(s->size(), c.frames);
    const FrameTime t = s->at(c.index);
    EXPECT_EQ(t.date.iso(), c.date);
    EXPECT_NEAR(t.dayFraction, c.fraction, 1e-9);
    EXPECT_GE(t.dayFraction, 0.0);
    EXPECT_LT(t.dayFraction, 1.0);
  }
}

TEST(FrameSchedule, ByCountSpreadsEvenlyAndEndsOnTheLastDate) {
  auto s = FrameSchedule::byCount(day("2017-01-01"), day("2017-01-11"), 4, 25);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->size(), 4u);
  EXPECT_DOUBLE_EQ(s->fps(), 25);
  EXPECT_EQ(s->at(0).date.iso(), "2017-01-01");
  EXPECT_EQ(s->at(1).date.iso(), "2017-01-04");
  EXPECT_NEAR(s->at(1).dayFraction, 1.0 / 3, 1e-9);
  EXPECT_EQ(s->at(2).date.iso(), "2017-01-07");
  EXPECT_NEAR(s->at(2).dayFraction, 2.0 / 3, 1e-9);
  EXPECT_EQ(s->at(3).date.iso(), "2017-01-11");
  EXPECT_EQ(s->at(3).dayFraction, 0);

  auto one = FrameSchedule::byCount(day("2017-01-01"), day("2017-03-01"), 1, 30);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->size(), 1u);
  EXPECT_EQ(one->at(0).date.iso(), "2017-01-01");
}

TEST(FrameSchedule, MonotonicAndWithinTheSpan) {
  auto s = FrameSchedule::byRate(day("2014-01-01"), day("2019-04-30"), 29.97, 13.3);
  ASSERT_TRUE(s.ok());
  double previous = -1;
  for (size_t i = 0; i < s->size(); ++i) {
    const FrameTime t = s->at(i);
    const double at = t.date.days() + t.dayFraction;
    ASSERT_GT(at, previous) << i;
    previous = at;
  }
  EXPECT_LE(previous, day("2019-04-30").days());
  EXPECT_GT(previous, day("2019-04-30").days() - 13.3 / 29.97);
}

TEST(FrameSchedule, RejectsBadArguments) {
  const Date a = day("2017-01-01"), b = day("2017-02-01");
  EXPECT_FALSE(FrameSchedule::byRate(a, b, 0, 1).ok());
  EXPECT_FALSE(FrameSchedule::byRate(a, b, 30, 0).ok());
  EXPECT_FALSE(FrameSchedule::byRate(a, b, 30, -2).ok());
  EXPECT_FALSE(FrameSchedule::byRate(b, a, 30, 1).ok());
  EXPECT_FALSE(FrameSchedule::byCount(a, b, 0, 30).ok());
  EXPECT_FALSE(FrameSchedule::byCount(b, a, 10, 30).ok());
  auto tooMany = FrameSchedule::byRate(day("1900-01-01"), day("2100-01-01"), 1000, 0.0001);
  ASSERT_FALSE(tooMany.ok());
  EXPECT_EQ(tooMany.error().kind, ErrorKind::Usage);
}

}  // namespace
}  // namespace frontline
