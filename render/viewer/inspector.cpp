#include "render/viewer/inspector.hpp"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "render/control_frame.hpp"

namespace frontline {
namespace {

const ImVec4 kLowConfidence(0.85f, 0.42f, 0.0f, 1);
const ImVec4 kMonthOnly(0.45f, 0.25f, 0.65f, 1);

ImVec4 toImGui(const Rgba& c) { return ImVec4(c.r, c.g, c.b, 1); }

std::string actorName(const Dataset& dataset, const std::string& id) {
  const Actor* a = dataset.actor(id);
  return a ? a->name : id;
}

void swatch(const Dataset& dataset, const std::string& actor, bool colourBlind) {
  const float size = ImGui::GetTextLineHeight() * 0.8f;
  ImGui::ColorButton("##swatch", toImGui(actorColor(dataset, actor, colourBlind)),
                     ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoBorder, ImVec2(size, size));
  ImGui::SameLine();
}

void uncertaintyTags(const Event& e) {
  if (e.confidence == Confidence::Low) {
    ImGui::SameLine();
    ImGui::TextColored(kLowConfidence, "[? low confidence]");
  }
  if (e.date.precision() == DatePrecision::Month) {
    ImGui::SameLine();
    ImGui::TextColored(kMonthOnly, "[~ month only]");
  }
}

}  // namespace

const std::string& Inspector::nameOf(const PlaceTrack& place) const {
  auto it = labels_.find(place.id);
  return it != labels_.end() && !it->second.empty() ? it->second : place.name;
}

const PlaceTrack* Inspector::findByName(const std::string& name) const {
  if (!dataset_) return nullptr;
  auto same = [](const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
  };
  for (const PlaceTrack& p : dataset_->timeline.places())
    if (same(nameOf(p), name)) return &p;
  for (const PlaceTrack& p : dataset_->timeline.places())
    if (same(p.name, name)) return &p;
  return nullptr;
}

const PlaceTrack* Inspector::placeAt(const std::unordered_map<std::string, Vec2>& positions, Vec2 point,
                                     float radius) const {
  if (!dataset_) return nullptr;
  const std::string* best = nullptr;
  double bestDistance = radius;
  for (const auto& [id, p] : positions) {
    const double d = std::hypot(p.x - point.x, p.y - point.y);
    if (d <= bestDistance) bestDistance = d, best = &id;
  }
  if (!best) return nullptr;
  for (const PlaceTrack& place : dataset_->timeline.places())
    if (place.id == *best) return &place;
  return nullptr;
}

void Inspector::drawTooltip(const PlaceTrack& place, const ControlFrame& frame, bool colourBlind) const {
  if (!dataset_) return;
  const PlaceState* state = nullptr;
  for (const PlaceState& s : frame.states)
    if (s.place == &place) state = &s;
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(nameOf(place).c_str());
  if (!state || !state->current) {
    ImGui::TextDisabled("no report yet at this date");
  } else {
    const Event& e = *state->current;
    swatch(*dataset_, e.controller, colourBlind);
    ImGui::Text("%s", actorName(*dataset_, e.controller).c_str());
    if (e.status != ControlStatus::Control) {
      ImGui::SameLine();
      ImGui::TextDisabled("(%s)", statusName(e.status));
    }
    ImGui::TextDisabled("since %s", e.date.display().c_str());
    uncertaintyTags(e);
    if (state->changing())
      ImGui::TextDisabled("changing hands from %s", actorName(*dataset_, state->previous->controller).c_str());
  }
  ImGui::TextDisabled("%zu report%s; click for the history", place.events.size(), place.events.size() == 1 ? "" : "s");
  ImGui::EndTooltip();
}

std::optional<Date> Inspector::drawHistory(double currentDay, bool colourBlind, float screenWidth, float screenHeight) {
  if (!selected_ || !dataset_) return std::nullopt;
  std::optional<Date> goTo;
  const PlaceTrack& place = *selected_;
  const float w = std::min(880.0f, screenWidth * 0.6f);
  ImGui::SetNextWindowPos(ImVec2(screenWidth - w - 20, 60), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(w, std::min(560.0f, screenHeight * 0.6f)), ImGuiCond_Appearing);
  bool open = true;
  const std::string title = "History: " + nameOf(place) + "###history";
  if (ImGui::Begin(title.c_str(), &open)) {
    ImGui::TextDisabled("%s%s%.4f N, %.4f E  %s  (%s)  %zu reports", place.name != nameOf(place) ? place.name.c_str() : "",
                        place.name != nameOf(place) ? " in the gazetteer  \xC2\xB7  " : "", place.lat, place.lon,
                        place.country.c_str(), place.id.c_str(), place.events.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##events", 4, flags)) {
      ImGui::TableSetupScrollFreeze(0, 1);
      ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_WidthStretch, 0.9f);
      ImGui::TableSetupColumn("Controller and status", ImGuiTableColumnFlags_WidthStretch, 1.2f);
      ImGui::TableSetupColumn("Confidence", ImGuiTableColumnFlags_WidthStretch, 0.6f);
      ImGui::TableSetupColumn("Source", ImGuiTableColumnFlags_WidthStretch, 2.6f);
      ImGui::TableHeadersRow();
      // The report in force at the current time is highlighted.
      const Event* inForce = nullptr;
      for (const Event& e : place.events)
        if (e.date.days() <= currentDay) inForce = &e;
      int row = 0;
      for (const Event& e : place.events) {
        ImGui::PushID(row++);
        ImGui::TableNextRow();
        if (&e == inForce) {
          ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, IM_COL32(255, 236, 170, 255));
          if (scrollToCurrent_) {
            ImGui::SetScrollHereY(0.5f);
            scrollToCurrent_ = false;
          }
        }
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(e.date.display().c_str());
        if (e.date.precision() == DatePrecision::Month) ImGui::TextColored(kMonthOnly, "~ month only");
        if (ImGui::SmallButton("Show")) goTo = e.date;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the map on this date");
        if (!e.where.file.empty()) {
          ImGui::SameLine();
          ImGui::TextDisabled("row %d", e.where.row);
          if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.where.text().c_str());
        }

        ImGui::TableSetColumnIndex(1);
        swatch(*dataset_, e.controller, colourBlind);
        ImGui::TextWrapped("%s", actorName(*dataset_, e.controller).c_str());
        ImGui::TextDisabled("%s", statusName(e.status));
        if (!e.placeName.empty() && e.placeName != nameOf(place)) ImGui::TextDisabled("reported as \"%s\"", e.placeName.c_str());

        ImGui::TableSetColumnIndex(2);
        if (e.confidence == Confidence::Low) ImGui::TextColored(kLowConfidence, "? low");
        else ImGui::TextUnformatted(confidenceName(e.confidence));

        ImGui::TableSetColumnIndex(3);
        ImGui::TextWrapped("%s", e.source.empty() ? "(no source given)" : e.source.c_str());
        if (!e.quote.empty()) {
          ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.25f, 0.3f, 0.4f, 1));
          ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", e.quote.c_str());
          ImGui::PopStyleColor();
        }
        if (!e.notes.empty()) {
          ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
          ImGui::TextWrapped("%s", e.notes.c_str());
          ImGui::PopStyleColor();
        }
        if (!e.url.empty()) {
          if (ImGui::SmallButton("Open link")) SDL_OpenURL(e.url.c_str());
          ImGui::SameLine();
          if (ImGui::SmallButton("Copy link")) ImGui::SetClipboardText(e.url.c_str());
          ImGui::SameLine();
          ImGui::TextDisabled("%s", e.url.c_str());
          if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.url.c_str());
        }
        ImGui::PopID();
      }
      ImGui::EndTable();
    }
  }
  ImGui::End();
  if (!open) selected_ = nullptr;
  return goTo;
}

