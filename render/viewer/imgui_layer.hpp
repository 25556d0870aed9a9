// Dear ImGui on a WindowTarget (SDL2 + OpenGL3 backends from Debian's libimgui). Needs the
// window's GL context; draws after MapRenderer, which leaves GL state as ImGui expects it.
// Loads the map's own font (Noto Sans) at the sizes the viewer uses, so the panels, the large date
// and presentation mode's slide text are crisp at any size.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
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
  // Renders the UI into the window's back buffer. Where the window keeps its back buffer between
  // frames (WindowTarget::nextCopyIsPartial), only the UI's parts (ImGui draw lists: one per
  // window, tooltip, overlay) that changed since the last frame are drawn, with those they
  // overlap or that the map's redrawn rectangles touch; the window restores the map under them
  // first. Elsewhere last frame's UI pixels stay as they are.
  void endFrame();
  bool wantsMouse() const;
  bool wantsKeyboard() const;
  bool wantsTextInput() const;  // a text field has focus: keys are typing, not shortcuts

  // Where the UI was on screen after the last endFrame(), in drawable pixels (y down): the map
  // under it must be restored when the UI is hidden.
  std::vector<PixelRect> drawnRects() const;
  // After a frame without the UI (hidden): the next endFrame() draws everything.
  void forget();
  // Draw lists drawn / skipped as unchanged by the last endFrame() (for tests and the benchmark).
  int listsDrawn() const;
  int listsKept() const;

  // A pointer for scripts: ImGui sees it at (x, y) drawable pixels with the left button as given,
  // instead of the real one, until reset with nullopt.
  struct Pointer {
    float x = 0, y = 0;
    bool down = false;
  };
  void overridePointer(std::optional<Pointer> pointer) { pointer_ = pointer; }

  void pushFont(UiFont font);  // ImGui::PushFont with one of the fonts; pair with ImGui::PopFont()
  float fontSize(UiFont font) const;

 private:
  explicit ImGuiLayer(WindowTarget& window);
  WindowTarget& window_;
  void* fonts_[5] = {};  // ImFont*, by UiFont
  std::optional<Pointer> pointer_;
  struct Lists;          // what the last frame drew, per draw list
  std::unique_ptr<Lists> lists_;
};

}  // namespace frontline
