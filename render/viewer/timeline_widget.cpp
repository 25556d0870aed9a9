#include "render/viewer/timeline_widget.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace frontline {
namespace {

enum class Icon { Play, Pause, PreviousEvent, NextEvent };

// A button with a drawn icon (the UI font has no arrow glyphs).
bool iconButton(const char* id, Icon icon, float size, const char* tooltip) {
  const bool pressed = ImGui::Button(id, ImVec2(size, size));
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 colour = ImGui::GetColorU32(ImGuiCol_Text);
  const float cx = (a.x + b.x) / 2, cy = (a.y + b.y) / 2, r = size * 0.26f;
  switch (icon) {
    case Icon::Play:
      draw->AddTriangleFilled(ImVec2(cx - r * 0.8f, cy - r), ImVec2(cx - r * 0.8f, cy + r), ImVec2(cx + r, cy), colour);
      break;
    case Icon::Pause:
      draw->AddRectFilled(ImVec2(cx - r * 0.85f, cy - r), ImVec2(cx - r * 0.25f, cy + r), colour);
      draw->AddRectFilled(ImVec2(cx + r * 0.25f, cy - r), ImVec2(cx + r * 0.85f, cy + r), colour);
      break;
    case Icon::PreviousEvent:
      draw->AddRectFilled(ImVec2(cx - r, cy - r), ImVec2(cx - r * 0.7f, cy + r), colour);
      draw->AddTriangleFilled(ImVec2(cx + r, cy - r), ImVec2(cx + r, cy + r), ImVec2(cx - r * 0.6f, cy), colour);
      break;
    case Icon::NextEvent:
      draw->AddTriangleFilled(ImVec2(cx - r, cy - r), ImVec2(cx - r, cy + r), ImVec2(cx + r * 0.6f, cy), colour);
      draw->AddRectFilled(ImVec2(cx + r * 0.7f, cy - r), ImVec2(cx + r, cy + r), colour);
      break;
  }
  return pressed;
}

bool stepButton(const char* label, const char* tooltip) {
  const bool pressed = ImGui::Button(label);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
  return pressed;
}

}  // namespace

TimelineBar::TimelineBar(const Dataset* dataset, std::unordered_map<std::string, std::string> labels)
    : dataset_(dataset), labels_(std::move(labels)) {
  if (!dataset_) return;
  ticks_ = eventTicks(dataset_->timeline);
  for (const PlaceTrack& place : dataset_->timeline.places())
    for (const Event& e : place.events) byDay_[e.date.days()].push_back({&place, &e});
}