void Inspector::drawUncertaintyMarks(const ControlFrame& frame, const std::unordered_map<std::string, Vec2>& positions,
                                     Vec2 offset, float scale) const {
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const float r = 7.0f * scale;
  for (const PlaceState& s : frame.states) {
    if (!s.current || !s.place) continue;
    const bool low = s.current->confidence == Confidence::Low;
    const bool month = s.current->date.precision() == DatePrecision::Month;
    if (!low && !month) continue;
    auto it = positions.find(s.place->id);
    if (it == positions.end()) continue;
    const ImVec2 c(static_cast<float>(it->second.x + offset.x) - 10 * scale,
                   static_cast<float>(it->second.y + offset.y) - 10 * scale);
    if (low) {  // an orange disc with a '?'
      draw->AddCircleFilled(c, r, ImGui::GetColorU32(kLowConfidence));
      draw->AddCircle(c, r, IM_COL32(255, 255, 255, 255), 0, 1.5f);
      const ImVec2 size = ImGui::CalcTextSize("?");
      draw->AddText(ImVec2(c.x - size.x / 2, c.y - size.y / 2), IM_COL32(255, 255, 255, 255), "?");
    } else {  // month-only dates are common (the 2014 context rows): a quiet '~' only
      const ImVec2 size = ImGui::CalcTextSize("~");
      const ImVec2 at(c.x - size.x / 2, c.y - size.y / 2);
      for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
        draw->AddText(ImVec2(at.x + d.x, at.y + d.y), IM_COL32(255, 255, 255, 200), "~");
      draw->AddText(at, ImGui::GetColorU32(kMonthOnly), "~");
    }
  }
}

}  // namespace frontline
