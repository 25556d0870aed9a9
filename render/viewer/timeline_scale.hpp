// The arithmetic behind the timeline widget: map time <-> pixels along the bar, the density strip
// (events per bin), and which event ticks are marked uncertain. Pure; the widget draws with ImGui.
#pragma once

#include <cstdint>
#include <vector>

#include "geo/model/timeline.hpp"

namespace frontline {

struct TimelineScale {
  double first = 0, last = 1;  // day numbers at the two ends
  float x0 = 0, x1 = 1;        // pixels

  float xOf(double day) const;
  double dayAt(float x) const;  // clamped into first .. last
};

// One tick per event date: how many events, and whether any is low-confidence or only dated to
// the month (the widget marks those).
struct EventTick {
  int32_t day = 0;
  int count = 0;
  bool lowConfidence = false;
  bool monthPrecision = false;
};
std::vector<EventTick> eventTicks(const Timeline& timeline);

// Events per bin: `bins` equal spans of first .. last (inclusive); events outside are not counted.
std::vector<int> eventDensity(const std::vector<EventTick>& ticks, double first, double last, int bins);

// Years whose 1 January falls inside first .. last, for labels under the bar.
std::vector<int> yearsInRange(double first, double last);

}  // namespace frontline
