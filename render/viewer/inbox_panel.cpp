#include "render/viewer/inbox_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "render/viewer/article_text.hpp"

namespace frontline {
namespace {

const char* kEditable[] = {"date", "place", "controller", "status"};
const char* kStatuses[] = {"control", "contested", "besieged"};

ImVec4 stateColour(InboxProposal::State s) {
  switch (s) {
    case InboxProposal::State::Accepted: return {0.05f, 0.5f, 0.15f, 1};
    case InboxProposal::State::Rejected: return {0.6f, 0.1f, 0.1f, 1};
    default: return {0.35f, 0.35f, 0.4f, 1};
  }
}

struct Mark {
  size_t begin, end;
  ImU32 colour;
};

// Text laid out word by word (so that marked words can have a background), wrapped to `width`.
// [from, to) of `text` is drawn; words outside [strongFrom, strongTo) are dimmed. Without `draw`
// it only measures: returns the height it takes.
float layOutMarkedText(const std::string& text, size_t from, size_t to, size_t strongFrom, size_t strongTo,
                       const std::vector<Mark>& marks, float width, ImDrawList* draw) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float lineHeight = ImGui::GetTextLineHeightWithSpacing(), space = ImGui::CalcTextSize(" ").x;
  const ImU32 strong = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  float x = 0, y = 0;
  size_t i = from;
  while (i < to) {
    if (text[i] == '\n') {
      x = 0;
      y += lineHeight * (i + 1 < to && text[i + 1] == '\n' ? 1.5f : 1.0f);
      i += (i + 1 < to && text[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r') {
      x += space;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < to && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' && text[j] != '\r') ++j;
    const char* b = text.data() + i;
    const char* e = text.data() + j;
    const float w = ImGui::CalcTextSize(b, e).x;
    if (x > 0 && x + w > width) {
      x = 0;
      y += lineHeight;
    }
    const ImVec2 at(origin.x + x, origin.y + y);
    for (const Mark& m : marks)
      if (draw && i < m.end && j > m.begin)
        draw->AddRectFilled(ImVec2(at.x - 2, at.y - 1), ImVec2(at.x + w + 2, at.y + ImGui::GetTextLineHeight() + 1),
                            m.colour, 3);
    if (draw) draw->AddText(at, i >= strongFrom && i < strongTo ? strong : dim, b, e);
    x += w;
    i = j;
  }
  return y + lineHeight;
}

// The text in a framed box as tall as it needs, up to `maxLines` (then it scrolls).
void drawMarkedBox(const std::string& text, size_t from, size_t to, size_t strongFrom, size_t strongTo,
                   const std::vector<Mark>& marks, float maxLines) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float inner = ImGui::GetContentRegionAvail().x - 2 * style.WindowPadding.x - style.ScrollbarSize;
  const float height = layOutMarkedText(text, from, to, strongFrom, strongTo, marks, inner, nullptr);
  const float box = std::min(height, ImGui::GetTextLineHeightWithSpacing() * maxLines) + 2 * style.WindowPadding.y;
  ImGui::BeginChild("##article", ImVec2(0, box), true);
  const float used = layOutMarkedText(text, from, to, strongFrom, strongTo, marks, inner, ImGui::GetWindowDrawList());
  ImGui::Dummy(ImVec2(inner, used));
  ImGui::EndChild();
}

size_t findNoCase(const std::string& haystack, const std::string& needle) {
  if (needle.empty()) return std::string::npos;
  auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
  return it == haystack.end() ? std::string::npos : static_cast<size_t>(it - haystack.begin());
}

}  // namespace

void InboxPanel::picked(double lat, double lon) {
  std::snprintf(addLat_, sizeof addLat_, "%.5f", lat);
  std::snprintf(addLon_, sizeof addLon_, "%.5f", lon);
  picking_ = false;
}

void InboxPanel::save(EventEditor& editor) {
  const SaveOutcome outcome = editor.save();
  if (outcome.problem == SaveProblem::ChangedOnDisk || outcome.problem == SaveProblem::ReadOnly) {
    choice_ = outcome;
    if (editor.table()) {
      const auto& path = editor.table()->path();
      const std::string copy = (path.parent_path() / (path.stem().string() + "-edited" + path.extension().string())).string();
      std::snprintf(copyPath_, sizeof copyPath_, "%s", copy.c_str());
    }
  }
}

bool InboxPanel::overwrite(EventEditor& editor) {
  if (!choice_ || choice_->problem != SaveProblem::ChangedOnDisk) return false;
  const SaveOutcome outcome = editor.save(true);
  if (outcome.ok()) choice_.reset();
  else choice_ = outcome;
  return outcome.ok();
}

bool InboxPanel::saveAs(EventEditor& editor, const std::filesystem::path& path) {
  const SaveOutcome outcome = editor.saveAs(path);
  if (outcome.ok()) choice_.reset();
  else if (choice_) choice_->message = outcome.message;
  return outcome.ok();
}

void InboxPanel::drawSentence(const InboxProposal& p) {
  const ImU32 placeColour = IM_COL32(255, 214, 90, 255), actorColour = IM_COL32(140, 200, 255, 255);
  if (!p.articleFile.empty() && p.sentence) {
    auto it = articles_.find(p.articleFile);
    if (it == articles_.end()) it = articles_.emplace(p.articleFile, readArticleText(p.articleFile)).first;
    const TextSpan s = *p.sentence;
    if (it->second && s.end <= it->second->size()) {
      const std::string& text = *it->second;
      const auto [from, to] = paragraphAround(text, s.begin, s.end);
      std::vector<Mark> marks;
      if (p.place) marks.push_back({p.place->begin, p.place->end, placeColour});
      if (p.actor) marks.push_back({p.actor->begin, p.actor->end, actorColour});
      ImGui::TextDisabled("%s", p.articleFile.c_str());
      drawMarkedBox(text, from, to, s.begin, s.end, marks, 8);
      return;
    }
    if (!it->second) ImGui::TextDisabled("article not readable: %s", it->second.error().message().c_str());
  }
  // The quote alone: its sentence, with the place (and the actor when the JSON gave it).
  const std::string quote = p.value("quote");
  if (quote.empty()) {
    ImGui::TextDisabled("(no quote)");
    return;
  }
  std::vector<Mark> marks;
  const size_t base = p.sentence ? p.sentence->begin : 0;
  if (p.place && p.sentence && p.place->begin >= base) marks.push_back({p.place->begin - base, p.place->end - base, placeColour});
  else if (const size_t at = findNoCase(quote, p.value("place")); at != std::string::npos)
    marks.push_back({at, at + p.value("place").size(), placeColour});
  if (p.actor && p.sentence && p.actor->begin >= base) marks.push_back({p.actor->begin - base, p.actor->end - base, actorColour});
  drawMarkedBox(quote, 0, quote.size(), 0, quote.size(), marks, 6);
}

void InboxPanel::drawProposal(EventEditor& editor, size_t i) {
  const InboxProposal& p = editor.inbox().at(i);
  if (draftFor_ != i || draftVersion_ != editor.version()) {  // the fields follow undo/redo
    draft_.clear();
    for (const char* c : kEditable) draft_[c] = p.value(c);
    draftFor_ = i;
    draftVersion_ = editor.version();
  }
  ImGui::TextColored(stateColour(p.state), "%s", stateName(p.state));
  ImGui::SameLine();
  ImGui::TextDisabled("%s  confidence %s", p.origin.c_str(), p.value("confidence").c_str());
  drawSentence(p);
  const bool accepted = p.state == InboxProposal::State::Accepted;
  ImGui::BeginDisabled(accepted || !editor.editable());
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.25f, 0.62f, 0.32f, 1));
  if (ImGui::Button("Accept", ImVec2(110, 0))) editor.accept();
  ImGui::PopStyleColor();
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(p.state != InboxProposal::State::Pending);
  ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.78f, 0.35f, 0.33f, 1));
  if (ImGui::Button("Reject", ImVec2(110, 0))) editor.reject();
  ImGui::PopStyleColor();
  ImGui::EndDisabled();
  for (const char* c : kEditable) {
    std::string& text = draft_[c];
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "%s", text.c_str());
    ImGui::SetNextItemWidth(-90);
    if (std::string(c) == "status") {
      int current = 0;
      for (int k = 0; k < 3; ++k)
        if (text == kStatuses[k]) current = k;
      if (ImGui::Combo("status", &current, kStatuses, 3)) editor.edit("status", kStatuses[current]);
      continue;
    }
    if (ImGui::InputText(c, buffer, sizeof buffer)) text = buffer;
    if (ImGui::IsItemDeactivatedAfterEdit() && text != p.value(c)) editor.edit(c, text);
  }
  ImGui::TextDisabled("source: %s", p.value("source").c_str());
}

