// Dear ImGui on a WindowTarget (SDL2 + OpenGL3 backends from Debian's libimgui). Needs the
// window's GL context; draws after MapRenderer, which leaves GL state as ImGui expects it.
// Loads the map's own font (Noto Sans) at the sizes the viewer uses, so the panels, the large date
// and presentation mode's slide text are crisp at any size.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "render/frame_damage.hpp"
#include "render/viewer/window_target.hpp"

union SDL_Event;

namespace frontline {

// The UI's fonts. Without a font file every one is ImGui's built-in bitmap font (scaled).
enum class UiFont { Body, Bold, Large, SlideTitle, SlideText };

class ImGuiLayer {
 public:
  // regular/bold: TrueType files (empty: ImGui's built-in font). uiScale multiplies every size.
  static Result<std::unique_ptr<ImGuiLayer>> create(WindowTarget& window, float uiScale = 1.0f,
                                                     const std::filesystem::path& regular = {},
                                                     const std::filesystem::path& bold = {});
  ~ImGuiLayer();
  ImGuiLayer(const ImGuiLayer&) = delete;
  ImGuiLayer& operator=(const ImGuiLayer&) = delete;

  bool handleEvent(const SDL_Event& event);  // true when the UI wants this input for itself
  void beginFrame();
  void endFrame();  // renders the UI into the window's back buffer
  bool wantsMouse() const;
  bool wantsKeyboard() const;
  bool wantsTextInput() const;  // a text field has focus: keys are typing, not shortcuts

  // Where the last endFrame() drew, in drawable pixels (y down): small rectangles around runs of
  // its geometry, merged. The map under them must be restored before the next frame's UI.
  std::vector<PixelRect> drawnRects() const;

  void pushFont(UiFont font);  // ImGui::PushFont with one of the fonts; pair with ImGui::PopFont()
  float fontSize(UiFont font) const;

 private:
  explicit ImGuiLayer(WindowTarget& window) : window_(window) {}
  WindowTarget& window_;
  void* fonts_[5] = {};  // ImFont*, by UiFont
};

}  // namespace frontline
