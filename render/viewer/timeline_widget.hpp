// The time bar along the bottom of the viewer: play/pause, speed, loop, steps (event, day, week,
// month), exact date entry, the current date in large type, and the timeline itself: a density
// strip of events, a tick per event date (orange: a low-confidence report that day; pale: a report
// dated only to the month), year marks and the playhead. Dragging on it scrubs. Draws with ImGui.
#pragma once

#include <map>
#include <optional>
#include <utility>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/model/dataset.hpp"
#include "render/viewer/imgui_layer.hpp"
#include "render/viewer/playback.hpp"
#include "render/viewer/timeline_scale.hpp"

namespace frontline {

class TimelineBar {
 public:
  // `dataset` may be null (no dataset: the bar only moves the date). labels: the names the map
  // shows for place ids (for the event tooltips).
  TimelineBar(const Dataset* dataset, std::unordered_map<std::string, std::string> labels);

  // The bar's height at this UI scale.
  static float heightFor(float uiScale) { return 118.0f * uiScale; }

  // Draws into a borderless window at (x, y), width x height, screen pixels. Acts on `playback`
  // directly (scrubbing pauses playing while the pointer is down, and resumes it after).
  void draw(Playback& playback, ImGuiLayer& ui, float x, float y, float width, float height);

  bool scrubbing() const { return scrubbing_; }
  // Where on screen the track shows `day` (as last drawn), for scripts that drag along it.
  std::optional<std::pair<float, float>> pointFor(double day) const;
  void focusDateEntry() { focusDate_ = true; }
  // The track's day <-> x mapping as last drawn (ImGui coordinates), for the area chart under it.
  const std::optional<TimelineScale>& drawnScale() const { return drawnScale_; }

 private:
  void drawControls(Playback& playback, ImGuiLayer& ui, float width);
  void drawTrack(Playback& playback, float width, float height);
  void eventTooltip(int32_t day) const;

  struct DayEvent {
    const PlaceTrack* place;
    const Event* event;
  };
  const Dataset* dataset_;
  std::unordered_map<std::string, std::string> labels_;
  std::vector<EventTick> ticks_;
  std::map<int32_t, std::vector<DayEvent>> byDay_;
  std::string dateText_;
  std::string dateError_;
  bool focusDate_ = false;
  bool scrubbing_ = false, resumeAfterScrub_ = false;
  std::optional<TimelineScale> drawnScale_;
  float drawnTrackY_ = 0;
};

}  // namespace frontline
