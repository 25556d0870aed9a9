// Who holds each place on any date. Events are grouped per place and sorted by date, so the
// state of one place at a date is a binary search: O(log n) per place.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "geo/model/event.hpp"

namespace frontline {

struct PlaceTrack {
  std::string id;           // Event::placeId
  std::string name;         // canonical name
  double lat = 0, lon = 0;
  std::string country;
  std::span<const Event> events;  // sorted by date (stable for equal dates: file order); in the Timeline

  // The spelling the reports use most (Raqqa rather than the gazetteer's Ar Raqqah); `name` if none.
  std::string reportedName() const;
};

struct PlaceState {
  const PlaceTrack* place = nullptr;
  const Event* current = nullptr;   // the latest event on or before the date
  const Event* previous = nullptr;  // the one before it, if any (the holder before the change)
  // 0 when `current` has just happened .. 1 once transitionDays have passed since it.
  double transition = 1;
  bool changing() const { return transition < 1 && previous && previous->controller != current->controller; }
};

class Timeline {
 public:
  Timeline() = default;
  // Copies point their places' events at their own copy of the events.
  Timeline(const Timeline& other);
  Timeline& operator=(const Timeline& other);
  Timeline(Timeline&&) noexcept = default;
  Timeline& operator=(Timeline&&) noexcept = default;

  // Groups events by placeId. transitionDays: how long a change takes to animate (0: instant).
  static Timeline build(std::vector<Event> events, double transitionDays);

  // States of every place that has an event on or before `date` (fractional days allowed: 0.5 is
  // noon), in the order of places().
  std::vector<PlaceState> controlAt(Date date, double dayFraction = 0) const;

  // Index of the interval `date` falls in: the number of distinct event dates on or before it.
  // Areas of control change only when this changes.
  size_t intervalAt(Date date) const;
  const std::vector<Date>& eventDates() const { return eventDates_; }  // distinct, sorted

  const std::vector<PlaceTrack>& places() const { return places_; }
  bool empty() const { return places_.empty(); }
  Date first() const;
  Date last() const;
  double transitionDays() const { return transitionDays_; }

 private:
  void bindPlaces();  // points each place's `events` at its range of events_

  // Every event once, place after place (one vector: per-place vectors held a second copy of a
  // million events while they were filled).
  std::vector<Event> events_;
  std::vector<PlaceTrack> places_;
  std::vector<int32_t> days_;          // the events' dates (Date::days), in the order of events_
  std::vector<uint32_t> placeBegin_;   // place k's events are events_[placeBegin_[k] .. placeBegin_[k + 1])
  std::vector<Date> eventDates_;
  double transitionDays_ = 0;
};

}  // namespace frontline
