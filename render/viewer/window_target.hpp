// A desktop window as a render target: SDL2 window with an OpenGL 3.3 core context. The map is
// drawn into the same kind of multisampled framebuffer as OffscreenTarget uses and resolved into
// the window, so the window shows exactly what export writes.
#pragma once

#include <memory>
#include <string>

#include "render/render_target.hpp"

namespace frontline {

class WindowTarget : public RenderTarget {
 public:
  static Result<std::unique_ptr<WindowTarget>> create(const std::string& title, int width, int height,
                                                      int samples = 4);
  ~WindowTarget() override;

  int width() const override;   // drawable size in pixels
  int height() const override;
  void beginFrame() override;
  void endFrame() override;      // resolves the map into the back buffer; present() shows it
  void bindWindowFramebuffer();  // for drawing UI over the resolved map
  Result<Image> readPixels() override;  // the back buffer, before present()
  void present();

  void* sdlWindow() const;   // SDL_Window*, for the UI layer and event handling
  void* glContext() const;   // SDL_GLContext
  void setFullscreen(bool on);

 private:
  struct Impl;
  explicit WindowTarget(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace frontline
