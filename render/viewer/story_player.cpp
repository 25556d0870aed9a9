#include "render/viewer/story_player.hpp"

#include <algorithm>
#include <cmath>

namespace frontline {

double easeInOut(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return t * t * (3 - 2 * t);
}

MapView interpolateView(const MapView& a, const MapView& b, double t) {
  MapView v;
  v.centre.x = a.centre.x + (b.centre.x - a.centre.x) * t;
  v.centre.y = a.centre.y + (b.centre.y - a.centre.y) * t;
  if (a.unitsPerPixel > 0 && b.unitsPerPixel > 0)
    v.unitsPerPixel = a.unitsPerPixel * std::pow(b.unitsPerPixel / a.unitsPerPixel, t);
  else
    v.unitsPerPixel = b.unitsPerPixel;
  return v;
}

StoryPlayer::StoryPlayer(std::vector<StoryStop> stops, double transitionSeconds)
    : stops_(std::move(stops)), transition_(std::max(0.0, transitionSeconds)) {
  if (!stops_.empty()) jumpTo(0, 0);
}

void StoryPlayer::setViews(const std::vector<MapView>& views) {
  for (size_t i = 0; i < stops_.size() && i < views.size(); ++i) stops_[i].view = views[i];
}

void StoryPlayer::jumpTo(size_t i, double now) {
  if (stops_.empty()) return;
  index_ = std::min(i, stops_.size() - 1);
  start_ = now;
  duration_ = 0;
  from_ = State{stops_[index_].from, stops_[index_].view, true};
}

void StoryPlayer::goTo(size_t i, double now, const State& from) {
  if (stops_.empty()) return;
  index_ = std::min(i, stops_.size() - 1);
  start_ = now;
  from_ = from;
  const StoryStop& s = stops_[index_];
  const bool sameView = from.view.centre.x == s.view.centre.x && from.view.centre.y == s.view.centre.y &&
                        from.view.unitsPerPixel == s.view.unitsPerPixel;
  duration_ = from.day == s.from && sameView ? 0 : transition_;
}

bool StoryPlayer::next(double now) {
  if (stops_.empty() || index_ + 1 >= stops_.size()) return false;
  goTo(index_ + 1, now, at(now));
  return true;
}

bool StoryPlayer::previous(double now) {
  if (stops_.empty() || index_ == 0) return false;
  goTo(index_ - 1, now, at(now));
  return true;
}

StoryPlayer::State StoryPlayer::at(double now) const {
  if (stops_.empty()) return {};
  const StoryStop& s = stops_[index_];
  const double elapsed = std::max(0.0, now - start_);
  if (elapsed < duration_) {
    const double t = easeInOut(elapsed / duration_);
    return State{from_.day + (s.from - from_.day) * t, interpolateView(from_.view, s.view, t), false};
  }
  if (s.to <= s.from) return State{s.from, s.view, true};
  const double played = elapsed - duration_;
  const double fraction = s.playSeconds > 0 ? std::min(1.0, played / s.playSeconds) : 1.0;
  return State{s.from + (s.to - s.from) * fraction, s.view, fraction >= 1.0};
}

}  // namespace frontline
