#include "render/viewer/presentation_overlay.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace frontline {

void drawSlideOverlay(const Story& story, size_t index, ImGuiLayer& ui, float width, float height, float legendRight) {
  if (index >= story.slides.size()) return;
  const Slide& slide = story.slides[index];
  const float margin = std::max(16.0f, width * 0.012f);
  const float left = std::max(legendRight + margin, width * 0.22f);
  const float panelWidth = std::max(200.0f, width - left - margin);
  const float bottom = height - margin - 26.0f * height / 1080.0f;  // above the attribution line

  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoInputs |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
  ImGui::SetNextWindowPos(ImVec2(left, bottom), ImGuiCond_Always, ImVec2(0, 1));
  ImGui::SetNextWindowSizeConstraints(ImVec2(panelWidth, 0), ImVec2(panelWidth, height * 0.45f));
  ImGui::SetNextWindowBgAlpha(0.9f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(22, 16));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6);
  if (ImGui::Begin("##slide", nullptr, flags)) {
    ImGui::PushTextWrapPos(panelWidth - 22);
    if (!slide.title.empty()) {
      ui.pushFont(UiFont::SlideTitle);
      ImGui::TextColored(ImVec4(0.11f, 0.15f, 0.19f, 1), "%s", slide.title.c_str());
      ImGui::PopFont();
    }
    if (!slide.caption.empty()) {
      ui.pushFont(UiFont::SlideText);
      ImGui::TextUnformatted(slide.caption.c_str());
      ImGui::PopFont();
    }
    if (!slide.sources.empty()) {
      ImGui::Spacing();
      std::string sources = slide.sources.size() == 1 ? "Source: " : "Sources: ";
      for (size_t i = 0; i < slide.sources.size(); ++i) sources += (i ? " \xC2\xB7 " : "") + slide.sources[i];
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.35f, 0.35f, 0.35f, 1));
      ImGui::TextUnformatted(sources.c_str());
      ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
  }
  ImGui::End();

  // Slide counter, top right: "3 / 12".
  char counter[32];
  std::snprintf(counter, sizeof counter, "%zu / %zu", index + 1, story.slides.size());
  ui.pushFont(UiFont::SlideText);
  const ImVec2 size = ImGui::CalcTextSize(counter);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  const ImVec2 at(width - margin - size.x - 16, margin);
  draw->AddRectFilled(at, ImVec2(at.x + size.x + 16, at.y + size.y + 8), IM_COL32(255, 255, 255, 220), 6);
  draw->AddText(ImVec2(at.x + 8, at.y + 4), IM_COL32(40, 40, 40, 255), counter);
  ImGui::PopFont();
  ImGui::PopStyleVar(2);
}

}  // namespace frontline
