// The area chart under the time bar: land held per controller over the dataset's range (one line
// per controller in its actor's colour, km² on the ellipsoid), a vertical line at the current
// date, y-axis gridlines labelled in thousands of km², and a tooltip on hover with the sample's
// date and each controller's area. Its x axis is the timeline's, so the current-date line sits
// under the playhead. Shows a partial series while it is being computed. Draws with ImGui.
#pragma once

#include <optional>
#include <utility>

#include "geo/model/dataset.hpp"
#include "render/viewer/area_series.hpp"
#include "render/viewer/timeline_scale.hpp"

namespace frontline {

class AreaChart {
 public:
  // The chart's height in a window of this height (drawable pixels).
  static float heightFor(float windowHeight) { return windowHeight < 640 ? 76.0f : windowHeight < 1000 ? 104.0f : 124.0f; }

  // Draws into a borderless window at (x, y), width x height. `axis`: the timeline's scale as last
  // drawn (none: the chart makes its own from the series' dates). `currentDay`: the map's date.
  void draw(const AreaSeries& series, const Dataset& dataset, bool colourBlind, const std::optional<TimelineScale>& axis,
            double currentDay, float x, float y, float width, float height);

  // Where a pointer shows `day` inside the plot (as last drawn), for scripts that hover it.
  std::optional<std::pair<float, float>> pointFor(double day) const;

 private:
  std::optional<TimelineScale> drawnScale_;
  float drawnMiddleY_ = 0;
};

}  // namespace frontline
