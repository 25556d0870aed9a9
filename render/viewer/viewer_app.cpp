#include "render/viewer/viewer_app.hpp"

#include <SDL.h>
#include <glad/gl.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <deque>
#include <functional>
#include <iostream>
#include <unordered_map>

#include "render/fonts.hpp"
#include "render/map_renderer.hpp"
#include "render/png_io.hpp"
#include "render/viewer/area_chart.hpp"
#include "render/viewer/area_series.hpp"
#include "render/viewer/dataset_reload.hpp"
#include "render/viewer/event_editor.hpp"
#include "render/viewer/export_dialog.hpp"
#include "render/viewer/imgui_layer.hpp"
#include "render/viewer/inbox_panel.hpp"
#include "render/viewer/inspector.hpp"
#include "render/viewer/layers_panel.hpp"
#include "render/viewer/map_navigation.hpp"
#include "render/viewer/playback.hpp"
#include "render/viewer/presentation_overlay.hpp"
#include "render/viewer/story_player.hpp"
#include "render/viewer/timeline_widget.hpp"
#include "render/viewer/window_target.hpp"

namespace frontline {
namespace {

constexpr float kPresentationScale = 1.25f;  // map text and lines in presentation mode
constexpr float kLegendWidth = 270.0f;       // room the map's legend may take, at scale 1

const char* kKeyHelp[][2] = {
    {"Space", "play / pause (presentation: next slide)"},
    {"[  ]  or  Page Up / Down", "previous / next event"},
    {",  .", "a day back / forward (Shift: a week, Ctrl: a month)"},
    {"Home  End", "start / end of the range"},
    {"S  F", "play slower / faster"},
    {"L", "loop on / off"},
    {"G", "type a date"},
    {"drag, arrows", "move the map (Shift: further)"},
    {"wheel, +  -", "zoom (at the pointer / the centre)"},
    {"0  D", "whole map / fit to the data"},
    {"click a place", "its history"},
    {"1 - 5", "areas, markers, labels, rivers, province lines"},
    {"A", "area chart under the time bar on / off"},
    {"T  C", "projector theme / colour-blind palette"},
    {"P", "presentation mode on / off"},
    {"Page Down / Up, Space / Backspace", "presentation: next / previous slide"},
    {"E", "export"},
    {"I", "inbox and edits on / off"},
    {"Ctrl+Z  Ctrl+Shift+Z", "undo / redo an edit"},
    {"Ctrl+S", "save the edited event table"},
    {"H", "hide / show the panels"},
    {"F11", "full screen"},
    {"Esc", "close a window, leave presentation, else quit"},
};

// Without a dataset time stands still: on --date, else today.
Date noDataDate(const ViewerOptions& o) {
  if (o.date) return *o.date;
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::fromDays(static_cast<int32_t>(today.time_since_epoch().count()));
}

// The names the map labels dataset places with, by place id.
std::unordered_map<std::string, std::string> placeLabels(const MapScene& scene) {
  std::unordered_map<std::string, std::string> labels;
  for (const TownPoint& t : scene.datasetPlaces) labels[t.id] = t.name;
  return labels;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double rank = p * static_cast<double>(values.size() - 1);
  const size_t lo = static_cast<size_t>(std::floor(rank)), hi = static_cast<size_t>(std::ceil(rank));
  return values[lo] + (values[hi] - values[lo]) * (rank - static_cast<double>(lo));
}

class ViewerApp {
 public:
  ViewerApp(MapSession& session, const ViewerOptions& options, WindowTarget& window, MapRenderer& renderer,
            ImGuiLayer& ui);
  Result<void> run();

 private:
  // One frame's steps.
  void handleEvent(const SDL_Event& event);
  void handleKey(const SDL_Keysym& key);
  void presentationKey(SDL_Keycode key);
  void updateLayout();
  void update(double dt);
  Result<void> drawMap();
  void drawUi();
  void drawSidePanel();
  Result<void> automation();
  Result<void> pointAt(const std::string& placeName, bool click);
  Result<void> pressKey(const std::string& name);
  Result<void> typeText(const std::string& text);
  Result<void> scrubTo(const std::string& date);
  Result<void> hoverChart(const std::string& date);
  Result<void> editStep(const std::string& step, bool& handled);
  void addProposals(const std::filesystem::path& file);
  std::optional<Vec2> proposalPlace() const;
  void centreOnProposal();
  void drawProposalMark();
  void drawQuitChoice();
  void requestQuit();
  void followEdits();
  void adoptDataset(std::shared_ptr<MapSession::Prepared> prepared);
  Result<void> bench();

  void setPresenting(bool on);
  bool chartShown() const { return showChart_ && !areaSeries_.dates().empty(); }
  Result<TerritoryTotals> totalsAt(Date date);
  bool idle() const;
  MapView storyViewFor(size_t i, const std::vector<MapView>& earlier) const;
  void resolveStoryViews();
  ExportJobSettings exportSettings() const;
  std::string stateLine() const;
  double clock() const;
  Vec2 toMapPixels(int x, int y) const;

  MapSession& session_;
  const ViewerOptions& o_;
  WindowTarget& window_;
  MapRenderer& renderer_;
  ImGuiLayer& ui_;
  const Dataset* dataset_ = nullptr;

  Playback playback_;
  DisplaySettings display_, applied_;
  MapView view_, home_;
  ZoomLimits limits_;
  int mapW_ = 0, mapH_ = 0, stripPixels_ = 0, timelinePixels_ = 0, chartPixels_ = 0;
  bool uiVisible_ = true, presenting_ = false, running_ = true, fullscreen_ = false;
  std::optional<StoryPlayer> player_;
  TimelineBar timeline_;
  Inspector inspector_;
  ErrorPanel errors_;
  ExportDialog exportDialog_;
  EventEditor editor_;
  InboxPanel inboxPanel_;
  uint64_t titleVersion_ = ~0ull;
  bool quitChoice_ = false;  // "unsaved changes" window showing
  // The dataset re-read with the unsaved edits (so the map follows them).
  std::optional<DatasetReload> reload_;
  size_t shownBytes_ = 0;  // hash of the table bytes the map shows
  uint64_t followed_ = 0;  // the editor's version followEdits last looked at
  // Land held per controller over the range, under the time bar; computed on idle frames.
  AreaSeries areaSeries_;
  AreaChart areaChart_;
  bool showChart_ = true;

  // Pointer.
  bool dragging_ = false, dragMoved_ = false, mouseSeen_ = false;
  int pressX_ = 0, pressY_ = 0;
  Vec2 mouse_;
  const PlaceTrack* hovered_ = nullptr;

  // What the window's map framebuffer holds now (for redrawing only what changed).
  std::optional<ControlFrame> drawnControl_;
  FrameInput drawn_;
  bool haveDrawn_ = false;
  ControlFrame control_;  // this frame's
  FrameInput frame_;
  std::vector<PixelRect> uiRects_;  // where the UI was drawn over the map last frame

