// The "Layers and style" section of the viewer's side panel: which map layers are drawn, the theme
// (standard or high-contrast projector), the colour-blind-safe palette, and the viewer's own marks
// for uncertain events. Draws with ImGui into the current window.
#pragma once

#include "render/map_renderer.hpp"
#include "render/map_style.hpp"

namespace frontline {

enum class Theme { Standard, Projector };

struct DisplaySettings {
  LayerVisibility layers;
  Theme theme = Theme::Standard;
  bool colourBlind = false;
  bool uncertaintyMarks = true;  // badges on places whose current report is uncertain (viewer only)

  MapStyle style() const;  // the MapStyle for theme and palette
  bool operator==(const DisplaySettings&) const = default;
};

// Draws the section's widgets; returns true when anything changed.
bool drawLayersPanel(DisplaySettings& settings);

}  // namespace frontline
