// `frontline view`: the map in a window (SDL2 + Dear ImGui), drawn by the same MapRenderer as
// `render`. Pan by dragging or with the arrow keys, zoom with the wheel or +/-, 0 resets.
#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>
#include <optional>

#include "cli_support.hpp"
#include "commands.hpp"
#include "geo/model/date.hpp"
#include "data_options.hpp"
#include "geo/gis/map_session.hpp"
#include "map_options.hpp"
#include "render/map_renderer.hpp"
#include "render/png_io.hpp"
#include "render/viewer/imgui_layer.hpp"
#include "render/viewer/window_target.hpp"

namespace frontline::cli {
namespace {

struct ViewOptions {
  std::string date;
  std::string size = "1280x800";
  std::string title;
  std::string screenshot;
  bool quit = false;
  bool hideUi = false;
  MapArgs map;
  DataArgs data;
};

// Zooms by `factor` keeping the map point under (px, py) in place.
void zoomAt(MapView& view, int w, int h, double px, double py, double factor) {
  const Vec2 before = screenToMap(view, w, h, {px, py});
  view.unitsPerPixel /= factor;
  const Vec2 after = screenToMap(view, w, h, {px, py});
  view.centre.x += before.x - after.x;
  view.centre.y += before.y - after.y;
}

int runView(const ViewOptions& o) {
  const std::string cmd = "view";
  auto size = parseSize(o.size);
  if (!size) return fail(cmd, size.error());
  std::optional<Date> requested;
  if (!o.date.empty()) {
    auto parsed = Date::parse(o.date);
    if (!parsed) return fail(cmd, makeError(ErrorKind::Usage, "--date", parsed.error().what));
    requested = *parsed;
  }
  auto source = toMapSource(o.map, cmd);
  if (!source) return fail(cmd, source.error());
  auto data = loadDataArgs(o.data, o.map.assets, cmd, o.map.quiet);
  if (!data) return fail(cmd, data.error());
  auto session = MapSession::open(*source, std::move(data).value());
  if (!session) return fail(cmd, session.error());
  const LoadedDataset* loaded = (*session)->data();
  const Date date = requested ? *requested : loaded ? loaded->dataset.end() : Date();
  const std::string title = !o.title.empty() ? o.title : loaded ? loaded->dataset.settings.title : "Iraq and Syria";
  const MapScene& scene = (*session)->scene();
  auto window = WindowTarget::create("frontline - " + title, size->width, size->height, 0);
  if (!window) return fail(cmd, window.error());
  auto renderer = MapRenderer::create(scene);
  if (!renderer) return fail(cmd, renderer.error());
  auto ui = ImGuiLayer::create(**window);
  if (!ui) return fail(cmd, ui.error());

  WindowTarget& win = **window;
  MapView view = fitView(scene.viewExtent, win.width(), win.height());
  int lastW = win.width(), lastH = win.height();
  bool dragging = false, running = true, showUi = !o.hideUi;
  int frames = 0;
  while (running) {
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
      const bool uiTook = showUi && (*ui)->handleEvent(event) && ((*ui)->wantsMouse() || (*ui)->wantsKeyboard());
      if (event.type == SDL_QUIT) running = false;
      if (uiTook) continue;
      const int w = win.width(), h = win.height();
      switch (event.type) {
        case SDL_MOUSEBUTTONDOWN: dragging = event.button.button == SDL_BUTTON_LEFT; break;
        case SDL_MOUSEBUTTONUP: dragging = false; break;
        case SDL_MOUSEMOTION:
          if (dragging) {
            view.centre.x -= event.motion.xrel * view.unitsPerPixel;
            view.centre.y += event.motion.yrel * view.unitsPerPixel;
          }
          break;
        case SDL_MOUSEWHEEL: {
          int mx = 0, my = 0;
          SDL_GetMouseState(&mx, &my);
          zoomAt(view, w, h, mx, my, std::pow(1.25, event.wheel.y));
          break;
        }
        case SDL_KEYDOWN:
          switch (event.key.keysym.sym) {
            case SDLK_ESCAPE: running = false; break;
            case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: zoomAt(view, w, h, w / 2.0, h / 2.0, 1.25); break;
            case SDLK_MINUS: case SDLK_KP_MINUS: zoomAt(view, w, h, w / 2.0, h / 2.0, 0.8); break;
            case SDLK_LEFT: view.centre.x -= 60 * view.unitsPerPixel; break;
            case SDLK_RIGHT: view.centre.x += 60 * view.unitsPerPixel; break;
            case SDLK_UP: view.centre.y += 60 * view.unitsPerPixel; break;
            case SDLK_DOWN: view.centre.y -= 60 * view.unitsPerPixel; break;
            case SDLK_0: view = fitView(scene.viewExtent, w, h); break;
            case SDLK_h: showUi = !showUi; break;
            default: break;
          }
          break;
        default: break;
      }
    }
    if (win.width() != lastW || win.height() != lastH) {
      view = fitView(scene.viewExtent, win.width(), win.height());
      lastW = win.width(), lastH = win.height();
    }
    auto control = (*session)->frameAt(date);
    if (!control) return fail(cmd, control.error());
    FrameInput frame;
    frame.date = date;
    frame.title = title;
    if (loaded) frame.control = &*control;
    frame.view = view;
    frame.scale = defaultScaleFor(win.width(), win.height());
    if (auto r = (*renderer)->draw(frame, win); !r) return fail(cmd, r.error());
    if (showUi) {
      (*ui)->beginFrame();
      ImGui::SetNextWindowPos(ImVec2(static_cast<float>(win.width()) - 290, 10), ImGuiCond_FirstUseEver);
      ImGui::SetNextWindowSize(ImVec2(280, 0), ImGuiCond_FirstUseEver);
      ImGui::Begin("frontline");
      ImGui::Text("Date: %s", date.iso().c_str());
      ImGui::Text("Zoom: %.0f m per pixel", view.unitsPerPixel * scene.metresPerUnit);
      if (ImGui::Button("Reset view (0)")) view = fitView(scene.viewExtent, win.width(), win.height());
      ImGui::TextDisabled("Drag to pan, wheel to zoom, H hides this panel");
      ImGui::End();
      (*ui)->endFrame();
    }
    ++frames;
    // Two frames in, the window has its final size and contents: take the screenshot then.
    if (!o.screenshot.empty() && frames == 2) {
      auto image = win.readPixels();
      if (!image) return fail(cmd, image.error());
      if (auto r = writePngAtomic(o.screenshot, *image); !r) return fail(cmd, r.error());
      std::cout << o.screenshot << "\n";
      if (o.quit) running = false;
    }
    win.present();
  }
  renderer->reset();
  ui->reset();
  return kOk;
}

}  // namespace

Command addViewCommand(CLI::App& parent) {
  auto options = std::make_shared<ViewOptions>();
  CLI::App* app = parent.add_subcommand("view", "Open the map in a window (needs a display; try xvfb-run).");
  app->add_option("--date", options->date, "Map date, YYYY-MM-DD (or YYYY-MM)");
  app->add_option("--size", options->size, "Window size WIDTHxHEIGHT")->capture_default_str();
  app->add_option("--title", options->title, "Title line (default: the dataset's title)");
  app->add_option("--screenshot", options->screenshot, "Save the window's content to this PNG once it is drawn");
  app->add_flag("--quit", options->quit, "Quit after --screenshot (for scripts and tests)");
  app->add_flag("--hide-ui", options->hideUi, "Start with the UI panel hidden (H toggles it)");
  addMapOptions(*app, options->map);
  addDataOptions(*app, options->data);
  return {app, [options] { return runView(*options); }};
}

}  // namespace frontline::cli