  // Clock and automation.
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  long long frames_ = 0;
  double now_ = 0;
  size_t nextKey_ = 0;
  int stillFrames_ = 0;
  bool playToStarted_ = false, scriptDone_ = false;
  size_t warmed_ = 0;  // event dates whose areas of control were computed ahead of need
  std::deque<std::function<void()>> pending_;  // a script step's actions, one per frame
};

ViewerApp::ViewerApp(MapSession& session, const ViewerOptions& options, WindowTarget& window, MapRenderer& renderer,
                     ImGuiLayer& ui)
    : session_(session),
      o_(options),
      window_(window),
      renderer_(renderer),
      ui_(ui),
      dataset_(session.data() ? &session.data()->dataset : nullptr),
      playback_(dataset_ ? dataset_->start() : noDataDate(options), dataset_ ? dataset_->end() : noDataDate(options),
                dataset_ ? dataset_->timeline.eventDates() : std::vector<Date>{}),
      timeline_(dataset_, placeLabels(session.scene())),
      inspector_(dataset_, placeLabels(session.scene())) {
  uiVisible_ = !o_.hideUi;
  if (dataset_ && session_.areaBuilder())
    areaSeries_ = AreaSeries(areaSampleDates(dataset_->start(), dataset_->end(), dataset_->timeline.eventDates()));
  fullscreen_ = o_.fullscreen;
  playback_.setSpeed(o_.speed);
  playback_.setLoop(o_.loop);
  if (o_.date) {
    playback_.seek(*o_.date);
  } else {
    playback_.seek(playback_.last());
  }
  for (const ViewerProblem& p : o_.problems) errors_.add(p);
  if (o_.story) {
    for (const StoryWarning& w : o_.story->warnings) errors_.add(w.where.text(), w.what, false);
    std::vector<StoryStop> stops;
    for (size_t i = 0; i < o_.story->slides.size(); ++i) {
      const Slide& s = o_.story->slides[i];
      stops.push_back({static_cast<double>(s.from.days()), static_cast<double>(s.last().days()), {},
                       o_.story->playSecondsOf(i)});
    }
    player_.emplace(std::move(stops), o_.story->transitionSeconds);
  }
  if (!o_.editTable.empty()) {
    editor_.openTable(o_.editTable);
    if (!editor_.editable()) errors_.add("editing", editor_.problem(), false);
  }
  for (const std::filesystem::path& file : o_.inbox) addProposals(file);
  inboxPanel_.open = !o_.inbox.empty();
  if (editor_.editable() && dataset_ && o_.reloadDataset) {
    reload_.emplace(o_.reloadDataset, session_);
    shownBytes_ = std::hash<std::string>{}(editor_.table()->serialise());
    followed_ = editor_.version();
    inboxPanel_.checks = dataset_->issues;
  }
  if (dataset_ && o_.date && (o_.date->days() < playback_.first() || o_.date->days() > playback_.last()))
    errors_.add("--date", o_.date->iso() + " is outside the dataset's range; showing " + playback_.date().iso(), false);
}

double ViewerApp::clock() const {
  if (o_.frameSeconds > 0) return static_cast<double>(frames_) * o_.frameSeconds;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

Vec2 ViewerApp::toMapPixels(int x, int y) const {
  // SDL reports the pointer in window coordinates; the map is drawn in drawable pixels.
  int ww = 0, wh = 0;
  SDL_GetWindowSize(static_cast<SDL_Window*>(window_.sdlWindow()), &ww, &wh);
  const double sx = ww > 0 ? static_cast<double>(window_.windowWidth()) / ww : 1;
  const double sy = wh > 0 ? static_cast<double>(window_.windowHeight()) / wh : 1;
  return {x * sx, y * sy};
}

bool ViewerApp::idle() const {
  if (playback_.playing() || exportDialog_.running()) return false;
  if (reload_ && (reload_->busy() || followed_ != editor_.version())) return false;  // the map is catching up
  if (presenting_ && player_ && !player_->at(now_).settled) return false;
  return true;
}

MapView ViewerApp::storyViewFor(size_t i, const std::vector<MapView>& earlier) const {
  const Slide& slide = o_.story->slides[i];
  if (slide.view) {
    auto v = resolveSlideView(*slide.view, session_.map().projection, session_.scene().metresPerUnit, mapW_, mapH_);
    if (v) return *v;
  }
  return earlier.empty() ? home_ : earlier.back();
}

void ViewerApp::resolveStoryViews() {
  if (!player_) return;
  std::vector<MapView> views;
  for (size_t i = 0; i < o_.story->slides.size(); ++i) views.push_back(storyViewFor(i, views));
  player_->setViews(views);
}

void ViewerApp::setPresenting(bool on) {
  if (on == presenting_) return;
  if (on && (!player_ || player_->size() == 0)) {
    errors_.add("presentation", "no story is loaded: start the viewer with --story FILE (see the README)", false);
    errors_.open = true;
    return;
  }
  presenting_ = on;
  dragging_ = false;
  if (!o_.windowedPresentation && !o_.fullscreen) {
    window_.setFullscreen(on);
    fullscreen_ = on;
  }
  playback_.pause();
  if (on) {
    updateLayout();  // the map area grows to the whole window
    player_->goTo(player_->index(), now_, StoryPlayer::State{playback_.time(), view_, false});
  }
}

void ViewerApp::updateLayout() {
  const bool bar = uiVisible_ && !presenting_;
  timelinePixels_ = bar ? static_cast<int>(TimelineBar::heightFor(1.0f)) : 0;
  chartPixels_ = bar && chartShown()
                     ? static_cast<int>(AreaChart::heightFor(static_cast<float>(window_.windowHeight())))
                     : 0;
  stripPixels_ = timelinePixels_ + chartPixels_;
  window_.setBottomStrip(stripPixels_);
  const int w = window_.width(), h = window_.height();
  if (w == mapW_ && h == mapH_) return;
  const bool atHome = mapW_ == 0 || (view_.centre.x == home_.centre.x && view_.centre.y == home_.centre.y &&
                                     view_.unitsPerPixel == home_.unitsPerPixel);
  const double oldWidth = mapW_;
  mapW_ = w;
  mapH_ = h;
  home_ = fitView(session_.scene().viewExtent, w, h);
  limits_ = zoomLimitsFor(home_);
  if (atHome) view_ = home_;
  else if (oldWidth > 0) view_.unitsPerPixel *= oldWidth / w;  // the same ground across the width
  resolveStoryViews();
}

void ViewerApp::handleEvent(const SDL_Event& event) {
  if (uiVisible_ || presenting_) ui_.handleEvent(event);
  if (event.type == SDL_QUIT) {
    requestQuit();
    return;
  }
  if (event.type == SDL_DROPFILE) {  // a proposals file dropped on the window
    if (event.drop.file) {
      addProposals(event.drop.file);
      SDL_free(event.drop.file);
    }
    return;
  }
  const bool uiMouse = uiVisible_ && ui_.wantsMouse();
  switch (event.type) {
    case SDL_MOUSEBUTTONDOWN:
      if (uiMouse || presenting_ || event.button.button != SDL_BUTTON_LEFT) break;
      dragging_ = true;
      dragMoved_ = false;
      pressX_ = event.button.x;
      pressY_ = event.button.y;
      break;
    case SDL_MOUSEBUTTONUP:
      if (dragging_ && !dragMoved_ && event.button.button == SDL_BUTTON_LEFT && inboxPanel_.picking()) {
        const Vec2 p = toMapPixels(event.button.x, event.button.y);
        const Vec2 ll = session_.map().projection.inverse(screenToMap(view_, mapW_, mapH_, p));
        inboxPanel_.picked(ll.y, ll.x);
      } else if (dragging_ && !dragMoved_ && event.button.button == SDL_BUTTON_LEFT) {
        const Vec2 p = toMapPixels(event.button.x, event.button.y);
        if (const PlaceTrack* place = inspector_.placeAt(renderer_.placePositions(), p, 14)) inspector_.select(place);
      }
      dragging_ = false;
      break;
    case SDL_MOUSEMOTION:
      mouseSeen_ = true;
      mouse_ = toMapPixels(event.motion.x, event.motion.y);
      if (dragging_) {
        if (std::abs(event.motion.x - pressX_) + std::abs(event.motion.y - pressY_) > 3) dragMoved_ = true;
        if (dragMoved_) {
          const Vec2 d = toMapPixels(event.motion.xrel, event.motion.yrel);
          panBy(view_, d.x, d.y);
        }
      }
      break;
    case SDL_MOUSEWHEEL: {
      if (uiMouse || presenting_) break;
      int mx = 0, my = 0;
      SDL_GetMouseState(&mx, &my);
      const Vec2 p = toMapPixels(mx, my);
      zoomAt(view_, mapW_, mapH_, p.x, p.y, std::pow(1.25, event.wheel.y), limits_);
      break;
    }
    case SDL_KEYDOWN:
      if ((uiVisible_ || presenting_) && ui_.wantsTextInput()) break;
      handleKey(event.key.keysym);
      break;
    default: break;
  }
}

void ViewerApp::presentationKey(SDL_Keycode key) {
  switch (key) {
    case SDLK_PAGEDOWN: case SDLK_SPACE: case SDLK_RIGHT: case SDLK_DOWN: case SDLK_RETURN: case SDLK_KP_ENTER:
      player_->next(now_);
      break;
    case SDLK_PAGEUP: case SDLK_BACKSPACE: case SDLK_LEFT: case SDLK_UP:
      player_->previous(now_);
      break;
    case SDLK_HOME: player_->goTo(0, now_, player_->at(now_)); break;
    case SDLK_END: player_->goTo(player_->size() - 1, now_, player_->at(now_)); break;
    case SDLK_r: player_->restart(now_, player_->at(now_)); break;
    default: break;
  }
}

void ViewerApp::handleKey(const SDL_Keysym& key) {
  const SDL_Keycode k = key.sym;
  const bool shift = (key.mod & KMOD_SHIFT) != 0, ctrl = (key.mod & KMOD_CTRL) != 0;
  // Keys that work everywhere.
  switch (k) {
    case SDLK_F11:
      fullscreen_ = !fullscreen_;
      window_.setFullscreen(fullscreen_);
      return;
    case SDLK_p: setPresenting(!presenting_); return;
    case SDLK_q:
      if (ctrl) requestQuit();
      return;
    case SDLK_z:
      if (!ctrl) break;
      if (shift) editor_.redo();
      else editor_.undo();
      return;
    case SDLK_y:
      if (!ctrl) break;
      editor_.redo();
      return;
    case SDLK_s:
      if (!ctrl) break;
      inboxPanel_.save(editor_);
      return;
    case SDLK_ESCAPE:
      if (presenting_) setPresenting(false);
      else if (inboxPanel_.choosing()) inboxPanel_.cancel();
      else if (quitChoice_) quitChoice_ = false;
      else if (exportDialog_.isOpen()) exportDialog_.close();
      else if (inspector_.selected()) inspector_.select(nullptr);
      else if (errors_.open) errors_.open = false;
      else requestQuit();
      return;
    default: break;
  }
  if (presenting_) return presentationKey(k);

  const double pan = (shift ? 240.0 : 60.0) * view_.unitsPerPixel;
  switch (k) {
    case SDLK_SPACE: playback_.togglePlay(); break;
    case SDLK_l: playback_.setLoop(!playback_.loop()); break;
    case SDLK_s: playback_.setSpeed(playback_.speed() / 2); break;
    case SDLK_f: playback_.setSpeed(playback_.speed() * 2); break;
    case SDLK_LEFTBRACKET: case SDLK_PAGEUP: playback_.previousEvent(); break;
    case SDLK_RIGHTBRACKET: case SDLK_PAGEDOWN: playback_.nextEvent(); break;
    case SDLK_COMMA: case SDLK_LESS:
      if (ctrl) playback_.stepMonths(-1);
      else playback_.stepDays(shift ? -7 : -1);
      break;
    case SDLK_PERIOD: case SDLK_GREATER:
      if (ctrl) playback_.stepMonths(1);
      else playback_.stepDays(shift ? 7 : 1);
      break;
    case SDLK_HOME: playback_.seek(playback_.first()); break;
    case SDLK_END: playback_.seek(playback_.last()); break;
    case SDLK_g:
      uiVisible_ = true;
      timeline_.focusDateEntry();
      break;
    case SDLK_LEFT: view_.centre.x -= pan; break;
    case SDLK_RIGHT: view_.centre.x += pan; break;
    case SDLK_UP: view_.centre.y += pan; break;
    case SDLK_DOWN: view_.centre.y -= pan; break;
    case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: zoomAt(view_, mapW_, mapH_, mapW_ / 2.0, mapH_ / 2.0, 1.25, limits_); break;
    case SDLK_MINUS: case SDLK_KP_MINUS: zoomAt(view_, mapW_, mapH_, mapW_ / 2.0, mapH_ / 2.0, 0.8, limits_); break;
    case SDLK_0: case SDLK_KP_0: view_ = home_; break;
    case SDLK_d:
      if (auto box = placesExtent(session_.scene().datasetPlaces)) view_ = fitBox(*box, mapW_, mapH_, 60);
      break;
    case SDLK_1: display_.layers.areas = !display_.layers.areas; break;
    case SDLK_2: display_.layers.markers = !display_.layers.markers; break;
    case SDLK_3: display_.layers.labels = !display_.layers.labels; break;
    case SDLK_4: display_.layers.rivers = !display_.layers.rivers; break;
    case SDLK_5: display_.layers.provinces = !display_.layers.provinces; break;
    case SDLK_t: display_.theme = display_.theme == Theme::Standard ? Theme::Projector : Theme::Standard; break;
    case SDLK_c: display_.colourBlind = !display_.colourBlind; break;
    case SDLK_h: uiVisible_ = !uiVisible_; break;
    case SDLK_a: showChart_ = !showChart_; break;
    case SDLK_i: inboxPanel_.open = !inboxPanel_.open; break;
    case SDLK_e:
      if (o_.openExportSession) exportDialog_.open(exportSettings());
      break;
    default: break;
  }
}

void ViewerApp::update(double dt) {
  if (presenting_ && player_) {
    const StoryPlayer::State s = player_->at(now_);
    playback_.seek(s.day);
    view_ = s.view;
  } else {
    playback_.advance(dt);
  }
}

Result<void> ViewerApp::drawMap() {
  if (!(display_ == applied_)) {
    renderer_.setStyle(display_.style());
    applied_ = display_;
    haveDrawn_ = false;
  }
  auto control = session_.frameAt(playback_.date(), playback_.dayFraction());
  if (!control) return control.error();
  control_ = std::move(control).value();
  frame_ = FrameInput{};
  frame_.date = playback_.date();
  frame_.title = o_.mapTitle;
  frame_.view = view_;
  frame_.scale = defaultScaleFor(mapW_, mapH_) * (presenting_ ? kPresentationScale : 1.0f);
  frame_.control = dataset_ ? &control_ : nullptr;
  frame_.layers = display_.layers;

  // Only what changed is drawn again: the framebuffer keeps the last map between frames.
  std::vector<PixelRect> regions{{0, 0, mapW_, mapH_}};
  if (haveDrawn_) regions = renderer_.changedRegions(drawn_, frame_, mapW_, mapH_);
  if (regions.empty()) {
    window_.beginFrame();  // nothing new: show the kept map again
    window_.endFrame();
  } else {
    const PixelRect full{0, 0, mapW_, mapH_};
    for (const PixelRect& r : regions) {
      auto drawn = r == full ? renderer_.draw(frame_, window_) : renderer_.draw(frame_, window_, r);
      if (!drawn) return drawn.error();
    }
  }
  // What the window must restore from the map: what was redrawn. The UI layer adds where it will
  // draw; without the UI this frame, where it was last frame.
  std::vector<PixelRect> copy = regions;
  if (!uiVisible_ && !presenting_) copy.insert(copy.end(), uiRects_.begin(), uiRects_.end());
  window_.setNextCopy(std::move(copy));
  drawnControl_ = control_;
  drawn_ = frame_;
  drawn_.control = dataset_ ? &*drawnControl_ : nullptr;
  haveDrawn_ = true;
  return {};
}

ExportJobSettings ViewerApp::exportSettings() const {
  ExportJobSettings s;
  s.from = Date::fromDays(static_cast<int32_t>(playback_.first()));
  s.to = Date::fromDays(static_cast<int32_t>(playback_.last()));
  s.daysPerSecond = playback_.speed();
  s.frame = frame_;
  s.frame.control = nullptr;
  s.frame.view = view_;
  s.style = display_.style();
  s.samples = o_.samples;
  s.openSession = o_.openExportSession;
  return s;
}

void ViewerApp::drawSidePanel() {
  const float width = 300;
  ImGui::SetNextWindowPos(ImVec2(static_cast<float>(mapW_) - width - 10, 10), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, static_cast<float>(mapH_) - 20));
  // In a small window the panel would hide much of the map: it starts folded (click its title).
  ImGui::SetNextWindowCollapsed(mapW_ < 1200 || mapH_ < 640, ImGuiCond_Once);
  if (!ImGui::Begin("frontline", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize)) {
    ImGui::End();
    return;
  }
  if (dataset_) {
    ImGui::TextDisabled("%zu places, %zu event dates", dataset_->timeline.places().size(),
                        dataset_->timeline.eventDates().size());
  } else {
    ImGui::TextDisabled("No dataset: the base map only");
  }
  if (errors_.problems().size() > 0) {
    ImGui::PushStyleColor(ImGuiCol_Button, errors_.errors() ? ImVec4(0.85f, 0.3f, 0.3f, 1) : ImVec4(0.9f, 0.75f, 0.4f, 1));
    char label[64];
    std::snprintf(label, sizeof label, "%zu error%s, %zu warning%s", errors_.errors(), errors_.errors() == 1 ? "" : "s",
                  errors_.warnings(), errors_.warnings() == 1 ? "" : "s");
    if (ImGui::Button(label, ImVec2(-1, 0))) errors_.open = !errors_.open;
    ImGui::PopStyleColor();
  }
  if (ImGui::CollapsingHeader("View", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (ImGui::Button("Whole map (0)")) view_ = home_;
    ImGui::SameLine();
    ImGui::BeginDisabled(session_.scene().datasetPlaces.empty());
    if (ImGui::Button("Fit to data (D)"))
      if (auto box = placesExtent(session_.scene().datasetPlaces)) view_ = fitBox(*box, mapW_, mapH_, 60);
    ImGui::EndDisabled();
    ImGui::BeginDisabled(areaSeries_.dates().empty());
    ImGui::Checkbox("Area chart (A)", &showChart_);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("Land held per controller over time, under the time bar");
    ImGui::EndDisabled();
    const double kmAcross = view_.unitsPerPixel * mapW_ * session_.scene().metresPerUnit / 1000;
    ImGui::TextDisabled("%.0f km across; wheel or +/- to zoom", kmAcross);
  }
  if (ImGui::CollapsingHeader("Layers and style", ImGuiTreeNodeFlags_DefaultOpen)) drawLayersPanel(display_);
  if (ImGui::CollapsingHeader("Presentation", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (player_ && player_->size() > 0) {
      ImGui::TextWrapped("%s", o_.story->title.empty() ? o_.story->source.c_str() : o_.story->title.c_str());
      ImGui::TextDisabled("%zu slides", player_->size());
      int slide = static_cast<int>(player_->index()) + 1;
      ImGui::SetNextItemWidth(90);
      if (ImGui::InputInt("start slide", &slide))
        player_->jumpTo(static_cast<size_t>(std::clamp(slide, 1, static_cast<int>(player_->size())) - 1), now_);
      if (ImGui::Button("Present (P)", ImVec2(-1, 0))) setPresenting(true);
    } else {
      ImGui::TextDisabled("No story loaded (--story FILE)");
    }
  }
  if (ImGui::CollapsingHeader("Export", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::BeginDisabled(!o_.openExportSession);
    if (ImGui::Button("Export PNG frames or video... (E)", ImVec2(-1, 0))) exportDialog_.open(exportSettings());
    ImGui::EndDisabled();
    if (exportDialog_.running()) ImGui::ProgressBar(exportDialog_.progress(), ImVec2(-1, 0));
  }
  if (ImGui::CollapsingHeader("Keys")) {
    if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_SizingFixedFit)) {
      for (const auto& row : kKeyHelp) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(row[0]);
        ImGui::TableSetColumnIndex(1);
        ImGui::TextDisabled("%s", row[1]);
      }
      ImGui::EndTable();
    }
  }
  ImGui::End();
}

void ViewerApp::drawUi() {
  const float W = static_cast<float>(window_.windowWidth()), H = static_cast<float>(window_.windowHeight());
  ui_.beginFrame();
  if (presenting_) {
    if (o_.story) drawSlideOverlay(*o_.story, player_->index(), ui_, W, H, kLegendWidth * frame_.scale);
  } else {
    timeline_.draw(playback_, ui_, 0, static_cast<float>(mapH_), W, static_cast<float>(timelinePixels_));
    if (chartPixels_ > 0 && dataset_)
      areaChart_.draw(areaSeries_, *dataset_, display_.colourBlind, timeline_.drawnScale(), playback_.time(), 0,
                      static_cast<float>(mapH_ + timelinePixels_), W, static_cast<float>(chartPixels_));
    drawSidePanel();
    // Hover and click on places.
    hovered_ = nullptr;
    if (mouseSeen_ && !dragging_ && !ui_.wantsMouse() && mouse_.y < mapH_)
      hovered_ = inspector_.placeAt(renderer_.placePositions(), mouse_, 14);
    if (hovered_) inspector_.drawTooltip(*hovered_, control_, display_.colourBlind);
    if (display_.uncertaintyMarks && dataset_)
      inspector_.drawUncertaintyMarks(control_, renderer_.placePositions(), {0, 0}, frame_.scale);
    if (auto date = inspector_.drawHistory(playback_.time(), display_.colourBlind, W, static_cast<float>(mapH_)))
      playback_.seek(*date);
    if (inboxPanel_.draw(editor_, 84, static_cast<float>(mapH_) - 94)) centreOnProposal();
    drawProposalMark();
    drawQuitChoice();
    errors_.draw(W, H);
    exportDialog_.draw(exportSettings(), mapW_, W, H);
  }
  ui_.endFrame();
  uiRects_ = ui_.drawnRects();
}

std::string ViewerApp::stateLine() const {
  std::string line = "date=" + playback_.date().iso();
  if (player_ && player_->size() > 0) {
    line += " slide=" + std::to_string(player_->index() + 1) + "/" + std::to_string(player_->size());
    line += presenting_ ? " presenting=yes" : " presenting=no";
  }
  if (editor_.editable() || editor_.inbox().size() > 0) {
    const Inbox& inbox = editor_.inbox();
    line += " inbox=" + std::to_string(inbox.count(InboxProposal::State::Pending)) + "/" +
            std::to_string(inbox.count(InboxProposal::State::Accepted)) + "/" +
            std::to_string(inbox.count(InboxProposal::State::Rejected));
    line += editor_.dirty() ? " unsaved=yes" : " unsaved=no";
    if (dataset_) line += " places=" + std::to_string(dataset_->timeline.places().size());
  }
  return line;
}

// The scripted part: --play-to first, then each --keys entry once the view is still, then the
// screenshot, the state line and quitting.
Result<void> ViewerApp::automation() {
  const bool scripted = o_.playTo || !o_.keys.empty();
  if (scriptDone_ || (!scripted && o_.screenshot.empty() && !o_.quit && !o_.printState)) return {};
  if (frames_ < 2) return {};  // the window has its size and first contents
  if (!pending_.empty()) {
    auto action = std::move(pending_.front());
    pending_.pop_front();
    action();
    stillFrames_ = 0;
    return {};
  }
  if (o_.playTo && !playToStarted_) {
    playback_.playTo(static_cast<double>(o_.playTo->days()));
    playToStarted_ = true;
    return {};
  }
  if (!idle()) {
    stillFrames_ = 0;
    return {};
  }
  if (++stillFrames_ < 2) return {};  // the settled frame has been drawn
  if (nextKey_ < o_.keys.size()) {
    const std::string& name = o_.keys[nextKey_++];
    stillFrames_ = 0;
    if (name.rfind("click:", 0) == 0 || name.rfind("hover:", 0) == 0) return pointAt(name.substr(6), name[0] == 'c');
    if (name.rfind("export:", 0) == 0) {  // a month from the current date, at 640x360
      if (!o_.openExportSession) return makeError(ErrorKind::Usage, "--keys", "export is not available here");
      const Date from = playback_.date();
      const Date to = Date::fromDays(static_cast<int32_t>(std::min(playback_.last(), from.days() + 30.0)));
      exportDialog_.start(exportSettings(), mapW_, name.substr(7), from, to);
      return {};
    }
    if (name.rfind("type:", 0) == 0) return typeText(name.substr(5));
    if (name.rfind("scrub:", 0) == 0) return scrubTo(name.substr(6));
    if (name.rfind("chart:", 0) == 0) return hoverChart(name.substr(6));
    bool handled = false;
    if (auto r = editStep(name, handled); !r || handled) return r;
    return pressKey(name);
  }
  // A screenshot shows the area chart complete (the same pixels on every run).
  if (!o_.screenshot.empty() && chartPixels_ > 0 && !areaSeries_.complete()) return {};
  scriptDone_ = true;
  if (!o_.screenshot.empty()) {
    auto image = window_.readPixels();
    if (!image) return image.error();
    if (auto r = writePngAtomic(o_.screenshot, *image); !r) return r.error();
    std::cout << o_.screenshot.string() << "\n";
  }
  if (o_.printState) {
    std::cout << stateLine() << std::endl;
    if (!exportDialog_.outcome().empty()) std::cout << "export: " << exportDialog_.outcome() << std::endl;
  }
  if (o_.printState && !editor_.lastMessage().empty()) std::cout << "edit: " << editor_.lastMessage() << std::endl;
  if (o_.quit) {
    if (editor_.dirty()) std::cerr << "frontline view: quitting with unsaved edits (--quit)\n";
    running_ = false;
  }
  return {};
}

// Keys go down in one frame and up in the next, so that ImGui (which looks at key state once a
// frame) sees them too.
Result<void> ViewerApp::pressKey(const std::string& keyName) {
  SDL_Event down{};
  down.type = SDL_KEYDOWN;
  down.key.state = SDL_PRESSED;
  // "Ctrl+Shift+Z": modifiers before the key.
  std::string name = keyName;
  for (bool more = true; more;) {
    more = false;
    for (auto [prefix, mod] : {std::pair<const char*, int>{"ctrl+", KMOD_LCTRL}, {"shift+", KMOD_LSHIFT}}) {
      const size_t n = std::strlen(prefix);
      if (name.size() > n && SDL_strncasecmp(name.c_str(), prefix, n) == 0) {
        down.key.keysym.mod = static_cast<Uint16>(down.key.keysym.mod | mod);
        name = name.substr(n);
        more = true;
      }
    }
  }
  down.key.keysym.sym = SDL_GetKeyFromName(name.c_str());
  down.key.keysym.scancode = SDL_GetScancodeFromKey(down.key.keysym.sym);
  down.key.windowID = SDL_GetWindowID(static_cast<SDL_Window*>(window_.sdlWindow()));
  if (down.key.keysym.sym == SDLK_UNKNOWN)
    return makeError(ErrorKind::Usage, "--keys", "unknown key name '" + name + "' (SDL names: PageDown, Space, P, ...)");
  SDL_Event up = down;
  up.type = SDL_KEYUP;
  up.key.state = SDL_RELEASED;
  pending_.push_back([down]() mutable { SDL_PushEvent(&down); });
  pending_.push_back([up]() mutable { SDL_PushEvent(&up); });
  return {};
}

// Text into the focused field (G focuses the date field), then Return.
Result<void> ViewerApp::typeText(const std::string& text) {
  SDL_Event e{};
  e.type = SDL_TEXTINPUT;
  e.text.windowID = SDL_GetWindowID(static_cast<SDL_Window*>(window_.sdlWindow()));
  std::snprintf(e.text.text, sizeof e.text.text, "%s", text.c_str());
  pending_.push_back([e]() mutable { SDL_PushEvent(&e); });
  return pressKey("Return");
}

// Drags the timeline's playhead from the current date to `date` over 20 frames, as a hand would.
Result<void> ViewerApp::scrubTo(const std::string& dateText) {
  auto date = Date::parse(dateText);
  if (!date) return makeError(ErrorKind::Usage, "--keys", "scrub:" + dateText + ": " + date.error().what);
  const auto from = timeline_.pointFor(playback_.time());
  const auto to = timeline_.pointFor(static_cast<double>(date->days()));
  if (!uiVisible_ || presenting_ || !from || !to)
    return makeError(ErrorKind::Usage, "--keys", "scrub: needs the timeline on screen");
  using Pointer = ImGuiLayer::Pointer;
  pending_.push_back([this, p = Pointer{from->first, from->second, false}] { ui_.overridePointer(p); });
  pending_.push_back([this, p = Pointer{from->first, from->second, true}] { ui_.overridePointer(p); });
  constexpr int kSteps = 20;
  for (int i = 1; i <= kSteps; ++i) {
    const float f = static_cast<float>(i) / kSteps;
    const Pointer p{from->first + (to->first - from->first) * f, from->second, true};
    pending_.push_back([this, p] { ui_.overridePointer(p); });
  }
  pending_.push_back([this, p = Pointer{to->first, to->second, false}] { ui_.overridePointer(p); });
  pending_.push_back([this] { ui_.overridePointer(std::nullopt); });
  return {};
}

// Holds the pointer over the area chart at `date` (its tooltip shows), until the script ends.
Result<void> ViewerApp::hoverChart(const std::string& dateText) {
  auto date = Date::parse(dateText);
  if (!date) return makeError(ErrorKind::Usage, "--keys", "chart:" + dateText + ": " + date.error().what);
  const auto at = areaChart_.pointFor(static_cast<double>(date->days()));
  if (chartPixels_ == 0 || !at) return makeError(ErrorKind::Usage, "--keys", "chart: needs the area chart on screen");
  pending_.push_back([this, p = ImGuiLayer::Pointer{at->first, at->second, false}] { ui_.overridePointer(p); });
  return {};
}

// Scripted editing steps (--keys): drop:FILE, inbox:N, accept, reject, edit:FIELD=VALUE, add:F=V;F=V...,
// row:N, change:FIELD=VALUE, delete-last, undo, redo, save, overwrite, save-as:FILE, cancel. A step that cannot be done is an
// error naming it (the script would otherwise check a state it did not reach).
Result<void> ViewerApp::editStep(const std::string& step, bool& handled) {
  handled = true;
  auto need = [&](bool done) -> Result<void> {
    if (done) return {};
    return makeError(ErrorKind::Usage, "--keys", step + ": " + editor_.lastMessage());
  };
  if (step.rfind("inbox:", 0) == 0) {
    const int n = std::atoi(step.c_str() + 6);
    if (n < 1 || !editor_.select(static_cast<size_t>(n - 1)))
      return makeError(ErrorKind::Usage, "--keys", step + ": no such proposal (they are numbered from 1; the inbox has " +
                                                       std::to_string(editor_.inbox().size()) + ")");
    inboxPanel_.open = true;
    centreOnProposal();
    return {};
  }
  if (step.rfind("drop:", 0) == 0) {  // as if the file were dropped on the window
    SDL_Event e{};
    e.type = SDL_DROPFILE;
    e.drop.file = SDL_strdup(step.c_str() + 5);
    e.drop.windowID = SDL_GetWindowID(static_cast<SDL_Window*>(window_.sdlWindow()));
    SDL_PushEvent(&e);
    return {};
  }
  if (step == "accept") return need(editor_.accept());
  if (step == "reject") return need(editor_.reject());
  if (step == "undo") return need(editor_.undo());
  if (step == "redo") return need(editor_.redo());
  if (step.rfind("edit:", 0) == 0 || step.rfind("add:", 0) == 0) {
    const bool add = step[0] == 'a';
    std::vector<std::pair<std::string, std::string>> values;
    std::string rest = step.substr(add ? 4 : 5);
    for (size_t start = 0; start <= rest.size();) {
      size_t end = add ? rest.find(';', start) : std::string::npos;
      if (end == std::string::npos) end = rest.size();
      const std::string pair = rest.substr(start, end - start);
      const size_t eq = pair.find('=');
      if (eq == std::string::npos || eq == 0)
        return makeError(ErrorKind::Usage, "--keys", step + ": expected FIELD=VALUE");
      values.emplace_back(pair.substr(0, eq), pair.substr(eq + 1));
      start = end + 1;
    }
    if (add) return need(editor_.addEvent(values));
    return need(editor_.edit(values[0].first, values[0].second));
  }
  if (step.rfind("row:", 0) == 0) {
    const int n = std::atoi(step.c_str() + 4);
    return need(n >= 1 && editor_.selectRow(static_cast<size_t>(n - 1)));
  }
  if (step.rfind("change:", 0) == 0) {
    const std::string pair = step.substr(7);
    const size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) return makeError(ErrorKind::Usage, "--keys", step + ": expected FIELD=VALUE");
    if (!editor_.selectedRow()) return makeError(ErrorKind::Usage, "--keys", step + ": select a row first (row:N)");
    return need(editor_.changeEvent(*editor_.selectedRow(), pair.substr(0, eq), pair.substr(eq + 1)));
  }
  if (step == "delete-last") {
    if (!editor_.table() || editor_.table()->size() == 0) return need(false);
    return need(editor_.deleteEvent(editor_.table()->record(editor_.table()->size() - 1).id));
  }
  if (step == "save") {
    inboxPanel_.save(editor_);
    return {};  // a refusal opens the choice: the next step decides
  }
  if (step == "overwrite") return need(inboxPanel_.overwrite(editor_));
  if (step.rfind("save-as:", 0) == 0) return need(inboxPanel_.saveAs(editor_, step.substr(8)));
  if (step == "cancel") {
    inboxPanel_.cancel();
    return {};
  }
  handled = false;
  return {};
}

void ViewerApp::addProposals(const std::filesystem::path& file) {
  auto added = editor_.addProposals(file);
  if (!added) {
    std::cerr << "frontline view: " << added.error().message() << "\n";
    errors_.add(added.error().where, added.error().what, true);
    return;
  }
  inboxPanel_.open = true;
  if (*added == 0) errors_.add(file.string(), "no proposals in this file", false);
}

// The selected proposal's place (lon/lat), when it has coordinates.
std::optional<Vec2> ViewerApp::proposalPlace() const {
  if (!editor_.selected()) return std::nullopt;
  const InboxProposal& p = editor_.inbox().at(*editor_.selected());
  const std::string lat = p.value("lat"), lon = p.value("lon");
  char *endLat = nullptr, *endLon = nullptr;
  const double la = std::strtod(lat.c_str(), &endLat), lo = std::strtod(lon.c_str(), &endLon);
  if (lat.empty() || lon.empty() || *endLat || *endLon) return std::nullopt;
  return Vec2{lo, la};
}

// The selected proposal's place in the middle of the map (its zoom kept).
void ViewerApp::centreOnProposal() {
  if (auto at = proposalPlace(); at && mapW_ > 0) view_.centre = session_.map().projection.forward(*at);
}

// A ring round the selected proposal's place, over the map.
void ViewerApp::drawProposalMark() {
  const auto place = proposalPlace();
  if (!inboxPanel_.open || !place) return;
  const Vec2 at = mapToScreen(view_, mapW_, mapH_, session_.map().projection.forward(*place));
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const ImVec2 c(static_cast<float>(at.x), static_cast<float>(at.y));
  draw->AddCircle(c, 16, IM_COL32(255, 255, 255, 230), 32, 5);
  draw->AddCircle(c, 16, IM_COL32(230, 120, 0, 255), 32, 2.5f);
}

// After an edit, the dataset is read again with the table's unsaved bytes (on a worker thread);
// when that is ready, the map, the timeline, the area chart and the checks switch to it.
void ViewerApp::followEdits() {
  if (titleVersion_ != editor_.version()) {  // "*" in the title while there are unsaved edits
    titleVersion_ = editor_.version();
    const std::string title = std::string(editor_.dirty() ? "* " : "") + "frontline - " + o_.mapTitle;
    SDL_SetWindowTitle(static_cast<SDL_Window*>(window_.sdlWindow()), title.c_str());
  }
  if (!reload_) return;
  if (followed_ != editor_.version()) {
    followed_ = editor_.version();
    const std::string bytes = editor_.table()->serialise();
    const size_t hash = std::hash<std::string>{}(bytes);
    if (hash != shownBytes_) {
      shownBytes_ = hash;
      reload_->request(editor_.version(), editor_.table()->path(), bytes);
    }
  }
  auto done = reload_->poll();
  if (!done) return;
  inboxPanel_.checks = std::move(done->issues);
  if (!done->prepared) {
    inboxPanel_.checkNote = done->prepared.error().message();
    return;
  }
  inboxPanel_.checkNote.clear();
  adoptDataset(std::move(done->prepared).value());
}

void ViewerApp::adoptDataset(std::shared_ptr<MapSession::Prepared> prepared) {
  const std::string selected = inspector_.selected() ? inspector_.selected()->id : std::string();
  hovered_ = nullptr;
  drawnControl_.reset();
  haveDrawn_ = false;
  session_.adoptData(std::move(prepared));
  const LoadedDataset* data = session_.data();
  if (!data) return;
  dataset_ = &data->dataset;
  const double time = playback_.time(), speed = playback_.speed();
  const bool loop = playback_.loop();
  playback_ = Playback(dataset_->start(), dataset_->end(), dataset_->timeline.eventDates());
  playback_.setSpeed(speed);
  playback_.setLoop(loop);
  playback_.seek(time);
  const auto labels = placeLabels(session_.scene());
  timeline_ = TimelineBar(dataset_, labels);
  inspector_ = Inspector(dataset_, labels);
  for (const PlaceTrack& p : dataset_->timeline.places())
    if (p.id == selected) inspector_.select(&p);
  if (session_.areaBuilder())
    areaSeries_ = AreaSeries(areaSampleDates(dataset_->start(), dataset_->end(), dataset_->timeline.eventDates()));
  warmed_ = 0;
  renderer_.setStyle(display_.style());  // the cached label layer shows the new places
}

void ViewerApp::requestQuit() {
  if (editor_.dirty() && !o_.quit) quitChoice_ = true;  // never lose edits to a stray Esc
  else running_ = false;
}

void ViewerApp::drawQuitChoice() {
  if (!quitChoice_) return;
  ImGui::SetNextWindowPos(ImVec2(static_cast<float>(mapW_) / 2, static_cast<float>(mapH_) / 3), ImGuiCond_Appearing,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowFocus();
  if (ImGui::Begin("Unsaved edits###quit", &quitChoice_, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
    ImGui::Text("%s has unsaved edits.", editor_.table() ? editor_.table()->path().filename().string().c_str() : "The table");
    if (ImGui::Button("Save and quit")) {
      inboxPanel_.save(editor_);
      if (!editor_.dirty()) running_ = false;
      quitChoice_ = false;
    }
    ImGui::SameLine();
    if (ImGui::Button("Quit without saving")) running_ = false;
    ImGui::SameLine();
    if (ImGui::Button("Cancel")) quitChoice_ = false;
  }
  ImGui::End();
}

Result<TerritoryTotals> ViewerApp::totalsAt(Date date) {
  auto frame = session_.frameAt(date);
  if (!frame) return frame.error();
  if (!frame->areas || !session_.areaBuilder()) return TerritoryTotals{};
  return session_.areaBuilder()->totals(*frame->areas);
}

// A scripted pointer: moves the real pointer onto a place (so SDL and ImGui see it there) and,
// for a click, presses and releases the left button, through the same handling as a user's.
Result<void> ViewerApp::pointAt(const std::string& placeName, bool click) {
  if (placeName.empty() && !click) {  // "hover:" alone: the pointer goes back to its corner
    SDL_WarpMouseInWindow(static_cast<SDL_Window*>(window_.sdlWindow()), 0, 0);
    return {};
  }
  const PlaceTrack* place = inspector_.findByName(placeName);
  if (!place) return makeError(ErrorKind::Usage, "--keys", "no place named '" + placeName + "' in the dataset");
  auto it = renderer_.placePositions().find(place->id);
  if (it == renderer_.placePositions().end())
    return makeError(ErrorKind::Usage, "--keys", "'" + placeName + "' is not on the map in this view");
  SDL_Window* window = static_cast<SDL_Window*>(window_.sdlWindow());
  int ww = 0, wh = 0;
  SDL_GetWindowSize(window, &ww, &wh);
  const int x = static_cast<int>(std::lround(it->second.x * ww / std::max(1, window_.windowWidth())));
  const int y = static_cast<int>(std::lround(it->second.y * wh / std::max(1, window_.windowHeight())));
  SDL_WarpMouseInWindow(window, x, y);
  if (!click) return {};
  SDL_Event e{};
  e.type = SDL_MOUSEBUTTONDOWN;
  e.button.windowID = SDL_GetWindowID(window);
  e.button.button = SDL_BUTTON_LEFT;
  e.button.state = SDL_PRESSED;
  e.button.clicks = 1;
  e.button.x = x;
  e.button.y = y;
  SDL_PushEvent(&e);
  e.type = SDL_MOUSEBUTTONUP;
  e.button.state = SDL_RELEASED;
  SDL_PushEvent(&e);
  return {};
}

// Frame times while scrubbing: every frame shows a new date, evenly spread over the range, as a
// fast drag along the timeline does (about 6 map days per frame with 300 frames). Three passes:
//   1. cold: each interval's areas of control are computed when first reached (what the first
//      drag does before the viewer has warmed its cache);
//   2. warm: everything cached, timed as the loop runs (the swap waits for the frame);
//   3. the same with the GPU finished after each stage, to say where the time goes.
Result<void> ViewerApp::bench() {
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  std::vector<double> passes[3], mapMs, copyMs, uiMs, swapMs;
  long long listsDrawn = 0, listsKept = 0;
  std::vector<size_t> computed;
  for (int pass = 0; pass < 3; ++pass) {
    const size_t before = session_.intervalsComputed();
    for (int i = 0; i < o_.benchFrames; ++i) {
      const auto t0 = Clock::now();
      SDL_Event event;
      while (SDL_PollEvent(&event)) handleEvent(event);
      updateLayout();
      const double f = o_.benchFrames > 1 ? static_cast<double>(i) / (o_.benchFrames - 1) : 0;
      playback_.seek(playback_.first() + f * (playback_.last() - playback_.first()));
      if (auto r = drawMap(); !r) return r;
      const bool stages = pass == 2;
      if (stages) glFinish();
      const auto t1 = Clock::now();
      if (stages) {
        window_.bindWindowFramebuffer();  // copies the map into the window
        glFinish();
      }
      const auto t2 = Clock::now();
      if (uiVisible_) drawUi();
      else {
        uiRects_.clear();
        ui_.forget();
      }
      if (pass == 1) listsDrawn += ui_.listsDrawn(), listsKept += ui_.listsKept();
      if (stages) glFinish();
      const auto t3 = Clock::now();
      window_.present();
      const auto t4 = Clock::now();
      passes[pass].push_back(ms(t0, t4));
      if (stages) {
        mapMs.push_back(ms(t0, t1));
        copyMs.push_back(ms(t1, t2));
        uiMs.push_back(ms(t2, t3));
        swapMs.push_back(ms(t3, t4));
      }
    }
    computed.push_back(session_.intervalsComputed() - before);
    // After the cold pass, the area chart is completed (untimed), so that the warm passes draw it
    // whole, as the viewer does once it has been idle for a moment.
    if (pass == 0 && chartPixels_ > 0) {
      const auto c0 = Clock::now();
      areaSeries_.computeAll([this](Date d) { return totalsAt(d); });
      std::printf("bench: area chart: %zu dates computed in %.0f ms between the cold and warm passes (untimed)\n",
                  areaSeries_.computed(), ms(c0, Clock::now()));
    }
  }
  std::printf("bench: %dx%d map (window %dx%d, UI %s, %s), %d frames per pass over %s .. %s\n", mapW_, mapH_,
              window_.windowWidth(), window_.windowHeight(), uiVisible_ ? "shown" : "hidden",
              window_.keepsBackBuffer() ? "copying what changed into the window" : "copying the whole map each frame",
              o_.benchFrames,
              Date::fromDays(static_cast<int32_t>(playback_.first())).iso().c_str(),
              Date::fromDays(static_cast<int32_t>(playback_.last())).iso().c_str());
  const char* names[3] = {"cold (areas computed)", "warm (all cached)", "warm, GPU synced per stage"};
  for (int pass = 0; pass < 3; ++pass)
    std::printf("bench: %-27s median %6.2f ms, p90 %6.2f ms, p99 %6.2f ms, max %6.2f ms; %zu intervals computed\n",
                names[pass], percentile(passes[pass], 0.5), percentile(passes[pass], 0.9),
                percentile(passes[pass], 0.99), percentile(passes[pass], 1.0), computed[static_cast<size_t>(pass)]);
  std::printf("bench: stage medians (p99): map draw %.2f (%.2f), copy into window %.2f (%.2f), UI %.2f (%.2f), "
              "swap %.2f (%.2f) ms\n",
              percentile(mapMs, 0.5), percentile(mapMs, 0.99), percentile(copyMs, 0.5), percentile(copyMs, 0.99),
              percentile(uiMs, 0.5), percentile(uiMs, 0.99), percentile(swapMs, 0.5), percentile(swapMs, 0.99));
  if (uiVisible_)
    std::printf("bench: UI draw lists drawn %.1f, kept from the last frame %.1f per frame\n",
                static_cast<double>(listsDrawn) / o_.benchFrames, static_cast<double>(listsKept) / o_.benchFrames);
  std::fflush(stdout);
  return {};
}

Result<void> ViewerApp::run() {
  if (o_.fullscreen) window_.setFullscreen(true);
  updateLayout();
  // Scripted runs (tests, docs) must not depend on where the pointer happens to be: over a place it
  // would show a tooltip. Park it in the top-left corner, over the title.
  if (!o_.screenshot.empty() || o_.quit || !o_.keys.empty() || o_.benchFrames > 0)
    SDL_WarpMouseInWindow(static_cast<SDL_Window*>(window_.sdlWindow()), 0, 0);
  if (o_.presentation) {
    if (player_ && player_->size() > 0) player_->jumpTo(o_.slide, 0);
    setPresenting(true);
    if (presenting_ && player_) player_->jumpTo(o_.slide, 0);
  }
  if (o_.benchFrames > 0) return bench();

  double last = clock();
  while (running_) {
    SDL_Event event;
    // Areas of control are computed once per interval between event dates, when first needed.
    // While the user is not moving through time, compute intervals ahead (about 8 ms of it per
    // frame), so that the first drag along the timeline finds them ready.
    // The area chart's dates come first while it is shown (they warm the same cache).
    const bool warming = dataset_ && warmed_ < dataset_->timeline.eventDates().size();
    const bool charting = chartPixels_ > 0 && !areaSeries_.complete();
    if ((warming || charting) && idle() && !dragging_ && !timeline_.scrubbing()) {
      const auto budget = std::chrono::steady_clock::now() + std::chrono::milliseconds(8);
      if (charting) areaSeries_.step([this](Date d) { return totalsAt(d); }, budget);
      if (warming && std::chrono::steady_clock::now() < budget) {
        do {
          (void)session_.frameAt(dataset_->timeline.eventDates()[warmed_++]);
        } while (warmed_ < dataset_->timeline.eventDates().size() && std::chrono::steady_clock::now() < budget);
      }
    }
    const bool busy = !idle() || dragging_ || exportDialog_.running() || o_.frameSeconds > 0 || !scriptDone_ ||
                      warming || charting;
    // When nothing moves, sleep until something happens (a laptop on battery in a classroom).
    if (!busy && SDL_WaitEventTimeout(&event, 250)) handleEvent(event);
    while (SDL_PollEvent(&event)) handleEvent(event);
    if (!running_) break;
    now_ = clock();
    const double dt = std::min(0.25, now_ - last);  // a stall (window dragged) does not jump ahead
    last = now_;
    updateLayout();
    followEdits();
    update(dt);
    if (auto r = drawMap(); !r) return r;
    if (uiVisible_ || presenting_) drawUi();
    else {
      uiRects_.clear();
      ui_.forget();
    }
    ++frames_;
    if (auto r = automation(); !r) return r;
    window_.present();
  }
  return {};
}

}  // namespace

Result<void> runViewer(MapSession& session, const ViewerOptions& options) {
  std::signal(SIGPIPE, SIG_IGN);  // an export's ffmpeg that dies must give an error, not end the viewer
  auto window = WindowTarget::create("frontline - " + options.mapTitle, options.width, options.height, 0);
  if (!window) return window.error();
  auto renderer = MapRenderer::create(session.scene(), MapStyle{}, options.samples);
  if (!renderer) return renderer.error();
  std::filesystem::path regular, bold;
  if (auto fonts = FontSet::loadDefault()) {
    regular = fonts->regular->path();
    bold = fonts->bold->path();
  }
  auto ui = ImGuiLayer::create(**window, 1.0f, regular, bold);
  if (!ui) return ui.error();
  Result<void> result;
  {
    ViewerApp app(session, options, **window, **renderer, **ui);
    result = app.run();
  }
  // GL objects go while the window's context is current, before the window itself.
  ui->reset();
  renderer->reset();
  return result;
}

}  // namespace frontline
