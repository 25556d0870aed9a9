// The viewer's clock of map time: where on the timeline it is, playing or paused, how fast, looping,
// and the steps (previous/next event, day, week, month). Pure logic without SDL or GL: wall time
// is handed in by the caller (advance(seconds)), so tests drive it with made-up timings.
// Map time is a day number with a fraction: days since 1970-01-01 (Date::days()) plus the part of
// the day that has passed, which MapSession::frameAt takes as (date, dayFraction).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "geo/model/date.hpp"

namespace frontline {

class Playback {
 public:
  static constexpr double kMinSpeed = 0.25;  // days per second
  static constexpr double kMaxSpeed = 3650;

  // The range the timeline covers (first <= last; swapped otherwise) and the dates events happen
  // on (any order, duplicates allowed; those outside the range are ignored for stepping).
  Playback(Date first, Date last, const std::vector<Date>& eventDates);

  double time() const { return time_; }  // day number with fraction
  Date date() const;                      // the day `time()` falls on
  double dayFraction() const;             // 0 .. 1, how far into that day
  double first() const { return first_; }
  double last() const { return last_; }
  const std::vector<int32_t>& eventDays() const { return events_; }

  // Moves to `day` (clamped into the range). Playing continues from there; a target set by
  // playTo() is dropped.
  void seek(double day);
  void seek(Date date) { seek(static_cast<double>(date.days())); }

  bool playing() const { return playing_; }
  // Starts playing; at the end of the range (not looping) it starts again from the beginning.
  void play();
  void pause();
  void togglePlay() { playing_ ? pause() : play(); }

  double speed() const { return speed_; }     // days of map time per second
  void setSpeed(double daysPerSecond);         // clamped to kMinSpeed .. kMaxSpeed
  bool loop() const { return loop_; }
  void setLoop(bool on) { loop_ = on; }

  // Plays (forwards or backwards, at speed()) until `day` (clamped), then pauses exactly there.
  void playTo(double day);
  std::optional<double> target() const { return target_; }

  // Advances map time by `seconds` of wall time at speed() while playing. At the end of the
  // range it wraps to the start when looping, else it stops there and pauses. Returns whether
  // time() changed.
  bool advance(double seconds);

  // Steps; each lands on a whole day (fraction 0) inside the range and keeps playing if it was.
  void nextEvent();      // the first event day after the current time
  void previousEvent();  // the last event day before the current time (before today's fraction)
  void stepDays(int n);  // n may be negative; a week is 7
  void stepMonths(int n);  // the same day of the month n months away (clamped to the month's end)

 private:
  void land(double day);  // seek without dropping play state
  double time_ = 0, first_ = 0, last_ = 0;
  std::vector<int32_t> events_;  // sorted, distinct, inside the range
  double speed_ = 30;
  bool playing_ = false, loop_ = false;
  std::optional<double> target_;
};

}  // namespace frontline
