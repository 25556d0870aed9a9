#include "render/viewer/timeline_scale.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace frontline {

float TimelineScale::xOf(double day) const {
  const double span = last - first;
  const double f = span > 0 ? (day - first) / span : 0;
  return x0 + static_cast<float>(f) * (x1 - x0);
}

double TimelineScale::dayAt(float x) const {
  const float width = x1 - x0;
  const double f = width > 0 ? std::clamp(static_cast<double>((x - x0) / width), 0.0, 1.0) : 0.0;
  return first + f * (last - first);
}

std::vector<EventTick> eventTicks(const Timeline& timeline) {
  std::map<int32_t, EventTick> byDay;
  for (const PlaceTrack& place : timeline.places())
    for (const Event& e : place.events) {
      EventTick& t = byDay[e.date.days()];
      t.day = e.date.days();
      ++t.count;
      t.lowConfidence = t.lowConfidence || e.confidence == Confidence::Low;
      t.monthPrecision = t.monthPrecision || e.date.precision() == DatePrecision::Month;
    }
  std::vector<EventTick> out;
  out.reserve(byDay.size());
  for (auto& [day, tick] : byDay) out.push_back(tick);
  return out;
}

std::vector<int> eventDensity(const std::vector<EventTick>& ticks, double first, double last, int bins) {
  std::vector<int> out(static_cast<size_t>(std::max(bins, 0)), 0);
  if (bins <= 0) return out;
  const double span = last - first;
  for (const EventTick& t : ticks) {
    if (t.day < first || t.day > last) continue;
    int bin = span > 0 ? static_cast<int>((t.day - first) / span * bins) : 0;
    bin = std::clamp(bin, 0, bins - 1);
    out[static_cast<size_t>(bin)] += t.count;
  }
  return out;
}

std::vector<int> yearsInRange(double first, double last) {
  std::vector<int> years;
  const Date a = Date::fromDays(static_cast<int32_t>(std::floor(first)));
  const Date b = Date::fromDays(static_cast<int32_t>(std::floor(last)));
  for (int y = a.year(); y <= b.year() + 1; ++y) {
    auto jan1 = Date::fromYmd(y, 1, 1);
    if (jan1 && jan1->days() >= first && jan1->days() <= last) years.push_back(y);
  }
  return years;
}

}  // namespace frontline
