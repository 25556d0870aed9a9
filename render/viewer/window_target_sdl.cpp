#include <SDL.h>
#include <glad/gl.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "render/gl/framebuffer.hpp"
#include <vector>

#include "render/viewer/window_target.hpp"

namespace frontline {

struct WindowTarget::Impl {
  SDL_Window* window = nullptr;
  SDL_GLContext context = nullptr;
  int samples = 0;
  std::optional<gl::ColorFramebuffer> framebuffer;
  ~Impl() {
    if (context) {
      SDL_GL_MakeCurrent(window, context);
      framebuffer.reset();
      SDL_GL_DeleteContext(context);
    }
    if (window) SDL_DestroyWindow(window);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
  }
};

WindowTarget::WindowTarget(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WindowTarget::~WindowTarget() = default;

Result<std::unique_ptr<WindowTarget>> WindowTarget::create(const std::string& title, int width, int height,
                                                           int samples) {
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0)
    return makeError(ErrorKind::Render, "SDL", std::string("cannot open a window: ") + SDL_GetError() +
                                                   " (is there a display? set DISPLAY, or use xvfb-run)");
  auto impl = std::make_unique<Impl>();
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
  const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  impl->window = SDL_CreateWindow(title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags);
  if (!impl->window) return makeError(ErrorKind::Render, "SDL", std::string("cannot create a window: ") + SDL_GetError());
  impl->context = SDL_GL_CreateContext(impl->window);
  if (!impl->context)
    return makeError(ErrorKind::Render, "SDL", std::string("cannot create an OpenGL 3.3 context: ") + SDL_GetError());
  SDL_GL_MakeCurrent(impl->window, impl->context);
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(SDL_GL_GetProcAddress)))
    return makeError(ErrorKind::Render, "SDL", "cannot load OpenGL functions");
  SDL_GL_SetSwapInterval(1);
  GLint maxSamples = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
  impl->samples = samples > 1 ? std::min(samples, static_cast<int>(maxSamples)) : 0;
  return std::unique_ptr<WindowTarget>(new WindowTarget(std::move(impl)));
}

int WindowTarget::width() const {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(impl_->window, &w, &h);
  return w;
}

int WindowTarget::height() const {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(impl_->window, &w, &h);
  return h;
}

void WindowTarget::beginFrame() {
  SDL_GL_MakeCurrent(impl_->window, impl_->context);
  const int w = width(), h = height();
  if (!impl_->framebuffer || impl_->framebuffer->width() != w || impl_->framebuffer->height() != h) {
    impl_->framebuffer.reset();
    auto fb = gl::ColorFramebuffer::create(w, h, impl_->samples);
    if (fb) impl_->framebuffer = std::move(fb).value();
  }
  glBindFramebuffer(GL_FRAMEBUFFER, impl_->framebuffer ? impl_->framebuffer->id() : 0);
  glViewport(0, 0, w, h);
}

void WindowTarget::endFrame() {
  if (impl_->framebuffer) impl_->framebuffer->resolveInto(0);
  bindWindowFramebuffer();
}

void WindowTarget::bindWindowFramebuffer() {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, width(), height());
}

Result<Image> WindowTarget::readPixels() {
  const int w = width(), h = height();
  Image image(w, h);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  if (glGetError() != GL_NO_ERROR) return makeError(ErrorKind::Render, "", "reading the window's pixels failed");
  const size_t row = static_cast<size_t>(w) * 4;
  std::vector<uint8_t> tmp(row);
  for (int y = 0; y < h / 2; ++y) {
    std::memcpy(tmp.data(), image.pixel(0, y), row);
    std::memcpy(image.pixel(0, y), image.pixel(0, h - 1 - y), row);
    std::memcpy(image.pixel(0, h - 1 - y), tmp.data(), row);
  }
  for (size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;  // window alpha is meaningless
  return image;
}

void WindowTarget::present() { SDL_GL_SwapWindow(impl_->window); }
void* WindowTarget::sdlWindow() const { return impl_->window; }
void* WindowTarget::glContext() const { return impl_->context; }
void WindowTarget::setFullscreen(bool on) {
  SDL_SetWindowFullscreen(impl_->window, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

}  // namespace frontline