void InboxPanel::drawTableEvents(EventEditor& editor) {
  const EditableTable* table = editor.table();
  if (!table) return;
  ImGui::TextDisabled("%zu rows; the newest last", table->size());
  ImGui::BeginChild("##rows", ImVec2(0, 110), true);
  // The last rows first: where accepted and added events go.
  for (size_t k = 0; k < std::min<size_t>(table->size(), 40); ++k) {
    const size_t r = table->size() - 1 - k;
    const TableRecord& rec = table->record(r);
    ImGui::PushID(static_cast<int>(rec.id));
    if (ImGui::SmallButton("x")) editor.deleteEvent(rec.id);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Delete this row (Ctrl+Z brings it back)");
    ImGui::SameLine();
    char label[320];
    std::snprintf(label, sizeof label, "%s%s  %s -> %s", rec.raw.empty() ? "* " : "", table->value(r, "date").c_str(),
                  table->value(r, "place").c_str(), table->value(r, "controller").c_str());
    if (ImGui::Selectable(label, editor.selectedRow() == rec.id)) editor.selectRow(r);
    ImGui::PopID();
  }
  ImGui::EndChild();
  // The selected row's fields: a change is applied when the field is left (or Enter).
  if (const auto row = editor.selectedRow() ? table->indexOf(*editor.selectedRow()) : std::nullopt) {
    ImGui::TextDisabled("Row %s", table->record(*row).line > 0 ? ("from line " + std::to_string(table->record(*row).line)).c_str() : "(new)");
    for (const char* c : kEditable) {
      char buffer[256];
      std::snprintf(buffer, sizeof buffer, "%s", table->value(*row, c).c_str());
      ImGui::SetNextItemWidth(-90);
      std::string id = std::string(c) + "##row";
      if (ImGui::InputText(id.c_str(), buffer, sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue))
        editor.changeEvent(*editor.selectedRow(), c, buffer);
    }
  }
  if (ImGui::TreeNode("Add an event")) {
    ImGui::SetNextItemWidth(120);
    ImGui::InputTextWithHint("date", "YYYY-MM-DD", addDate_, sizeof addDate_);
    ImGui::SetNextItemWidth(200);
    ImGui::InputTextWithHint("place", "name (geocoded) ", addPlace_, sizeof addPlace_);
    ImGui::SetNextItemWidth(200);
    ImGui::InputTextWithHint("controller", "actor id", addController_, sizeof addController_);
    ImGui::SetNextItemWidth(120);
    ImGui::Combo("status", &addStatus_, kStatuses, 3);
    ImGui::SetNextItemWidth(90);
    ImGui::InputTextWithHint("##lat", "lat", addLat_, sizeof addLat_);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90);
    ImGui::InputTextWithHint("##lon", "lon", addLon_, sizeof addLon_);
    ImGui::SameLine();
    if (ImGui::Button(picking_ ? "click the map..." : "Pick on map")) picking_ = !picking_;
    ImGui::TextDisabled("Without lat/lon the place name is geocoded with the gazetteer.");
    ImGui::BeginDisabled(addDate_[0] == 0 || addPlace_[0] == 0 || addController_[0] == 0);
    if (ImGui::Button("Add")) {
      if (editor.addEvent({{"date", addDate_}, {"place", addPlace_}, {"controller", addController_},
                           {"status", kStatuses[addStatus_]}, {"lat", addLat_}, {"lon", addLon_}}))
        addPlace_[0] = addLat_[0] = addLon_[0] = 0;
    }
    ImGui::EndDisabled();
    ImGui::TreePop();
  }
}