void TimelineBar::draw(Playback& playback, ImGuiLayer& ui, float x, float y, float width, float height) {
  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::SetNextWindowSize(ImVec2(width, height));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                 ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground;
  // No background of its own: the window target clears the strip to the same grey, and a
  // full-width fill is a noticeable part of a frame on a software renderer.
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  if (ImGui::Begin("##timebar", nullptr, flags)) {
    drawControls(playback, ui, width);
    const float left = ImGui::GetContentRegionAvail().y;
    drawTrack(playback, ImGui::GetContentRegionAvail().x, left);
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

void TimelineBar::drawControls(Playback& playback, ImGuiLayer& ui, float width) {
  const float button = ImGui::GetFrameHeight();
  if (iconButton("##play", playback.playing() ? Icon::Pause : Icon::Play, button,
                 playback.playing() ? "Pause (Space)" : "Play (Space)"))
    playback.togglePlay();
  ImGui::SameLine();
  bool loop = playback.loop();
  if (ImGui::Checkbox("Loop", &loop)) playback.setLoop(loop);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Start again at the end (L)");
  ImGui::SameLine();
  float speed = static_cast<float>(playback.speed());
  ImGui::SetNextItemWidth(150 * button / 23);
  if (ImGui::SliderFloat("##speed", &speed, 1.0f, 365.0f, "%.0f days/s", ImGuiSliderFlags_Logarithmic))
    playback.setSpeed(speed);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playing speed: map days per second (S slower, F faster)");

  ImGui::SameLine(0, button);
  if (iconButton("##prevevent", Icon::PreviousEvent, button, "Previous event ([ or Page Up)")) playback.previousEvent();
  ImGui::SameLine();
  if (stepButton("-1m", "Back a month (Ctrl+,)")) playback.stepMonths(-1);
  ImGui::SameLine();
  if (stepButton("-1w", "Back a week (Shift+,)")) playback.stepDays(-7);
  ImGui::SameLine();
  if (stepButton("-1d", "Back a day (,)")) playback.stepDays(-1);
  ImGui::SameLine();
  if (stepButton("+1d", "Forward a day (.)")) playback.stepDays(1);
  ImGui::SameLine();
  if (stepButton("+1w", "Forward a week (Shift+.)")) playback.stepDays(7);
  ImGui::SameLine();
  if (stepButton("+1m", "Forward a month (Ctrl+.)")) playback.stepMonths(1);
  ImGui::SameLine();
  if (iconButton("##nextevent", Icon::NextEvent, button, "Next event (] or Page Down)")) playback.nextEvent();

  ImGui::SameLine(0, button);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Go to");
  ImGui::SameLine();
  if (focusDate_) {
    ImGui::SetKeyboardFocusHere();
    dateText_.clear();
    focusDate_ = false;
  }
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000-00-00__").x + ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::InputTextWithHint("##date", "YYYY-MM-DD", &dateText_, ImGuiInputTextFlags_EnterReturnsTrue)) {
    auto parsed = Date::parse(dateText_);
    if (!parsed) {
      dateError_ = "not a date";
    } else if (parsed->days() < playback.first() || parsed->days() > playback.last()) {
      dateError_ = "outside " + Date::fromDays(static_cast<int32_t>(playback.first())).iso() + " .. " +
                   Date::fromDays(static_cast<int32_t>(playback.last())).iso();
    } else {
      dateError_.clear();
      playback.seek(*parsed);
    }
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Type a date (YYYY-MM-DD or YYYY-MM) and press Enter (G)");
  if (!dateError_.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", dateError_.c_str());
  }

  // The current date, large, at the right end of the row.
  const std::string shown = playback.date().display();
  ui.pushFont(UiFont::Large);
  const float textWidth = ImGui::CalcTextSize(shown.c_str()).x;
  const float rowY = ImGui::GetCursorPosY();
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), width - textWidth - ImGui::GetStyle().WindowPadding.x));
  ImGui::SetCursorPosY(std::max(0.0f, ImGui::GetCursorPosY() - (ui.fontSize(UiFont::Large) - button) * 0.5f));
  ImGui::TextColored(ImVec4(0.61f, 0.13f, 0.15f, 1), "%s", shown.c_str());
  ImGui::PopFont();
  ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), rowY));
}

