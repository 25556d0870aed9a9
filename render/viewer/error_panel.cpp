#include "render/viewer/error_panel.hpp"

#include <imgui.h>

#include <algorithm>

namespace frontline {

void ErrorPanel::add(ViewerProblem problem) {
  if (problem.error) {
    ++errors_;
    open = true;
  }
  problems_.push_back(std::move(problem));
}

void ErrorPanel::draw(float width, float height) {
  if (!open || problems_.empty()) return;
  const float w = std::min(760.0f, width - 40);
  ImGui::SetNextWindowPos(ImVec2((width - w) / 2, 90), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(w, std::min(360.0f, height * 0.5f)), ImGuiCond_Appearing);
  ImGui::PushStyleColor(ImGuiCol_TitleBgActive, ImVec4(0.70f, 0.16f, 0.16f, 1));
  ImGui::PushStyleColor(ImGuiCol_TitleBg, ImVec4(0.60f, 0.20f, 0.20f, 1));
  char title[96];
  std::snprintf(title, sizeof title, "Problems: %zu error%s, %zu warning%s###problems", errors_, errors_ == 1 ? "" : "s",
                warnings(), warnings() == 1 ? "" : "s");
  if (ImGui::Begin(title, &open)) {
    if (errors_ > 0)
      ImGui::TextWrapped("The map shows what could be read; the rows and files below were left out. "
                         "Fix them and open the viewer again ('frontline check' lists them too).");
    if (ImGui::Button("Copy all")) {
      std::string all;
      for (const ViewerProblem& p : problems_)
        all += (p.where.empty() ? "" : p.where + ": ") + (p.error ? "" : "warning: ") + p.what + "\n";
      ImGui::SetClipboardText(all.c_str());
    }
    ImGui::Separator();
    ImGui::BeginChild("list");
    for (const ViewerProblem& p : problems_) {
      const ImVec4 colour = p.error ? ImVec4(0.75f, 0.1f, 0.1f, 1) : ImVec4(0.6f, 0.42f, 0.0f, 1);
      ImGui::TextColored(colour, "%s", p.error ? "error" : "warning");
      ImGui::SameLine();
      if (!p.where.empty()) {
        ImGui::TextDisabled("%s", p.where.c_str());
        ImGui::SameLine();
      }
      ImGui::TextWrapped("%s", p.what.c_str());
    }
    ImGui::EndChild();
  }
  ImGui::End();
  ImGui::PopStyleColor(2);
}

}  // namespace frontline
