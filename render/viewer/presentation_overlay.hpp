// What presentation mode draws over the map: the slide's title, caption and sources in large type
// on a panel at the bottom (clear of the legend and the attribution), and the slide counter.
// Draws with ImGui; the slide sequence itself is StoryPlayer's.
#pragma once

#include "geo/model/story.hpp"
#include "render/viewer/imgui_layer.hpp"

namespace frontline {

// `legendRight`: pixels from the left edge that the map's legend may use (kept clear).
void drawSlideOverlay(const Story& story, size_t index, ImGuiLayer& ui, float width, float height, float legendRight);

}  // namespace frontline