void TimelineBar::drawTrack(Playback& playback, float width, float height) {
  if (width < 20 || height < 20) return;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##timeline", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();

  const float pad = 8;
  TimelineScale scale{playback.first(), playback.last(), origin.x + pad, origin.x + width - pad};
  const float labelHeight = ImGui::GetTextLineHeight();
  const float stripTop = origin.y + 2, trackY = origin.y + height - labelHeight - 10;
  const float stripBottom = trackY - 8;
  drawnScale_ = scale;
  drawnTrackY_ = trackY;

  // Scrubbing: the map follows the pointer every frame; playing pauses while the pointer is down.
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  if (active) {
    if (!scrubbing_) {
      scrubbing_ = true;
      resumeAfterScrub_ = playback.playing();
      playback.pause();
    }
    // Whole days, and an event date when the pointer is within a few pixels of its tick: a
    // release lands on a date, and on the event the user aimed at.
    double day = std::round(scale.dayAt(mouse.x));
    float nearest = 4;
    for (const EventTick& t : ticks_) {
      const float d = std::abs(scale.xOf(t.day) - mouse.x);
      if (d < nearest) nearest = d, day = t.day;
    }
    playback.seek(day);
  } else if (scrubbing_) {
    scrubbing_ = false;
    if (resumeAfterScrub_) playback.play();
  }

  draw->AddRectFilled(ImVec2(origin.x, origin.y), ImVec2(origin.x + width, origin.y + height),
                      IM_COL32(255, 255, 255, 255), 4);
  // Density strip: events per bin of about 4 pixels.
  const int bins = std::max(1, static_cast<int>((scale.x1 - scale.x0) / 4));
  const std::vector<int> density = eventDensity(ticks_, scale.first, scale.last, bins);
  const int most = density.empty() ? 0 : *std::max_element(density.begin(), density.end());
  if (most > 0) {
    const float binWidth = (scale.x1 - scale.x0) / static_cast<float>(bins);
    for (int i = 0; i < bins; ++i) {
      if (density[static_cast<size_t>(i)] == 0) continue;
      const float share = std::sqrt(static_cast<float>(density[static_cast<size_t>(i)]) / static_cast<float>(most));
      const float top = stripBottom - share * (stripBottom - stripTop);
      draw->AddRectFilled(ImVec2(scale.x0 + binWidth * static_cast<float>(i), top),
                          ImVec2(scale.x0 + binWidth * static_cast<float>(i + 1) - 1, stripBottom),
                          IM_COL32(120, 150, 180, 200));
    }
  }
  // Track, year marks, event ticks.
  draw->AddLine(ImVec2(scale.x0, trackY), ImVec2(scale.x1, trackY), IM_COL32(90, 90, 90, 255), 2);
  for (int year : yearsInRange(scale.first, scale.last)) {
    auto jan1 = Date::fromYmd(year, 1, 1);
    const float x = scale.xOf(jan1->days());
    draw->AddLine(ImVec2(x, stripTop), ImVec2(x, trackY + 6), IM_COL32(0, 0, 0, 60), 1);
    char text[8];
    std::snprintf(text, sizeof text, "%d", year);
    draw->AddText(ImVec2(x + 3, trackY + 6), IM_COL32(60, 60, 60, 255), text);
  }
  for (const EventTick& t : ticks_) {
    if (t.day < scale.first || t.day > scale.last) continue;
    const float x = std::round(scale.xOf(t.day)) + 0.5f;
    ImU32 colour = IM_COL32(40, 50, 60, 255);
    if (t.monthPrecision) colour = IM_COL32(40, 50, 60, 110);
    if (t.lowConfidence) colour = IM_COL32(230, 120, 0, 255);
    draw->AddLine(ImVec2(x, trackY - 7), ImVec2(x, trackY + 1), colour, t.lowConfidence ? 2.0f : 1.0f);
  }
  // Playhead.
  const float px = scale.xOf(playback.time());
  draw->AddLine(ImVec2(px, stripTop), ImVec2(px, trackY + 4), IM_COL32(155, 34, 38, 255), 2.5f);
  draw->AddTriangleFilled(ImVec2(px - 7, trackY + 10), ImVec2(px + 7, trackY + 10), ImVec2(px, trackY + 2),
                          IM_COL32(155, 34, 38, 255));

  if (hovered && !active) {
    const double day = scale.dayAt(mouse.x);
    // The nearest event tick within a few pixels, else just the date under the pointer.
    int32_t nearest = 0;
    float best = 5;
    for (const EventTick& t : ticks_) {
      const float d = std::abs(scale.xOf(t.day) - mouse.x);
      if (d < best) best = d, nearest = t.day;
    }
    if (best < 5) eventTooltip(nearest);
    else ImGui::SetTooltip("%s", Date::fromDays(static_cast<int32_t>(std::floor(day))).display().c_str());
  }
}

std::optional<std::pair<float, float>> TimelineBar::pointFor(double day) const {
  if (!drawnScale_) return std::nullopt;
  const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
  // ImGui keeps the pointer on whole pixels: the pixel nearest to the day.
  return std::make_pair(std::round(drawnScale_->xOf(day)) * scale.x, std::round(drawnTrackY_ - 4) * scale.y);
}

void TimelineBar::eventTooltip(int32_t day) const {
  auto it = byDay_.find(day);
  if (it == byDay_.end()) return;
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(it->second.front().event->date.display().c_str());
  ImGui::Separator();
  size_t shown = 0;
  for (const DayEvent& e : it->second) {
    if (++shown > 8) {
      ImGui::TextDisabled("... and %zu more", it->second.size() - 8);
      break;
    }
    const Actor* actor = dataset_->actor(e.event->controller);
    auto label = labels_.find(e.place->id);
    const std::string& name = label != labels_.end() ? label->second : e.place->name;
    ImGui::Text("%s: %s (%s)%s%s", name.c_str(), actor ? actor->name.c_str() : e.event->controller.c_str(),
                statusName(e.event->status),
                e.event->confidence == Confidence::Low ? "  [low confidence]" : "",
                e.event->date.precision() == DatePrecision::Month ? "  [month only]" : "");
  }
  ImGui::EndTooltip();
}

}  // namespace frontline
