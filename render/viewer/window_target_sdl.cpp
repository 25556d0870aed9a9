#include <SDL.h>
#include <glad/gl.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
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
  int strip = 0;
  bool copyPending = false;
  bool keepsBackBuffer = false;  // the back buffer holds the last frame after a swap
  int shownW = 0, shownH = 0, shownStrip = -1;  // what the window showed last
  std::optional<std::vector<PixelRect>> nextCopy;
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

namespace {

// Whether the back buffer holds the last frame after a swap (a copying swap, as Mesa's software
// renderers do), not an older one or undefined contents (flipping swaps): two frames of
// different colours, each read back after its swap.
bool probeBackBuffer(SDL_Window* window) {
  const float colours[2][3] = {{0.2f, 0.4f, 0.6f}, {0.6f, 0.2f, 0.4f}};
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDisable(GL_SCISSOR_TEST);
  bool kept = true;
  for (const auto& c : colours) {
    glClearColor(c[0], c[1], c[2], 1);
    glClear(GL_COLOR_BUFFER_BIT);
    SDL_GL_SwapWindow(window);
    uint8_t px[4] = {};
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    for (int i = 0; i < 3; ++i) kept = kept && std::abs(px[i] - static_cast<int>(std::lround(c[i] * 255))) <= 1;
  }
  if (glGetError() != GL_NO_ERROR) kept = false;
  return kept;
}

}  // namespace

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
  impl->keepsBackBuffer = probeBackBuffer(impl->window) && !std::getenv("FRONTLINE_VIEWER_FULL_COPY");
  GLint maxSamples = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
  impl->samples = samples > 1 ? std::min(samples, static_cast<int>(maxSamples)) : 0;
  return std::unique_ptr<WindowTarget>(new WindowTarget(std::move(impl)));
}

int WindowTarget::windowWidth() const {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(impl_->window, &w, &h);
  return w;
}

int WindowTarget::windowHeight() const {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(impl_->window, &w, &h);
  return h;
}

int WindowTarget::width() const { return windowWidth(); }
int WindowTarget::height() const { return std::max(1, windowHeight() - std::min(impl_->strip, windowHeight() - 1)); }
void WindowTarget::setBottomStrip(int pixels) { impl_->strip = std::max(0, pixels); }
int WindowTarget::bottomStrip() const { return windowHeight() - height(); }

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

// The map framebuffer is copied into the window once per shown frame, however many regions were
// drawn into it: the copy waits until the window's framebuffer is needed.
void WindowTarget::endFrame() { impl_->copyPending = true; }

void WindowTarget::copyMapIntoWindow() {
  if (!impl_->copyPending || !impl_->framebuffer) return;
  impl_->copyPending = false;
  const auto& fb = impl_->framebuffer;
  const int strip = bottomStrip(), W = windowWidth(), H = windowHeight();
  const bool same = impl_->keepsBackBuffer && impl_->shownW == W && impl_->shownH == H && impl_->shownStrip == strip;
  std::vector<PixelRect> rects;
  if (same && impl_->nextCopy) rects = *impl_->nextCopy;
  else rects = {PixelRect{0, 0, fb->width(), fb->height()}};
  impl_->nextCopy.reset();
  impl_->shownW = W, impl_->shownH = H, impl_->shownStrip = strip;
  if (strip > 0) {  // the UI strip gets a plain background; the UI draws over it
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, 0, W, strip);
    glClearColor(0.94f, 0.94f, 0.94f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fb->id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  const int mapH = fb->height();
  for (PixelRect r : rects) {
    r.x0 = std::max(r.x0, 0), r.y0 = std::max(r.y0, 0);
    r.x1 = std::min(r.x1, fb->width()), r.y1 = std::min(r.y1, mapH);
    if (r.empty()) continue;
    // Map pixels are counted from the top; GL's from the bottom, and the map sits above the strip.
    const int gy0 = mapH - r.y1, gy1 = mapH - r.y0;
    glBlitFramebuffer(r.x0, gy0, r.x1, gy1, r.x0, strip + gy0, r.x1, strip + gy1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  }
}

void WindowTarget::setNextCopy(std::vector<PixelRect> rects) { impl_->nextCopy = std::move(rects); }
bool WindowTarget::keepsBackBuffer() const { return impl_->keepsBackBuffer; }

void WindowTarget::bindWindowFramebuffer() {
  copyMapIntoWindow();
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, windowWidth(), windowHeight());
}

Result<Image> WindowTarget::readPixels() {
  copyMapIntoWindow();
  const int w = windowWidth(), h = windowHeight();
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

void WindowTarget::present() {
  copyMapIntoWindow();
  SDL_GL_SwapWindow(impl_->window);
}
void* WindowTarget::sdlWindow() const { return impl_->window; }
void* WindowTarget::glContext() const { return impl_->context; }
void WindowTarget::setFullscreen(bool on) {
  SDL_SetWindowFullscreen(impl_->window, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

}  // namespace frontline
