#include "geo/model/timeline.hpp"

#include <algorithm>
#include <map>
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace frontline {
namespace {

// How many of the sorted values[0..n) are <= x: std::upper_bound without branches on the data
// (conditional moves), which matters when one call searches ten thousand places.
size_t countUpTo(const int32_t* values, size_t n, int32_t x) {
  if (n == 0) return 0;
  const int32_t* base = values;
  while (n > 1) {
    const size_t half = n / 2;
    base = base[half] <= x ? base + half : base;
    n -= half;
  }
  return static_cast<size_t>(base - values) + (*base <= x ? 1 : 0);
}

}  // namespace

Timeline Timeline::build(std::vector<Event> events, double transitionDays) {
  Timeline t;
  t.transitionDays_ = std::max(0.0, transitionDays);
  // Two passes so that each place's events are moved once into a vector of the right size: with
  // a million events, growing vectors and copying keys cost more than the grouping itself.
  std::unordered_map<std::string_view, uint32_t> index;  // views of events[i].placeId, unmoved in pass 1
  std::vector<uint32_t> placeOf(events.size());
  std::vector<uint32_t> counts;
  t.eventDates_.reserve(events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    auto it = index.find(e.placeId);
    if (it == index.end()) {
      it = index.emplace(e.placeId, static_cast<uint32_t>(t.places_.size())).first;
      PlaceTrack track;
      track.id = e.placeId;
      track.name = e.canonicalName.empty() ? e.placeName : e.canonicalName;
      track.lat = e.lat;
      track.lon = e.lon;
      track.country = e.country;
      t.places_.push_back(std::move(track));
      counts.push_back(0);
    }
    placeOf[i] = it->second;
    ++counts[it->second];
    t.eventDates_.push_back(e.date);
  }
  index.clear();
  for (size_t p = 0; p < t.places_.size(); ++p) t.places_[p].events.reserve(counts[p]);
  for (size_t i = 0; i < events.size(); ++i) t.places_[placeOf[i]].events.push_back(std::move(events[i]));
  events = {};
  auto byDate = [](const Event& a, const Event& b) { return a.date < b.date; };
  t.placeBegin_.reserve(t.places_.size() + 1);
  t.placeBegin_.push_back(0);
  for (PlaceTrack& p : t.places_) {
    if (!std::is_sorted(p.events.begin(), p.events.end(), byDate))
      std::stable_sort(p.events.begin(), p.events.end(), byDate);
    for (const Event& e : p.events) t.days_.push_back(e.date.days());
    t.placeBegin_.push_back(static_cast<uint32_t>(t.days_.size()));
  }
  std::sort(t.eventDates_.begin(), t.eventDates_.end());
  t.eventDates_.erase(std::unique(t.eventDates_.begin(), t.eventDates_.end()), t.eventDates_.end());
  return t;
}

std::vector<PlaceState> Timeline::controlAt(Date date, double dayFraction) const {
  std::vector<PlaceState> states;
  states.reserve(places_.size());
  const double now = date.days() + dayFraction;
  for (size_t k = 0; k < places_.size(); ++k) {
    const PlaceTrack& p = places_[k];
    // The first event after `date`; the one before it is current. Searched in the compact copy of
    // the dates: a few cache lines per place instead of one per probed Event.
    const size_t after = countUpTo(days_.data() + placeBegin_[k], placeBegin_[k + 1] - placeBegin_[k], date.days());
    if (after == 0) continue;
    PlaceState s;
    s.place = &p;
    s.current = &p.events[after - 1];
    if (after >= 2) s.previous = &p.events[after - 2];
    if (transitionDays_ > 0) s.transition = std::clamp((now - s.current->date.days()) / transitionDays_, 0.0, 1.0);
    states.push_back(s);
  }
  return states;
}

size_t Timeline::intervalAt(Date date) const {
  return static_cast<size_t>(std::upper_bound(eventDates_.begin(), eventDates_.end(), date) - eventDates_.begin());
}

std::string PlaceTrack::reportedName() const {
  std::map<std::string, size_t> spellings;
  for (const Event& e : events)
    if (!e.placeName.empty()) ++spellings[e.placeName];
  std::string best = name;
  size_t count = 0;
  for (const auto& [spelling, n] : spellings)
    if (n > count) count = n, best = spelling;
  return best;
}

Date Timeline::first() const { return eventDates_.empty() ? Date() : eventDates_.front(); }
Date Timeline::last() const { return eventDates_.empty() ? Date() : eventDates_.back(); }

}  // namespace frontline
