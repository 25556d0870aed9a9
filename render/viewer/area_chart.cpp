#include "render/viewer/area_chart.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "render/control_frame.hpp"

namespace frontline {
namespace {

ImU32 toImU32(const Rgba& c) { return ImGui::GetColorU32(ImVec4(c.r, c.g, c.b, 1)); }

std::string actorName(const Dataset& dataset, const std::string& id) {
  const Actor* a = dataset.actor(id);
  return a ? a->name : id;
}

// "1.2 million km²", "35,400 km²", "820 km²".
std::string formatKm2(double km2) {
  char text[64];
  const long rounded = std::lround(km2);
  if (rounded >= 1000) std::snprintf(text, sizeof text, "%ld,%03ld km\xC2\xB2", rounded / 1000, rounded % 1000);
  else std::snprintf(text, sizeof text, "%ld km\xC2\xB2", rounded);
  return text;
}

// An axis label in thousands of km²: "0", "20k", "2.5k".
std::string formatThousands(double km2) {
  char text[32];
  const double k = km2 / 1000;
  if (k == 0) std::snprintf(text, sizeof text, "0");
  else if (std::abs(k - std::round(k)) < 1e-9) std::snprintf(text, sizeof text, "%.0fk", k);
  else std::snprintf(text, sizeof text, "%.1fk", k);
  return text;
}

}  // namespace

void AreaChart::draw(const AreaSeries& series, const Dataset& dataset, bool colourBlind,
                     const std::optional<TimelineScale>& axis, double currentDay, float x, float y, float width,
                     float height) {
  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground |
                                 ImGuiWindowFlags_NoFocusOnAppearing;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 0));
  if (!ImGui::Begin("##areachart", nullptr, flags) || series.dates().empty()) {
    ImGui::End();
    ImGui::PopStyleVar(2);
    return;
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float boxWidth = ImGui::GetContentRegionAvail().x, boxHeight = std::max(20.0f, height - 8);
  ImGui::InvisibleButton("##areachartbox", ImVec2(boxWidth, boxHeight));
  const bool hovered = ImGui::IsItemHovered();

  TimelineScale scale = axis ? *axis
                             : TimelineScale{static_cast<double>(series.dates().front().days()),
                                             static_cast<double>(series.dates().back().days()), origin.x + 8,
                                             origin.x + boxWidth - 8};
  const float lineHeight = ImGui::GetTextLineHeight();
  const float top = origin.y + lineHeight + 4, bottom = origin.y + boxHeight - 6;
  drawnScale_ = scale;
  drawnMiddleY_ = (top + bottom) / 2;
  draw->AddRectFilled(origin, ImVec2(origin.x + boxWidth, origin.y + boxHeight), IM_COL32(255, 255, 255, 255), 4);

  // Gridlines in thousands of km², labelled at their left end.
  const double maxKm2 = series.maxKm2() > 0 ? series.maxKm2() : 1000;
  // As many labelled gridlines as fit without their labels touching (at least one).
  const int ticks = std::max(1, static_cast<int>((bottom - top) / (lineHeight * 1.6f)));
  const double axisMax = maxKm2 * 1.06;
  double step = niceStep(maxKm2, ticks);
  while (step > maxKm2) {  // at least one labelled line: the next smaller 1, 2, 5 step
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
    step *= mantissa > 4.5 ? 0.4 : 0.5;
  }
  auto yOf = [&](double km2) { return bottom - static_cast<float>(km2 / axisMax) * (bottom - top); };
  const ImU32 grid = IM_COL32(215, 215, 215, 255), label = IM_COL32(110, 110, 110, 255);
  for (double v = 0; v <= axisMax; v += step) {
    const float gy = std::round(yOf(v)) + 0.5f;
    draw->AddLine(ImVec2(scale.x0, gy), ImVec2(scale.x1, gy), grid);
  }
  const char* title = "Area held, thousand km\xC2\xB2 (hover for figures)";
  draw->AddText(ImVec2(scale.x0 + 3, origin.y + 2), IM_COL32(60, 60, 60, 255), title);
  if (!series.complete()) {
    char progress[64];
    std::snprintf(progress, sizeof progress, "computing %zu / %zu dates", series.computed(), series.dates().size());
    const float w = ImGui::CalcTextSize(progress).x;
    draw->AddText(ImVec2(scale.x1 - w - 3, origin.y + 2), label, progress);
  } else if (!series.error().empty()) {
    const std::string text = "stopped: " + series.error();
    draw->AddText(ImVec2(scale.x1 - ImGui::CalcTextSize(text.c_str()).x - 3, origin.y + 2), IM_COL32(190, 60, 40, 255),
                  text.c_str());
  }

  // One line per controller through the computed samples.
  draw->PushClipRect(ImVec2(scale.x0 - 1, top - 2), ImVec2(scale.x1 + 1, bottom + 2), true);
  std::vector<ImVec2> points;
  for (size_t c = 0; c < series.controllers().size(); ++c) {
    points.clear();
    for (size_t i = 0; i < series.dates().size(); ++i) {
      if (!series.has(i)) continue;
      points.push_back(ImVec2(scale.xOf(series.dates()[i].days()), yOf(series.km2(i, c))));
    }
    if (points.size() < 2) continue;
    const ImU32 colour = toImU32(actorColor(dataset, series.controllers()[c], colourBlind));
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_None, 2.0f);
  }
  draw->PopClipRect();
  // Gridline labels just under their lines, over the lines on a white ground, clear of the title.
  for (double v = step; v <= axisMax; v += step) {
    const std::string text = formatThousands(v);
    const ImVec2 at(scale.x0 + 3, std::round(yOf(v)) + 1);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    draw->AddRectFilled(at, ImVec2(at.x + size.x + 2, at.y + size.y), IM_COL32(255, 255, 255, 210));
    draw->AddText(ImVec2(at.x + 1, at.y), label, text.c_str());
  }

  // The current date.
  const float cx = std::round(scale.xOf(currentDay)) + 0.5f;
  draw->AddLine(ImVec2(cx, top - 2), ImVec2(cx, bottom), IM_COL32(30, 30, 30, 255), 1.5f);

  // Hover: the nearest computed sample's date and figures.
  if (hovered) {
    const float mx = ImGui::GetIO().MousePos.x;
    if (auto i = series.nearestComputed(scale.dayAt(mx))) {
      const float hx = std::round(scale.xOf(series.dates()[*i].days())) + 0.5f;
      draw->AddLine(ImVec2(hx, top - 2), ImVec2(hx, bottom), IM_COL32(120, 120, 120, 255));
      std::vector<size_t> order(series.controllers().size());
      std::iota(order.begin(), order.end(), size_t{0});
      std::stable_sort(order.begin(), order.end(),
                       [&](size_t a, size_t b) { return series.km2(*i, a) > series.km2(*i, b); });
      ImGui::BeginTooltip();
      ImGui::TextUnformatted(series.dates()[*i].iso().c_str());
      for (size_t c : order) {
        const double km2 = series.km2(*i, c);
        if (km2 <= 0) continue;
        const Rgba colour = actorColor(dataset, series.controllers()[c], colourBlind);
        const float size = ImGui::GetTextLineHeight() * 0.8f;
        ImGui::ColorButton("##swatch", ImVec4(colour.r, colour.g, colour.b, 1),
                           ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoBorder, ImVec2(size, size));
        ImGui::SameLine();
        ImGui::Text("%s: %s", actorName(dataset, series.controllers()[c]).c_str(), formatKm2(km2).c_str());
      }
      ImGui::EndTooltip();
    }
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
}

std::optional<std::pair<float, float>> AreaChart::pointFor(double day) const {
  if (!drawnScale_) return std::nullopt;
  const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
  return std::make_pair(std::round(drawnScale_->xOf(day)) * scale.x, std::round(drawnMiddleY_) * scale.y);
}

}  // namespace frontline
