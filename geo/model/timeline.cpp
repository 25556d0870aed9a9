#include "geo/model/timeline.hpp"

#include <algorithm>
#include <unordered_map>

namespace frontline {

Timeline Timeline::build(std::vector<Event> events, double transitionDays) {
  Timeline t;
  t.transitionDays_ = std::max(0.0, transitionDays);
  std::unordered_map<std::string, size_t> index;
  for (Event& e : events) {
    auto [it, added] = index.emplace(e.placeId, t.places_.size());
    if (added) {
      PlaceTrack track;
      track.id = e.placeId;
      track.name = e.canonicalName.empty() ? e.placeName : e.canonicalName;
      track.lat = e.lat;
      track.lon = e.lon;
      track.country = e.country;
      t.places_.push_back(std::move(track));
    }
    t.eventDates_.push_back(e.date);
    t.places_[it->second].events.push_back(std::move(e));
  }
  for (PlaceTrack& p : t.places_)
    std::stable_sort(p.events.begin(), p.events.end(), [](const Event& a, const Event& b) { return a.date < b.date; });
  std::sort(t.eventDates_.begin(), t.eventDates_.end());
  t.eventDates_.erase(std::unique(t.eventDates_.begin(), t.eventDates_.end()), t.eventDates_.end());
  return t;
}

std::vector<PlaceState> Timeline::controlAt(Date date, double dayFraction) const {
  std::vector<PlaceState> states;
  states.reserve(places_.size());
  const double now = date.days() + dayFraction;
  for (const PlaceTrack& p : places_) {
    // The first event after `date`; the one before it is current.
    auto after = std::upper_bound(p.events.begin(), p.events.end(), date,
                                  [](const Date& d, const Event& e) { return d < e.date; });
    if (after == p.events.begin()) continue;
    PlaceState s;
    s.place = &p;
    s.current = &*(after - 1);
    if (after - 1 != p.events.begin()) s.previous = &*(after - 2);
    if (transitionDays_ > 0) s.transition = std::clamp((now - s.current->date.days()) / transitionDays_, 0.0, 1.0);
    states.push_back(s);
  }
  return states;
}

size_t Timeline::intervalAt(Date date) const {
  return static_cast<size_t>(std::upper_bound(eventDates_.begin(), eventDates_.end(), date) - eventDates_.begin());
}

Date Timeline::first() const { return eventDates_.empty() ? Date() : eventDates_.front(); }
Date Timeline::last() const { return eventDates_.empty() ? Date() : eventDates_.back(); }

}  // namespace frontline
