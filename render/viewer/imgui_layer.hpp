// Dear ImGui on a WindowTarget (SDL2 + OpenGL3 backends from Debian's libimgui). Needs the
// window's GL context; draws after MapRenderer, which leaves GL state as ImGui expects it.
#pragma once

#include <memory>

#include "render/viewer/window_target.hpp"

union SDL_Event;

namespace frontline {

class ImGuiLayer {
 public:
  static Result<std::unique_ptr<ImGuiLayer>> create(WindowTarget& window, float uiScale = 1.0f);
  ~ImGuiLayer();
  ImGuiLayer(const ImGuiLayer&) = delete;
  ImGuiLayer& operator=(const ImGuiLayer&) = delete;

  bool handleEvent(const SDL_Event& event);  // true when the UI wants this input for itself
  void beginFrame();
  void endFrame();  // renders the UI into the window's back buffer
  bool wantsMouse() const;
  bool wantsKeyboard() const;

 private:
  explicit ImGuiLayer(WindowTarget& window) : window_(window) {}
  WindowTarget& window_;
};

}  // namespace frontline
