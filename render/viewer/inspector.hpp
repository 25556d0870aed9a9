// Inspecting places: hovering one shows its name, who holds it and since when; clicking opens its
// history (every reported change with date, controller, status, confidence, source, quote and
// link). Reports with low confidence or dated only to the month are marked, in the history and,
// with badges, on the map. Draws with ImGui.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "geo/gis/control_frame.hpp"
#include "geo/gis/geometry.hpp"
#include "geo/model/dataset.hpp"

namespace frontline {

class Inspector {
 public:
  // labels: the name the map shows for each place id (the reports' usual spelling, e.g. Raqqa
  // rather than the gazetteer's Ar Raqqah); places missing from it show their gazetteer name.
  Inspector(const Dataset* dataset, std::unordered_map<std::string, std::string> labels)
      : dataset_(dataset), labels_(std::move(labels)) {}

  const std::string& nameOf(const PlaceTrack& place) const;
  // The place the map labels `name` (any case), or null.
  const PlaceTrack* findByName(const std::string& name) const;

  // The dataset place drawn nearest to `point` (map pixels) within `radius` pixels, by the
  // positions MapRenderer::placePositions() reports; null when none.
  const PlaceTrack* placeAt(const std::unordered_map<std::string, Vec2>& positions, Vec2 point, float radius) const;

  void select(const PlaceTrack* place) {
    selected_ = place;
    scrollToCurrent_ = place != nullptr;
  }
  const PlaceTrack* selected() const { return selected_; }

  // The hovered place's tooltip at the frame's time.
  void drawTooltip(const PlaceTrack& place, const ControlFrame& frame, bool colourBlind) const;
  // The selected place's history window (closing it clears the selection). Returns a date when
  // the user asked to see the map on one of the rows' dates.
  std::optional<Date> drawHistory(double currentDay, bool colourBlind, float screenWidth, float screenHeight);
  // '?' (low confidence) and '~' (month only) badges by the places whose report in force is
  // uncertain, over the map (background draw list); `offset` moves map pixels to screen pixels.
  void drawUncertaintyMarks(const ControlFrame& frame, const std::unordered_map<std::string, Vec2>& positions,
                            Vec2 offset, float scale) const;

 private:
  const Dataset* dataset_;
  std::unordered_map<std::string, std::string> labels_;
  const PlaceTrack* selected_ = nullptr;
  bool scrollToCurrent_ = false;  // bring the report in force into view once the history opens
};

}  // namespace frontline
