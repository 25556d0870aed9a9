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
  int fullCopies = 0;                            // frames left that copy the whole map
  int windowedX = 0, windowedY = 0, windowedW = 0, windowedH = 0;  // to return to from full screen
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

bool WindowTarget::nextCopyIsPartial() const {
  const int strip = bottomStrip(), W = windowWidth(), H = windowHeight();
  const bool sameSize = impl_->shownW == W && impl_->shownH == H && impl_->shownStrip == strip;
  return impl_->keepsBackBuffer && impl_->framebuffer && sameSize && impl_->fullCopies == 0 &&
         impl_->nextCopy.has_value();
}

void WindowTarget::copyMapIntoWindow() {
  if (!impl_->copyPending || !impl_->framebuffer) return;
  impl_->copyPending = false;
  const auto& fb = impl_->framebuffer;
  const int strip = bottomStrip(), W = windowWidth(), H = windowHeight();
  const bool partial = nextCopyIsPartial();
  // After a change of size the driver may resize its back buffer a frame later than SDL reports
  // the new size, losing what was in it: copy everything for a few frames.
  if (impl_->shownW != W || impl_->shownH != H || impl_->shownStrip != strip) impl_->fullCopies = 3;
  else if (impl_->fullCopies > 0) --impl_->fullCopies;
  std::vector<PixelRect> rects;
  if (partial) rects = *impl_->nextCopy;
  else rects = {PixelRect{0, 0, W, H}};
  impl_->nextCopy.reset();
  impl_->shownW = W, impl_->shownH = H, impl_->shownStrip = strip;

  const int mapH = fb->height();
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fb->id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
  glClearColor(0.94f, 0.94f, 0.94f, 1.0f);  // the UI strip's plain background; the UI draws over it
  for (PixelRect r : rects) {
    r.x0 = std::max(r.x0, 0), r.y0 = std::max(r.y0, 0);
    r.x1 = std::min(r.x1, W), r.y1 = std::min(r.y1, H);
    if (r.empty()) continue;
    // Window pixels are counted from the top; GL's from the bottom. The map is the top mapH rows.
    if (r.y0 < mapH) {
      const int y1 = std::min(r.y1, mapH);
      const int gy0 = mapH - y1, gy1 = mapH - r.y0;  // in the map framebuffer
      glBlitFramebuffer(r.x0, gy0, r.x1, gy1, r.x0, strip + gy0, r.x1, strip + gy1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    if (r.y1 > mapH && strip > 0) {
      const int y0 = std::max(r.y0, mapH);
      glEnable(GL_SCISSOR_TEST);
      glScissor(r.x0, H - r.y1, r.x1 - r.x0, r.y1 - y0);
      glClear(GL_COLOR_BUFFER_BIT);
      glDisable(GL_SCISSOR_TEST);
    }
  }
}

void WindowTarget::setNextCopy(std::vector<PixelRect> rects) { impl_->nextCopy = std::move(rects); }

void WindowTarget::addToNextCopy(const std::vector<PixelRect>& rects) {
  if (!impl_->nextCopy) impl_->nextCopy.emplace();
  impl_->nextCopy->insert(impl_->nextCopy->end(), rects.begin(), rects.end());
}

const std::vector<PixelRect>* WindowTarget::nextCopy() const { return impl_->nextCopy ? &*impl_->nextCopy : nullptr; }

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
// Without a window manager (Xvfb in tests) nobody acts on SDL's full-screen request and the X
// window, and so the GL back buffer, keep their old size while SDL reports the screen's size. The
// window is therefore also resized to the screen, and back to its old size afterwards; with a
// window manager this changes nothing.
void WindowTarget::setFullscreen(bool on) {
  const bool isOn = (SDL_GetWindowFlags(impl_->window) & SDL_WINDOW_FULLSCREEN_DESKTOP) == SDL_WINDOW_FULLSCREEN_DESKTOP;
  if (on == isOn) return;
  if (on) {
    SDL_GetWindowSize(impl_->window, &impl_->windowedW, &impl_->windowedH);
    SDL_GetWindowPosition(impl_->window, &impl_->windowedX, &impl_->windowedY);
    SDL_Rect bounds;
    if (SDL_GetDisplayBounds(std::max(0, SDL_GetWindowDisplayIndex(impl_->window)), &bounds) == 0) {
      SDL_SetWindowPosition(impl_->window, bounds.x, bounds.y);
      SDL_SetWindowSize(impl_->window, bounds.w, bounds.h);
    }
    SDL_SetWindowFullscreen(impl_->window, SDL_WINDOW_FULLSCREEN_DESKTOP);
  } else {
    SDL_SetWindowFullscreen(impl_->window, 0);
    if (impl_->windowedW > 0) {
      SDL_SetWindowSize(impl_->window, impl_->windowedW, impl_->windowedH);
      SDL_SetWindowPosition(impl_->window, impl_->windowedX, impl_->windowedY);
    }
  }
}

}  // namespace frontline
