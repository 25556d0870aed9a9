// A desktop window as a render target: SDL2 window with an OpenGL 3.3 core context. The map is
// drawn into the same kind of multisampled framebuffer as OffscreenTarget uses and resolved into
// the window, so the window shows exactly what export writes.
#pragma once

#include <memory>
#include <string>

#include <vector>

#include "render/frame_damage.hpp"
#include "render/render_target.hpp"

namespace frontline {

class WindowTarget : public RenderTarget {
 public:
  static Result<std::unique_ptr<WindowTarget>> create(const std::string& title, int width, int height,
                                                      int samples = 4);
  ~WindowTarget() override;

  int width() const override;   // the map's area in pixels: the drawable size less the UI strip
  int height() const override;
  int windowWidth() const;      // the whole drawable size
  int windowHeight() const;
  // Keeps `pixels` at the bottom of the window for the UI: the map is drawn above that strip
  // (at its own size, so its layout is that of an export at width() x height()).
  void setBottomStrip(int pixels);
  int bottomStrip() const;
  void beginFrame() override;
  void endFrame() override;      // the map is copied into the back buffer when that is next used

  void bindWindowFramebuffer();  // for drawing UI over the resolved map
  Result<Image> readPixels() override;  // the whole window's back buffer (UI included), before present()
  void present();

  // Copying the whole map into the window costs a full-screen pass per frame, the largest part of
  // a frame on a software renderer. Where the window's back buffer still holds the last frame
  // after a swap (checked when the window opens; true for Mesa's llvmpipe), only these rectangles
  // (window pixels, y down) are restored at the next frame: from the map where they cover it, to
  // the strip's background below it. Anything else (a resize, a driver that flips buffers, no
  // rectangles given) restores all, as does FRONTLINE_VIEWER_FULL_COPY=1 in the environment
  // (tests compare the two).
  void setNextCopy(std::vector<PixelRect> rects);
  void addToNextCopy(const std::vector<PixelRect>& rects);
  const std::vector<PixelRect>* nextCopy() const;  // null: everything
  // Whether the next frame restores only nextCopy() (else the whole window).
  bool nextCopyIsPartial() const;
  bool keepsBackBuffer() const;

  void* sdlWindow() const;   // SDL_Window*, for the UI layer and event handling
  void* glContext() const;   // SDL_GLContext
  void setFullscreen(bool on);

 private:
  void copyMapIntoWindow();
  struct Impl;
  explicit WindowTarget(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace frontline
