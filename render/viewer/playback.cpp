#include "render/viewer/playback.hpp"

#include <algorithm>
#include <cmath>

namespace frontline {

Playback::Playback(Date first, Date last, const std::vector<Date>& eventDates) {
  first_ = static_cast<double>(std::min(first, last).days());
  last_ = static_cast<double>(std::max(first, last).days());
  for (const Date& d : eventDates)
    if (d.days() >= first_ && d.days() <= last_) events_.push_back(d.days());
  std::sort(events_.begin(), events_.end());
  events_.erase(std::unique(events_.begin(), events_.end()), events_.end());
  time_ = first_;
}

Date Playback::date() const { return Date::fromDays(static_cast<int32_t>(std::floor(time_))); }

double Playback::dayFraction() const { return time_ - std::floor(time_); }

void Playback::land(double day) { time_ = std::clamp(day, first_, last_); }

void Playback::seek(double day) {
  target_.reset();
  land(day);
}

void Playback::play() {
  if (!loop_ && time_ >= last_) time_ = first_;
  playing_ = true;
}

void Playback::pause() {
  playing_ = false;
  target_.reset();
}

void Playback::setSpeed(double daysPerSecond) {
  if (!std::isfinite(daysPerSecond)) return;
  speed_ = std::clamp(daysPerSecond, kMinSpeed, kMaxSpeed);
}

void Playback::playTo(double day) {
  target_ = std::clamp(day, first_, last_);
  playing_ = *target_ != time_;
  if (!playing_) target_.reset();
}

bool Playback::advance(double seconds) {
  if (!playing_ || !(seconds > 0)) return false;
  const double before = time_;
  const double step = seconds * speed_;
  if (target_) {
    const double t = *target_;
    if (std::abs(t - time_) <= step) {
      time_ = t;
      playing_ = false;
      target_.reset();
    } else {
      time_ += t > time_ ? step : -step;
    }
    return time_ != before;
  }
  time_ += step;
  if (time_ >= last_) {
    const double span = last_ - first_;
    if (loop_ && span > 0) {
      time_ = first_ + std::fmod(time_ - first_, span);
    } else {
      time_ = last_;
      playing_ = false;
    }
  }
  return time_ != before;
}

void Playback::nextEvent() {
  target_.reset();
  // An event day counts as "after" only when it is ahead of the current time.
  auto it = std::upper_bound(events_.begin(), events_.end(), time_,
                             [](double t, int32_t day) { return t < static_cast<double>(day); });
  land(it == events_.end() ? last_ : static_cast<double>(*it));
}

void Playback::previousEvent() {
  target_.reset();
  auto it = std::lower_bound(events_.begin(), events_.end(), time_,
                             [](int32_t day, double t) { return static_cast<double>(day) < t; });
  land(it == events_.begin() ? first_ : static_cast<double>(*std::prev(it)));
}

void Playback::stepDays(int n) {
  target_.reset();
  land(std::floor(time_) + n);
}

void Playback::stepMonths(int n) {
  target_.reset();
  const Date d = date();
  int month0 = d.year() * 12 + (d.month() - 1) + n;  // months since year 0
  const int year = month0 / 12, month = month0 % 12 + 1;
  int day = d.day();
  Result<Date> moved = Date::fromYmd(year, month, day);
  while (!moved && day > 28) moved = Date::fromYmd(year, month, --day);
  land(moved ? static_cast<double>(moved->days()) : std::floor(time_));
}

}  // namespace frontline