void InboxPanel::drawChoice(EventEditor& editor) {
  if (!choice_) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Size.x / 2, vp->Size.y / 3), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(560, 0), ImGuiCond_Appearing);
  ImGui::SetNextWindowFocus();
  const bool changed = choice_->problem == SaveProblem::ChangedOnDisk;
  if (ImGui::Begin(changed ? "Changed on disk###savechoice" : "Cannot save###savechoice", nullptr,
                   ImGuiWindowFlags_NoCollapse)) {
    ImGui::TextWrapped("%s", choice_->message.c_str());
    ImGui::Separator();
    if (changed && ImGui::Button("Overwrite")) overwrite(editor);
    if (changed) ImGui::SameLine();
    ImGui::SetNextItemWidth(-200);
    ImGui::InputText("##copy", copyPath_, sizeof copyPath_);
    ImGui::SameLine();
    if (ImGui::Button("Save as copy")) saveAs(editor, copyPath_);
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) cancel();
  }
  ImGui::End();
}

// What `frontline check` says about the dataset with the edits (updated as they are made).
void InboxPanel::drawChecks() {
  size_t errors = 0;
  for (const DatasetIssue& i : checks) errors += i.error;
  char title[96];
  std::snprintf(title, sizeof title, "Checks: %zu error%s, %zu warning%s###checks", errors, errors == 1 ? "" : "s",
                checks.size() - errors, checks.size() - errors == 1 ? "" : "s");
  if (!ImGui::CollapsingHeader(title, errors > 0 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) return;
  if (!checkNote.empty()) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", checkNote.c_str());
  if (checks.empty()) ImGui::TextDisabled("frontline check finds nothing wrong with the edited dataset");
  ImGui::BeginChild("##checks", ImVec2(0, std::min(120.0f, 20.0f * static_cast<float>(checks.size()) + 8)));
  for (const DatasetIssue& i : checks) {
    ImGui::TextColored(i.error ? ImVec4(0.75f, 0.1f, 0.1f, 1) : ImVec4(0.6f, 0.42f, 0.0f, 1), "%s",
                       i.error ? "error" : "warning");
    ImGui::SameLine();
    ImGui::TextWrapped("%s", i.text().c_str());
  }
  ImGui::EndChild();
}

bool InboxPanel::draw(EventEditor& editor, float top, float height) {
  drawChoice(editor);
  if (!open) return false;
  const std::optional<size_t> before = editor.selected();
  ImGui::SetNextWindowPos(ImVec2(10, top), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(440, 0), ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(440, 0), ImVec2(440, height));
  const bool dirty = editor.dirty();
  const std::string title = std::string(dirty ? "Inbox and edits  (unsaved)" : "Inbox and edits") + "###inbox";
  if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize)) {
    ImGui::End();
    return false;
  }
  if (const EditableTable* t = editor.table()) {
    ImGui::TextDisabled("Editing %s", t->path().filename().string().c_str());
    if (dirty) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(0.8f, 0.4f, 0.0f, 1), "unsaved changes");
    }
  } else {
    ImGui::TextWrapped("Read-only: %s", editor.problem().c_str());
  }
  ImGui::BeginDisabled(!dirty);
  if (ImGui::Button("Save (Ctrl+S)")) save(editor);
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!editor.history().canUndo());
  if (ImGui::Button("Undo")) editor.undo();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && editor.history().canUndo())
    ImGui::SetTooltip("Ctrl+Z: %s", editor.history().undoLabel().c_str());
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!editor.history().canRedo());
  if (ImGui::Button("Redo")) editor.redo();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && editor.history().canRedo())
    ImGui::SetTooltip("Ctrl+Shift+Z: %s", editor.history().redoLabel().c_str());
  ImGui::EndDisabled();
  if (!editor.lastMessage().empty()) ImGui::TextWrapped("%s", editor.lastMessage().c_str());

  const Inbox& inbox = editor.inbox();
  if (ImGui::CollapsingHeader("Proposals", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (inbox.size() == 0) {
      ImGui::TextWrapped("No proposals. Open `frontline ingest` output with --inbox FILE, or drop a .csv or "
                         ".json file on the window.");
    } else {
      ImGui::TextDisabled("%zu pending, %zu accepted, %zu rejected", inbox.count(InboxProposal::State::Pending),
                          inbox.count(InboxProposal::State::Accepted), inbox.count(InboxProposal::State::Rejected));
      ImGui::BeginChild("##proposals", ImVec2(0, std::min(150.0f, 22.0f * static_cast<float>(inbox.size()) + 8)), true);
      for (size_t i = 0; i < inbox.size(); ++i) {
        const InboxProposal& p = inbox.at(i);
        char label[320];
        std::snprintf(label, sizeof label, "%zu  %-10s %s -> %s###p%zu", i + 1,
                      p.value("date").empty() ? "(no date)" : p.value("date").c_str(), p.value("place").c_str(),
                      p.value("controller").c_str(), i);
        ImGui::PushStyleColor(ImGuiCol_Text, stateColour(p.state));
        if (ImGui::Selectable(label, editor.selected() == i)) editor.select(i);
        ImGui::PopStyleColor();
      }
      ImGui::EndChild();
      if (editor.selected()) drawProposal(editor, *editor.selected());
    }
  }
  if (editor.table() && ImGui::CollapsingHeader("Events in the table")) drawTableEvents(editor);
  drawChecks();
  ImGui::End();
  return editor.selected() != before;
}

}  // namespace frontline
