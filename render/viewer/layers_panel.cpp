#include "render/viewer/layers_panel.hpp"

#include <imgui.h>

namespace frontline {

MapStyle DisplaySettings::style() const {
  MapStyle s = theme == Theme::Projector ? MapStyle::projector() : MapStyle::standard();
  s.colourBlindPalette = colourBlind;
  return s;
}

bool drawLayersPanel(DisplaySettings& settings) {
  bool changed = false;
  LayerVisibility& l = settings.layers;
  changed |= ImGui::Checkbox("Areas of control", &l.areas);
  changed |= ImGui::Checkbox("Place markers", &l.markers);
  changed |= ImGui::Checkbox("Town labels", &l.labels);
  changed |= ImGui::Checkbox("Rivers", &l.rivers);
  changed |= ImGui::Checkbox("Province lines", &l.provinces);
  changed |= ImGui::Checkbox("Mark uncertain reports", &settings.uncertaintyMarks);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("A '?' by places whose latest report has low confidence,\n"
                      "a '~' by those dated only to the month (viewer only; not exported)");
  ImGui::Spacing();
  int theme = static_cast<int>(settings.theme);
  const char* themes[] = {"Standard", "Projector (high contrast)"};
  ImGui::SetNextItemWidth(-1);
  if (ImGui::Combo("##theme", &theme, themes, 2)) {
    settings.theme = static_cast<Theme>(theme);
    changed = true;
  }
  changed |= ImGui::Checkbox("Colour-blind-safe palette (C)", &settings.colourBlind);
  return changed;
}

}  // namespace frontline
