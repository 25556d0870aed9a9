// Playback is pure: wall time is handed to advance(), so these tests make up their timings.
#include "render/viewer/playback.hpp"

#include <gtest/gtest.h>

namespace frontline {
namespace {

Date d(const char* text) { return *Date::parse(text); }
double day(const char* text) { return static_cast<double>(d(text).days()); }

Playback make() {
  return Playback(d("2017-01-01"), d("2017-12-31"), {d("2017-03-10"), d("2017-01-01"), d("2017-10-17"), d("2017-03-10"),
                                                     d("2016-05-05") /* outside: ignored */});
}

TEST(Playback, StartsAtTheFirstDayPausedWithSortedDistinctEvents) {
  Playback p = make();
  EXPECT_EQ(p.date(), d("2017-01-01"));
  EXPECT_FALSE(p.playing());
  EXPECT_EQ(p.eventDays(), (std::vector<int32_t>{d("2017-01-01").days(), d("2017-03-10").days(), d("2017-10-17").days()}));
}

TEST(Playback, AdvancesBySpeedTimesSecondsOnlyWhilePlaying) {
  Playback p = make();
  p.setSpeed(10);
  EXPECT_FALSE(p.advance(1.0));  // paused: nothing moves
  p.play();
  EXPECT_TRUE(p.advance(0.5));
  EXPECT_DOUBLE_EQ(p.time(), day("2017-01-06"));
  EXPECT_TRUE(p.advance(0.05));  // half a day: the fraction animates transitions
  EXPECT_EQ(p.date(), d("2017-01-06"));
  EXPECT_DOUBLE_EQ(p.dayFraction(), 0.5);
  EXPECT_FALSE(p.advance(0));
  EXPECT_FALSE(p.advance(-1));
}

TEST(Playback, StopsAtTheEndOrLoops) {
  Playback p = make();
  p.setSpeed(100);
  p.seek(d("2017-12-01"));
  p.play();
  p.advance(1.0);
  EXPECT_EQ(p.date(), d("2017-12-31"));
  EXPECT_FALSE(p.playing());
  p.play();  // at the end without looping: starts again from the beginning
  EXPECT_EQ(p.date(), d("2017-01-01"));
  EXPECT_TRUE(p.playing());

  p.setLoop(true);
  p.seek(d("2017-12-21"));
  p.advance(0.2);  // 20 days: 10 to the end, 10 more from the start
  EXPECT_TRUE(p.playing());
  EXPECT_DOUBLE_EQ(p.time(), day("2017-01-01") + 10 - (day("2017-12-31") - day("2017-12-21") - 10));
}

TEST(Playback, SpeedIsClamped) {
  Playback p = make();
  p.setSpeed(0);
  EXPECT_EQ(p.speed(), Playback::kMinSpeed);
  p.setSpeed(1e9);
  EXPECT_EQ(p.speed(), Playback::kMaxSpeed);
  p.setSpeed(365);
  EXPECT_EQ(p.speed(), 365);
}

TEST(Playback, SeekClampsIntoTheRange) {
  Playback p = make();
  p.seek(d("2010-01-01"));
  EXPECT_EQ(p.date(), d("2017-01-01"));
  p.seek(d("2030-01-01"));
  EXPECT_EQ(p.date(), d("2017-12-31"));
}

TEST(Playback, StepsToNextAndPreviousEvents) {
  Playback p = make();
  p.seek(d("2017-02-01"));
  p.nextEvent();
  EXPECT_EQ(p.date(), d("2017-03-10"));
  p.nextEvent();  // on an event: the next one
  EXPECT_EQ(p.date(), d("2017-10-17"));
  p.nextEvent();  // no more: the end of the range
  EXPECT_EQ(p.date(), d("2017-12-31"));
  p.previousEvent();
  EXPECT_EQ(p.date(), d("2017-10-17"));
  p.previousEvent();
  EXPECT_EQ(p.date(), d("2017-03-10"));
  p.seek(day("2017-03-10") + 0.5);  // past an event by half a day: previous is that event
  p.previousEvent();
  EXPECT_EQ(p.time(), day("2017-03-10"));
  p.previousEvent();
  p.previousEvent();  // before the first: the start
  EXPECT_EQ(p.date(), d("2017-01-01"));
}

TEST(Playback, StepsByDaysWeeksAndMonths) {
  Playback p = make();
  p.seek(day("2017-01-30") + 0.7);
  p.stepDays(1);
  EXPECT_EQ(p.time(), day("2017-01-31"));  // whole days
  p.stepMonths(1);
  EXPECT_EQ(p.date(), d("2017-02-28"));  // clamped to the month's end
  p.stepDays(7);
  EXPECT_EQ(p.date(), d("2017-03-07"));
  p.stepMonths(-2);
  EXPECT_EQ(p.date(), d("2017-01-07"));
  p.stepMonths(-1);  // before the range: its start
  EXPECT_EQ(p.date(), d("2017-01-01"));
  p.seek(d("2017-12-15"));
  p.stepMonths(1);
  EXPECT_EQ(p.date(), d("2017-12-31"));
}

TEST(Playback, PlayToStopsExactlyOnTheTarget) {
  Playback p = make();
  p.setSpeed(30);
  p.seek(d("2017-01-01"));
  p.playTo(day("2017-03-10"));
  EXPECT_TRUE(p.playing());
  int frames = 0;
  while (p.playing() && frames < 1000) {
    p.advance(1.0 / 60);
    ++frames;
  }
  EXPECT_EQ(p.time(), day("2017-03-10"));
  EXPECT_FALSE(p.target().has_value());
  EXPECT_EQ(frames, 136);  // 68 days at 30 days per second, 60 frames per second

  p.playTo(day("2017-03-01"));  // backwards works too
  p.advance(10);
  EXPECT_EQ(p.date(), d("2017-03-01"));
  EXPECT_FALSE(p.playing());
}

TEST(Playback, SeekingOrPausingDropsThePlayToTarget) {
  Playback p = make();
  p.playTo(day("2017-06-01"));
  p.seek(d("2017-02-01"));
  EXPECT_FALSE(p.target().has_value());
  EXPECT_TRUE(p.playing());
  p.playTo(day("2017-06-01"));
  p.pause();
  EXPECT_FALSE(p.target().has_value());
  EXPECT_FALSE(p.playing());
}

TEST(Playback, AnEmptyRangeStaysPut) {
  Playback p(d("2017-05-05"), d("2017-05-05"), {});
  p.setLoop(true);
  p.play();
  p.advance(10);
  EXPECT_EQ(p.date(), d("2017-05-05"));
  p.nextEvent();
  p.previousEvent();
  p.stepMonths(3);
  EXPECT_EQ(p.date(), d("2017-05-05"));
}

}  // namespace
}  // namespace frontline
