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
  // Events are grouped by place where they lie (a permutation applied in place), so that a million
  // events are never held twice.
  std::vector<uint32_t> placeOf(events.size());
  std::vector<uint32_t> counts;
  {
    std::unordered_map<std::string_view, uint32_t> index;  // views of events[i].placeId, not yet moved
    for (size_t i = 0; i < events.size(); ++i) {
      const Event& e = events[i];
      auto it = index.find(e.placeId.view());
      if (it == index.end()) {
        it = index.emplace(e.placeId.view(), static_cast<uint32_t>(t.places_.size())).first;
        PlaceTrack track;
        track.id = e.placeId.str();
        track.name = (e.canonicalName.empty() ? e.placeName : e.canonicalName).str();
        track.lat = e.lat;
        track.lon = e.lon;
        track.country = e.country.str();
        t.places_.push_back(std::move(track));
        counts.push_back(0);
      }
      placeOf[i] = it->second;
      ++counts[it->second];
    }
  }
  t.placeBegin_.assign(t.places_.size() + 1, 0);
  for (size_t p = 0; p < t.places_.size(); ++p) t.placeBegin_[p + 1] = t.placeBegin_[p] + counts[p];
  // source[k]: the index in `events` of the event that goes to position k (file order within a place).
  std::vector<uint32_t> source(events.size());
  {
    std::vector<uint32_t> next(t.placeBegin_.begin(), t.placeBegin_.end() - 1);
    for (size_t i = 0; i < events.size(); ++i) source[next[placeOf[i]]++] = static_cast<uint32_t>(i);
  }
  placeOf = {};
  // Applies the permutation cycle by cycle; source[k] == k marks a position as done.
  for (size_t k = 0; k < events.size(); ++k) {
    if (source[k] == k) continue;
    Event held = std::move(events[k]);
    size_t j = k;
    while (source[j] != k) {
      const size_t from = source[j];
      events[j] = std::move(events[from]);
      source[j] = static_cast<uint32_t>(j);
      j = from;
    }
    events[j] = std::move(held);
    source[j] = static_cast<uint32_t>(j);
  }
  source = {};
  t.events_ = std::move(events);
  auto byDate = [](const Event& a, const Event& b) { return a.date < b.date; };
  t.days_.reserve(t.events_.size());
  t.eventDates_.reserve(t.events_.size());
  for (size_t p = 0; p < t.places_.size(); ++p) {
    const auto begin = t.events_.begin() + t.placeBegin_[p], end = t.events_.begin() + t.placeBegin_[p + 1];
    if (!std::is_sorted(begin, end, byDate)) std::stable_sort(begin, end, byDate);
  }
  for (const Event& e : t.events_) {
    t.days_.push_back(e.date.days());
    t.eventDates_.push_back(e.date);
  }
  std::sort(t.eventDates_.begin(), t.eventDates_.end());
  t.eventDates_.erase(std::unique(t.eventDates_.begin(), t.eventDates_.end()), t.eventDates_.end());
  t.eventDates_.shrink_to_fit();
  t.bindPlaces();
  return t;
}

Timeline::Timeline(const Timeline& other)
    : events_(other.events_),
      places_(other.places_),
      days_(other.days_),
      placeBegin_(other.placeBegin_),
      eventDates_(other.eventDates_),
      transitionDays_(other.transitionDays_) {
  bindPlaces();
}

Timeline& Timeline::operator=(const Timeline& other) {
  if (this != &other) *this = Timeline(other);
  return *this;
}

void Timeline::bindPlaces() {
  for (size_t p = 0; p < places_.size(); ++p)
    places_[p].events = std::span<const Event>(events_.data() + placeBegin_[p], placeBegin_[p + 1] - placeBegin_[p]);
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
    if (!e.placeName.empty()) ++spellings[e.placeName.str()];
  std::string best = name;
  size_t count = 0;
  for (const auto& [spelling, n] : spellings)
    if (n > count) count = n, best = spelling;
  return best;
}

Date Timeline::first() const { return eventDates_.empty() ? Date() : eventDates_.front(); }
Date Timeline::last() const { return eventDates_.empty() ? Date() : eventDates_.back(); }

}  // namespace frontline
